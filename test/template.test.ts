import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engine, forecast, forecastTable, parseScenario, readerTable, scenarioFromInputs, toNumber, type InputCell, type Lang } from "../src/engine";
import { main } from "../src/cli/main";
import { buildWorkbookEngine } from "./support/hyperformula";
import { readTemplate, type Template } from "./support/template-reader";

const dir = mkdtempSync(join(tmpdir(), "template-"));
const quiet = { out: () => undefined, err: () => undefined };
const example = (f: string) => join(__dirname, "..", "examples", f);
const tableOf = (s: ReturnType<typeof parseScenario>, lang: Lang = "en-US") => {
  // As FORECAST spills it in an Excel of `lang`: the engine's table in the reader's words.
  const t = readerTable(forecastTable(forecast(s)), lang, engine().catalog.documents);
  return [t.header, ...t.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
};

describe.each(["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"])("subsidy template --scenario %s", (file) => {
  const out = join(dir, file.replace(".json", ".xlsx"));
  const scenario = parseScenario(JSON.parse(readFileSync(example(file), "utf8")));
  const engineValues = tableOf(scenario);
  let t: Template;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    expect(await main(["template", out, "--scenario", example(file), "--lang", "en-US"], quiet)).toBe(0);
    t = await readTemplate(out);
    wb = t.workbook;
  });

  test("has the Inputs table, the live formulas, 万元 formats, the values sheet and the catalog sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Inputs", "Forecast", "Cash", "Profit and loss", "Tax", "After tax", "Figures", "Events", "About"]);
    const forecastCell = wb.getWorksheet("Forecast")!.getCell("A1").value as ExcelJS.CellFormulaValue;
    // Stored as Excel stores an add-in's function, over the whole Inputs table.
    expect(forecastCell.formula).toBe("_xldudf_SUBSIDY_FORECAST(Inputs[#All])");
    expect(wb.getWorksheet("Forecast")!.getCell("B2").numFmt).toContain("元");
    const about = wb.getWorksheet("About")!;
    expect(about.getCell("B3").value).toBe("2026.12.1");
    const docs: string[] = [];
    about.eachRow((row) => docs.push(String(row.getCell(1).value)));
    // In English with the text's own title beside it (a gloss).
    expect(docs).toContain("Beijing measures for the high-quality development of the medical device industry (北京市促进医疗器械产业高质量发展若干措施)");
    expect(docs.some((d) => d.endsWith("(深圳市促进高端医疗器械产业集群高质量发展的若干措施)"))).toBe(true);
  });

  test("recomputed in a spreadsheet engine (HyperFormula), the formulas give the engine's numbers", () => {
    const hf = buildWorkbookEngine(t.hfSheets());
    const table = hf.getSheetValues(hf.getSheetId("Forecast")!);
    const width = engineValues[0].length;
    expect(table.slice(0, engineValues.length).map((r) => r.slice(0, width))).toEqual(engineValues);
    // The 万元 view (A35, a spill over A1#) divides every amount by 10,000 and keeps the rest.
    const wan = table.slice(34, 34 + engineValues.length).map((r) => r.slice(0, width));
    expect(wan[0]).toEqual(engineValues[0]);
    wan.slice(1).forEach((row, i) => {
      expect(row[0]).toBe(engineValues[i + 1][0]);
      for (let c = 1; c < width; c++) expect(row[c] as number).toBeCloseTo((engineValues[i + 1][c] as number) / 10000, 6);
    });
    // Cached 万元 values are the engine's amounts divided exactly: 2028's expected in the startup
    // example is 10,000,000 yuan = 1,000 万元 (test/forecast/changping-device-startup.test.ts).
    if (file === "changping-device-startup.json") expect(wb.getWorksheet("Forecast")!.getCell("C38").value).toBe(1000);
    // Every per-event formula recomputes to its cached value, and no formula is an error.
    const events = hf.getSheetValues(hf.getSheetId("Events")!);
    const cachedEvents: unknown[][] = [];
    wb.getWorksheet("Events")!.eachRow((row, r) => r > 1 && cachedEvents.push([4, 5].map((c) => (row.getCell(c).value as ExcelJS.CellFormulaValue).result)));
    expect(events.slice(1).map((r) => [r[3], r[4]])).toEqual(cachedEvents);
    expect(events.slice(1).every((r) => typeof r[3] === "number" && typeof r[4] === "string" && (r[4] as string).length > 0)).toBe(true);
    hf.destroy();
  });
});

