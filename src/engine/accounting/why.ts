import type { Accounts, LineAccounts } from "./accounts";
import type { Quantity, Source } from "./schedule";
import { fundedCosts, rateOf } from "./schedule";
import { Decimal, formatRate, formatYuan, ZERO } from "../input/money";

/**
 * Why one line shows what it shows in one view (issue 19: "each line says why"): the arithmetic,
 * in words, from the line's own settings and figures (the ceiling, as lineView shows them), in
 * either language. "6,000,000 ÷ 19 remaining years of a 20-year building ready in 2026". One text
 * per line and view, for the pane, the CLI and the template alike.
 */
type Lang = "en-US" | "zh-CN";

const y = (m: ReadonlyMap<number, Decimal>) => [...m].filter(([, v]) => !v.isZero()).sort(([a], [b]) => a - b);
const sum = (m: ReadonlyMap<number, Decimal>) => y(m).reduce((t, [, v]) => t.plus(v), ZERO);
const yuan = formatYuan;
const pct = (r: Decimal | string) => formatRate(new Decimal(r));

const from = (f: Source, zh: boolean) =>
  zh
    ? { default: "默认", scenario: "情景设定", document: "按文件设定", clause: "按条款设定", event: "按事项设定" }[f]
    : { default: "default", scenario: "set in the scenario", document: "set for the document", clause: "set for the clause", event: "set on the event" }[f];

/** How the line reaches profit: the spread of its income over years (asset, later costs) or the one year. */
function recognised(l: LineAccounts, zh: boolean): string {
  const { settings: st, line } = l;
  const pl = y(l.ceiling.pl);
  const income = sum(l.ceiling.pl);
  const received = line.year + st.lag.years;
  const first = pl[0]?.[0] ?? received;
  // Support tied to sales: the income is the amount net of output VAT.
  const base = st.vat
    ? zh
      ? `${yuan(income)}（${yuan(line.ceiling)} ÷（1 + ${pct(st.vat.rate)}），不含增值税）`
      : `${yuan(income)} (${yuan(line.ceiling)} ÷ (1 + ${pct(st.vat.rate)}), net of VAT)`
    : yuan(income);
  if (st.asset) {
    const { life, kind, method, ready } = st.asset;
    const what = zh ? (kind === "building" ? "房屋建筑物" : "设备") : kind === "building" ? "building" : "equipment";
    const saved = method === "net" ? (zh ? "少计折旧：" : "depreciation saved: ") : "";
    if (ready?.month !== undefined) {
      const readyText = `${ready.year}-${String(ready.month).padStart(2, "0")}`;
      const months = life * 12;
      const end = ready.year * 12 + ready.month + months;
      const start = Math.max(ready.year * 12 + ready.month, received * 12);
      const left = end - start;
      if (left <= 0) return zh ? `${saved}${base}，${received} 年到账时资产已提足折旧，一次计入` : `${saved}${base} in full in ${received}: the asset's life had ended when the money came`;
      return zh
        ? `${saved}${base} ÷ ${left} 个月 × 当年月数（${life}年${what}，${readyText} 可使用，次月起尚余 ${left} 个月）`
        : `${saved}${base} ÷ ${left} remaining months × the year's months of a ${life}-year ${what} ready in ${readyText} (from the month after)`;
    }
    const readyYear = ready?.year ?? line.year;
    if (pl.length === 1 && first === received && readyYear + life <= received)
      return zh ? `${saved}${base}，${received} 年到账时资产已提足折旧，一次计入` : `${saved}${base} in full in ${received}: the asset's life had ended when the money came`;
    const n = pl.length;
    const stated = ready ? (zh ? `${readyYear}年可使用` : `ready in ${readyYear}`) : zh ? `${readyYear}年（获批年度）起使用` : `in use from ${readyYear} (the award year)`;
    return zh
      ? `${saved}${base} ÷ ${n}（${life}年${what}，${stated}，${n === life ? `自 ${first} 年起` : `${first} 年到账时尚余${n}年`}）`
      : `${saved}${base} ÷ ${n} ${n === life ? "years" : "remaining years"} of a ${life}-year ${what} ${stated}${n === life ? "" : `, from ${first} when the money came`}`;
  }
  if (st.receivable) {
    const why = { event: zh ? "标准确定、无需评审" : "a fixed standard, no discretion", approval: zh ? "情景所设批准年度" : "the approval year the scenario states", noApproval: zh ? "须经评审而未设批准年度，按到账" : "discretionary with no approval year stated, so when received" }[st.receivable.basis];
    return zh ? `${base} 于 ${st.receivable.year} 年按应收确认（${why}），${received} 年到账` : `${base} in ${st.receivable.year}, recognised when receivable (${why}); received ${received}`;
  }
  if (st.costYears && pl.length > 1)
    return zh
      ? `${base} ÷ ${pl.length}：所补偿的费用自 ${first} 年起分 ${st.costYears.years} 年发生（${from(st.costYears.from, zh)}）`
      : `${base} ÷ ${pl.length} years over which the costs it pays for fall, from ${first} (${from(st.costYears.from, zh)})`;
  return zh ? `${base} 于 ${first} 年到账时计入损益` : `${base} in ${first}, when received`;
}

