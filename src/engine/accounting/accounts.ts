import { balances, accountingQuantities, lineSettings, lineTax, netCashOf, paid, projections, shares, type LineSettings, type ProjectedLine, type Quantity, type Share } from "./schedule";
import type { Catalog } from "../catalog/catalog";
import { engine, type ClauseLine, type Engine } from "../rules/evaluate";
import { forecast, type Band, type Forecast, type ForecastLine, type ForecastOptions, type View as ForecastView } from "../forecast/forecast";
import { Decimal, ZERO } from "../input/money";
import type { AccountingSettings, Scenario } from "../forecast/scenario";

/**
 * The CFO's views of a forecast (DESIGN rulings 15–17): for each quantity (cash, profit, tax…)
 * the figures per year, per policy and per clause, for the ceiling and the expected value. Each
 * line's amount is spread by its shares (accounting-schedule.ts) and rounded to the fen
 * cumulatively, so a line's years add up to exactly its amount and every balance is exactly what
 * was received less what was recognised.
 */

export interface Pair {
  readonly ceiling: Decimal;
  readonly expected: Decimal;
}

export interface AccountsRow extends Pair {
  readonly year: number;
  /** The band, when the forecast computed this view in its worlds (options.projections). */
  readonly band?: Pick<Band, "p10" | "p50" | "p90">;
  readonly byPolicy: Readonly<Record<string, Pair>>;
  readonly byClause: Readonly<Record<string, Pair>>;
}

export interface AccountsView {
  readonly quantity: Quantity;
  /** A balance at year end (deferred income): its total is the last year's value. */
  readonly balance: boolean;
  readonly years: readonly AccountsRow[];
  /** A flow's part that falls after the horizon (cash of its last year, the rest of a plant's life). */
  readonly after: Pair;
  /** A flow's part that falls before the horizon: the deductions lost on a reward's costs of earlier years, set non-taxable (RULINGS §83). */
  readonly before: Pair;
  /** A flow: `before`, the sum of the years and `after`; a balance: its value at the horizon's end. */
  readonly total: Pair & { readonly band?: Pick<Band, "p10" | "p50" | "p90"> };
}

/** One forecast line in every view: its settings, and its figures by year. */
export interface LineAccounts {
  readonly line: ForecastLine;
  readonly settings: LineSettings;
  readonly ceiling: Readonly<Record<Quantity, ReadonlyMap<number, Decimal>>>;
  readonly expected: Readonly<Record<Quantity, ReadonlyMap<number, Decimal>>>;
}

export interface Accounts {
  readonly horizon: { readonly from: number; readonly to: number };
  /** The scenario's settings the views rest on. */
  readonly settings: AccountingSettings;
  readonly views: Readonly<Record<Quantity, AccountsView>>;
  readonly lines: readonly LineAccounts[];
}

/** Cumulative rounding to the fen: year k gets round(A·C_k) − round(A·C_{k−1}). */
function spread(amount: Decimal, parts: readonly Share[]): Map<number, Decimal> {
  const out = new Map<number, Decimal>();
  let share = ZERO;
  let before = ZERO;
  for (const p of parts) {
    share = share.plus(p.fraction);
    const upTo = amount.times(share).toDecimalPlaces(2);
    out.set(p.year, (out.get(p.year) ?? ZERO).plus(upTo.minus(before)));
    before = upTo;
  }
  return out;
}

