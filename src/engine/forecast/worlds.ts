import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { pow10, probabilityRatio, RATIO_ZERO, scaled, type Ratio } from "./exact";
import type { Decimal } from "../input/money";
import type { Settlement } from "./settlement";

/**
 * The worlds of a settled plan, in scaled integers. A world differs from another only in which
 * uncertain events happen (RULINGS 17, 18): a line pays its precomputed amount if its event
 * happens, cut by the annual caps in plan order. Events fall in one year each, so years are
 * independent; within a year only the lines under a cap depend on each other.
 *
 * Amounts are integers in units of 10^-scale yuan, the fewest decimal places that hold every
 * amount and cap exactly. Probabilities are the decimal fractions they are written as.
 */
export interface Worlds {
  readonly scale: number;
  readonly lineCount: number;
  /** Uncertain events (0 < p < 1), in event order: what a draw decides. */
  readonly uncertain: readonly { readonly event: number; readonly p: Ratio; readonly chance: number }[];
  readonly years: readonly YearWorlds[];
}

interface PayerCell {
  readonly line: number;
  readonly amount: bigint;
  /** Index into the year's caps, or -1. */
  readonly cap: number;
}

/** The lines of one event in one year, in plan order (RULINGS 18: they happen together). */
interface Block {
  /** Index into `uncertain`, or -1 for an event that happens in every world. */
  readonly uncertain: number;
  readonly payers: readonly PayerCell[];
}

export interface YearWorlds {
  readonly blocks: readonly Block[];
  readonly caps: readonly bigint[];
  /** Per cap, the last block that counts against it: after it, the cap's state is dropped. */
  readonly lastUse: readonly number[];
}

