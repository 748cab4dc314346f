/**
 * The policy packs' door (DESIGN "Policy packs"): reading a pack, checking it against the
 * catalog in use, and the catalog with packs added. A third door beside index.ts and core.ts
 * because reading a pack runs the catalog's full schema, which neither of the add-in's bundles
 * carries (they run on the catalog checked at build time); the CLI and the tests enter here, and
 * the add-in's pack chunks (the pane's and the functions'). Comparing two versions, which
 * forecasts a scenario under each, has a door of its own (pack-diff.ts), so that these chunks do
 * not carry a second copy of the forecast.
 */
export { allApproved, awaitingApproval, catalogWithPacks, checkPacks, replacedIds, isCallExample, ORIGINAL_MARK, pack as packSchema, PACK_FORMAT, readPack } from "./catalog/pack";
export type { CallExample, Example, LoadedPack, Pack, PackProblem, PackSource, ScenarioExample } from "./catalog/pack";
export { packProblemText } from "./catalog/pack-words";
export { packHashText, SHA256_HEX, shortHash } from "./catalog/pack-hash";
export type { PackOrigin, WaitingPack } from "./catalog/catalog";
