import { mersenne } from "pure-rand/generator/mersenne";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { engine, type ClauseLine, type Engine, type Evaluation } from "../src/engine/rules/evaluate";
import { flagsOf, type Flag } from "../src/engine/explain";
import { Decimal, formatYuan, ZERO } from "../src/engine/input/money";
import { placesOf } from "../src/engine/catalog/places";
import type { Region } from "../src/engine/catalog/regions";
import { mattersOf, type Matter } from "../src/engine/forecast/matters";
import type { Scenario } from "../src/engine/forecast/scenario";
import { mostFavourable } from "../src/engine/rules/stacking";
import { lastYear } from "../src/engine/rules/validity";

/** What one clause pays for one matter. */
export interface ForecastLine {
  readonly year: number;
  readonly matter: string;
  readonly trace: ClauseLine;
  /** Everything happens and every discretionary ceiling is granted in full. */
  readonly ceiling: Decimal;
  /** The mean over the draws. */
  readonly expected: Decimal;
  readonly flags: readonly Flag[];
  /** What the portfolio did to it: an annual cap, a "three years at most" limit. */
  readonly notes: readonly string[];
}

export interface Band {
  readonly ceiling: Decimal;
  readonly expected: Decimal;
  readonly p10: Decimal;
  readonly p50: Decimal;
  readonly p90: Decimal;
  /** Some figure in it rests on an assumed rate (ruling 3). */
  readonly assumed: boolean;
}

export interface YearRow extends Band {
  readonly year: number;
  /** Ceiling and expected by policy document id. */
  readonly byPolicy: Readonly<Record<string, { ceiling: Decimal; expected: Decimal }>>;
}

export interface Forecast {
  readonly name: string;
  readonly region: Region;
  readonly catalogVersion: string;
  /** How the expected value and band were computed. */
  readonly method: { readonly kind: "exact"; readonly worlds: number } | { readonly kind: "monte-carlo"; readonly draws: number; readonly seed: number };
  readonly years: readonly YearRow[];
  readonly total: Band;
  readonly lines: readonly ForecastLine[];
  /** The engine's evaluation of every matter, for a full explanation. */
  readonly matters: readonly { matter: Matter; evaluation: Evaluation }[];
}

