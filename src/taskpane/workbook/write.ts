import { accountedForecast, engine, inputColumns, itemCode, scenarioFromInputs, ScenarioError, scenarioToInputs, type InputCell, type Lang, type Scenario } from "../engine";
import { CATALOG_PART_NAMESPACE, catalogRecord, catalogRecordXml, compareCatalog, figuresIn, readCatalogRecord, type CatalogRecord, type FigureChange } from "../../workbook/catalog-record";
import type { SetAside } from "../../workbook/stored";
import { figuresLayout, figuresViews } from "../../workbook/figures";
import { subsidyCalls, typedFormula } from "../../workbook/formula";
import { forbiddenTexts, quotable } from "../../workbook/xml-text";
import {
  MAX_INPUT_ROWS,
  besideAt,
  columnLetter,
  forecastAmounts,
  forecastChart,
  forecastExtent,
  forecastFormulaFor,
  forecastHeader,
  inputsTableNames,
  numberFormats,
  viewAmounts,
  viewExtent,
  viewFormulaFor,
  viewSheets,
} from "../../workbook/layout";
import { pointerText, sheetName, sheetNames, sheetSpec, type SheetId } from "../../workbook/sheets";

/**
 * Writing a scenario into the workbook (Excel.run): an Inputs sheet holding the scenario as an
 * Excel table (the engine's scenarioToInputs rows), a Forecast sheet whose A1 is the live
 * =SUBSIDY.FORECAST formula over the whole table, formatted in yuan or 万元, with a chart, the
 * values sheet (Figures / 数值) for readers without the add-in, and the catalog record (a custom
 * XML part) a later catalog compares itself with. The same layout as the CLI's template
 * (src/workbook). Nothing of the person's is overwritten unasked: a sheet of one of these names
 * that exists is replaced only when the caller says the person agreed.
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
  /** ExcelApi 1.5 (custom XML parts: the catalog record). */
  readonly api15: boolean;
  /** ExcelApi 1.9 (page layout: fit to width, title rows, the page header pointing to the values sheet). */
  readonly api19: boolean;
  /** The pane's language: the values sheet's name and words. */
  readonly lang: Lang;
  /** Today (YYYY-MM-DD), the date the figures are computed. */
  readonly computed: string;
}

export interface WriteReport {
  readonly inputs: string;
  readonly forecast: string;
  readonly figures: string;
  readonly replaced: readonly string[];
  /** The registry's print setup: set, or not (no ExcelApi 1.9, or Excel refused it; the sheets are written either way). */
  readonly printSetup: boolean;
}

/** Sheets exist that the person has not agreed to replace: nothing was written. */
export class SheetsInTheWay extends Error {
  constructor(readonly names: readonly string[]) {
    super(`these sheets exist and were not replaced: ${names.join(", ")}`);
    this.name = "SheetsInTheWay";
  }
}

/** The Inputs table would have more rows than a workbook's FORECAST takes (layout.MAX_INPUT_ROWS); the CLI refuses it too. */
export class TooManyRows extends Error {
  constructor(readonly rows: number) {
    super(`the Inputs table would have ${rows} rows; a workbook takes ${MAX_INPUT_ROWS}`);
    this.name = "TooManyRows";
  }
}

/** A text of the scenario holds a character XML forbids (xml-text.ts); nothing was written. */
export class ForbiddenText extends Error {
  constructor(
    readonly text: string,
    readonly character: string,
  ) {
    super(`“${text}” contains ${character}, which a workbook cannot hold`);
    this.name = "ForbiddenText";
  }
}

/** The registry's sheets the pane writes, in the registry's order (sheets.ts); Events and About are the CLI template's. */
const written: readonly SheetId[] = ["inputs", "forecast", "cash", "pl", "tax", "aftertax", "figures"];
const oursIn = (lang: Lang) => written.map((id) => sheetName(id, lang));
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Which of the sheets a write would replace exist already (Excel's names, case-insensitive). */
export async function sheetsInTheWay(lang: Lang): Promise<string[]> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((s) => s.name).filter((name) => oursIn(lang).some((o) => same(o, name)));
  });
}

