import { engine, factLabel, formatNote, formatReason, type DeltaGroup, type Miss, type WhyNot, type DiffReason, type EventRef, type ScenarioChange, type ScenarioEvent, type Topic, type Unpaid } from "../engine";
import { catalogs, type I18n, type MessageKey } from "../i18n";
import type { Amounts } from "./amounts";

/**
 * The engine's comparison and outcome codes (compare.ts) said in the pane's language: titles
 * of events as the person named them, documents by their short names, articles as the catalog
 * cites them. Numbers and dates are the engine's.
 */

export function policyName(id: string, { t, lang }: I18n): string {
  const key = `policy.${id}`;
  if (key in catalogs[lang]) return t(key as MessageKey);
  const doc = engine().catalog.documents.find((d) => d.id === id);
  return doc ? (lang === "zh-CN" ? doc.title : doc.titleEn) : id;
}

/** "Beijing devices 一、3" */
export function clauseName(id: string, i18n: I18n): string {
  const c = engine().clauses.find((x) => x.clause.id === id);
  return c ? `${policyName(c.document.id, i18n)} ${c.clause.article}` : id;
}

export const topicName = (topic: Topic, { t }: I18n): string => t(`topic.${topic}`);

/** A region as the pane names it: a built-in name by its message, any other place (a pack's) by its path in the tree. */
export function regionName(region: string, { t, lang }: I18n): string {
  const key = `region.${region}`;
  if (key in catalogs[lang]) return t(key as MessageKey);
  const reach = engine().reach(region);
  if ("code" in reach) return region;
  const name = (x: { zh: string; en?: string }) => (lang === "zh-CN" ? x.zh : (x.en ?? x.zh));
  return [reach.path.slice(1).map(name).join(" › "), ...reach.zones.map(name)].join(" + ");
}

/** "Registration certificate · AI-CT (2028)"; a yearly matter: "R&D of 2025 (2026)". */
export function eventTitle(e: EventRef | ScenarioEvent | undefined, topic: Topic, year: number, i18n: I18n): string {
  const { t } = i18n;
  if (!e) return topic === "rd" ? t("matter.rd", { year: year - 1, paid: year }) : topic === "revenue" ? t("matter.revenue", { year }) : `${topicName(topic, i18n)} (${year})`;
  const product = "product" in e && e.product ? ` · ${e.product}` : "";
  const label = e.label ? ` · ${e.label}` : "";
  const kind = e.type === "other" && "topic" in e ? topicName(e.topic, i18n) : t(`event.${e.type}`);
  return `${kind}${product}${label}`;
}

const percent = (share: number | undefined) => (share === undefined ? "–" : `${Math.round(share * 1000) / 10}%`);

export function changeText(c: ScenarioChange, i18n: I18n, title: (e: EventRef) => string): string {
  const { t } = i18n;
  switch (c.kind) {
    case "moved":
      return t("change.moved", { event: title(c.event), from: c.from, to: c.to });
    case "region":
      return t("change.region", { from: regionName(c.from, i18n), to: regionName(c.to, i18n) });
    case "defaultProbability":
    case "defaultRealisation":
      return t(`change.${c.kind}`, { from: percent(c.from), to: percent(c.to) });
    case "probability":
    case "realisation":
      return t(`change.${c.kind}`, { event: title(c.event), from: percent(c.from), to: percent(c.to) });
    case "added":
    case "removed":
    case "edited":
      return t(`change.${c.kind}`, { event: title(c.event) });
    case "horizon":
      return t("change.horizon", { from: `${c.from[0]}–${c.from[1]}`, to: `${c.to[0]}–${c.to[1]}` });
    default:
      return t(`change.${c.kind}`);
  }
}

export function reasonText(r: DiffReason, i18n: I18n, amounts: Amounts): string {
  const { t } = i18n;
  const delta = amounts.signed(r.delta);
  switch (r.code) {
    case "outOfValidity":
      return r.until && r.year > Number(r.until.slice(0, 4))
        ? t("reason.expired", { delta, clause: clauseName(r.clause, i18n), until: r.until, year: r.year })
        : t("reason.notYet", { delta, clause: clauseName(r.clause, i18n), since: r.since ?? "", year: r.year });
    case "beyondHorizon":
      return t("reason.beyondHorizon", { delta, year: r.year, from: r.horizon[0], to: r.horizon[1] });
    case "noClauseInRegion":
      return t("reason.noClauseInRegion", { delta, topic: topicName(r.topic, i18n), region: regionName(r.region, i18n) });
    case "notInRegion":
      return t("reason.notInRegion", { delta, clause: clauseName(r.clause, i18n), region: regionName(r.region, i18n) });
    case "notMet":
      return t("reason.notMet", { delta, clause: clauseName(r.clause, i18n) });
    case "newClause":
      return t("reason.newClause", { delta, clause: clauseName(r.clause, i18n) });
    case "amountChanged":
      return t("reason.amountChanged", { delta, clause: clauseName(r.clause, i18n) });
    case "noDiscretionaryClause":
      return t("reason.noDiscretionaryClause");
  }
}

