/**
 * The task pane's lazily loaded steps (src/taskpane/steps-loader.ts) for jest: ts-jest leaves
 * import() as Node's own dynamic import, which jest runs only with --experimental-vm-modules;
 * a require behind a resolved promise is what webpack's chunk does, minus the network.
 */
export const loadResults = async () => require("../../src/taskpane/results/ResultsStep") as typeof import("../../src/taskpane/results/ResultsStep");
export const loadWorkbook = async () => require("../../src/taskpane/workbook/WorkbookStep") as typeof import("../../src/taskpane/workbook/WorkbookStep");
export const loadOutcomes = async () => require("../../src/taskpane/wizard/outcomes") as typeof import("../../src/taskpane/wizard/outcomes");
export const loadSettings = async () => require("../../src/taskpane/wizard/AccountingSettings") as typeof import("../../src/taskpane/wizard/AccountingSettings");
export const loadPacks = async () => require("../../src/taskpane/packs/chunk") as typeof import("../../src/taskpane/packs/chunk");
export const loadPacksSection = async () => require("../../src/taskpane/packs/PacksSection") as typeof import("../../src/taskpane/packs/PacksSection");
