import type { AccountingEntry } from "./classes";
import { defaultLives, DEFAULT_SUPER_DEDUCTION, DEFAULT_VAT_RATE, DEFAULT_VAT_SURCHARGES, type AccountingClass, type AssetKind } from "./kinds";
import { rdRewards } from "./rd-rewards";
import { taxOf, type TaxFlows } from "./tax";
import type { Catalog } from "../catalog/catalog";
import type { ForecastLineInfo, Projection } from "../forecast/forecast";
import { Decimal, ZERO } from "../input/money";
import type { AccountingSettings, Scenario } from "../forecast/scenario";

/**
 * How one forecast line's paid amount moves from entitlement to cash, profit and tax (DESIGN
 * rulings 15–17): the settings it rests on, and for each view the share of the amount that falls
 * in each year. Every view is linear in the amount, so the same shares serve the ceiling, the
 * expected value and every world of the band.
 */

/** The figures of the CFO's views, each a share of a line's paid amount by year. */
export const accountingQuantities = [
  /** The year the enterprise becomes entitled: today's forecast. */
  "entitled",
  /** The year the money arrives (ruling 15). */
  "cash",
  /** Output VAT on support tied to sales, paid out of the cash received (国家税务总局公告2019年第45号 第七条). */
  "vat",
  /** The surcharges on that VAT (税金及附加), an expense of the year received. */
  "surcharges",
  /** What reaches profit: 其他收益, or under the net method the depreciation it saves. */
  "pl",
  /** Of pl, what is shown as 其他收益 (other income): support related to daily activities. */
  "otherIncome",
  /** Of pl, what is shown as 营业外收入: support not related to daily activities (CAS 16 第十一条). */
  "nonOperating",
  /** 递延收益 at year end: received, not yet recognised (a balance, not a flow). */
  "deferred",
  /** Net method: received, deducted from the asset's cost, not yet through depreciation (a balance). */
  "assetReduction",
  /** 应收政府补助 at year end: recognised when receivable, not yet received (a balance; ruling 23). */
  "receivable",
  /** The taxable income the support adds, by year (what a loss before support absorbs first). */
  "taxBase",
  /** 当期所得税 (ruling 22): on the support the year it is received where taxable, else on the costs it funds. */
  "currentTax",
  /** 递延所得税资产 at year end: taxed, not yet recognised, at the rate of the years it reverses (a balance). */
  "deferredTaxAsset",
  /** 递延所得税负债 at year end: recognised (a receivable), not yet taxed (a balance). */
  "deferredTaxLiability",
  /** 所得税费用 the support brings: current tax plus the change in deferred tax. */
  "tax",
  /** Of the current tax, what non-taxable funds bring (不征税收入): lostDeduction + lostSuperDeduction. */
  "nonDeductible",
  /** Its costs not deductible: rate × the costs the funds pay. */
  "lostDeduction",
  /** Its R&D super deduction lost: rate × super-deduction rate × the R&D the funds pay. */
  "lostSuperDeduction",
  /** pl − surcharges − tax. */
  "aftertax",
  /** The current tax as paid (企业所得税法 第五十四条): the year it arises (quarterly prepayment) or the next (汇算清缴). */
  "taxPaid",
  /** The support's cash after what it costs in cash: cash − output VAT − surcharges − taxPaid. */
  "netCash",
] as const;
export type Quantity = (typeof accountingQuantities)[number];
/** Quantities that are balances at year end: their total is the last year's, not a sum. */
export const balances: ReadonlySet<Quantity> = new Set<Quantity>(["deferred", "assetReduction", "receivable", "deferredTaxAsset", "deferredTaxLiability"]);

/** A forecast line as the views need it: its year, its clause, and the matter's event (a
 * scenario event's index when below the number of events: its own useful life). */
export type ProjectedLine = Pick<ForecastLineInfo, "year" | "trace" | "event">;

export type Share = { readonly year: number; readonly fraction: Decimal };

/** Where a setting came from, for the assumptions a view states ("scenario": the scenario's own default for every clause of a kind). */
export type Source = "default" | "scenario" | "document" | "clause" | "event";