/** A table name of ours, in the pane's language, that no other table of the workbook holds: Inputs (输入表), else Inputs_2, Inputs_3… */
function freeTableName(taken: readonly string[], lang: Lang): string {
  const name = inputsTableNames[lang];
  const used = (n: string) => taken.some((t) => same(t, n));
  if (!used(name)) return name;
  let i = 2;
  while (used(`${name}_${i}`)) i++;
  return `${name}_${i}`;
}

/** Value cells that are amounts; the other items keep their text (rates, dates) as text. */
const amountItems = new Set(["revenue", "rd", "certificate", "fda breakthrough", "output", "vbp", "first set", "insurance", "facility", "draws", "seed"]);

/** Number formats of the Inputs cells: text where Excel would otherwise turn a name, a rate or a date into a number. */
export function inputFormats(rows: readonly (readonly InputCell[])[]): string[][] {
  const col = (name: (typeof inputColumns)[number]) => inputColumns.indexOf(name);
  return rows.map((row, r) =>
    row.map((_, c) => {
      if (r === 0) return numberFormats.text;
      if (c === col("Value")) return amountItems.has(itemCode(String(row[col("Item")]))) ? numberFormats.plain : numberFormats.text;
      if (c === col("Area")) return numberFormats.plain;
      if ([col("Item"), col("Product"), col("Option"), col("Label"), col("Facts")].includes(c)) return numberFormats.text;
      return "General";
    }),
  );
}

export async function writeScenario(scenario: Scenario, options: WriteOptions): Promise<WriteReport> {
  // The Inputs table in the pane's language, as the template in that language writes it (RULINGS §89): FORECAST reads either.
  const rows = scenarioToInputs(scenario, options.lang);
  if (rows.length > MAX_INPUT_ROWS) throw new TooManyRows(rows.length);
  const [bad] = forbiddenTexts(scenario);
  if (bad) throw new ForbiddenText(quotable(bad.text), bad.character);
  const ours = oursIn(options.lang);
  const computed = accountedForecast(scenario, {}, undefined, figuresViews);
  const f = computed.forecast;
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
    const catalogParts = options.api15 ? workbook.customXmlParts.getByNamespace(CATALOG_PART_NAMESPACE) : undefined;
    catalogParts?.load("items/id");
    await context.sync();
    const catalogXml = catalogParts?.items.map((p) => ({ p, xml: p.getXml() }));
    if (catalogXml?.length) await context.sync();

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
    // Added in the registry's order, so a new workbook's tabs are in it; each with its print setup.
    const pointer = pointerText(options.lang);
    const ws = Object.fromEntries(written.map((id) => [id, sheetFor(sheetName(id, options.lang))])) as Record<(typeof written)[number], Excel.Worksheet>;
    for (const id of written) {
      const at = sheetSpec(id).pointer;
      if (at) ws[id].getRange(at).values = [[pointer]];
    }

    // Inputs: formats first, so that Excel keeps text as text, then the values, then the table.
    const inputs = ws.inputs;
    const range = inputs.getRange(inputsAddress);
    range.numberFormat = inputFormats(rows);
    range.values = values;
    const table = inputs.tables.add(inputsAddress, true);
    // A table name is the workbook's: another sheet may hold an "Inputs" table already.
    const tableName = freeTableName(tables.items.map((t) => t.name).filter((n) => !gone.has(n)), options.lang);
    table.name = tableName;
    table.style = "TableStyleMedium2";
    inputs.getRange(`A:${last}`).format.autofitColumns();

    // Forecast: the live formula; amounts in yuan or 万元 over the largest table it can spill.
    const forecast = ws.forecast;
    forecast.getRange("A1").formulas = [[forecastFormulaFor(tableName)]];
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
    // A sheet per view (cash, profit and loss, tax, after tax), the views that explain it beside it.
    const amounts = () => Array.from({ length: viewExtent.rows - 1 }, () => Array.from({ length: viewExtent.columns - 1 }, () => format));
    for (const { view, beside } of viewSheets) {
      const sheet = ws[view as (typeof written)[number]];
      sheet.getRange("A1").formulas = [[viewFormulaFor(tableName, view)]];
      sheet.getRange(viewAmounts).numberFormat = amounts();
      sheet.getRange(forecastHeader).format.font.bold = true;
      beside.forEach((code, k) => {
        const at = besideAt(k);
        sheet.getRange(at.anchor).formulas = [[viewFormulaFor(tableName, code)]];
        sheet.getRange(at.amounts).numberFormat = amounts();
        sheet.getRange(at.header).format.font.bold = true;
      });
      if (options.api17) sheet.freezePanes.freezeRows(1);
    }
    const figures = writeFigures(ws.figures, computed, options);
    // One catalog record per workbook: the earlier ones go, this one comes. A record this
    // version cannot read (a newer one, a damaged one) is kept as it is.
    if (catalogXml) {
      // getXml() gives a ClientResult, read after the sync above.
      catalogXml.filter(({ xml }) => readCatalogRecord(xml.value).ok).forEach(({ p }) => p.delete());
      workbook.customXmlParts.add(catalogRecordXml(catalogRecord(f, options.computed)));
    }
    forecast.activate();
    await context.sync();
    const address = (id: SheetId, cells: string) => `${sheetName(id, options.lang)}!${cells}`;
    const printSetup = options.api19 && (await setPrinting(context, written.map((id) => [id, ws[id]]), pointer));
    return { inputs: address("inputs", inputsAddress), forecast: address("forecast", "A1"), figures, replaced, printSetup };
  });
}

