import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal, forecast, parseScenario, scenarioSummary, summaryTable } from "../../src/engine";
import { summarySheetNames, writeSummarySheet } from "../../src/taskpane/workbook/summary-sheet";
import { FakeExcel, cellsOf } from "./excel-fake";

/*
 * The scenario summary as a values sheet: the baseline and the certificate a year later
 * (examples/changping-device-startup.json; test/compare.test.ts: 16.4M and 14.8M, Δ −1.6M), with
 * the date and catalog version above the table, amounts as plain numbers; Excel's own
 * 方案摘要 sheet is never touched, ours is replaced when written again.
 */
const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8"));
const slipped = structuredClone(raw);
slipped.events[6].year += 1;
const base = forecast(parseScenario(raw));
const table = summaryTable(scenarioSummary([
  { name: "基准方案", forecast: base },
  { name: "方案 1", forecast: forecast(parseScenario(slipped)) },
]), { label: "年份 / 政策", delta: (n) => `${n} Δ`, total: "合计", policy: (d) => d });
const sheet = { title: "方案摘要", stamp: `2026-12-07 按条款目录 ${base.catalogVersion} 计算`, ...table };

let excel: FakeExcel;
beforeEach(() => {
  excel = new FakeExcel({ sheets: ["Sheet1", "方案摘要"] });
  (globalThis as unknown as { Excel: unknown }).Excel = excel.global;
});
afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

test("the summary as plain values beside Excel's own 方案摘要, stamped with the date and the catalog", async () => {
  const address = await writeSummarySheet(sheet, "zh-CN");
  const rows = 4 + table.rows.length;
  expect(address).toBe(`补贴方案摘要!A1:D${rows}`);
  expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "方案摘要", summarySheetNames["zh-CN"]]);
  expect(excel.sheet("方案摘要").cells.size).toBe(0);
  const values = cellsOf(`A1:D${rows}`).map((row) => row.map((a) => excel.cell("补贴方案摘要", a)?.value));
  expect(values[0][0]).toBe("方案摘要");
  expect(values[1][0]).toContain(base.catalogVersion);
  expect(values[3]).toEqual(["年份 / 政策", "基准方案", "方案 1", "方案 1 Δ"]);
  // 16,400,000 − 1,600,000 = 14,800,000.
  expect(values.find((r) => r[0] === "合计")).toEqual(["合计", 16_400_000, 14_800_000, -1_600_000]);
  expect(excel.cell("补贴方案摘要", "B5")?.format).toBe("#,##0.00");
});

test("written again, our sheet is replaced, not added twice", async () => {
  await writeSummarySheet(sheet, "zh-CN");
  await writeSummarySheet({ ...sheet, rows: table.rows.slice(0, 1) }, "zh-CN");
  expect(excel.sheets.filter((s) => s.name === "补贴方案摘要")).toHaveLength(1);
  expect(excel.sheet("补贴方案摘要").cleared).toBe(1);
  expect(excel.cell("补贴方案摘要", "A6")).toBeUndefined();
  expect(new Decimal(excel.cell("补贴方案摘要", "B5")?.value as number).gt(0)).toBe(true);
});
