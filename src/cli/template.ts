import ExcelJS from "exceljs";
import { accountedForecast, accountsTable, CATALOG_VERSION, certificateOption, engine, forecastTable, inputColumns, scenarioToInputs, toNumber, WAN, type Accounts, type Decimal, type InputCell, type Lang, type Scenario } from "../engine";
import { CellError, type CellResult } from "../functions/cells";
import { call } from "../functions/reports";
import { catalogRecord, catalogRecordXml } from "../workbook/catalog-record";
import { figuresLayout, figuresViews } from "../workbook/figures";
import { storedFormula } from "../workbook/formula";
import { besideAnchor, chartNames, columnLetter as column, forecastChart, forecastExtent, forecastFormula, inputsTableName, numberFormats, sheets, viewFormulaFor, viewSheets, wanView, type ViewCode } from "../workbook/layout";
import { completePackage, type AddinReference } from "../workbook/package";

export interface TemplateOptions {
  /** Where Excel finds the add-in; undefined: the file does not name it. */
  readonly addin?: AddinReference;
  /** The language of the values sheet. */
  readonly lang: Lang;
  /** The day the figures are computed (YYYY-MM-DD). */
  readonly computed: string;
}

const chartTitle: Record<Lang, string> = { "en-US": "Support by year: ceiling and expected (元)", "zh-CN": "各年度支持：上限与预期（元）" };

/** A formula cell as ExcelJS writes it: the stored form (src/workbook/formula.ts) and the cached result. */
const stored = (typed: string, result: ExcelJS.CellFormulaValue["result"]) => ({ formula: storedFormula(typed), result }) as ExcelJS.CellFormulaValue;

