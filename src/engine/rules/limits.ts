import type { Clause, PolicyDocument } from "../catalog/schema";
import type { Facts } from "../input/facts";
import { Decimal } from "../input/money";

/**
 * Limits over time and first times, decided per matter from its facts (rulings 11–13), so that
 * a forecast's aggregation need not know them: the plan (matters.ts) states when a window opens,
 * which once-only awards a product already had, and the advance paid ahead of a certificate.
 */

/** Ruling 11: the years of a "连续N年" / "自…起共资助N年" window, or undefined if it does not apply. */
export function windowYears(clause: Clause, facts: Facts): { from: number; to: number } | undefined {
  const w = clause.window;
  const opens = w ? (facts[w.opensWith] as Decimal | undefined) : undefined;
  if (!w || opens === undefined) return undefined;
  const from = new Decimal(opens).toNumber();
  return { from, to: from + w.years - 1 };
}

/** The year falls outside the clause's window: it pays nothing, whether the window's years were paid or not. */
export function outsideWindow(clause: Clause, facts: Facts, year: number | undefined): { from: number; to: number } | undefined {
  if (year === undefined) return undefined;
  const w = windowYears(clause, facts);
  return w && (year < w.from || year > w.to) ? w : undefined;
}

/**
 * Ruling 12: what a once-only award is counted by: its article and matter, so the entries of one
 * award share it (深圳（五）'s class II base and innovative entries are one "首次获批二类"), while an
 * article's other awards keep their own (昌平 第五条（二）'s advance and its 落地生产 award); per class
 * where the text names the class.
 */
export function onceKey(clause: Clause, document: PolicyDocument, facts: Facts): string | undefined {
  if (!clause.once) return undefined;
  const base = `${document.id} ${clause.article} ${clause.matter}`;
  return clause.once.per === "product-class" ? `${base} class ${String(facts.deviceClass)}` : base;
}

/**
 * Ruling 18: what a total cap (单个品种资助最高不超过300万元) is counted by, per product: its article
 * and matter, as a once-only award is. The forecast's settlement sums what each product was paid.
 */
export function totalKey(clause: Clause, document: PolicyDocument): string | undefined {
  return clause.caps.some((c) => c.total) ? `${document.id} ${clause.article} ${clause.matter}` : undefined;
}

/** The fact matters.ts sets on a certificate: the advance (先期给予) its product was paid on the plan as written. */
export const ADVANCE_PAID = "advancePaid";

/** Ruling 13: an award less the advance already paid, never below 0. */
export function lessAdvance(amount: Decimal, facts: Facts): Decimal {
  const paid = facts[ADVANCE_PAID] as Decimal | undefined;
  return paid === undefined ? amount : Decimal.max(amount.minus(paid), 0);
}