/**
 * Each sheet's print setup from the registry (ExcelApi 1.9), in a batch of its own after the
 * sheets are written, so that an Excel refusing one setting loses the print setup only: fitted to
 * the page's width, as many pages tall as needed (verticalFitToPages 0, the file's fitToHeight
 * "0"), the title rows repeated, and on Inputs and live sheets the line pointing to the values
 * sheet as the page header. Whether it was set.
 */
async function setPrinting(context: Excel.RequestContext, sheets: readonly (readonly [SheetId, Excel.Worksheet])[], pointer: string): Promise<boolean> {
  for (const [id, sheet] of sheets) {
    const { print, kind } = sheetSpec(id);
    const page = sheet.pageLayout;
    page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (print.titleRows) page.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
    // "&" starts a header code in Excel; "&&" is a literal one.
    if (kind === "inputs" || kind === "live") page.headersFooters.defaultForAllPages.centerHeader = pointer.replace(/&/g, "&&");
  }
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** The values sheet's cells, formats before values so that text stays text. Returns its address. */
function writeFigures(sheet: Excel.Worksheet, computed: ReturnType<typeof accountedForecast>, options: { lang: Lang; computed: string }): string {
  const layout = figuresLayout(computed.forecast, computed.accounts, options.lang, options.computed);
  const address = `A1:${columnLetter(layout.rows[0].length - 1)}${layout.rows.length}`;
  const range = sheet.getRange(address);
  range.numberFormat = layout.formats.map((r) => [...r]);
  range.values = layout.rows.map((r) => [...r]);
  for (const row of [layout.tableRow, layout.wanRow]) sheet.getRange(`A${row + 1}:${columnLetter(layout.rows[0].length - 1)}${row + 1}`).format.font.bold = true;
  return `${layout.sheet}!${address}`;
}


/** The catalog a workbook recorded, and what differs in the catalog in hand; or why the record was set aside. */
export type CatalogCheck =
  | {
      readonly stored: CatalogRecord;
      readonly current: string;
      readonly changes: readonly FigureChange[];
      /** Figures of the record this version could not read (a kind it does not know, a value that is not a number), left out. */
      readonly skipped: number;
    }
  | { readonly aside: SetAside };

/**
 * The catalog record a workbook carries (from this pane or `subsidy template`) compared with the
 * catalog in hand; undefined when the workbook has none. A record that cannot be read is set
 * aside: said, and left in the workbook as it is. ExcelApi 1.5.
 */
export async function checkStoredCatalog(): Promise<CatalogCheck | undefined> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(CATALOG_PART_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const xml = parts.items.map((p) => p.getXml());
    await context.sync();
    // getXml() gives a ClientResult, which has no load(): its value is read after the sync.
    const reads = xml.map((x) => readCatalogRecord(x.value));
    // The last record this version reads; a record set aside is said only when there is none.
    const read = reads.filter((r) => r.ok).pop() ?? reads.pop();
    if (!read) return undefined;
    if (!read.ok) return { aside: read.aside };
    const { catalog } = engine();
    return { stored: read.value, current: catalog.version, changes: compareCatalog(read.value, figuresIn(catalog)), skipped: read.skipped ?? 0 };
  });
}

