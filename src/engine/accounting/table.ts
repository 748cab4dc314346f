import type { Accounts } from "./accounts";
import { assumptionsOf, assumptionText } from "./assumptions";
import type { Quantity } from "./schedule";
import { ZERO, type Decimal } from "../input/money";

/**
 * The views by the names a user types: =SUBSIDY.FORECAST(range, view), `subsidy forecast --view`.
 * English codes, and the Chinese a finance team says (现金 for cash received, 损益 for the effect
 * on profit, 税后 for after tax). Spaces, hyphens and case do not matter.
 */
export const viewNames: Readonly<Record<string, Quantity>> = {
  entitled: "entitled",
  应享: "entitled",
  cash: "cash",
  现金: "cash",
  到账: "cash",
  pl: "pl",
  损益: "pl",
  otherincome: "otherIncome",
  其他收益: "otherIncome",
  nonoperating: "nonOperating",
  营业外收入: "nonOperating",
  deferred: "deferred",
  递延收益: "deferred",
  assetreduction: "assetReduction",
  冲减资产: "assetReduction",
  receivable: "receivable",
  应收政府补助: "receivable",
  tax: "tax",
  税: "tax",
  所得税: "tax",
  所得税费用: "tax",
  currenttax: "currentTax",
  当期所得税: "currentTax",
  deferredtaxasset: "deferredTaxAsset",
  递延所得税资产: "deferredTaxAsset",
  deferredtaxliability: "deferredTaxLiability",
  递延所得税负债: "deferredTaxLiability",
  nondeductible: "nonDeductible",
  不得扣除: "nonDeductible",
  lostdeduction: "lostDeduction",
  支出不得扣除: "lostDeduction",
  lostsuperdeduction: "lostSuperDeduction",
  不得加计扣除: "lostSuperDeduction",
  aftertax: "aftertax",
  税后: "aftertax",
  taxbase: "taxBase",
  应纳税所得额: "taxBase",
  vat: "vat",
  增值税: "vat",
  surcharges: "surcharges",
  附加税费: "surcharges",
  taxpaid: "taxPaid",
  所得税缴纳: "taxPaid",
  netcash: "netCash",
  现金净额: "netCash",
};

const nameKey = (text: string) => text.trim().toLowerCase().replace(/[\s_-]+/g, "");
const named = <T>(names: Readonly<Record<string, T>>, text: string): T | undefined => (Object.prototype.hasOwnProperty.call(names, nameKey(text)) ? names[nameKey(text)] : undefined);

export function parseView(text: string): Quantity | undefined {
  return named(viewNames, text);
}

/** The English view codes, for messages. */
export const viewCodes = Object.keys(viewNames).filter((k) => /^[a-z]+$/.test(k));

/**
 * The accounts' tables that are not views by year, by name in either language: the balances'
 * roll-forward (rollForwardTable) and the losses carried forward (lossTable).
 */
export const tableNames: Readonly<Record<string, "rollforward" | "losses">> = { rollforward: "rollforward", 余额变动: "rollforward", losses: "losses", 亏损弥补: "losses" };

export function parseTable(text: string): "rollforward" | "losses" | undefined {
  return named(tableNames, text);
}

/**
 * One view as rows of cells, shaped like the entitled year table (forecastTable): the years, then
 * for a flow what falls after the horizon, then the total (for a balance, its value at the end),
 * then the settings it rests on. The band columns come from the forecast's own worlds
 * (accountedForecast); they are empty for accounts built on a forecast run without projections.
 */
export function accountsTable(a: Accounts, q: Quantity, lang: "en-US" | "zh-CN" = "en-US"): { header: string[]; rows: (number | Decimal | string)[][] } {
  const v = a.views[q];
  const policies = [...new Set(v.years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
  const header = ["year", "ceiling", "expected", "p10", "p50", "p90", ...policies.map((p) => `expected: ${p}`)];
  const band = (y: { band?: { p10: Decimal; p50: Decimal; p90: Decimal } }) => (y.band ? [y.band.p10, y.band.p50, y.band.p90] : ["", "", ""]);
  const rows: (number | Decimal | string)[][] = v.years.map((y) => [y.year, y.ceiling, y.expected, ...band(y), ...policies.map((p) => y.byPolicy[p]?.expected ?? ZERO)]);
  const blank = policies.map(() => "");
  const zh = lang === "zh-CN";
  if (v.balance) {
    rows.push([zh ? `${a.horizon.to}年末` : `end of ${a.horizon.to}`, v.total.ceiling, v.total.expected, ...band(v.total), ...blank]);
  } else {
    // What falls before the horizon (a reward's costs of earlier years), a row of its own where there is any.
    if (!v.before.ceiling.isZero() || !v.before.expected.isZero()) rows.push([zh ? `${a.horizon.from}年以前` : `before ${a.horizon.from}`, v.before.ceiling, v.before.expected, "", "", "", ...blank]);
    rows.push([zh ? `${a.horizon.to}年以后` : `after ${a.horizon.to}`, v.after.ceiling, v.after.expected, "", "", "", ...blank]);
    rows.push(["total", v.total.ceiling, v.total.expected, ...band(v.total), ...blank]);
  }
  const label = zh ? "假设" : "assumption";
  for (const x of assumptionsOf(a, q)) rows.push([label, assumptionText(x, lang), "", "", "", "", ...blank]);
  return { header, rows };
}
