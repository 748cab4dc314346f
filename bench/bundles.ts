import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

/**
 * Sizes of what Excel loads, read from the built dist/ (npm run build), gzip level 6 as a web
 * server sends it. functions.js is what the shared runtime loads for the functions: the amount
 * path. The rest of the engine is its one lazy chunk (src/functions/loaded.ts), fetched by the
 * first EXPLAIN, CLAUSES or FORECAST, or when the page's wizard asks for the engine (in Excel the
 * long-lived runtime opens the page with the workbook: soon after the functions register;
 * docs/ARCHITECTURE.md). The task pane's initial JavaScript inside Excel is
 * taskpane.js, the wizard's chunks and that rest chunk (functions.js is loaded for the functions
 * anyway); the engine chunk is only fetched outside Excel (preview mode).
 */
export interface BundleFigures {
  readonly functionsGzip: number;
  /** The rest of functions.js, one chunk. */
  readonly restGzip: number;
  readonly paneGzip: number;
  readonly previewEngineGzip: number;
  /** How many of the files Excel loads carry each part of the engine, at most (marker strings, below). */
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

/** Messages only one module of the engine carries: the amount path's (evaluate.ts) and the forecast's (worlds.ts). */
const engineMarks = [/no clause \$\{\w+\} in the catalog/, /are not adjacent in plan order/];

export function bundleFigures(dist = join(__dirname, "..", "..", "dist")): BundleFigures | undefined {
  if (!existsSync(join(dist, "functions.js"))) return undefined;
  const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 6 }).length;
  const text = (f: string) => readFileSync(join(dist, f), "utf8");
  const taskpane = text("taskpane.js");
  const rest = js.filter((f) => /^rest\.[0-9a-f]+\.js$/.test(f));
  // Inside Excel: taskpane.js, the wizard's chunks and the engine's rest; outside, the engine's chunks instead.
  const pane = ["taskpane.js", ...chunksOf(taskpane, "wizard", js), ...rest];
  const preview = chunksOf(taskpane, "engine", js);
  const excel = ["functions.js", ...pane];
  return {
    functionsGzip: gz("functions.js"),
    restGzip: rest.reduce((a, f) => a + gz(f), 0),
    paneGzip: pane.reduce((a, f) => a + gz(f), 0),
    previewEngineGzip: preview.reduce((a, f) => a + gz(f), 0),
    engineCopies: Math.max(...engineMarks.map((mark) => excel.filter((f) => mark.test(text(f))).length)),
    builtAt: statSync(join(dist, "functions.js")).mtime,
  };
}
