import { aggregate, ENTITLED, type Band, type FigureMethod, type LineSpread, type View, type YearRow } from "./aggregation";
import { engine, type ClauseLine, type Engine, type Evaluation } from "../rules/evaluate";
import { flagsOf, type Flag } from "../explain/flags";
import type { MatterTitle, Note } from "../explain/trace";
import { Decimal } from "../input/money";
import { placesOf } from "../catalog/places";
import type { Region } from "../catalog/regions";
import { mattersOf, type Matter } from "./matters";
import type { Scenario } from "./scenario";
import { settle } from "./settlement";
import { lastYear } from "../rules/validity";
import { checkBudget, worldsOf } from "./worlds";

export type { Band, FigureMethod, View, YearRow } from "./aggregation";
export { ForecastTimeout } from "./worlds";

/** What one clause pays for one matter. */
export interface ForecastLine {
  readonly year: number;
  readonly matter: string;
  /** The matter's title as data, for each language (formatTitle). */
  readonly title: MatterTitle;
  readonly trace: ClauseLine;
  /** Everything happens and every discretionary ceiling is granted in full. */
  readonly ceiling: Decimal;
  /** The mean over the worlds, to the fen; the lines of a policy's year add up to its figure. */
  readonly expected: Decimal;
  readonly expectedMethod: FigureMethod;
  readonly flags: readonly Flag[];
  /** What the portfolio did to it: an annual cap, a "three years at most" limit (formatNote). */
  readonly notes: readonly Note[];
}

/** What a projection sees of a line; `event` is the matter's event (a scenario event's index, for its useful life). */
export type ForecastLineInfo = Pick<ForecastLine, "year" | "matter" | "trace"> & { readonly event: number };

/**
 * Spreads a line's paid amount over years by fractions (cash: a payment lag; profit and loss:
 * recognition over an asset's life). The entitled view is `[{ year: line.year, fraction: 1 }]`.
 */
export type Projection = (line: ForecastLineInfo) => readonly { year: number; fraction: Decimal }[];

export interface Forecast {
  readonly name: string;
  readonly region: Region;
  readonly catalogVersion: string;
  /**
   * How the figures were found: "exact" when every one of them is exact over every combination
   * of the uncertain events (`worlds` of them), else the seeded draws some figures came from
   * (each Band and line says which of its figures).
   */
  readonly method: { readonly kind: "exact"; readonly worlds: number } | { readonly kind: "monte-carlo"; readonly draws: number; readonly seed: number };
  readonly years: readonly YearRow[];
  readonly total: Band;
  readonly lines: readonly ForecastLine[];
  /** Each projection of `options.projections`, computed in the same worlds. */
  readonly views: Readonly<Record<string, View>>;
  /** The engine's evaluation of every matter, for a full explanation. */
  readonly matters: readonly { matter: Matter; evaluation: Evaluation }[];
}

export interface ForecastOptions {
  readonly draws?: number;
  readonly seed?: number;
  /** Called every so many draws, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly projections?: Readonly<Record<string, Projection>>;
  /** Stop with a ForecastTimeout once Date.now() passes this (a cell's time budget). */
  readonly deadline?: number;
}

/**
 * The multi-year forecast. Every matter is evaluated once, with its trace; the plan is settled
 * as written (stacking, limits, caps: settlement.ts); what stays uncertain is only which events
 * happen, and the worlds (worlds.ts) and the figures over them (aggregation.ts) are worked out
 * in exact integers, by enumeration and convolution where the support is small and by seeded
 * draws where it is not.
 */
export function forecast(s: Scenario, options: ForecastOptions = {}, eng: Engine = engine()): Forecast {
  const started = Date.now();
  const draws = options.draws ?? s.simulation.draws;
  const seed = options.seed ?? s.simulation.seed;
  const { region, evaluated, years, settled, worlds } = prepare(s, eng);
  const budget = { deadline: options.deadline, started };
  checkBudget(budget);
  // A line is shown when it pays in some world or the portfolio did something to it.
  const pays = new Set(worlds.years.flatMap((y) => y.blocks.flatMap((b) => b.payers.filter((c) => c.amount > 0n).map((c) => c.line))));
  const shown = settled.lines.map((_, i) => settled.ceiling[i].gt(0) || pays.has(i) || settled.notes[i].length > 0);
  const info = (i: number): ForecastLineInfo => settled.lines[i];
  const spreads: Record<string, LineSpread> = { [ENTITLED]: (i) => (shown[i] ? [{ year: info(i).year, fraction: ONE }] : []) };
  for (const [name, projection] of Object.entries(options.projections ?? {})) spreads[name] = (i) => (shown[i] ? projection(info(i)) : []);

  const result = aggregate(settled, worlds, years, spreads, { draws, seed, budget, onProgress: options.onProgress });
  const { [ENTITLED]: entitled, ...views } = result.views;
  const lines: ForecastLine[] = [];
  settled.lines.forEach((l, i) => {
    if (!shown[i]) return;
    const flags = flagsOf(l.trace);
    const end = lastYear(l.trace.window);
    if (end !== undefined && end <= s.horizon.to) flags.push({ code: "expiring", value: l.trace.window.to });
    lines.push({
      year: l.year,
      matter: l.matter,
      title: l.title,
      trace: l.trace,
      ceiling: settled.ceiling[i],
      expected: result.lineExpected[i],
      expectedMethod: result.lineMethod[i],
      flags,
      notes: settled.notes[i],
    });
  });
  return {
    name: s.name,
    region,
    catalogVersion: eng.catalog.version,
    method: result.sampled ? { kind: "monte-carlo", draws, seed } : { kind: "exact", worlds: 2 ** [...settled.probability.values()].filter((p) => p > 0 && p < 1).length },
    years: entitled.years.filter((r) => r.year >= s.horizon.from && r.year <= s.horizon.to),
    total: entitled.total,
    lines,
    views,
    matters: evaluated,
  };
}

const ONE = new Decimal(1);

/** Everything fixed before a draw: each matter evaluated once, the plan settled, its worlds. */
export function prepare(s: Scenario, eng: Engine = engine()) {
  const region = s.enterprise.region as Region;
  const assumptions = Object.fromEntries(Object.entries(s.assumptions).map(([k, v]) => [k, new Decimal(v)]));
  const evaluated = mattersOf(s, eng.catalog.facts, eng).map((matter) => ({
    matter,
    evaluation: eng.evaluate({ topic: matter.topic, region, zones: s.enterprise.zones, facts: matter.facts, year: matter.year, assumptions, issueDates: s.issueDates, onceTaken: matter.onceTaken }),
  }));
  const years: number[] = [];
  for (let y = s.horizon.from; y <= s.horizon.to; y++) years.push(y);
  const settled = settle(evaluated, years, placesOf(eng.catalog).unitOf);
  return { region, evaluated, years, settled, worlds: worldsOf(settled, years) };
}
