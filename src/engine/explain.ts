import type { ClauseLine, Evaluation } from "./evaluate";
import { Decimal, formatYuan } from "./money";
import { lastYear } from "./validity";

/** The flags a reader must see beside a clause: draft, discretion, unspecified amount, limits. */
export function flagsOf(line: ClauseLine): string[] {
  const { clause, document, window, working } = line;
  const flags: string[] = [];
  if (document.status === "draft") flags.push("draft policy (征求意见稿)");
  if (clause.flags.includes("discretionary")) flags.push("discretionary (经认定/择优/经评审): the ceiling is shown");
  if (clause.flags.includes("one-time")) flags.push("one-time");
  if (clause.flags.includes("phased")) flags.push("paid in stages");
  if (clause.flags.includes("advance")) flags.push("advance payment");
  if (working?.unspecified) flags.push("amount unspecified in the text (0 unless a rate is assumed)");
  if (working?.assumed) flags.push("ASSUMPTION: rests on an assumed rate");
  if (clause.enterpriseAnnualCap) flags.push(`per-enterprise cap ${formatYuan(new Decimal(clause.enterpriseAnnualCap))} a year (applied by FORECAST)`);
  if (clause.maxYears) flags.push(`at most ${clause.maxYears} years (applied by FORECAST)`);
  if (lastYear(window) !== undefined) flags.push(`valid until ${window.to}`);
  else if (document.validityYears) flags.push(`valid ${document.validityYears} years from an issue date the text does not state`);
  return flags;
}

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
      if (flags.length) out.push(`  flags: ${flags.join("; ")}`);
      out.push(`  “${clause.sentence}”`);
    }
  }
  return out.join("\n");
}
