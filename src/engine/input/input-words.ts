import type { Lang } from "../explain/trace";
import { engine } from "../rules/evaluate";
import { pathways, type Pathway } from "../rules/pathways";

/**
 * The Inputs table's words in Chinese (issue 21: a zh-CN workbook is Chinese throughout). The
 * English codes stay what the table is read by; every Chinese word here is read as its code too,
 * so a table written in zh-CN, or edited by a reader who types the Chinese, computes the same.
 * Codes a user types that have no Chinese form (clause ids, topics) are kept as they are.
 */

export const inputColumnsZh = {
  Item: "项目",
  Year: "年份",
  Product: "产品",
  Value: "取值",
  Class: "类别",
  Option: "选项",
  Area: "面积",
  Probability: "概率",
  Realisation: "兑现比例",
  Label: "备注",
  Facts: "事实",
} as const;

/** Each item's Chinese, by its code (inputs.ts `inputItems`). 假设 only for an assumed rate (DESIGN's glossary). */
export const inputItemsZh: Readonly<Record<string, string>> = {
  name: "名称",
  enterprise: "企业",
  region: "地区",
  sector: "行业",
  sme: "中小企业",
  from: "起始年",
  to: "截止年",
  "default probability": "默认概率",
  "default realisation": "默认兑现比例",
  draws: "抽样次数",
  seed: "随机种子",
  assumption: "假设",
  "issue date": "发布日期",
  revenue: "营业收入",
  rd: "研发投入",
  "payment lag": "付款滞后",
  "asset method": "资产补助核算方法",
  "useful life": "使用寿命",
  "tax rate": "所得税税率",
  "super deduction": "加计扣除比例",
  "discount rate": "折现率",
  "vat rate": "增值税税率",
  "vat surcharges": "附加税费比例",
  "deferred tax asset": "确认递延所得税资产",
  "tax payment": "所得税缴纳时点",
  "profit before support": "补助前应纳税所得额",
  "qualified year": "资格年度",
  "non-taxable": "不征税收入",
  "cost years": "费用年数",
  recognition: "确认时点",
  "approval year": "批准年度",
  certificate: "注册证",
  "innovative review": "创新审查",
  "fda breakthrough": "FDA突破性器械",
  clinical: "临床试验",
  output: "产值",
  vbp: "带量采购",
  "first set": "首台（套）",
  insurance: "保险",
  facility: "厂房设施",
  other: "其他",
};

/** Option and Value words that have a Chinese form, by code. */
const valuesZh: Readonly<Record<string, string>> = {
  device: "医疗器械",
  drug: "药品",
  yes: "是",
  no: "否",
  gross: "总额法",
  net: "净额法",
  building: "房屋建筑物",
  equipment: "机器设备",
  received: "到账时",
  receivable: "应收时",
  local: "落地生产",
  // When the current tax is paid (RULINGS §85): 按季预缴 in the year, or at 汇算清缴 the next year.
  quarterly: "按季预缴",
  annual: "汇算清缴",
};

/** The keys of a Facts cell that are not catalog facts: an event's own life and dates. */
const eventFactsZh: Readonly<Record<string, string>> = {
  usefulLife: "使用寿命",
  readyForUse: "达到可使用状态",
  recognitionYear: "认定年度",
};

/** Chinese → code, for every table above; without a prototype, so "constructor" reads as nothing. */
const codeOf = (table: Readonly<Record<string, string>>): Readonly<Record<string, string>> =>
  Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(Object.entries(table).map(([code, zh]) => [zh, code])));
const itemCodes = codeOf(inputItemsZh);
const valueCodes = codeOf(valuesZh);
const columnCodes = codeOf(inputColumnsZh);

/** A header cell's column code, in either language. */
export const columnCode = (text: string): string => columnCodes[text.trim()] ?? text.trim();
/** An Item cell's code, in either language (lower-case, as the reader matches it). */
export const itemCode = (text: string): string => itemCodes[text.trim()] ?? text.trim().toLowerCase();
/** An Option or Value word's code, in either language. */
export const valueCode = (text: string): string => valueCodes[text.trim()] ?? text.trim();

export const columnWord = (code: keyof typeof inputColumnsZh, lang: Lang): string => (lang === "zh-CN" ? inputColumnsZh[code] : code);
export const itemWord = (code: string, lang: Lang): string => (lang === "zh-CN" ? (inputItemsZh[code] ?? code) : code);
export const valueWord = (code: string, lang: Lang): string => (lang === "zh-CN" ? (valuesZh[code] ?? code) : code);

/** A pathway as a Chinese reader names it (the first Chinese spelling pathways.ts accepts). */
const pathwaysZh: Readonly<Record<Pathway, string>> = { standard: "常规", innovative: "国家创新", priority: "国家优先", provincial: "省级创新", "provincial-priority": "省级优先", major: "重大二类" };
export const pathwayWord = (code: string, lang: Lang): string => (lang === "zh-CN" && (pathways as readonly string[]).includes(code) ? pathwaysZh[code as Pathway] : code);

/**
 * A region as a Chinese reader names the place (shenzhen → 深圳市, changping → 昌平区), where that
 * name reaches the same texts (ruling 66); otherwise as written (a path, a zone, a pack's place).
 */
export function regionWord(region: string, lang: Lang): string {
  if (lang !== "zh-CN") return region;
  const reach = (text: string) => engine().reach(text) as { key?: string; place?: { zh?: string } };
  const zh = reach(region).place?.zh;
  return zh !== undefined && reach(zh).key !== undefined && reach(zh).key === reach(region).key ? zh : region;
}

/** A Facts key as the reader knows it: a catalog fact by its Chinese label, an event's own by its word. */
export function factWord(key: string, lang: Lang): string {
  if (lang !== "zh-CN") return key;
  return eventFactsZh[key] ?? engine().catalog.facts[key]?.zh ?? key;
}

/** A Facts key's code, in either language. */
export function factCode(key: string): string {
  const own = codeOf(eventFactsZh)[key];
  if (own) return own;
  const fact = Object.entries(engine().catalog.facts).find(([, f]) => f.zh === key);
  return fact ? fact[0] : key;
}
