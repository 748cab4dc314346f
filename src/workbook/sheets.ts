import type { Lang } from "../engine";

/**
 * The one registry of a forecast workbook's sheets, read by both writers (the CLI's template and
 * the task pane): each sheet's id, its name in either language, its place in the tab order,
 * whether it is live (SUBSIDY formulas, which compute only with the add-in) or plain values, and
 * how it prints. A sheet another issue adds goes here, and both writers follow.
 *
 * Order: the Inputs, then the live sheets the values sheet mirrors (Forecast and the CFO's
 * views), then the values sheet right after them, then the per-event prices and the About sheet.
 * A zh-CN workbook is Chinese in every tab; a formula names a sheet through `sheetRef`, so it
 * reads the same in either language.
 */

export type SheetId = "inputs" | "forecast" | "cash" | "pl" | "tax" | "aftertax" | "figures" | "events" | "about";

/** live: its cells hold SUBSIDY formulas; values: plain numbers, read anywhere; the others hold text and inputs. */
export type SheetKind = "inputs" | "live" | "values" | "about";

/** Print setup: every sheet fits its width on the page (Excel's fitToWidth=1, fitToHeight=0). */
export interface PrintSetup {
  readonly orientation: "landscape" | "portrait";
  /** Rows repeated at the top of each printed page ("1:1"), if any. */
  readonly titleRows?: string;
}

export interface SheetSpec {
  readonly id: SheetId;
  readonly names: Readonly<Record<Lang, string>>;
  readonly kind: SheetKind;
  readonly print: PrintSetup;
  /**
   * Live sheets: the cell holding the plain-text line that points a reader without the add-in
   * to the values sheet, clear of anything a formula can spill into.
   */
  readonly pointer?: string;
}

const wide: PrintSetup = { orientation: "landscape", titleRows: "1:1" };

/**
 * Forecast's spill reaches row 32 at most (layout.ts forecastExtent), a view's row 33; the line
 * goes on the first row below. Events' rows are its events, so its line sits right of its five
 * columns, on the header row.
 */
export const sheetRegistry: readonly SheetSpec[] = [
  { id: "inputs", names: { "en-US": "Inputs", "zh-CN": "输入" }, kind: "inputs", print: wide },
  { id: "forecast", names: { "en-US": "Forecast", "zh-CN": "预测" }, kind: "live", print: wide, pointer: "A33" },
  { id: "cash", names: { "en-US": "Cash", "zh-CN": "现金" }, kind: "live", print: wide, pointer: "A34" },
  { id: "pl", names: { "en-US": "Profit and loss", "zh-CN": "损益" }, kind: "live", print: wide, pointer: "A34" },
  { id: "tax", names: { "en-US": "Tax", "zh-CN": "所得税" }, kind: "live", print: wide, pointer: "A34" },
  { id: "aftertax", names: { "en-US": "After tax", "zh-CN": "税后" }, kind: "live", print: wide, pointer: "A34" },
  { id: "figures", names: { "en-US": "Figures", "zh-CN": "数值" }, kind: "values", print: wide },
  { id: "events", names: { "en-US": "Events", "zh-CN": "事件" }, kind: "live", print: wide, pointer: "G1" },
  { id: "about", names: { "en-US": "About", "zh-CN": "说明" }, kind: "about", print: { orientation: "portrait" } },
];

/** The sheet a written template opens on: the values sheet, which shows the figures in any spreadsheet. */
export const opensOn: SheetId = "figures";

export const sheetSpec = (id: SheetId): SheetSpec => sheetRegistry.find((s) => s.id === id)!;
export const sheetName = (id: SheetId, lang: Lang): string => sheetSpec(id).names[lang];
/** The sheet's names in both languages (a workbook written in either is recognised). */
export const sheetNames = (id: SheetId): readonly string[] => [...new Set(Object.values(sheetSpec(id).names))];

/** A sheet name as a formula writes it: quoted unless a plain ASCII name (Forecast!A1, '预测'!A1, 'Profit and loss'!A1). */
export const quoteSheet = (name: string): string => (/^[A-Za-z_][\w.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
/** The sheet's name in a formula, in the workbook's language. */
export const sheetRef = (id: SheetId, lang: Lang): string => quoteSheet(sheetName(id, lang));

/** The words of the line on each live sheet, and of the printed page header, pointing to the values sheet. */
export function pointerText(lang: Lang): string {
  const values = sheetName("figures", lang);
  return lang === "zh-CN"
    ? `未安装“政策补贴测算”加载项时，本表的公式显示 #NAME?：计算时的数值（纯数值）见“${values}”工作表。`
    : `Without the Subsidy Forecast add-in these formulas show #NAME?: the figures as computed, as plain values, are on the sheet “${values}”.`;
}
