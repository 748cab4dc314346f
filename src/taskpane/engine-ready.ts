/**
 * Where the task pane's engine comes from (src/taskpane/engine.ts): the promise the built pane
 * awaits before its wizard runs. Inside Excel it is the engine functions.js put in the shared
 * runtime, once functions.js has loaded the rest of it (its lazy chunk, with the catalog's
 * texts), so the runtime holds one engine; elsewhere (preview mode, or an Excel that does not
 * load the functions) the engine's own chunk. Settled once the page knows where it runs and the
 * wizard wants it, so a page without the wizard loads nothing.
 */
type EngineModule = typeof import("../engine");

declare global {
  /** Set by functions.js (src/functions/share-engine.ts): its engine, once the rest of it is loaded. */
  var SubsidyEngineLoad: (() => Promise<EngineModule>) | undefined;
  var SubsidyEngineReady: Promise<EngineModule> | undefined;
}

let settle: ((engine: EngineModule | Promise<EngineModule>) => void) | undefined;
globalThis.SubsidyEngineReady = new Promise<EngineModule>((resolve) => (settle = resolve));
let placeKnown = false;
let wanted = false;

function provide(): void {
  if (!placeKnown || !wanted || !settle) return;
  settle(globalThis.SubsidyEngineLoad?.() ?? import(/* webpackChunkName: "engine" */ "../engine/index.js"));
  settle = undefined;
}

/** The page knows whether it runs in Excel, with functions.js loaded or not. */
export function engineWhereKnown(): void {
  placeKnown = true;
  provide();
}

/** The wizard is starting and needs the engine. */
export function engineWanted(): void {
  wanted = true;
  provide();
}
