import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { forecast, parseScenario, type Forecast, type Scenario } from "../src/engine";
import { prepare } from "../src/engine/forecast/forecast";
import type { Worlds } from "../src/engine/forecast/worlds";
import { baselineForecast } from "./baseline-forecast";
import { measure, ratioOf, type Measurement, type Options } from "./harness";

/**
 * The forecast's figures for `npm run bench`: the forecast of a plan of N products × 10 years
 * against (a) the physical floor, a hand-written Monte Carlo in plain numbers over the same
 * precomputed amounts (the work no forecast can avoid: draw the events, add up the amounts under
 * the caps, sort for the band), and (b) the forecast as it was before issue 10 (baseline, kept in
 * bench/ only). Each product has an uncertain certificate, an output every year, an uncertain
 * procurement win and an uncertain insurance policy.
 */
export function plan(products: number, draws: number): Scenario {
  const events = Array.from({ length: products }, (_, i) => {
    const product = `P${i + 1}`;
    return [
      { type: "certificate", year: 2026 + (i % 3), product, class: 3, pathway: i % 4 === 0 ? "innovative" : "standard", rdCost: String(5_000_000 + (i % 50) * 400_000), probability: 0.7 },
      ...Array.from({ length: 10 }, (_, k) => ({ type: "output", year: 2026 + k, product, value: String((k + 1) * 30_000_000 + (i % 50) * 1_000_000) })),
      { type: "vbp", year: 2030 + (i % 5), product, bidValue: String(20_000_000 + (i % 50) * 2_000_000), probability: 0.5 },
      { type: "insurance", year: 2026 + (i % 10), premium: String(200_000 + (i % 50) * 10_000), probability: 0.9 },
    ];
  }).flat();
  const financials = Array.from({ length: 12 }, (_, k) => ({ year: 2024 + k, revenue: String(20_000_000 * (k + 1)), rd: String(8_000_000 + k * 1_000_000) }));
  return parseScenario({
    schemaVersion: 1,
    name: `bench: ${products} products × 10 years`,
    enterprise: { region: "changping", sector: "device", sme: true },
    horizon: { from: 2026, to: 2035 },
    financials,
    simulation: { draws, seed: 1 },
    events,
  });
}

/**
 * The floor: per draw, one 32-bit number per uncertain event, every line's amount in plan order
 * with its cap, a total per year and overall; then each figure's draws sorted for P10/P50/P90.
 * Written as one would by hand, with typed arrays and no abstraction.
 */
function floorOf(w: Worlds, draws: number): () => number {
  const payers = w.years.flatMap((y, yi) => y.blocks.flatMap((b) => b.payers.map((c) => ({ amount: Number(c.amount), cap: c.cap, year: yi, event: b.uncertain }))));
  const capBase = w.years.map((_, yi) => w.years.slice(0, yi).reduce((n, y) => n + y.caps.length, 0));
  const caps = Float64Array.from(w.years.flatMap((y) => y.caps.map(Number)));
  const amount = Float64Array.from(payers.map((p) => p.amount));
  const cap = Int32Array.from(payers.map((p) => (p.cap >= 0 ? capBase[p.year] + p.cap : -1)));
  const year = Int32Array.from(payers.map((p) => p.year));
  const event = Int32Array.from(payers.map((p) => p.event));
  const threshold = Float64Array.from(w.uncertain.map((u) => Math.floor(u.chance * 2 ** 32)));
  const nYears = w.years.length;
  return () => {
    const rng = xoroshiro128plus(1);
    const happens = new Uint8Array(threshold.length);
    const used = new Float64Array(caps.length);
    const totals = Array.from({ length: nYears + 1 }, () => new Float64Array(draws));
    for (let k = 0; k < draws; k++) {
      for (let e = 0; e < threshold.length; e++) happens[e] = rng.next() >>> 0 < threshold[e] ? 1 : 0;
      used.fill(0);
      let all = 0;
      for (let i = 0; i < amount.length; i++) {
        const e = event[i];
        if (e >= 0 && happens[e] === 0) continue;
        let paid = amount[i];
        const c = cap[i];
        if (c >= 0) {
          paid = Math.min(paid, caps[c] - used[c]);
          used[c] += paid;
        }
        totals[year[i]][k] += paid;
        all += paid;
      }
      totals[nYears][k] = all;
    }
    let check = 0;
    for (const t of totals) {
      t.sort();
      check += t[Math.ceil(draws * 0.1) - 1] + t[Math.ceil(draws * 0.5) - 1] + t[Math.ceil(draws * 0.9) - 1];
    }
    return check;
  };
}