/** A line's amount in every quantity, each year exact to the fen. */
function lineAmounts(amount: Decimal, s: Record<Quantity, Share[]>, line: ProjectedLine, settings: LineSettings, until: number): Record<Quantity, Map<number, Decimal>> {
  const cash = spread(amount, s.cash);
  const pl = spread(amount, s.pl);
  // Support tied to sales: the income is what pl adds up to (amount ÷ (1 + rate), to the fen), the
  // output VAT the rest of the cash, the surcharges a share of that VAT.
  const received = line.year + settings.lag.years;
  const income = settings.vat ? [...pl.values()].reduce((a, b) => a.plus(b), ZERO) : amount;
  const vat = settings.vat ? new Map([[received, amount.minus(income)]]) : new Map<number, Decimal>();
  const surcharges = settings.vat ? new Map([[received, amount.minus(income).times(settings.vat.surcharges).toDecimalPlaces(2)]]) : new Map<number, Decimal>();
  const netCash = settings.vat ? new Map([[received, income]]) : cash;
  // The tax from these very fen, so that expense = current tax + change in deferred tax to the fen.
  const t = lineTax(netCash, pl, line, settings, (d) => d.toDecimalPlaces(2), surcharges);
  const aftertax = new Map([...pl].map(([y, v]) => [y, v.minus(t.expense.get(y) ?? ZERO)]));
  for (const [y, v] of t.expense) if (!pl.has(y)) aftertax.set(y, v.negated());
  for (const [y, v] of surcharges) aftertax.set(y, (aftertax.get(y) ?? ZERO).minus(v));
  const nonDeductible = new Map(t.lostDeduction);
  for (const [y, v] of t.lostSuperDeduction) nonDeductible.set(y, (nonDeductible.get(y) ?? ZERO).plus(v));
  // The balance at each year end: received so far less recognised so far, or, recognised first, a receivable.
  const balance = new Map<number, Decimal>();
  const receivable = new Map<number, Decimal>();
  const first = Math.min(...[...cash.keys(), ...pl.keys()]);
  let got = ZERO;
  let recognised = ZERO;
  for (let y = first; y <= until; y++) {
    got = got.plus(netCash.get(y) ?? ZERO);
    recognised = recognised.plus(pl.get(y) ?? ZERO);
    const left = got.minus(recognised);
    if (left.gt(0)) balance.set(y, left);
    else if (left.lt(0)) receivable.set(y, left.negated());
  }
  const net = s.assetReduction.length > 0;
  const none = new Map<number, Decimal>();
  return {
    entitled: spread(amount, s.entitled),
    cash,
    vat,
    surcharges,
    pl,
    otherIncome: s.otherIncome.length ? pl : none,
    nonOperating: s.nonOperating.length ? pl : none,
    deferred: net || !s.deferred.length ? none : balance,
    assetReduction: net ? balance : none,
    receivable,
    taxBase: t.base,
    currentTax: t.current,
    deferredTaxAsset: t.deferredAsset,
    deferredTaxLiability: t.deferredLiability,
    tax: t.expense,
    nonDeductible,
    lostDeduction: t.lostDeduction,
    lostSuperDeduction: t.lostSuperDeduction,
    aftertax,
    taxPaid: paid(t.current, settings.tax),
    netCash: netCashOf(cash, vat, surcharges, paid(t.current, settings.tax)),
  };
}

/** The event of each forecast line's matter, by the evaluation its trace came from. */
function eventsOf(f: Forecast): Map<ClauseLine, number> {
  const out = new Map<ClauseLine, number>();
  for (const { matter, evaluation } of f.matters) for (const trace of evaluation.lines) out.set(trace, matter.event);
  return out;
}

/**
 * The forecast with its CFO's views: the projections go into the forecast's own worlds, so each
 * view's band is a true band, and the figures by year come from accounts(). `banded` limits the
 * views whose band is computed (a cell showing one view needs one); the others have none.
 */
export function accountedForecast(s: Scenario, options: ForecastOptions = {}, eng: Engine = engine(), banded?: readonly Quantity[]): { forecast: Forecast; accounts: Accounts } {
  const all = projections(s, eng.catalog);
  const chosen = banded ? Object.fromEntries(Object.entries(all).filter(([q]) => banded.includes(q as Quantity))) : all;
  const f = forecast(s, { ...options, projections: { ...options.projections, ...chosen } }, eng);
  return { forecast: f, accounts: accounts(s, f, eng.catalog) };
}

/** One line in one view, at the ceiling: its non-zero years within the horizon, and what falls before and after it. */
export function lineView(a: Accounts, l: LineAccounts, q: Quantity): { readonly years: readonly [number, Decimal][]; readonly before: Decimal; readonly after: Decimal } {
  const all = [...l.ceiling[q]].filter(([, v]) => !v.isZero()).sort(([x], [y]) => x - y);
  const sum = (keep: (y: number) => boolean) => all.filter(([y]) => keep(y)).reduce((t, [, v]) => t.plus(v), ZERO);
  // A balance has no "before": its years before the horizon are not shown.
  const flow = !balances.has(q);
  return { years: all.filter(([y]) => y >= a.horizon.from && y <= a.horizon.to), before: flow ? sum((y) => y < a.horizon.from) : ZERO, after: sum((y) => y > a.horizon.to) };
}

