import { formatCondition, wordsFor } from "../explain/format";
import type { Lang } from "../explain/trace";
import { Decimal, formatRate, formatYuan } from "../input/money";
import type { Condition } from "./schema";
import type { FieldChange, FigureChange, PackDiff, ScenarioRevision } from "./pack-diff";

/*
 * `pack diff` in the consultant's language: each field named as a reader of the pack knows it
 * (上限（单个产品）, validity end), each value as the text writes it (2,000,000元, 25%, the
 * sentence quoted). One table per language; the CLI and the task pane print these lines.
 */

type Pair = readonly [zh: string, en: string];

/** Field names, by path with indices taken out (caps[0].amount → caps.amount). */
const fieldWords: Readonly<Record<string, Pair>> = {
  // the pack's own record
  format: ["格式版本", "format"],
  version: ["版本", "version"],
  "author.name": ["作者", "author"],
  "author.contact": ["作者联系方式", "author's contact"],
  author: ["作者", "author"],
  replaces: ["取代的条款或文件", "what it replaces"],
  places: ["新增地点与园区", "places and zones it adds"],
  // the document record
  id: ["文件编号", "document id"],
  file: ["原文文件", "text file"],
  title: ["标题", "title"],
  titleEn: ["英文标题", "English title"],
  issuer: ["发文机关", "issuing body"],
  docNumber: ["文号", "document number"],
  jurisdiction: ["适用地区", "jurisdiction"],
  level: ["层级", "level"],
  status: ["状态", "status"],
  sectors: ["行业", "sectors"],
  issued: ["发布日期", "issue date"],
  validFrom: ["施行日期", "valid from"],
  validTo: ["有效期截止日期", "valid until"],
  validityYears: ["有效年限", "years of validity"],
  stacking: ["叠加规则", "stacking rule"],
  // an entry
  article: ["条款序号", "article"],
  sentence: ["原文", "sentence"],
  baseSentence: ["所依据的原文", "sentence it builds on"],
  topic: ["主题", "topic"],
  matter: ["事项", "matter"],
  "summary.zh": ["中文摘要", "summary (Chinese)"],
  "summary.en": ["英文摘要", "summary (English)"],
  conditions: ["条件", "conditions"],
  formula: ["计算方式", "formula"],
  "formula.rate": ["比例", "rate"],
  "formula.base": ["计算基数", "base"],
  "formula.fallback": ["替代基数", "fallback base"],
  "formula.amount": ["金额", "amount"],
  "formula.fact": ["依据的事实", "fact it reads"],
  "formula.previous": ["以往最高值", "previous best"],
  "formula.table": ["金额对照表", "table of amounts"],
  "formula.tiers": ["档次", "tiers"],
  caps: ["上限", "cap"],
  "caps.amount": ["上限", "cap"],
  "caps.sentence": ["上限的原文", "cap's sentence"],
  "caps.per": ["上限的计算单位", "what the cap is per"],
  "caps.base": ["上限的计量依据", "cap's unit fact"],
  "caps.total": ["上限是否为累计", "cap over all years"],
  enterpriseAnnualCap: ["企业年度上限", "enterprise annual cap"],
  enterpriseAnnualCapSentence: ["企业年度上限的原文", "enterprise annual cap's sentence"],
  maxYears: ["累计支持年限", "year limit"],
  maxYearsSentence: ["累计支持年限的原文", "year limit's sentence"],
  window: ["连续支持年限", "window of years"],
  "window.years": ["连续支持年数", "years of the window"],
  "window.opensWith": ["起始事项", "event that opens the window"],
  "window.sentence": ["连续支持年限的原文", "window's sentence"],
  "window.per": ["连续支持年限的对象", "whose window"],
  once: ["一次性支持", "once-only"],
  "once.per": ["一次性支持的对象", "once per"],
  "once.sentence": ["一次性支持的原文", "once-only sentence"],
  advance: ["先期给予", "advance"],
  flags: ["标记", "flags"],
  additive: ["叠加", "additive"],
  workingDays: ["工作日时限", "working days"],
  note: ["备注", "note"],
  accounting: ["会计分类", "accounting class"],
  examples: ["列出此条款的算例", "worked examples naming it"],
};

const statusWords: Readonly<Record<string, Pair>> = { draft: ["征求意见稿", "draft"], "in-force": ["有效", "in force"] };
const amountFields = /^(formula\.amount|caps\.amount|enterpriseAnnualCap)$/;
const sentenceFields = /(^|\.)(sentence|baseSentence|enterpriseAnnualCapSentence|maxYearsSentence|because)$|^summary\./;

const pick = ([zh, en]: Pair, lang: Lang) => (lang === "zh-CN" ? zh : en);
/** Words in brackets after a name: full-width and close in Chinese, spaced in English. */
const aside = (text: string, lang: Lang) => (lang === "zh-CN" ? `（${text}）` : ` (${text})`);
const pathKey = (field: string) => field.replace(/\[\d+\]/g, "");

/** A field's name in the user's language; a cap's names whom it is per, as the pack words it. */
export function fieldName(change: Pick<FieldChange, "field" | "per">, lang: Lang): string {
  const key = pathKey(change.field);
  const words = fieldWords[key];
  const name = words ? pick(words, lang) : change.field;
  if (key.startsWith("caps") && change.per) return `${name}${aside(lang === "zh-CN" ? change.per.zh : change.per.en, lang)}`;
  return name;
}

