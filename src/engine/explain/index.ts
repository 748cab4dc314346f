/** Explanations: the trace as data (trace.ts, flags.ts) and one formatter per language (format.ts). */
export { flagsOf, type Flag, type FlagCode } from "./flags";
export {
  CELL_LIMIT,
  factLabel,
  formatCap,
  formatCondition,
  formatExplanation,
  formatFlag,
  formatLine,
  formatLineAccounts,
  formatNote,
  formatPackNotes,
  packOriginOf,
  waitingOver,
  formatPlanWarning,
  formatReason,
  formatStep,
  formatTitle,
  wordsFor,
  type Explanation,
  type FurtherAward,
} from "./format";
export { furtherAwards } from "./further";
export { reachText } from "./region";
export { langOf, langs, type Bilingual, type BindingCap, type Lang, type MatterTitle, type Note, type Reason, type Step } from "./trace";
export type { Words } from "./words";
export { documentName, readerClauses, readerDocument, readerTable, regionNames, tableWords, topicNames } from "./tables";