/** Thrown when a forecast runs past its caller's deadline (a cell's time budget). */
export class ForecastTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the forecast stopped after ${ms} ms`);
    this.name = "ForecastTimeout";
  }
}

export interface Budget {
  /** Date.now() value after which the work stops with a ForecastTimeout. */
  readonly deadline?: number;
  readonly started: number;
}

export function checkBudget(b: Budget): void {
  if (b.deadline !== undefined && Date.now() > b.deadline) throw new ForecastTimeout(Date.now() - b.started);
}

export function worldsOf(s: Settlement, years: readonly number[]): Worlds {
  const decimals = (xs: Iterable<Decimal>) => Math.max(0, ...[...xs].map((x) => x.decimalPlaces()));
  const scale = Math.max(decimals(s.payers.map((p) => p.amount)), decimals([...s.caps.values()].map((c) => c.amount)));
  const events = [...new Set(s.payers.map((p) => p.event))].sort((a, b) => a - b);
  const uncertain = events
    .filter((e) => s.probability.get(e)! > 0 && s.probability.get(e)! < 1)
    .map((event) => ({ event, p: probabilityRatio(s.probability.get(event)!), chance: s.probability.get(event)! }));
  const indexOf = new Map(uncertain.map((u, i) => [u.event, i]));
  const yearOf = new Map(years.map((y, i) => [y, i]));
  const built = years.map(() => ({ blocks: [] as { uncertain: number; event: number; payers: PayerCell[] }[], caps: [] as bigint[], capIndex: new Map<string, number>() }));
  const seen = new Set<number>();
  for (const p of s.payers) {
    const prob = s.probability.get(p.event)!;
    if (prob <= 0) continue;
    const y = built[yearOf.get(p.year)!];
    let cap = -1;
    if (p.cap !== undefined) {
      cap = y.capIndex.get(p.cap) ?? y.caps.push(scaled(s.caps.get(p.cap)!.amount, scale)) - 1;
      y.capIndex.set(p.cap, cap);
    }
    let block = y.blocks[y.blocks.length - 1];
    if (!block || block.event !== p.event) {
      // An event's lines are adjacent in plan order (matters.ts orders them so): a block per event.
      if (seen.has(p.event)) throw new Error(`the lines of event ${p.event} are not adjacent in plan order`);
      seen.add(p.event);
      block = { uncertain: indexOf.get(p.event) ?? -1, event: p.event, payers: [] };
      y.blocks.push(block);
    }
    block.payers.push({ line: p.line, amount: scaled(p.amount, scale), cap });
  }
  return {
    scale,
    lineCount: s.lines.length,
    uncertain,
    years: built.map(({ blocks, caps }) => {
      const lastUse = caps.map(() => -1);
      blocks.forEach((b, i) => b.payers.forEach((p) => p.cap >= 0 && (lastUse[p.cap] = i)));
      return { blocks: blocks.map(({ uncertain, payers }) => ({ uncertain, payers })), caps, lastUse };
    }),
  };
}

/** At most this many points in any distribution worked out exactly; beyond, the figure is sampled. */
export const SUPPORT_LIMIT = 4096;

/**
 * A bound on the states of a year's walk, known before walking: uncertain events that pay alike
 * (the same amounts under the same caps, in the figure alike) give Π (mᵢ + 1) combinations for
 * mᵢ events of each kind, 2^k for k events that all differ. Past SUPPORT_LIMIT the figure is
 * sampled without a walk; within it, the walk still checks, for lines whose order matters.
 */
function combinations(year: YearWorlds, coefficient: (line: number) => bigint): number {
  const kinds = new Map<string, number>();
  for (const b of year.blocks) {
    if (b.uncertain < 0) continue;
    const kind = b.payers.map((c) => `${c.cap} ${c.amount} ${coefficient(c.line)}`).join(";");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  let n = 1;
  for (const m of kinds.values()) {
    n *= m + 1;
    if (n > SUPPORT_LIMIT) return Infinity;
  }
  return n;
}

/**
 * Each line's exact expected amount, linear over the lines no cap touches (amount × p) and, per
 * cap and year, a walk over the distribution of what the cap has used so far, in plan order.
 * A cap whose used amounts take more than SUPPORT_LIMIT values leaves its lines to be sampled.
 */
export function expectedByLine(w: Worlds, budget: Budget): { expected: Ratio[]; sampled: Set<number> } {
  const unit = pow10(w.scale);
  const expected: Ratio[] = new Array(w.lineCount).fill(RATIO_ZERO);
  const sampled = new Set<number>();
  for (const year of w.years) {
    for (const block of year.blocks) {
      const p = block.uncertain >= 0 ? w.uncertain[block.uncertain].p : { n: 1n, d: 1n };
      for (const c of block.payers) if (c.cap < 0) expected[c.line] = { n: c.amount * p.n, d: p.d * unit };
    }
    year.caps.forEach((cap, k) => {
      checkBudget(budget);
      // The distribution of what the cap has used so far: amounts in ascending order, each with
      // its weight over den. A block maps each amount s to s (the event fails) and to s plus
      // what its lines pay (it happens), and both maps keep the order (s + min(a, cap − s) grows
      // with s), so the next distribution is a merge of two sorted lists, with no hashing.
      let used: bigint[] = [0n];
      let weight: bigint[] = [1n];
      let den = 1n;
      const sums: { line: number; n: bigint; d: bigint }[] = [];
      for (const block of year.blocks) {
        const mine = block.payers.filter((c) => c.cap === k);
        if (mine.length === 0) continue;
        const p = block.uncertain >= 0 ? w.uncertain[block.uncertain].p : undefined;
        const acc = mine.map(() => 0n);
        const reached: bigint[] = new Array(used.length);
        const reachedWeight: bigint[] = new Array(used.length);
        for (let j = 0; j < used.length; j++) {
          const wy = p ? weight[j] * p.n : weight[j];
          let s = used[j];
          for (let i = 0; i < mine.length; i++) {
            const room = cap - s;
            const paid = mine[i].amount < room ? mine[i].amount : room;
            acc[i] += wy * paid;
            s += paid;
          }
          reached[j] = s;
          reachedWeight[j] = wy;
        }
        if (p) [used, weight] = merged(used, weight.map((x) => x * (p.d - p.n)), reached, reachedWeight);
        else [used, weight] = collapsed(reached, reachedWeight);
        const d = den * (p ? p.d : 1n);
        mine.forEach((c, i) => sums.push({ line: c.line, n: acc[i], d: d * unit }));
        den = d;
        if (used.length > SUPPORT_LIMIT) {
          for (const b of year.blocks) for (const c of b.payers) if (c.cap === k) sampled.add(c.line);
          return;
        }
      }
      for (const x of sums) expected[x.line] = { n: x.n, d: x.d };
    });
  }
  return { expected, sampled };
}

/** Two ascending distributions as one, equal amounts' weights added. */
function merged(a: readonly bigint[], wa: readonly bigint[], b: readonly bigint[], wb: readonly bigint[]): [bigint[], bigint[]] {
  const used: bigint[] = [];
  const weight: bigint[] = [];
  const push = (s: bigint, x: bigint) => {
    if (used.length > 0 && used[used.length - 1] === s) weight[weight.length - 1] += x;
    else {
      used.push(s);
      weight.push(x);
    }
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) push(a[i], wa[i++]);
    else push(b[j], wb[j++]);
  }
  return [used, weight];
}

/** An ascending list with repeats as a distribution, equal amounts' weights added. */
const collapsed = (used: readonly bigint[], weight: readonly bigint[]): [bigint[], bigint[]] => merged(used, weight, [], []);

/** A distribution: values (units of 10^-scale yuan times the figure's coefficients) and weights / den. */
export interface Distribution {
  readonly points: ReadonlyMap<bigint, bigint>;
  readonly den: bigint;
}

/**
 * The exact distribution of Σ coefficient × paid over one year's lines, or undefined past
 * SUPPORT_LIMIT states (by `combinations`, or at any step): a walk over the year's events in plan order whose state is the amount
 * each open cap has used and the figure so far, with its probability as an exact fraction.
 * Amounts are plain numbers where every sum provably stays below 2^53 (integers, so exact),
 * else BigInt through the same operators, as in `sample`.
 */
export function yearDistribution(year: YearWorlds, w: Worlds, coefficient: (line: number) => bigint, budget: Budget): Distribution | undefined {
  checkBudget(budget);
  if (combinations(year, coefficient) > SUPPORT_LIMIT) return undefined;
  let bound = year.caps.reduce((a, c) => (c > a ? c : a), 0n);
  let total = 0n;
  for (const b of year.blocks) for (const c of b.payers) total += coefficient(c.line) * c.amount;
  if (total > bound) bound = total;
  const plainKeys = bound <= BigInt(Number.MAX_SAFE_INTEGER);
  const num: (x: bigint) => number = plainKeys ? Number : (x) => x as unknown as number;
  const zero = num(0n);
  const caps = year.caps.map(num);
  // A cap no uncertain line counts against is used alike in every world: its lines are settled here.
  const certainCap = year.caps.map((_, i) => year.blocks.every((b) => b.uncertain < 0 || b.payers.every((c) => c.cap !== i)));
  const settledUse = caps.map(() => zero);
  const blocks = year.blocks.map((b) => ({
    p: b.uncertain >= 0 ? w.uncertain[b.uncertain].p : undefined,
    payers: b.payers.map((c) => {
      let amount = num(c.amount);
      if (c.cap >= 0 && certainCap[c.cap]) {
        const room = caps[c.cap] - settledUse[c.cap];
        if (amount > room) amount = room;
        settledUse[c.cap] += amount;
        return { amount, cap: -1, k: num(coefficient(c.line)) };
      }
      return { amount, cap: c.cap, k: num(coefficient(c.line)) };
    }),
  }));

  interface State {
    readonly used: number[];
    readonly value: number;
    weight: bigint;
  }
  let states = new Map<unknown, State>([[zero, { used: caps.map(() => zero), value: zero, weight: 1n }]]);
  let den = 1n;
  // What every world pays alike (a certain line under no cap) is added once, at the end.
  let constant = zero;
  for (let b = 0; b < blocks.length; b++) {
    const { p, payers } = blocks[b];
    if (!p && payers.every((c) => c.cap < 0)) {
      for (const c of payers) constant += c.k * c.amount;
      continue;
    }
    const open = year.lastUse.map((last, i) => (last > b && !certainCap[i] ? i : -1)).filter((i) => i >= 0);
    // The key: the figure, then what each open cap has used, in mixed radix (each used ≤ its
    // cap, so one-to-one); a plain number where that provably stays below 2^53, else a string.
    const radix = open.reduce((a, i) => a * (year.caps[i] + 1n), bound + 1n);
    const numeric = plainKeys && radix <= BigInt(Number.MAX_SAFE_INTEGER);
    const next = new Map<unknown, State>();
    const put = (used: number[], value: number, weight: bigint) => {
      let k: unknown = value;
      if (numeric) for (const i of open) k = (k as number) * (caps[i] + 1) + used[i];
      else if (open.length > 0) k = `${value},${open.map((i) => used[i]).join(",")}`;
      const there = next.get(k);
      if (there) there.weight += weight;
      else next.set(k, { used, value, weight });
    };
    for (const st of states.values()) {
      if (p) put(st.used, st.value, st.weight * (p.d - p.n));
      const used = open.length > 0 ? st.used.slice() : st.used;
      let value = st.value;
      for (const c of payers) {
        let paid = c.amount;
        if (c.cap >= 0) {
          const room = caps[c.cap] - used[c.cap];
          if (paid > room) paid = room;
          used[c.cap] += paid;
        }
        value += c.k * paid;
      }
      put(used, value, p ? st.weight * p.n : st.weight);
    }
    if (p) den *= p.d;
    states = next;
    if (states.size > SUPPORT_LIMIT) return undefined;
  }
  const points = new Map<bigint, bigint>();
  for (const st of states.values()) {
    const v = BigInt(st.value + constant);
    points.set(v, (points.get(v) ?? 0n) + st.weight);
  }
  return { points, den };
}

/** The distribution of a sum of independent figures, or undefined past SUPPORT_LIMIT points. */
export function convolve(a: Distribution, b: Distribution): Distribution | undefined {
  if (a.points.size * b.points.size > SUPPORT_LIMIT * 16) return undefined;
  const points = new Map<bigint, bigint>();
  for (const [x, wx] of a.points) for (const [y, wy] of b.points) points.set(x + y, (points.get(x + y) ?? 0n) + wx * wy);
  return points.size > SUPPORT_LIMIT ? undefined : { points, den: a.den * b.den };
}

/** For each q = num/den, the smallest value v with P(X ≤ v) ≥ q (nearest rank), exactly. */
export function quantiles(d: Distribution, qs: readonly (readonly [bigint, bigint])[]): bigint[] {
  const sorted = [...d.points].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return qs.map(([num, den]) => {
    let cumulative = 0n;
    for (const [v, weight] of sorted) {
      cumulative += weight;
      if (cumulative * den >= num * d.den) return v;
    }
    return sorted[sorted.length - 1][0];
  });
}

/**
 * What the seeded Monte Carlo draws give: per figure, the nearest-rank quantiles asked for; per
 * line, the sum over the draws of what it paid (for lines whose expected value is not exact).
 */
export interface Sample {
  readonly draws: number;
  /** quantiles[f][q]: figure f's q-th quantile, in the same units as a Distribution's values. */
  readonly quantiles: readonly (readonly bigint[])[];
  readonly lineSums: readonly bigint[];
}

/** A figure to sample: its coefficient per line (0: not in it). */
export interface SampledFigure {
  readonly terms: ReadonlyMap<number, bigint>;
}

/**
 * Seeded draws over the uncertain events only: one 32-bit number per uncertain event per draw
 * (xoroshiro128+; the event happens below p × 2^32), then every year's lines in plan order with
 * the caps. Plain numbers where every sum provably stays below 2^53 (each is an integer, so
 * exact), else BigInt with the same loop.
 */
export function sample(
  w: Worlds,
  figures: readonly SampledFigure[],
  qs: readonly (readonly [bigint, bigint])[],
  draws: number,
  seed: number,
  budget: Budget,
  onProgress?: (done: number, total: number) => void,
): Sample {
  const all = w.years.flatMap((y, yi) => y.blocks.flatMap((b) => b.payers.map((c) => ({ line: c.line, amount: c.amount, cap: c.cap, year: yi, uncertain: b.uncertain }))));
  // A certain line under no cap pays the same in every draw: added once, not per draw.
  const isFixed = (c: (typeof all)[number]) => c.uncertain < 0 && c.cap < 0;
  const fixed = all.filter(isFixed);
  const payers = all.filter((c) => !isFixed(c));
  // Bound every accumulator: a figure's value, a line's sum over the draws.
  let bound = 0n;
  const amountOf = new Map(all.map((c) => [c.line, c.amount]));
  for (const f of figures) {
    let s = 0n;
    for (const [line, c] of f.terms) s += c * (amountOf.get(line) ?? 0n);
    if (s > bound) bound = s;
  }
  for (const a of amountOf.values()) if (a * BigInt(draws) > bound) bound = a * BigInt(draws);
  const plain = bound <= BigInt(Number.MAX_SAFE_INTEGER);
  // The same operators (+, -, *, <) serve numbers and bigints; `num` makes the loop's values one
  // kind or the other, never mixed, so one loop serves both without a branch per operation.
  const num: (x: bigint) => number = plain ? Number : (x) => x as unknown as number;
  const zero = num(0n);

  // Flat arrays, payer by payer in plan order: a cap is numbered across all years. Typed arrays
  // in plain mode, so every call sees the same element kinds (V8 keeps one optimised loop).
  const amounts = (xs: readonly bigint[]): number[] => (plain ? (Float64Array.from(xs, Number) as unknown as number[]) : (xs as unknown as number[]));
  const ints = (xs: readonly number[]): Int32Array => Int32Array.from(xs);
  const capBase = w.years.map((_, yi) => w.years.slice(0, yi).reduce((n, y) => n + y.caps.length, 0));
  const caps = amounts(w.years.flatMap((y) => y.caps));
  const amount = amounts(payers.map((c) => c.amount));
  const cap = ints(payers.map((c) => (c.cap >= 0 ? capBase[c.year] + c.cap : -1)));
  const event = ints(payers.map((c) => c.uncertain));
  const line = ints(payers.map((c) => c.line));
  const starts = [0];
  const figureOf: number[] = [];
  const coefficients: bigint[] = [];
  const byLine = new Map<number, { f: number; c: bigint }[]>();
  figures.forEach((fig, f) =>
    fig.terms.forEach((c, l) => {
      const terms = byLine.get(l);
      if (terms) terms.push({ f, c });
      else byLine.set(l, [{ f, c }]);
    }),
  );
  for (const c of payers) {
    for (const t of byLine.get(c.line) ?? []) {
      figureOf.push(t.f);
      coefficients.push(t.c);
    }
    starts.push(figureOf.length);
  }
  const termStart = ints(starts);
  const termFigure = ints(figureOf);
  const termCoefficient = amounts(coefficients);
  const threshold = Float64Array.from(w.uncertain, (u) => Math.floor(u.chance * 2 ** 32));

  const values = figures.map(() => (plain ? new Float64Array(draws) : new Array<bigint>(draws)) as unknown as number[]);
  const lineSums = amounts(new Array<bigint>(w.lineCount).fill(0n));
  const happens = new Uint8Array(w.uncertain.length);
  const used = amounts(w.years.flatMap((y) => y.caps.map(() => 0n)));
  const acc = amounts(figures.map(() => 0n));
  const rng = xoroshiro128plus(seed);
  const n = payers.length;
  for (let k = 0; k < draws; k++) {
    if ((k & 63) === 0) checkBudget(budget);
    for (let e = 0; e < threshold.length; e++) happens[e] = rng.next() >>> 0 < threshold[e] ? 1 : 0;
    used.fill(zero);
    acc.fill(zero);
    for (let i = 0; i < n; i++) {
      const e = event[i];
      if (e >= 0 && happens[e] === 0) continue;
      let paid = amount[i];
      const c = cap[i];
      if (c >= 0) {
        const room = caps[c] - used[c];
        if (room < paid) paid = room;
        used[c] += paid;
      }
      lineSums[line[i]] += paid;
      for (let t = termStart[i]; t < termStart[i + 1]; t++) acc[termFigure[t]] += termCoefficient[t] * paid;
    }
    for (let f = 0; f < acc.length; f++) values[f][k] = acc[f];
    if (onProgress && ((k + 1) % 100 === 0 || k + 1 === draws)) onProgress(k + 1, draws);
  }
  const constant = figures.map((fig) => fixed.reduce((a, c) => a + (fig.terms.get(c.line) ?? 0n) * c.amount, 0n));
  const sums = Array.from(lineSums, (x) => BigInt(x));
  for (const c of fixed) sums[c.line] += c.amount * BigInt(draws);
  // Nearest rank: the ⌈q·n⌉-th smallest draw (a Float64Array sorts numerically, exact integers).
  const ranks = qs.map(([num, den]) => Math.max(0, Number((num * BigInt(draws) + den - 1n) / den) - 1));
  const quantiles = values.map((v, f) => {
    const sorted = plain ? (v as unknown as Float64Array).sort() : (v as unknown as bigint[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return ranks.map((r) => BigInt(sorted[r]) + constant[f]);
  });
  return { draws, quantiles, lineSums: sums };
}
