import type { LeafCondition, Topic } from "../catalog/schema";
import type { Reason } from "../explain/trace";
import { Decimal } from "../input/money";
import type { Status } from "../rules/evaluate";
import type { Forecast } from "./forecast";
import type { Scenario } from "./scenario";

/**
 * "Not paid, and why": every clause of the enterprise's places, for a matter the plan has (an
 * event, or the R&D and revenue of a year), whose conditions fail or cannot be told (a clause
 * for another sector is left out), with each
 * failed test's figure against its bound (上两年研发投入总额 8,000,000 < 10,000,000) and, where
 * the sentence states the bound, the words of the text that set it.
 */

/** A numeric test the plan's figures miss: their sum against the bound. */
export interface Miss {
  readonly fact: LeafCondition["fact"];
  readonly op: "gte" | "gt" | "lt" | "lte";
  readonly value: Decimal;
  readonly bound: Decimal;
  /** The words of the sentence that state the test (“上两年研发投入总额达1000万元以上的企业”), when found in it verbatim. */
  readonly quote?: string;
}

export interface WhyNot {
  /** Index in the scenario's events; undefined for a yearly matter (R&D, revenue). */
  readonly event?: number;
  readonly topic: Topic;
  readonly year: number;
  readonly clause: string;
  readonly document: string;
  readonly status: Extract<Status, "not-met" | "unknown">;
  readonly reasons: readonly Reason[];
  readonly misses: readonly Miss[];
}

const numeric = (op: string): op is Miss["op"] => op === "gte" || op === "gt" || op === "lt" || op === "lte";

/** How the texts write an amount: 1000万元, 1000万, 1亿元, 10,000,000. */
function writings(x: Decimal): string[] {
  const out = [x.toFixed(), x.toNumber().toLocaleString("en-US")];
  const wan = x.dividedBy(10_000);
  if (wan.isInteger()) out.push(`${wan.toFixed()}万`);
  const yi = x.dividedBy(100_000_000);
  if (yi.isInteger()) out.push(`${yi.toFixed()}亿`);
  return out;
}

/** The part of the sentence (between its commas and enumeration marks) that states the bound, if exactly one does. */
export function quoteOf(sentence: string, bound: Decimal): string | undefined {
  // A writing counts only whole: "1000万" is not read inside "21000万", nor "10000000" inside "100000000".
  const whole = (p: string, w: string) => new RegExp(`(?<![\\d.,])${w.replace(/[.,]/g, "\\$&")}(?![\\d,])`).test(p);
  const parts = sentence.split(/[，、；。;]/).filter((p) => writings(bound).some((w) => whole(p, w)));
  return parts.length === 1 ? parts[0].replace(/^对/, "") : undefined;
}

function missesOf(reasons: readonly Reason[], sentence: string): Miss[] {
  const misses: Miss[] = [];
  for (const r of reasons) {
    if (r.code !== "notMet" || "any" in r.condition || !numeric(r.condition.op)) continue;
    const facts = typeof r.condition.fact === "string" ? [r.condition.fact] : r.condition.fact;
    const values = facts.map((f) => r.given[f]);
    if (!values.every((v): v is Decimal => v instanceof Decimal)) continue;
    const bound = new Decimal(String(r.condition.value));
    misses.push({ fact: r.condition.fact, op: r.condition.op, value: values.reduce((a, b) => a.plus(b), new Decimal(0)), bound, quote: quoteOf(sentence, bound) });
  }
  return misses;
}

/** Every clause of the plan's matters, within the forecast's years, that fails its conditions or cannot tell. */
export function whyNot(s: Scenario, f: Forecast): WhyNot[] {
  const out: WhyNot[] = [];
  for (const { matter, evaluation } of f.matters) {
    if (matter.year < s.horizon.from || matter.year > s.horizon.to) continue;
    for (const line of evaluation.lines) {
      // A clause for another sector is not one the enterprise could meet: it is not listed.
      if (line.status !== "not-met" && line.status !== "unknown") continue;
      out.push({
        event: matter.event < s.events.length ? matter.event : undefined,
        topic: matter.topic,
        year: matter.year,
        clause: line.clause.id,
        document: line.document.id,
        status: line.status,
        reasons: line.reasons,
        misses: missesOf(line.reasons, line.clause.sentence),
      });
    }
  }
  return out;
}
