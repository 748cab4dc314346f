import type { Accounts, AccountsView } from "./accounts";
import { accountingQuantities, type Quantity } from "./schedule";
import type { Delta } from "../forecast/compare";
import { ZERO, type Decimal } from "../input/money";
import type { AccountingSettings, Scenario } from "../forecast/scenario";

/**
 * A what-if's difference in the CFO's views (issue 19: "a what-if can change them like any other
 * input (Δ in tax and after tax)"): for each view, variant − baseline by year, before and after the
 * horizon, and in total, from the two accounts' own figures, so each Δ is their difference to the fen.
 * The settings a what-if changed are named by accountingChanges, in either language.
 */
export interface AccountsDelta {
  readonly quantity: Quantity;
  readonly balance: boolean;
  /** Every year of either horizon. */
  readonly years: readonly (Delta & { readonly year: number })[];
  readonly before: Delta;
  readonly after: Delta;
  readonly total: Delta;
}

const delta = (b: { ceiling: Decimal; expected: Decimal } | undefined, v: { ceiling: Decimal; expected: Decimal } | undefined): Delta => {
  const baseline = b?.expected ?? ZERO;
  const variant = v?.expected ?? ZERO;
  return { baseline, variant, delta: variant.minus(baseline), ceilingDelta: (v?.ceiling ?? ZERO).minus(b?.ceiling ?? ZERO) };
};

function viewDelta(b: AccountsView, v: AccountsView): AccountsDelta {
  const years = [...new Set([...b.years, ...v.years].map((r) => r.year))].sort((x, y) => x - y);
  return {
    quantity: b.quantity,
    balance: b.balance,
    years: years.map((year) => ({ year, ...delta(b.years.find((r) => r.year === year), v.years.find((r) => r.year === year)) })),
    before: delta(b.before, v.before),
    after: delta(b.after, v.after),
    total: delta(b.total, v.total),
  };
}

export function compareAccounts(base: Accounts, variant: Accounts, quantities: readonly Quantity[] = accountingQuantities): Partial<Record<Quantity, AccountsDelta>> {
  return Object.fromEntries(quantities.map((q) => [q, viewDelta(base.views[q], variant.views[q])]));
}

/** The accounting settings, as a reader names them. */
const settingNames: Record<keyof AccountingSettings, { readonly en: string; readonly zh: string }> = {
  paymentLag: { en: "payment lag", zh: "到账滞后年数" },
  assetMethod: { en: "method for asset-related support", zh: "资产相关补助的会计处理方法" },
  usefulLife: { en: "useful life", zh: "使用年限" },
  taxRate: { en: "income tax rate", zh: "所得税税率" },
  taxRates: { en: "tax rate by year", zh: "分年度所得税税率" },
  vat: { en: "VAT on support tied to sales", zh: "与销售挂钩补助的增值税" },
  profitBeforeSupport: { en: "profit before support", zh: "补助前应纳税所得额" },
  qualifiedYears: { en: "years of 高新技术企业 or 科技型中小企业 status", zh: "高新技术企业或科技型中小企业资格年度" },
  deferredTaxAsset: { en: "deferred tax asset recognition", zh: "递延所得税资产的确认" },
  taxPayment: { en: "when the income tax is paid", zh: "所得税缴纳时间" },
  discountRate: { en: "discount rate", zh: "折现率" },
  superDeduction: { en: "super-deduction rate", zh: "加计扣除比例" },
  nonTaxable: { en: "non-taxable clauses", zh: "不征税收入条款" },
  recognition: { en: "recognition when receivable", zh: "按应收确认" },
  costYears: { en: "years of later costs", zh: "后续费用年数" },
};

/** The accounting settings a variant changed, in the order the scenario lists them. */
export function accountingChanges(base: Scenario, variant: Scenario): (keyof AccountingSettings)[] {
  const keys = Object.keys(settingNames) as (keyof AccountingSettings)[];
  return keys.filter((k) => JSON.stringify(base.accounting[k]) !== JSON.stringify(variant.accounting[k]));
}

export function accountingChangeText(keys: readonly (keyof AccountingSettings)[], lang: "en-US" | "zh-CN" = "en-US"): string {
  const zh = lang === "zh-CN";
  const names = keys.map((k) => (zh ? settingNames[k].zh : settingNames[k].en));
  return zh ? `会计设置已改：${names.join("、")}` : `accounting settings changed: ${names.join(", ")}`;
}
