import { HyperFormula } from "hyperformula";
import { buildWorkbookEngine } from "../test/support/hyperformula";
import { measure, ratioOf, type Options } from "./harness";

/**
 * A 10,000-row sheet in HyperFormula (a devDependency, GPLv3, never shipped): column A holds
 * R&D costs, column B =SUBSIDY.REGISTRATION(3, A1, "shenzhen") through the tests' plugin (the
 * same implementation Excel calls), against the same sheet with =MIN(0.4*A1, 5000000). What is
 * timed is a recalculation: every A cell changes in one batch, so all 10,000 formulas recompute.
 */
export function sheetFigures(quick: boolean): { subsidyMs: number; nativeMs: number; ratio: number; rows: number } {
  const rows = quick ? 2000 : 10000;
  const values = (k: number) => Array.from({ length: rows }, (_, i) => [(i + 1) * 1250 + k]);
  const sheet = (formula: (row: number) => string) => values(0).map(([v], i) => [v, formula(i + 1)]);
  const subsidy = buildWorkbookEngine({ Sheet1: sheet((r) => `=SUBSIDY.REGISTRATION(3, A${r}, "shenzhen")`) });
  const native = HyperFormula.buildFromSheets({ Sheet1: sheet((r) => `=MIN(0.4*A${r}, 5000000)`) }, { licenseKey: "gpl-v3" });
  // Both sheets must agree before anything is timed (2,000,000 where the cap binds, 40% below).
  const b = (hf: HyperFormula) => hf.getSheetValues(0).map((r) => r[1]);
  const agree = b(subsidy).every((v, i) => v === b(native)[i]);
  if (!agree) throw new Error("the SUBSIDY sheet and the native sheet disagree");
  let flip = 0;
  const recalc = (hf: HyperFormula) => (n: number) => {
    let t = 0;
    for (let k = 0; k < n; k++) {
      flip ^= 1;
      hf.setCellContents({ sheet: 0, col: 0, row: 0 }, values(flip));
      t += Number(hf.getCellValue({ sheet: 0, col: 1, row: rows - 1 }));
    }
    return t;
  };
  const opts: Options = quick ? { warmupMs: 50, batchMs: 1, rounds: 3 } : { warmupMs: 300, batchMs: 1, rounds: 7 };
  const [s, n] = measure([recalc(subsidy), recalc(native)], opts);
  return { subsidyMs: s.ns / 1e6, nativeMs: n.ns / 1e6, ratio: ratioOf(s, n), rows };
}
