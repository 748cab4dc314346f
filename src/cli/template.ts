import ExcelJS from "exceljs";
import { accountedForecast, accountsTable, CATALOG_VERSION, certificateOption, engine, forecastTable, inputColumns, readerTable, scenarioToInputs, toNumber, WAN, type Accounts, type Decimal, type InputCell, type Lang, type Scenario } from "../engine";
import { CellError, type CellResult } from "../functions/cells";
import { call } from "../functions/reports";
import { catalogRecord, catalogRecordXml } from "../workbook/catalog-record";
import { figuresLayout, figuresViews } from "../workbook/figures";
import { storedFormula } from "../workbook/formula";
import { besideAt, chartNames, columnLetter as column, forecastChart, forecastExtent, forecastFormula, inputsTableName, numberFormats, viewFormulaFor, viewSheets, wanView, type ViewCode } from "../workbook/layout";
import { completePackage, type AddinReference } from "../workbook/package";
import { opensOn, pointerText, sheetRef, sheetRegistry, sheetSpec, type SheetId } from "../workbook/sheets";
import { PRODUCT, PRODUCT_VERSION } from "./version";

export interface TemplateOptions {
  /** Where Excel finds the add-in; undefined: the file does not name it. */
  readonly addin?: AddinReference;
  /** The language of the values sheet. */
  readonly lang: Lang;
  /** The day the figures are computed (YYYY-MM-DD). */
  readonly computed: string;
}

const chartTitle: Record<Lang, string> = { "en-US": "Support by year: ceiling and expected (元)", "zh-CN": "各年度支持：上限与预期（元）" };
const wanLabel: Record<Lang, string> = { "en-US": "万元 view (the table above ÷ 10,000)", "zh-CN": "万元视图（上表 ÷ 10,000）" };

/** A spilling formula over `values` (its cached results), anchored at `anchor`; completePackage marks it dynamic. */
function spill(ws: ExcelJS.Worksheet, anchor: string, typed: string, values: unknown[][]): void {
  if (values.length === 1 && values[0].length === 1) {
    // One cell: ref is the cell itself, as Excel writes it (ref="D2").
    ws.getCell(anchor).value = { formula: storedFormula(typed), result: values[0][0], shareType: "array", ref: anchor } as unknown as ExcelJS.CellFormulaValue;
    return;
  }
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(anchor)!;
  // The anchor's 0-based column from its letters (A = 0, Z = 25, AA = 26).
  const at = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const ref = `${anchor}:${column(at + values[0].length - 1)}${Number(row) + values.length - 1}`;
  // ExcelJS types omit fillFormula's shareType.
  (ws.fillFormula as (range: string, formula: string, results: unknown, shareType: "array") => void)(ref, storedFormula(typed), values, "array");
}

/**
 * A workbook a consultant can share (a complete .xlsx package): the Inputs table, the SUBSIDY
 * formulas that compute from it in the form Excel stores them (with the engine's values cached,
 * so it reads right before the add-in loads), a 万元 view, a values sheet for readers without
 * the add-in, the catalog version and the figures of the clauses it used, and the add-in's
 * reference so Excel offers it.
 */
