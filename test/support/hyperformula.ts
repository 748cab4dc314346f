import { ArraySize, CellError as HfError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { CellError, type Cell, type CellResult } from "../../src/functions/cells";
import { call } from "../../src/functions/reports";
import { callAmount, definitions, type AmountFunction } from "../../src/functions/subsidy";
import type { Lang } from "../../src/engine";
import { NAMESPACE } from "../../src/workbook/formula";

/**
 * The SUBSIDY functions as a HyperFormula plugin (tests only: HyperFormula is GPLv3 and never
 * ships). Each calls the same implementation Excel calls; this file only converts values. It
 * takes formulas in the typed form (SUBSIDY.FORECAST): a template's stored form
 * (_xldudf_SUBSIDY_FORECAST) comes back to it through src/workbook/formula.ts's typedFormula,
 * as test/support/template-reader.ts reads it.
 */
type Ast = { args: unknown[] };
type State = unknown;

const names = ["REGISTRATION", "RESEARCH", "SCALEUP", "REVENUE", "VBP", "FIRSTSET", "INSURANCE", "FACILITY", "CLINICAL", "EXPLAIN", "FORECAST"] as const;

const cellOf = (v: unknown): Cell => (v === EmptyValue || v === undefined ? null : typeof v === "object" && v !== null && "val" in v ? (v as { val: number }).val : (v as Cell));

const errorType = { "#VALUE!": ErrorType.VALUE, "#NUM!": ErrorType.NUM, "#N/A": ErrorType.NA } as const;
function toHf(result: CellResult): unknown {
  if (result instanceof CellError) return new HfError(errorType[result.code], result.message);
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((r) => r.map((v) => (v instanceof CellError ? new HfError(errorType[v.code], v.message) : v))) as never);
  return result;
}

const argOf = (v: unknown): unknown => (v instanceof SimpleRangeValue ? v.data.map((r) => r.map(cellOf)) : cellOf(v));
const argsOf = (values: unknown[]): unknown[] => values.map(argOf);

/** Each scalar function by the name HyperFormula calls it with: an amount function goes to callAmount, as Excel's does (src/functions/functions.ts); EXPLAIN and CLAUSES through call, in the Excel's display language. */
const scalars = new Map<string, (args: unknown[]) => CellResult>(
  names
    .filter((n) => n !== "FORECAST")
    .map((n) => [`${NAMESPACE}.${n}`, n in definitions ? (args: unknown[]) => callAmount(n as AmountFunction, args) : (args: unknown[]) => call(n, args, { lang: displayLanguage })]),
);

export class SubsidyPlugin extends FunctionPlugin {
  static implementedFunctions = Object.fromEntries(
    names.map((n) => [
      `${NAMESPACE}.${n}`,
      n === "FORECAST"
        ? { method: "forecast", sizeOfResultArrayMethod: "forecastSize", parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.STRING, optionalArg: true }] }
        : { method: "scalar", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    ]),
  );

  private evaluate(ast: Ast, state: State): CellResult {
    // FORECAST(range, [view]): the view's text as typed, when given.
    return call("FORECAST", argsOf(ast.args.map((a) => this.evaluateAst(a as never, state as never))), { lang: displayLanguage });
  }

  forecast(ast: Ast, state: State) {
    return toHf(this.evaluate(ast, state));
  }

  forecastSize(ast: Ast, state: State) {
    const out = this.evaluate(ast, state);
    return Array.isArray(out) ? new ArraySize(out[0].length, out.length) : ArraySize.scalar();
  }

  scalar(ast: Ast & { procedureName: string }, state: State) {
    // A loop rather than map and a closure: this runs once per cell of a sheet, as Excel's call does.
    const args: unknown[] = new Array(ast.args.length);
    for (let i = 0; i < args.length; i++) args[i] = argOf(this.evaluateAst(ast.args[i] as never, state as never));
    const out = scalars.get(ast.procedureName)!(args);
    return typeof out === "number" ? out : toHf(out);
  }
}

/** How the tests build a workbook's engine; the bench builds its native sheet the same way. */
export const workbookConfig = { licenseKey: "gpl-v3", useArrayArithmetic: true } as const;

/** The display language of the Excel HyperFormula stands for: FORECAST spills its words in it. */
let displayLanguage: Lang = "en-US";

/** A spreadsheet engine over `sheets`, its SUBSIDY functions answering as an Excel displaying `lang` does. */
export function buildWorkbookEngine(sheets: Record<string, unknown[][]>, lang: Lang = "en-US"): HyperFormula {
  displayLanguage = lang;
  HyperFormula.registerFunctionPlugin(SubsidyPlugin, { enGB: Object.fromEntries(names.map((n) => [`${NAMESPACE}.${n}`, `${NAMESPACE}.${n}`])) });
  return HyperFormula.buildFromSheets(sheets as never, workbookConfig);
}
