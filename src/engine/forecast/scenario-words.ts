import type { FactDefinition } from "../catalog/schema";
import { amountProblemText, type AmountProblem } from "../input/amounts";
import { factProblemText, type FactProblem } from "../input/facts";
import type { RegionProblem } from "../catalog/places";
import { regionProblemText } from "../rules/reach";
import type { Lang } from "../explain/trace";

/**
 * A scenario file's problems in the reader's words: the field as the user knows it (研发投入,
 * "R&D cost"), with its path in the file kept beside it for whoever edits the JSON
 * (events[6].rdCost), and what is wrong in that language. zod's issues are data (a code and its
 * numbers); this says them, so no English of zod's reaches a Chinese reader.
 */

/** An issue as zod reports it: the fields read here, by zod's documented issue codes. */
export interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly keys?: readonly string[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly note?: string;
  readonly errors?: readonly (readonly Issue[])[];
  readonly params?: Readonly<Record<string, unknown>>;
}

type Words = Record<Lang, string>;
const w = (en: string, zh: string): Words => ({ "en-US": en, "zh-CN": zh });

/** Every field of the format, by its path without indices and map keys. */
const fields: Readonly<Record<string, Words>> = {
  schemaVersion: w("format version", "格式版本"),
  name: w("scenario name", "情景名称"),
  enterprise: w("enterprise", "企业"),
  "enterprise.name": w("enterprise name", "企业名称"),
  "enterprise.region": w("region", "地区"),
  "enterprise.sector": w("sector", "行业"),
  "enterprise.sme": w("SME status", "中小企业"),
  horizon: w("forecast years", "预测期"),
  "horizon.from": w("first year", "起始年度"),
  "horizon.to": w("last year", "截止年度"),
  financials: w("financial figures", "财务数据"),
  "financials.year": w("year", "年度"),
  "financials.revenue": w("revenue", "营业收入"),
  "financials.rd": w("R&D spending", "研发投入"),
  defaults: w("defaults", "默认值"),
  "defaults.probability": w("default probability", "默认概率"),
  "defaults.realisation": w("default realisation", "默认兑现比例"),
  assumptions: w("assumed rate", "假设比例"),
  issueDates: w("issue date", "发布日期"),
  simulation: w("simulation", "模拟设置"),
  "simulation.draws": w("draws", "模拟次数"),
  "simulation.seed": w("seed", "随机种子"),
  events: w("event", "事件"),
  "events.type": w("event type", "事件类型"),
  "events.year": w("year", "年度"),
  "events.label": w("label", "标签"),
  "events.probability": w("probability", "概率"),
  "events.realisation": w("realisation", "兑现比例"),
  "events.product": w("product", "产品"),
  "events.class": w("device class", "器械类别"),
  "events.pathway": w("approval pathway", "审批路径"),
  "events.rdCost": w("R&D cost", "研发投入"),
  "events.localProduction": w("local production", "落地生产"),
  "events.drugClass": w("drug class", "药品类别"),
  "events.phase": w("clinical phase", "临床分期"),
  "events.value": w("output value", "产值"),
  "events.bestBefore": w("best output before", "以往最高产值"),
  "events.bidValue": w("winning bid value", "中标金额"),
  "events.wonBefore": w("won before", "此前已中标"),
  "events.procurementValue": w("procurement value", "当年采购总金额"),
  "events.national": w("national procurement", "国家集中带量采购"),
  "events.sales": w("sales", "销售额"),
  "events.premium": w("premium", "保费"),
  "events.cost": w("construction cost", "建设费用"),
  "events.areaM2": w("floor area", "面积"),
  "events.usefulLife": w("useful life", "使用年限"),
  "events.topic": w("topic", "主题"),
  "events.facts": w("facts", "事实"),
  accounting: w("accounting settings", "会计设置"),
  "accounting.paymentLag": w("payment lag", "到账滞后年数"),
  "accounting.paymentLag.default": w("payment lag", "到账滞后年数"),
  "accounting.paymentLag.documents": w("payment lag of a document", "单个文件的到账滞后年数"),
  "accounting.paymentLag.clauses": w("payment lag of a clause", "单个条款的到账滞后年数"),
  "accounting.assetMethod": w("method for asset-related support", "资产相关补助的会计处理方法"),
  "accounting.usefulLife": w("useful life", "使用年限"),
  "accounting.usefulLife.building": w("useful life of buildings", "房屋使用年限"),
  "accounting.usefulLife.equipment": w("useful life of equipment", "设备使用年限"),
  "accounting.taxRate": w("income tax rate", "所得税税率"),
  "accounting.nonTaxable": w("non-taxable clauses", "不征税收入条款"),
  "accounting.taxPayment": w("when the income tax is paid", "所得税缴纳时间"),
  "accounting.costYears": w("years of later costs", "后续费用年数"),
};

/** Maps whose keys are ids the user chose: the field is the map's. */
const maps = new Set(["assumptions", "issueDates", "accounting.paymentLag.documents", "accounting.paymentLag.clauses", "accounting.costYears", "events.facts"]);

/** The field a path names, in `lang`; none for a fact of an `other` event, which its problem names. */
function fieldName(path: readonly PropertyKey[], lang: Lang): string | undefined {
  let key = "";
  for (const k of path) {
    if (typeof k === "number") continue;
    // An event's fact: the problem names it with its label (factProblemText), the path says where.
    if (key === "events.facts") return undefined;
    if (maps.has(key)) break;
    key = key ? `${key}.${String(k)}` : String(k);
  }
  return fields[key]?.[lang];
}

/** events[6].rdCost */
export const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k)), "");

