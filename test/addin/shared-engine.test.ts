import fs from "node:fs";
import path from "node:path";
import * as engine from "../../src/engine";

/**
 * One engine in the shared runtime (issue 10): the task pane takes the engine functions.js loaded
 * (src/functions/share-engine.ts), or outside Excel the engine's own chunk, never a copy of its own.
 */
const dist = path.join(__dirname, "..", "..", "dist");
const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
const restChunk = js.find((f) => /^rest\.[0-9a-f]+\.js$/.test(f))!;
const previewChunk = js.find((f) => /^engine\.[0-9a-f]+\.js$/.test(f))!;
/**
 * Messages that mark a copy of a part of the engine: the amount path's (evaluate.ts's unknown
 * clause, the compiled catalog's missing text, decimal.js) and the rest's (worlds.ts's forecast).
 */
const marks = { amountPath: /no clause \$\{\w+\} in the catalog/, catalog: /catalog text not loaded/, decimal: /\[DecimalError\]/, forecast: /are not adjacent in plan order/ };
const carrying = (mark: RegExp) => js.filter((f) => mark.test(read(f))).sort();

test("dist/: the amount path is in functions.js, the rest of the engine in its chunk, and each again only in the preview-only engine chunk", () => {
  expect(restChunk).toBeDefined();
  for (const mark of [marks.amountPath, marks.catalog]) expect(carrying(mark)).toEqual([previewChunk, "functions.js"].sort());
  expect(carrying(marks.forecast)).toEqual([previewChunk, restChunk].sort());
  // The functions' argument coercion and its words (src/functions/words.ts), which EXPLAIN in the rest chunk shares.
  expect(carrying(/must be changping, beijing or shenzhen \(昌平, 北京, 深圳\) or another place as text/)).toEqual(["functions.js"]);
  expect(carrying(/应为 changping、beijing 或 shenzhen（昌平、北京、深圳）或其他地名文字/)).toEqual(["functions.js"]);
  // decimal.js: functions.js's, and the task pane's own vendor chunk for preview mode.
  expect(carrying(marks.decimal)).toContain("functions.js");
  expect(carrying(marks.decimal)).not.toContain(restChunk);
  expect(read("functions.js")).toContain("SubsidyEngineLoad");
});

test("functions.js loads its rest from its own folder as one chunk (publicPath \"\"), and no other", () => {
  const loads = [...read("functions.js").matchAll(/\.e\((\d+)\)/g)].map((m) => m[1]);
  expect(new Set(loads).size).toBe(1);
  // The rest file registers the rest chunk's id, beside the ids of chunks whose modules it already holds (webpack's flagIncludedChunks).
  expect(read(restChunk)).toMatch(new RegExp(`\\.push\\(\\[\\[(\\d+,)*${loads[0]}(,\\d+)*\\]`));
});

test("the wizard's chunks, loaded by taskpane.js in Excel, do not include the engine chunk", () => {
  const taskpane = read("taskpane.js");
  // webpack's chunk ids: the wizard's import loads its chunks, the engine's import the engine's.
  const names = Object.fromEntries([...taskpane.matchAll(/(\d+):"(wizard|engine)"/g)].map((m) => [m[2], m[1]]));
  const loads = [...taskpane.matchAll(/Promise\.all\(\[([^\]]*)\]\)\.then\(\(\)=>\w+\(\d+\)\)/g)].map((m) => [...m[1].matchAll(/\.e\((\d+)\)/g)].map((e) => e[1]));
  const wizard = loads.find((ids) => ids.includes(names.wizard))!;
  expect(wizard).not.toContain(names.engine);
});

test("engine-ready: in Excel the pane gets the engine functions.js put in the runtime, once the page knows where it runs and the wizard asks", async () => {
  // (Outside Excel it imports the engine chunk: a dynamic import, exercised in the built page by
  // the browser tests and npm run bench:taskpane, not here.)
  const loaded = { ...engine } as typeof engine;
  globalThis.SubsidyEngineLoad = () => Promise.resolve(loaded);
  let ready: typeof import("../../src/taskpane/engine-ready") | undefined;
  jest.isolateModules(() => {
    ready = require("../../src/taskpane/engine-ready");
  });
  let settled = false;
  void globalThis.SubsidyEngineReady!.then(() => (settled = true));
  ready!.engineWanted();
  await Promise.resolve();
  expect(settled).toBe(false); // not before the page knows where it runs
  ready!.engineWhereKnown();
  expect(await globalThis.SubsidyEngineReady).toBe(loaded);
  delete globalThis.SubsidyEngineLoad;
});
