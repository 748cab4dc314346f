import { catalogFiles, inputColumns } from "../engine";

/**
 * The shape of a forecast workbook, shared by the two writers: the CLI's template (ExcelJS) and
 * the task pane (Excel.run). Both write the same sheets and formulas, so a workbook from either
 * recalculates the same way.
 */
export const sheets = { inputs: "Inputs", forecast: "Forecast", about: "About" } as const;
export const inputsTableName = "Inputs";

/** Rows FORECAST reads, so that rows a consultant adds below the Inputs table still count. */
export const INPUT_ROWS = 300;

const lastColumn = String.fromCharCode(64 + inputColumns.length);
export const inputsRange = `${sheets.inputs}!$A$1:$${lastColumn}$${INPUT_ROWS}`;

/** The live formula of the Forecast sheet's A1, spilling the year table. */
export const forecastFormula = `=SUBSIDY.FORECAST(${inputsRange})`;

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

/** Column letter of a 0-based index (A…Z is enough for these sheets). */
export const columnLetter = (i: number): string => String.fromCharCode(65 + i);

/**
 * The Forecast sheet as the task pane writes it. A1's spilled table is never larger than
 * `forecastExtent` (a horizon is at most 30 years, plus the header and total rows; six band
 * columns plus one per policy document), so formats laid on that block cover any scenario, and
 * the chart sits to its right, clear of the spill.
 */
export const forecastExtent = { rows: 30 + 2, columns: 6 + catalogFiles.length } as const;
export const forecastAmounts = `B2:${columnLetter(forecastExtent.columns - 1)}${forecastExtent.rows}`;
export const forecastHeader = `A1:${columnLetter(forecastExtent.columns - 1)}1`;
export const forecastChart = { from: `${columnLetter(forecastExtent.columns + 1)}2`, to: `${columnLetter(forecastExtent.columns + 8)}20` } as const;
