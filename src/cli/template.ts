import ExcelJS from "exceljs";
import { CATALOG_VERSION, certificateOption, engine, forecast, forecastTable, inputColumns, scenarioToInputs, toNumber, WAN, type Decimal, type InputCell, type Scenario } from "../engine";
import { CellError, type CellResult } from "../functions/cells";
import { call } from "../functions/subsidy";
import { columnLetter as column, forecastFormula, inputsTableName, numberFormats, sheets } from "../workbook/layout";

/**
 * A workbook a consultant can share: the Inputs table, the SUBSIDY formulas that compute from it
 * (with the engine's values cached, so it reads right before the add-in loads), a 万元 view, and
 * the catalog version and policy documents it rests on.
 */
export async function buildTemplate(scenario: Scenario): Promise<ExcelJS.Workbook> {
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

  // The year table: one array formula over the Inputs range, cached with the engine's values.
  const out = wb.addWorksheet(sheets.forecast, { views: [{ state: "frozen", ySplit: 1 }] });
  const f = forecast(scenario);
  const table = forecastTable(f);
  const values = [table.header, ...table.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
  const width = table.header.length;
  const ref = `A1:${column(width - 1)}${values.length}`;
  // A legacy array formula over the table's extent: Excel fills it from the add-in, and the
  // cached results are the engine's values. (ExcelJS types omit fillFormula's shareType.)
  (out.fillFormula as (range: string, formula: string, results: unknown, shareType: "array") => void)(ref, forecastFormula.slice(1), values, "array");
  for (let c = 2; c <= width; c++) out.getColumn(c).numFmt = numberFormats.yuan;
  out.getRow(1).font = { bold: true };
  out.columns.forEach((c) => (c.width = 18));

  // 万元 view: the same table divided by 10,000, by formula so it follows the forecast.
  const wanTop = values.length + 3;
  out.getCell(wanTop - 1, 1).value = "万元 view (the table above ÷ 10,000)";
  out.getCell(wanTop - 1, 1).font = { italic: true };
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < width; c++) {
      const source = `${column(c)}${r + 1}`;
      const target = out.getCell(wanTop + r, c + 1);
      if (r === 0 || c === 0) target.value = { formula: source, result: values[r][c] } as ExcelJS.CellFormulaValue;
      else {
        // The cached 万元 figure is divided exactly, as the engine's amounts are; Excel redoes it.
        const amount = table.rows[r - 1][c] as Decimal;
        target.value = { formula: `${source}/10000`, result: toNumber(amount.dividedBy(WAN)) } as ExcelJS.CellFormulaValue;
        target.numFmt = numberFormats.wanYuan;
      }
    }
  }

  addEventsSheet(wb, scenario, rows);

  const about = wb.addWorksheet(sheets.about);
  const { catalog } = engine();
  about.addRows([
    ["Subsidy forecast template"],
    ["Scenario", scenario.name],
    ["Catalog version", CATALOG_VERSION],
    ["Method", f.method.kind === "exact" ? `exact over ${f.method.worlds} combinations` : `Monte Carlo, ${f.method.draws} draws, seed ${f.method.seed}`],
    ["Needs", "the SUBSIDY add-in (manifest.xml) to recalculate; cached values show the engine's figures as written"],
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
  return wb;
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
      clinical: ["CLINICAL", [at("Class", row), at("Option", row), region], [value("Class"), option, scenario.enterprise.region]],
    };
    const entry = priced[String(value("Item"))];
    if (!entry) return;
    const [name, refs, args] = entry;
    const formula = (fn: string, list: string[]) => `SUBSIDY.${fn}(${list.join(",")})`;
    const cached = (v: CellResult) => (v instanceof CellError ? { error: v.code } : v) as ExcelJS.CellFormulaValue["result"];
    const added = ws.addRow([
      value("Item"),
      value("Year"),
      value("Product") ?? "",
      { formula: formula(name, refs), result: cached(call(name, args)) },
      { formula: formula("EXPLAIN", [`"${name}"`, ...refs]), result: cached(call("EXPLAIN", [name, ...args])) },
    ]);
    added.getCell(4).numFmt = numberFormats.yuan;
    added.getCell(5).alignment = { wrapText: false };
  });
  ws.getColumn(4).width = 34;
  ws.getColumn(5).width = 80;
}
