/**
 * Steps 4 and 5 (results, charts, tables, the workbook) load when first opened, so the first
 * render needs only the form (the 250 KB gzip budget of npm run bench:taskpane); so does the
 * forecast behind the event cards' warnings (outcomes.ts). The jsdom
 * tests map this module to test/support/steps-loader.ts, which loads them synchronously.
 */
export const loadResults = () => import(/* webpackChunkName: "results" */ "./results/ResultsStep.js");
export const loadWorkbook = () => import(/* webpackChunkName: "workbook" */ "./workbook/WorkbookStep.js");
export const loadOutcomes = () => import(/* webpackChunkName: "results" */ "./wizard/outcomes.js");
/** Step 3's accounting and tax settings, with the results' chunk that shows them too (not on the way to the first render). */
export const loadSettings = () => import(/* webpackChunkName: "results" */ "./wizard/AccountingSettings.js");
/** The packs' check, files and keeping (src/taskpane/packs/chunk.ts), after the first render; their section with step 5's chunk. */
export const loadPacks = () => import(/* webpackChunkName: "pane-packs" */ "./packs/chunk.js");
export const loadPacksSection = () => import(/* webpackChunkName: "workbook" */ "./packs/PacksSection.js");