/** The income tax a line rests on (ruling 17). */
export interface LineTax {
  /** The scenario's rate, and the rates of particular years. */
  readonly rate: string;
  readonly rates: Readonly<Record<string, string>>;
  /** The funds pay R&D (the catalog's reading): non-taxable, they lose its super deduction. */
  readonly rd: boolean;
  /** The super-deduction rate (研发费用加计扣除), and whether the scenario set it. */
  readonly superRate: string;
  readonly superFrom: Source;
  /** A deferred tax asset is recognised: taxable profit probable (the default) or not, as the scenario says. */
  readonly recogniseAsset: boolean;
  readonly assetFrom: Source;
  /** When the current tax is paid: in the year it arises (quarterly prepayment) or the next (汇算清缴). */
  readonly payment: "quarterly" | "annual";
  readonly paymentFrom: Source;
}

/** The current tax by the year it is paid: the same year, or the next at the annual settlement. */
export function paid(current: ReadonlyMap<number, Decimal>, t: Pick<LineTax, "payment">): Map<number, Decimal> {
  const shift = t.payment === "annual" ? 1 : 0;
  return new Map([...current].map(([y, v]) => [y + shift, v]));
}

/** The settings one line's views rest on. */
export interface LineSettings {
  readonly accounting: AccountingEntry;
  readonly class: AccountingClass;
  readonly lag: { readonly years: number; readonly from: Source };
  /** Asset-related only; `ready`: when the asset is ready for use, where the event says (else its year). */
  readonly asset?: { readonly kind: AssetKind; readonly method: "gross" | "net"; readonly life: number; readonly lifeFrom: Source; readonly ready?: { readonly year: number; readonly month?: number } };
  /** Compensating costs already incurred, recognised when receivable (ruling 23): the year, and why that year. */
  readonly receivable?: { readonly year: number; readonly from: Source; readonly basis: "event" | "approval" | "noApproval" };
  /** Income-related, compensating later costs: the years those costs fall over. */
  readonly costYears?: { readonly years: number; readonly from: Source };
  readonly tax: LineTax;
  /** Support tied to sales: output VAT at `rate` (amount × rate ÷ (1 + rate)) and surcharges on it. */
  readonly vat?: { readonly rate: string; readonly surcharges: string; readonly from: Source };
  /** 不征税收入: the support is not taxed, the costs it funds are not deductible. */
  readonly nonTaxable: boolean;
}

/** The rate of a year: the scenario's rate for that year, else its rate. */
export const rateOf = (t: Pick<LineTax, "rate" | "rates">) => (year: number): Decimal => new Decimal(t.rates[String(year)] ?? t.rate);

