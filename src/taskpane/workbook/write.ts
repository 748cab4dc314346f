import { inputColumns, scenarioToInputs, type InputCell, type Scenario } from "../../engine";
import {
  INPUT_ROWS,
  columnLetter,
  forecastAmounts,
  forecastChart,
  forecastExtent,
  forecastFormula,
  forecastHeader,
  inputsTableName,
  numberFormats,
  sheets,
} from "../../workbook/layout";

/**
 * Writing a scenario into the workbook (Excel.run): an Inputs sheet holding the scenario as an
 * Excel table (the engine's scenarioToInputs rows) and a Forecast sheet whose A1 is the live
 * =SUBSIDY.FORECAST formula over it, formatted in yuan or 万元, with a chart. The same layout as
 * the CLI's template (src/workbook/layout.ts). Nothing of the person's is overwritten unasked:
 * a sheet of either name that exists is replaced only when the caller says the person agreed.
 */

export type AmountFormat = "yuan" | "wanYuan";

export interface WriteOptions {
  readonly format: AmountFormat;
  /** Existing sheets the person agreed to replace (from sheetsInTheWay and a confirmation). */
  readonly replace: readonly string[];
  /** The chart's title, in the pane's language. */
  readonly chartTitle: string;
  /** ExcelApi 1.7 (chart category names, frozen header rows). */
  readonly api17: boolean;
}

export interface WriteReport {
  readonly inputs: string;
  readonly forecast: string;
  readonly replaced: readonly string[];
}

/** Sheets exist that the person has not agreed to replace: nothing was written. */
export class SheetsInTheWay extends Error {
  constructor(readonly names: readonly string[]) {
    super(`these sheets exist and were not replaced: ${names.join(", ")}`);
    this.name = "SheetsInTheWay";
  }
}

/** The Inputs table has more rows than =SUBSIDY.FORECAST reads (layout.INPUT_ROWS). */
export class TooManyRows extends Error {
  constructor(readonly rows: number) {
    super(`the Inputs table would have ${rows} rows; FORECAST reads ${INPUT_ROWS}`);
    this.name = "TooManyRows";
  }
}

const ours = [sheets.inputs, sheets.forecast] as const;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Which of the sheets a write would replace exist already (Excel's names, case-insensitive). */
export async function sheetsInTheWay(): Promise<string[]> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((s) => s.name).filter((name) => ours.some((o) => same(o, name)));
  });
}

/** Value cells that are amounts; the other items keep their text (rates, dates) as text. */
const amountItems = new Set(["revenue", "rd", "certificate", "fda breakthrough", "output", "vbp", "first set", "insurance", "facility", "draws", "seed"]);

/** Number formats of the Inputs cells: text where Excel would otherwise turn a name, a rate or a date into a number. */
export function inputFormats(rows: readonly (readonly InputCell[])[]): string[][] {
  const col = (name: (typeof inputColumns)[number]) => inputColumns.indexOf(name);
  return rows.map((row, r) =>
    row.map((_, c) => {
      if (r === 0) return numberFormats.text;
      if (c === col("Value")) return amountItems.has(String(row[col("Item")])) ? numberFormats.plain : numberFormats.text;
      if (c === col("Area")) return numberFormats.plain;
      if ([col("Item"), col("Product"), col("Option"), col("Label"), col("Facts")].includes(c)) return numberFormats.text;
      return "General";
    }),
  );
}

export async function writeScenario(scenario: Scenario, options: WriteOptions): Promise<WriteReport> {
  const rows = scenarioToInputs(scenario);
  if (rows.length > INPUT_ROWS) throw new TooManyRows(rows.length);
  const values = rows.map((row) => row.map((v) => (v === null || v === undefined ? "" : v)));
  const last = columnLetter(inputColumns.length - 1);
  const inputsAddress = `A1:${last}${rows.length}`;
  const years = scenario.horizon.to - scenario.horizon.from + 1;

  return Excel.run(async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items/name");
    const tables = workbook.tables;
    tables.load("items/name");
    await context.sync();

    const existing = worksheets.items.map((s) => s.name);
    const found = (name: string) => existing.find((e) => same(e, name));
    const notAgreed = ours.filter((name) => found(name) && !options.replace.some((r) => same(r, name)));
    if (notAgreed.length) throw new SheetsInTheWay(notAgreed.map((n) => found(n)!));

    // Replacing: the sheet stays (formulas elsewhere that point at it keep working); its
    // tables, charts and cells go.
    const replaced = ours.filter((name) => found(name)).map((name) => found(name)!);
    const cleared = replaced.map((name) => {
      const sheet = worksheets.getItem(name);
      sheet.tables.load("items/name");
      sheet.charts.load("items/name");
      return sheet;
    });
    if (cleared.length) await context.sync();
    const gone = new Set<string>();
    for (const sheet of cleared) {
      sheet.tables.items.forEach((t) => {
        gone.add(t.name);
        t.delete();
      });
      sheet.charts.items.forEach((c) => c.delete());
      sheet.getRange().clear("All");
    }
    const sheetFor = (name: string) => (found(name) ? worksheets.getItem(found(name)!) : worksheets.add(name));

    // Inputs: formats first, so that Excel keeps text as text, then the values, then the table.
    const inputs = sheetFor(sheets.inputs);
    const range = inputs.getRange(inputsAddress);
    range.numberFormat = inputFormats(rows);
    range.values = values;
    const table = inputs.tables.add(inputsAddress, true);
    // A table name is the workbook's: keep Excel's own if another sheet holds an "Inputs" table.
    if (!tables.items.some((t) => same(t.name, inputsTableName) && !gone.has(t.name))) table.name = inputsTableName;
    table.style = "TableStyleMedium2";
    inputs.getRange(`A:${last}`).format.autofitColumns();

    // Forecast: the live formula; amounts in yuan or 万元 over the largest table it can spill.
    const forecast = sheetFor(sheets.forecast);
    forecast.getRange("A1").formulas = [[forecastFormula]];
    const format = options.format === "wanYuan" ? numberFormats.wanYuanDisplay : numberFormats.yuan;
    forecast.getRange(forecastAmounts).numberFormat = Array.from({ length: forecastExtent.rows - 1 }, () => Array.from({ length: forecastExtent.columns - 1 }, () => format));
    forecast.getRange(forecastHeader).format.font.bold = true;
    forecast.getRange(`A:${columnLetter(forecastExtent.columns - 1)}`).format.columnWidth = 96;

    // The chart: ceiling and expected by year, from the spilled table's first columns.
    const chart = forecast.charts.add("ColumnClustered", forecast.getRange(`B1:C${years + 1}`), "Columns");
    chart.title.text = options.chartTitle;
    chart.setPosition(forecastChart.from, forecastChart.to);
    if (options.api17) {
      chart.axes.categoryAxis.setCategoryNames(forecast.getRange(`A2:A${years + 1}`));
      inputs.freezePanes.freezeRows(1);
      forecast.freezePanes.freezeRows(1);
    }
    forecast.activate();
    await context.sync();
    return { inputs: `${sheets.inputs}!${inputsAddress}`, forecast: `${sheets.forecast}!A1`, replaced };
  });
}