export async function buildTemplate(scenario: Scenario, options: TemplateOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCT;
  wb.lastModifiedBy = PRODUCT;
  wb.title = scenario.name;
  const { lang } = options;

  // Every sheet, in the registry's order and language, opening on the values sheet.
  const ws = addSheets(wb, lang);
  const inputs = ws.inputs;
  const [header, ...rows] = scenarioToInputs(scenario);
  inputs.addTable({
    name: inputsTableName,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: (header as string[]).map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) => r.map((v: InputCell) => v ?? null)),
  });
  inputs.getColumn(4).numFmt = numberFormats.plain;
  inputs.columns.forEach((c, i) => (c.width = [22, 8, 14, 16, 7, 22, 10, 12, 12, 36, 48][i] ?? 12));

  // The year table: one dynamic array over the Inputs table, cached with the engine's values.
  const out = ws.forecast;
  // Bands only for the views the workbook shows.
  const { forecast: f, accounts } = accountedForecast(scenario, {}, undefined, figuresViews);
  // Cached as FORECAST spills it in an Excel of the template's language.
  const table = readerTable(forecastTable(f), options.lang, engine().catalog.documents);
  const values = [table.header, ...table.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  const width = table.header.length;
  spill(out, "A1", forecastFormula, values);
  for (let c = 2; c <= forecastExtent.columns; c++) out.getColumn(c).numFmt = numberFormats.yuan;
  out.getRow(1).font = { bold: true };
  out.columns.forEach((c) => (c.width = 18));

  // 万元 view: the spilled table divided by 10,000, a spill over A1# below the largest forecast.
  // The cached 万元 figures are divided exactly, as the engine's amounts are; Excel redoes it.
  out.getCell(wanView.label).value = wanLabel[lang];
  out.getCell(wanView.label).font = { italic: true };
  const wan = values.map((row, r) => row.map((v, c) => (r === 0 || c === 0 ? v : toNumber((table.rows[r - 1][c] as Decimal).dividedBy(WAN)))));
  spill(out, wanView.anchor, wanView.formula, wan);
  const wanTop = Number(wanView.anchor.slice(1));
  for (let r = wanTop + 1; r <= wanTop + forecastExtent.rows; r++) for (let c = 2; c <= width; c++) out.getCell(r, c).numFmt = numberFormats.wanYuan;

  const views = fillViewSheets(ws, accounts, options.lang);
  const events = fillEventsSheet(ws.events, scenario, rows, lang);
  fillFiguresSheet(ws.figures, figuresLayout(f, accounts, lang, options.computed));

  const about = ws.about;
  const { catalog } = engine();
  about.addRows([
    ["Subsidy forecast template"],
    ["Scenario", scenario.name],
    ["Catalog version", CATALOG_VERSION],
    ["Method", f.method.kind === "exact" ? `exact over ${f.method.worlds} combinations` : `Monte Carlo, ${f.method.draws} draws, seed ${f.method.seed}`],
    ["Needs", "the SUBSIDY add-in (manifest.xml) to recalculate; cached values show the engine's figures as written, and the Figures sheet holds them as plain values"],
    [],
    ["Policy document", "Jurisdiction", "Level", "Status", "Number", "Validity", "Source file"],
    ...catalog.documents.map((d) => [
      d.title,
      d.jurisdiction,
      d.level,
      d.status === "draft" ? "draft for comment (征求意见稿)" : "in force",
      d.docNumber ?? "",
      d.validTo ? `${d.validFrom ?? d.issued ?? "…"} to ${d.validTo}` : d.validityYears ? `${d.validityYears} years from issue (date not in the text)` : "no dates given",
      d.file,
    ]),
  ]);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getRow(7).font = { bold: true };
  about.getColumn(1).width = 70;

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const name = (n: { name: string; formula: string }) => ({ name: n.name, formula: storedFormula(n.formula) });
  const names = chartNames(lang);
  const forecastRef = sheetRef("forecast", lang);
  return completePackage(bytes, {
    chart: {
      sheet: out.name,
      title: chartTitle[lang],
      from: forecastChart.from,
      to: forecastChart.to,
      categories: name(names.years),
      categoryCache: f.years.map((y) => y.year),
      series: [
        { label: table.header[1], labelRef: `${forecastRef}!$B$1`, values: name(names.ceiling), cache: f.years.map((y) => toNumber(y.ceiling)) },
        { label: table.header[2], labelRef: `${forecastRef}!$C$1`, values: name(names.expected), cache: f.years.map((y) => toNumber(y.expected)) },
      ],
    },
    dynamicArrays: [
      { sheet: out.name, cell: "A1" },
      { sheet: out.name, cell: wanView.anchor },
      ...views,
      ...events,
    ],
    addin: options.addin,
    application: { name: PRODUCT, version: PRODUCT_VERSION },
    customXml: [catalogRecordXml(catalogRecord(f, options.computed))],
  });
}

