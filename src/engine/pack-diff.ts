/**
 * The door of a pack's revision (`subsidy pack diff`): what changed entry by entry, and in a
 * scenario's figures, forecast under each version. Apart from packs.ts because it runs the
 * forecast, which the add-in's pack chunks must not carry a copy of (one engine per runtime).
 */
export { diffFigures, diffPacks } from "./catalog/pack-diff";
export { forecastOn } from "./catalog/pack-forecast";
export type { EntryChange, ExampleChange, FieldChange, FigureChange, Figures, PackDiff, ScenarioRevision } from "./catalog/pack-diff";
export { fieldName, fieldValue, packDiffText, scenarioRevisionText } from "./catalog/pack-diff-words";
