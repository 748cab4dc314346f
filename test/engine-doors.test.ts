import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, resolve } from "path";

// STYLE.md, "Folders that show the flow": the engine is a folder per stage, each entered by its
// index. Outside the engine, code enters by src/engine/index.ts or the amount path's door
// (src/engine/core.ts), or the packs' (src/engine/packs.ts, the catalog's full schema; pack-diff.ts, a
// revision compared), never by a
// stage's module directly.
const root = resolve(__dirname, "..");
const engineDir = join(root, "src/engine");
const doors = new Set(["src/engine", "src/engine/index", "src/engine/index.js", "src/engine/core", "src/engine/packs", "src/engine/pack-diff"]);
const stages = ["catalog", "rules", "input", "forecast", "accounting", "explain"];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

const engineImports = (file: string): string[] =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*"(\.[^"]+)"/g)]
    .map((m) => relative(root, resolve(file, "..", m[1])))
    .filter((target) => target.startsWith("src/engine"));

describe("the engine's doors", () => {
  it("has a folder and an index for every stage", () => {
    for (const stage of stages) expect(statSync(join(engineDir, stage, "index.ts")).isFile()).toBe(true);
    const loose = readdirSync(engineDir).filter((name) => name.endsWith(".ts"));
    expect(loose.sort()).toEqual(["core.ts", "index.ts", "pack-diff.ts", "packs.ts"]);
  });

  it.each(["src/functions", "src/taskpane", "src/cli", "src/workbook"])("%s enters the engine by its doors only", (dir) => {
    const deep = sources(join(root, dir)).flatMap((file) => engineImports(file).filter((target) => !doors.has(target)).map((target) => `${relative(root, file)} → ${target}`));
    expect(deep).toEqual([]);
  });

  it("would notice a deep import", () => {
    const probe = join(root, "src/functions/cells.ts");
    expect(engineImports(probe)).toEqual(["src/engine/core"]);
    expect(doors.has(relative(root, resolve(probe, "..", "../engine/rules/evaluate")))).toBe(false);
  });
});
