import fc from "fast-check";
import { ExcelError, loadedFunctions, readMetadata, type ExcelFunction } from "../addin/support";
import { argumentsFor, inputsTable, matrix, scalar, SEED, TEXT_LIMIT } from "./arbitraries";
import { badCell, expectedShape } from "./checks";

/*
 * The BUILT dist/functions.js, in a vm with a recording CustomFunctions (test/addin/support.ts),
 * given argument lists shaped as Excel passes them, hostile values included. Whatever comes in:
 *   - a function returning a matrix never throws; one returning a value throws only a
 *     CustomFunctions.Error, as Excel expects;
 *   - every number is finite and ≥ 0 (a year column is a year);
 *   - a lifted result has the shape of its arguments;
 *   - every text (a result or an error's message) fits a cell: ≤ 32,767 characters.
 * Fixed seed, bounded runs; the time and memory of the worst input are measured by
 * test/fuzz/measure.ts, never asserted.
 */

// Its chunk loaded first (as after the first EXPLAIN in a workbook): every function answers at once.
let functions: Map<string, ExcelFunction>;
beforeAll(async () => {
  functions = await loadedFunctions();
});
const metadata = readMetadata("functions.json").functions;
const fn = (id: string): ExcelFunction => functions.get(id)!;
/** Fixed seed, bounded runs; a failure's report cut short (a counterexample may hold 32,767-character texts). */
const settings = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns,
  endOnFailure: true,
  reporter: (run) => {
    if (run.failed) throw new Error(fc.defaultReportMessage(run)!.replace(/(.)\1{60,}/g, (m, c: string) => `${c}…×${m.length}`).slice(0, 4000));
  },
});

const amountFunctions = metadata.filter((f) => !["EXPLAIN", "CLAUSES", "FORECAST"].includes(f.id));

test("the fuzzed functions are the bundle's", () => {
  expect(amountFunctions.map((f) => f.id).sort()).toEqual(["CLINICAL", "FACILITY", "FIRSTSET", "INSURANCE", "REGISTRATION", "RESEARCH", "REVENUE", "SCALEUP", "VBP"]);
});

describe.each(amountFunctions.map((f) => [f.id, f] as const))("%s", (id, def) => {
  test("never throws, never a negative, NaN or infinite figure, keeps the shape, every text fits a cell", () => {
    const required = def.parameters.filter((p) => !p.optional).length;
    fc.assert(
      fc.property(argumentsFor(required, def.parameters.length), (args) => {
        const out = fn(id)(...args) as unknown[][];
        if (!Array.isArray(out) || !out.every(Array.isArray)) throw new Error(`not a matrix: ${String(out)}`);
        const [rows, cols] = expectedShape(args, def);
        if (out.length !== rows || out.some((r) => r.length !== cols)) throw new Error(`shape ${out.length}×${out[0]?.length}, expected ${rows}×${cols}`);
        for (const row of out) for (const v of row) if (badCell(v)) throw new Error(`returned ${badCell(v)}`);
      }),
      settings(250),
    );
  });
});

test("EXPLAIN returns a text that fits a cell, or throws a CustomFunctions.Error; nothing else", () => {
  const names = fc.oneof(fc.constantFrom(...amountFunctions.map((f) => f.id), "SUBSIDY.RESEARCH", "注册证", "EXPLAIN", "nope"), scalar);
  fc.assert(
    fc.property(names, fc.array(scalar, { maxLength: 6 }), (name, args) => {
      let text: unknown;
      try {
        text = fn("EXPLAIN")(name, args);
      } catch (e) {
        if (!(e instanceof ExcelError)) throw new Error(`threw ${String(e)}`);
        if (badCell(e)) throw new Error(`threw ${badCell(e)}`);
        return;
      }
      if (typeof text !== "string" || text.length > TEXT_LIMIT) throw new Error(`returned ${badCell(text) ?? typeof text}`);
    }),
    settings(400),
  );
});

test("CLAUSES never throws; a table of texts that fit their cells, or one error", () => {
  fc.assert(
    fc.property(fc.oneof(scalar, fc.constant(undefined)), fc.oneof(scalar, fc.constant(undefined)), (region, topic) => {
      const out = fn("CLAUSES")(region, topic) as unknown[][];
      if (!Array.isArray(out) || !out.every(Array.isArray)) throw new Error("not a matrix");
      if (out.some((r) => r.length !== out[0].length)) throw new Error("ragged");
      for (const row of out) for (const v of row) if (badCell(v)) throw new Error(`returned ${badCell(v)}`);
    }),
    settings(100),
  );
});

test("FORECAST over hostile Inputs rows: never throws, never a negative or non-finite figure, rows as wide as the header", () => {
  let tables = 0;
  fc.assert(
    fc.property(inputsTable, (inputs) => {
      const out = fn("FORECAST")(inputs) as unknown[][];
      if (!Array.isArray(out) || !out.every(Array.isArray)) throw new Error("not a matrix");
      if (out.length > 1) {
        tables++;
        if (out.some((r) => r.length !== out[0].length)) throw new Error("rows of different widths");
      }
      for (const row of out) for (const v of row) if (badCell(v)) throw new Error(`returned ${badCell(v)}`);
    }),
    settings(150),
  );
  // The generator is not so hostile that no table ever comes out.
  expect(tables).toBeGreaterThan(10);
});

test("FORECAST's inputs argument itself may be anything", () => {
  fc.assert(
    fc.property(matrix, (inputs) => {
      const out = fn("FORECAST")(inputs) as unknown[][];
      if (!Array.isArray(out)) throw new Error("not a matrix");
      for (const row of out) for (const v of row) if (badCell(v)) throw new Error(`returned ${badCell(v)}`);
    }),
    settings(100),
  );
});
