import type { Accounts, LineAccounts } from "./accounts";
import type { AccountingClass } from "./kinds";
import type { Quantity, Source } from "./schedule";
import { Decimal, formatRate, formatYuan } from "../input/money";
import { engine } from "../rules/evaluate";
import { documentName } from "../explain/tables";

/**
 * The settings a view rests on (DESIGN: "each marked as resting on the scenario's settings"), as
 * data, with one text per language. Only settings that act on some line with an amount appear.
 */
export type Assumption =
  | { readonly code: "lag"; readonly years: number; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "method"; readonly method: "gross" | "net"; readonly clauses: readonly string[] }
  | { readonly code: "life"; readonly years: number; readonly kind: "building" | "equipment"; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "costYears"; readonly years: number; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "taxRate"; readonly rate: string; readonly years: Readonly<Record<string, string>> }
  | { readonly code: "nonTaxable"; readonly clauses: readonly string[] }
  /** 不征税收入 chosen for a clause whose funds reward costs already incurred: rarely meets 财税〔2011〕70号. */
  | { readonly code: "nonTaxableDoubtful"; readonly clauses: readonly string[] }
  | { readonly code: "superDeduction"; readonly rate: string; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "sixthYear"; readonly clauses: readonly string[] }
  /** Net method, taxable: the deferred tax sits on the asset (its tax base is the full cost). */
  | { readonly code: "netDeferredTax"; readonly clauses: readonly string[] }
  /** Recognised when receivable (ruling 23): in the event's year, the approval year, or, with no approval year stated, when received. */
  | { readonly code: "receivable"; readonly basis: "event" | "approval" | "noApproval"; readonly from: Source; readonly clauses: readonly string[] }
  | { readonly code: "readyForUse"; readonly ready: string; readonly clauses: readonly string[] }
  /** 营业外收入 rather than 其他收益, with the catalog's reason. */
  | { readonly code: "nonOperating"; readonly en: string; readonly zh: string; readonly clauses: readonly string[] }
  /** Support tied to sales: output VAT and surcharges, income net of them. */
  | { readonly code: "vat"; readonly rate: string; readonly surcharges: string; readonly from: Source; readonly clauses: readonly string[] }
  /** Whether a deferred tax asset is recognised (taxable profit probable), where one arises. */
  | { readonly code: "dta"; readonly recognised: boolean; readonly from: Source; readonly clauses: readonly string[] }
  /** For a listed or pre-IPO company, the support in profit is 非经常性损益. */
  | { readonly code: "nonRecurring" }
  /** Years whose profit before support falls in the 小型微利企业 band: a per-year rate does not fit them. */
  | { readonly code: "smallLowProfit"; readonly years: readonly number[] }
  /** When the current tax is paid (企业所得税法 第五十四条). */
  | { readonly code: "taxPayment"; readonly when: "quarterly" | "annual"; readonly from: Source };

