import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { Parser } from "xml2js";
import { typedFormula } from "../../src/workbook/formula";
import { forbiddenCharacter } from "../../src/workbook/xml-text";

/**
 * A template as its readers see it: the package's parts (unzipped), the workbook as ExcelJS
 * reads it, and its sheets as HyperFormula takes them, with every formula turned from the form
 * Excel stores back into the typed form by the same mapping the writers use
 * (src/workbook/formula.ts). HyperFormula knows neither table references nor spill references,
 * so the reader writes them as the blocks they stand for in this file: `Inputs[#All]` as the
 * table's range, `A1#` as the anchor's array range.
 */
export interface Template {
  readonly parts: Readonly<Record<string, string>>;
  readonly workbook: ExcelJS.Workbook;
  readonly hfSheets: (edit?: { tableRows?: number }) => Record<string, unknown[][]>;
}

/** Every part that is XML: well-formed (a strict parser) and free of characters XML forbids. */
export async function malformedParts(parts: Readonly<Record<string, string>>): Promise<string[]> {
  const bad: string[] = [];
  for (const [name, xml] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const character = forbiddenCharacter(xml);
    if (character) {
      bad.push(`${name}: ${character}`);
      continue;
    }
    await new Parser({ strict: true }).parseStringPromise(xml).catch((e: Error) => bad.push(`${name}: ${e.message.split("\n")[0]}`));
  }
  return bad;
}

export async function readTemplate(path: string): Promise<Template> {
  const bytes = readFileSync(path);
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts[name] = await zip.files[name].async("string");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const tables = new Map<string, { sheet: string; ref: string }>();
  workbook.worksheets.forEach((ws) => {
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables ?? {})) tables.set(t.table.name, { sheet: ws.name, ref: t.table.tableRef });
  });
  const hfSheets = (edit: { tableRows?: number } = {}) => Object.fromEntries(workbook.worksheets.map((w) => [w.name, sheetData(w, tables, edit)]));
  return { parts, workbook, hfSheets };
}

function sheetData(ws: ExcelJS.Worksheet, tables: Map<string, { sheet: string; ref: string }>, edit: { tableRows?: number }): unknown[][] {
  const data: unknown[][] = [];
  const spill = new Set<string>();
  const arrays = new Map<string, string>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value as { shareType?: string; ref?: string } | null;
      if (v && typeof v === "object" && v.shareType === "array" && v.ref) arrays.set(cell.address, v.ref);
    }),
  );
  const blocks = (formula: string) =>
    formula
      // A table's name in either language (Inputs, 输入表).
      .replace(/(?<![\p{L}\p{N}_.])([\p{L}_][\p{L}\p{N}_.]*)\[#All\]/gu, (whole, name: string) => {
        const t = tables.get(name);
        if (!t) return whole;
        const [from, to] = t.ref.split(":");
        const last = edit.tableRows ? `${to.replace(/\d+$/, "")}${edit.tableRows}` : to;
        return `'${t.sheet.replace(/'/g, "''")}'!$${from.replace(/(\d+)/, "$$$1")}:$${last.replace(/(\d+)/, "$$$1")}`;
      })
      .replace(/\$?([A-Z]+)\$?(\d+)#/g, (whole, c: string, r: string) => arrays.get(`${c}${r}`) ?? whole);
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    data[r - 1] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value as ExcelJS.CellValue & { formula?: string; shareType?: string; ref?: string };
      if (v && typeof v === "object" && "formula" in v && v.formula) {
        data[r - 1][c - 1] = blocks(typedFormula(v.formula));
        if (v.shareType === "array" && v.ref) {
          const [from, to = from] = v.ref.split(":").map((a) => ws.getCell(a));
          for (let i = Number(from.row); i <= Number(to.row); i++) for (let j = Number(from.col); j <= Number(to.col); j++) if (i !== r || j !== c) spill.add(`${i},${j}`);
        }
      } else if (v && typeof v === "object" && "sharedFormula" in v) data[r - 1][c - 1] = null;
      // A text cell stays text, as in Excel: HyperFormula would read "1" as a number unless quoted.
      else data[r - 1][c - 1] = typeof v === "string" ? `'${v}` : (v ?? null);
    });
  });
  for (const key of spill) {
    const [i, j] = key.split(",").map(Number);
    if (data[i - 1]) data[i - 1][j - 1] = null;
  }
  return data.map((r) => r ?? []);
}
