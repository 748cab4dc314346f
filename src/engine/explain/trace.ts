import type { Condition } from "../catalog/schema";
import type { FactValue } from "../input/facts";
import type { Decimal } from "../input/money";

/**
 * The trace as data: every step of arithmetic, reason, note and flag is a code with its numbers,
 * so that each language's formatter (en-US.ts, zh-CN.ts) says the same thing in its own words.
 * Nothing here is text a reader sees, except what the catalog quotes and what the user typed.
 */

export type Lang = "en-US" | "zh-CN";
export const langs: readonly Lang[] = ["en-US", "zh-CN"];

/**
 * A language tag as Office, a browser or the environment gives it (zh, zh-CN, zh-Hans-CN,
 * zh_CN.UTF-8 → zh-CN; en-… → en-US); undefined for anything else (the caller's default).
 */
export function langOf(tag: string | undefined | null): Lang | undefined {
  const t = (tag ?? "").trim().toLowerCase();
  if (t.startsWith("zh")) return "zh-CN";
  if (t.startsWith("en")) return "en-US";
  return undefined;
}

/** A fact, or the sum of several (上两年研发投入总额). */
export type FactRef = string | readonly string[];

/** Words the catalog gives in both languages (a cap's "per": 单个产品 / product). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** The cap that lowered an amount: a ceiling per unit of a fact (3,000 yuan/m²) or a plain one. */
export interface BindingCap {
  readonly amount: Decimal;
  readonly per: Bilingual;
  readonly perUnit: boolean;
  /** The words that set it, quoted wherever it is shown (ruling 14). */
  readonly sentence: string;
}

/** One step of a clause's arithmetic. */
export type Step =
  /** rate × base; `standsFor`: the base the text names, not stated, for which `base` (another text's name for it) was read. */
  | { readonly code: "rate"; readonly rate: Decimal; readonly base: FactRef; readonly value: Decimal; readonly result: Decimal; readonly assumed: boolean; readonly standsFor?: FactRef }
  /** A fixed amount; `quoted` is how the sentence states it ("不超过200万元"), `ceiling` whether it says 最高/不超过. */
  | { readonly code: "fixed"; readonly amount: Decimal; readonly quoted?: string; readonly ceiling: boolean }
  | { readonly code: "lookup"; readonly fact: string; readonly key: string | number; readonly result: Decimal }
  /** First crossing (ruling 7): the highest threshold crossed for the first time, if any. */
  | { readonly code: "milestone"; readonly fact: string; readonly now: Decimal; readonly before: Decimal; readonly threshold?: Decimal; readonly result: Decimal }
  /** The highest step reached, if any. */
  | { readonly code: "tier"; readonly fact: string; readonly now: Decimal; readonly threshold?: Decimal; readonly result: Decimal }
  /** The text gives no number and none was assumed (ruling 3); what an assumption would be: a rate of a base, or an amount (定额). */
  | { readonly code: "unspecified"; readonly assumes: "rate" | "amount" }
  | { readonly code: "assumedAmount"; readonly amount: Decimal }
  /** A ceiling per unit worked out: amount × units of the fact. */
  | { readonly code: "unitCap"; readonly amount: Decimal; readonly per: Bilingual; readonly fact: string; readonly units: Decimal; readonly limit: Decimal }
  | { readonly code: "capped"; readonly result: Decimal; readonly cap: BindingCap }
  /** Ruling 13: the advance already paid for the product (先期给予, `article`) taken off the award. */
  | { readonly code: "advance"; readonly article: string; readonly advance: Decimal; readonly before: Decimal; readonly result: Decimal };

/** Why a clause did not pay, or could not tell. */
export type Reason =
  | { readonly code: "outOfValidity"; readonly year?: number; readonly from?: string; readonly to?: string }
  | { readonly code: "otherSector"; readonly sectors: readonly string[]; readonly sector: FactValue }
  /** A condition of the text the facts do not meet, with the values given for the facts it reads. */
  | { readonly code: "notMet"; readonly condition: Condition; readonly given: Readonly<Record<string, FactValue>> }
  /**
   * Facts nobody gave: the clause cannot tell. `wouldPay` is what it pays if they go its way
   * (`upTo`: at most that, when its amount needs the missing facts too; `unspecified`: the text
   * gives no amount, ruling 3).
   */
  | { readonly code: "unknown"; readonly facts: readonly string[]; readonly wouldPay?: Decimal; readonly upTo: boolean; readonly unspecified?: "rate" | "amount" }
  /** Ruling 11: the year is outside the clause's window ("连续3年" from the year it opened). */
  | { readonly code: "outsideWindow"; readonly sentence: string; readonly from: number; readonly to: number; readonly year: number }
  /** Ruling 12: a once-only award ("首次获批", "一次性") the product already had. */
  | { readonly code: "onceTaken"; readonly perClass: boolean; readonly perEnterprise?: boolean; readonly sentence: string };

/** What the portfolio did to a forecast line. */
export type Note =
  | { readonly code: "annualCapReduced"; readonly from: Decimal; readonly to: Decimal; readonly cap: Decimal; readonly title: Bilingual; readonly article: string; readonly sentence: string }
  | { readonly code: "yearsUsedUp"; readonly maxYears: number }
  /**
   * Ruling 20: paid under this clause though another of its matter (`other`, an article) pays the
   * same before caps, because that one's annual cap would cut it.
   */
  /** Ruling 18: a cap on the product's (variety's, project's) total over all years, of which the plan paid it `paid` before. */
  | { readonly code: "totalReduced"; readonly from: Decimal; readonly to: Decimal; readonly cap: Decimal; readonly paid: Decimal; readonly per: Bilingual; readonly sentence?: string }
  | { readonly code: "tieAfterCaps"; readonly other: string; readonly cap: Decimal; readonly sentence: string }
  /**
   * Ruling 24: an earlier event of the plan (`year`, `title`) that may not happen already took
   * what this line would otherwise get (the advance it nets, a once-only award, part of a total
   * cap): settled on the plan as written, the figure errs low in an outcome without it.
   */
  | { readonly code: "earlierUncertain"; readonly kind: "advance" | "once" | "total"; readonly year: number; readonly title: MatterTitle };

/** The title of a forecast line: the user's own label, or what the plan says happened. */
export type MatterTitle =
  | { readonly kind: "label"; readonly text: string }
  | { readonly kind: "rd"; readonly year: number }
  | { readonly kind: "revenue"; readonly year: number }
  | { readonly kind: "certificate"; readonly product: string; readonly deviceClass: number; readonly pathway: string }
  | { readonly kind: "clinical"; readonly product: string; readonly phase: number }
  | { readonly kind: "output"; readonly product: string; readonly value: Decimal }
  | { readonly kind: "other"; readonly topic: string }
  | { readonly kind: "event"; readonly type: string; readonly product?: string };
