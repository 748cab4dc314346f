import { call } from "../../src/functions/reports";
import { compiledCatalog } from "../../src/engine/catalog/compiled";
import { ErrorCode, ExcelError, openFunctions, sharedEngine, type LoadedFunctions } from "./support";

/*
 * The BUILT dist/functions.js in two parts (src/functions/loaded.ts): the nine amount functions
 * answer from functions.js alone; EXPLAIN, CLAUSES and FORECAST load the rest (one chunk beside
 * it, with the catalog's texts) on their first call. Here the page's script loader first refuses
 * every chunk, so an amount function that reached for the chunk or for a catalog text (an
 * accessor that throws until the texts are loaded) would answer an error instead of its figure.
 */

const cells = (args: readonly unknown[]) => args.map((a) => (a === undefined ? null : [[a]]));
const amount = (page: LoadedFunctions, id: string, args: readonly unknown[]) => page.functions.get(id)!(...cells(args));

/** Hand-worked from the sentences (catalog/*.json, quoted from policies/*.txt). */
const worked: readonly (readonly [id: string, args: readonly unknown[], yuan: number])[] = [
  // Shenzhen （五）: 40% × 5,000,000 = 2,000,000, under the class III cap of 5,000,000.
  ["REGISTRATION", [3, 5000000, "shenzhen"], 2000000],
  // Changping 第五条（二）: 30% × 40,000,000 = 12,000,000 → capped at 8,000,000; Beijing 一、3: 2,000,000 more.
  ["REGISTRATION", [3, 40000000, "changping", "innovative"], 10000000],
  // Beijing 一、3 alone, fixed 200万元 for an innovative-review product; in force from 2025-11-24, so nothing in 2024.
  ["REGISTRATION", [3, 40000000, "beijing", "innovative", 2026], 2000000],
  ["REGISTRATION", [3, 40000000, "beijing", "innovative", 2024], 0],
  // Changping 第三条（一）: revenue 20M < 30M, R&D 8M + 4M = 12M ≥ 10M: 10% × 8,000,000 = 800,000.
  ["RD", [20000000, 8000000, 4000000, "changping"], 800000],
  // Changping 第八条（一）: 120M first passes 100M: 400,000.
  ["SCALEUP", [120000000, 80000000, "changping"], 400000],
  // Changping 第八条（二）: first passes 5亿元, 2‰ × 600,000,000 = 1,200,000; passed before: nothing.
  ["REVENUE", [600000000, 400000000, "changping"], 1200000],
  ["REVENUE", [600000000, 500000000, "changping"], 0],
  // Changping 第十条（二）: 3% × 50,000,000 = 1,500,000 (cap 300万元); Shenzhen （十五）: 3% × 200M = 6M → 3,000,000.
  ["VBP", [50000000, "changping"], 1500000],
  ["VBP", [200000000, "shenzhen"], 3000000],
  // Changping 第十条（一）: 20% × 30,000,000 = 6,000,000; 20% × 80M = 16M → capped at 1000万元.
  ["FIRSTSET", [30000000, "changping"], 6000000],
  ["FIRSTSET", [80000000, "changping"], 10000000],
  // Changping 第三条（二）: 50% × 600,000 = 300,000; 50% × 2,000,000 = 1,000,000 → capped at 50万元.
  ["INSURANCE", [600000, "changping"], 300000],
  ["INSURANCE", [2000000, "changping"], 500000],
  // Shenzhen （七）: min(40% × 20M = 8M, 3,000 × 2,000 m² = 6M, 10M) = 6,000,000.
  ["FACILITY", [20000000, 2000, "shenzhen"], 6000000],
  // Changping pharma 第五条（一）: class 1 entering phase Ⅱ, 100万元; phase Ⅲ, 200万元; class 3 is not named.
  ["CLINICAL", [1, 2, "changping"], 1000000],
  ["CLINICAL", [1, 3, "changping"], 2000000],
  ["CLINICAL", [3, 1, "changping"], 0],
];

