import { accountedForecast, type Accounts, type Pair } from "./accounts";
import type { Source } from "./schedule";
import { formatRate } from "../input/money";
import { Decimal, ZERO } from "../input/money";
import type { Scenario } from "../forecast/scenario";
import { engine, type Engine } from "../rules/evaluate";

/**
 * Both tax treatments of the clauses a scenario treats as non-taxable (DESIGN ruling 17: "Both
 * treatments are shown, with what each costs"): the current tax those clauses bring, year by year,
 * as set (不征税收入: costs not deductible, super deduction lost, as they fall) and taxed instead (on
 * receipt), and each discounted to the horizon's first year, since the two differ in timing as
 * much as in amount.
 */
export interface Treatments {
  readonly clauses: readonly string[];
  readonly discountRate: { readonly rate: string; readonly from: Source };
  readonly years: readonly { readonly year: number; readonly nonTaxable: Pair; readonly taxed: Pair }[];
  /** What falls before the horizon (a reward's costs of earlier years) and after it. */
  readonly before: { readonly nonTaxable: Pair; readonly taxed: Pair };
  readonly after: { readonly nonTaxable: Pair; readonly taxed: Pair };
  readonly total: { readonly nonTaxable: Pair; readonly taxed: Pair };
  /** Σ tax of year y ÷ (1 + rate)^(y − first year), after the horizon included. */
  readonly presentValue: { readonly nonTaxable: Pair; readonly taxed: Pair };
}

/** A discount rate the scenario does not set (an assumption, labelled as the default). */
export const DEFAULT_DISCOUNT_RATE = "0.08";

const zero: Pair = { ceiling: ZERO, expected: ZERO };
const add = (a: Pair, c: Decimal, e: Decimal): Pair => ({ ceiling: a.ceiling.plus(c), expected: a.expected.plus(e) });

/** The current tax of the chosen clauses' lines, by year (every year, after the horizon too). */
function byYear(a: Accounts, clauses: ReadonlySet<string>): Map<number, Pair> {
  const out = new Map<number, Pair>();
  for (const l of a.lines) {
    if (!clauses.has(l.line.trace.clause.id)) continue;
    for (const [y, v] of l.ceiling.currentTax) out.set(y, add(out.get(y) ?? zero, v, ZERO));
    for (const [y, v] of l.expected.currentTax) out.set(y, add(out.get(y) ?? zero, ZERO, v));
  }
  return out;
}

export function treatments(s: Scenario, eng: Engine = engine()): Treatments | undefined {
  const clauses = s.accounting.nonTaxable;
  if (!clauses.length) return undefined;
  const chosen = new Set(clauses);
  const asSet = byYear(accountedForecast(s, {}, eng, []).accounts, chosen);
  const taxed = byYear(accountedForecast({ ...s, accounting: { ...s.accounting, nonTaxable: [] } }, {}, eng, []).accounts, chosen);
  const rate = s.accounting.discountRate ?? DEFAULT_DISCOUNT_RATE;
  const { from, to } = s.horizon;
  const factor = (y: number) => new Decimal(1).plus(rate).pow(y - from);
  const pv = (m: Map<number, Pair>) => {
    let p = zero;
    for (const [y, v] of m) p = add(p, v.ceiling.dividedBy(factor(y)), v.expected.dividedBy(factor(y)));
    return { ceiling: p.ceiling.toDecimalPlaces(2), expected: p.expected.toDecimalPlaces(2) };
  };
  const sum = (m: Map<number, Pair>, keep: (y: number) => boolean) => [...m].filter(([y]) => keep(y)).reduce((t, [, v]) => add(t, v.ceiling, v.expected), zero);
  const years = [];
  for (let y = from; y <= to; y++) years.push({ year: y, nonTaxable: asSet.get(y) ?? zero, taxed: taxed.get(y) ?? zero });
  return {
    clauses,
    discountRate: { rate, from: s.accounting.discountRate === undefined ? "default" : "scenario" },
    years,
    before: { nonTaxable: sum(asSet, (y) => y < from), taxed: sum(taxed, (y) => y < from) },
    after: { nonTaxable: sum(asSet, (y) => y > to), taxed: sum(taxed, (y) => y > to) },
    total: { nonTaxable: sum(asSet, () => true), taxed: sum(taxed, () => true) },
    presentValue: { nonTaxable: pv(asSet), taxed: pv(taxed) },
  };
}

/** The comparison as rows of cells (expected values): year, as set, taxed instead, difference. */
export function treatmentsTable(t: Treatments, to: number, lang: "en-US" | "zh-CN" = "en-US"): { header: string[]; rows: (number | Decimal | string)[][] } {
  const from = t.years[0]?.year ?? to;
  const hasBefore = !(t.before.nonTaxable.ceiling.isZero() && t.before.nonTaxable.expected.isZero() && t.before.taxed.ceiling.isZero() && t.before.taxed.expected.isZero());
  const zh = lang === "zh-CN";
  const header = zh ? ["年度", "不征税收入（现设定）", "改为应税", "差额"] : ["year", "non-taxable (as set)", "taxed instead", "difference"];
  const row = (label: number | string, p: { nonTaxable: Pair; taxed: Pair }) => [label, p.nonTaxable.expected, p.taxed.expected, p.nonTaxable.expected.minus(p.taxed.expected)];
  const rate = formatRate(new Decimal(t.discountRate.rate));
  const source = t.discountRate.from === "default" ? (zh ? "默认" : "default") : zh ? "情景设定" : "set in the scenario";
  return {
    header,
    rows: [
      ...t.years.map((y) => row(y.year, y)),
      ...(hasBefore ? [row(zh ? `${from}年以前` : `before ${from}`, t.before)] : []),
      row(zh ? `${to}年以后` : `after ${to}`, t.after),
      row(zh ? "合计" : "total", t.total),
      row(zh ? `现值（折现率 ${rate}，${source}）` : `present value (discount rate ${rate}, ${source})`, t.presentValue),
    ],
  };
}
