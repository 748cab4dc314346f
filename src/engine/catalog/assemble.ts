import type { AccountingEntry } from "../accounting/classes";
import { CATALOG_VERSION, CatalogError, referencedFacts, type Catalog } from "./catalog";
import { treeProblems } from "./places";
import { placeTree, type Clause, type FactDefinition, type PlaceTree, type PolicyDocument } from "./schema";

/*
 * A catalog put together from parsed documents, facts, places and accounting classes, with the
 * references between them checked: the built-in files (build.ts) and a catalog with packs added
 * (pack.ts) go through the same checks. No catalog file is imported here, so a door that only
 * extends the catalog in use does not carry the built-in files a second time.
 */

/** Trees of places and zones checked as one (ruling 21); throws a CatalogError listing the problems. */
export function mergePlaces(raw: readonly unknown[]): PlaceTree {
  const trees = raw.map((r) => {
    const result = placeTree.safeParse(r);
    if (!result.success) throw new CatalogError(result.error.issues.map((i) => `places: ${i.path.join(".") || "(places)"}: ${i.message}`).join("\n"));
    return result.data;
  });
  const tree: PlaceTree = { places: trees.flatMap((t) => t.places), zones: trees.flatMap((t) => t.zones) };
  const problems = treeProblems(tree);
  if (problems.length) throw new CatalogError(problems.map((p) => `places: ${p}`).join("\n"));
  return tree;
}

export function assembleCatalog(
  documents: readonly PolicyDocument[],
  sharedFacts: Readonly<Record<string, FactDefinition>>,
  tree: PlaceTree,
  accounting: Readonly<Record<string, AccountingEntry>>,
): Catalog {
  const known = new Set([...tree.places, ...tree.zones].map((x) => x.id));
  for (const doc of documents) {
    if (!known.has(doc.jurisdiction)) throw new CatalogError(`${doc.id}: jurisdiction "${doc.jurisdiction}" is not a known place or zone`);
  }
  const facts: Record<string, FactDefinition> = { ...sharedFacts };
  for (const doc of documents) {
    for (const [name, def] of Object.entries(doc.facts)) {
      if (facts[name]) throw new CatalogError(`${doc.id}: fact "${name}" is already defined`);
      facts[name] = def;
    }
  }
  const clauses: Clause[] = [];
  const ids = new Set<string>();
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      if (!clause.id.startsWith(`${doc.id}/`)) throw new CatalogError(`${clause.id}: id must start with "${doc.id}/"`);
      if (ids.has(clause.id)) throw new CatalogError(`${clause.id}: duplicate id`);
      ids.add(clause.id);
      for (const name of referencedFacts(clause)) {
        if (!facts[name]) throw new CatalogError(`${clause.id}: unknown fact "${name}"`);
      }
      clauses.push(clause);
    }
  }
  return { version: CATALOG_VERSION, documents: [...documents], clauses, facts, places: tree, accounting: { ...accounting } };
}