/** Which settings each view rests on. */
const profit: readonly Assumption["code"][] = ["lag", "method", "life", "readyForUse", "costYears", "receivable", "vat"];
const taxed: readonly Assumption["code"][] = [...profit, "taxRate", "smallLowProfit", "dta", "nonTaxable", "nonTaxableDoubtful", "superDeduction", "sixthYear", "netDeferredTax"];
const uses: Record<Quantity, readonly Assumption["code"][]> = {
  entitled: [],
  cash: ["lag"],
  vat: ["lag", "vat"],
  surcharges: ["lag", "vat"],
  pl: [...profit, "nonOperating", "nonRecurring"],
  otherIncome: [...profit, "nonOperating", "nonRecurring"],
  nonOperating: [...profit, "nonOperating", "nonRecurring"],
  deferred: profit,
  assetReduction: ["lag", "method", "life", "readyForUse"],
  receivable: ["lag", "receivable"],
  taxBase: taxed,
  currentTax: taxed,
  deferredTaxAsset: taxed,
  deferredTaxLiability: taxed,
  tax: taxed,
  nonDeductible: taxed,
  lostDeduction: taxed,
  lostSuperDeduction: taxed,
  aftertax: taxed,
  taxPaid: [...taxed, "taxPayment"],
  netCash: ["lag", "vat", ...taxed, "taxPayment"],
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
    if (asset?.ready) {
      const ready = asset.ready.month === undefined ? String(asset.ready.year) : `${asset.ready.year}-${String(asset.ready.month).padStart(2, "0")}`;
      add(`ready ${ready}`, () => ({ code: "readyForUse", ready, clauses: [] }), id);
    }
    // Where support is taxed before it is recognised, a deferred tax asset arises: say whether it is recognised.
    const taxedFirst = !settings.nonTaxable && (asset !== undefined || (costYears !== undefined && costYears.years > 1));
    if (taxedFirst) add(`dta ${settings.tax.recogniseAsset} ${settings.tax.assetFrom}`, () => ({ code: "dta", recognised: settings.tax.recogniseAsset, from: settings.tax.assetFrom, clauses: [] }), id);
    const vat = settings.vat;
    if (vat) add(`vat ${vat.rate} ${vat.surcharges} ${vat.from}`, () => ({ code: "vat", rate: vat.rate, surcharges: vat.surcharges, from: vat.from, clauses: [] }), id);
    const shown = settings.accounting.presentation;
    if (shown && asset?.method !== "net") add(`nonOperating ${shown.en}`, () => ({ code: "nonOperating", en: shown.en, zh: shown.zh, clauses: [] }), id);
    const rec = settings.receivable;
    if (rec) add(`receivable ${rec.basis} ${rec.from}`, () => ({ code: "receivable", basis: rec.basis, from: rec.from, clauses: [] }), id);
    if (costYears) add(`cost ${costYears.years} ${costYears.from}`, () => ({ code: "costYears", years: costYears.years, from: costYears.from, clauses: [] }), id);
    add(`payment ${settings.tax.payment} ${settings.tax.paymentFrom}`, () => ({ code: "taxPayment", when: settings.tax.payment, from: settings.tax.paymentFrom, clauses: [] }), id);
    if (settings.nonTaxable) {
      add("nonTaxable", () => ({ code: "nonTaxable", clauses: [] }), id);
      if (settings.class === "incurred") add("nonTaxableDoubtful", () => ({ code: "nonTaxableDoubtful", clauses: [] }), id);
      if (settings.tax.rd) add(`super ${settings.tax.superRate} ${settings.tax.superFrom}`, () => ({ code: "superDeduction", rate: settings.tax.superRate, from: settings.tax.superFrom, clauses: [] }), id);
      if (!asset) add("sixthYear", () => ({ code: "sixthYear", clauses: [] }), id);
    } else if (asset?.method === "net") add("netDeferredTax", () => ({ code: "netDeferredTax", clauses: [] }), id);
  }
  const out: Assumption[] = [...grouped.values()];
  if (lines.length) out.push({ code: "taxRate", rate: a.settings.taxRate, years: a.settings.taxRates ?? {} }, { code: "nonRecurring" });
  const small = smallLowProfitYears(a);
  if (lines.length && small.length) out.push({ code: "smallLowProfit", years: small });
  return out.filter((x) => uses[q].includes(x.code));
}

/** 小型微利企业: 年应纳税所得额不超过300万元 (with at most 300 staff and 50,000,000 of assets, which the scenario does not hold). */
export const SMALL_LOW_PROFIT_CAP = new Decimal(3_000_000);

/** The horizon's years whose stated profit before support is taxable and within the 小型微利企业 band. */
function smallLowProfitYears(a: Accounts): number[] {
  const given = a.settings.profitBeforeSupport ?? {};
  return Object.entries(given)
    .map(([y, v]) => [Number(y), new Decimal(v)] as const)
    .filter(([y, v]) => y >= a.horizon.from && y <= a.horizon.to && v.gt(0) && v.lte(SMALL_LOW_PROFIT_CAP))
    .map(([y]) => y)
    .sort((x, y) => x - y);
}

