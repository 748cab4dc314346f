import type { Scenario } from "./scenario";

/** A plan that is valid but not consistent: said as a warning, never refused. */
export type PlanWarning =
  /** A certificate through the national innovative or priority review whose product never entered that review in the plan. */
  | { readonly code: "reviewEntryMissing"; readonly event: number; readonly product: string }
  /** The entry is in the plan, but less likely than the certificate it leads to. */
  | { readonly code: "reviewEntryLessLikely"; readonly event: number; readonly product: string; readonly entry: number; readonly entryProbability: number; readonly probability: number };

/** The reviews a certificate enters before it is granted (昌平 第五条（二）: 进入国家创新医疗器械特别或优先审查程序). */
const reviewed = new Set(["innovative", "priority"]);

/**
 * A certificate obtained through the national innovative or priority review presupposes that
 * its product entered the review, at the latest in the certificate's year, and with at least its
 * chance: the advance (先期给予) and its recovery (ruling 13) rest on that entry.
 */
export function planWarnings(s: Scenario): PlanWarning[] {
  const out: PlanWarning[] = [];
  const chance = (p: number | undefined) => p ?? s.defaults.probability;
  s.events.forEach((e, i) => {
    if (e.type !== "certificate" || !reviewed.has(e.pathway)) return;
    const entries = s.events.flatMap((x, j) => (x.type === "innovativeReview" && x.product === e.product && x.year <= e.year ? [j] : []));
    if (entries.length === 0) {
      out.push({ code: "reviewEntryMissing", event: i, product: e.product });
      return;
    }
    const entry = entries.reduce((a, b) => (chance(s.events[b].probability) > chance(s.events[a].probability) ? b : a));
    const entryProbability = chance(s.events[entry].probability);
    const probability = chance(e.probability);
    if (entryProbability < probability) out.push({ code: "reviewEntryLessLikely", event: i, product: e.product, entry, entryProbability, probability });
  });
  return out;
}
