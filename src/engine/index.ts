/** The engine's public surface: everything the functions, task pane and CLI may use. */
export { CatalogError, CATALOG_VERSION, referencedFacts } from "./catalog";
export type { Catalog, Clause, FactDefinition, PolicyDocument } from "./catalog";
export { topics, type Topic } from "./catalog/schema";
export { createEngine, engine } from "./evaluate";
export type { ClauseLine, CompiledClause, Engine, Evaluation, Query, Status } from "./evaluate";
export * from "./explain";
export { AMOUNT_DIGITS, AMOUNT_LIMIT, AMOUNT_PLACES, amountProblemText, checkAmount, isAmountProblem, shown, type AmountProblem } from "./amounts";
export { checkFact, factProblemText, factsFrom, isFactProblem, type FactProblem, type Facts, type FactValue, type Tri } from "./facts";
export { undeclaredOverlaps } from "./stacking";
export { clauseColumns, clauseRow, listClauses } from "./listing";
export { Decimal, formatRate, formatYuan, toNumber, WAN, ZERO } from "./money";
export { jurisdictionsOf, parseRegion, regions, type Region } from "./regions";
export { forecast, ForecastTimeout, type Band, type FigureMethod, type Forecast, type ForecastLine, type ForecastLineInfo, type ForecastOptions, type Projection, type View, type YearRow } from "./forecast";
export { mattersOf, type Matter } from "./matters";
export { forecastTable } from "./forecast-table";
export { certificateOption, inputColumns, inputItems, scenarioFromInputs, scenarioToInputs, type InputCell } from "./inputs";
export { parseScenario, scenario as scenarioSchema, SCENARIO_VERSION, ScenarioError, type Scenario, type ScenarioEvent } from "./scenario";
export { inForceDuring, validityWindow } from "./validity";
