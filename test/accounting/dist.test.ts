import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, scenarioToInputs } from "../../src/engine";
import { ErrorCode, ExcelError, loadFunctions, readMetadata } from "../addin/support";

// The BUILT dist/functions.js, as Excel calls FORECAST: the Inputs range as rows, the view as a
// plain string (declared string), null when left out. Its first call answers a Promise (the
// chunk with the forecast loads), later ones the table itself: awaited either way.
const built = loadFunctions().get("FORECAST")!;
const forecast = async (...args: unknown[]) => (await built(...args)) as unknown[][];
const s = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8")));
const inputs = scenarioToInputs(s);
const row = (out: unknown[][], first: unknown) => out.find((r) => r[0] === first)!;

test("FORECAST's view and language are optional text arguments, in English and Chinese", () => {
  const meta = readMetadata("functions.json").functions.find((f) => f.id === "FORECAST")!;
  expect(meta.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["inputs", false], ["view", true], ["language", true]]);
  const zh = readMetadata("functions-zh-cn.json").functions.find((f) => f.id === "FORECAST")!;
  expect(zh.parameters.map((p) => p.name)).toEqual(["输入表", "视图", "语言"]);
});

test("the built bundle spills each view; left out, the entitled table", async () => {
  // Hand-worked in example.test.ts: cash of 2027 is the plant's 6,000,000; profit of 2028 is
  // 315,789.48 + 4,000,000; deferred income at the end of 2030, 4,736,842.11.
  expect(row(await forecast(inputs, null), 2026).slice(0, 2)).toEqual([2026, 14000000]);
  expect(row(await forecast(inputs, "cash"), 2027).slice(0, 2)).toEqual([2027, 6000000]);
  expect(row(await forecast(inputs, "损益"), 2028).slice(0, 2)).toEqual([2028, 4315789.48]);
  expect(row(await forecast(inputs, "递延收益"), "end of 2030").slice(0, 2)).toEqual(["end of 2030", 4736842.11]);
});

test("an unknown view is #VALUE! in the built bundle", async () => {
  const [[cell]] = await forecast(inputs, "ebitda");
  expect(cell).toBeInstanceOf(ExcelError);
  expect(cell).toMatchObject({ code: ErrorCode.invalidValue, message: expect.stringContaining("view must be one of") });
});