const types: Readonly<Record<string, Words>> = {
  number: w("a number", "数字"),
  int: w("a whole number", "整数"),
  string: w("a text", "文本"),
  boolean: w("true or false", "true 或 false"),
  object: w("an object ({…})", "对象（{…}）"),
  array: w("a list ([…])", "列表（[…]）"),
  date: w("a date", "日期"),
};

const list = (values: readonly unknown[], lang: Lang) => values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(lang === "zh-CN" ? "、" : ", ");
const bound = (n: number | bigint | undefined) => String(n);

/** What is wrong, in `lang`, from the issue's code and numbers. */
function issueText(issue: Issue, lang: Lang, facts: Readonly<Record<string, FactDefinition>>, eventTypes: readonly string[]): string {
  const zh = lang === "zh-CN";
  const p = issue.params ?? {};
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return zh ? "为必填项" : "is required";
      return zh ? `应为${types[issue.expected ?? ""]?.[lang] ?? issue.expected}` : `must be ${types[issue.expected ?? ""]?.[lang] ?? issue.expected}`;
    case "invalid_value":
      return zh ? `应为 ${list(issue.values ?? [], lang)} 之一` : `must be one of ${list(issue.values ?? [], lang)}`;
    case "invalid_union": {
      if (issue.note === "No matching discriminator") return zh ? `应为以下事件类型之一：${list(eventTypes, lang)}` : `must be one of the event types ${list(eventTypes, lang)}`;
      // A choice of literals (a device class 1, 2 or 3): every branch says which value it wanted.
      const wanted = (issue.errors ?? []).flatMap((branch) => (branch.length === 1 && branch[0].code === "invalid_value" ? (branch[0].values ?? []) : [undefined]));
      if (wanted.length && wanted.every((v) => v !== undefined)) return zh ? `应为 ${list(wanted, lang)} 之一` : `must be one of ${list(wanted, lang)}`;
      const typesWanted = (issue.errors ?? []).flatMap((branch) => branch.filter((i) => i.code === "invalid_type").map((i) => types[i.expected ?? ""]?.[lang] ?? i.expected));
      if (typesWanted.length) return zh ? `应为${typesWanted.join("或")}` : `must be ${typesWanted.join(" or ")}`;
      return zh ? "值无效" : "is not a valid value";
    }
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return zh ? "不能为空" : "must not be empty";
      if (issue.origin === "array" || issue.origin === "string") return zh ? `至少 ${bound(issue.minimum)} 项` : `must have at least ${bound(issue.minimum)}`;
      return zh ? `${issue.inclusive === false ? "应大于" : "不能小于"} ${bound(issue.minimum)}` : `must be ${issue.inclusive === false ? "more than" : "at least"} ${bound(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "array" || issue.origin === "string") return zh ? `最多 ${bound(issue.maximum)} 个字符` : `must have at most ${bound(issue.maximum)} characters`;
      return zh ? `${issue.inclusive === false ? "应小于" : "不能大于"} ${bound(issue.maximum)}` : `must be ${issue.inclusive === false ? "less than" : "at most"} ${bound(issue.maximum)}`;
    case "invalid_format":
      if (issue.format === "date") return zh ? "应为日期，如 2026-06-30" : "must be a date such as 2026-06-30";
      if (issue.format === "regex") return zh ? '应为 0 到 1 之间的比率，如 "0.25"' : 'must be a rate from 0 to 1, such as "0.25"';
      return zh ? "格式不正确" : "is not in the expected form";
    case "unrecognized_keys":
      return zh ? `含有无法识别的字段：${list(issue.keys ?? [], lang)}` : `has fields the format does not have: ${list(issue.keys ?? [], lang)}`;
    case "custom":
      if (p.amount) return amountProblemText(p.amount as AmountProblem, String(p.unit ?? ""), lang);
      if (p.region) return regionProblemText(p.region as RegionProblem, lang, "");
      if (p.fact) return factProblemText(String(p.fact), p.problem as FactProblem, facts, lang);
      if (p.unknownId !== undefined) {
        const what = p.what === "document" ? w("document", "文件")[lang] : w("clause", "条款")[lang];
        return zh ? `政策目录中没有${what}“${String(p.unknownId)}”` : `no ${what} "${String(p.unknownId)}" in the catalog`;
      }
      if (p.beforeFrom) return zh ? "不能早于起始年度" : "must not be before the first year";
      if (p.horizonYears !== undefined) return zh ? `预测期最多 ${String(p.horizonYears)} 年` : `a forecast covers at most ${String(p.horizonYears)} years`;
      if (p.twice !== undefined) return zh ? `${String(p.twice)} 年出现了两次` : `${String(p.twice)} appears twice`;
      return issue.message;
    default:
      return zh ? "值无效" : "is not a valid value";
  }
}

/** Where an issue is, in a door's own words (第 7 行（certificate）), or undefined to give its path. */
export type Place = (path: readonly PropertyKey[], lang: Lang) => string | undefined;

/** One problem as a reader sees it: 研发投入（events[6].rdCost）：不能小于 0 元（输入为 -1）. */
export function problemText(issue: Issue, lang: Lang, facts: Readonly<Record<string, FactDefinition>>, eventTypes: readonly string[], place?: Place): string {
  const path = pathText(issue.path);
  const field = fieldName(issue.path, lang);
  const what = issueText(issue, lang, facts, eventTypes);
  const at = place?.(issue.path, lang);
  if (at !== undefined) return lang === "zh-CN" ? `${at}：${field ? `${field}：` : ""}${what}` : `${at}: ${field ? `${field}: ` : ""}${what}`;
  if (lang === "zh-CN") return path ? `${field ? `${field}（${path}）` : path}：${what}` : `情景：${what}`;
  return path ? `${field ? `${field} (${path})` : path}: ${what}` : `scenario: ${what}`;
}
