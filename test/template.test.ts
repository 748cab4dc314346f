import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forecast, forecastTable, parseScenario, toNumber } from "../src/engine";
import { main } from "../src/cli/main";
import { buildWorkbookEngine } from "./support/hyperformula";

const dir = mkdtempSync(join(tmpdir(), "template-"));
const quiet = { out: () => undefined, err: () => undefined };
const example = (f: string) => join(__dirname, "..", "examples", f);

/** A worksheet as HyperFormula reads it: formulas as "=…", the spill area of an array formula empty. */
function sheetData(ws: ExcelJS.Worksheet): unknown[][] {
  const data: unknown[][] = [];
  const spill = new Set<string>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    data[r - 1] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as ExcelJS.CellValue & { formula?: string; shareType?: string; ref?: string };
      if (v && typeof v === "object" && "formula" in v && v.formula) {
        data[r - 1][c - 1] = `=${v.formula}`;
        if (v.shareType === "array" && v.ref) {
          const [from, to] = v.ref.split(":").map((a) => ws.getCell(a));
          for (let i = Number(from.row); i <= Number(to.row); i++) for (let j = Number(from.col); j <= Number(to.col); j++) if (i !== r || j !== c) spill.add(`${i},${j}`);
        }
      } else data[r - 1][c - 1] = v ?? null;
    });
  });
  for (const key of spill) {
    const [i, j] = key.split(",").map(Number);
    if (data[i - 1]) data[i - 1][j - 1] = null;
  }
  return data.map((r) => r ?? []);
}

describe.each(["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"])("subsidy template --scenario %s", (file) => {
  const out = join(dir, file.replace(".json", ".xlsx"));
  const scenario = parseScenario(JSON.parse(readFileSync(example(file), "utf8")));
  const expected = forecastTable(forecast(scenario));
  const engineValues = [expected.header, ...expected.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    expect(await main(["template", out, "--scenario", example(file)], quiet)).toBe(0);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  test("has the Inputs table, the live formulas, 万元 formats and the catalog sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Inputs", "Forecast", "Events", "About"]);
    const forecastCell = wb.getWorksheet("Forecast")!.getCell("A1").value as ExcelJS.CellFormulaValue;
    expect(forecastCell.formula).toBe("SUBSIDY.FORECAST(Inputs!$A$1:$K$300)");
    expect(wb.getWorksheet("Forecast")!.getCell("B2").numFmt).toContain("元");
    const about = wb.getWorksheet("About")!;
    expect(about.getCell("B3").value).toBe("2026.11.1");
    const docs: string[] = [];
    about.eachRow((row) => docs.push(String(row.getCell(1).value)));
    expect(docs).toContain("北京市促进医疗器械产业高质量发展若干措施");
    expect(docs).toContain("深圳市促进高端医疗器械产业集群高质量发展的若干措施");
  });

  test("recomputed in a spreadsheet engine (HyperFormula), the formulas give the engine's numbers", () => {
    const sheets = Object.fromEntries(wb.worksheets.map((w) => [w.name, sheetData(w)]));
    const hf = buildWorkbookEngine(sheets);
    const table = hf.getSheetValues(hf.getSheetId("Forecast")!);
    const width = engineValues[0].length;
    expect(table.slice(0, engineValues.length).map((r) => r.slice(0, width))).toEqual(engineValues);
    // The 万元 view, three rows below the table, divides every amount by 10,000.
    const wan = table.slice(engineValues.length + 2, 2 * engineValues.length + 2);
    wan.slice(1).forEach((row, i) => {
      for (let c = 1; c < width; c++) expect(row[c] as number).toBeCloseTo((engineValues[i + 1][c] as number) / 10000, 6);
    });
    // Cached 万元 values are the engine's amounts divided exactly: 2028's expected in the startup
    // example is 10,000,000 yuan = 1,000 万元 (test/forecast/changping-device-startup.test.ts).
    if (file === "changping-device-startup.json") {
      const cached = wb.getWorksheet("Forecast")!.getCell(engineValues.length + 3 + 3, 3).value as ExcelJS.CellFormulaValue;
      expect(cached.result).toBe(1000);
    }
    // Every per-event formula recomputes to its cached value, and no formula is an error.
    const events = hf.getSheetValues(hf.getSheetId("Events")!);
    const cachedEvents: unknown[] = [];
    wb.getWorksheet("Events")!.eachRow((row, r) => r > 1 && cachedEvents.push((row.getCell(4).value as ExcelJS.CellFormulaValue).result));
    expect(events.slice(1).map((r) => r[3])).toEqual(cachedEvents);
    expect(events.slice(1).every((r) => typeof r[4] === "string" && (r[4] as string).startsWith("SUBSIDY."))).toBe(true);
    hf.destroy();
  });
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
