import type { PolicyDocument } from "../catalog/schema";

/** The days a policy is in force, as ISO dates; an open end is unbounded. */
export interface Window {
  readonly from?: string;
  readonly to?: string;
}

/**
 * A document's validity window (ruling 8). A text that runs "有效期N年" from an issue date it
 * does not state is in force until the user sets that date (`issueDate`).
 */
export function validityWindow(doc: PolicyDocument, issueDate?: string): Window {
  if (doc.validityYears !== undefined) {
    const from = issueDate ?? doc.issued;
    if (!from) return {};
    return { from, to: endOfYears(from, doc.validityYears) };
  }
  return { from: doc.validFrom ?? doc.issued, to: doc.validTo };
}

/**
 * Whether a policy counts for a calendar year: it does if it is in force on any day of that
 * year (a policy issued on 2025-11-24 counts for 2025). No year means no filter.
 */
export function inForceDuring(window: Window, year: number | undefined): boolean {
  if (year === undefined) return true;
  if (window.from && Number(window.from.slice(0, 4)) > year) return false;
  if (window.to && Number(window.to.slice(0, 4)) < year) return false;
  return true;
}

/** The last year of a window, for "expiring within the horizon" flags. */
export function lastYear(window: Window): number | undefined {
  return window.to ? Number(window.to.slice(0, 4)) : undefined;
}

/** The day before the same date N years on: 2023-03-01 + 5 years → 2028-02-29. */
function endOfYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}
