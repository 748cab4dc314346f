import type { Engine, Query } from "../rules/evaluate";
import type { FurtherAward } from "./format";
import type { FurtherEvent } from "./words";

/** The facts each further event of a certified product adds (matters.ts states them the same way). */
const after: Readonly<Partial<Record<Query["topic"], readonly { event: FurtherEvent; topic: Query["topic"]; fact: string }[]>>> = {
  registration: [
    { event: "innovativeReview", topic: "innovativeReviewEntry", fact: "inInnovativeReview" },
    { event: "localProduction", topic: "localProduction", fact: "localProduction" },
  ],
};

/**
 * What a scenario can add to a single call (DESIGN "Explanations": EXPLAIN for REGISTRATION
 * names local production and entry into the review): each further event evaluated with the
 * call's facts, keeping the clauses that pay or could.
 */
export function furtherAwards(eng: Engine, q: Query): FurtherAward[] {
  return (after[q.topic] ?? []).map(({ event, topic, fact }) => ({
    event,
    lines: eng.evaluate({ ...q, topic, facts: { ...q.facts, [fact]: true } }).lines.filter((l) => l.status !== "not-met" && l.status !== "other-sector" && l.status !== "out-of-validity"),
  }));
}
