import { add, apportion, fenToDecimal, placesOf, pow10, roundFen, scaled, sum, times, type Ratio } from "./exact";
import { Decimal, ZERO } from "../input/money";
import type { Settlement } from "./settlement";
import { convolve, expectedByLine, quantiles, sample, yearDistribution, type Budget, type Distribution, type Sample, type SampledFigure, type Worlds } from "./worlds";

export type FigureMethod = "exact" | "monte-carlo";

export interface Band {
  readonly ceiling: Decimal;
  /** The mean over the worlds, to the fen. */
  readonly expected: Decimal;
  /** The smallest amounts with a 10%, 50%, 90% chance of not being exceeded, to the fen. */
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** Some figure in it rests on an assumption: an assumed rate or amount (ruling 3), or another text's base read for one the plan does not state. */
  readonly assumed: boolean;
  /** How each figure was found: over every world exactly, or from the seeded draws. */
  readonly methods: { readonly expected: FigureMethod; readonly band: FigureMethod };
}

export interface YearRow extends Band {
  readonly year: number;
  /** Ceiling and expected by policy document id; the expected ones add up to the year's. */
  readonly byPolicy: Readonly<Record<string, { ceiling: Decimal; expected: Decimal }>>;
}

export interface View {
  readonly years: readonly YearRow[];
  readonly total: Band;
}

/** Where a view puts each line's amount: by year, as fractions (the entitled view: all in its year). */
export type LineSpread = (line: number) => readonly { readonly year: number; readonly fraction: Decimal }[];

export interface Aggregate {
  /** Per line, to the fen, adding up to its policy's figure in the entitled view. */
  readonly lineExpected: readonly Decimal[];
  readonly lineMethod: readonly FigureMethod[];
  readonly views: Readonly<Record<string, View>>;
  /** Whether any figure came from the draws. */
  readonly sampled: boolean;
}

