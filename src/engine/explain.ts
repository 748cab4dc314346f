import type { ClauseLine, Evaluation } from "./evaluate";
import { Decimal, formatYuan } from "./money";
import { lastYear } from "./validity";

/** What a reader must see beside a clause, as codes a door can put in its own language. */
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
  | "inForceFrom";

export interface Flag {
  readonly code: FlagCode;
  /** The number or date the flag speaks of (a cap in yuan, a year count, a date). */
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
  if (line.inForceFrom) flags.push({ code: "inForceFrom", value: line.inForceFrom });
  if (lastYear(window) !== undefined) flags.push({ code: "validUntil", value: window.to });
  else if (document.validityYears) flags.push({ code: "validityYears", value: String(document.validityYears) });
  return flags;
}

const flagWords: Record<FlagCode, (value: string) => string> = {
  draft: () => "draft policy (征求意见稿)",
  discretionary: () => "discretionary (经认定/择优/经评审): the ceiling is shown",
  oneTime: () => "one-time",
  phased: () => "paid in stages",
  advance: () => "advance payment",
  unspecified: () => "amount unspecified in the text (0 unless a rate is assumed)",
  assumed: () => "ASSUMPTION: rests on an assumed rate",
  annualCap: (v) => `per-enterprise cap ${v} a year (applied by FORECAST)`,
  maxYears: (v) => `at most ${v} years (applied by FORECAST)`,
  validUntil: (v) => `valid until ${v}`,
  validityYears: (v) => `valid ${v} years from an issue date the text does not state`,
  expiring: (v) => `policy expires within the horizon (${v})`,
  inForceFrom: (v) => `in force from ${v}: this year counts from that day`,
};

/** A flag in English, as EXPLAIN and the command line print it. */
export const flagText = (flag: Flag): string => flagWords[flag.code](flag.value ?? "");

const statusText: Record<ClauseLine["status"], string> = {
  applied: "applied",
  outranked: "not paid: a more favourable clause of the same matter wins (从优不重复 / 就高不就低)",
  "not-met": "does not apply",
  unknown: "cannot tell",
  "out-of-validity": "out of validity",
  "other-sector": "other sector",
};

/** A cell-sized explanation: the total, then each clause considered with its citation and reasons. */
export function renderExplanation(title: string, evaluation: Evaluation): string {
  const out = [`${title} = ${formatYuan(evaluation.amount)} yuan`];
  if (evaluation.lines.length === 0) out.push("No clause of the catalog covers this matter in this region.");
  for (const line of evaluation.lines) {
    const { clause, document } = line;
    const head = `• ${clause.id} — ${document.title} ${clause.article}: ${statusText[line.status]}`;
    const amount = line.status === "applied" || line.status === "outranked" ? ` ${formatYuan(line.amount)}` : "";
    out.push(head + amount + (line.outrankedBy ? ` (by ${line.outrankedBy})` : ""));
    for (const r of line.reasons) out.push(`  ${r}`);
    for (const s of line.working?.steps ?? []) out.push(`  ${s}`);
    if (line.status === "applied") {
      const flags = flagsOf(line);
      if (flags.length) out.push(`  flags: ${flags.map(flagText).join("; ")}`);
      out.push(`  “${clause.sentence}”`);
    }
  }
  return out.join("\n");
}
