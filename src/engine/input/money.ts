import DecimalJs from "decimal.js";

/**
 * The engine's own Decimal: 40 significant digits, so that no product of a rate and an amount
 * that Excel can hold (15–17 digits) is ever rounded. Money is in yuan (元).
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);

/** The engine's one bound on an amount, 10^15 of its unit (amounts.ts says why). */
export const AMOUNT_LIMIT = new Decimal("1e15");

/** 万元 in the texts is 10,000 yuan. */
export const WAN = new Decimal(10000);

/** 10^k for k ≤ 22, each exactly a double (parsed, so correctly rounded, and exactly representable). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * a compared with b: −1, 0 or 1, as decimal.js's `cmp` answers, read from the same documented
 * fields (digit words `d` in base 1e7, most significant first, without trailing zero words;
 * exponent `e`; sign `s`). decimal.js copies its argument on every comparison, and the amount
 * path compares on every cell; this reads both in place. NaN or ±Infinity go to decimal.js.
 */
export function compare(a: Decimal, b: Decimal): number {
  const x = a.d;
  const y = b.d;
  if (!x || !y) return a.cmp(b);
  if (!x[0] || !y[0]) return x[0] ? a.s : y[0] ? -b.s : 0;
  if (a.s !== b.s) return a.s;
  if (a.e !== b.e) return a.e > b.e ? a.s : -a.s;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] > y[i] ? a.s : -a.s;
  return x.length === y.length ? 0 : x.length > y.length ? a.s : -a.s;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) >= 0 ? a : b;
}

/** A rate as the catalog states it, and as whole numbers, units / scale (0.4 = 4 / 10), for `times`. */
export interface Rate {
  readonly value: Decimal;
  readonly units: number;
  /** Its decimal places: value = units / 10^places. */
  readonly places: number;
}

export function rateOf(text: string): Rate {
  const value = new Decimal(text);
  const places = value.decimalPlaces();
  const units = value.times(new Decimal(10).pow(places)).toNumber();
  // A rate of more than 22 places, or not a whole number of units below 2^53, keeps units 0: times
  // then always uses decimal.js.
  const fits = places <= 22 && Number.isSafeInteger(units) && units >= 0 && new Decimal(units).div(new Decimal(10).pow(places)).eq(value);
  return { value, units: fits ? units : 0, places: fits ? places : 0 };
}

/**
 * rate × x, exactly: what decimal.js's times gives (40 digits hold any product of a catalog rate
 * and an amount). The per-cell path nearly always has whole yuan and a whole result below 10^7,
 * which decimal.js's constructor reads without a string (its small-integer path): done here in
 * doubles where that is provably exact. x is a whole number below 10^15, so toNumber reads it
 * exactly; units × x is the correctly rounded product of two whole numbers, exact when it is at
 * most 2^53 − 1 (were the true product larger, the rounded one would be ≥ 2^53 and fail the test);
 * a remainder of 0 (fmod is exact) makes the quotient by 10^places a whole number, which division
 * returns exactly. Anything else (fen, results from 10^7 on) is faster through decimal.js's own
 * times than through its constructor's string parse.
 */
export function times(rate: Rate, x: Decimal): Decimal {
  if (rate.units !== 0 && x.s > 0 && x.e < 15 && x.isInteger()) {
    const product = rate.units * toNumber(x);
    const scale = POWERS_OF_TEN[rate.places];
    if (product <= Number.MAX_SAFE_INTEGER && product % scale === 0 && product < 1e7 * scale) return new Decimal(product / scale);
  }
  return rate.value.times(x);
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
 * A Decimal as the number Excel receives, at the boundary only: the double nearest its value,
 * which is what decimal.js's own toNumber (a string round trip) gives. Amounts in yuan almost
 * always have at most 15 digits: for those it is read from decimal.js's documented base-1e7
 * digit words (`d`, most significant first, trailing zero words not stored; exponent `e`; sign
 * `s`) as an integer n with value = n × 10^shift. n is exact while it stays below 2^53 (each
 * step is an integer operation, exact when its result is), and 10^|shift| is exact up to 10^22,
 * so one multiplication or division, correctly rounded, is the nearest double (Clinger's fast
 * path, as strtod has it). Anything longer goes through decimal.js.
 */
export function toNumber(x: Decimal): number {
  const words = x.d;
  if (words && words.length <= 3) {
    let n = words[0];
    for (let i = 1; i < words.length; i++) n = n * 1e7 + words[i];
    // The first word holds (e mod 7) + 1 digits, every other word 7.
    const r = x.e % 7;
    const shift = x.e + 1 - ((r < 0 ? r + 7 : r) + 1 + 7 * (words.length - 1));
    if (n <= Number.MAX_SAFE_INTEGER && shift >= -22 && shift <= 22) {
      const y = shift >= 0 ? n * POWERS_OF_TEN[shift] : n / POWERS_OF_TEN[-shift];
      return x.s < 0 ? -y : y;
    }
  }
  return x.toNumber();
}