export interface ForecastOptions {
  readonly draws?: number;
  readonly seed?: number;
  /** Called every so many draws, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A clause that may pay for a matter, ready for the draws. */
interface Candidate {
  readonly line: number;
  /** "累计不超过三年" counts years of the matter in its jurisdiction, whichever clause paid. */
  readonly limitKey: string;
  readonly amount: Decimal;
  readonly discretionary: boolean;
  readonly maxYears?: number;
  readonly capGroup?: string;
  /** Ruling 18 (added with it): the product's total cap over all years, by clause and product. */
  readonly total?: { readonly key: string; readonly amount: Decimal };
}

interface Prepared {
  readonly matter: Matter;
  /** Stacking groups (one jurisdiction, one matter), each a list of candidates. */
  readonly groups: readonly Candidate[][];
}

interface CapGroup {
  readonly cap: Decimal;
  readonly label: string;
}

/**
 * The forecast as it was before issue 10, kept only as the bench's baseline and the tests'
 * oracle: every world re-runs the stacking and caps in decimal.js. Do not use it elsewhere.
 *
 * The multi-year forecast (issue 4): each matter evaluated by the engine, then, year by year,
 * ruling 5 within each matter, the "at most N years" limits and the per-enterprise annual caps
 * (ruling 9) across the portfolio. The ceiling is the plan as written with every discretionary
 * ceiling granted; the expected value and the P10–P90 band come from seeded Monte Carlo draws
 * in which each event happens with its probability and discretionary awards are scaled by
 * their realisation factor.
 */
export function baselineForecast(s: Scenario, options: ForecastOptions = {}, eng: Engine = engine()): Forecast {
  const draws = options.draws ?? s.simulation.draws;
  const seed = options.seed ?? s.simulation.seed;
  const region = s.enterprise.region as Region;
  const assumptions = Object.fromEntries(Object.entries(s.assumptions).map(([k, v]) => [k, new Decimal(v)]));

  const lines: { year: number; matter: string; trace: ClauseLine }[] = [];
  const capGroups = new Map<string, CapGroup>();
  const evaluated: { matter: Matter; evaluation: Evaluation }[] = [];
  const prepared: Prepared[] = mattersOf(s, eng.catalog.facts).map((matter) => {
    const evaluation = eng.evaluate({ topic: matter.topic, region, facts: matter.facts, year: matter.year, assumptions, issueDates: s.issueDates, onceTaken: matter.onceTaken });
    evaluated.push({ matter, evaluation });
    const byGroup = new Map<string, Candidate[]>();
    for (const trace of evaluation.lines) {
      if (trace.status !== "applied" && trace.status !== "outranked") continue;
      const { clause, document } = trace;
      let capGroup: string | undefined;
      if (clause.enterpriseAnnualCap) {
        // One article's cap covers all the entries split from it (深圳（五）'s class II and III).
        capGroup = `${document.id} ${clause.article} ${clause.enterpriseAnnualCap}`;
        capGroups.set(capGroup, { cap: new Decimal(clause.enterpriseAnnualCap), label: `${document.title} ${clause.article}` });
      }
      // The stacking unit (ruling 21): 昌平组团's texts pay a matter once with 昌平区's.
      const key = `${placesOf(eng.catalog).unitOf(document.jurisdiction)} ${clause.matter}`;
      const totalCap = clause.caps.find((k) => k.total);
      byGroup.set(key, [
        ...(byGroup.get(key) ?? []),
        {
          line: lines.push({ year: matter.year, matter: matter.label, trace }) - 1,
          limitKey: key,
          amount: trace.amount,
          discretionary: clause.flags.includes("discretionary"),
          maxYears: clause.maxYears,
          capGroup,
          total: totalCap && { key: `${document.id} ${clause.article} ${clause.matter} ${matter.product ?? ""}`, amount: new Decimal(totalCap.amount) },
        },
      ]);
    }
    return { matter, groups: [...byGroup.values()] };
  });

  const capGroupOf = new Map<number, string>();
  const limitKeyOf = new Map<number, string>();
  for (const c of prepared.flatMap((p) => p.groups.flat())) {
    if (c.capGroup) capGroupOf.set(c.line, c.capGroup);
    if (c.maxYears !== undefined) limitKeyOf.set(c.line, c.limitKey);
  }

  const years: number[] = [];
  for (let y = s.horizon.from; y <= s.horizon.to; y++) years.push(y);
  const byYear = new Map(years.map((y) => [y, prepared.filter((p) => p.matter.year === y)]));

  // "累计不超过N年" is settled on the plan as written: the years the ceiling pays a limited matter
  // are its years of support in every world, so no world pays more in a year than the ceiling.
  const supportYears = new Set<string>();
  // A product's total cap (ruling 18) is settled on the plan as written too: what the ceiling
  // leaves a line within its product's total is the most any world pays it.
  const withinTotal = new Map<number, Decimal>();

  /** One world: which events happen (undefined: all of them, at full ceilings). */
  const run = (happens: ((m: Matter) => boolean) | undefined, notes?: string[][]): Map<number, Decimal> => {
    const paid = new Map<number, Decimal>();
    const yearsPaid = new Map<string, number>();
    const totalPaid = new Map<string, Decimal>();
    const totalOf = new Map<number, NonNullable<Candidate["total"]>>();
    for (const y of years) {
      const thisYear = new Map<number, Decimal>();
      const within = (c: Candidate) =>
        c.maxYears === undefined || (happens ? supportYears.has(`${c.limitKey} ${y}`) : (yearsPaid.get(c.limitKey) ?? 0) < c.maxYears);
      for (const { matter, groups } of byYear.get(y)!) {
        if (happens && !happens(matter)) continue;
        for (const group of groups) {
          const usable = group.filter(within);
          if (notes && usable.length < group.length) {
            for (const c of group) if (!usable.includes(c)) notes[c.line].push(`not paid: 累计不超过${c.maxYears}年, the ${c.maxYears} years of this support are used up`);
          }
          const best = mostFavourable(usable, (c) => c.amount);
          if (!best || best.amount.isZero()) continue;
          const settled = happens && withinTotal.has(best.line) ? Decimal.min(best.amount, withinTotal.get(best.line)!) : best.amount;
          const amount = happens && best.discretionary ? settled.times(matter.realisation) : settled;
          thisYear.set(best.line, amount);
          if (!happens && best.total) totalOf.set(best.line, best.total);
        }
      }
      const before = new Map<number, Decimal>();
      for (const [line, amount] of [...thisYear].sort(([a], [b]) => a - b)) {
        const t = totalOf.get(line);
        if (!t) continue;
        const within = Decimal.min(amount, Decimal.max(t.amount.minus(totalPaid.get(t.key) ?? ZERO), ZERO));
        if (within.lt(amount)) notes?.[line].push(`reduced from ${formatYuan(amount)} to ${formatYuan(within)}: the product's total`);
        thisYear.set(line, within);
        withinTotal.set(line, within);
        totalPaid.set(t.key, (totalPaid.get(t.key) ?? ZERO).plus(within));
        before.set(line, within);
      }
      applyCaps(thisYear, capGroupOf, capGroups, notes);
      for (const [line, within] of before) totalPaid.set(totalOf.get(line)!.key, totalPaid.get(totalOf.get(line)!.key)!.minus(within).plus(thisYear.get(line)!));
      const counted = new Set<string>();
      for (const [line, amount] of thisYear) {
        if (amount.isZero()) continue;
        const key = limitKeyOf.get(line);
        if (key !== undefined && !counted.has(key)) {
          yearsPaid.set(key, (yearsPaid.get(key) ?? 0) + 1);
          if (!happens) supportYears.add(`${key} ${y}`);
          counted.add(key);
        }
        paid.set(line, amount);
      }
    }
    return paid;
  };

  const notes = lines.map(() => [] as string[]);
  const ceiling = run(undefined, notes);

  // The worlds to average over: every combination of the uncertain events when there are few
  // enough to enumerate (exact), else seeded Monte Carlo draws.
  const uncertain = [...new Set(prepared.filter((p) => p.matter.probability > 0 && p.matter.probability < 1).map((p) => p.matter.event))];
  const probability = new Map(prepared.map((p) => [p.matter.event, p.matter.probability]));
  const exact = uncertain.length <= EXACT_EVENTS;
  const worlds = exact ? enumerate(uncertain, probability) : sample(probability, draws, seed);
  const total = exact ? 2 ** uncertain.length : draws;

  const sums = lines.map(() => ZERO);
  const yearOutcomes = years.map(() => [] as Outcome[]);
  const grandOutcomes: Outcome[] = [];
  let done = 0;
  for (const { weight, happens } of worlds) {
    const paid = run((m) => happens(m.event));
    const totals = years.map(() => ZERO);
    for (const [line, amount] of paid) {
      sums[line] = sums[line].plus(amount.times(weight));
      const i = lines[line].year - s.horizon.from;
      totals[i] = totals[i].plus(amount);
    }
    totals.forEach((value, i) => yearOutcomes[i].push({ value, weight }));
    grandOutcomes.push({ value: totals.reduce((a, b) => a.plus(b), ZERO), weight });
    done++;
    if (options.onProgress && (done % 100 === 0 || done === total)) options.onProgress(done, total);
  }

  const horizonEnd = s.horizon.to;
  const forecastLines: ForecastLine[] = lines
    .map((l, i) => {
      const flags = flagsOf(l.trace);
      const end = lastYear(l.trace.window);
      if (end !== undefined && end <= horizonEnd) flags.push({ code: "expiring", value: l.trace.window.to });
      return { ...l, ceiling: ceiling.get(i) ?? ZERO, expected: sums[i].toDecimalPlaces(2), flags, notes: notes[i] };
    })
    .filter((l) => l.ceiling.gt(0) || l.expected.gt(0) || l.notes.length > 0);

  const isAssumed = (l: ForecastLine) => l.trace.working?.assumed !== undefined && l.ceiling.gt(0);
  const rows: YearRow[] = years.map((year, i) => {
    const mine = forecastLines.filter((l) => l.year === year);
    const byPolicy: Record<string, { ceiling: Decimal; expected: Decimal }> = {};
    for (const l of mine) {
      const p = (byPolicy[l.trace.document.id] ??= { ceiling: ZERO, expected: ZERO });
      p.ceiling = p.ceiling.plus(l.ceiling);
      p.expected = p.expected.plus(l.expected);
    }
    return {
      year,
      ...band(
        mine.reduce((a, l) => a.plus(l.ceiling), ZERO),
        yearOutcomes[i],
        mine.some(isAssumed),
      ),
      byPolicy,
    };
  });
  const totalBand = band(
    rows.reduce((a, r) => a.plus(r.ceiling), ZERO),
    grandOutcomes,
    rows.some((r) => r.assumed),
  );
  return {
    name: s.name,
    region,
    catalogVersion: eng.catalog.version,
    method: exact ? { kind: "exact", worlds: total } : { kind: "monte-carlo", draws, seed },
    years: rows,
    total: totalBand,
    lines: forecastLines,
    matters: evaluated,
  };
}

/** Per-enterprise annual caps (ruling 9): lines keep their amounts in plan order until a cap is reached. */
function applyCaps(
  thisYear: Map<number, Decimal>,
  capOf: ReadonlyMap<number, string>,
  capGroups: ReadonlyMap<string, CapGroup>,
  notes?: string[][],
): void {
  const used = new Map<string, Decimal>();
  for (const [line, amount] of [...thisYear].sort(([a], [b]) => a - b)) {
    const key = capOf.get(line);
    if (!key) continue;
    const { cap, label } = capGroups.get(key)!;
    const before = used.get(key) ?? ZERO;
    const room = Decimal.max(cap.minus(before), ZERO);
    if (amount.gt(room)) {
      thisYear.set(line, room);
      notes?.[line].push(`reduced from ${formatYuan(amount)} to ${formatYuan(room)}: per-enterprise annual cap ${formatYuan(cap)} (${label})`);
    }
    used.set(key, before.plus(Decimal.min(amount, room)));
  }
}

/** Up to 2^12 = 4,096 worlds are enumerated exactly; beyond, Monte Carlo. */
const EXACT_EVENTS = 12;

interface Outcome {
  readonly value: Decimal;
  readonly weight: Decimal;
}

interface World {
  readonly weight: Decimal;
  readonly happens: (event: number) => boolean;
}

/** Every combination of the uncertain events, weighted by its probability. */
function* enumerate(uncertain: readonly number[], probability: ReadonlyMap<number, number>): Generator<World> {
  for (let mask = 0; mask < 2 ** uncertain.length; mask++) {
    let weight = new Decimal(1);
    const set = new Set<number>();
    uncertain.forEach((e, bit) => {
      const p = new Decimal(probability.get(e)!);
      if (mask & (1 << bit)) {
        set.add(e);
        weight = weight.times(p);
      } else weight = weight.times(new Decimal(1).minus(p));
    });
    yield { weight, happens: (e) => set.has(e) || probability.get(e) === 1 };
  }
}

/** Seeded draws: one uniform number per event per draw, each draw weighing 1/draws. */
function* sample(probability: ReadonlyMap<number, number>, draws: number, seed: number): Generator<World> {
  const rng = mersenne(seed);
  const weight = new Decimal(1).dividedBy(draws);
  const events = [...probability.keys()].sort((a, b) => a - b);
  for (let k = 0; k < draws; k++) {
    const roll = new Map(events.map((e) => [e, uniformFloat64(rng)]));
    yield { weight, happens: (e) => roll.get(e)! < probability.get(e)! };
  }
}

/** The smallest value v with P(X ≤ v) ≥ q: nearest rank for equally weighted draws. */
function percentile(sorted: readonly Outcome[], q: number): Decimal {
  let cumulative = ZERO;
  for (const o of sorted) {
    cumulative = cumulative.plus(o.weight);
    if (cumulative.gte(q)) return o.value;
  }
  return sorted[sorted.length - 1].value;
}

function band(ceiling: Decimal, outcomes: readonly Outcome[], assumed: boolean): Band {
  const sorted = [...outcomes].sort((a, b) => a.value.comparedTo(b.value));
  const expected = outcomes.reduce((a, o) => a.plus(o.value.times(o.weight)), ZERO).toDecimalPlaces(2);
  return { ceiling, expected, p10: percentile(sorted, 0.1), p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), assumed };
}
