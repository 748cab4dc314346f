/**
 * The rest of functions.js (rest.ts): loaded once, by the first EXPLAIN, CLAUSES or FORECAST, or
 * by the task pane asking for the engine (share-engine.ts). A webpack chunk fetched from
 * functions.js's own folder, as a script tag. The nine amount functions never wait for it.
 */
type Rest = typeof import("./rest.js");

let rest: Rest | undefined;
let loading: Promise<Rest> | undefined;

/** The rest, loading it on the first call; a failed load is tried again on the next call. */
export function loadRest(): Promise<Rest> {
  // An async wrapper: a loader that throws at once (no document to add a script to) rejects too.
  loading ??= (async () => import(/* webpackChunkName: "rest" */ "./rest.js"))().then(
    (loaded) => (rest = loaded),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/**
 * `use` applied to the rest: the value itself once it is loaded, a Promise of it the first time
 * (a custom function may return a Promise, which Excel awaits: learn.microsoft.com/office/dev/
 * add-ins/excel/custom-functions-batching, whose functions return the promise of a batched call;
 * and custom-functions-metadata's spec, OfficeDev/Office-Addin-Scripts#172). `failed` answers
 * when the chunk cannot be loaded.
 */
export function whenLoaded<T>(use: (rest: Rest) => T, failed: (e: unknown) => T): T | Promise<T> {
  return rest ? use(rest) : loadRest().then(use, failed);
}
