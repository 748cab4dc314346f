/**
 * The fuzz suite's numbers, measured, never asserted (timed assertions are not tests):
 *
 *   npm run build && node --expose-gc node_modules/.bin/jest --testRegex 'test/fuzz/measure\.ts$' --testTimeout 600000
 *   (FUZZ_RUNS=n for more argument lists per function; default 2000)
 *
 * Calls the BUILT dist/functions.js as test/fuzz/functions.test.ts does, with more runs and the
 * inputs issue 12 reported, and prints: calls fuzzed, cells returned, cases found (a property
 * the tests hold broken), and the worst input: the twenty slowest calls of the run (a pause
 * for collection lands on some call) are each run again alone after a full collection, and the
 * slowest of those is reported with its time and how much the heap grew during it.
 */
import fc from "fast-check";
import { loadedFunctions, readMetadata, ExcelError, type ExcelFunction } from "../addin/support";
import { argumentsFor, inputsTable, scalar, SEED, TEXT_LIMIT } from "./arbitraries";
import { badCell, expectedShape } from "./checks";

const runs = Number(process.env.FUZZ_RUNS ?? 2000);
let functions: Map<string, ExcelFunction>;
beforeAll(async () => {
  functions = await loadedFunctions();
});
const metadata = readMetadata("functions.json").functions;
const gc = (globalThis as { gc?: () => void }).gc;

interface Timed {
  ms: number;
  id: string;
  args: unknown[];
}

test("measure", () => {
  let calls = 0;
  let cells = 0;
  const cases = new Map<string, string>();
  let slowest: Timed[] = [];
  const perFunction = new Map<string, { calls: number; maxMs: number; totalMs: number }>();
  const summary = (args: unknown) => JSON.stringify(args, (_k, v: unknown) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 20)}…(${v.length} chars)` : v)).slice(0, 300);

  const time = (id: string, args: unknown[], check: (out: unknown, threw: unknown) => string | undefined) => {
    const started = process.hrtime.bigint();
    let out: unknown;
    let threw: unknown;
    try {
      out = (functions.get(id) as ExcelFunction)(...args);
    } catch (e) {
      threw = e;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    calls++;
    const f = perFunction.get(id) ?? { calls: 0, maxMs: 0, totalMs: 0 };
    perFunction.set(id, { calls: f.calls + 1, maxMs: Math.max(f.maxMs, ms), totalMs: f.totalMs + ms });
    if (Array.isArray(out)) cells += out.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 1), 0);
    if (slowest.length < 20 || ms > slowest[slowest.length - 1].ms) slowest = [...slowest, { ms, id, args }].sort((a, b) => b.ms - a.ms).slice(0, 20);
    const problem = check(out, threw);
    if (problem && !cases.has(`${id}: ${problem}`)) cases.set(`${id}: ${problem}`, summary(args));
  };

  const matrixCheck = (def: (typeof metadata)[number], args: unknown[]) => (out: unknown, threw: unknown) => {
    if (threw !== undefined) return `threw ${String(threw)}`;
    if (!Array.isArray(out) || !out.every(Array.isArray)) return "not a matrix";
    if (def.id !== "CLAUSES" && def.id !== "FORECAST") {
      const [rows, cols] = expectedShape(args, def);
      if (out.length !== rows || out.some((r: unknown[]) => r.length !== cols)) return "shape";
    }
    for (const row of out as unknown[][]) for (const v of row) if (badCell(v)) return badCell(v)!.replace(/-?\d[\d.e+-]*/g, "n");
    return undefined;
  };

  for (const def of metadata.filter((f) => !["EXPLAIN", "CLAUSES", "FORECAST"].includes(f.id))) {
    const required = def.parameters.filter((p) => !p.optional).length;
    for (const args of fc.sample(argumentsFor(required, def.parameters.length), { seed: SEED, numRuns: runs })) time(def.id, args, matrixCheck(def, args));
  }
  const explainCheck = (out: unknown, threw: unknown) => {
    if (threw !== undefined) return threw instanceof ExcelError ? badCell(threw) : `threw ${String(threw)}`;
    return typeof out === "string" && out.length <= TEXT_LIMIT ? undefined : `returned ${badCell(out) ?? typeof out}`;
  };
  const explainArgs = fc.tuple(fc.constantFrom("REGISTRATION", "RESEARCH", "FACILITY", "SCALEUP", "nope"), fc.array(scalar, { maxLength: 6 }));
  for (const [name, args] of fc.sample(explainArgs, { seed: SEED, numRuns: runs })) time("EXPLAIN", [name, args], explainCheck);
  const forecastDef = metadata.find((f) => f.id === "FORECAST")!;
  for (const inputs of fc.sample(inputsTable, { seed: SEED, numRuns: Math.ceil(runs / 4) })) time("FORECAST", [inputs], matrixCheck(forecastDef, [inputs]));

  // The inputs issue 12 reported, each once.
  time("EXPLAIN", ["REGISTRATION", [3, "1e-10000000", "shenzhen"]], explainCheck);
  const header = ["Item", "Year", "Product", "Value", "Class", "Option", "Area", "Probability", "Realisation", "Label", "Facts"];
  const base = [header, ["region", null, null, null, null, "changping"], ["sector", null, null, null, null, "device"], ["from", 2027], ["to", 2028]];
  for (const facts of ["deviceClass=3; pathway=innovative; rdCost=1e+100000", "deviceClass=3; pathway=innovative; rdCost=-40000000", "rdCost=NaN"]) {
    const inputs = [...base, ["other", 2027, null, null, null, "registration", null, null, null, null, facts]];
    time("FORECAST", [inputs], matrixCheck(forecastDef, [inputs]));
  }

  // The slowest inputs again, each alone over a collected heap.
  const alone = slowest.map((t) => {
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    (functions.get(t.id) as ExcelFunction)(...t.args);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ...t, ms, runMs: t.ms, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 };
  });
  const worst = alone.sort((a, b) => b.ms - a.ms)[0];
  const rss = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    [
      `calls fuzzed: ${calls} (${runs} argument lists per amount function and EXPLAIN, ${Math.ceil(runs / 4)} Inputs tables, 4 reported inputs; seed ${SEED})`,
      `cells returned: ${cells}`,
      `cases found: ${cases.size}`,
      ...[...cases].map(([what, args]) => `  ${what}  e.g. ${args}`),
      `worst input: ${worst.ms.toFixed(1)} ms alone (${worst.runMs.toFixed(1)} ms in the run), heap +${worst.heapMb.toFixed(1)} MB${gc ? "" : " (without --expose-gc: over an uncollected heap)"}: ${worst.id}(${summary(worst.args)})`,
      `per function (in the run): ${[...perFunction].map(([id, f]) => `${id} ${f.calls} calls, mean ${(f.totalMs / f.calls).toFixed(2)} ms, max ${f.maxMs.toFixed(1)} ms`).join("; ")}`,
      `resident set at the end: ${rss.toFixed(0)} MB`,
      "",
    ].join("\n"),
  );
});