const where = (from: Source, lang: "en-US" | "zh-CN") =>
  lang === "zh-CN"
    ? { default: "默认", scenario: "情景设定", document: "按文件设定", clause: "按条款设定", event: "按事项设定" }[from]
    : { default: "default", scenario: "set in the scenario", document: "set for the document", clause: "set for the clause", event: "set on the event" }[from];

/** "2027–2029 15%, 2030 25%": a year's rate, consecutive years of the same rate joined. */
function yearRates(years: Readonly<Record<string, string>>, zh: boolean): string {
  const sorted = Object.entries(years).map(([y, r]) => [Number(y), r] as const).sort(([a], [b]) => a - b);
  const runs: { from: number; to: number; rate: string }[] = [];
  for (const [y, r] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === y - 1 && new Decimal(last.rate).eq(r)) last.to = y;
    else runs.push({ from: y, to: y, rate: r });
  }
  return runs.map((x) => `${x.from === x.to ? x.from : `${x.from}–${x.to}`}${zh ? " 年 " : " "}${formatRate(new Decimal(x.rate))}`).join(zh ? "，" : ", ");
}

/** A clause as a reader cites it, by its document's short name and article (深圳器械措施 （五）), not its id. */
function clauseCited(id: string, lang: "en-US" | "zh-CN"): string {
  const { clauses, documents } = engine().catalog;
  const clause = clauses.find((c) => c.id === id);
  const docId = id.slice(0, id.indexOf("/"));
  if (!clause) return id;
  return `${documentName(documents.find((d) => d.id === docId), docId, lang)}${lang === "zh-CN" ? "" : " "}${clause.article}`;
}

