import type { ClauseLine } from "../rules/evaluate";
import { Decimal, formatYuan } from "../input/money";
import { lastYear } from "../rules/validity";

/** What a reader must see beside a clause, as codes each language words (formatFlag). */
export type FlagCode =
  | "draft"
  | "discretionary"
  | "oneTime"
  | "phased"
  | "advance"
  | "unspecified"
  | "assumed"
  | "annualCap"
  | "maxYears"
  | "validUntil"
  | "validityYears"
  | "expiring"
  /** In force from a day within the year: a figure for that year counts from then (Beijing: 2025-11-24). */
  | "inForceFrom"
  /** "连续3年", "自…起共资助3年": N consecutive years from the event that opens them (ruling 11). */
  | "window"
  /** "首次获批", "一次性": once per product, or per product and class (ruling 12). */
  | "once";

export interface Flag {
  readonly code: FlagCode;
  /** The number or date the flag speaks of (a cap in yuan with its separators, a year count, a date). */
  readonly value?: string;
  /** The words of the text that set it, quoted beside it (ruling 14). */
  readonly quote?: string;
}

/** The flags of one clause line: draft, discretion, unspecified amount, limits, validity. */
export function flagsOf(line: ClauseLine): Flag[] {
  const { clause, document, window, working } = line;
  const flags: Flag[] = [];
  if (document.status === "draft") flags.push({ code: "draft" });
  if (clause.flags.includes("discretionary")) flags.push({ code: "discretionary" });
  if (clause.flags.includes("one-time")) flags.push({ code: "oneTime" });
  if (clause.flags.includes("phased")) flags.push({ code: "phased" });
  if (clause.flags.includes("advance")) flags.push({ code: "advance" });
  if (working?.unspecified) flags.push({ code: "unspecified", value: working.unspecified });
  if (working?.assumed) flags.push({ code: "assumed", value: working.assumed });
  if (clause.enterpriseAnnualCap) {
    flags.push({ code: "annualCap", value: formatYuan(new Decimal(clause.enterpriseAnnualCap)), quote: clause.enterpriseAnnualCapSentence });
  }
  if (clause.maxYears) flags.push({ code: "maxYears", value: String(clause.maxYears), quote: clause.maxYearsSentence });
  if (clause.window) flags.push({ code: "window", value: String(clause.window.years), quote: clause.window.sentence });
  if (clause.once) flags.push({ code: "once", value: clause.once.per, quote: clause.once.sentence });
  if (line.inForceFrom) flags.push({ code: "inForceFrom", value: line.inForceFrom });
  if (lastYear(window) !== undefined) flags.push({ code: "validUntil", value: window.to });
  else if (document.validityYears) flags.push({ code: "validityYears", value: String(document.validityYears) });
  return flags;
}
