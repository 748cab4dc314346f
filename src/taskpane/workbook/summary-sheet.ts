import { Decimal, toNumber, type Lang } from "../engine";

/**
 * The scenario summary (方案摘要) as a sheet of plain values, as Excel's own Scenario Summary is:
 * the title, the date and the catalog version it was computed with, then the table. The sheet is
 * named for this add-in (Excel names its own 方案摘要 / Scenario Summary, which is never touched);
 * writing again replaces it, as the values sheet is.
 */
export const summarySheetNames: Readonly<Record<Lang, string>> = { "en-US": "Subsidy scenario summary", "zh-CN": "补贴方案摘要" };

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

export interface SummarySheet {
  readonly title: string;
  /** "Computed 2026-12-07, clause catalog 2026.12.1", then each pack in use: "Packs: … v2026.1 by …" (ScenarioSummary.tsx, summaryStamp). */
  readonly stamp: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | Decimal)[])[];
}

/** Writes the sheet (Excel.run) and returns its address: amounts as numbers in yuan with separators. */
export async function writeSummarySheet(s: SummarySheet, lang: Lang): Promise<string> {
  const width = s.header.length;
  const pad = (row: readonly (string | number)[]) => [...row, ...new Array<string>(width - row.length).fill("")];
  const values = [pad([s.title]), pad([s.stamp]), pad([]), [...s.header], ...s.rows.map((r) => r.map((c) => (c instanceof Decimal ? toNumber(c) : c)))];
  const formats = values.map((row, i) => row.map((_, j) => (i > 3 && j > 0 ? "#,##0.00" : "General")));
  const name = summarySheetNames[lang];
  const address = `A1:${letters(width - 1)}${values.length}`;
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const existing = worksheets.items.find((w) => w.name.toLowerCase() === name.toLowerCase());
    const sheet = existing ? worksheets.getItem(existing.name) : worksheets.add(name);
    if (existing) sheet.getRange().clear("All");
    const range = sheet.getRange(address);
    range.numberFormat = formats;
    range.values = values;
    sheet.getRange(`A4:${letters(width - 1)}4`).format.font.bold = true;
    await context.sync();
    return `${existing?.name ?? name}!${address}`;
  });
}
