import type { Accounts } from "./accounts";
import { Decimal, ZERO } from "../input/money";
import type { Scenario } from "../forecast/scenario";

/**
 * The support's current tax where the enterprise has a loss before support (issue 19): a loss is
 * carried forward and set against later taxable income, for 5 years (企业所得税法 第十八条), or 10
 * where a year of 高新技术企业 or 科技型中小企业 status falls within the 5 years after it (财税〔2018〕76号,
 * as read: 具备资格年度之前5个年度发生的尚未弥补完的亏损…最长结转年限由5年延长至10年). The support's tax is
 * the tax on (profit before support + the taxable income the support adds) less the tax on the profit
 * before support alone, year by year, each with its own carry-forward: a loss absorbs support first,
 * and support taxed today can use up a loss that would have sheltered later profit. Not linear in
 * the support, so on the expected figures only, within the horizon.
 */
export interface LossYear {
  readonly year: number;
  readonly profitBeforeSupport: Decimal;
  /** The taxable income the support adds (the view taxBase, expected). */
  readonly support: Decimal;
  readonly taxWithout: Decimal;
  readonly taxWith: Decimal;
  /** taxWith − taxWithout: the support's current tax given the losses. */
  readonly supportTax: Decimal;
  /** The view currentTax (expected), which assumes a profit every year, for comparison. */
  readonly atRate: Decimal;
  /** Losses still to be used at the year end, with the support. */
  readonly lossesLeft: Decimal;
  /** The support's effect on the deferred tax asset on losses at the year end (企业会计准则第18号 第十五条):
   * the rate × (losses left with − without), ≤ 0, as the support uses losses up; 0 where the scenario says
   * taxable profit is not probable (deferredTaxAsset false), the asset then not recognised at all. */
  readonly lossAsset: Decimal;
  /** The support's tax expense given the losses: supportTax − the change in lossAsset. */
  readonly supportExpense: Decimal;
}

export function carryForwardYears(lossYear: number, qualified: ReadonlySet<number>): number {
  for (let q = lossYear + 1; q <= lossYear + 5; q++) if (qualified.has(q)) return 10;
  return 5;
}

export function lossCarryForward(s: Scenario, a: Accounts): LossYear[] | undefined {
  const given = s.accounting.profitBeforeSupport;
  if (!given) return undefined;
  const { from, to } = a.horizon;
  const qualified = new Set(s.accounting.qualifiedYears ?? []);
  const rate = (y: number) => new Decimal(s.accounting.taxRates?.[String(y)] ?? s.accounting.taxRate);
  const expected = (q: "taxBase" | "currentTax", y: number) => a.views[q].years.find((r) => r.year === y)?.expected ?? ZERO;
  const run = (withSupport: boolean) => {
    const pool: { year: number; left: Decimal; until: number }[] = [];
    const out = new Map<number, { tax: Decimal; left: Decimal }>();
    for (let y = from; y <= to; y++) {
      let income = new Decimal(given[String(y)] ?? "0").plus(withSupport ? expected("taxBase", y) : ZERO);
      if (income.lt(0)) {
        pool.push({ year: y, left: income.negated(), until: y + carryForwardYears(y, qualified) });
        income = ZERO;
      }
      // The oldest loss first, while it may still be used.
      for (const loss of pool) {
        if (income.lte(0)) break;
        if (loss.until < y || loss.year >= y) continue;
        const used = Decimal.min(loss.left, income);
        loss.left = loss.left.minus(used);
        income = income.minus(used);
      }
      const left = pool.filter((l) => l.until > y).reduce((t, l) => t.plus(l.left), ZERO);
      out.set(y, { tax: income.times(rate(y)).toDecimalPlaces(2), left });
    }
    return out;
  };
  const without = run(false);
  const withIt = run(true);
  // Measured at the next year's rate, the first in which a loss left can be used (as read: RULINGS §84).
  const recognised = s.accounting.deferredTaxAsset ?? true;
  const rows: LossYear[] = [];
  let assetBefore = ZERO;
  for (let y = from; y <= to; y++) {
    const w = withIt.get(y)!;
    const n = without.get(y)!;
    const supportTax = w.tax.minus(n.tax);
    const lossAsset = recognised ? w.left.minus(n.left).times(rate(y + 1)).toDecimalPlaces(2) : ZERO;
    rows.push({ year: y, profitBeforeSupport: new Decimal(given[String(y)] ?? "0"), support: expected("taxBase", y), taxWithout: n.tax, taxWith: w.tax, supportTax, atRate: expected("currentTax", y), lossesLeft: w.left, lossAsset, supportExpense: supportTax.minus(lossAsset.minus(assetBefore)) });
    assetBefore = lossAsset;
  }
  return rows;
}

/** The carry-forward as rows of cells. */
export function lossTable(rows: readonly LossYear[], lang: "en-US" | "zh-CN" = "en-US"): { header: string[]; rows: (number | Decimal | string)[][] } {
  const header =
    lang === "zh-CN"
      ? ["年度", "补助前应纳税所得额", "补助增加的所得额", "无补助的所得税", "有补助的所得税", "补助的当期所得税", "按税率计（视图）", "年末待弥补亏损", "补助对亏损递延所得税资产的影响", "补助的所得税费用（亏损）"]
      : ["year", "profit before support", "support's taxable income", "tax without support", "tax with support", "support's current tax", "at the rate (view)", "losses left", "support's effect on the loss DTA", "support's tax expense (losses)"];
  return { header, rows: rows.map((r) => [r.year, r.profitBeforeSupport, r.support, r.taxWithout, r.taxWith, r.supportTax, r.atRate, r.lossesLeft, r.lossAsset, r.supportExpense]) };
}
