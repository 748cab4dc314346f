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
/** A message only the engine's forecast carries (src/engine/worlds.ts), so it marks a copy of the engine. */
const carriesEngine = (f: string) => read(f).includes("are not adjacent in plan order");

test("dist/: the engine is in functions.js and in the preview-only engine chunk, in no other file", () => {
  expect(js.filter(carriesEngine).sort()).toEqual(["functions.js", js.find((f) => /^engine\.[0-9a-f]+\.js$/.test(f))].sort());
  expect(read("functions.js")).toContain("SubsidyEngine");
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
  globalThis.SubsidyEngine = loaded;
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
  delete globalThis.SubsidyEngine;
});