export interface AggregateOptions {
  readonly draws: number;
  readonly seed: number;
  readonly budget: Budget;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One figure of one view: its lines' coefficients, scaled by 10^scale. */
interface Figure {
  readonly coefficients: ReadonlyMap<number, bigint>;
  readonly scale: number;
  distribution?: Distribution;
  sampleIndex?: number;
}

const TENTHS: readonly [bigint, bigint][] = [
  [1n, 10n],
  [1n, 2n],
  [9n, 10n],
];

/**
 * Every figure of every view from the same worlds: expected values exact by linearity (each
 * line's from expectedByLine), bands exact where the distribution stays within SUPPORT_LIMIT
 * points and from one shared run of seeded draws otherwise, then rounded top-down so that what
 * is shown adds up (a view's total, its years, their policies, the entitled view's lines).
 */
export function aggregate(s: Settlement, w: Worlds, horizon: readonly number[], spreads: Readonly<Record<string, LineSpread>>, o: AggregateOptions): Aggregate {
  const { expected, sampled: sampledLines } = expectedByLine(w, o.budget);
  const linesOfYear = horizon.map(() => [] as number[]);
  for (const y of w.years.keys()) for (const b of w.years[y].blocks) for (const c of b.payers) linesOfYear[y].push(c.line);

  // The exact distribution of a figure's part in one entitlement year, shared between figures
  // that weigh that year's lines alike (a year and the total, in the entitled view).
  const cache = new Map<string, Distribution | undefined>();
  const distributionOf = (f: Figure): Distribution | undefined => {
    let d: Distribution | undefined = { points: new Map([[0n, 1n]]), den: 1n };
    for (let y = 0; y < horizon.length && d; y++) {
      const lines = linesOfYear[y];
      if (!lines.some((l) => (f.coefficients.get(l) ?? 0n) !== 0n)) continue;
      const key = `${y} ${lines.map((l) => f.coefficients.get(l) ?? 0n).join(",")}`;
      if (!cache.has(key)) cache.set(key, yearDistribution(w.years[y], w, (l) => f.coefficients.get(l) ?? 0n, o.budget));
      const part = cache.get(key);
      d = part && convolve(d, part);
    }
    return d;
  };

  const built = Object.entries(spreads).map(([name, spread]) => {
    const parts = s.lines.map((_, i) => spread(i).filter((p) => !p.fraction.isZero()));
    const scale = Math.max(0, ...parts.flatMap((ps) => ps.map((p) => placesOf(p.fraction))));
    const seen = parts.flatMap((ps) => ps.map((p) => p.year));
    const from = Math.min(horizon[0], ...seen);
    const to = Math.max(horizon[horizon.length - 1], ...seen);
    const years: number[] = [];
    for (let y = from; y <= to; y++) years.push(y);
    const byYear = years.map(() => new Map<number, Decimal>());
    const overall = new Map<number, Decimal>();
    parts.forEach((ps, line) =>
      ps.forEach((p) => {
        const m = byYear[p.year - from];
        m.set(line, (m.get(line) ?? ZERO).plus(p.fraction));
        overall.set(line, (overall.get(line) ?? ZERO).plus(p.fraction));
      }),
    );
    const figure = (m: Map<number, Decimal>): Figure => ({ coefficients: new Map([...m].map(([l, f]) => [l, scaledOnce(f, scale)])), scale });
    return { name, years, fractions: byYear, yearFigures: byYear.map(figure), totalFigure: figure(overall) };
  });

  const figures = built.flatMap((v) => [...v.yearFigures, v.totalFigure]);
  for (const f of figures) f.distribution = distributionOf(f);
  const toSample = figures.filter((f) => !f.distribution);
  let draws: Sample | undefined;
  if (toSample.length > 0 || sampledLines.size > 0) {
    toSample.forEach((f, i) => (f.sampleIndex = i));
    const asked: SampledFigure[] = toSample.map((f) => ({ terms: f.coefficients }));
    draws = sample(w, asked, TENTHS, o.draws, o.seed, o.budget, o.onProgress);
  }
  const unit = pow10(w.scale);
  const lineMean = (line: number): Ratio =>
    sampledLines.has(line) && draws ? { n: draws.lineSums[line], d: BigInt(o.draws) * unit } : expected[line];
  const lineMethod = s.lines.map((_, i): FigureMethod => (sampledLines.has(i) ? "monte-carlo" : "exact"));

  const band = (f: Figure, ceiling: Decimal, shown: bigint, assumed: boolean): Band => {
    const den = pow10(w.scale + f.scale);
    const values = f.distribution ? quantiles(f.distribution, TENTHS) : draws!.quantiles[f.sampleIndex!];
    const [p10, p50, p90] = values.map((v) => fenToDecimal(roundFen({ n: v, d: den })));
    const sampledExpected = [...f.coefficients.keys()].some((l) => sampledLines.has(l));
    return {
      ceiling,
      expected: fenToDecimal(shown),
      p10,
      p50,
      p90,
      assumed,
      methods: { expected: sampledExpected ? "monte-carlo" : "exact", band: f.distribution ? "exact" : "monte-carlo" },
    };
  };

  const isAssumed = (line: number) => s.lines[line].trace.working?.assumed !== undefined && s.ceiling[line].gt(0);
  const lineExpected = s.lines.map(() => ZERO);
  const views: Record<string, View> = {};
  for (const v of built) {
    // Exact expected of each line's share in each year, then rounded from the top down.
    const unitOfView = pow10(v.totalFigure.scale);
    const share = v.fractions.map((m) => [...m].map(([line, fraction]) => ({ line, exact: times(lineMean(line), scaledOnce(fraction, v.totalFigure.scale), unitOfView), fraction })));
    const yearExact = share.map((xs) => sum(xs.map((x) => x.exact)));
    const totalShown = roundFen(sum(yearExact));
    const yearShown = apportion(totalShown, yearExact);
    const rows: YearRow[] = v.years.map((year, i) => {
      const policies = new Map<string, { exact: Ratio; ceiling: Decimal; lines: typeof share[number] }>();
      for (const x of share[i]) {
        const id = s.lines[x.line].trace.document.id;
        const p = policies.get(id);
        const ceiling = s.ceiling[x.line].times(x.fraction);
        if (!p) policies.set(id, { exact: x.exact, ceiling, lines: [x] });
        else {
          p.exact = add(p.exact, x.exact);
          p.ceiling = p.ceiling.plus(ceiling);
          p.lines.push(x);
        }
      }
      const ids = [...policies.keys()];
      const policyShown = apportion(
        yearShown[i],
        ids.map((id) => policies.get(id)!.exact),
      );
      const byPolicy: Record<string, { ceiling: Decimal; expected: Decimal }> = {};
      ids.forEach((id, k) => {
        const p = policies.get(id)!;
        byPolicy[id] = { ceiling: p.ceiling, expected: fenToDecimal(policyShown[k]) };
        if (v.name === ENTITLED) {
          const shown = apportion(
            policyShown[k],
            p.lines.map((x) => x.exact),
          );
          p.lines.forEach((x, j) => (lineExpected[x.line] = fenToDecimal(shown[j])));
        }
      });
      const ceiling = ids.reduce((a, id) => a.plus(policies.get(id)!.ceiling), ZERO);
      return { year, ...band(v.yearFigures[i], ceiling, yearShown[i], share[i].some((x) => isAssumed(x.line))), byPolicy };
    });
    const total = band(
      v.totalFigure,
      rows.reduce((a, r) => a.plus(r.ceiling), ZERO),
      totalShown,
      rows.some((r) => r.assumed),
    );
    views[v.name] = { years: rows, total };
  }
  return { lineExpected, lineMethod, views, sampled: draws !== undefined };
}

/** Most fractions are 1 or a few shares: each is turned into digits once. */
const scaledFractions = new Map<string, bigint>();
function scaledOnce(f: Decimal, scale: number): bigint {
  const key = `${f.toString()} ${scale}`;
  let x = scaledFractions.get(key);
  if (x === undefined) {
    x = scaled(f, scale);
    if (scaledFractions.size < 1000) scaledFractions.set(key, x);
  }
  return x;
}

/** The view in which a line's amount falls in the year of its event: the forecast's own table. */
export const ENTITLED = "entitled";
