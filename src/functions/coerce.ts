import { checkAmount, isAmountProblem, isRegionProblem, regionProblemText, regionReach, type Decimal, type Lang, type Region } from "../engine/core";
import type { RegionProblem } from "../engine";
import { CellError, type Cell } from "./cells";
import { messages, parameterName, type Accepts } from "./words";

/**
 * Argument coercion shared by every SUBSIDY function: Excel-like input in, an engine value or a
 * CellError naming the argument and what it accepts out, in the reader's language. Nothing here throws.
 */

/** Whose argument is read, and in which language its problems are said. */
export interface Argument {
  /** The function's id (REGISTRATION). */
  readonly fn: string;
  readonly lang: Lang;
}

const isBlank = (v: unknown): v is null | undefined | "" => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const named = (at: Argument, parameter: string) => parameterName(at.fn, parameter, at.lang);

/**
 * An amount in yuan (or m² for an area), by the engine's one rule (amounts.ts), which reads a
 * typed text ("500万", "1.5亿", "１５００万") as the task pane does: a wrong type or a blank is
 * #VALUE!, a number out of bounds (negative, non-finite, too large or too precise) #NUM!, as
 * DESIGN's contract has it.
 */
export function amount(at: Argument, parameter: string, v: Cell, unit: "yuan" | "m²" = "yuan"): Decimal | CellError {
  const checked = checkAmount(v);
  if (!isAmountProblem(checked)) return checked;
  const code = checked.code === "required" || checked.code === "notAmount" ? "#VALUE!" : "#NUM!";
  return new CellError(code, messages[at.lang].amount(named(at, parameter), checked, unit));
}

/** What a workbook's policy packs say of a region the catalog does not know (`said`: the error otherwise), if anything. */
export type PlaceNote = (region: string, problem: RegionProblem, lang: Lang, said: string) => CellError | undefined;
let placeNote: PlaceNote | undefined;
/** Set by the Excel functions' pack registry (functions/packs.ts): a place of a pack awaiting approval says so. */
export const notePlaces = (note: PlaceNote): void => {
  placeNote = note;
};

/** A place the tree knows (ruling 21), by any of its names or a path, optionally +zone: 苏州工业园区, beijing+中关村. */
export function region(at: Argument, v: Cell): Region | CellError {
  if (typeof v !== "string") return new CellError("#VALUE!", messages[at.lang].region(named(at, "region"), v));
  const r = regionReach(v);
  if (!isRegionProblem(r)) return v;
  const said = regionProblemText(r, at.lang, named(at, "region"));
  return placeNote?.(v, r, at.lang, said) ?? new CellError("#VALUE!", said);
}

/** A code from a fixed list, by any of its spellings; `fallback` when omitted, if it may be. */
export function code<T extends string | number>(
  at: Argument,
  parameter: string,
  v: Cell,
  spellings: Readonly<Record<string, T>>,
  accepts: Accepts,
  fallback?: T,
): T | CellError {
  if (isBlank(v) && fallback !== undefined) return fallback;
  // A number indexes the table as its own spelling ("3"); text is trimmed and lower-cased.
  const found = typeof v === "number" ? spellings[v] : typeof v === "string" ? (spellings[v] ?? spellings[v.trim().toLowerCase()]) : undefined;
  return found ?? new CellError("#VALUE!", messages[at.lang].code(named(at, parameter), accepts, v));
}

/** An optional calendar year (1900–9999), for validity windows. */
export function year(at: Argument, v: Cell): number | undefined | CellError {
  if (isBlank(v)) return undefined;
  const n = typeof v === "number" ? v : typeof v === "string" && numeric.test(v.trim()) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 1900 && n <= 9999) return n;
  return new CellError("#VALUE!", messages[at.lang].year(named(at, "year"), v));
}

/** A spelling table without a prototype, so "constructor" or "__proto__" spell nothing. */
function lookup<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export const deviceClasses: Readonly<Record<string, 1 | 2 | 3>> = lookup({
  "1": 1, i: 1, "ⅰ": 1, 一类: 1, "class i": 1,
  "2": 2, ii: 2, "ⅱ": 2, 二类: 2, "class ii": 2,
  "3": 3, iii: 3, "ⅲ": 3, 三类: 3, "class iii": 3,
});

/** DESIGN.md's approval pathways with their aliases (常规, 国家创新, 国家优先, 省级创新, …): one table, the engine's. */
export { pathwaySpellings as pathways } from "../engine/core";

export const drugClasses: Readonly<Record<string, 1 | 2 | 3 | 4 | 5>> = lookup({
  "1": 1, "1类": 1, "2": 2, "2类": 2, "3": 3, "3类": 3, "4": 4, "4类": 4, "5": 5, "5类": 5,
});

export const phases: Readonly<Record<string, 1 | 2 | 3>> = lookup({
  "1": 1, i: 1, "ⅰ": 1, "ⅰ期": 1,
  "2": 2, ii: 2, "ⅱ": 2, "ⅱ期": 2,
  "3": 3, iii: 3, "ⅲ": 3, "ⅲ期": 3,
});
