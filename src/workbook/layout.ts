import { inputColumns } from "../engine";

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
} as const;

/** Column letter of a 0-based index (A…Z is enough for these sheets). */
export const columnLetter = (i: number): string => String.fromCharCode(65 + i);
