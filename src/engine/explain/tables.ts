import type { Catalog } from "../catalog/catalog";
import { clauseRow, listClauses, validityCell } from "../catalog/listing";
import { placesOf } from "../catalog/places";
import type { PolicyDocument } from "../catalog/schema";
import type { Region } from "../catalog/regions";
import type { Topic } from "../catalog/topics";
import type { Lang } from "./trace";

/**
 * The engine's tables (forecastTable, accountsTable, the catalog listing) as a reader sees them:
 * headers, row labels and codes in that reader's words. The tables themselves keep their codes
 * ("year", "total", "expected: shenzhen-device"), which the task pane and the workbook read and
 * word for themselves; FORECAST's and CLAUSES' spills and the CLI's tables are these.
 */

/** A document's short name, as a column header or a line names it; a pack's document, its title. */
const documentNames: Readonly<Record<string, Record<Lang, string>>> = {
  "beijing-device": { "en-US": "Beijing devices", "zh-CN": "北京器械措施" },
  "changping-device": { "en-US": "Changping devices (draft)", "zh-CN": "昌平器械措施（征求意见稿）" },
  "changping-pharma": { "en-US": "Changping FTZ health (draft)", "zh-CN": "昌平组团医药健康（征求意见稿）" },
  "shenzhen-device": { "en-US": "Shenzhen devices", "zh-CN": "深圳器械措施" },
  zhongguancun: { "en-US": "Zhongguancun", "zh-CN": "中关村意见" },
};

export function documentName(document: Pick<PolicyDocument, "id" | "title" | "titleEn"> | undefined, id: string, lang: Lang): string {
  return documentNames[id]?.[lang] ?? (document ? (lang === "zh-CN" ? document.title : document.titleEn) : id);
}

export const regionNames: Readonly<Record<Region, Record<Lang, string>>> = {
  changping: { "en-US": "Changping", "zh-CN": "昌平区" },
  beijing: { "en-US": "Beijing", "zh-CN": "北京市" },
  shenzhen: { "en-US": "Shenzhen", "zh-CN": "深圳市" },
};

export const topicNames: Readonly<Record<Topic, Record<Lang, string>>> = {
  registration: { "en-US": "Device registration certificate", "zh-CN": "医疗器械注册证" },
  innovativeReviewEntry: { "en-US": "Entering innovative / priority review", "zh-CN": "进入创新/优先审查程序" },
  fdaBreakthrough: { "en-US": "FDA breakthrough device", "zh-CN": "FDA 突破性器械" },
  localProduction: { "en-US": "Local production", "zh-CN": "落地生产" },
  rd: { "en-US": "R&D input", "zh-CN": "研发投入" },
  insurance: { "en-US": "Clinical-trial and product liability insurance", "zh-CN": "临床试验责任保险、产品责任保险" },
  rdCentre: { "en-US": "R&D centres and key laboratories", "zh-CN": "研发中心、重点实验室" },
  innovation: { "en-US": "Original innovation, key technology, proof of concept", "zh-CN": "原始创新、技术攻关、概念验证" },
  digital: { "en-US": "AI, digitalisation, smart factories", "zh-CN": "人工智能、数智化、智能工厂" },
  majorProject: { "en-US": "Major projects", "zh-CN": "重大项目" },
  specialFundMatching: { "en-US": "Matching national special funds", "zh-CN": "国家级专项配套" },
  space: { "en-US": "Industrial space, parks, rent", "zh-CN": "产业空间、园区、租金" },
  scaleup: { "en-US": "Annual output milestones of a product", "zh-CN": "单品种年产值首次突破" },
  revenue: { "en-US": "Revenue milestones", "zh-CN": "营业收入首次突破" },
  platform: { "en-US": "Public service platforms, CRO/CDMO", "zh-CN": "公共服务平台、CRO/CDMO" },
  firstSet: { "en-US": "First-of-its-kind equipment", "zh-CN": "首台（套）" },
  vbp: { "en-US": "Volume-based procurement", "zh-CN": "带量采购" },
  clinicalApplication: { "en-US": "Application demonstration, post-market evaluation", "zh-CN": "应用示范、上市后评价" },
  overseas: { "en-US": "Going overseas, listings abroad, acquisitions", "zh-CN": "出海、境外上市、并购" },
  events: { "en-US": "Conferences, forums, exhibitions", "zh-CN": "会议、论坛、展会" },
  clinical: { "en-US": "New-drug clinical trials", "zh-CN": "新药临床试验" },
  drugRegistration: { "en-US": "Drug registration certificate", "zh-CN": "药品注册证书" },
  mah: { "en-US": "Marketing-authorisation holder, contract manufacturing", "zh-CN": "上市许可持有人、委托生产" },
  salesPlatform: { "en-US": "Sales platforms", "zh-CN": "销售平台" },
  talent: { "en-US": "Talent", "zh-CN": "人才" },
  finance: { "en-US": "Funds and credit", "zh-CN": "基金、信贷" },
  facility: { "en-US": "GMP plant", "zh-CN": "GMP 厂房" },
  clinicalService: { "en-US": "Clinical-trial services (hospitals)", "zh-CN": "临床试验服务（医疗机构）" },
  institution: { "en-US": "Institutions, journals, alliances", "zh-CN": "机构、期刊、联盟" },
  training: { "en-US": "Training", "zh-CN": "培训" },
  regulatory: { "en-US": "Review, testing, customs", "zh-CN": "审评审批、检验检测、通关" },
  market: { "en-US": "Hospital entry, purchasing, promotion", "zh-CN": "入院、采购、推广" },
  environment: { "en-US": "Business environment, land", "zh-CN": "营商环境、用地" },
};