/** The first year with a figure, as an example of the arithmetic. */
const firstOf = (m: ReadonlyMap<number, Decimal>) => y(m)[0];

export function lineWhy(a: Accounts, l: LineAccounts, q: Quantity, lang: Lang = "en-US"): string {
  const zh = lang === "zh-CN";
  const { settings: st, line, ceiling: c } = l;
  const received = line.year + st.lag.years;
  const sep = zh ? "；" : "; ";
  switch (q) {
    case "entitled":
      return zh ? `${line.year} 年取得资格 ${yuan(line.ceiling)} 元` : `${yuan(line.ceiling)} entitled in ${line.year}`;
    case "cash":
      return zh
        ? `${line.year} 年取得资格，付款滞后 ${st.lag.years} 年（${from(st.lag.from, zh)}），${received} 年到账 ${yuan(line.ceiling)} 元`
        : `entitled ${line.year} + payment lag of ${st.lag.years} year${st.lag.years === 1 ? "" : "s"} (${from(st.lag.from, zh)}): ${yuan(line.ceiling)} received ${received}`;
    case "vat": {
      if (!st.vat) return zh ? "与销售无关，不缴增值税" : "not tied to sales: no VAT";
      const v = sum(c.vat);
      return zh
        ? `${yuan(line.ceiling)} × ${pct(st.vat.rate)} ÷（1 + ${pct(st.vat.rate)}）= ${yuan(v)}，${received} 年到账时缴纳（${from(st.vat.from, zh)}）`
        : `${yuan(line.ceiling)} × ${pct(st.vat.rate)} ÷ (1 + ${pct(st.vat.rate)}) = ${yuan(v)}, due ${received} when received (${from(st.vat.from, zh)})`;
    }
    case "surcharges": {
      if (!st.vat) return zh ? "与销售无关，无附加税费" : "not tied to sales: no surcharges";
      return zh ? `增值税 ${yuan(sum(c.vat))} × ${pct(st.vat.surcharges)} = ${yuan(sum(c.surcharges))}` : `VAT ${yuan(sum(c.vat))} × ${pct(st.vat.surcharges)} = ${yuan(sum(c.surcharges))}`;
    }
    case "pl":
    case "otherIncome":
    case "nonOperating": {
      const shown = st.accounting.presentation && st.asset?.method !== "net" ? (zh ? `计入营业外收入：${st.accounting.presentation.zh}` : `non-operating: ${st.accounting.presentation.en}`) : "";
      return [recognised(l, zh), shown].filter(Boolean).join(sep);
    }
    case "deferred":
    case "assetReduction": {
      if (!y(c[q]).length) {
        const elsewhere = st.asset && (q === "deferred") === (st.asset.method === "net");
        if (elsewhere) return st.asset?.method === "net" ? (zh ? "净额法：冲减资产账面价值，不列递延收益" : "net method: deducted from the asset, not deferred income") : zh ? "总额法：列为递延收益，不冲减资产" : "gross method: deferred income, not deducted from the asset";
        return zh ? "到账即计入损益，无余额" : "in profit when received: no balance";
      }
      const end = y(c[q]).filter(([k]) => k <= a.horizon.to).pop();
      const held = st.asset?.method === "net" ? (zh ? "冲减资产账面价值" : "deducted from the asset") : zh ? "递延收益" : "deferred income";
      const left = end ? (zh ? `，${end[0]} 年末余 ${yuan(end[1])}` : `: ${yuan(end[1])} left at the end of ${end[0]}`) : "";
      return zh ? `${received} 年到账 ${yuan(sum(c.pl))}（${held}），减去已计入损益的部分${left}` : `${yuan(sum(c.pl))} received ${received} (${held}) less what has reached profit${left}`;
    }
    case "receivable":
      return st.receivable
        ? zh
          ? `${st.receivable.year} 年按应收确认，${received} 年到账前为应收政府补助`
          : `recognised ${st.receivable.year}, received ${received}: a receivable until then`
        : zh
          ? "到账时确认，无应收"
          : "recognised when received: no receivable";
    case "taxBase":
    case "currentTax":
    case "nonDeductible":
    case "lostDeduction":
    case "lostSuperDeduction":
      return taxWhy(l, q, zh);
    case "deferredTaxAsset": {
      if (st.nonTaxable) return zh ? "不征税收入：永久性差异，无递延所得税" : "non-taxable: a permanent difference, no deferred tax";
      if (!st.tax.recogniseAsset) return zh ? `不确认递延所得税资产：预计不能取得足够的应纳税所得额（${from(st.tax.assetFrom, zh)}）` : `no deferred tax asset: taxable profit to use it against is not expected (${from(st.tax.assetFrom, zh)})`;
      const e = firstOf(c.deferredTaxAsset);
      if (!e) return zh ? "计税与确认同年，无暂时性差异" : "taxed and recognised in the same year: no temporary difference";
      const onAsset = st.asset?.method === "net" ? (zh ? "（净额法：资产计税基础为全部成本）" : " (net method: on the asset, whose tax base is its full cost)") : "";
      return zh
        ? `已计税、尚未计入损益的部分 × 转回年度的税率：${e[0]} 年末 ${yuan(e[1])}${onAsset}`
        : `taxed, not yet in profit, × the rate of the years it reverses: ${yuan(e[1])} at the end of ${e[0]}${onAsset}`;
    }
    case "deferredTaxLiability": {
      const e = firstOf(c.deferredTaxLiability);
      if (!e) return zh ? "无已确认、尚未计税的部分" : "nothing recognised before it is taxed";
      return zh ? `已计入损益、尚未到账计税的部分 × 到账年度税率：${e[0]} 年末 ${yuan(e[1])}` : `recognised, not yet received and taxed, × the rate of the year it comes: ${yuan(e[1])} at the end of ${e[0]}`;
    }
    case "tax": {
      const e = firstOf(c.tax);
      if (!e) return zh ? "无所得税" : "no tax";
      const [k] = e;
      const cur = c.currentTax.get(k) ?? ZERO;
      const d = (m: ReadonlyMap<number, Decimal>) => (m.get(k) ?? ZERO).minus(m.get(k - 1) ?? ZERO);
      const dl = d(c.deferredTaxLiability);
      const da = d(c.deferredTaxAsset);
      const signed = (v: Decimal) => (v.isNeg() ? ` − ${yuan(v.negated())}` : ` + ${yuan(v)}`);
      if (dl.isZero() && da.isZero()) return zh ? `即当期所得税，无递延所得税：${k} 年 ${yuan(e[1])}` : `the current tax, no deferred tax: ${yuan(e[1])} in ${k}`;
      const parts = `${yuan(cur)}${dl.isZero() ? "" : signed(dl)}${da.isZero() ? "" : signed(da.negated())}`;
      return zh ? `当期所得税加递延所得税的变动：${k} 年 ${parts} = ${yuan(e[1])}` : `current tax + change in deferred tax: ${k} ${parts} = ${yuan(e[1])}`;
    }
    case "taxPaid": {
      const e = firstOf(c.taxPaid);
      if (!e) return zh ? "无所得税缴纳" : "no tax to pay";
      return st.tax.payment === "annual"
        ? zh
          ? `${e[0] - 1} 年的当期所得税 ${yuan(e[1])}，于 ${e[0]} 年5月31日前汇算清缴时缴纳（${from(st.tax.paymentFrom, zh)}）`
          : `${e[0] - 1}'s current tax of ${yuan(e[1])}, paid at the annual settlement by 31 May ${e[0]} (${from(st.tax.paymentFrom, zh)})`
        : zh
          ? `${e[0]} 年的当期所得税 ${yuan(e[1])}，当年按季预缴（${from(st.tax.paymentFrom, zh)}）`
          : `${e[0]}'s current tax of ${yuan(e[1])}, prepaid by quarter that year (${from(st.tax.paymentFrom, zh)})`;
    }
    case "netCash": {
      const e = firstOf(c.cash);
      if (!e) return zh ? "无现金" : "no cash";
      const [k] = e;
      const parts = [[zh ? "增值税" : "VAT", c.vat.get(k)], [zh ? "附加税费" : "surcharges", c.surcharges.get(k)], [zh ? "所得税" : "income tax", c.taxPaid.get(k)]] as const;
      const less = parts.filter(([, v]) => v && !v.isZero()).map(([w, v]) => ` − ${w} ${yuan(v!)}`).join("");
      const net = c.netCash.get(k) ?? ZERO;
      return zh ? `到账减去其增值税、附加税费及所缴所得税：${k} 年 ${yuan(e[1])}${less} = ${yuan(net)}` : `cash less its VAT, surcharges and income tax paid: ${k} ${yuan(e[1])}${less} = ${yuan(net)}`;
    }
    case "aftertax": {
      const e = firstOf(c.aftertax);
      if (!e) return zh ? "无" : "nothing";
      const [k] = e;
      const s = c.surcharges.get(k);
      const text = `${yuan(c.pl.get(k) ?? ZERO)} − ${yuan(c.tax.get(k) ?? ZERO)}${s ? ` − ${yuan(s)}` : ""} = ${yuan(e[1])}`;
      return zh ? `损益减所得税费用${s ? "及附加税费" : ""}：${k} 年 ${text}` : `profit − tax expense${s ? " − surcharges" : ""}: ${k} ${text}`;
    }
  }
}