/** One year of every view: the small statement beside a forecast (this year's 其他收益, deferred
 * income at its end, cash received), by the same figures as the views. */
export function yearStatement(a: Accounts, year: number): Record<Quantity, Pair> {
  const zero = { ceiling: ZERO, expected: ZERO };
  return Object.fromEntries(accountingQuantities.map((q) => [q, a.views[q].years.find((r) => r.year === year) ?? zero])) as Record<Quantity, Pair>;
}

export function accounts(s: Scenario, f: Forecast, catalog: Catalog = engine().catalog): Accounts {
  const { from, to } = s.horizon;
  const events = eventsOf(f);
  const lines: LineAccounts[] = f.lines.map((line) => {
    const projected: ProjectedLine = { year: line.year, trace: line.trace, event: events.get(line.trace)! };
    const settings = lineSettings(projected, s, catalog);
    const parts = shares(projected, settings, to);
    return { line, settings, ceiling: lineAmounts(line.ceiling, parts, projected, settings, to), expected: lineAmounts(line.expected, parts, projected, settings, to) };
  });
  // The entitled view's band is the forecast's own table; the others', its views (if projected).
  const bandsOf = (q: Quantity): ForecastView | undefined => (q === "entitled" ? { years: f.years, total: f.total } : f.views[q]);
  const views = Object.fromEntries(accountingQuantities.map((q) => [q, view(q, lines, from, to, bandsOf(q))])) as Record<Quantity, AccountsView>;
  return { horizon: { from, to }, settings: s.accounting, views, lines };
}

function view(quantity: Quantity, lines: readonly LineAccounts[], from: number, to: number, bands?: ForecastView): AccountsView {
  const balance = balances.has(quantity);
  const add = (a: Pair | undefined, ceiling: Decimal, expected: Decimal): Pair => ({ ceiling: (a?.ceiling ?? ZERO).plus(ceiling), expected: (a?.expected ?? ZERO).plus(expected) });
  const years: AccountsRow[] = [];
  for (let year = from; year <= to; year++) {
    let sum: Pair = { ceiling: ZERO, expected: ZERO };
    const byPolicy: Record<string, Pair> = {};
    const byClause: Record<string, Pair> = {};
    for (const l of lines) {
      const c = l.ceiling[quantity].get(year);
      const e = l.expected[quantity].get(year);
      if (!c && !e) continue;
      const { clause, document } = l.line.trace;
      sum = add(sum, c ?? ZERO, e ?? ZERO);
      byPolicy[document.id] = add(byPolicy[document.id], c ?? ZERO, e ?? ZERO);
      byClause[clause.id] = add(byClause[clause.id], c ?? ZERO, e ?? ZERO);
    }
    const b = bands?.years.find((r) => r.year === year);
    years.push({ year, ...sum, ...(b ? { band: pick(b) } : {}), byPolicy, byClause });
  }
  let after: Pair = { ceiling: ZERO, expected: ZERO };
  let before: Pair = { ceiling: ZERO, expected: ZERO };
  if (!balance) {
    for (const l of lines) {
      for (const [y, v] of l.ceiling[quantity]) if (y > to) after = add(after, v, ZERO);
      else if (y < from) before = add(before, v, ZERO);
      for (const [y, v] of l.expected[quantity]) if (y > to) after = add(after, ZERO, v);
      else if (y < from) before = add(before, ZERO, v);
    }
  }
  const last = years[years.length - 1];
  const sum = years.reduce((t, r) => add(t, r.ceiling, r.expected), add(after, before.ceiling, before.expected));
  const total = balance ? { ceiling: last.ceiling, expected: last.expected, ...(last.band ? { band: last.band } : {}) } : { ...sum, ...(bands ? { band: pick(bands.total) } : {}) };
  return { quantity, balance, years, after, before, total };
}

const pick = (b: Band) => ({ p10: b.p10, p50: b.p50, p90: b.p90 });