interface TableWords {
  /** The year table's columns, by their codes in forecastTable and accountsTable. */
  readonly columns: Readonly<Record<string, string>>;
  /** "expected: <document>" */
  policy(name: string): string;
  readonly total: string;
  /** CLAUSES' columns, in clauseColumns order less `matter` (an internal stacking code). */
  readonly clauseColumns: readonly string[];
  readonly levels: Readonly<Record<string, string>>;
  readonly statuses: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly no: string;
  /** A term counted from an issue date the text does not state (深圳: 有效期5年). */
  term(years: number): string;
}

export const tableWords: Readonly<Record<Lang, TableWords>> = {
  "en-US": {
    columns: { year: "year", ceiling: "ceiling", expected: "expected", p10: "p10", p50: "p50", p90: "p90" },
    policy: (name) => `expected: ${name}`,
    total: "total",
    clauseColumns: ["id", "document", "article", "jurisdiction", "level", "status", "topic", "monetary", "summary", "sentence", "limits", "working days", "validity"],
    levels: { national: "national", provincial: "provincial", municipal: "municipal", district: "district" },
    statuses: { draft: "draft for comment", "in-force": "in force" },
    yes: "yes",
    no: "no",
    term: (years) => `${years} years from issue (有效期${years}年)`,
  },
  "zh-CN": {
    columns: { year: "年度", ceiling: "上限", expected: "预期", p10: "10%分位数", p50: "中位数", p90: "90%分位数" },
    policy: (name) => `预期：${name}`,
    total: "合计",
    clauseColumns: ["编号", "文件", "条款", "适用地区", "层级", "状态", "主题", "有无金额", "摘要", "原文", "上限与限制", "工作日时限", "有效期"],
    levels: { national: "国家级", provincial: "省级", municipal: "市级", district: "区级" },
    statuses: { draft: "征求意见稿", "in-force": "有效" },
    yes: "有",
    no: "无",
    term: (years) => `有效期${years}年`,
  },
};

type Cell = number | string | { toFixed(): string };

/**
 * A year table (forecastTable, or accountsTable given `lang`) in the reader's words: its header,
 * each policy column named by its document, and the total row. The rows' amounts are untouched.
 */
export function readerTable<T extends Cell>(
  table: { header: readonly string[]; rows: readonly (readonly T[])[] },
  lang: Lang,
  documents: readonly Pick<PolicyDocument, "id" | "title" | "titleEn">[],
): { header: string[]; rows: T[][] } {
  const w = tableWords[lang];
  const header = table.header.map((h) => {
    const policy = /^expected: (.+)$/.exec(h);
    if (policy) return w.policy(documentName(documents.find((d) => d.id === policy[1]), policy[1], lang));
    return w.columns[h] ?? h;
  });
  const rows = table.rows.map((r) => r.map((v, i) => (i === 0 && v === "total" ? (w.total as T) : v)));
  return { header, rows };
}

/** A place's or zone's name from the catalog's tree (a zone such as 昌平组团, a pack's place); its id where it has none. */
function placeName(catalog: Catalog, id: string, lang: Lang): string {
  const places = placesOf(catalog);
  const where = places.place(id) ?? places.zone(id);
  return where ? (lang === "zh-CN" ? where.zh : (where.en ?? where.zh)) : id;
}

/**
 * A document's record in the reader's words, as CLAUSES lists it and the template's About sheet
 * does: where it applies, its level, its status, and its validity (dates as they are; a term
 * whose start the text does not state, in the reader's words).
 */
export function readerDocument(catalog: Catalog, document: PolicyDocument, lang: Lang): { jurisdiction: string; level: string; status: string; validity: string } {
  const w = tableWords[lang];
  const { jurisdiction, level, status } = document;
  return {
    jurisdiction: regionNames[jurisdiction as Region]?.[lang] ?? placeName(catalog, jurisdiction, lang),
    level: w.levels[level] ?? level,
    status: w.statuses[status] ?? status,
    validity: document.validFrom ?? document.issued ?? document.validTo ? validityCell(document) : document.validityYears ? w.term(document.validityYears) : "",
  };
}

/** CLAUSES' table in the reader's words: a header row, then one row per clause. */
export function readerClauses(catalog: Catalog, lang: Lang, region?: Region, topic?: Topic): string[][] {
  const w = tableWords[lang];
  const zh = lang === "zh-CN";
  const rows = listClauses(catalog, region, topic).map((listed) => {
    const [id, , article, , , , t, , monetary, , sentence, limits, workingDays] = clauseRow(listed);
    const { document, clause } = listed;
    const { jurisdiction, level, status, validity } = readerDocument(catalog, document, lang);
    return [
      id,
      zh ? document.title : document.titleEn,
      article,
      jurisdiction,
      level,
      status,
      topicNames[t as Topic]?.[lang] ?? t,
      monetary === "yes" ? w.yes : w.no,
      zh ? clause.summary.zh : clause.summary.en,
      sentence,
      limits,
      workingDays,
      validity,
    ];
  });
  return [[...w.clauseColumns], ...rows];
}