/** The tax lines: on the cash where taxable, on the funded costs where not (不征税收入). */
function taxWhy(l: LineAccounts, q: "taxBase" | "currentTax" | "nonDeductible" | "lostDeduction" | "lostSuperDeduction", zh: boolean): string {
  const { settings: st, ceiling: c } = l;
  const rate = rateOf(st.tax);
  if (!st.nonTaxable) {
    if (q !== "taxBase" && q !== "currentTax") return zh ? "应税收入：支出照常扣除" : "taxable: its costs are deductible as usual";
    const cash = y(c.taxBase)[0];
    if (!cash) return zh ? "无应税收入" : "no taxable income";
    const [k, base] = cash;
    // The surcharges on output VAT are deducted in the year paid, each side rounded to the fen.
    const s = c.surcharges.get(k);
    const income = s ? base.plus(s) : base;
    if (q === "taxBase")
      return zh
        ? `${k} 年到账即计税（财税〔2008〕151号）：${s ? `${yuan(income)} − 附加税费 ${yuan(s)} = ` : ""}${yuan(base)}`
        : `taxed when received (财税〔2008〕151号): ${s ? `${yuan(income)} − surcharges ${yuan(s)} = ` : ""}${yuan(base)} in ${k}`;
    const r = pct(rate(k));
    const less = s ? (zh ? ` − ${r} × 附加税费 ${yuan(s)}` : ` − ${r} × surcharges ${yuan(s)}`) : "";
    return zh ? `${r} × ${yuan(income)}（${k} 年到账）${less}${less ? " " : ""}= ${yuan(c.currentTax.get(k) ?? ZERO)}` : `${r} × ${yuan(income)} received ${k}${less} = ${yuan(c.currentTax.get(k) ?? ZERO)}`;
  }
  const e = y(c.lostDeduction)[0] ?? y(c.currentTax)[0];
  if (!e) return zh ? "无" : "nothing";
  const [k] = e;
  const costs = fundedCosts(l.line, st, c.pl).get(k) ?? ZERO;
  const r = pct(rate(k));
  const sup = st.tax.rd ? new Decimal(st.tax.superRate) : ZERO;
  const lost = `${r} × ${yuan(costs)} = ${yuan(c.lostDeduction.get(k) ?? ZERO)}`;
  const lostSuper = `${r} × ${pct(sup)} × ${yuan(costs)} = ${yuan(c.lostSuperDeduction.get(k) ?? ZERO)}`;
  // A reward's costs fell before the award and were deducted then: those deductions are what is lost.
  const when =
    st.class === "incurred"
      ? zh
        ? `所奖励的支出发生在获奖前一年（${k} 年），当年已扣除${sup.isZero() ? "" : "及加计扣除"}`
        : `the costs it rewards fell the year before the award (${k}) and were deducted then`
      : zh
        ? `资助的支出于 ${k} 年发生`
        : `the costs it funds fall in ${k}`;
  if (q === "lostDeduction") return zh ? `不征税收入资助的支出不得扣除：${k} 年 ${lost}` : `non-taxable funds' costs not deductible: ${k} ${lost}`;
  if (q === "lostSuperDeduction")
    return sup.isZero() ? (zh ? "所资助的支出非研发费用，无加计扣除" : "the costs it funds are not R&D: no super deduction") : zh ? `研发费用不得加计扣除：${k} 年 ${lostSuper}` : `R&D super deduction lost: ${k} ${lostSuper}`;
  if (q === "taxBase") return zh ? `不征税；${when}，不得扣除${sup.isZero() ? "" : "及加计扣除"}：${yuan(costs)} × (1 + ${pct(sup)}) = ${yuan(c.taxBase.get(k) ?? ZERO)}` : `not taxed; ${when}, not deducted${sup.isZero() ? "" : " nor super-deducted"}: ${yuan(costs)} × (1 + ${pct(sup)}) = ${yuan(c.taxBase.get(k) ?? ZERO)}`;
  const both = sup.isZero() ? lost : `${lost} + ${lostSuper}`;
  return zh ? `不征税收入（财税〔2011〕70号）：${when}，${both}` : `non-taxable (财税〔2011〕70号): ${when}: ${both}`;
}
