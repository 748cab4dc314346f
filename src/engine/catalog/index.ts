/** The catalog: the policy documents and their clauses as checked data, their topics, places and listing. */
export { CatalogError, CATALOG_VERSION, referencedFacts } from "./catalog";
export type { Catalog, Clause, FactDefinition, PolicyDocument } from "./catalog";
export { topics, type Topic } from "./topics";
export { clauseColumns, clauseLimits, clauseRecord, clauseRow, factsRead, listClauses } from "./listing";
export { regions, type Region } from "./regions";
export { isRegionProblem, placeIndex, placesOf, type PlaceIndex, type Reach, type RegionProblem } from "./places";
export type { Combine, Place, PlaceTree, Zone } from "./schema";
/** A pack's revision, entry by entry, in words: what the task pane shows before a newer version replaces one (RULINGS §78). */
export { diffPacks, type PackDiff } from "./pack-diff";
export { packDiffText } from "./pack-diff-words";
