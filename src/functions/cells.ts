import { CELL_LIMIT } from "../engine/core";

/** What a worksheet cell can hand a function, and what a function can hand back. */
export type Cell = number | string | boolean | null | undefined;

/** Excel's error values that these functions return, never throw. */
export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** Excel's limit on the characters of one cell's text (Excel specifications and limits): the engine's, which its explanations keep. */
export const TEXT_LIMIT = CELL_LIMIT;
const cut = "… (cut at Excel's 32,767-character cell limit; 已按 Excel 单元格 32,767 字符上限截断)";

/** A text that fits a cell: a longer one is cut, never inside a surrogate pair, and says so. */
export function fitText(text: string): string {
  if (text.length <= TEXT_LIMIT) return text;
  let end = TEXT_LIMIT - cut.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + cut;
}

export class CellError {
  readonly message: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    this.message = fitText(message);
  }
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export type Scalar = number | string | CellError;
export type CellResult = Scalar | Scalar[][];

export const isCellError = (x: unknown): x is CellError => x instanceof CellError;

/** A result with every text fitted to a cell. */
export function fitCells<T extends CellResult>(result: T): T {
  if (typeof result === "string") return fitText(result) as T;
  if (!Array.isArray(result)) return result;
  return result.map((row) => row.map((v) => (typeof v === "string" ? fitText(v) : v))) as T;
}

/**
 * A value as Excel hands it to a function, as a plain cell value. With data types, a cell can
 * arrive as an object such as a formatted number, `{ type: "Double", basicValue: 5000000,
 * numberFormat: "#,##0" }`, or an entity card whose basicValue is what the grid shows
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts): its
 * basicValue is the value. Any other object (one without a prototype too) comes back as it
 * is, for the argument's own check to refuse; reading it never throws.
 */
export function cellOf(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  try {
    const basic = Object.prototype.hasOwnProperty.call(v, "basicValue") ? (v as { basicValue: unknown }).basicValue : undefined;
    return typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean" ? basic : v;
  } catch {
    return v;
  }
}
