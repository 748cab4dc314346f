import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, inputColumns, parseScenario, type InputCell, scenarioFromInputs, scenarioToInputs, type Scenario } from "../../src/engine";
import { SheetsInTheWay, TooManyRows, inputFormats, sheetsInTheWay, writeScenario, type WriteOptions } from "../../src/taskpane/workbook/write";
import { besideAnchor, forecastAmounts, forecastChart, forecastFormula, inputsTableName, numberFormats } from "../../src/workbook/layout";
import { pointerText, sheetRegistry } from "../../src/workbook/sheets";
import { FakeExcel, cellsOf } from "./excel-fake";

/*
 * Writing a scenario into the workbook through Excel.run (office-addin-mock objects, see
 * excel-fake.ts): what is written, where, with which formulas and formats, and that a sheet of
 * the person's is never replaced without their word.
 */

const example = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8")));
const changping = example("changping-device-startup.json");
const options = (o: Partial<WriteOptions> = {}): WriteOptions => ({ format: "yuan", replace: [], chartTitle: "Support by year", api17: true, api15: true, api19: false, lang: "en-US", computed: "2026-12-01", ...o });

let excel: FakeExcel;
const use = (fake: FakeExcel) => {
  excel = fake;
  (globalThis as unknown as { Excel: unknown }).Excel = fake.global;
};
afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

/** The Inputs block as the workbook holds it, row by row. */
const inputsBlock = (rows: number) => cellsOf(`A1:K${rows}`).map((row) => row.map((a) => excel.cell("Inputs", a)?.value as InputCell));

