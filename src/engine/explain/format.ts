import type { PackOrigin, WaitingPack } from "../catalog/catalog";
import type { Condition } from "../catalog/schema";
import type { LineAccounts } from "../accounting/accounts";
import { lineStory } from "../accounting/assumptions";
import { engine, rankOf, type ClauseLine, type Evaluation } from "../rules/evaluate";
import type { ForecastLine } from "../forecast/forecast";
import { formatYuan } from "../input/money";
import { CELL_LIMIT } from "./cell-limit";
import { enUS } from "./en-US";
import { flagsOf, type Flag } from "./flags";
import type { BindingCap, Lang, MatterTitle, Note, Reason, Step } from "./trace";
import { zhCN } from "./zh-CN";
import type { FurtherEvent, Words } from "./words";
import type { PlanWarning } from "../forecast/consistency";

export { CELL_LIMIT };

/** What EXPLAIN says, as data: the call as the user typed it, the evaluation, what else a scenario reaches. */
export interface Explanation {
  /** The call echoed as typed: SUBSIDY.REGISTRATION(3, 40000000, "changping"). */
  readonly call: string;
  readonly evaluation: Evaluation;
  /** Awards that further events of the same product reach (a registration's local production, …). */
  readonly further?: readonly FurtherAward[];
}

export interface FurtherAward {
  readonly event: FurtherEvent;
  /** The clauses that pay for it, or could, with what they pay. */
  readonly lines: readonly ClauseLine[];
}

const made = new Map<Lang, { facts: object; words: Words }>();

/** One language's words over the fact labels of the catalog in use (packs add facts). */
export function wordsFor(lang: Lang): Words {
  const facts = engine().catalog.facts;
  let w = made.get(lang);
  if (!w || w.facts !== facts) {
    w = { facts, words: lang === "zh-CN" ? zhCN(facts) : enUS(facts) };
    made.set(lang, w);
  }
  return w.words;
}

/** A fact's label in a language, as the catalog gives it. */
export function factLabel(name: string, lang: Lang): string {
  const def = engine().catalog.facts[name];
  return def ? (lang === "zh-CN" ? def.zh : def.en) : name;
}

export const formatFlag = (flag: Flag, lang: Lang): string => wordsFor(lang).flag(flag.code, flag.value ?? "", flag.quote);
export const formatStep = (step: Step, lang: Lang): string => wordsFor(lang).step(step);
export const formatCondition = (condition: Condition, lang: Lang): string => wordsFor(lang).condition(condition);
export const formatNote = (note: Note, lang: Lang): string => wordsFor(lang).note(note);
export const formatPlanWarning = (warning: PlanWarning, lang: Lang): string => wordsFor(lang).planWarning(warning);
export const formatTitle = (title: MatterTitle, lang: Lang): string => wordsFor(lang).title(title);
/** The cap that bound, as a capped step says it. */
export const formatCap = (cap: BindingCap, lang: Lang): string => wordsFor(lang).cap(cap);
export const formatReason = (reason: Reason, lang: Lang): string => wordsFor(lang).reason(reason);

/** The pack a document came from, in the catalog in use; undefined for a built-in one. */
export const packOriginOf = (documentId: string): PackOrigin | undefined => engine().catalog.packs?.[documentId];


/** A pack waiting for approval that would replace this clause or its document (catalogWithPacks). */
export const waitingOver = (documentId: string, clauseId: string): WaitingPack | undefined => engine().catalog.waiting?.find((p) => p.replaces.includes(clauseId) || p.replaces.includes(documentId));

/**
 * Where a clause's figures come from when a pack has a say in them: "from pack … v… by … (sha256 …)",
 * and a pack waiting for approval to replace it; nothing for a built-in clause.
 */
export const formatPackNotes = (documentId: string, clauseId: string, lang: Lang): string[] => packLines(wordsFor(lang), documentId, clauseId);

function packLines(w: Words, documentId: string, clauseId: string): string[] {
  const origin = packOriginOf(documentId);
  const waiting = waitingOver(documentId, clauseId);
  return [...(origin ? [w.fromPack(origin)] : []), ...(waiting ? [w.awaitingPack(waiting)] : [])];
}

const flagList = (w: Words, flags: readonly Flag[]): string => `${w.flagsHeading}${w.colon}${flags.map((f) => w.flag(f.code, f.value ?? "", f.quote)).join(w.semicolon)}`;

