import { Decimal } from "../input/money";

/**
 * Exact non-negative rationals over BigInt, for the forecast's figures: every amount a world
 * pays is a decimal, every probability a decimal, so every expected value is a fraction that
 * BigInt holds without rounding; only the last step rounds, to the fen.
 */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

export const RATIO_ZERO: Ratio = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.n === 0n) return b;
  if (b.n === 0n) return a;
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  const g = gcd(a.d, b.d);
  return { n: a.n * (b.d / g) + b.n * (a.d / g), d: (a.d / g) * b.d };
}

export const sum = (xs: Iterable<Ratio>): Ratio => {
  let s = RATIO_ZERO;
  for (const x of xs) s = add(s, x);
  return s;
};

export const times = (a: Ratio, n: bigint, d = 1n): Ratio => ({ n: a.n * n, d: a.d * d });

/** 10^k as Decimals, made once each: scaled runs once per amount of a plan. */
const powersOfTen: Decimal[] = [];

/** A Decimal as digits and a power of ten: x = n / 10^scale, exactly. */
export function scaled(x: Decimal, scale: number): bigint {
  return BigInt(x.times((powersOfTen[scale] ??= new Decimal(10).pow(scale))).toFixed(0));
}

/** The decimal places a value needs. */
export const placesOf = (x: Decimal): number => x.decimalPlaces();

export const pow10 = (k: number): bigint => 10n ** BigInt(k);

/** A probability (a JS number in [0, 1]) as the decimal fraction it is written as. */
export function probabilityRatio(p: number): Ratio {
  const d = new Decimal(p);
  const k = d.decimalPlaces();
  return { n: scaled(d, k), d: pow10(k) };
}

/** In fen (0.01 yuan), rounded down, with what is left over as a fraction of a fen. */
function fenParts(x: Ratio): { fen: bigint; rest: Ratio } {
  const n = x.n * 100n;
  return { fen: n / x.d, rest: { n: n % x.d, d: x.d } };
}

/** Half a fen and up rounds up, as decimal.js's ROUND_HALF_UP does. */
export function roundFen(x: Ratio): bigint {
  const { fen, rest } = fenParts(x);
  return rest.n * 2n >= rest.d ? fen + 1n : fen;
}

export const fenToDecimal = (fen: bigint): Decimal => new Decimal(fen.toString()).dividedBy(100);

const compare = (a: Ratio, b: Ratio): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/**
 * Largest remainder (Hamilton): parts in fen that add up to `whole` fen, each its exact value
 * rounded down or up, the fen left over going to the largest remainders (the first on a tie).
 * So a year as shown is the sum of its policies as shown, and every figure is within a fen.
 */
export function apportion(whole: bigint, parts: readonly Ratio[]): bigint[] {
  const split = parts.map(fenParts);
  const out = split.map((p) => p.fen);
  let left = whole - out.reduce((a, b) => a + b, 0n);
  const order = split.map((_, i) => i).sort((i, j) => compare(split[j].rest, split[i].rest) || i - j);
  for (const i of order) {
    if (left <= 0n) break;
    out[i] += 1n;
    left -= 1n;
  }
  return out;
}