/**
 * A sheet per view (layout.ts viewSheets): the live FORECAST of that view over the Inputs table,
 * cached with the engine's table as the function returns it. Returns the anchors that spill.
 */
function fillViewSheets(sheets: Record<SheetId, ExcelJS.Worksheet>, accounts: Accounts, lang: Lang): { sheet: string; cell: string }[] {
  const anchors: { sheet: string; cell: string }[] = [];
  const cells = (view: ViewCode) => {
    const t = readerTable(accountsTable(accounts, view, lang), lang, engine().catalog.documents);
    return [t.header, ...t.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  };
  for (const { view, beside } of viewSheets) {
    const ws = sheets[view as SheetId];
    const placed: [string, ViewCode][] = [["A1", view], ...beside.map((code, k): [string, ViewCode] => [besideAt(k).anchor, code])];
    // Each table's first column holds years and labels (1-based columns); the rest are yuan.
    const yearColumns = new Set(placed.map((_, k) => k * (forecastExtent.columns + 1) + 1));
    for (const [anchor, code] of placed) {
      spill(ws, anchor, viewFormulaFor(inputsTableName, code), cells(code));
      anchors.push({ sheet: ws.name, cell: anchor });
    }
    ws.columns.forEach((c) => (c.width = 18));
    for (let c = 1; c <= ws.columnCount; c++) if (!yearColumns.has(c)) ws.getColumn(c).numFmt = numberFormats.yuan;
    ws.getRow(1).font = { bold: true };
  }
  return anchors;
}

/**
 * Every sheet of the registry, in its order, named in the workbook's language, with its print
 * setup: fit to the page's width (as many pages tall as needed), its title rows repeated, and on
 * every sheet but the values sheet and About a page header pointing to the values sheet. A live
 * sheet carries the same words in a cell. The workbook opens on `opensOn`.
 */
function addSheets(wb: ExcelJS.Workbook, lang: Lang): Record<SheetId, ExcelJS.Worksheet> {
  const pointer = pointerText(lang);
  const header = `&C${pointer.replace(/&/g, "&&")}`;
  const out = {} as Record<SheetId, ExcelJS.Worksheet>;
  for (const spec of sheetRegistry) {
    const selected = spec.id === opensOn;
    const frozen = spec.kind === "inputs" || spec.kind === "live";
    // ExcelJS writes a view's tabSelected, which its types leave out.
    const view = { state: frozen ? "frozen" : "normal", ...(frozen ? { ySplit: 1 } : {}), tabSelected: selected } as Partial<ExcelJS.WorksheetView>;
    const ws = wb.addWorksheet(spec.names[lang], {
      views: [view],
      pageSetup: { orientation: spec.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(spec.print.titleRows ? { printTitlesRow: spec.print.titleRows } : {}) },
      headerFooter: spec.kind === "inputs" || spec.kind === "live" ? { oddHeader: header } : {},
    });
    if (spec.pointer) {
      ws.getCell(spec.pointer).value = pointer;
      ws.getCell(spec.pointer).font = { italic: true };
    }
    out[spec.id] = ws;
  }
  wb.views = [{ x: 0, y: 0, width: 28800, height: 17600, firstSheet: 0, activeTab: sheetRegistry.findIndex((s) => s.id === opensOn), visibility: "visible" }];
  return out;
}

/** The values sheet, from the layout the task pane writes too. */
function fillFiguresSheet(ws: ExcelJS.Worksheet, layout: ReturnType<typeof figuresLayout>): void {
  layout.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      cell.numFmt = layout.formats[r][c];
    }),
  );
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(layout.tableRow + 1).font = { bold: true };
  ws.getRow(layout.wanRow + 1).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 18 : 20));
}

