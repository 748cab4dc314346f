import { call } from "../../src/functions/reports";
import { CellError } from "../../src/functions/cells";
import { designExamples } from "../support/design-examples";
import { ErrorCode, ExcelError, loadFunctions, readMetadata, type ExcelFunction } from "./support";

/*
 * The BUILT dist/functions.js, called the way Excel calls it: an argument declared any[][]
 * arrives as a 2-D array even for one cell ([[x]]), an omitted optional argument as null, a
 * repeating argument as one array. A function declared to return a matrix answers [[x]] for
 * one cell.
 */

const functions = loadFunctions();
const metadata = readMetadata("functions.json");

function fn(id: string): ExcelFunction {
  const f = functions.get(id);
  if (!f) throw new Error(`${id} is not associated`);
  return f;
}

/** One cell per argument, as Excel passes single values to any[][] parameters. */
const cells = (args: readonly unknown[]) => args.map((a) => (a === undefined ? null : [[a]]));

describe("registration with Excel", () => {
  test("every function in functions.json is associated with a function, and nothing else is", () => {
    expect([...functions.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });
});

describe("DESIGN.md's examples through the built bundle", () => {
  test.each(designExamples)("%s(%j) = %d", (id, args, expected) => {
    expect(fn(id)(...cells(args))).toEqual([[expected]]);
  });

  test("omitted optional arguments (null) are the defaults", () => {
    expect(fn("REGISTRATION")([[3]], [[5000000]], [["changping"]], null, null)).toEqual([[1500000]]);
    expect(fn("REGISTRATION")([[3]], [[40000000]], [["changping"]], [["innovative"]], null)).toEqual([[10000000]]);
  });
});

describe("errors come back as CustomFunctions.Error with the engine's message", () => {
  test("a negative amount is #NUM! (invalidNumber)", () => {
    const [[cell]] = fn("REGISTRATION")(...cells([3, -1, "shenzhen"])) as unknown[][];
    expect(cell).toBeInstanceOf(ExcelError);
    expect(cell).toMatchObject({ code: ErrorCode.invalidNumber, message: expect.stringContaining("rdCost") });
  });

  test("an unknown region is #VALUE! (invalidValue) naming what it accepts", () => {
    const [[cell]] = fn("REGISTRATION")(...cells([3, 5000000, "mars"])) as unknown[][];
    expect(cell).toMatchObject({ code: ErrorCode.invalidValue, message: expect.stringMatching(/region.*changping, beijing or shenzhen/) });
  });

  test("a clinical phase outside 1–3 is #VALUE!", () => {
    const [[cell]] = fn("CLINICAL")(...cells([1, 4, "changping"])) as unknown[][];
    expect(cell).toMatchObject({ code: ErrorCode.invalidValue, message: expect.stringContaining("phase") });
  });

  test("no function throws for bad input of any kind", () => {
    const junk = [null, [[null]], [[""]], [["x"]], [[-5]], [[Number.NaN]], [[true]], [[]], []];
    for (const f of metadata.functions) {
      if (f.id === "EXPLAIN") continue; // returns one value: Excel expects its error thrown
      for (const j of junk) expect(() => fn(f.id)(...f.parameters.map(() => j))).not.toThrow();
    }
  });
});

describe("ranges lift and spill, as Excel's own functions do", () => {
  test("a 3-row range spills 3 rows; a single cell is broadcast", () => {
    const classes = [[3], [2], [3]];
    const costs = [[5000000], [5000000], [40000000]];
    const pathways = [["standard"], ["standard"], ["innovative"]];
    expect(fn("REGISTRATION")(classes, costs, [["changping"]], pathways, null)).toEqual([[1500000], [0], [10000000]]);
  });

  test("a row range spills a row", () => {
    expect(fn("FACILITY")([[20000000, 1000000]], [[2000]], [["shenzhen"]])).toEqual([[6000000, 400000]]);
  });

  test("an error stays in its own cell; the rest of the spill computes", () => {
    const out = fn("REGISTRATION")([[3], [3]], [[5000000], [-1]], [["shenzhen"]], null, null) as unknown[][];
    expect(out[0]).toEqual([2000000]);
    expect(out[1][0]).toMatchObject({ code: ErrorCode.invalidNumber });
  });

  test("a cell outside a shorter range is #N/A (notAvailable)", () => {
    const out = fn("SCALEUP")([[120000000], [90000000], [1]], [[80000000], [0]], [["changping"]]) as unknown[][];
    expect(out).toHaveLength(3);
    expect(out[2][0]).toMatchObject({ code: ErrorCode.notAvailable });
  });

  test("the built functions give what the CLI's implementation gives, cell by cell", () => {
    const regions = ["changping", "beijing", "shenzhen"];
    const classes = [1, 2, 3, "III", "二类"];
    const costs = [0, 1000000, 9999999.99, 40000000];
    for (const region of regions) {
      for (const c of classes) {
        for (const cost of costs) {
          for (const pathway of ["standard", "innovative", "major"]) {
            const expected = call("REGISTRATION", [c, cost, region, pathway]);
            const [[got]] = fn("REGISTRATION")(...cells([c, cost, region, pathway]), null) as unknown[][];
            if (expected instanceof CellError) expect(got).toMatchObject({ code: expected.code, message: expected.message });
            else expect(got).toEqual(expected);
          }
        }
      }
    }
  });
});

/** A function's answer, awaited: EXPLAIN, CLAUSES and FORECAST answer a Promise until their chunk is loaded (a thrown error becomes a rejection). */
const answer = async (id: string, ...args: unknown[]) => fn(id)(...args);

describe("EXPLAIN and CLAUSES", () => {
  test("EXPLAIN takes its function's arguments as one repeating parameter and returns text", async () => {
    const text = await answer("EXPLAIN", "REGISTRATION", [3, 40000000, "changping", "innovative"]);
    expect(typeof text).toBe("string");
    expect(text).toContain("10,000,000");
    expect(text).toContain("第五条（二）: pays 8,000,000");
    expect(text).toBe(call("EXPLAIN", ["REGISTRATION", 3, 40000000, "changping", "innovative"]));
  });

  test("EXPLAIN follows Office's display language: zh-CN gives the Chinese text", async () => {
    const zh = loadFunctions("zh-CN").get("EXPLAIN")!;
    const text = await zh("REGISTRATION", [3, 40000000, "changping", "innovative"]);
    expect(text).toBe(call("EXPLAIN", ["REGISTRATION", 3, 40000000, "changping", "innovative"], { lang: "zh-CN" }));
    // 30% × 4000万元 = 1200万元, capped at 第五条（二）'s 800万元; Beijing 一、3 adds 200万元.
    expect(text).toContain("= 10,000,000元");
    expect(text).toContain("第五条（二）：支持8,000,000元");
    expect(text).toContain("取证产品研发投入40,000,000元 × 30% = 12,000,000元");
    expect(text).not.toContain("pays");
  });

  test("EXPLAIN of an unknown function is #VALUE!, thrown as Excel expects of a single-value function", async () => {
    await answer("EXPLAIN", "REGISTRATION", [3, 1, "shenzhen"]); // the chunk loaded: the error is thrown, not a rejection
    expect(() => fn("EXPLAIN")("NOPE", [1])).toThrow(ExcelError);
    await expect(answer("EXPLAIN", "NOPE", [1])).rejects.toMatchObject({ code: ErrorCode.invalidValue, message: expect.stringContaining("functionName") });
  });

  test("CLAUSES spills the catalog with a header row, every row as wide as the header", async () => {
    const table = (await answer("CLAUSES", null, null)) as unknown[][];
    expect(table[0]).toEqual(expect.arrayContaining(["id", "document", "article", "sentence"]));
    expect(table.length).toBeGreaterThan(10);
    for (const row of table) expect(row).toHaveLength(table[0].length);
  });

  test("CLAUSES filters by region and topic", async () => {
    const table = (await answer("CLAUSES", "shenzhen", "registration")) as string[][];
    const jurisdiction = table[0].indexOf("jurisdiction");
    expect(table.length).toBeGreaterThan(1);
    // The jurisdiction by its name in Office's language (here en-US), as the reader knows it.
    for (const row of table.slice(1)) expect(row[jurisdiction]).toBe("Shenzhen");
  });

  test("CLAUSES with an unknown region is one #VALUE! cell", async () => {
    expect(await answer("CLAUSES", "mars", null)).toEqual([[expect.objectContaining({ code: ErrorCode.invalidValue })]]);
  });
});
