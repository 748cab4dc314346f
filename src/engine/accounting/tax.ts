import { Decimal, ZERO } from "../input/money";

/**
 * The income tax one line of support brings (DESIGN rulings 17 and 22), from its cash and its
 * recognition in profit, year by year. The same code serves a line's shares of 1 (the forecast's
 * worlds, `round` the identity) and its amounts in yuan (`round` to the fen), so the views and
 * their bands rest on one rule.
 *
 * - Taxable support is income of the year it is received (财税〔2008〕151号 第一条): the current
 *   tax (当期所得税) is that year's rate × the cash. Where the accounts recognise it at another
 *   time, the difference between what has been taxed and what has been recognised is a temporary
 *   difference (企业会计准则第18号——所得税): taxed before it is recognised, a deferred tax asset;
 *   recognised before it is taxed (a receivable), a deferred tax liability; each measured at the
 *   rate of the years in which it reverses. The expense (所得税费用) is the current tax plus the
 *   change in deferred tax, in every year, by construction.
 * - Non-taxable support (不征税收入, 财税〔2011〕70号) is never income, and the costs it pays are
 *   not deductible (第二条), nor, where they are R&D, super-deductible (国家税务总局公告2015年第97号
 *   二、（五）): both are lost in the years those costs fall (schedule.ts fundedCosts: as the support
 *   is recognised, CAS 16 matching the two, or for a reward the year before the award). Permanent differences: no deferred tax. What is left
 *   unspent after 60 months and not returned is income of the sixth year (第三条): from then on
 *   the line is taxed as taxable support received that year.
 */
export interface TaxSettings {
  /** The income tax rate of a year: the scenario's rate of that year, else its rate. */
  readonly rate: (year: number) => Decimal;
  readonly nonTaxable: boolean;
  /** Non-taxable funds paying R&D: the super deduction those costs lose (1 = 100%); 0 otherwise. */
  readonly superRate: Decimal;
  /** Non-taxable funds paying costs (not an asset): the year what is still unspent becomes taxable (received + 5). */
  readonly sixthYear?: number;
  /** A deferred tax asset is recognised (taxable profit probable); otherwise the expense carries the current tax. */
  readonly recogniseAsset: boolean;
}

export interface TaxFlows {
  /** 当期所得税 on the support, or on the costs it funds where they are not deductible. */
  readonly current: Map<number, Decimal>;
  /** Non-taxable: rate × the funded costs, not deductible. */
  readonly lostDeduction: Map<number, Decimal>;
  /** Non-taxable R&D: rate × super-deduction rate × the funded costs. */
  readonly lostSuperDeduction: Map<number, Decimal>;
  /** The taxable income the support adds (应纳税所得额): the cash where taxable, the funded costs (and their
   * super deduction) not deducted where not; what a loss before support absorbs first. */
  readonly base: Map<number, Decimal>;
  /** Balances at year end. */
  readonly deferredAsset: Map<number, Decimal>;
  readonly deferredLiability: Map<number, Decimal>;
  /** 所得税费用: current + Δ liability − Δ asset. */
  readonly expense: Map<number, Decimal>;
}

const add = (m: Map<number, Decimal>, y: number, v: Decimal) => {
  if (!v.isZero()) m.set(y, (m.get(y) ?? ZERO).plus(v));
};
const sorted = (m: ReadonlyMap<number, Decimal>) => [...m].filter(([, v]) => !v.isZero()).sort(([a], [b]) => a - b);

/** What reverses after year `y`, at each year's rate: the first `left` of the flows after `y`, in order. */
function reversal(flows: readonly [number, Decimal][], y: number, left: Decimal, rate: (year: number) => Decimal): Decimal {
  let out = ZERO;
  for (const [k, v] of flows) {
    if (k <= y || left.lte(0)) continue;
    const part = Decimal.min(v, left);
    out = out.plus(part.times(rate(k)));
    left = left.minus(part);
  }
  return out;
}

/** Taxable support: taxed as `taxed` says, recognised as `pl` says. */
function taxable(taxed: ReadonlyMap<number, Decimal>, pl: ReadonlyMap<number, Decimal>, rate: (year: number) => Decimal, round: (d: Decimal) => Decimal, out: TaxFlows, recogniseAsset: boolean): void {
  const t = sorted(taxed);
  const p = sorted(pl);
  for (const [y, v] of t) {
    add(out.current, y, round(v.times(rate(y))));
    add(out.base, y, v);
  }
  if (!t.length && !p.length) return;
  const years = [...t, ...p].map(([y]) => y);
  const first = Math.min(...years);
  const last = Math.max(...years);
  let taxedToDate = ZERO;
  let recognisedToDate = ZERO;
  for (let y = first; y <= last; y++) {
    taxedToDate = taxedToDate.plus(taxed.get(y) ?? ZERO);
    recognisedToDate = recognisedToDate.plus(pl.get(y) ?? ZERO);
    const difference = taxedToDate.minus(recognisedToDate);
    // Taxed, not yet recognised: reverses as the recognition catches up; the other way round, as the cash comes.
    if (difference.gt(0)) {
      if (recogniseAsset) add(out.deferredAsset, y, round(reversal(p, y, difference, rate)));
    }
    else if (difference.lt(0)) add(out.deferredLiability, y, round(reversal(t, y, difference.negated(), rate)));
  }
}

/** `costs`: when the costs non-taxable funds pay fall (their deductions lost then); by default as recognised. */
export function taxOf(cash: ReadonlyMap<number, Decimal>, pl: ReadonlyMap<number, Decimal>, st: TaxSettings, round: (d: Decimal) => Decimal, costs: ReadonlyMap<number, Decimal> = pl): TaxFlows {
  const out: TaxFlows = { current: new Map(), lostDeduction: new Map(), lostSuperDeduction: new Map(), base: new Map(), deferredAsset: new Map(), deferredLiability: new Map(), expense: new Map() };
  if (!st.nonTaxable) taxable(cash, pl, st.rate, round, out, st.recogniseAsset);
  else {
    const sixth = st.sixthYear ?? Infinity;
    const later = new Map<number, Decimal>();
    for (const [y, v] of sorted(costs)) {
      if (y >= sixth) {
        later.set(y, v);
        continue;
      }
      const lost = round(v.times(st.rate(y)));
      const lostSuper = round(v.times(st.rate(y)).times(st.superRate));
      add(out.lostDeduction, y, lost);
      add(out.lostSuperDeduction, y, lostSuper);
      add(out.current, y, lost.plus(lostSuper));
      add(out.base, y, round(v.times(new Decimal(1).plus(st.superRate))));
    }
    // Unspent after 60 months: income of the sixth year, its costs deductible from then on.
    if (later.size) taxable(new Map([[sixth, [...later.values()].reduce((a, b) => a.plus(b), ZERO)]]), later, st.rate, round, out, st.recogniseAsset);
  }
  const years = [...out.current.keys(), ...out.deferredAsset.keys(), ...out.deferredLiability.keys()];
  if (!years.length) return out;
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  for (let y = first; y <= last; y++) {
    const change = (m: Map<number, Decimal>) => (m.get(y) ?? ZERO).minus(m.get(y - 1) ?? ZERO);
    add(out.expense, y, (out.current.get(y) ?? ZERO).plus(change(out.deferredLiability)).minus(change(out.deferredAsset)));
  }
  return out;
}
