import { HyperFormula } from "hyperformula";
import { buildWorkbookEngine, workbookConfig } from "../test/support/hyperformula";
import { measure, ratioOf, type Options } from "./harness";

/**
 * A 10,000-row sheet in HyperFormula (a devDependency, GPLv3, never shipped): column A holds
 * R&D costs, column B =SUBSIDY.REGISTRATION(3, A1, "shenzhen") through the tests' plugin (the
 * same callAmount Excel calls), against the same sheet with =MIN(0.4*A1, 5000000), both built
 * with the same configuration.
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
export function sheetFigures(quick: boolean): { subsidyMs: number; nativeMs: number; ratio: number; rows: number; rounds: number } {
  const rows = quick ? 2000 : 10000;
  const costs = [0, 1].map((k) => Array.from({ length: rows }, (_, i) => [(i + 1) * 1250 + k]));
  const sheet = (formula: (row: number) => string) => costs[0].map(([v], i) => [v, formula(i + 1)]);
  const subsidy = buildWorkbookEngine({ Sheet1: sheet((r) => `=SUBSIDY.REGISTRATION(3, A${r}, "shenzhen")`) });
  const native = HyperFormula.buildFromSheets({ Sheet1: sheet((r) => `=MIN(0.4*A${r}, 5000000)`) }, workbookConfig);
  // Both sheets agree on both columns (40% of the cost below 12,500,000 yuan, 5,000,000 at it),
  // as HyperFormula shows them; the check leaves each sheet on the first column.
  const shown = (hf: HyperFormula) => hf.getSheetValues(0).map((r) => r[1]);
  for (const k of [1, 0]) {
    for (const hf of [subsidy, native]) hf.setCellContents({ sheet: 0, col: 0, row: 0 }, costs[k]);
    const [s, n] = [shown(subsidy), shown(native)];
    if (!s.every((v, i) => v === n[i])) throw new Error("the SUBSIDY sheet and the native sheet disagree");
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
  const [s, n] = measure([recalc(subsidy), recalc(native)], opts);
  return { subsidyMs: s.ns / 1e6, nativeMs: n.ns / 1e6, ratio: ratioOf(s, n), rows, rounds: opts.rounds };
}
