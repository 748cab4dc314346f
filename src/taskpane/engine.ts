/**
 * The task pane's one door onto the engine. In the built add-in this module is not bundled
 * (webpack.config.js): it is the engine functions.js loaded into the shared runtime, its amount
 * path and the rest chunk it fetches for the pane (src/functions/share-engine.ts), or, where
 * functions.js is not loaded (outside Excel), the engine's own chunk (engine-ready.ts). In the
 * tests it is the engine itself.
 */
export * from "../engine";
