import type { Lang } from "../engine/core";
import { cellOf, CellError, type Cell, type Scalar } from "./cells";
import { messages } from "./words";

/**
 * Excel's lifting: a function written for single values, given ranges, returns a range of the
 * same shape. A 1-row or 1-column argument is broadcast; a cell outside a smaller range is #N/A,
 * as Excel's own functions do. Each cell is computed on its own: an odd value in one (an object
 * with no prototype, say) is that cell's error, and the rest of the range still computes.
 */
export function lift(fn: (args: Cell[]) => Scalar, args: readonly unknown[], lang: Lang = "en-US"): Scalar | Scalar[][] {
  // Single values, what nearly every cell passes: straight to the function, no range machinery.
  let ranged = false;
  for (let k = 0; k < args.length; k++) if (Array.isArray(args[k])) ranged = true;
  if (!ranged) return one(fn, args, lang);
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    if (!Array.isArray(a)) continue;
    if (a.length === 0 || !a.every((r) => Array.isArray(r) && r.length === a[0].length && r.length > 0)) {
      return new CellError("#VALUE!", messages[lang].notRectangle);
    }
    rows = Math.max(rows, a.length);
    cols = Math.max(cols, a[0].length);
  }
  const out: Scalar[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: Scalar[] = [];
    for (let j = 0; j < cols; j++) {
      let outside = false;
      const cellArgs = args.map((a) => {
        if (!Array.isArray(a)) return a;
        const r = a.length === 1 ? a[0] : a[i];
        const c = r?.length === 1 ? r[0] : r?.[j];
        if (r === undefined || (r.length !== 1 && j >= r.length)) outside = true;
        return c;
      });
      row.push(outside ? new CellError("#N/A", messages[lang].outsideRange) : one(fn, cellArgs, lang));
    }
    out.push(row);
  }
  return out;
}

/** One cell's values, each read as a plain cell value (cellOf, a copy); what it throws is that cell's error. */
function one(fn: (args: Cell[]) => Scalar, values: readonly unknown[], lang: Lang): Scalar {
  try {
    const cells: Cell[] = new Array(values.length);
    for (let k = 0; k < values.length; k++) cells[k] = cellOf(values[k]) as Cell;
    return fn(cells);
  } catch (e) {
    return new CellError("#VALUE!", messages[lang].unexpected(e instanceof Error ? e.message : messages[lang].notCell));
  }
}
