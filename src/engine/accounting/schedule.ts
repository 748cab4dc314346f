import type { AccountingEntry } from "./classes";
import type { AccountingClass, AssetKind } from "./kinds";
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
  /** What reaches profit: 其他收益, or under the net method the depreciation it saves. */
  "pl",
  /** Of pl, what is shown as 其他收益 (other income). */
  "otherIncome",
  /** 递延收益 at year end: received, not yet recognised (a balance, not a flow). */
  "deferred",
  /** Net method: received, deducted from the asset's cost, not yet through depreciation (a balance). */
  "assetReduction",
  /** Income tax the support brings (ruling 17): on the support where taxable, else on the costs it funds. */
  "tax",
  /** Of tax, the part from funded costs that are not deductible (不征税收入). */
  "nonDeductible",
  /** pl − tax. */
  "aftertax",
] as const;
export type Quantity = (typeof accountingQuantities)[number];
/** Quantities that are balances at year end: their total is the last year's, not a sum. */
export const balances: ReadonlySet<Quantity> = new Set<Quantity>(["deferred", "assetReduction"]);

/** A forecast line as the views need it: its year, its clause, and the matter's event (a
 * scenario event's index when below the number of events: its own useful life). */
export type ProjectedLine = Pick<ForecastLineInfo, "year" | "trace" | "event">;

export type Share = { readonly year: number; readonly fraction: Decimal };

/** Where a setting came from, for the assumptions a view states. */
export type Source = "default" | "document" | "clause" | "event";

/** The settings one line's views rest on. */
export interface LineSettings {
  readonly accounting: AccountingEntry;
  readonly class: AccountingClass;
  readonly lag: { readonly years: number; readonly from: Source };
  /** Asset-related only. */
  readonly asset?: { readonly kind: AssetKind; readonly method: "gross" | "net"; readonly life: number; readonly lifeFrom: Source };
  /** Income-related, compensating later costs: the years those costs fall over. */
  readonly costYears?: { readonly years: number; readonly from: Source };
  readonly taxRate: Decimal;
  /** 不征税收入: the support is not taxed, the costs it funds are not deductible. */
  readonly nonTaxable: boolean;
}

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
  const asset =
    accounting.class === "asset"
      ? {
          kind: accounting.asset!,
          method: a.assetMethod,
          life: eventLife ?? a.usefulLife[accounting.asset!],
          lifeFrom: eventLife === undefined ? ("default" as const) : ("event" as const),
        }
      : undefined;
  const costYears =
    accounting.class === "later"
      ? a.costYears[clause.id] !== undefined
        ? { years: a.costYears[clause.id], from: "clause" as const }
        : { years: 1, from: "default" as const }
      : undefined;
  return { accounting, class: accounting.class, lag, asset, costYears, taxRate: new Decimal(a.taxRate), nonTaxable: a.nonTaxable.includes(clause.id) };
}

/** Equal shares of 1 over `n` years from `from`; the last takes what rounding leaves, so they sum to 1. */
function evenly(from: number, n: number): Share[] {
  const each = new Decimal(1).dividedBy(n);
  return Array.from({ length: n }, (_, k) => ({ year: from + k, fraction: k === n - 1 ? new Decimal(1).minus(each.times(n - 1)) : each }));
}

/**
 * When the support reaches profit (ruling 16; 企业会计准则第16号 第八、九条):
 * - compensating costs already incurred: in the year received;
 * - compensating later costs: over the years those costs fall, from the year received;
 * - asset-related: straight-line over the asset's useful life from the year it is ready for use
 *   (the year of the event), and when the money arrives after depreciation has begun, over the
 *   life that remains (the 2017 应用指南); the net method saves the same depreciation each year.
 */
function recognition(line: ProjectedLine, settings: LineSettings): Share[] {
  const received = line.year + settings.lag.years;
  if (settings.asset) {
    const remaining = line.year + settings.asset.life - received;
    return remaining >= 1 ? evenly(received, remaining) : [{ year: received, fraction: new Decimal(1) }];
  }
  return evenly(received, settings.costYears?.years ?? 1);
}

/** The shares of one line for every quantity; balances are given for each year up to `until`. */
export function shares(line: ProjectedLine, settings: LineSettings, until: number): Record<Quantity, Share[]> {
  const received = line.year + settings.lag.years;
  const pl = recognition(line, settings);
  const net = settings.asset?.method === "net";
  // A balance at each year end: received so far minus recognised so far.
  const balance: Share[] = [];
  for (let y = Math.min(line.year, received); y <= until; y++) {
    const cash = y >= received ? new Decimal(1) : ZERO;
    const recognised = pl.filter((p) => p.year <= y).reduce((sum, p) => sum.plus(p.fraction), ZERO);
    const left = cash.minus(recognised);
    if (!left.isZero()) balance.push({ year: y, fraction: left });
  }
  const tax = pl.map((p) => ({ year: p.year, fraction: p.fraction.times(settings.taxRate) }));
  return {
    entitled: [{ year: line.year, fraction: new Decimal(1) }],
    cash: [{ year: received, fraction: new Decimal(1) }],
    pl,
    otherIncome: net ? [] : pl,
    deferred: net ? [] : balance,
    assetReduction: net ? balance : [],
    tax,
    nonDeductible: settings.nonTaxable ? tax : [],
    aftertax: pl.map((p) => ({ year: p.year, fraction: p.fraction.times(new Decimal(1).minus(settings.taxRate)) })),
  };
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
