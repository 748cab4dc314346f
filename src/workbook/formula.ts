/**
 * Formulas as a person types them and as Excel stores them in the file. Both writers hand Excel
 * the typed form through an API that stores it itself (Office.js), or write the stored form into
 * the package (the CLI's template); every reader of a template (tests, the HyperFormula plugin)
 * turns the stored form back with `typedFormula`. One mapping, both ways:
 *
 * - An Office.js add-in's custom function `SUBSIDY.FORECAST(` is stored as
 *   `_xldudf_SUBSIDY_FORECAST(`: the `_xldudf_` prefix, then namespace and name joined by an
 *   underscore. Evidence: Microsoft's keyur32 in OfficeDev/Excel-Custom-Functions#108 ("for
 *   JavaScript custom functions we by default save out with a different prefix _xldudf … in
 *   current builds, we only look at [that]"; a formula saved without it did not calculate until
 *   re-entered); workbooks in office-js#5611 (closed "by design") and #3558 show `_xldudf_`
 *   names, and #2568 quotes sheetN.xml holding `_xldudf_XXXX` (where a COM add-in had turned it
 *   into `[2]!_xldudf_XXX`). Public workbooks read by other tools show the same shape
 *   (`_xldudf_CX_GET(…)` for `CX.GET`).
 *   Ambiguous, and not verifiable without Excel: whether Excel keys the stored name on the
 *   function's `id` or its English `name` (ours are the same, REGISTRATION…), and whether a
 *   workbook saved under the zh-CN namespace (政策补贴) stores the English one; we store the
 *   English namespace and id, which is what the manifest's default locale and functions.json say.
 *   The underscore join cannot tell `A.B_C` from `A_B.C`: our names hold no underscore, and
 *   the mapping back only recognises our own namespace.
 * - A spill reference `A1#` is stored as `_xlfn.ANCHORARRAY(A1)`, and a function newer than the
 *   file format (here SEQUENCE, of the dynamic-array set) as `_xlfn.SEQUENCE(`: the `_xlfn.`
 *   prefix Excel gives functions newer than the file format ("future functions"; the list of
 *   them, ANCHORARRAY and SEQUENCE among them, in libxlsxwriter's and XlsxWriter's "Working
 *   with Formulas", https://libxlsxwriter.github.io/working_with_formulas.html, which write
 *   files for Excel and compare them with Excel's own).
 */

export const NAMESPACE = "SUBSIDY";
/**
 * Functions renamed since a workbook may have been saved, by their former name: `RD` broke
 * Microsoft's rule that a custom function's id and name have at least three characters
 * (DESIGN.md, "Custom functions contract"). An older workbook's cells come back under the new name.
 */
export const formerNames: ReadonlyMap<string, string> = new Map([["RD", "RESEARCH"]]);
const currentName = (name: string) => formerNames.get(name.toUpperCase()) ?? name.toUpperCase();
const STORED_PREFIX = "_xldudf_";

/** Apply `rewrite` to the parts of a formula outside its string literals ("…", with "" inside). */
function outsideStrings(formula: string, rewrite: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

/** A cell reference, optionally on a sheet ('My sheet'!$A$1, Forecast!A1). */
const cellRef = String.raw`(?:(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?\$?[A-Za-z]{1,3}\$?\d+`;
const typedCall = new RegExp(String.raw`(?<![\w.])${NAMESPACE}\.([A-Za-z][A-Za-z0-9]*)\s*\(`, "gi");
const storedCall = new RegExp(String.raw`(?<![\w.])${STORED_PREFIX}${NAMESPACE}_([A-Za-z][A-Za-z0-9]*)\s*\(`, "gi");
const typedSpill = new RegExp(String.raw`(?<![\w.$!])(${cellRef})#`, "g");
const storedSpill = new RegExp(String.raw`_xlfn\.ANCHORARRAY\((${cellRef})\)`, "gi");
/** The future functions our formulas use. */
const future = ["SEQUENCE"];
const typedFuture = new RegExp(String.raw`(?<![\w.])(${future.join("|")})\s*\(`, "gi");
const storedFuture = new RegExp(String.raw`(?<![\w.])_xlfn\.(${future.join("|")})\s*\(`, "gi");

/** The typed formula (with or without its leading "=") in the form Excel writes to sheetN.xml, without "=". */
export function storedFormula(typed: string): string {
  const body = typed.startsWith("=") ? typed.slice(1) : typed;
  return outsideStrings(body, (code) =>
    code.replace(typedCall, (_, name: string) => `${STORED_PREFIX}${NAMESPACE}_${name.toUpperCase()}(`).replace(typedSpill, "_xlfn.ANCHORARRAY($1)").replace(typedFuture, (_, f: string) => `_xlfn.${f.toUpperCase()}(`),
  );
}

/** A formula as stored in the file, back in the form a person types (with "="). */
export function typedFormula(stored: string): string {
  const body = stored.startsWith("=") ? stored.slice(1) : stored;
  return `=${outsideStrings(body, (code) => code.replace(storedCall, (_, name: string) => `${NAMESPACE}.${currentName(name)}(`).replace(typedCall, (_, name: string) => `${NAMESPACE}.${currentName(name)}(`).replace(storedSpill, "$1#").replace(storedFuture, (_, f: string) => `${f.toUpperCase()}(`))}`;
}

/** The SUBSIDY functions a formula calls (typed or stored form), upper case, in order. */
export function subsidyCalls(formula: string): string[] {
  const found: string[] = [];
  outsideStrings(formula, (code) => {
    for (const m of code.matchAll(typedCall)) found.push(m[1].toUpperCase());
    for (const m of code.matchAll(storedCall)) found.push(m[1].toUpperCase());
    return code;
  });
  return found;
}
