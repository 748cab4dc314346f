import { ZERO, type Decimal } from "../input/money";
import type { Forecast } from "./forecast";
import { policyTotal } from "./table";

/**
 * The scenario summary (方案摘要, as Excel's Scenario Manager has it): the baseline and every
 * what-if side by side, expected support by year and by policy, each what-if with its Δ against
 * the baseline. The figures are the forecasts' own; a year or policy one forecast lacks is 0 there.
 */

export interface SummaryRow {
  /** Expected support, one per scenario, the baseline first. */
  readonly expected: readonly Decimal[];
  /** Each scenario's expected minus the baseline's (the baseline's own is 0). */
  readonly delta: readonly Decimal[];
}

export interface ScenarioSummary {
  readonly names: readonly string[];
  readonly years: readonly (SummaryRow & { readonly year: number })[];
  /** Over each forecast's years, by policy document id, in id order. */
  readonly policies: readonly (SummaryRow & { readonly document: string })[];
  readonly total: SummaryRow;
}

const row = (expected: Decimal[]): SummaryRow => ({ expected, delta: expected.map((x) => x.minus(expected[0])) });

/** `scenarios[0]` is the baseline. */
export function scenarioSummary(scenarios: readonly { readonly name: string; readonly forecast: Forecast }[]): ScenarioSummary {
  const fs = scenarios.map((s) => s.forecast);
  const years = [...new Set(fs.flatMap((f) => f.years.map((y) => y.year)))].sort((a, b) => a - b);
  const documents = [...new Set(fs.flatMap((f) => f.years.flatMap((y) => Object.keys(y.byPolicy))))].sort();
  return {
    names: scenarios.map((s) => s.name),
    years: years.map((year) => ({ year, ...row(fs.map((f) => f.years.find((y) => y.year === year)?.expected ?? ZERO)) })),
    policies: documents.map((document) => ({ document, ...row(fs.map((f) => policyTotal(f, document).expected)) })),
    total: row(fs.map((f) => f.total.expected)),
  };
}

/**
 * The summary as a table of cells (the CSV, the values sheet): a label column, then each
 * scenario's expected and, for each what-if, its Δ. `words` gives the labels in the reader's language.
 */
export function summaryTable(
  s: ScenarioSummary,
  words: { readonly label: string; readonly delta: (name: string) => string; readonly total: string; readonly policy: (document: string) => string },
): { header: string[]; rows: (string | number | Decimal)[][] } {
  const header = [words.label, ...s.names.flatMap((name, i) => (i === 0 ? [name] : [name, words.delta(name)]))];
  const cells = (r: SummaryRow) => r.expected.flatMap((x, i) => (i === 0 ? [x] : [x, r.delta[i]]));
  return {
    header,
    rows: [...s.years.map((y) => [y.year, ...cells(y)]), [words.total, ...cells(s.total)], ...s.policies.map((p) => [words.policy(p.document), ...cells(p)])],
  };
}
