import * as engine from "../engine";

/**
 * What functions.js loads on first need, as one chunk beside it (loaded.ts): the whole engine
 * (forecast, scenario checks, inputs, accounting, comparison, listing, the explanation formatters
 * and the catalog's texts) and the functions that answer in words and tables. The amount path is
 * functions.js's own and is not repeated here (webpack leaves out what the parent chunk has).
 */
export { engine };
export { clauses, explain, forecastCells } from "./reports";