export function lineSettings(line: ProjectedLine, s: Scenario, catalog: Catalog): LineSettings {
  const a: AccountingSettings = s.accounting;
  const { clause, document } = line.trace;
  const accounting = catalog.accounting[clause.id];
  if (!accounting) throw new Error(`${clause.id}: no accounting class in the catalog`);
  const lag =
    a.paymentLag.clauses[clause.id] !== undefined
      ? { years: a.paymentLag.clauses[clause.id], from: "clause" as const }
      : a.paymentLag.documents[document.id] !== undefined
        ? { years: a.paymentLag.documents[document.id], from: "document" as const }
        : { years: a.paymentLag.default, from: "default" as const };
  const own = s.events[line.event];
  const eventLife = own && "usefulLife" in own ? own.usefulLife : undefined;
  const kind = accounting.asset!;
  const readyText = own && "readyForUse" in own ? own.readyForUse : undefined;
  const ready = readyText === undefined ? undefined : { year: Number(readyText.slice(0, 4)), ...(readyText.length > 4 ? { month: Number(readyText.slice(5, 7)) } : {}) };
  const asset =
    accounting.class === "asset"
      ? {
          kind,
          method: a.assetMethod,
          ...(eventLife !== undefined
            ? { life: eventLife, lifeFrom: "event" as const }
            : a.usefulLife[kind] !== undefined
              ? { life: a.usefulLife[kind], lifeFrom: "scenario" as const }
              : { life: defaultLives[kind], lifeFrom: "default" as const }),
          ...(ready ? { ready } : {}),
        }
      : undefined;
  const received = line.year + lag.years;
  const r = a.recognition;
  const basis =
    r?.clauses?.[clause.id] !== undefined
      ? { on: r.clauses[clause.id], from: "clause" as const }
      : r?.documents?.[document.id] !== undefined
        ? { on: r.documents[document.id], from: "document" as const }
        : undefined;
  let receivable: LineSettings["receivable"];
  if (accounting.class === "incurred" && basis?.on === "receivable") {
    // A fixed standard and no discretion: conclusive evidence at the end of the event's year. A
    // discretionary award (or one whose amount the text leaves open): no earlier than its approval.
    const fixed = !clause.flags.includes("discretionary") && clause.formula?.kind !== "unspecified";
    const approval = r?.approvalYears?.[clause.id];
    receivable = fixed
      ? { year: line.year, from: basis.from, basis: "event" }
      : approval !== undefined
        ? { year: Math.min(Math.max(line.year, approval), received), from: basis.from, basis: "approval" }
        : { year: received, from: basis.from, basis: "noApproval" };
  }
  const costYears =
    accounting.class === "later"
      ? a.costYears[clause.id] !== undefined
        ? { years: a.costYears[clause.id], from: "clause" as const }
        : { years: 1, from: "default" as const }
      : undefined;
  const tax: LineTax = {
    rate: a.taxRate,
    rates: a.taxRates ?? {},
    rd: accounting.rd === true || Object.prototype.hasOwnProperty.call(rdRewards, clause.id),
    superRate: a.superDeduction ?? DEFAULT_SUPER_DEDUCTION,
    superFrom: a.superDeduction === undefined ? "default" : "scenario",
    recogniseAsset: a.deferredTaxAsset ?? true,
    assetFrom: a.deferredTaxAsset === undefined ? "default" : "scenario",
    payment: a.taxPayment ?? "quarterly",
    paymentFrom: a.taxPayment === undefined ? "default" : "scenario",
  };
  const vat = accounting.vat === undefined ? undefined : { rate: a.vat?.rate ?? DEFAULT_VAT_RATE, surcharges: a.vat?.surcharges ?? DEFAULT_VAT_SURCHARGES, from: a.vat === undefined ? ("default" as const) : ("scenario" as const) };
  return { accounting, class: accounting.class, lag, asset, ...(receivable ? { receivable } : {}), costYears, tax, ...(vat ? { vat } : {}), nonTaxable: a.nonTaxable.includes(clause.id) };
}

/** Equal shares of 1 over `n` years from `from`; the last takes what rounding leaves, so they sum to 1. */
function evenly(from: number, n: number): Share[] {
  const each = new Decimal(1).dividedBy(n);
  return Array.from({ length: n }, (_, k) => ({ year: from + k, fraction: k === n - 1 ? new Decimal(1).minus(each.times(n - 1)) : each }));
}

/** Shares of 1 in proportion to `weights` by year; the last takes what rounding leaves, so they sum to 1. */
function proportional(weights: readonly [number, number][]): Share[] {
  const total = weights.reduce((t, [, w]) => t + w, 0);
  let left = new Decimal(1);
  return weights.map(([year, w], k) => {
    const fraction = k === weights.length - 1 ? left : new Decimal(w).dividedBy(total);
    left = left.minus(fraction);
    return { year, fraction };
  });
}

/**
 * An asset-related grant follows the asset (ruling 23; 企业会计准则第16号 第八条): straight-line over
 * its useful life from when it is ready for use. Given a month, from the month after it, as
 * depreciation starts (企业会计准则第4号 and the tax rule alike start the month after); given a year
 * (or nothing: the event's year), in whole years from that year. Money that arrives after
 * depreciation has begun is spread over the life that remains from the start of the year it comes
 * (the 2017 应用指南); after the life has ended, recognised in full when received.
 */
function assetShares(line: ProjectedLine, asset: NonNullable<LineSettings["asset"]>, received: number): Share[] {
  const ready = asset.ready ?? { year: line.year };
  if (ready.month === undefined) {
    const from = Math.max(ready.year, received);
    const remaining = ready.year + asset.life - from;
    return remaining >= 1 ? evenly(from, remaining) : [{ year: received, fraction: new Decimal(1) }];
  }
  // Months counted from January of year 0: ready in month m of year Y, depreciation from month m + 1.
  const start = ready.year * 12 + ready.month;
  const end = start + asset.life * 12;
  const from = Math.max(start, received * 12);
  if (from >= end) return [{ year: received, fraction: new Decimal(1) }];
  const weights: [number, number][] = [];
  for (let y = Math.floor(from / 12); y * 12 < end; y++) weights.push([y, Math.min(end, (y + 1) * 12) - Math.max(from, y * 12)]);
  return proportional(weights);
}