describe("a workbook without our sheets", () => {
  beforeEach(() => use(new FakeExcel({ sheets: ["Sheet1"] })));

  test("nothing in the way", async () => {
    await expect(sheetsInTheWay("en-US")).resolves.toEqual([]);
  });

  test("Inputs: the scenario's rows as an Excel table named Inputs, header first", async () => {
    const report = await writeScenario(changping, options());
    const rows = scenarioToInputs(changping);
    expect(report).toEqual({ inputs: `Inputs!A1:K${rows.length}`, forecast: "Forecast!A1", figures: expect.stringMatching(/^Figures!A1:[A-Z]+\d+$/), replaced: [], printSetup: false });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "Inputs", "Forecast", "Cash", "Profit and loss", "Tax", "After tax", "Figures"]);
    expect(inputsBlock(rows.length)).toEqual(rows.map((r) => r.map((v) => v ?? "")));
    expect(excel.sheet("Inputs").tables).toEqual([{ name: inputsTableName, address: `A1:K${rows.length}`, hasHeaders: true, style: "TableStyleMedium2" }]);
    expect(excel.sheet("Inputs").frozenRows).toBe(1);
    expect(excel.sheet("Inputs").autofit).toEqual(["A:K"]);
    // Nothing written past the table: FORECAST reads the table, Inputs[#All].
    expect([...excel.sheet("Inputs").cells.keys()].every((a) => /^[A-K]\d+$/.test(a) && Number(a.slice(1)) <= rows.length)).toBe(true);
  });

  test("a sheet per view: its A1 the live FORECAST of that view over the table, deferred income beside profit and loss, in the pane's language", async () => {
    await writeScenario(changping, options());
    expect(excel.cell("Cash", "A1")).toEqual({ formula: `=SUBSIDY.FORECAST(${inputsTableName}[#All],"cash")` });
    expect(excel.cell("Profit and loss", "A1")).toEqual({ formula: `=SUBSIDY.FORECAST(${inputsTableName}[#All],"pl")` });
    expect(excel.cell("Profit and loss", besideAnchor)).toEqual({ formula: `=SUBSIDY.FORECAST(${inputsTableName}[#All],"deferred")` });
    expect(excel.cell("Tax", "A1")).toEqual({ formula: `=SUBSIDY.FORECAST(${inputsTableName}[#All],"tax")` });
    expect(excel.cell("After tax", "A1")).toEqual({ formula: `=SUBSIDY.FORECAST(${inputsTableName}[#All],"aftertax")` });
    // Amounts in yuan below the header, as on the Forecast sheet.
    expect(excel.cell("Tax", "B2")?.format).toBe(numberFormats.yuan);
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    await writeScenario(changping, options({ lang: "zh-CN" }));
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "输入", "预测", "现金", "损益", "所得税", "税后", "数值"]);
    // The Inputs table in Chinese, as the zh-CN template writes it (RULINGS §89): 输入表, its header 项目 年份 …
    expect(excel.cell("税后", "A1")).toEqual({ formula: `=SUBSIDY.FORECAST(输入表[#All],"aftertax")` });
    expect(excel.sheet("输入").tables[0].name).toBe("输入表");
    expect(excel.cell("输入", "A1")?.value).toBe("项目");
  });

  test("every live sheet carries the line pointing to the values sheet, below the largest table it can spill", async () => {
    await writeScenario(changping, options());
    const line = "Without the Subsidy Forecast add-in these formulas show #NAME?: the figures as computed, as plain values, are on the sheet “Figures”.";
    expect(pointerText("en-US")).toBe(line);
    for (const [sheet, cell] of [["Forecast", "A33"], ["Cash", "A34"], ["Profit and loss", "A34"], ["Tax", "A34"], ["After tax", "A34"]]) expect(excel.cell(sheet, cell)).toEqual({ value: line });
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    await writeScenario(changping, options({ lang: "zh-CN" }));
    expect(excel.cell("预测", "A33")?.value).toBe("未安装“政策补贴测算”加载项时，本表的公式显示 #NAME?：计算时的数值（纯数值）见“数值”工作表。");
  });

  test("with ExcelApi 1.9, every sheet's print setup from the registry: fit to width, header row repeated, the pointing line in the page header", async () => {
    expect((await writeScenario(changping, options({ api19: true }))).printSetup).toBe(true);
    const line = pointerText("en-US");
    for (const name of ["Inputs", "Forecast", "Cash", "Profit and loss", "Tax", "After tax", "Figures"]) {
      const spec = sheetRegistry.find((s) => s.names["en-US"] === name)!;
      expect(excel.sheet(name).page).toEqual({
        orientation: "Landscape",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        titleRows: "$1:$1",
        ...(spec.kind === "values" ? {} : { centerHeader: line }),
      });
    }
    // An Excel that refuses a page setting loses the print setup only: the sheets are written, and the report says so.
    const refusing = new FakeExcel({ sheets: ["Sheet1"] });
    refusing.refuse = (what) => what === "Forecast page zoom";
    use(refusing);
    const report = await writeScenario(changping, options({ api19: true }));
    expect(report.printSetup).toBe(false);
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: forecastFormula });
    expect(excel.cell("Figures", "B2")?.value).toBe(changping.name);
    // Without 1.9 nothing of the page is touched.
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    await writeScenario(changping, options());
    expect(excel.log.filter((l) => l.includes(" page "))).toEqual([]);
  });

  test("the Inputs sheet reads back as the same scenario (what =SUBSIDY.FORECAST sees)", async () => {
    await writeScenario(changping, options());
    const back = scenarioFromInputs(inputsBlock(scenarioToInputs(changping).length));
    // Amounts come back as numbers where the file had strings, as in test/forecast/inputs.test.ts.
    expect(back).toEqual({ ...changping, simulation: back.simulation, financials: back.financials, events: back.events });
    expect(back.events.map((e) => e.type)).toEqual(changping.events.map((e) => e.type));
    expect(forecast(back).years).toEqual(forecast(changping).years);
  });

  test("formats: text where Excel would change the text, amounts plain, set before the values", async () => {
    const s = parseScenario({ ...changping, assumptions: { "changping-device/3.1": "0.3" }, issueDates: { "shenzhen-device": "2024-03-01" } });
    await writeScenario(s, options());
    const rows = scenarioToInputs(s);
    const at = (item: string, column: (typeof inputColumns)[number]) => {
      const r = rows.findIndex((row) => row[0] === item);
      return excel.cell("Inputs", `${String.fromCharCode(65 + inputColumns.indexOf(column))}${r + 1}`);
    };
    expect(at("assumption", "Value")).toEqual({ value: "0.3", format: "@" });
    expect(at("issue date", "Value")).toEqual({ value: "2024-03-01", format: "@" });
    expect(at("certificate", "Value")).toEqual({ value: 40000000, format: numberFormats.plain });
    expect(at("certificate", "Option")).toEqual({ value: "innovative, local", format: "@" });
    expect(at("certificate", "Product")).toEqual({ value: "AI-CT", format: "@" });
    expect(at("revenue", "Value")?.format).toBe(numberFormats.plain);
    expect(at("from", "Year")).toEqual({ value: 2026, format: "General" });
    const inputsOps = excel.log.filter((l) => l.startsWith("Inputs!A1:"));
    expect(inputsOps).toEqual([`Inputs!A1:K${rows.length} format`, `Inputs!A1:K${rows.length} value`]);
    expect(inputFormats(rows)[0].every((f) => f === "@")).toBe(true);
  });

  test("Forecast: A1 is the live FORECAST formula over the Inputs range, amounts in yuan, a chart beside it", async () => {
    await writeScenario(changping, options());
    const sheet = excel.sheet("Forecast");
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: forecastFormula });
    expect(forecastFormula).toBe("=SUBSIDY.FORECAST(Inputs[#All])");
    // No value pasted anywhere but the line pointing to the values sheet (A33, below the spill): the spill is Excel's.
    expect([...sheet.cells].filter(([, c]) => "value" in c).map(([a]) => a)).toEqual(["A33"]);
    const block = cellsOf(forecastAmounts).flat();
    expect(forecastAmounts).toBe("B2:K32");
    expect(block.every((a) => excel.cell("Forecast", a)?.format === numberFormats.yuan)).toBe(true);
    expect(excel.cell("Forecast", "A2")).toBeUndefined(); // years stay General
    expect(excel.cell("Forecast", "L2")).toBeUndefined();
    expect(sheet.bold).toEqual(["A1:K1"]);
    expect(sheet.charts).toEqual([
      {
        name: "Chart1",
        type: "ColumnClustered",
        source: "Forecast!B1:C6", // ceiling and expected, 2026–2030
        seriesBy: "Columns",
        title: "Support by year",
        position: [forecastChart.from, forecastChart.to],
        categories: "Forecast!A2:A6",
      },
    ]);
    expect(forecastChart).toEqual({ from: "M2", to: "T20" });
    expect(sheet.frozenRows).toBe(1);
    expect(excel.log[excel.log.length - 1]).toBe("Forecast activate");
  });

  test("the 万元 option: the same yuan values, shown in 万元 by the format alone", async () => {
    await writeScenario(changping, options({ format: "wanYuan" }));
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: forecastFormula });
    expect(excel.cell("Forecast", "C3")?.format).toBe(numberFormats.wanYuanDisplay);
    expect(numberFormats.wanYuanDisplay).toBe('0!.0000" 万元";-0!.0000" 万元";"–"');
  });

  test("an Excel without ExcelApi 1.7: no category names or frozen rows, the rest the same", async () => {
    await writeScenario(changping, options({ api17: false }));
    expect(excel.sheet("Forecast").charts[0].categories).toBeUndefined();
    expect(excel.sheet("Inputs").frozenRows).toBeUndefined();
    expect(excel.cell("Forecast", "A1")?.formula).toBe(forecastFormula);
  });

  test("the chart follows the horizon", async () => {
    await writeScenario(example("shenzhen-imaging-plant.json"), options());
    const s = example("shenzhen-imaging-plant.json");
    const n = s.horizon.to - s.horizon.from + 1;
    expect(excel.sheet("Forecast").charts[0]).toMatchObject({ source: `Forecast!B1:C${n + 1}`, categories: `Forecast!A2:A${n + 1}` });
  });

  test("a scenario too long for FORECAST's range is refused before Excel is touched", async () => {
    const events = Array.from({ length: 300 }, (_, i) => ({ type: "insurance", year: 2027, premium: String(1000 + i) }));
    const big = parseScenario({ ...changping, events });
    await expect(writeScenario(big, options())).rejects.toBeInstanceOf(TooManyRows);
    expect(excel.runs).toBe(0);
  });
});

