import * as engine from "../engine";

/**
 * The engine this bundle carries, for the task pane in the same shared runtime
 * (src/taskpane/engine-ready.ts), so the runtime holds one engine and one compiled catalog.
 */
globalThis.SubsidyEngine = engine;

declare global {
  var SubsidyEngine: typeof engine | undefined;
}
