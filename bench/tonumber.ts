import type { Decimal } from "../src/engine";

/**
 * Decimal → number without decimal.js's string round trip (`+this` → valueOf → toString →
 * Number): an integer below 10^15 is summed exactly from its base-1e7 words; anything else takes
 * toNumber. Every amount a clause gives in yuan is such an integer unless a rate makes fen.
 */
export function toNumberFast(d: Decimal): number {
  const w = d.d;
  if (w && d.e < 15 && d.isInteger()) {
    let n = w[0];
    let digits = String(w[0]).length;
    for (let i = 1; i < w.length; i++) {
      n = n * 1e7 + w[i];
      digits += 7;
    }
    // Scale up to the exponent (trailing zero words are not stored): exact below 2^53.
    for (let k = digits; k <= d.e; k++) n *= 10;
    return d.s < 0 ? -n : n;
  }
  return d.toNumber();
}