export interface ForecastFigures {
  readonly events: number;
  readonly ms: { forecast: number; floor: number; baseline: number; prepare: number };
  readonly ratios: { floor: number; baseline: number; prepare: number };
  readonly result: Forecast;
  readonly scaling: readonly { products: number; draws: number; events: number; ms: number; exact: boolean; method: string; timed: Measurement }[];
}

export function forecastFigures(quick: boolean): ForecastFigures {
  const draws = 1000;
  const s = plan(50, draws);
  const { worlds: w } = prepare(s);
  const floor = floorOf(w, draws);
  const opts: Options = quick ? { warmupMs: 50, batchMs: 1, rounds: 3 } : { warmupMs: 300, batchMs: 1, rounds: 7 };
  let result: Forecast | undefined;
  const [mine, bottom, old, fixed] = measure(
    [
      (n) => {
        let t = 0;
        for (let k = 0; k < n; k++) {
          result = forecast(s);
          t += result.lines.length;
        }
        return t;
      },
      (n) => {
        let t = 0;
        for (let k = 0; k < n; k++) t += floor();
        return t;
      },
      (n) => {
        let t = 0;
        for (let k = 0; k < n; k++) t += baselineForecast(s).lines.length;
        return t;
      },
      // The part before any draw: every matter evaluated with its trace, the plan settled.
      (n) => {
        let t = 0;
        for (let k = 0; k < n; k++) t += prepare(s).settled.lines.length;
        return t;
      },
    ],
    opts,
  );

  // Growth: the forecast alone at each size, measured together like the variants above (warmed
  // up, interleaved rounds, median), so JIT warm-up and a neighbour's load do not land on one
  // size. Two sweeps: products × 10 years at 1,000 draws, and 50 × 10 at more draws.
  const sizes = [
    ...[10, 50, 200, 1000].map((products) => ({ products, draws })),
    ...[2000, 4000].map((d) => ({ products: 50, draws: d })),
  ];
  const plans = sizes.map((z) => plan(z.products, z.draws));
  const last: Forecast[] = [];
  const growthOpts: Options = quick ? { warmupMs: 20, batchMs: 1, rounds: 3 } : { warmupMs: 100, batchMs: 1, rounds: 9 };
  const timed = measure(
    plans.map((p, i) => (n) => {
      let t = 0;
      for (let k = 0; k < n; k++) {
        last[i] = forecast(p);
        t += last[i].lines.length;
      }
      return t;
    }),
    growthOpts,
  );
  const scaling = sizes.map((z, i) => {
    const f = last[i];
    const exact = f.total.methods.expected === "exact" && f.years.every((y) => y.methods.expected === "exact");
    return { ...z, events: plans[i].events.length, ms: timed[i].ns / 1e6, timed: timed[i], exact, method: `expected ${f.total.methods.expected}, band ${f.total.methods.band}` };
  });
  return {
    events: s.events.length,
    ms: { forecast: mine.ns / 1e6, floor: bottom.ns / 1e6, baseline: old.ns / 1e6, prepare: fixed.ns / 1e6 },
    ratios: { floor: ratioOf(mine, bottom), baseline: ratioOf(old, mine), prepare: ratioOf(fixed, bottom) },
    result: result!,
    scaling,
  };
}
