import type { Accounts, Pair } from "./accounts";
import type { Quantity } from "./schedule";
import { Decimal, ZERO } from "../input/money";

/**
 * The balance-sheet roll-forward a CFO files (issue 19): for each balance the support leaves at a
 * year end — the grant receivable, deferred income (递延收益), the part still deducted from assets
 * (net method), the deferred tax asset and liability — its opening, what it gains and loses in the
 * year, and its closing, each from the same figures as the views, so opening + increase − decrease
 * = closing to the fen. Deferred income gains the cash received and loses what reaches profit; a
 * receivable gains what is recognised and loses the cash; deferred tax moves through the expense.
 */
export const rolledBalances = ["receivable", "deferred", "assetReduction", "deferredTaxAsset", "deferredTaxLiability"] as const satisfies readonly Quantity[];
export type RolledBalance = (typeof rolledBalances)[number];

export interface RollRow {
  readonly year: number;
  readonly opening: Pair;
  readonly increase: Pair;
  readonly decrease: Pair;
  readonly closing: Pair;
}

const zero: Pair = { ceiling: ZERO, expected: ZERO };

export function rollForward(a: Accounts): Record<RolledBalance, RollRow[]> {
  const { from, to } = a.horizon;
  const out = {} as Record<RolledBalance, RollRow[]>;
  for (const b of rolledBalances) {
    const rows: RollRow[] = [];
    for (let y = from; y <= to; y++) {
      const move = (k: "ceiling" | "expected") => {
        let up = ZERO;
        let down = ZERO;
        let opening = ZERO;
        for (const l of a.lines) {
          const f = l[k];
          const held = f[b];
          if (!held.size) continue;
          const before = held.get(y - 1) ?? ZERO;
          const after = held.get(y) ?? ZERO;
          opening = opening.plus(before);
          // The cash that settles a balance is net of any output VAT on it.
          const cash = (f.cash.get(y) ?? ZERO).minus(f.vat.get(y) ?? ZERO);
          if (b === "deferred" || b === "assetReduction") {
            up = up.plus(cash);
            down = down.plus(f.pl.get(y) ?? ZERO);
          } else if (b === "receivable") {
            up = up.plus(f.pl.get(y) ?? ZERO);
            down = down.plus(cash);
          } else {
            const change = after.minus(before);
            up = up.plus(Decimal.max(change, ZERO));
            down = down.plus(Decimal.max(change.negated(), ZERO));
          }
        }
        return { opening, up, down };
      };
      const c = move("ceiling");
      const e = move("expected");
      const closing = a.views[b].years.find((r) => r.year === y) ?? zero;
      rows.push({
        year: y,
        opening: { ceiling: c.opening, expected: e.opening },
        increase: { ceiling: c.up, expected: e.up },
        decrease: { ceiling: c.down, expected: e.down },
        closing: { ceiling: closing.ceiling, expected: closing.expected },
      });
    }
    out[b] = rows;
  }
  return out;
}

const names: Record<"en-US" | "zh-CN", Record<RolledBalance, string>> = {
  "en-US": { receivable: "grant receivable", deferred: "deferred income", assetReduction: "deducted from assets (net method)", deferredTaxAsset: "deferred tax asset", deferredTaxLiability: "deferred tax liability" },
  "zh-CN": { receivable: "应收政府补助", deferred: "递延收益", assetReduction: "冲减资产账面价值（净额法）", deferredTaxAsset: "递延所得税资产", deferredTaxLiability: "递延所得税负债" },
};

/** The roll-forward as rows of cells (expected values), a block per balance the plan leaves. */
export function rollForwardTable(a: Accounts, lang: "en-US" | "zh-CN" = "en-US"): { header: string[]; rows: (number | Decimal | string)[][] } {
  const zh = lang === "zh-CN";
  const header = zh ? ["项目", "年度", "年初", "本年增加", "本年减少", "年末"] : ["balance", "year", "opening", "increase", "decrease", "closing"];
  const roll = rollForward(a);
  const rows: (number | Decimal | string)[][] = [];
  for (const b of rolledBalances) {
    const r = roll[b];
    if (r.every((x) => x.opening.expected.isZero() && x.increase.expected.isZero() && x.decrease.expected.isZero() && x.closing.expected.isZero())) continue;
    for (const x of r) rows.push([names[lang][b], x.year, x.opening.expected, x.increase.expected, x.decrease.expected, x.closing.expected]);
  }
  return { header, rows };
}
