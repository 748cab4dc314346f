/** The forecast: a scenario's events settled year by year over its worlds, aggregated, and compared. */
export { forecast, ForecastTimeout, type Band, type FigureMethod, type Forecast, type ForecastLine, type ForecastLineInfo, type ForecastOptions, type Projection, type View, type YearRow } from "./forecast";
export { mattersOf, type Matter } from "./matters";
export { forecastTable, policyTotal } from "./table";
export { accountingSettings, issuesText, parseScenario, scenario as scenarioSchema, SCENARIO_VERSION, ScenarioError, type AccountingSettings, type Scenario, type ScenarioEvent } from "./scenario";
export { causesOf, changeEffects, compareForecasts, expectedFactors, outcomesByEvent, type Cause, scenarioChanges, summarise, type ForecastSummary, type Delta, type DiffReason, type EventDelta, type EventOutcome, type EventRef, type ForecastDiff, type ScenarioChange, type Unpaid } from "./compare";
