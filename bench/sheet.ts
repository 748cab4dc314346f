import { FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import { Decimal } from "../src/engine";
import { buildWorkbookEngine, workbookConfig } from "../test/support/hyperformula";
import { measure, ratioOf, type Options } from "./harness";

const RATE = new Decimal("0.4");
const CAP = new Decimal(5000000);

/**
 * The same clause hand-written in decimal.js as a HyperFormula function, BENCH.DECIMAL(A1):
 * min(40% × A1, 5,000,000), its constants made once, the cost a Decimal on every call. It shows
 * what decimal.js itself costs per cell in this sheet, beside the SUBSIDY function.
 */
class HandDecimalPlugin extends FunctionPlugin {
  static implementedFunctions = { "BENCH.DECIMAL": { method: "hand", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] } };
  hand(ast: { args: unknown[] }, state: unknown) {
    const x = this.evaluateAst(ast.args[0] as never, state as never) as unknown;
    return Decimal.min(RATE.times(new Decimal(typeof x === "number" ? x : (x as { val: number }).val)), CAP).toNumber();
  }
}

/**
 * A 10,000-row sheet in HyperFormula (a devDependency, GPLv3, never shipped): column A holds
 * R&D costs, column B =SUBSIDY.REGISTRATION(3, A1, "shenzhen") through the tests' plugin (the
 * same callAmount Excel calls), against the same sheet with =MIN(0.4*A1, 5000000), and a third
 * with the clause hand-written in decimal.js (HandDecimalPlugin), all built with the same
 * configuration.
 *
 * What is timed is one recalculation: every A cell changes in one setCellContents batch, so all
 * 10,000 formulas recompute, and the last B cell is read back. Each sheet alternates between two
 * prepared columns of costs, (i + 1) × 1,250 yuan and the same plus 1 yuan: amounts of whole yuan
 * in the first, with fen in the second (40% × 1,251 = 500.4), each exact as the function gives
 * it. The columns are built once, outside the timing; each sheet keeps its own turn,
 * so every recalculation changes every value whatever the interleaving. The two sheets must show
 * the same values, cell for cell, for both columns before anything is timed. One round times one
 * recalculation of each sheet back to back, in alternating order; the ratio is the median of the
 * per-round ratios over `rounds` rounds (41; see harness.ts).
 */
export interface SheetFigures {
  readonly subsidyMs: number;
  readonly nativeMs: number;
  readonly decimalMs: number;
  /** SUBSIDY / native, the target's ratio. */
  readonly ratio: number;
  /** Hand-written decimal.js / native: what decimal.js alone costs in the same sheet. */
  readonly decimalRatio: number;
  readonly rows: number;
  readonly rounds: number;
}

export function sheetFigures(quick: boolean): SheetFigures {
  const rows = quick ? 2000 : 10000;
  const costs = [0, 1].map((k) => Array.from({ length: rows }, (_, i) => [(i + 1) * 1250 + k]));
  const sheet = (formula: (row: number) => string) => costs[0].map(([v], i) => [v, formula(i + 1)]);
  const subsidy = buildWorkbookEngine({ Sheet1: sheet((r) => `=SUBSIDY.REGISTRATION(3, A${r}, "shenzhen")`) });
  const native = HyperFormula.buildFromSheets({ Sheet1: sheet((r) => `=MIN(0.4*A${r}, 5000000)`) }, workbookConfig);
  HyperFormula.registerFunctionPlugin(HandDecimalPlugin, { enGB: { "BENCH.DECIMAL": "BENCH.DECIMAL" } });
  const hand = HyperFormula.buildFromSheets({ Sheet1: sheet((r) => `=BENCH.DECIMAL(A${r})`) }, workbookConfig);
  // Both sheets agree on both columns (40% of the cost below 12,500,000 yuan, 5,000,000 at it),
  // as HyperFormula shows them; the check leaves each sheet on the first column.
  const shown = (hf: HyperFormula) => hf.getSheetValues(0).map((r) => r[1]);
  for (const k of [1, 0]) {
    for (const hf of [subsidy, native, hand]) hf.setCellContents({ sheet: 0, col: 0, row: 0 }, costs[k]);
    const [s, n, h] = [shown(subsidy), shown(native), shown(hand)];
    if (!s.every((v, i) => v === n[i] && v === h[i])) throw new Error("the SUBSIDY, native and hand-written sheets disagree");
  }
  const recalc = (hf: HyperFormula) => {
    let turn = 0;
    return (n: number) => {
      let t = 0;
      for (let k = 0; k < n; k++) {
        turn ^= 1;
        hf.setCellContents({ sheet: 0, col: 0, row: 0 }, costs[turn]);
        t += Number(hf.getCellValue({ sheet: 0, col: 1, row: rows - 1 }));
      }
      return t;
    };
  };
  // A recalculation takes tens of milliseconds, so each batch is one of them (batchMs 1). The
  // warm-up is long: by now the per-call bench has run every function through the same engine,
  // and the sheet's own path must settle (about 30 recalculations each) before it is timed.
  const opts: Options = quick ? { warmupMs: 100, batchMs: 1, rounds: 5 } : { warmupMs: 2000, batchMs: 1, rounds: 41 };
  const [s, n, h] = measure([recalc(subsidy), recalc(native), recalc(hand)], opts);
  return { subsidyMs: s.ns / 1e6, nativeMs: n.ns / 1e6, decimalMs: h.ns / 1e6, ratio: ratioOf(s, n), decimalRatio: ratioOf(h, n), rows, rounds: opts.rounds };
}