/** A spilling formula over `values` (its cached results), anchored at `anchor`; completePackage marks it dynamic. */
function spill(ws: ExcelJS.Worksheet, anchor: string, typed: string, values: unknown[][]): void {
  const [, letters, row] = /^([A-Z])(\d+)$/.exec(anchor)!;
  const ref = `${anchor}:${column(letters.charCodeAt(0) - 65 + values[0].length - 1)}${Number(row) + values.length - 1}`;
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
  wb.creator = "subsidy-forecast";
  wb.title = scenario.name;

  const inputs = wb.addWorksheet(sheets.inputs, { views: [{ state: "frozen", ySplit: 1 }] });
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
  const out = wb.addWorksheet(sheets.forecast, { views: [{ state: "frozen", ySplit: 1 }] });
  // Bands only for the views the workbook shows.
  const { forecast: f, accounts } = accountedForecast(scenario, {}, undefined, figuresViews);
  const table = forecastTable(f);
  const values = [table.header, ...table.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  const width = table.header.length;
  spill(out, "A1", forecastFormula, values);
  for (let c = 2; c <= forecastExtent.columns; c++) out.getColumn(c).numFmt = numberFormats.yuan;
  out.getRow(1).font = { bold: true };
  out.columns.forEach((c) => (c.width = 18));

  // 万元 view: the spilled table divided by 10,000, a spill over A1# below the largest forecast.
  // The cached 万元 figures are divided exactly, as the engine's amounts are; Excel redoes it.
  out.getCell(wanView.label).value = "万元 view (the table above ÷ 10,000)";
  out.getCell(wanView.label).font = { italic: true };
  const wan = values.map((row, r) => row.map((v, c) => (r === 0 || c === 0 ? v : toNumber((table.rows[r - 1][c] as Decimal).dividedBy(WAN)))));
  spill(out, wanView.anchor, wanView.formula, wan);
  const wanTop = Number(wanView.anchor.slice(1));
  for (let r = wanTop + 1; r <= wanTop + forecastExtent.rows; r++) for (let c = 2; c <= width; c++) out.getCell(r, c).numFmt = numberFormats.wanYuan;

  const views = addViewSheets(wb, accounts, options.lang);
  addEventsSheet(wb, scenario, rows);
  addFiguresSheet(wb, figuresLayout(f, accounts, options.lang, options.computed));

  const about = wb.addWorksheet(sheets.about);
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
  return completePackage(bytes, {
    chart: {
      sheet: sheets.forecast,
      title: chartTitle[options.lang],
      from: forecastChart.from,
      to: forecastChart.to,
      categories: name(chartNames.years),
      categoryCache: f.years.map((y) => y.year),
      series: [
        { label: table.header[1], labelRef: `${sheets.forecast}!$B$1`, values: name(chartNames.ceiling), cache: f.years.map((y) => toNumber(y.ceiling)) },
        { label: table.header[2], labelRef: `${sheets.forecast}!$C$1`, values: name(chartNames.expected), cache: f.years.map((y) => toNumber(y.expected)) },
      ],
    },
    dynamicArrays: [
      { sheet: sheets.forecast, cell: "A1" },
      { sheet: sheets.forecast, cell: wanView.anchor },
      ...views,
    ],
    addin: options.addin,
    customXml: [catalogRecordXml(catalogRecord(f, options.computed))],
  });
}

/**
 * A sheet per view (layout.ts viewSheets): the live FORECAST of that view over the Inputs table,
 * cached with the engine's table as the function returns it. Returns the anchors that spill.
 */
function addViewSheets(wb: ExcelJS.Workbook, accounts: Accounts, lang: Lang): { sheet: string; cell: string }[] {
  const anchors: { sheet: string; cell: string }[] = [];
  const cells = (view: ViewCode) => {
    const t = accountsTable(accounts, view);
    return [t.header, ...t.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  };
  for (const { view, names, beside } of viewSheets) {
    const ws = wb.addWorksheet(names[lang], { views: [{ state: "frozen", ySplit: 1 }] });
    const placed: [string, ViewCode][] = beside ? [["A1", view], [besideAnchor, beside]] : [["A1", view]];
    for (const [anchor, code] of placed) {
      spill(ws, anchor, viewFormulaFor(inputsTableName, code), cells(code));
      anchors.push({ sheet: ws.name, cell: anchor });
    }
    ws.columns.forEach((c) => (c.width = 18));
    for (let c = 1; c <= ws.columnCount; c++) if (c !== 1 && c !== forecastExtent.columns + 2) ws.getColumn(c).numFmt = numberFormats.yuan;
    ws.getRow(1).font = { bold: true };
  }
  return anchors;
}

/** The values sheet, from the layout the task pane writes too. */
function addFiguresSheet(wb: ExcelJS.Workbook, layout: ReturnType<typeof figuresLayout>): void {
  const ws = wb.addWorksheet(layout.sheet);
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
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 18 : 20));
}

/** Where a column of the Inputs table is, as a cell address on a row. */
const at = (name: (typeof inputColumns)[number], row: number) => `${sheets.inputs}!${column(inputColumns.indexOf(name))}${row}`;

/**
 * One row per event with the single-matter SUBSIDY function that prices it, reading the Inputs
 * cells, and its EXPLAIN beside it: the amount for that matter alone, before the portfolio's
 * annual caps and limits that FORECAST applies (ruling 9).
 */
function addEventsSheet(wb: ExcelJS.Workbook, scenario: Scenario, rows: InputCell[][]): void {
  const ws = wb.addWorksheet("Events");
  ws.addRow(["Item", "Year", "Product", "Per-matter amount (before annual caps)", "Explanation"]).font = { bold: true };
  const regionRow = rows.findIndex((r) => r[0] === "region") + 2;
  const region = `${sheets.inputs}!$${column(inputColumns.indexOf("Option"))}$${regionRow}`;
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
    const added = ws.addRow([
      value("Item"),
      value("Year"),
      value("Product") ?? "",
      stored(formula(name, refs), cached(call(name, args))),
      stored(formula("EXPLAIN", [`"${name}"`, ...refs]), cached(call("EXPLAIN", [name, ...args]))),
    ]);
    added.getCell(4).numFmt = numberFormats.yuan;
    added.getCell(5).alignment = { wrapText: false };
  });
  ws.getColumn(4).width = 34;
  ws.getColumn(5).width = 80;
}
