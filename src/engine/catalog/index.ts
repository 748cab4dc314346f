/** The catalog: the policy documents and their clauses as checked data, their topics, places and listing. */
export { CatalogError, CATALOG_VERSION, referencedFacts } from "./catalog";
export type { Catalog, Clause, FactDefinition, PolicyDocument } from "./catalog";
export { topics, type Topic } from "./topics";
export { clauseColumns, clauseLimits, clauseRecord, clauseRow, factsRead, listClauses } from "./listing";
export { jurisdictionsOf, parseRegion, regions, type Region } from "./regions";
