import type { ClauseLine } from "../evaluate";
import { Decimal, formatYuan } from "../money";
import { lastYear } from "../validity";

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
  | "expiring";

export interface Flag {
  readonly code: FlagCode;
  /** The number or date the flag speaks of (a cap in yuan with its separators, a year count, a date). */
  readonly value?: string;
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
  if (working?.unspecified) flags.push({ code: "unspecified" });
  if (working?.assumed) flags.push({ code: "assumed" });
  if (clause.enterpriseAnnualCap) flags.push({ code: "annualCap", value: formatYuan(new Decimal(clause.enterpriseAnnualCap)) });
  if (clause.maxYears) flags.push({ code: "maxYears", value: String(clause.maxYears) });
  if (lastYear(window) !== undefined) flags.push({ code: "validUntil", value: window.to });
  else if (document.validityYears) flags.push({ code: "validityYears", value: String(document.validityYears) });
  return flags;
}
