/** The forecast: a scenario's events settled year by year over its worlds, aggregated, and compared. */
export { forecast, ForecastTimeout, type Band, type FigureMethod, type Forecast, type ForecastLine, type ForecastLineInfo, type ForecastOptions, type Projection, type View, type YearRow } from "./forecast";
export { mattersOf, type Matter } from "./matters";
export { planWarnings, type PlanWarning } from "./consistency";
export { forecastTable, policyTotal } from "./table";
export { accountingSettings, issuesText, migrateScenario, parseScenario, scenarioVersionOf, scenario as scenarioSchema, SCENARIO_VERSION, ScenarioError, type AccountingSettings, type Scenario, type ScenarioEvent } from "./scenario";
export { causesOf, compareForecasts, explainDelta, type DeltaGroup, expectedFactors, outcomesByEvent, type Cause, scenarioChanges, summarise, type ForecastSummary, type Delta, type DiffReason, type EventDelta, type EventOutcome, type EventRef, type ForecastDiff, type ScenarioChange, type Unpaid } from "./compare";
export type { DeltaCause, DeltaLine } from "./attribution";
export { quoteOf, whyNot, type Miss, type WhyNot } from "./why-not";
export { scenarioSummary, summaryTable, type ScenarioSummary, type SummaryRow } from "./summary";
export { claimable, claimWith, plannedTopics, type Claimable, type ClaimWith } from "./claimable";
