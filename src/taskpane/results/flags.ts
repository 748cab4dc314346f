import type { MessageKey, Params } from "../i18n";

/**
 * The engine's flags on a forecast line (explain.ts's flagsOf, and forecast.ts's expiry flag),
 * sorted into the kinds a reader must see and said in the pane's language. A flag this list
 * does not know is shown as the engine wrote it.
 */
export interface Flag {
  readonly kind: "draft" | "discretionary" | "unspecified" | "assumed" | "expiring" | "info";
  /** The pane's words for it, or undefined: show `text`. */
  readonly key?: MessageKey;
  readonly params?: Params;
  /** The engine's own words. */
  readonly text: string;
}

const known: readonly [RegExp, Flag["kind"], MessageKey][] = [
  [/^draft policy/, "draft", "flag.draft"],
  [/^discretionary/, "discretionary", "flag.discretionary"],
  [/^amount unspecified/, "unspecified", "flag.unspecified"],
  [/^ASSUMPTION/, "assumed", "flag.assumed"],
  [/^policy expires within the horizon \(([^)]*)\)/, "expiring", "flag.expiring"],
  [/^one-time$/, "info", "flag.oneTime"],
  [/^paid in stages$/, "info", "flag.phased"],
  [/^advance payment$/, "info", "flag.advance"],
  [/^per-enterprise cap ([\d,.]+) a year/, "info", "flag.annualCap"],
  [/^at most (\d+) years/, "info", "flag.maxYears"],
  [/^valid until (\S+)$/, "info", "flag.validUntil"],
  [/^valid (\d+) years from an issue date/, "info", "flag.validityYears"],
];

export function classifyFlag(text: string): Flag {
  for (const [pattern, kind, key] of known) {
    const m = pattern.exec(text);
    if (m) return { kind, key, params: { value: m[1] ?? "" }, text };
  }
  return { kind: "info", text };
}

/** The four a reader must not miss come first. */
const order: Record<Flag["kind"], number> = { draft: 0, discretionary: 1, unspecified: 2, assumed: 2, expiring: 3, info: 4 };
export const classifyFlags = (flags: readonly string[]): Flag[] => flags.map(classifyFlag).sort((a, b) => order[a.kind] - order[b.kind]);