const eventsHeader: Record<Lang, string[]> = {
  "en-US": ["Item", "Year", "Product", "Per-matter amount (before annual caps)", "Explanation"],
  "zh-CN": ["事项", "年份", "产品", "单项金额（年度上限前）", "说明"],
};

/**
 * One row per event with the single-matter SUBSIDY function that prices it, reading the Inputs
 * cells, and its EXPLAIN beside it: the amount for that matter alone, before the portfolio's
 * annual caps and limits that FORECAST applies (ruling 9).
 */
function fillEventsSheet(ws: ExcelJS.Worksheet, scenario: Scenario, rows: InputCell[][], lang: Lang): { sheet: string; cell: string }[] {
  eventsHeader[lang].forEach((h, c) => (ws.getCell(1, c + 1).value = h));
  ws.getRow(1).font = { bold: true };
  ws.getCell(sheetSpec("events").pointer!).font = { bold: false, italic: true };
  const inputsRef = sheetRef("inputs", lang);
  /** Where a column of the Inputs table is, as a cell address on a row. */
  const at = (name: (typeof inputColumns)[number], row: number) => `${inputsRef}!${column(inputColumns.indexOf(name))}${row}`;
  const regionRow = rows.findIndex((r) => r[0] === "region") + 2;
  const region = `${inputsRef}!$${column(inputColumns.indexOf("Option"))}$${regionRow}`;
  const anchors: { sheet: string; cell: string }[] = [];
  let line = 1;
  rows.forEach((r, i) => {
    const row = i + 2;
    const value = (name: (typeof inputColumns)[number]) => r[inputColumns.indexOf(name)];
    const option = String(value("Option") ?? "");
    const priced: Record<string, [string, string[], unknown[]] | undefined> = {
      certificate: [
        "REGISTRATION",
        [at("Class", row), at("Value", row), region, `TRIM(LEFT(${at("Option", row)},FIND(",",${at("Option", row)}&",")-1))`, at("Year", row)],
        [value("Class"), value("Value"), scenario.enterprise.region, certificateOption(option).pathway, value("Year")],
      ],
      vbp: ["VBP", [at("Value", row), region], [value("Value"), scenario.enterprise.region]],
      "first set": ["FIRSTSET", [at("Value", row), region], [value("Value"), scenario.enterprise.region]],
      insurance: ["INSURANCE", [at("Value", row), region], [value("Value"), scenario.enterprise.region]],
      facility: ["FACILITY", [at("Value", row), at("Area", row), region], [value("Value"), value("Area"), scenario.enterprise.region]],
      clinical: ["CLINICAL", [at("Class", row), at("Option", row), region], [value("Class"), value("Option"), scenario.enterprise.region]],
    };
    const entry = priced[String(value("Item"))];
    if (!entry) return;
    const [name, refs, args] = entry;
    const formula = (fn: string, list: string[]) => `=SUBSIDY.${fn}(${list.join(",")})`;
    const cached = (v: CellResult) => (v instanceof CellError ? { error: v.code } : v) as ExcelJS.CellFormulaValue["result"];
    line++;
    [value("Item"), value("Year"), value("Product") ?? ""].forEach((v, c) => (ws.getCell(line, c + 1).value = v as ExcelJS.CellValue));
    // Each formula a one-cell dynamic array, as Excel 365 stores a custom function's cell (completePackage adds cm="1").
    spill(ws, `D${line}`, formula(name, refs), [[cached(call(name, args))]]);
    spill(ws, `E${line}`, formula("EXPLAIN", [`"${name}"`, ...refs]), [[cached(call("EXPLAIN", [name, ...args]))]]);
    anchors.push({ sheet: ws.name, cell: `D${line}` }, { sheet: ws.name, cell: `E${line}` });
    ws.getCell(line, 4).numFmt = numberFormats.yuan;
    ws.getCell(line, 5).alignment = { wrapText: false };
  });
  ws.getColumn(4).width = 34;
  ws.getColumn(5).width = 80;
  return anchors;
}