export interface ReenterReport {
  /** Cells whose SUBSIDY formula was entered again, as "Sheet!A1". */
  readonly cells: readonly string[];
}

/**
 * Enter every SUBSIDY formula of the workbook again, as typed: Microsoft's remedy for formulas
 * that opened unbound to the add-in (a formula saved in another form, or while the add-in was
 * not loaded, stays #NAME? until re-entered; OfficeDev/Excel-Custom-Functions#108,
 * office-js#6611). A formula still shown in its stored form (_xldudf_SUBSIDY_…) is entered in
 * the typed form. Only the formula cells are written, so spills are not blocked.
 */
export async function reenterFormulas(): Promise<ReenterReport> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const used = worksheets.items.map((sheet) => {
      const range = sheet.getUsedRangeOrNullObject();
      range.load("formulas,rowIndex,columnIndex");
      return { sheet, range };
    });
    await context.sync();
    const cells: string[] = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      range.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (typeof formula !== "string" || !formula.startsWith("=") || subsidyCalls(formula).length === 0) return;
          const address = `${columnLetter(range.columnIndex + c)}${range.rowIndex + r + 1}`;
          sheet.getRange(address).formulas = [[typedFormula(formula)]];
          cells.push(`${sheet.name}!${address}`);
        }),
      );
    }
    await context.sync();
    return { cells };
  });
}

/**
 * There is no Inputs sheet to compute the values sheet from, it is empty, or it does not read as
 * a scenario: the sheet's name, or the scenario's problems, for the pane to say in its words.
 */
export class NoInputs extends Error {
  constructor(readonly why: { readonly kind: "missing" | "empty"; readonly sheet: string } | { readonly kind: "unreadable"; readonly detail: string }) {
    super(why.kind === "unreadable" ? why.detail : `${why.sheet}: ${why.kind}`);
    this.name = "NoInputs";
  }
}

/**
 * Write the values sheet again from the workbook's own Inputs sheet (after a re-entry, or when
 * asked): the sheet is ours, so no confirmation. Returns its address.
 */
export async function refreshFigures(options: { lang: Lang; computed: string }): Promise<string> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const named = (name: string) => worksheets.items.find((s) => same(s.name, name));
    // The Inputs sheet under its name in either language.
    const inputsSheet = sheetNames("inputs").map(named).find((s) => s !== undefined);
    if (!inputsSheet) throw new NoInputs({ kind: "missing", sheet: sheetName("inputs", options.lang) });
    const used = worksheets.getItem(inputsSheet.name).getUsedRangeOrNullObject();
    used.load("values");
    await context.sync();
    if (used.isNullObject) throw new NoInputs({ kind: "empty", sheet: inputsSheet.name });
    let scenario: Scenario;
    try {
      scenario = scenarioFromInputs(used.values as InputCell[][]);
    } catch (e) {
      throw new NoInputs({ kind: "unreadable", detail: e instanceof ScenarioError ? e.problems.join("; ") : String(e) });
    }
    const existing = sheetNames("figures").map(named).find((s) => s !== undefined);
    const sheet = existing ? worksheets.getItem(existing.name) : worksheets.add(sheetName("figures", options.lang));
    if (existing) sheet.getRange().clear("All");
    const address = writeFigures(sheet, accountedForecast(scenario, {}, undefined, figuresViews), options);
    await context.sync();
    return existing ? address.replace(/^[^!]+/, existing.name) : address;
  });
}
