import { call } from "../../src/functions/reports";
import { compiledCatalog } from "../../src/engine/catalog/compiled";
import { designExamples } from "../support/design-examples";
import { workedAmounts } from "../support/worked-amounts";
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

/** Hand-worked from the sentences: DESIGN's examples and each function's (test/support). */
const worked = [...designExamples, ...workedAmounts];

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

  test("in Chinese Office, that #N/A says so in Chinese", async () => {
    const zh = openFunctions({ displayLanguage: "zh-CN", chunks: "refuse" });
    await expect(zh.functions.get("EXPLAIN")!("REGISTRATION", [3, 5000000, "shenzhen"])).rejects.toMatchObject({
      code: ErrorCode.notAvailable,
      message: expect.stringContaining("无法加载"),
    });
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
