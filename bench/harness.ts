/**
 * A small micro-benchmark harness, written here rather than taken from npm because the bench
 * reports *ratios* of variants measured in one process, and ratios are only trustworthy when the
 * variants are measured the same way at the same time:
 *
 * - each variant is a *batch* function `(n) => checksum` with its own loop written inline, so
 *   the call being measured is monomorphic and inlinable in its own loop (a shared
 *   `for (…) fn()` driver would go megamorphic across variants and add a call per iteration
 *   to the cheap ones);
 * - every variant is warmed up (TurboFan has compiled it) before anything is timed;
 * - the batch size is calibrated per variant so one batch runs for a few milliseconds, far
 *   above the timer's resolution;
 * - rounds are interleaved (A B C, B C A, C A B, …), so drift in CPU frequency, GC pressure or a
 *   noisy neighbour hits every variant alike, and the median over rounds is reported, with the
 *   median absolute deviation as a spread; a ratio between two variants is the median of the
 *   per-round ratios (the two batches of one round run back to back), which a burst of load
 *   from another process moves far less than it moves either median;
 * - every batch returns a checksum built from every result, which is added to a sink that is
 *   printed at the end, so no result can be dropped as dead code.
 *
 * tinybench and mitata measure one task at a time (no interleaving of the variants a ratio is
 * taken between), and neither would change the numbers enough to earn a dependency.
 */

export type Batch = (n: number) => number;

export interface Options {
  /** Warm-up time per variant, ms. */
  readonly warmupMs: number;
  /** Target duration of one timed batch, ms. */
  readonly batchMs: number;
  /** Timed rounds (odd, for a true median). */
  readonly rounds: number;
}

export interface Measurement {
  /** Median nanoseconds per call. */
  readonly ns: number;
  /** Median absolute deviation, as a fraction of the median. */
  readonly spread: number;
  /** Calls per timed batch. */
  readonly n: number;
  /** Nanoseconds per call in each round, in round order. */
  readonly samples: readonly number[];
}

/** a / b as the median of the per-round ratios. */
export function ratioOf(a: Measurement, b: Measurement): number {
  return median(a.samples.map((x, i) => x / b.samples[i]));
}

let sink = 0;
/** What every checksum went into; print it so the work is observable. */
export const checksum = (): number => sink;

function time(run: Batch, n: number): number {
  const t0 = process.hrtime.bigint();
  const s = run(n);
  const t1 = process.hrtime.bigint();
  sink += Number.isFinite(s) ? s % 1e9 : 1;
  return Number(t1 - t0);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Measures several variants of one computation together; returns one measurement each. */
export function measure(variants: readonly Batch[], opts: Options): Measurement[] {
  const sizes = variants.map((run) => {
    // Warm up: run growing batches until the warm-up time is spent.
    let n = 1;
    let spent = 0;
    while (spent < opts.warmupMs * 1e6) {
      spent += time(run, n);
      if (n < 1 << 24) n *= 2;
    }
    // Calibrate: the batch size that takes about batchMs.
    n = 1;
    for (;;) {
      const t = time(run, n);
      if (t >= opts.batchMs * 1e6 || n >= 1 << 28) {
        return Math.max(1, Math.round((n * opts.batchMs * 1e6) / Math.max(t, 1)));
      }
      n *= t < (opts.batchMs * 1e6) / 16 ? 8 : 2;
    }
  });
  const samples: number[][] = variants.map(() => []);
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (k + r) % variants.length;
      samples[v].push(time(variants[v], sizes[v]) / sizes[v]);
    }
  }
  return samples.map((xs, v) => {
    const ns = median(xs);
    const spread = median(xs.map((x) => Math.abs(x - ns))) / ns;
    return { ns, spread, n: sizes[v], samples: xs };
  });
}
