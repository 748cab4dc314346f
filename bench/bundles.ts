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

export function bundleFigures(dist = join(__dirname, "..", "..", "dist")): BundleFigures | undefined {
  if (!existsSync(join(dist, "functions.js"))) return undefined;
  const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f)), { level: 6 }).length;
  const text = (f: string) => readFileSync(join(dist, f), "utf8");
  // The engine chunk is the one that carries the engine without React; the rest are the pane's.
  const carriesEngine = (f: string) => text(f).includes("are not adjacent in plan order");
  const engineChunk = js.filter((f) => f.startsWith("engine.") && carriesEngine(f));
  const pane = js.filter((f) => f !== "functions.js" && !engineChunk.includes(f));
  return {
    functionsGzip: gz("functions.js"),
    paneGzip: pane.reduce((a, f) => a + gz(f), 0),
    previewEngineGzip: engineChunk.reduce((a, f) => a + gz(f), 0),
    engineCopies: ["functions.js", ...pane].filter(carriesEngine).length,
    builtAt: statSync(join(dist, "functions.js")).mtime,
  };
}
