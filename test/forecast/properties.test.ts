import fc from "fast-check";
import { Decimal, forecast, parseScenario, type Forecast } from "../../src/engine";

/** Random small plans for one enterprise: any mix of the event kinds the functions know. */
const amount = fc.integer({ min: 0, max: 200_000_000 }).map(String);
const year = fc.integer({ min: 2026, max: 2029 });
const chance = fc.constantFrom(1, 0.8, 0.5, 0.3);
const event = fc.oneof(
  fc.record({ type: fc.constant("certificate"), year, product: fc.constantFrom("A", "B", "C"), class: fc.constantFrom(2, 3), pathway: fc.constantFrom("standard", "innovative", "major"), rdCost: amount, probability: chance }),
  fc.record({ type: fc.constant("output"), year, product: fc.constantFrom("A", "B"), value: amount, probability: chance }),
  fc.record({ type: fc.constant("vbp"), year, product: fc.constantFrom("A", "B"), bidValue: amount, probability: chance }),
  fc.record({ type: fc.constant("insurance"), year, premium: amount, probability: chance }),
  fc.record({ type: fc.constant("facility"), year, cost: amount, areaM2: fc.integer({ min: 0, max: 20000 }).map(String), probability: chance }),
  fc.record({ type: fc.constant("firstSet"), year, product: fc.constant("A"), sales: amount, probability: chance }),
  fc.record({ type: fc.constant("clinical"), year, product: fc.constant("D"), drugClass: fc.constantFrom(1, 2), phase: fc.constantFrom(1, 2, 3), probability: chance }),
);
const scenario = fc.record({
  schemaVersion: fc.constant(1),
  name: fc.constant("random plan"),
  enterprise: fc.record({ region: fc.constantFrom("changping", "beijing", "shenzhen"), sector: fc.constantFrom("device", "drug"), sme: fc.boolean() }),
  horizon: fc.constant({ from: 2026, to: 2029 }),
  financials: fc.array(fc.record({ year: fc.integer({ min: 2022, max: 2029 }), revenue: amount, rd: amount }), { maxLength: 8 }).map((rows) => [...new Map(rows.map((r) => [r.year, r])).values()]),
  defaults: fc.record({ probability: chance, realisation: fc.constantFrom(1, 0.6) }),
  events: fc.array(event, { maxLength: 8 }),
});

const run = (raw: unknown): Forecast => forecast(parseScenario(raw));

test("expected ≤ ceiling, P10 ≤ P50 ≤ P90 ≤ ceiling, nothing negative", () => {
  fc.assert(
    fc.property(scenario, (raw) => {
      const f = run(raw);
      for (const b of [...f.years, f.total]) {
        expect(b.expected.gte(0) && b.p10.gte(0)).toBe(true);
        expect(b.expected.lte(b.ceiling)).toBe(true);
        expect(b.p10.lte(b.p50) && b.p50.lte(b.p90) && b.p90.lte(b.ceiling)).toBe(true);
      }
      // A single line may expect more than its ceiling: cut by an annual cap in the plan as
      // written, it keeps more in a world where an earlier award of the year fails. Its year cannot.
      for (const l of f.lines) expect(l.expected.gte(0)).toBe(true);
    }),
    { numRuns: 60 },
  );
});

test("the counterexample of a cap cut in plan order: the year stays within its ceiling", () => {
  // Shenzhen （五）, three class II certificates in 2029: 40% × 5,000,001 = 2,000,000.4, then two
  // innovative ones at their 4M cap; 10,000,000.4 > 10M a year, so the last is cut to 3,999,999.6.
  // Without the second (p = 0.8) the year is 6,000,000.4. E = 0.8 × 10M + 0.2 × 6,000,000.4.
  const f = run({
    schemaVersion: 1,
    name: "cap order",
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2029, to: 2029 },
    events: [
      { type: "certificate", year: 2029, product: "A", class: 2, rdCost: "5000001" },
      { type: "certificate", year: 2029, product: "B", class: 2, pathway: "innovative", rdCost: "10000000", probability: 0.8 },
      { type: "certificate", year: 2029, product: "C", class: 2, pathway: "innovative", rdCost: "10000000" },
    ],
  });
  expect([f.total.ceiling.toFixed(), f.total.expected.toFixed()]).toEqual(["10000000", "9200000.08"]);
  expect(f.lines.map((l) => [l.ceiling.toFixed(), l.expected.toFixed()])).toEqual([
    ["2000000.4", "2000000.4"],
    ["4000000", "3200000"],
    // 0.8 × 3,999,999.6 + 0.2 × 4,000,000
    ["3999999.6", "3999999.68"],
  ]);
});