export function unpaidText(u: Unpaid, i18n: I18n): string {
  const { t } = i18n;
  switch (u.code) {
    case "beyondHorizon":
      return t("unpaid.beyondHorizon", { year: u.year, from: u.horizon[0], to: u.horizon[1] });
    case "noClauseInRegion":
      return t("unpaid.noClauseInRegion", { topic: topicName(u.topic, i18n), region: regionName(u.region, i18n) });
    case "outOfValidity":
      return u.until ? t("unpaid.expired", { clause: clauseName(u.clause, i18n), until: u.until }) : t("unpaid.notYet", { clause: clauseName(u.clause, i18n), since: u.since ?? "" });
    // Why, in the engine's words (explain's formatter, the pane's language).
    case "notMet":
      return `${clauseName(u.clause, i18n)}: ${u.reasons.map((r) => formatReason(r, i18n.lang)).join("; ")}`;
    case "capped":
      return `${clauseName(u.clause, i18n)}: ${u.notes.map((n) => formatNote(n, i18n.lang)).join("; ")}`;
  }
}

/**
 * What moved a group of a what-if's Δ lines (explainDelta), after its title: an edited event or a
 * plan change says what was changed; a line moved through a shared mechanism says which and how.
 */
export function causeText(g: DeltaGroup, i18n: I18n, amounts: Amounts, title: (e: EventRef) => string): string {
  const { t } = i18n;
  const c = g.cause;
  const money = amounts.money;
  switch (c.code) {
    case "ownEvent":
    case "plan":
      return g.changes.map((x) => changeText(x, i18n, title)).join("; ");
    case "annualCap": {
      const cap = { cap: money(c.cap), year: c.year, clause: `${i18n.lang === "zh-CN" ? c.title.zh : c.title.en} ${c.article}`, sentence: c.sentence };
      if (c.before && !c.after) return t("cause.capNoLonger", { ...cap, before: money(c.before) });
      if (!c.before && c.after) return t("cause.capNow", { ...cap, after: money(c.after) });
      if (c.before && c.after && !c.before.equals(c.after)) return t(c.after.gt(c.before) ? "cause.capLess" : "cause.capMore", { ...cap, before: money(c.before), after: money(c.after) });
      return t("cause.capChances", cap);
    }
    case "yearLimit":
      return t(c.usedUp ? "cause.yearsUsedUp" : "cause.yearsFreed", { n: c.maxYears, year: c.year });
    case "window":
      return t(c.outside ? "cause.windowOutside" : "cause.windowInside", { year: c.year, from: c.from, to: c.to, sentence: c.sentence });
    case "firstTime":
      return c.sentence ? t(c.taken ? "cause.onceTaken" : "cause.onceFree", { sentence: c.sentence }) : t(c.taken ? "cause.firstWinTaken" : "cause.firstWinFree");
    case "bestBefore":
      return t("cause.bestBefore", { before: money(c.before), after: money(c.after) });
    case "advance":
      return t("cause.advance", { article: c.article, before: money(c.before), after: money(c.after) });
    case "rounding":
      return t("cause.rounding", { year: c.year });
    case "other":
      return t("cause.other", { changes: c.changes.map((x) => changeText(x, i18n, title)).join("; ") });
  }
}

/** The sign a figure stands in to a bound it misses: a failed "at least" is "<". */
const missed: Record<Miss["op"], string> = { gte: "<", gt: "≤", lt: "≥", lte: ">" };

/** “上两年研发投入总额达1000万元以上的企业”: 上一年度研发投入 + 上上年度研发投入 8,000,000 元 < 10,000,000 元 */
export function missText(m: Miss, i18n: I18n, amounts: Amounts): string {
  const facts = typeof m.fact === "string" ? [m.fact] : m.fact;
  const money = facts.every((f) => engine().catalog.facts[f]?.kind === "money");
  const figure = (x: Miss["value"]) => (money ? amounts.money(x) : x.toFixed());
  const test = `${facts.map((f) => factLabel(f, i18n.lang)).join(" + ")} ${figure(m.value)} ${missed[m.op]} ${figure(m.bound)}`;
  return m.quote ? i18n.t("whyNot.quoted", { quote: m.quote, test }) : test;
}

/** A clause that does not pay: each figure that misses its test, else the engine's reasons. */
export function whyNotText(w: WhyNot, i18n: I18n, amounts: Amounts): string {
  const why = w.misses.length > 0 ? w.misses.map((m) => missText(m, i18n, amounts)) : w.reasons.map((r) => formatReason(r, i18n.lang));
  return `${clauseName(w.clause, i18n)}: ${why.join("; ")}`;
}
