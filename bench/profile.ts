import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { callAmount, definitions, type AmountFunction } from "../src/functions/subsidy";
import { call } from "../src/functions/reports";

/**
 * Profiling aid for the bench (not run by `npm run bench`):
 *
 *   node --cpu-prof --cpu-prof-dir=prof lib/bench/profile.js run 3 RESEARCH 20000000 8000000 4000000 changping
 *   node lib/bench/profile.js summary prof
 *
 * `run SECONDS NAME ARG…` calls the function as Excel does (callAmount for an amount function,
 * numeric arguments as numbers, the rest as text) in a loop for that long; `summary DIR` reads the newest .cpuprofile in DIR and
 * prints the self time by function and by file, which is where the time goes.
 */

function run(seconds: number, name: string, raw: string[]): void {
  const args = raw.map((a) => (a !== "" && Number.isFinite(Number(a)) ? Number(a) : a));
  const fn = name in definitions ? (a: unknown[]) => callAmount(name as AmountFunction, a) : (a: unknown[]) => call(name, a);
  const end = Date.now() + seconds * 1000;
  let calls = 0;
  let sink = 0;
  while (Date.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const r = fn(args);
      sink += typeof r === "number" ? r : 1;
    }
    calls += 1000;
  }
  console.log(`${name}(${raw.join(", ")}): ${calls} calls in ${seconds} s, ${((seconds * 1e9) / calls).toFixed(0)} ns per call (checksum ${sink})`);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function summary(dir: string, top: number): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort();
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, files[files.length - 1]), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const short = (url: string): string => url.replace(/^.*\/(lib|node_modules)\//, "").replace(/^file:\/\//, "") || "(native)";
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"}  ${short(f.url)}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    byFile.set(short(f.url), (byFile.get(short(f.url)) ?? 0) + t);
  }
  const print = (title: string, m: Map<string, number>): void => {
    console.log(title);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
  };
  print(`self time by function (${files[files.length - 1]}, ${(total / 1e6).toFixed(2)} s sampled):`, byFunction);
  print("self time by file:", byFile);
}

const [verb, ...rest] = process.argv.slice(2);
if (verb === "run") run(Number(rest[0]), rest[1], rest.slice(2));
else if (verb === "summary") summary(rest[0], Number(rest[1] ?? 25));
else console.error("usage: profile.js run SECONDS NAME ARG… | summary DIR [TOP]");
