import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

/**
 * Sizes of what Excel loads, read from the built dist/ (npm run build), gzip level 6 as a web
 * server sends it. The task pane's initial JavaScript inside Excel is taskpane.js and the wizard's
 * chunks; the engine comes from functions.js, already loaded in the shared runtime
 * (src/taskpane/engine.ts), and the engine chunk is only fetched outside Excel (preview mode).
 */
export interface BundleFigures {
  readonly functionsGzip: number;
  readonly paneGzip: number;
  readonly previewEngineGzip: number;
  /** How many of the loaded files carry the engine's compiled clause index (createEngine). */
  readonly engineCopies: number;
  readonly builtAt: Date;
}

/** The chunks taskpane.js loads for one of its named imports (webpack's chunk map), as file names. */
function chunksOf(taskpane: string, name: string, files: readonly string[]): string[] {
  const names = Object.fromEntries([...taskpane.matchAll(/(\d+):"(\w+)"/g)].map((m) => [m[2], m[1]]));
  const loads = [...taskpane.matchAll(/Promise\.all\(\[([^\]]*)\]\)/g)].map((m) => [...m[1].matchAll(/\.e\((\d+)\)/g)].map((e) => e[1]));
  const ids = loads.find((l) => l.includes(names[name])) ?? [];
  return files.filter((f) => ids.some((id) => f.startsWith(`${id}.`) || (names[name] === id && f.startsWith(`${name}.`))));
}

export function bundleFigures(dist = join(__dirname, "..", "..", "dist")): BundleFigures | undefined {
  if (!existsSync(join(dist, "functions.js"))) return undefined;
  const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 6 }).length;
  const text = (f: string) => readFileSync(join(dist, f), "utf8");
  const taskpane = text("taskpane.js");
  // Inside Excel: taskpane.js and the wizard's chunks; outside, the engine's chunks besides.
  const pane = ["taskpane.js", ...chunksOf(taskpane, "wizard", js)];
  const preview = chunksOf(taskpane, "engine", js);
  const carriesEngine = (f: string) => text(f).includes("are not adjacent in plan order");
  return {
    functionsGzip: gz("functions.js"),
    paneGzip: pane.reduce((a, f) => a + gz(f), 0),
    previewEngineGzip: preview.reduce((a, f) => a + gz(f), 0),
    engineCopies: ["functions.js", ...pane].filter(carriesEngine).length,
    builtAt: statSync(join(dist, "functions.js")).mtime,
  };
}