/** A value as the text writes it: yuan, a rate, a quoted sentence, conditions in words; "—" where absent. */
export function fieldValue(field: string, value: unknown, lang: Lang): string {
  const zh = lang === "zh-CN";
  if (value === undefined) return zh ? "（无）" : "(none)";
  const key = pathKey(field);
  if (typeof value === "string" && amountFields.test(key)) return zh ? `${formatYuan(new Decimal(value))}元` : `${formatYuan(new Decimal(value))} yuan`;
  if (typeof value === "string" && key === "formula.rate") return formatRate(new Decimal(value));
  if (typeof value === "string" && sentenceFields.test(key)) return `“${value}”`;
  if (typeof value === "string" && key === "status" && statusWords[value]) return pick(statusWords[value], lang);
  // A cap added or removed whole: its amount and the words that set it (ruling 14).
  if (key === "caps" && typeof value === "object" && value !== null && "amount" in value && "sentence" in value) {
    const cap = value as { amount: string; sentence: string };
    return `${fieldValue("caps[0].amount", cap.amount, lang)} “${cap.sentence}”`;
  }
  if (key === "conditions" && Array.isArray(value)) return value.length ? value.map((c) => formatCondition(c as Condition, lang)).join(zh ? "；" : "; ") : zh ? "（无条件）" : "(none)";
  if (key === "examples" && Array.isArray(value)) return value.length ? value.map((n) => `“${String(n)}”`).join(zh ? "、" : ", ") : zh ? "（无）" : "(none)";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

const fieldLine = (c: FieldChange, lang: Lang) => `${fieldName(c, lang)}${lang === "zh-CN" ? "：" : ": "}${fieldValue(c.field, c.old, lang)} → ${fieldValue(c.field, c.new, lang)}`;

/** What a revision changes, entry by entry and field by field, as lines. */
export function packDiffText(d: PackDiff, lang: Lang): string[] {
  const zh = lang === "zh-CN";
  const w = wordsFor(lang);
  const colon = zh ? "：" : ": ";
  /** After a heading whose items follow on their own lines. */
  const heading = zh ? "：" : ":";
  const out = [zh ? `旧版：${w.fromPack(d.old)}` : `old: ${w.fromPack(d.old)}`, zh ? `新版：${w.fromPack(d.new)}` : `new: ${w.fromPack(d.new)}`];
  if (d.identical) {
    out.push(zh ? "两版内容相同（sha256 一致）：没有改动。" : "The two versions are the same (one sha256): nothing changes.");
    return out;
  }
  const section = (title: Pair, changes: readonly FieldChange[]) => {
    if (!changes.length) return;
    out.push(`${pick(title, lang)}${heading}`);
    for (const c of changes) out.push(`  ${fieldLine(c, lang)}`);
  };
  section(["政策包", "Pack"], d.pack);
  section(["文件", "Document"], d.document);
  if (d.textChanged) out.push(zh ? "原文：有改动" : "Text: changed");
  if (d.facts.length) {
    out.push(`${zh ? "事实" : "Facts"}${heading}`);
    for (const f of d.facts) {
      const what = f.old === undefined ? (zh ? "新增" : "added") : f.new === undefined ? (zh ? "删除" : "removed") : zh ? "修改" : "changed";
      out.push(`  ${f.field}${colon}${what}${f.old !== undefined && f.new !== undefined ? aside(`${JSON.stringify(f.old)} → ${JSON.stringify(f.new)}`, lang) : ""}`);
    }
  }
  const count = (kind: string) => d.entries.filter((e) => e.kind === kind).length;
  if (d.entries.length) {
    out.push(zh ? `条款：新增 ${count("added")} 条，删除 ${count("removed")} 条，修改 ${count("changed")} 条` : `Entries: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed`);
    for (const e of d.entries) {
      const mark = e.kind === "added" ? "+" : e.kind === "removed" ? "−" : "~";
      const kind = pick(e.kind === "added" ? ["新增", "added"] : e.kind === "removed" ? ["删除", "removed"] : ["修改", "changed"], lang);
      out.push(`  ${mark} ${e.entry}${aside(e.article, lang)} ${kind}${colon}${zh ? e.summary.zh : e.summary.en}`);
      if (e.kind === "changed") for (const c of e.fields) out.push(`      ${fieldLine(c, lang)}`);
    }
  }
  if (d.examples.length) {
    out.push(`${zh ? "算例" : "Worked examples"}${heading}`);
    for (const x of d.examples) out.push(`  ${x.kind === "added" ? "+" : x.kind === "removed" ? "−" : "~"} ${x.name}`);
  }
  return out;
}

const signed = (x: Decimal) => (x.isZero() ? "0" : `${x.isPositive() ? "+" : "−"}${formatYuan(x.abs())}`);

/** A scenario's figures under each version: by year, then by clause, ceiling and expected, old → new (Δ). */
export function scenarioRevisionText(r: ScenarioRevision, lang: Lang): string[] {
  const zh = lang === "zh-CN";
  const figure = (c: FigureChange, k: "ceiling" | "expected") => `${formatYuan(c.old[k])} → ${formatYuan(c.new[k])}${aside(`Δ ${signed(c.delta[k])}`, lang)}`;
  const both = (c: FigureChange) => (zh ? `上限 ${figure(c, "ceiling")}；预期 ${figure(c, "expected")}` : `ceiling ${figure(c, "ceiling")}; expected ${figure(c, "expected")}`);
  const out = [zh ? `方案“${r.name}”的数字（旧版 → 新版，单位：元）：` : `Figures of the scenario "${r.name}" (old → new, yuan):`];
  for (const y of r.years) out.push(`  ${y.year}${zh ? "年" : ""}${zh ? "：" : ": "}${both(y)}`);
  out.push(`  ${zh ? "合计：" : "total: "}${both(r.total)}`);
  if (r.clauses.length) {
    out.push(zh ? "各条款（整个测算期）：" : "By clause (whole horizon):");
    for (const c of r.clauses) out.push(`  ${c.clause}${aside(c.article, lang)}${zh ? "：" : ": "}${both(c)}`);
  }
  return out;
}
