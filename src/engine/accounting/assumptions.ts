import type { Accounts, LineAccounts } from "./accounts";
import type { AccountingClass } from "./kinds";
import type { Quantity, Source } from "./schedule";
import { Decimal, formatRate, formatYuan } from "../input/money";

/**
 * The settings a view rests on (DESIGN: "each marked as resting on the scenario's settings"), as
 * data, with one text per language. Only settings that act on some line with an amount appear.
 */
export type Assumption =
  | { readonly code: "lag"; readonly years: number; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "method"; readonly method: "gross" | "net"; readonly clauses: readonly string[] }
  | { readonly code: "life"; readonly years: number; readonly kind: "building" | "equipment"; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "costYears"; readonly years: number; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "taxRate"; readonly rate: string }
  | { readonly code: "nonTaxable"; readonly clauses: readonly string[] };

/** Which settings each view rests on. */
const uses: Record<Quantity, readonly Assumption["code"][]> = {
  entitled: [],
  cash: ["lag"],
  pl: ["lag", "method", "life", "costYears"],
  otherIncome: ["lag", "method", "life", "costYears"],
  deferred: ["lag", "method", "life", "costYears"],
  assetReduction: ["lag", "method", "life"],
  tax: ["lag", "method", "life", "costYears", "taxRate", "nonTaxable"],
  nonDeductible: ["lag", "method", "life", "costYears", "taxRate", "nonTaxable"],
  aftertax: ["lag", "method", "life", "costYears", "taxRate", "nonTaxable"],
};

export function assumptionsOf(a: Accounts, q: Quantity): Assumption[] {
  const lines = a.lines.filter((l) => !l.line.ceiling.isZero() || !l.line.expected.isZero());
  const grouped = new Map<string, Assumption & { clauses: string[] }>();
  const add = (key: string, make: () => Assumption & { clauses: string[] }, clause: string) => {
    const g = grouped.get(key) ?? grouped.set(key, make()).get(key)!;
    if (!g.clauses.includes(clause)) g.clauses.push(clause);
  };
  for (const { line, settings } of lines) {
    const id = line.trace.clause.id;
    const { lag, asset, costYears } = settings;
    add(`lag ${lag.years} ${lag.from}`, () => ({ code: "lag", years: lag.years, from: lag.from, clauses: [] }), id);
    if (asset) {
      add(`method ${asset.method}`, () => ({ code: "method", method: asset.method, clauses: [] }), id);
      add(`life ${asset.life} ${asset.kind} ${asset.lifeFrom}`, () => ({ code: "life", years: asset.life, kind: asset.kind, from: asset.lifeFrom, clauses: [] }), id);
    }
    if (costYears) add(`cost ${costYears.years} ${costYears.from}`, () => ({ code: "costYears", years: costYears.years, from: costYears.from, clauses: [] }), id);
    if (settings.nonTaxable) add("nonTaxable", () => ({ code: "nonTaxable", clauses: [] }), id);
  }
  const out: Assumption[] = [...grouped.values()];
  if (lines.length) out.push({ code: "taxRate", rate: a.settings.taxRate });
  return out.filter((x) => uses[q].includes(x.code));
}

const where = (from: Source, lang: "en-US" | "zh-CN") =>
  lang === "zh-CN"
    ? { default: "默认", document: "按文件设定", clause: "按条款设定", event: "按事项设定" }[from]
    : { default: "default", document: "set for the document", clause: "set for the clause", event: "set on the event" }[from];

