import { ZERO, type Decimal } from "../input/money";
import type { Forecast } from "./forecast";

/**
 * The year table of a forecast as rows of cells: what =SUBSIDY.FORECAST spills, what
 * `subsidy forecast` prints and what the task pane shows. Amounts stay Decimals until the door.
 */
export function forecastTable(f: Forecast): { header: string[]; rows: (number | Decimal | string)[][] } {
  const policies = [...new Set(f.years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
  const header = ["year", "ceiling", "expected", "p10", "p50", "p90", ...policies.map((p) => `expected: ${p}`)];
  const rows = f.years.map((y): (number | Decimal | string)[] => [
    y.year,
    y.ceiling,
    y.expected,
    y.p10,
    y.p50,
    y.p90,
    ...policies.map((p) => y.byPolicy[p]?.expected ?? ZERO),
  ]);
  rows.push(["total", f.total.ceiling, f.total.expected, f.total.p10, f.total.p50, f.total.p90, ...policies.map((p) => policyTotal(f, p).expected)]);
  return { header, rows };
}

/** A policy document's ceiling and expected over the horizon: the sum of its years as shown. */
export function policyTotal(f: Forecast, policy: string): { ceiling: Decimal; expected: Decimal } {
  let ceiling = ZERO;
  let expected = ZERO;
  for (const y of f.years) {
    ceiling = ceiling.plus(y.byPolicy[policy]?.ceiling ?? ZERO);
    expected = expected.plus(y.byPolicy[policy]?.expected ?? ZERO);
  }
  return { ceiling, expected };
}