test("a zh-CN template, its tabs Chinese, recomputes to the same figures: the Events formulas read '输入'! and the chart's names '预测'!", async () => {
  const out = join(dir, "zh.xlsx");
  expect(await main(["template", out, "--scenario", example("shenzhen-imaging-plant.json"), "--lang", "zh-CN"], quiet)).toBe(0);
  const t = await readTemplate(out);
  // HyperFormula stands for a Chinese Excel: the Events' EXPLAIN answers in Chinese, as cached.
  const hf = buildWorkbookEngine(t.hfSheets(), "zh-CN");
  const expected = tableOf(parseScenario(JSON.parse(readFileSync(example("shenzhen-imaging-plant.json"), "utf8"))), "zh-CN");
  expect(hf.getSheetValues(hf.getSheetId("预测")!).slice(0, expected.length).map((r) => r.slice(0, expected[0].length))).toEqual(expected);
  const events = hf.getSheetValues(hf.getSheetId("事件")!);
  const cached: unknown[][] = [];
  t.workbook.getWorksheet("事件")!.eachRow((row, r) => r > 1 && cached.push([4, 5].map((c) => (row.getCell(c).value as ExcelJS.CellFormulaValue).result)));
  expect(cached.length).toBeGreaterThan(0);
  expect(events.slice(1, 1 + cached.length).map((r) => [r[3], r[4]])).toEqual(cached);
  // Shenzhen's PET-CT priced alone: 40% × 15M = 6M under the innovative class III cap.
  expect(events.some((r) => r[2] === "PET-CT" && r[3] === 6000000)).toBe(true);
  hf.destroy();
});

test("a template built from an edited scenario recomputes to the engine's figures, and a year added on Inputs spills a row more", async () => {
  // The startup example with its certificate's R&D cost doubled and its horizon ended in 2028.
  const base = JSON.parse(readFileSync(example("changping-device-startup.json"), "utf8"));
  const edited = { ...base, name: "Edited startup", horizon: { ...base.horizon, to: 2028 }, events: base.events.map((e: { type: string; rdCost?: string }) => (e.type === "certificate" ? { ...e, rdCost: String(Number(e.rdCost) * 2) } : e)) };
  const file = join(dir, "edited.json");
  writeFileSync(file, JSON.stringify(edited));
  const out = join(dir, "edited.xlsx");
  expect(await main(["template", out, "--scenario", file], quiet)).toBe(0);
  const t = await readTemplate(out);
  const hf = buildWorkbookEngine(t.hfSheets());
  const sheet = hf.getSheetId("Forecast")!;
  const scenario = parseScenario(edited);
  const expected = tableOf(scenario);
  expect(hf.getSheetValues(sheet).slice(0, expected.length).map((r) => r.slice(0, expected[0].length))).toEqual(expected);

  // On Inputs, the horizon's last year moves to 2029: FORECAST spills one more year row. (The
  // engine is rebuilt on the edited sheets: HyperFormula sizes a spill when it reads a formula.)
  const sheets = t.hfSheets();
  const to = (hf.getSheetValues(hf.getSheetId("Inputs")!) as InputCell[][]).findIndex((r) => r[0] === "to");
  sheets.Inputs[to][1] = 2029;
  const grown = buildWorkbookEngine(sheets);
  const longer = tableOf(scenarioFromInputs(grown.getSheetValues(grown.getSheetId("Inputs")!) as InputCell[][]));
  expect(longer.length).toBe(expected.length + 1);
  expect(grown.getSheetValues(grown.getSheetId("Forecast")!).slice(0, longer.length).map((r) => r.slice(0, longer[0].length))).toEqual(longer);
  grown.destroy();
  hf.destroy();
});

test("the Events sheet prices each certificate alone: Shenzhen's PET-CT gets its full 6M there", async () => {
  // 40% × 15M = 6M under the innovative class III cap; the annual cap is FORECAST's business.
  const out = join(dir, "events.xlsx");
  await main(["template", out, "--scenario", example("shenzhen-imaging-plant.json")], quiet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const rows: unknown[][] = [];
  wb.getWorksheet("Events")!.eachRow((row) => rows.push([row.getCell(3).value, (row.getCell(4).value as ExcelJS.CellFormulaValue)?.result]));
  expect(rows).toContainEqual(["PET-CT", 6000000]);
});

test("a bad scenario writes nothing and names the field", async () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: "x", enterprise: { region: "mars", sector: "device" }, horizon: { from: 2026, to: 2026 } }));
  const err: string[] = [];
  const out = join(dir, "never.xlsx");
  expect(await main(["template", out, "--scenario", bad], { out: () => undefined, err: (t) => err.push(t) })).toBe(1);
  expect(err.join("\n")).toContain("enterprise.region");
  expect(existsSync(out)).toBe(false);
});

test("an existing file is not overwritten without --force", async () => {
  const out = join(dir, "kept.xlsx");
  writeFileSync(out, "mine");
  expect(await main(["template", out], quiet)).toBe(1);
  expect(readFileSync(out, "utf8")).toBe("mine");
  expect(await main(["template", out, "--force"], quiet)).toBe(0);
});

test("a scenario longer than a workbook's FORECAST takes is refused, as the task pane refuses it", async () => {
  // 2 settings rows… + 300 insurance events: more than MAX_INPUT_ROWS (300) rows with the header.
  const base = JSON.parse(readFileSync(example("changping-device-startup.json"), "utf8"));
  const big = { ...base, events: Array.from({ length: 300 }, (_, i) => ({ type: "insurance", year: 2027, premium: String(1000 + i) })) };
  const file = join(dir, "big.json");
  writeFileSync(file, JSON.stringify(big));
  const err: string[] = [];
  const out = join(dir, "big.xlsx");
  expect(await main(["template", out, "--scenario", file], { out: () => undefined, err: (t) => err.push(t) })).toBe(1);
  expect(err.join("\n")).toMatch(/Inputs table would have \d+ rows, more than the 300/);
  expect(existsSync(out)).toBe(false);
});
