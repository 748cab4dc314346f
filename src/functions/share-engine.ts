import { loadRest } from "./loaded";

/**
 * The engine this bundle carries, for the task pane in the same shared runtime
 * (src/taskpane/engine-ready.ts), so the runtime holds one engine and one compiled catalog: the
 * same module instances the functions use (one `engine()`), with the rest of the engine and the
 * catalog's texts loaded first (loaded.ts).
 */
globalThis.SubsidyEngineLoad = () => loadRest().then((rest) => rest.engine);

declare global {
  var SubsidyEngineLoad: (() => Promise<typeof import("../engine")>) | undefined;
}