/** One clause considered: its citation and status, then why, the arithmetic, flags and the sentence. */
function clauseLines(w: Words, line: ClauseLine, all: readonly ClauseLine[], indent = ""): string[] {
  const paid = line.status === "applied" || line.status === "outranked";
  const by = all.find((l) => l.clause.id === line.outrankedBy);
  const summary = w.lang === "zh-CN" ? line.clause.summary.zh : line.clause.summary.en;
  const out = [`${indent}• ${w.cite(line)}${w.colon}${w.status(line.status, paid ? w.yuan(formatYuan(line.amount)) : "", by && w.cite(by), by !== undefined && rankOf(by).eq(rankOf(line)))}`];
  for (const p of packLines(w, line.document.id, line.clause.id)) out.push(`${indent}  ${p}`);
  out.push(`${indent}  ${summary}`);
  for (const r of line.reasons) out.push(`${indent}  ${w.reason(r)}`);
  for (const s of line.working?.steps ?? []) out.push(`${indent}  ${w.step(s)}`);
  if (line.status === "applied") {
    const flags = flagsOf(line);
    if (flags.length) out.push(`${indent}  ${flagList(w, flags)}`);
    // A sentence that builds on another (深圳（五）'s 上限再提高100万元) is quoted with it.
    const base = line.clause.baseSentence ? `“${line.clause.baseSentence}” … ` : "";
    out.push(`${indent}  ${base}“${line.clause.sentence}”`);
  }
  return out;
}

/** A cell-sized explanation in one language: the total, then each clause considered. */
export function formatExplanation(x: Explanation, language: Lang): string {
  const w = wordsFor(language);
  const { evaluation } = x;
  const out = [w.total(x.call, formatYuan(evaluation.amount))];
  const reach = evaluation.reach;
  if (reach && reach.assumed.length) {
    const named = (x: { zh: string; en?: string }) => ({ zh: x.zh, en: x.en ?? x.zh });
    out.push(w.assumedZones(reach.path.slice(1).map(named), reach.assumed.map(named)));
  }
  if (evaluation.lines.length === 0) out.push(w.noClause);
  for (const line of evaluation.lines) out.push(...clauseLines(w, line, evaluation.lines));
  const further = (x.further ?? []).filter((f) => f.lines.length > 0);
  if (further.length) {
    out.push(w.furtherHeading);
    for (const f of further) {
      out.push(`  ${w.further(f.event)}${w.colon.trim()}`);
      for (const line of f.lines) out.push(...clauseLines(w, line, f.lines, "  "));
    }
  }
  return fit(out, w.cut);
}

/**
 * A forecast line in one language: year, title, citation, ceiling / expected, then its trace,
 * and, given the line's accounts (accounting.ts), how its amount moves from entitlement to cash,
 * profit and tax with the settings it used. A line belongs to a plan; a single function call has
 * none, so formatExplanation never says it.
 */
export function formatLine(line: ForecastLine, language: Lang, accounts?: LineAccounts): string {
  const w = wordsFor(language);
  const out = [
    `${line.year}  ${w.title(line.title)} — ${w.cite(line.trace)}${w.colon}${w.lineAmounts(w.yuan(formatYuan(line.ceiling)), w.yuan(formatYuan(line.expected)))}`,
  ];
  for (const p of packLines(w, line.trace.document.id, line.trace.clause.id)) out.push(`      ${p}`);
  for (const s of line.trace.working?.steps ?? []) out.push(`      ${w.step(s)}`);
  for (const n of line.notes) out.push(`      ${w.note(n)}`);
  if (line.flags.length) out.push(`      ${flagList(w, line.flags)}`);
  if (accounts) out.push(`      ${formatLineAccounts(accounts, language)}`);
  return out.join("\n");
}

/** A forecast line's way from entitlement to cash, profit and tax, with the settings it used (lineStory), headed. */
export function formatLineAccounts(accounts: LineAccounts, language: Lang): string {
  const w = wordsFor(language);
  return `${w.accountsHeading}${w.colon}${lineStory(accounts, language)}`;
}

/** Lines joined, cut at a line break to stay within one cell. */
function fit(lines: readonly string[], cut: string): string {
  const text = lines.join("\n");
  if (text.length <= CELL_LIMIT) return text;
  const room = CELL_LIMIT - cut.length - 1;
  const at = text.lastIndexOf("\n", room);
  return `${text.slice(0, at > 0 ? at : room)}\n${cut}`;
}
