/**
 * The engine's amount path: what the nine amount functions need, and nothing that reads the
 * catalog's texts. functions.js loads this at once and the rest of the engine (index.ts, with the
 * catalog's texts) on the first call that needs words (src/functions/loaded.ts), so the workbook's
 * amounts never wait for explanations, forecasts or scenario checks. Everything here is also
 * exported by index.ts: one module, one instance, whichever door a caller uses.
 */
export { engine, type Query } from "./rules/evaluate";
export { amountProblemText, checkAmount, isAmountProblem, shown, type AmountProblem } from "./input/amounts";
export type { FactValue } from "./input/facts";
export type { Topic } from "./catalog/topics";
export { pathwayList, pathwaySpellings } from "./rules/pathways";
export { Decimal, toNumber } from "./input/money";
export type { Region } from "./catalog/regions";
export { parseRegion, regionProblemText, regionReach } from "./rules/reach";
export { isRegionProblem } from "./catalog/places";
export { CELL_LIMIT } from "./explain/cell-limit";
export { langOf, type Lang } from "./explain/trace";
