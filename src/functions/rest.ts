import * as engine from "../engine";

/**
 * What functions.js loads on first need, as one chunk beside it (loaded.ts): the whole engine
 * (forecast, scenario checks, inputs, accounting, comparison, listing, the explanation formatters
 * and the catalog's texts) and the functions that answer in words and tables. The checks a workbook's policy packs go
 * through (packs-apply.ts: the pack schema and `pack check`) are a chunk of their own, loaded from
 * here only for a workbook that carries packs, or when the pane installs one: most workbooks have
 * none, and webpack leaves out of it what this chunk already has. The amount path is
 * functions.js's own and is not repeated here (webpack leaves out what the parent chunk has).
 */
export { engine };
export { clauses, explain, forecastCells } from "./reports";
export const packChecks = () => import(/* webpackChunkName: "packs" */ "./packs-apply.js");