describe("the amount functions never need the chunk", () => {
  const page = openFunctions({ chunks: "refuse" });

  test.each(worked)("%s(%j) = %d, with no chunk loadable", (id, args, yuan) => {
    expect(amount(page, id, args)).toEqual([[yuan]]);
  });

  test("ranges and argument errors too; and no script was ever asked for", () => {
    expect(amount(page, "REGISTRATION", [3, -1, "shenzhen"])).toEqual([[expect.objectContaining({ code: ErrorCode.invalidNumber, message: expect.stringContaining("rdCost") })]]);
    expect(amount(page, "CLINICAL", [1, 4, "changping"])).toEqual([[expect.objectContaining({ code: ErrorCode.invalidValue, message: expect.stringContaining("phase") })]]);
    expect(page.functions.get("REGISTRATION")!([[3], [3]], [[5000000], [40000000]], [["changping"]], [["standard"], ["innovative"]], null)).toEqual([[1500000], [10000000]]);
    expect(page.requested).toEqual([]);
  });

  test("a chunk that cannot load: EXPLAIN rejects with #N/A saying so, FORECAST answers one #N/A cell; the next call tries again", async () => {
    await expect(page.functions.get("EXPLAIN")!("REGISTRATION", [3, 5000000, "shenzhen"])).rejects.toMatchObject({
      code: ErrorCode.notAvailable,
      message: expect.stringContaining("could not be loaded"),
    });
    expect(await page.functions.get("FORECAST")!([["Item"]])).toEqual([[expect.objectContaining({ code: ErrorCode.notAvailable })]]);
    expect(page.requested).toHaveLength(2);
    expect(page.requested[0]).toMatch(/^rest\.[0-9a-f]+\.js$/);
    page.chunks = "load";
    const text = await page.functions.get("EXPLAIN")!("REGISTRATION", [3, 5000000, "shenzhen"]);
    expect(text).toBe(call("EXPLAIN", ["REGISTRATION", 3, 5000000, "shenzhen"]));
  });
});

/** Beijing 一、3's sentence, verbatim from the catalog (test/clauses checks it against the policy text). */
const beijing = compiledCatalog().clauses.find((c) => c.id === "beijing-device/3")!;

describe("EXPLAIN, CLAUSES and FORECAST load the chunk once, then answer at once", () => {
  test.each(["en-US", "zh-CN"] as const)("EXPLAIN in %s after an amount call built the engine: a Promise first, the text of the engine's sentences, then plain values", async (lang) => {
    const page = openFunctions({ displayLanguage: lang });
    const args = [3, 40000000, "beijing", "innovative"];
    expect(amount(page, "REGISTRATION", args)).toEqual([[2000000]]); // the engine is built before the texts load
    const first = page.functions.get("EXPLAIN")!("REGISTRATION", args);
    expect(typeof (first as { then?: unknown }).then).toBe("function");
    const text = (await first) as string;
    expect(text).toBe(call("EXPLAIN", ["REGISTRATION", ...args], { lang }));
    // The clause quoted, and its fixed amount stated in the sentence's own words (不超过 200 万元):
    // read from the sentence by the engine the amount call built before the texts were loaded.
    expect(text).toContain(`“${beijing.sentence}”`);
    expect(text).toContain("不超过200万元");
    expect(typeof page.functions.get("EXPLAIN")!("REGISTRATION", args)).toBe("string");
    expect(page.requested).toHaveLength(1);
  });

  test("CLAUSES quotes every sentence, as the engine in Node lists them; FORECAST gives Node's table", async () => {
    const page = openFunctions();
    const table = (await page.functions.get("CLAUSES")!(null, null)) as unknown[][];
    expect(table).toEqual(call("CLAUSES", []));
    const sentence = table[0].indexOf("sentence");
    expect(table.slice(1).map((row) => row[sentence])).toContain(beijing.sentence);
    const engine = await sharedEngine(page);
    const inputs = engine.scenarioToInputs(engine.parseScenario(require("../../examples/shenzhen-cfo-views.json")));
    expect(page.functions.get("FORECAST")!(inputs, "cash")).toEqual(exceljs(call("FORECAST", [inputs, "cash"])));
    expect(page.requested).toHaveLength(1);
  });

  test("the engine functions.js hands the task pane: its catalog with every text filled in, one instance however often asked", async () => {
    const page = openFunctions();
    const engine = await sharedEngine(page);
    // The built catalog, structure and texts put back together, is the catalog the schema checks
    // in Node, but for the encoders' notes (never shipped). A text left unfilled would throw here.
    const plain = (catalog: object) =>
      JSON.parse(JSON.stringify(catalog, (key, value: unknown) => (key === "note" && typeof value === "string" ? undefined : value))) as unknown;
    expect(plain(engine.engine().catalog)).toEqual(plain(compiledCatalog()));
    expect(await sharedEngine(page)).toBe(engine);
  });
});

/** A CellError as the bundle returns it: a CustomFunctions.Error (ExcelError here). */
function exceljs(result: unknown): unknown {
  const rows = Array.isArray(result) ? result : [[result]];
  return rows.map((row: unknown[]) => row.map((cell) => (cell && typeof cell === "object" && "code" in cell ? new ExcelError((cell as ExcelError).code, (cell as ExcelError).message) : cell)));
}
