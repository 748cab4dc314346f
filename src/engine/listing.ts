import type { Catalog } from "./catalog";
import type { Clause, PolicyDocument, Topic } from "./catalog/schema";
import { jurisdictionsOf, type Region } from "./regions";

export const clauseColumns = ["id", "document", "article", "jurisdiction", "level", "status", "topic", "matter", "monetary", "summary", "sentence"] as const;

export interface ListedClause {
  readonly clause: Clause;
  readonly document: PolicyDocument;
}

/** The catalog filtered by where the enterprise is and what the matter is, in catalog order. */
export function listClauses(catalog: Catalog, region?: Region, topic?: Topic): ListedClause[] {
  const reach = region ? jurisdictionsOf[region] : undefined;
  return catalog.documents
    .filter((d) => !reach || reach.includes(d.jurisdiction))
    .flatMap((document) => document.clauses.filter((c) => !topic || c.topic === topic).map((clause) => ({ clause, document })));
}

/** One row per clause, in `clauseColumns` order: what CLAUSES spills and `subsidy clauses` prints. */
export function clauseRow({ clause, document }: ListedClause): string[] {
  return [
    clause.id,
    document.title,
    clause.article,
    document.jurisdiction,
    document.level,
    document.status,
    clause.topic,
    clause.matter,
    clause.formula ? "yes" : "no",
    clause.summary.en,
    clause.sentence,
  ];
}
