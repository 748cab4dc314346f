import { ExcelError, type MetadataFunction } from "../addin/support";
import { TEXT_LIMIT } from "./arbitraries";

/** What a returned cell and a lifted result's shape must be: shared by the fuzz tests and measure.ts. */

export /** What is wrong with one returned cell, or undefined. */
function badCell(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 && !Object.is(v, -0) ? undefined : `the number ${String(v)}`;
  if (typeof v === "string") return v.length <= TEXT_LIMIT ? undefined : `a text of ${v.length} characters`;
  if (v instanceof ExcelError) {
    if (!["#VALUE!", "#NUM!", "#N/A"].includes(v.code)) return `the error ${v.code}`;
    return (v.message ?? "").length <= TEXT_LIMIT ? undefined : `an error message of ${v.message?.length} characters`;
  }
  return `a ${typeof v}: ${String(v)}`;
}

/**
 * The shape Excel's lifting gives: the largest rows and columns of the rectangles, 1×1 otherwise.
 * The door takes its declared parameters (a missing one is undefined, an extra one is not seen).
 */
export function expectedShape(args: readonly unknown[], def: MetadataFunction): [number, number] {
  const ranges = args.slice(0, def.parameters.length).filter(Array.isArray) as unknown[][];
  const rectangle = (a: unknown[]) => a.length > 0 && a.every((r) => Array.isArray(r) && r.length > 0 && r.length === (a[0] as unknown[]).length);
  if (!ranges.every(rectangle)) return [1, 1];
  return [Math.max(1, ...ranges.map((a) => a.length)), Math.max(1, ...ranges.map((a) => (a[0] as unknown[]).length))];
}