/**
 * When the support reaches profit (ruling 16; 企业会计准则第16号 第八、九条):
 * - compensating costs already incurred: in the year received, or when receivable (ruling 23);
 * - compensating later costs: over the years those costs fall, from the year received;
 * - asset-related: as the asset depreciates (assetShares); the net method saves the same
 *   depreciation each year.
 */
function recognition(line: ProjectedLine, settings: LineSettings): Share[] {
  const received = line.year + settings.lag.years;
  if (settings.asset) return assetShares(line, settings.asset, received);
  if (settings.receivable) return [{ year: settings.receivable.year, fraction: new Decimal(1) }];
  return evenly(received, settings.costYears?.years ?? 1);
}

const toMap = (parts: readonly Share[]) => {
  const m = new Map<number, Decimal>();
  for (const p of parts) m.set(p.year, (m.get(p.year) ?? ZERO).plus(p.fraction));
  return m;
};
const toShares = (m: ReadonlyMap<number, Decimal>): Share[] => [...m].sort(([a], [b]) => a - b).map(([year, fraction]) => ({ year, fraction }));

/** The part of the cash that is income: all of it, or net of output VAT for support tied to sales. */
export const netShare = (st: LineSettings): Decimal => (st.vat ? new Decimal(1).dividedBy(new Decimal(1).plus(st.vat.rate)) : new Decimal(1));

/**
 * When the costs a line's funds pay fall, for their deductions lost where the funds are non-taxable
 * (财税〔2011〕70号 第二条): as the support is recognised (CAS 16 matches the two), except for a
 * reward of costs already incurred, whose costs fell before the award: in the year before it (as
 * read: the clauses reward 上一年度 spending or a product's R&D up to its certificate; RULINGS §83).
 * Those costs were deducted, and super-deducted, when they fell; treated as non-taxable, those
 * deductions are lost in that year, before the horizon where it starts with the award.
 */
export function fundedCosts(line: Pick<ProjectedLine, "year">, st: LineSettings, pl: ReadonlyMap<number, Decimal>): ReadonlyMap<number, Decimal> {
  if (st.class !== "incurred") return pl;
  return new Map([[line.year - 1, [...pl.values()].reduce((a, b) => a.plus(b), ZERO)]]);
}

/**
 * A line's tax flows from its cash (net of VAT) and recognition, in shares or in yuan (tax.ts);
 * `surcharges` by year are deductible in the year paid, lowering the current tax and the expense alike.
 */
export function lineTax(cash: ReadonlyMap<number, Decimal>, pl: ReadonlyMap<number, Decimal>, line: ProjectedLine, st: LineSettings, round: (d: Decimal) => Decimal, surcharges: ReadonlyMap<number, Decimal> = new Map()): TaxFlows {
  const received = line.year + st.lag.years;
  const t = taxOf(cash, pl, {
    rate: rateOf(st.tax),
    nonTaxable: st.nonTaxable,
    superRate: st.tax.rd ? new Decimal(st.tax.superRate) : ZERO,
    // The 60 months of 财税〔2011〕70号 第三条 run on spending; an asset's funds are spent on the asset, its depreciation is not spending.
    sixthYear: st.asset ? undefined : received + 5,
    recogniseAsset: st.tax.recogniseAsset,
  }, round, fundedCosts(line, st, pl));
  for (const [y, v] of surcharges) {
    t.base.set(y, (t.base.get(y) ?? ZERO).minus(v));
    const saved = round(v.times(rateOf(st.tax)(y)));
    if (saved.isZero()) continue;
    for (const m of [t.current, t.expense]) m.set(y, (m.get(y) ?? ZERO).minus(saved));
  }
  return t;
}

