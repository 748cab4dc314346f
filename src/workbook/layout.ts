import { engine, type Lang } from "../engine";
import { sheetRef, sheetSpec } from "./sheets";

/**
 * The shape of a forecast workbook, shared by the two writers: the CLI's template (ExcelJS) and
 * the task pane (Excel.run). Both write the same sheets and formulas, so a workbook from either
 * recalculates the same way.
 */
export const inputsTableName = "Inputs";

/**
 * The most rows an Inputs table may have, header included: both writers refuse a longer
 * scenario (FORECAST recalculates on every edit of Inputs, in Excel's shared runtime).
 */
export const MAX_INPUT_ROWS = 300;

/**
 * The live formula of the Forecast sheet's A1, spilling the year table. It reads the Inputs
 * table by name (`[#All]`: header and every row), so a row added to the table, below it or in
 * it, is read however long the table grows.
 */
export const forecastFormulaFor = (table: string): string => `=SUBSIDY.FORECAST(${table}[#All])`;
export const forecastFormula = forecastFormulaFor(inputsTableName);

/** Yuan and 万元 number formats; a dash for zero, as finance sheets show it. */
export const numberFormats = {
  yuan: '#,##0" 元";-#,##0" 元";"–"',
  wanYuan: '#,##0.00" 万元";-#,##0.00" 万元";"–"',
  plain: "#,##0",
  /**
   * 万元 by the number format alone, for cells that must keep yuan (the live forecast): Excel's
   * `!` puts a literal point before the last four digits, so 18000000 shows as 1800.0000 万元
   * and every yuan stays visible. (wanYuan above is for cells already divided by 10,000.)
   */
  wanYuanDisplay: '0!.0000" 万元";-0!.0000" 万元";"–"',
  /** Inputs cells whose text Excel must not turn into a number or a date (rates, issue dates, names). */
  text: "@",
} as const;

/** Column letter of a 0-based index: A…Z, then AA…ZZ (the view sheets' tables side by side reach past Z). */
export const columnLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnLetter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/**
 * The Forecast sheet as the task pane writes it. A1's spilled table is never larger than
 * `forecastExtent` (a horizon is at most 30 years, plus the header and total rows; six band
 * columns plus one per policy document), so formats laid on that block cover any scenario, and
 * the chart sits to its right, clear of the spill.
 */
export const forecastExtent = { rows: 30 + 2, columns: 6 + engine().catalog.documents.length } as const;
export const forecastAmounts = `B2:${columnLetter(forecastExtent.columns - 1)}${forecastExtent.rows}`;
export const forecastHeader = `A1:${columnLetter(forecastExtent.columns - 1)}1`;
export const forecastChart = { from: `${columnLetter(forecastExtent.columns + 1)}2`, to: `${columnLetter(forecastExtent.columns + 8)}20` } as const;

/**
 * The 万元 view: the spilled table with every amount divided by 10,000 (years, headers and the
 * total's label kept), itself a spill that follows A1#; the first column is told apart by
 * SEQUENCE rather than COLUMN(A1#), which spreadsheet engines other than Excel read as one number. It sits below the largest table the
 * forecast can spill, so a longer horizon never runs into it.
 */
export const wanView = { label: `A${forecastExtent.rows + 2}`, anchor: `A${forecastExtent.rows + 3}`, formula: "=IF(ISNUMBER(A1#)*(SEQUENCE(1,COLUMNS(A1#))>1),A1#/10000,A1#)" } as const;

/**
 * The chart's data as names over the spill (a series cannot name `A1#` itself): the years, the
 * ceiling and the expected column, header and total row left out, so the chart grows with A1#.
 */
export function chartNames(lang: Lang) {
  const forecast = sheetRef("forecast", lang);
  const spillColumn = (column: string) => `=OFFSET(${forecast}!$${column}$2,0,0,ROWS(${forecast}!$A$1#)-2,1)`;
  return {
    years: { name: "SubsidyYears", formula: spillColumn("A") },
    ceiling: { name: "SubsidyCeiling", formula: spillColumn("B") },
    expected: { name: "SubsidyExpected", formula: spillColumn("C") },
  } as const;
}

/**
 * The CFO's views (DESIGN rulings 15–17), a sheet each after Forecast: A1 is the live
 * =SUBSIDY.FORECAST over the same Inputs table with the view's English code (which the function
 * reads in either language), spilling the engine's accountsTable. The views that explain it sit
 * beside it, each one column clear of the widest table the one before can spill (`besideAt`):
 * deferred income beside profit and loss; the tax paid and net cash beside cash; the current tax,
 * the deferred tax asset and liability and the non-taxable funds' tax beside the expense (issue 19).
 * Sheet names in the workbook's language, from the registry (sheets.ts).
 */
export type ViewCode = "cash" | "pl" | "deferred" | "tax" | "aftertax" | "currentTax" | "deferredTaxAsset" | "deferredTaxLiability" | "nonDeductible" | "taxPaid" | "netCash";
export interface ViewSheet {
  readonly view: ViewCode;
  readonly names: Readonly<Record<Lang, string>>;
  /** Further views on the same sheet, the k-th anchored at `besideAt(k).anchor`. */
  readonly beside: readonly ViewCode[];
}
export const viewSheets: readonly ViewSheet[] = [
  { view: "cash", names: sheetSpec("cash").names, beside: ["taxPaid", "netCash"] },
  { view: "pl", names: sheetSpec("pl").names, beside: ["deferred"] },
  { view: "tax", names: sheetSpec("tax").names, beside: ["currentTax", "deferredTaxAsset", "deferredTaxLiability", "nonDeductible"] },
  { view: "aftertax", names: sheetSpec("aftertax").names, beside: [] },
];
export const viewFormulaFor = (table: string, view: ViewCode): string => `=SUBSIDY.FORECAST(${table}[#All],"${view}")`;
/** A flow's table has rows more than the Forecast's (what falls before and after the horizon, then the
 * total); its amounts from column B, and a beside table's from its second column. */
export const viewExtent = { rows: forecastExtent.rows + 2, columns: forecastExtent.columns } as const;
export const viewAmounts = `B2:${columnLetter(viewExtent.columns - 1)}${viewExtent.rows}`;
/** The k-th table beside A1's: its anchor, amounts and header, one column clear of the table before. */
export function besideAt(k: number): { readonly anchor: string; readonly amounts: string; readonly header: string } {
  const first = (k + 1) * (forecastExtent.columns + 1);
  return {
    anchor: `${columnLetter(first)}1`,
    amounts: `${columnLetter(first + 1)}2:${columnLetter(first + viewExtent.columns - 1)}${viewExtent.rows}`,
    header: `${columnLetter(first)}1:${columnLetter(first + forecastExtent.columns - 1)}1`,
  };
}
/** The first table beside A1's (deferred income beside profit and loss). */
export const besideAnchor = besideAt(0).anchor;
export const besideAmounts = besideAt(0).amounts;
export const besideHeader = besideAt(0).header;