/** One assumption in words, with the clauses it acts on, cited as the reader cites them. */
export function assumptionText(x: Assumption, lang: "en-US" | "zh-CN" = "en-US"): string {
  const zh = lang === "zh-CN";
  const cited = "clauses" in x ? [...new Set(x.clauses.map((id) => clauseCited(id, lang)))] : [];
  const on = cited.length ? (zh ? `（${cited.join("、")}）` : ` (${cited.join("; ")})`) : "";
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
    case "taxRate": {
      const base = formatRate(new Decimal(x.rate));
      const years = Object.keys(x.years).length ? yearRates(x.years, zh) : "";
      if (zh) return `企业所得税税率 ${base}${years ? `，其中 ${years}` : ""}；补助于到账年度计税（财税〔2008〕151号），递延所得税按转回年度的税率计量`;
      return `income tax rate ${base}${years ? `; ${years}` : ""}; support is taxed the year it is received (财税〔2008〕151号), deferred tax measured at the rate of the year it reverses`;
    }
    case "nonTaxable":
      return zh ? `作为不征税收入（财税〔2011〕70号），其资助的支出不得税前扣除${on}` : `treated as non-taxable income (财税〔2011〕70号); the costs it funds are not deductible${on}`;
    case "nonTaxableDoubtful":
      return zh
        ? `注意：该补助奖励已发生的费用，通常不符合财税〔2011〕70号关于专项用途财政性资金的条件，作不征税收入处理需有拨付文件规定专项用途、专门管理办法并单独核算；所奖励的支出已在获奖前一年扣除（及加计扣除），按不征税收入处理即在该年失去这些扣除（本工具的理解），早于测算期的单列一行${on}`
        : `warning: this support rewards costs already incurred and rarely meets 财税〔2011〕70号's conditions for funds of a specified use (a document naming the use, a management rule, separate accounts); the costs it rewards were deducted (and super-deducted) the year before the award, and treated as non-taxable lose those deductions in that year (as the engine reads it), on a line of its own where that year is before the horizon${on}`;
    case "superDeduction":
      return zh
        ? `不征税收入资助的研发费用不得加计扣除（国家税务总局公告2015年第97号），加计扣除比例 ${formatRate(new Decimal(x.rate))}，${where(x.from, lang)}${on}`
        : `R&D paid by non-taxable funds earns no super deduction (国家税务总局公告2015年第97号); super-deduction rate ${formatRate(new Decimal(x.rate))}, ${where(x.from, lang)}${on}`;
    case "sixthYear":
      return zh ? `5年（60个月）内未发生支出且未缴回的部分，计入取得资金第六年的应税收入（财税〔2011〕70号 第三条）${on}` : `what is unspent after 5 years (60 months) and not returned is taxable income of the sixth year (财税〔2011〕70号 第三条)${on}`;
    case "receivable": {
      const why = {
        event: zh ? "标准确定且无需评审，于事项年度末确认" : "a fixed standard and no discretion: recognised at the end of the event's year",
        approval: zh ? "须经评审，于情景所设批准年度确认" : "discretionary: recognised in the approval year the scenario states",
        noApproval: zh ? "注意：须经评审而情景未设批准年度，仍按到账确认" : "warning: discretionary, and the scenario states no approval year, so recognised when received",
      }[x.basis];
      return zh ? `按应收确认（企业会计准则第16号：按照应收金额计量），${why}，${where(x.from, lang)}${on}` : `recognised when receivable (CAS 16: measured at the amount receivable), ${why}, ${where(x.from, lang)}${on}`;
    }
    case "readyForUse":
      return x.ready.length > 4
        ? zh
          ? `资产于 ${x.ready} 达到预定可使用状态，自次月起分摊${on}`
          : `the asset is ready for use in ${x.ready}, recognised from the month after${on}`
        : zh
          ? `资产于 ${x.ready} 年达到预定可使用状态，按整年分摊${on}`
          : `the asset is ready for use in ${x.ready}, recognised in whole years from then${on}`;
    case "vat": {
      const r = formatRate(new Decimal(x.rate));
      const u = formatRate(new Decimal(x.surcharges));
      return zh
        ? `与销售收入或数量直接挂钩的补助缴纳增值税（国家税务总局公告2019年第45号 第七条）：销项税额 = 补助 × ${r} ÷（1 + ${r}），附加税费为其 ${u}，${where(x.from, lang)}；收益与所得税计税基础均不含增值税；补助实质上是商品价款的，适用企业会计准则第14号（收入）而非第16号${on}`
        : `support tied to sales revenue or quantity bears VAT (国家税务总局公告2019年第45号 第七条): output VAT = amount × ${r} ÷ (1 + ${r}), surcharges ${u} of it, ${where(x.from, lang)}; income and the income-tax base are net of it; where the support is in substance part of the price of goods sold, CAS 14 (revenue), not CAS 16, applies${on}`;
    }
    case "dta":
      return x.recognised
        ? zh
          ? `确认递延所得税资产：预计未来很可能取得足够的应纳税所得额（企业会计准则第18号 第十三条），${where(x.from, lang)}${on}`
          : `deferred tax asset recognised: taxable profit against which to use it is probable (CAS 18 第十三条), ${where(x.from, lang)}${on}`
        : zh
          ? `不确认递延所得税资产：情景预计未来不能取得足够的应纳税所得额，所得税费用即当期所得税${on}`
          : `deferred tax asset not recognised: the scenario does not expect taxable profit against which to use it, so the expense is the current tax${on}`;
    case "nonOperating":
      return zh ? `计入营业外收入：${x.zh}${on}` : `shown as non-operating income (营业外收入): ${x.en}${on}`;
    case "nonRecurring":
      return zh
        ? `上市及拟上市公司：计入当期损益的政府补助属非经常性损益，按照确定的标准享有、对损益产生持续影响的除外（证监会公告〔2023〕65号 三、（二））；本工具认为这些条款均为一次性奖励或有期限措施下的支持，不属例外`
        : `for a listed or pre-IPO company, support in profit is non-recurring (非经常性损益) unless received on a fixed standard with a lasting effect on profit (证监会公告〔2023〕65号 三、（二）); the engine reads none of these clauses as such: each is a one-off award or paid under measures of limited duration`;
    case "smallLowProfit": {
      const years = x.years.join(zh ? "、" : ", ");
      return zh
        ? `注意：${years} 年补助前应纳税所得额不超过300万元，若从业人数不超过300人、资产总额不超过5000万元，即为小型微利企业，减按25%计入应纳税所得额、按20%税率缴纳（实际税负5%，财政部 税务总局公告2023年第12号，执行至2027年12月31日）；补助使所得额超过300万元则全年不再适用。按年设定单一税率不能反映这一点，这些年度的所得税请另行核算`
        : `warning: in ${years} the profit before support is at most 3,000,000; with at most 300 staff and 50,000,000 of assets the enterprise is a 小型微利企业, taxed on 25% of its income at 20% (5% in effect; 财政部 税务总局公告2023年第12号, to 31 December 2027), and support that takes its income over 3,000,000 ends that for the whole year. A single rate per year cannot show this: work those years' tax out apart`;
    }
    case "taxPayment":
      // The clauses are every line's: the setting is the scenario's, so it is stated without them.
      return x.when === "quarterly"
        ? zh
          ? `所得税按季预缴，于发生当年缴纳（企业所得税法 第五十四条：季度终了之日起十五日内预缴；第四季度的预缴在次年1月，本工具计入当年），${where(x.from, lang)}`
          : `income tax prepaid by quarter, in the year it arises (企业所得税法 第五十四条: within 15 days of each quarter's end; the fourth quarter's is paid the next January, counted here in the year), ${where(x.from, lang)}`
        : zh
          ? `补助的所得税于次年5月31日前汇算清缴时缴纳（企业所得税法 第五十四条：年度终了之日起五个月内汇算清缴），预缴按上一年度应纳税所得额（实施条例 第一百二十八条）未含补助，${where(x.from, lang)}`
          : `the support's income tax paid at the annual settlement (汇算清缴) by 31 May of the next year (企业所得税法 第五十四条: within five months of the year's end), the prepayments following the year before's income (实施条例 第一百二十八条) and so leaving it out, ${where(x.from, lang)}`;
    case "netDeferredTax":
      return zh ? `净额法：资产计税基础为全部成本，递延所得税资产对应资产账面价值与计税基础的差额${on}` : `net method: the asset's tax base is its full cost, so the deferred tax asset sits on the difference in its carrying amount${on}`;
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
  const rate = formatRate(new Decimal(st.tax.rates[String(received)] ?? st.tax.rate));
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
  } else if (st.receivable) parts.push(zh ? `按应收确认，${st.receivable.year} 年计入损益` : `recognised when receivable, in profit in ${st.receivable.year}`);
  else parts.push(zh ? `${received} 年计入损益` : `in profit in ${received}`);
  if (st.nonTaxable) {
    const lost = st.tax.rd ? (zh ? `，研发费用不得加计扣除（${formatRate(new Decimal(st.tax.superRate))}）` : `, its R&D earns no super deduction (${formatRate(new Decimal(st.tax.superRate))})`) : "";
    parts.push(zh ? `不征税收入：不征税，其资助的支出不得扣除${lost}` : `non-taxable income: not taxed, the costs it funds not deductible${lost}`);
  } else {
    const current = l.ceiling.currentTax.get(received);
    const shown = current ? formatYuan(current) : "0";
    parts.push(zh ? `按 ${rate} 计税：${received} 年到账计入当期所得税 ${shown} 元，所得税费用随确认计入，差额为递延所得税` : `taxed at ${rate} when received in ${received}: current tax ${shown}; the expense follows recognition, the difference is deferred tax`);
  }
  return parts.join(zh ? "；" : "; ");
}