describe("a workbook that has an Inputs or Forecast sheet already", () => {
  const seeded = () => {
    const fake = new FakeExcel({ sheets: ["Inputs", "Data", "forecast"] });
    fake.sheet("Inputs").cells.set("A1", { value: "my own numbers" });
    fake.sheet("Inputs").tables.push({ name: "Inputs", address: "A1:B3", hasHeaders: true });
    fake.sheet("forecast").cells.set("Z9", { value: 42 });
    fake.sheet("forecast").charts.push({ name: "Chart1", type: "Pie", source: "forecast!A1:A3", seriesBy: "Auto" });
    fake.sheet("Data").cells.set("A1", { value: "untouched" });
    return fake;
  };

  test("sheetsInTheWay names them as the workbook spells them", async () => {
    use(seeded());
    await expect(sheetsInTheWay("en-US")).resolves.toEqual(["Inputs", "forecast"]);
  });

  test("without the person's word nothing is written", async () => {
    use(seeded());
    const error = await writeScenario(changping, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsInTheWay);
    expect((error as SheetsInTheWay).names).toEqual(["Inputs", "forecast"]);
    expect(excel.log.filter((l) => !l.startsWith("load"))).toEqual([]);
    expect(excel.cell("Inputs", "A1")).toEqual({ value: "my own numbers" });
    expect(excel.cell("forecast", "Z9")).toEqual({ value: 42 });
  });

  test("agreeing to one sheet only is not agreeing to both", async () => {
    use(seeded());
    await expect(writeScenario(changping, options({ replace: ["Inputs"] }))).rejects.toMatchObject({ names: ["forecast"] });
    expect(excel.cell("Inputs", "A1")).toEqual({ value: "my own numbers" });
  });

  test("with it, the two sheets are cleared (cells, tables, charts) and written; other sheets are not touched", async () => {
    use(seeded());
    const report = await writeScenario(changping, options({ replace: ["inputs", "FORECAST"] }));
    expect(report.replaced).toEqual(["Inputs", "forecast"]);
    expect(excel.sheets.map((s) => s.name)).toEqual(["Inputs", "Data", "forecast", "Cash", "Profit and loss", "Tax", "After tax", "Figures"]); // kept, so references to them survive
    expect(excel.cell("Inputs", "A1")).toEqual({ value: "Item", format: "@" });
    expect(excel.cell("forecast", "Z9")).toBeUndefined();
    expect(excel.cell("forecast", "A1")).toEqual({ formula: forecastFormula });
    expect(excel.sheet("forecast").charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    expect(excel.sheet("Inputs").tables.map((t) => t.name)).toEqual([inputsTableName]);
    expect(excel.cell("Data", "A1")).toEqual({ value: "untouched" });
    expect(excel.sheet("Inputs").cleared).toBe(1);
  });

  test("an Inputs table on another sheet keeps its name; ours takes the next free one, and FORECAST reads ours", async () => {
    const fake = new FakeExcel({ sheets: ["Data"] });
    fake.sheet("Data").tables.push({ name: "Inputs", address: "A1:C4", hasHeaders: true });
    use(fake);
    await writeScenario(changping, options());
    expect(excel.sheet("Data").tables[0].name).toBe("Inputs");
    expect(excel.sheet("Inputs").tables[0].name).toBe("Inputs_2");
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: "=SUBSIDY.FORECAST(Inputs_2[#All])" });
  });
});