/** The shares of one line for every quantity; balances are given for each year up to `until`. */
export function shares(line: ProjectedLine, settings: LineSettings, until: number): Record<Quantity, Share[]> {
  const received = line.year + settings.lag.years;
  // Support tied to sales: its income is the cash net of output VAT (amount ÷ (1 + rate)).
  const k = netShare(settings);
  const pl = recognition(line, settings).map((p) => ({ year: p.year, fraction: p.fraction.times(k) }));
  const net = settings.asset?.method === "net";
  // A balance at each year end: received so far minus recognised so far (deferred, or in the
  // asset), or recognised so far minus received (a receivable).
  const balance: Share[] = [];
  const receivable: Share[] = [];
  for (let y = Math.min(line.year, received); y <= until; y++) {
    const cash = y >= received ? k : ZERO;
    const recognised = pl.filter((p) => p.year <= y).reduce((sum, p) => sum.plus(p.fraction), ZERO);
    const left = cash.minus(recognised);
    if (left.gt(0)) balance.push({ year: y, fraction: left });
    else if (left.lt(0)) receivable.push({ year: y, fraction: left.negated() });
  }
  const cash = [{ year: received, fraction: new Decimal(1) }];
  const vat = settings.vat ? [{ year: received, fraction: new Decimal(1).minus(k) }] : [];
  const surcharges = settings.vat ? [{ year: received, fraction: new Decimal(1).minus(k).times(settings.vat.surcharges) }] : [];
  const t = lineTax(new Map([[received, k]]), toMap(pl), line, settings, (d) => d, toMap(surcharges));
  const plMap = toMap(pl);
  const aftertax = new Map(plMap);
  for (const { year, fraction } of surcharges) aftertax.set(year, (aftertax.get(year) ?? ZERO).minus(fraction));
  for (const [y, v] of t.expense) aftertax.set(y, (aftertax.get(y) ?? ZERO).minus(v));
  const nonDeductible = new Map(t.lostDeduction);
  for (const [y, v] of t.lostSuperDeduction) nonDeductible.set(y, (nonDeductible.get(y) ?? ZERO).plus(v));
  const taxPaid = paid(t.current, settings.tax);
  const netCash = netCashOf(new Map([[received, new Decimal(1)]]), toMap(vat), toMap(surcharges), taxPaid);
  return {
    entitled: [{ year: line.year, fraction: new Decimal(1) }],
    cash,
    vat,
    surcharges,
    pl,
    otherIncome: net || settings.accounting.presentation ? [] : pl,
    nonOperating: !net && settings.accounting.presentation ? pl : [],
    deferred: net ? [] : balance,
    assetReduction: net ? balance : [],
    receivable,
    taxBase: toShares(t.base),
    currentTax: toShares(t.current),
    deferredTaxAsset: toShares(t.deferredAsset),
    deferredTaxLiability: toShares(t.deferredLiability),
    tax: toShares(t.expense),
    nonDeductible: toShares(nonDeductible),
    lostDeduction: toShares(t.lostDeduction),
    lostSuperDeduction: toShares(t.lostSuperDeduction),
    aftertax: toShares(aftertax),
    taxPaid: toShares(taxPaid),
    netCash: toShares(netCash),
  };
}

/** cash − output VAT − surcharges − tax paid, by year. */
export function netCashOf(...[cash, ...out]: readonly ReadonlyMap<number, Decimal>[]): Map<number, Decimal> {
  const net = new Map(cash);
  for (const m of out) for (const [y, v] of m) net.set(y, (net.get(y) ?? ZERO).minus(v));
  return net;
}

/** The views as projections for the forecast's aggregation (options.projections): the band of
 * every view then comes from the same worlds as the entitled one, which the forecast computes
 * itself (its years and total). */
export function projections(s: Scenario, catalog: Catalog): Record<Exclude<Quantity, "entitled">, Projection> {
  const until = s.horizon.to;
  const memo = new WeakMap<ProjectedLine, Record<Quantity, Share[]>>();
  const of = (line: ProjectedLine) => {
    let r = memo.get(line);
    if (!r) memo.set(line, (r = shares(line, lineSettings(line, s, catalog), until)));
    return r;
  };
  const out = {} as Record<Exclude<Quantity, "entitled">, Projection>;
  for (const q of accountingQuantities) if (q !== "entitled") out[q] = (line) => of(line)[q];
  return out;
}
