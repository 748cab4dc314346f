/** Accounting: the forecast as cash, profit and loss and tax (CAS 16), with the settings each rests on. */
export { accountingClasses, accountingProblems, assetKinds, type AccountingClass, type AssetKind } from "./kinds";
export type { AccountingEntry } from "./classes";
export { accountingQuantities, projections, type LineSettings, type ProjectedLine, type Quantity, type Share } from "./schedule";
export { accountedForecast, accounts, lineView, yearStatement, type Accounts, type AccountsRow, type AccountsView, type LineAccounts, type Pair } from "./accounts";
export { assumptionsOf, assumptionText, classText, lineStory, type Assumption } from "./assumptions";
export { lineWhy } from "./why";
export { accountingChanges, accountingChangeText, compareAccounts, type AccountsDelta } from "./compare";
export { accountsTable, parseTable, parseView, tableNames, viewCodes, viewNames } from "./table";
export { DEFAULT_DISCOUNT_RATE, treatments, treatmentsTable, type Treatments } from "./treatments";
export { rolledBalances, rollForward, rollForwardTable, type RolledBalance, type RollRow } from "./rollforward";
export { carryForwardYears, lossCarryForward, lossTable, type LossYear } from "./losses";
/** The defaults the pane shows beside the settings that take them (issue 19: defaults shown as defaults). */
export { defaultLives, DEFAULT_SUPER_DEDUCTION, DEFAULT_VAT_RATE, DEFAULT_VAT_SURCHARGES } from "./kinds";