test("P10 ≤ expected ≤ P90 where every event is uncertain but not rare (0.2 ≤ p ≤ 0.8) or certain", () => {
  // The mean of a skewed distribution can leave the band (one award with p = 0.05 has
  // P90 = 0 < mean), so the band brackets the mean only where no outcome is that rare.
  fc.assert(
    fc.property(scenario, (raw) => {
      const f = run(raw);
      for (const b of [...f.years, f.total]) expect(b.p10.lte(b.expected) && b.expected.lte(b.p90)).toBe(true);
    }),
    { numRuns: 60 },
  );
});

test("no year pays more than an enterprise annual cap allows", () => {
  fc.assert(
    fc.property(scenario, (raw) => {
      const f = run(raw);
      const used = new Map<string, { cap: Decimal; ceiling: Decimal; expected: Decimal }>();
      for (const l of f.lines) {
        const { clause, document } = l.trace;
        if (!clause.enterpriseAnnualCap) continue;
        const key = `${l.year} ${document.id} ${clause.article}`;
        const u = used.get(key) ?? { cap: new Decimal(clause.enterpriseAnnualCap), ceiling: new Decimal(0), expected: new Decimal(0) };
        used.set(key, { ...u, ceiling: u.ceiling.plus(l.ceiling), expected: u.expected.plus(l.expected) });
      }
      for (const u of used.values()) expect(u.ceiling.lte(u.cap) && u.expected.lte(u.cap)).toBe(true);
    }),
    { numRuns: 60 },
  );
});

/**
 * Fourteen uncertain policies, one a year, awards 50 × 2^i yuan (50% of a premium of 100 × 2^i,
 * 第三条（二）): every subset sums to a different total, so the total's distribution has 2^14 =
 * 16,384 points, more than the 4,096 worked out exactly, and its band is drawn. Each year has two
 * points and the expected values are exact by linearity: 0.5 × 50 × (2^14 − 1) = 409,575.
 */
const manyYears = (draws: number, seed = 7) => ({
  schemaVersion: 1,
  name: "many uncertain policies",
  enterprise: { region: "changping", sector: "device" },
  horizon: { from: 2026, to: 2039 },
  simulation: { draws, seed },
  events: Array.from({ length: 14 }, (_, i) => ({ type: "insurance", year: 2026 + i, premium: String(100 * 2 ** i), probability: 0.5 })),
});

test("the same seed gives the same drawn band; the draws and the method of each figure are stated", () => {
  const a = run(manyYears(500));
  const b = run(manyYears(500));
  expect(a.method).toEqual({ kind: "monte-carlo", draws: 500, seed: 7 });
  expect(a.total.methods).toEqual({ expected: "exact", band: "monte-carlo" });
  for (const y of a.years) expect(y.methods).toEqual({ expected: "exact", band: "exact" });
  expect(a.total.expected.toFixed()).toBe("409575");
  expect([a.total.p10, a.total.p50, a.total.p90].map(String)).toEqual([b.total.p10, b.total.p50, b.total.p90].map(String));
  const c = forecast(parseScenario(manyYears(500)), { seed: 8 });
  expect(c.total.expected.toFixed()).toBe("409575");
  expect([c.total.p10, c.total.p50, c.total.p90].map(String)).not.toEqual([a.total.p10, a.total.p50, a.total.p90].map(String));
  // 2026: one policy of 50 yuan, p = 0.5: the points 0 and 50, each ½.
  const first = a.years[0];
  expect([first.p10, first.p50, first.p90, first.expected].map(String)).toEqual(["0", "0", "50", "25"]);
});

test("a forecast reports progress up to the last draw", () => {
  const seen: [number, number][] = [];
  forecast(parseScenario(manyYears(250)), { onProgress: (done, total) => seen.push([done, total]) });
  expect(seen).toEqual([
    [100, 250],
    [200, 250],
    [250, 250],
  ]);
});
