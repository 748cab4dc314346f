import type { Condition, Topic } from "../catalog/schema";
import { isRegionProblem, placesOf } from "../catalog/places";
import type { FactValue } from "../input/facts";
import { Decimal } from "../input/money";
import { engine, type Engine } from "../rules/evaluate";
import { lastYear } from "../rules/validity";
import type { Scenario, ScenarioEvent } from "./scenario";
import { quoteOf } from "./why-not";

/**
 * "What else could be claimed" (a 政策计算器's list): from the profile alone (place, sector, SME
 * status, revenue and R&D by year), the monetary clauses whose text reaches the enterprise, is in
 * force in some year of the horizon, and whose conditions on the enterprise itself do not
 * exclude it, that no event or figure of the plan uses: the most the text pays as it says it,
 * what else would qualify, and the event that would claim it.
 */

/** What the pane adds to claim a clause: an event of the plan, or the financials (R&D, revenue). */
export type ClaimWith = Exclude<ScenarioEvent["type"], "other"> | "other" | "financials";

export interface Claimable {
  readonly clause: string;
  readonly document: string;
  readonly topic: Topic;
  /** The most the clause pays, and the words that set it (最高200万元), where the text gives a number. */
  readonly most?: { readonly amount: Decimal; readonly sentence: string };
  /** Its conditions beyond the enterprise's own facts: what would qualify. */
  readonly conditions: readonly Condition[];
  readonly claimWith: ClaimWith;
}

/** The event that states a topic's facts (matters.ts reads them the other way). */
const eventOf: Partial<Record<Topic, ClaimWith>> = {
  registration: "certificate",
  localProduction: "certificate",
  innovativeReviewEntry: "innovativeReview",
  fdaBreakthrough: "fdaBreakthrough",
  clinical: "clinical",
  scaleup: "output",
  vbp: "vbp",
  firstSet: "firstSet",
  insurance: "insurance",
  facility: "facility",
  rd: "financials",
  revenue: "financials",
};
export const claimWith = (topic: Topic): ClaimWith => eventOf[topic] ?? "other";

/** The topics a plan already uses: its events' matters, and R&D and revenue where it gives figures. */
export function plannedTopics(s: Scenario): Set<Topic> {
  const topics = new Set<Topic>();
  for (const e of s.events) {
    if (e.type === "other") topics.add(e.topic);
    else
      for (const [topic, type] of Object.entries(eventOf) as [Topic, ClaimWith][]) {
        if (type !== e.type) continue;
        if (topic === "localProduction" && !(e.type === "certificate" && e.localProduction)) continue;
        topics.add(topic);
      }
  }
  if (s.financials.some((f) => f.rd !== undefined)) topics.add("rd");
  if (s.financials.some((f) => f.revenue !== undefined)) topics.add("revenue");
  return topics;
}

const enterpriseFacts = new Set(["sector", "sme"]);
const readsOnly = (c: Condition, facts: ReadonlySet<string>): boolean =>
  "any" in c ? c.any.every((b) => b.every((l) => readsOnly(l, facts))) : [c.fact].flat().every((f) => facts.has(f));

/** The largest plain cap, or a fixed amount, with the words that set it. */
function mostOf(clause: Engine["clauses"][number]["clause"]): Claimable["most"] {
  const plain = clause.caps.filter((c) => c.base === undefined);
  const top = plain.reduce<(typeof plain)[number] | undefined>((a, c) => (!a || new Decimal(c.amount).gt(a.amount) ? c : a), undefined);
  if (top) return { amount: new Decimal(top.amount), sentence: top.sentence ?? quoteOf(clause.sentence, new Decimal(top.amount)) ?? clause.sentence };
  const f = clause.formula;
  if (f?.kind === "fixed") return { amount: new Decimal(f.amount), sentence: clause.sentence };
  if (f?.kind === "lookup") return { amount: Decimal.max(...Object.values(f.table).map((x) => new Decimal(x))), sentence: clause.sentence };
  if (f?.kind === "milestones" || f?.kind === "steps") return { amount: Decimal.max(...f.tiers.map((x) => new Decimal(x.amount))), sentence: clause.sentence };
  return undefined;
}

/** The clauses the plan could still claim, in catalog order. */
export function claimable(s: Scenario, eng: Engine = engine()): Claimable[] {
  const where = placesOf(eng.catalog).resolve(s.enterprise.region, s.enterprise.zones);
  const reach = isRegionProblem(where) ? [] : where.jurisdictions;
  const used = plannedTopics(s);
  const facts: Record<string, FactValue> = { sector: s.enterprise.sector };
  if (s.enterprise.sme !== undefined) facts.sme = s.enterprise.sme;
  return eng.clauses
    .filter(({ clause, document, window, eligible }) => {
      if (!clause.formula || clause.formula.kind === "unspecified" || used.has(clause.topic)) return false;
      if (!reach.includes(document.jurisdiction) || !document.sectors.includes(s.enterprise.sector)) return false;
      const end = lastYear(window);
      if (end !== undefined && end < s.horizon.from) return false;
      // Given only the enterprise's own facts, a clause fails only on them (the evaluator's
      // three-valued test: the facts of an event are unknown, not failed); the rest is what would qualify.
      return eligible(facts) !== "not-met";
    })
    .map(({ clause, document }) => ({
      clause: clause.id,
      document: document.id,
      topic: clause.topic,
      most: mostOf(clause),
      conditions: clause.conditions.filter((c) => !readsOnly(c, enterpriseFacts)),
      claimWith: claimWith(clause.topic),
    }));
}
