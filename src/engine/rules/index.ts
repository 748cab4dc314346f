/** The rules: a clause's conditions, formula, caps, limits, stacking and validity, applied to one query. */
export { parsePathway, pathwayList, pathways, pathwaySpellings, type Pathway } from "./pathways";
export { createEngine, engine, useCatalog } from "./evaluate";
export { jurisdictionsOf, parseRegion, regionProblemText, regionReach } from "./reach";
export type { ClauseLine, CompiledClause, Engine, Evaluation, Query, Status } from "./evaluate";
export { undeclaredOverlaps } from "./stacking";
export { inForceDuring, validityWindow } from "./validity";
