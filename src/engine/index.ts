/** The engine's public surface: everything the functions, task pane and CLI may use. */
// The catalog's texts first, so every module below finds them (in the built add-in they load
// with this module; compiled-text.ts).
import "./catalog/compiled-text";
export { CatalogError, CATALOG_VERSION, referencedFacts } from "./catalog";
export type { Catalog, Clause, FactDefinition, PolicyDocument } from "./catalog";
export { topics, type Topic } from "./catalog/topics";
export { parsePathway, pathwayList, pathways, pathwaySpellings, type Pathway } from "./pathways";
export { createEngine, engine } from "./evaluate";
export type { ClauseLine, CompiledClause, Engine, Evaluation, Query, Status } from "./evaluate";
export * from "./explain";
export { AMOUNT_DIGITS, AMOUNT_LIMIT, AMOUNT_PLACES, amountProblemText, checkAmount, isAmountProblem, shown, type AmountProblem } from "./amounts";
export { checkFact, factProblemText, factsFrom, isFactProblem, type FactProblem, type Facts, type FactValue, type Tri } from "./facts";
export { undeclaredOverlaps } from "./stacking";
export { clauseColumns, clauseLimits, clauseRecord, clauseRow, listClauses } from "./listing";
export { Decimal, formatRate, formatYuan, toNumber, WAN, ZERO } from "./money";
export { jurisdictionsOf, parseRegion, regions, type Region } from "./regions";
export { forecast, ForecastTimeout, type Band, type FigureMethod, type Forecast, type ForecastLine, type ForecastLineInfo, type ForecastOptions, type Projection, type View, type YearRow } from "./forecast";
export { mattersOf, type Matter } from "./matters";
export { forecastTable, policyTotal } from "./forecast-table";
export { certificateOption, inputColumns, inputItems, scenarioFromInputs, scenarioToInputs, type InputCell } from "./inputs";
export { accountingSettings, parseScenario, scenario as scenarioSchema, SCENARIO_VERSION, ScenarioError, type AccountingSettings, type Scenario, type ScenarioEvent } from "./scenario";
export { inForceDuring, validityWindow } from "./validity";
export { accountingClasses, accountingProblems, assetKinds, type AccountingClass, type AssetKind } from "./accounting-kinds";
export type { AccountingEntry } from "./accounting-classes";
export { accountingQuantities, projections, type LineSettings, type ProjectedLine, type Quantity, type Share } from "./accounting-schedule";
export { accountedForecast, accounts, lineView, yearStatement, type Accounts, type AccountsRow, type AccountsView, type LineAccounts, type Pair } from "./accounting";
export { assumptionsOf, assumptionText, classText, lineStory, type Assumption } from "./accounting-assumptions";
export { accountsTable, parseView, viewCodes, viewNames } from "./accounting-table";
export { AMOUNT_PLAUSIBLE_MAX, amountUnits, formatAmountIn, formatSignedIn, parseAmountText, YI, type AmountText, type AmountTextProblem, type AmountUnit } from "./amount-text";
export { causesOf, changeEffects, compareForecasts, expectedFactors, outcomesByEvent, type Cause, scenarioChanges, summarise, type ForecastSummary, type Delta, type DiffReason, type EventDelta, type EventOutcome, type EventRef, type ForecastDiff, type ScenarioChange, type Unpaid } from "./compare";