/** One assumption in words, with the clauses it acts on. */
export function assumptionText(x: Assumption, lang: "en-US" | "zh-CN" = "en-US"): string {
  const zh = lang === "zh-CN";
  const on = "clauses" in x ? (zh ? `（${x.clauses.join("、")}）` : ` (${x.clauses.join(", ")})`) : "";
  switch (x.code) {
    case "lag":
      return zh ? `付款滞后 ${x.years} 年，${where(x.from, lang)}${on}` : `payment lag ${x.years} year${x.years === 1 ? "" : "s"}, ${where(x.from, lang)}${on}`;
    case "method":
      return zh
        ? `与资产相关的补助按${x.method === "gross" ? "总额法（确认为递延收益）" : "净额法（冲减资产账面价值）"}${on}`
        : `asset-related support by the ${x.method === "gross" ? "gross method (deferred income)" : "net method (deducted from the asset's cost)"}${on}`;
    case "life":
      return zh
        ? `${x.kind === "building" ? "房屋建筑物" : "设备"}使用寿命 ${x.years} 年，${where(x.from, lang)}${on}`
        : `useful life ${x.years} years for ${x.kind === "building" ? "a building" : "equipment"}, ${where(x.from, lang)}${on}`;
    case "costYears":
      return zh ? `所补偿的后续费用分 ${x.years} 年发生，${where(x.from, lang)}${on}` : `the later costs it compensates fall over ${x.years} year${x.years === 1 ? "" : "s"}, ${where(x.from, lang)}${on}`;
    case "taxRate":
      return zh ? `企业所得税税率 ${formatRate(new Decimal(x.rate))}` : `income tax rate ${formatRate(new Decimal(x.rate))}`;
    case "nonTaxable":
      return zh ? `作为不征税收入（财税〔2011〕70号），其资助的支出不得税前扣除${on}` : `treated as non-taxable income (财税〔2011〕70号); the costs it funds are not deductible${on}`;
  }
}

/** A clause's accounting class in words (企业会计准则第16号's own terms in Chinese). */
export function classText(c: AccountingClass, lang: "en-US" | "zh-CN" = "en-US"): string {
  return lang === "zh-CN"
    ? { asset: "与资产相关", incurred: "与收益相关，补偿已发生的费用", later: "与收益相关，补偿以后期间的费用" }[c]
    : { asset: "asset-related", incurred: "income-related, compensating costs already incurred", later: "income-related, compensating later costs" }[c];
}

/**
 * How one line's amount moves from entitlement to cash to profit and tax, with the settings it
 * used: the text beside a forecast line (CLI, EXPLAIN of a line).
 */
export function lineStory(l: LineAccounts, lang: "en-US" | "zh-CN" = "en-US"): string {
  const zh = lang === "zh-CN";
  const { settings: st, line } = l;
  const received = line.year + st.lag.years;
  const pl = [...l.ceiling.pl].filter(([, v]) => !v.isZero());
  const first = pl[0]?.[0] ?? received;
  const years = pl.length;
  const each = pl[0] ? formatYuan(pl[0][1]) : "0";
  const rate = formatRate(st.taxRate);
  const parts = zh
    ? [`${line.year} 年取得资格 ${formatYuan(line.ceiling)} 元，${received} 年到账（付款滞后 ${st.lag.years} 年，${where(st.lag.from, lang)}）`, `${classText(st.class, lang)}：${st.accounting.zh}（${st.accounting.words}）`]
    : [`entitled ${line.year}: ${formatYuan(line.ceiling)}; received ${received} (payment lag ${st.lag.years} year${st.lag.years === 1 ? "" : "s"}, ${where(st.lag.from, lang)})`, `${classText(st.class, lang)}: ${st.accounting.en} (${st.accounting.words})`];
  if (st.asset) {
    const { life, lifeFrom, method } = st.asset;
    if (zh) {
      parts.push(`使用寿命 ${life} 年（${where(lifeFrom, lang)}）`);
      parts.push(method === "gross" ? `总额法：确认为递延收益，自 ${first} 年起分 ${years} 年计入其他收益，每年约 ${each} 元` : `净额法：冲减资产账面价值，自 ${first} 年起 ${years} 年每年少计折旧约 ${each} 元`);
    } else {
      parts.push(`useful life ${life} years (${where(lifeFrom, lang)})`);
      parts.push(method === "gross" ? `gross method: deferred income, recognised over ${years} years from ${first}, about ${each} a year` : `net method: deducted from the asset's cost, ${years} years of lower depreciation from ${first}, about ${each} a year`);
    }
  } else if (st.costYears && st.costYears.years > 1) {
    parts.push(zh ? `确认为递延收益，在费用发生的 ${years} 年内计入损益（${where(st.costYears.from, lang)}）` : `deferred, recognised as its costs fall over ${years} years (${where(st.costYears.from, lang)})`);
  } else parts.push(zh ? `${received} 年计入损益` : `in profit in ${received}`);
  if (st.nonTaxable) parts.push(zh ? `不征税收入：不征税，其资助的支出不得扣除（税率 ${rate}）` : `non-taxable income: not taxed, the costs it funds not deductible (rate ${rate})`);
  else parts.push(zh ? `按 ${rate} 计税` : `taxed at ${rate}`);
  return parts.join(zh ? "；" : "; ");
}
