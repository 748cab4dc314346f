import type { Catalog } from "../catalog/catalog";
import { placesOf } from "../catalog/places";
import type { Clause } from "../catalog/schema";
import type { Decimal } from "../input/money";

/**
 * Catala's rule for the catalog: two monetary clauses of one jurisdiction on one topic either
 * share a matter (the most favourable is paid, ruling 5) or one declares that it adds to the
 * other ("再给予"). Anything else would be a silent sum; this lists every such pair.
 */
export function undeclaredOverlaps(catalog: Catalog): string[] {
  const byKey = new Map<string, Clause[]>();
  const { unitOf } = placesOf(catalog);
  for (const d of catalog.documents) {
    for (const c of d.clauses) {
      if (!c.formula) continue;
      // A zone whose text pays a matter once with its district's is that district's here too.
      const key = `${unitOf(d.jurisdiction)} ${c.topic}`;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
  }
  const found: string[] = [];
  for (const [key, clauses] of byKey) {
    clauses.forEach((a, i) => {
      for (const b of clauses.slice(i + 1)) {
        if (a.matter === b.matter) continue;
        const declared = a.additive?.to.includes(b.matter) || b.additive?.to.includes(a.matter);
        if (!declared) found.push(`${key}: ${a.id} (${a.matter}) and ${b.id} (${b.matter}) overlap without a declared stacking rule`);
      }
    });
  }
  return found;
}

/**
 * Ruling 5 within one jurisdiction and matter: the most favourable clause is paid, the others
 * not at all. On a tie the first in catalog order wins, so results never depend on chance.
 */
export function mostFavourable<T>(candidates: Iterable<T>, amountOf: (c: T) => Decimal): T | undefined {
  let best: T | undefined;
  let bestAmount: Decimal | undefined;
  for (const c of candidates) {
    const a = amountOf(c);
    if (bestAmount === undefined || a.gt(bestAmount)) {
      best = c;
      bestAmount = a;
    }
  }
  return best;
}
