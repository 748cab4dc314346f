import DecimalJs from "decimal.js";

/**
 * The engine's own Decimal: 40 significant digits, so that no product of a rate and an amount
 * that Excel can hold (15–17 digits) is ever rounded. Money is in yuan (元).
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);

/** 万元 in the texts is 10,000 yuan. */
export const WAN = new Decimal(10000);

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

/** Plain notation with thousands separators, as a reader of the trace expects: 1,500,000. */
export function formatYuan(x: Decimal): string {
  const [whole, frac] = x.toFixed().split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  // Groups of three from the right, in one pass: linear in the number of digits.
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  const grouped = sign + groups.join(",");
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A rate as a reader of the text writes it: 0.3 → 30%, 0.002 → 2‰. */
export function formatRate(rate: Decimal): string {
  const pct = rate.times(100);
  if (pct.isInteger() || pct.gte(1)) return `${pct.toFixed()}%`;
  return `${rate.times(1000).toFixed()}‰`;
}

/**
 * A Decimal as the number Excel receives, at the boundary only. Amounts in yuan are almost always
 * whole numbers below 10^15: those are summed exactly from decimal.js's documented base-1e7
 * digit words (`d`, exponent `e`, sign `s`) instead of its string round trip; anything else, such
 * as an amount with fen, goes through toNumber.
 */
export function toNumber(x: Decimal): number {
  const words = x.d;
  if (words && x.e < 15 && x.isInteger()) {
    let n = words[0];
    let digits = String(words[0]).length;
    for (let i = 1; i < words.length; i++) {
      n = n * 1e7 + words[i];
      digits += 7;
    }
    // Trailing zero words are not stored: scale up to the exponent, exact below 2^53.
    for (let k = digits; k <= x.e; k++) n *= 10;
    return x.s < 0 ? -n : n;
  }
  return x.toNumber();
}
