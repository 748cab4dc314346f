import { readFileSync } from "node:fs";
import fc from "fast-check";
import { compareForecasts, Decimal, explainDelta, forecast, parseScenario, type DeltaGroup, type ForecastDiff } from "../../src/engine";

const sum = (xs: readonly { delta: Decimal }[]) => xs.reduce((a, x) => a.plus(x.delta), new Decimal(0));
const diffOf = (base: unknown, variant: unknown): ForecastDiff => {
  const [b, v] = [parseScenario(base), parseScenario(variant)];
  return compareForecasts(b, forecast(b), v, forecast(v));
};

/*
 * examples/shenzhen-imaging-plant.json, DR-lite's class II certificate moved 2027 → 2028.
 * 深圳（五）: class II 按研发投入40%, 最高200万元; class III 最高500万元, 创新 +100万元; and
 * "单个企业每年累计获得资助最高不超过1000万元" (10,000,000 a year, the three certificates counted
 * in plan order, ruling 9).
 * - Baseline 2027: DR-lite 40% × 5,000,000 = 2,000,000; MRI-1.5T 40% × 20,000,000 = 8,000,000,
 *   capped 5,000,000; PET-CT 40% × 15,000,000 = 6,000,000 (cap 5,000,000 + 1,000,000); the year
 *   cap leaves PET-CT 10,000,000 − 2,000,000 − 5,000,000 = 3,000,000.
 * - What-if 2027: MRI 5,000,000, PET-CT min(6,000,000, 10,000,000 − 5,000,000) = 5,000,000;
 *   2028: DR-lite 2,000,000 (the only certificate that year; the VBP awards fall under （十五）'s own cap).
 * - Δ: DR-lite −2,000,000 in 2027 and +2,000,000 in 2028 = 0; PET-CT +2,000,000, the cap now
 *   leaving it 5,000,000 instead of 3,000,000. Total +2,000,000.
 */
test("Shenzhen: DR-lite 2027 → 2028 is +2,000,000, all of it PET-CT's under the 10,000,000-a-year cap", () => {
  const raw = JSON.parse(readFileSync("examples/shenzhen-imaging-plant.json", "utf8"));
  const moved = structuredClone(raw);
  moved.events[1].year = 2028;
  const d = diffOf(raw, moved);
  expect(d.total.delta).toEqual(new Decimal(2_000_000));
  const groups = explainDelta(d);
  expect(groups.map((g) => [g.cause.code, g.event?.product, g.delta.toFixed()])).toEqual([
    ["ownEvent", "DR-lite", "0"],
    ["annualCap", "PET-CT", "2000000"],
  ]);
  expect(groups[0].changes).toEqual([{ kind: "moved", event: { index: 1, type: "certificate", product: "DR-lite", label: undefined }, from: 2027, to: 2028 }]);
  expect(groups[0].lines.map((l) => [l.year, l.delta.toFixed()])).toEqual([
    [2027, "-2000000"],
    [2028, "2000000"],
  ]);
  expect(groups[1].cause).toEqual({
    code: "annualCap",
    year: 2027,
    cap: new Decimal(10_000_000),
    title: expect.objectContaining({ zh: "深圳市促进高端医疗器械产业集群高质量发展的若干措施" }),
    article: "（五）",
    sentence: "单个企业每年累计获得资助最高不超过1000万元",
    before: new Decimal(3_000_000),
    after: new Decimal(5_000_000),
  });
  expect(sum(groups)).toEqual(d.total.delta);
});

/*
 * examples/changping-device-startup.json: its 2027 entry into the innovative review (event 0)
 * earns 昌平 第五条（二）'s 先期给予 2,000,000, which the AI-CT certificate of 2028 (event 6)
 * pays back (ruling 13: 30% × 40,000,000 = 12,000,000, capped 8,000,000, less the advance =
 * 6,000,000; × 80% chance = 4,800,000). Remove the review entry: the advance (2,000,000, chance
 * 100%) goes, and the certificate's line pays 8,000,000 × 80% = 6,400,000, +1,600,000 through
 * the advance, not through an edit of its own. Total: −2,000,000 + 1,600,000 = −400,000.
 */
test("Changping: the review entry removed, the certificate gains back its advance", () => {
  const raw = JSON.parse(readFileSync("examples/changping-device-startup.json", "utf8"));
  expect(raw.events[0].type).toBe("innovativeReview");
  const without = structuredClone(raw);
  without.events.splice(0, 1);
  const d = diffOf(raw, without);
  expect(d.total.delta).toEqual(new Decimal(-400_000));
  const groups = explainDelta(d);
  const advance = groups.find((g) => g.cause.code === "advance")!;
  expect(advance.event?.product).toBe("AI-CT");
  expect(advance.delta).toEqual(new Decimal(1_600_000));
  expect(advance.cause).toEqual({ code: "advance", article: "第五条（二）", before: new Decimal(2_000_000), after: new Decimal(0) });
  const removed = groups.find((g) => g.cause.code === "ownEvent")!;
  expect(removed.changes.map((c) => c.kind)).toEqual(["removed"]);
  expect(removed.delta).toEqual(new Decimal(-2_000_000));
  expect(sum(groups)).toEqual(d.total.delta);
});

/*
 * Changping, 2026: two procurement wins (第十条（二）: 3% of the bid) and A's entry into the review
 * (先期给予 2,000,000). A: 3% × 14,381,079 = 431,432.37, at 80% = 345,145.896; B: 3% × 3,822,073 =
 * 114,662.19, at 50% = 57,331.095. The year, 2,402,476.991, shows as 2,402,476.99 and its lines
 * add up to it: 345,145.90 + 57,331.09 + 2,000,000. Move A's win out of the forecast's years:
 * 2,057,331.095 shows as 2,057,331.10, B's line as 57,331.10. Δ = −345,145.90 (A's own) + 0.01
 * (B's, the year's rounding) = −345,145.89.
 */
test("a line whose own figure did not move, moved by the fen rounding of its year", () => {
  const raw = {
    schemaVersion: 1,
    name: "rounding",
    enterprise: { region: "changping", sector: "device", sme: false },
    horizon: { from: 2026, to: 2029 },
    events: [
      { type: "vbp", year: 2026, product: "A", bidValue: "14381079", probability: 0.8 },
      { type: "vbp", year: 2026, product: "B", bidValue: "3822073", probability: 0.5 },
      { type: "innovativeReview", year: 2026, product: "A" },
    ],
  };
  const moved = structuredClone(raw);
  moved.events[0].year = 2024;
  const d = diffOf(raw, moved);
  expect(d.total.delta).toEqual(new Decimal("-345145.89"));
  expect(explainDelta(d).map((g) => [g.cause.code, g.event?.product, g.delta.toFixed()])).toEqual([
    ["ownEvent", "A", "-345145.9"],
    ["rounding", "B", "0.01"],
  ]);
});

/** Random small plans, as test/forecast/properties.test.ts draws them, and one edit of them. */
const amount = fc.integer({ min: 0, max: 60_000_000 }).map(String);
const year = fc.integer({ min: 2026, max: 2028 });
const chance = fc.constantFrom(1, 0.8, 0.5);
const event = fc.oneof(
  fc.record({ type: fc.constant("certificate"), year, product: fc.constantFrom("A", "B", "C"), class: fc.constantFrom(2, 3), pathway: fc.constantFrom("standard", "innovative", "major"), rdCost: amount, probability: chance }),
  fc.record({ type: fc.constant("innovativeReview"), year, product: fc.constantFrom("A", "B") }),
  fc.record({ type: fc.constant("output"), year, product: fc.constantFrom("A", "B"), value: amount, probability: chance }),
  fc.record({ type: fc.constant("vbp"), year, product: fc.constantFrom("A", "B"), bidValue: amount, probability: chance }),
  fc.record({ type: fc.constant("insurance"), year, premium: amount, probability: chance }),
  fc.record({ type: fc.constant("facility"), year, cost: amount, areaM2: fc.integer({ min: 0, max: 20000 }).map(String) }),
);
const plan = fc.record({
  schemaVersion: fc.constant(1),
  name: fc.constant("random plan"),
  enterprise: fc.record({ region: fc.constantFrom("changping", "beijing", "shenzhen"), sector: fc.constant("device"), sme: fc.boolean() }),
  horizon: fc.constant({ from: 2026, to: 2029 }),
  financials: fc.array(fc.record({ year: fc.integer({ min: 2023, max: 2029 }), revenue: amount, rd: amount }), { maxLength: 6 }).map((rows) => [...new Map(rows.map((r) => [r.year, r])).values()]),
  defaults: fc.record({ probability: chance, realisation: fc.constantFrom(1, 0.6) }),
  events: fc.array(event, { minLength: 1, maxLength: 7 }),
});
type Plan = { events: Record<string, unknown>[]; enterprise: { region: string }; defaults: { realisation: number }; financials: { rd: string }[] };
type Edit = { kind: string; i?: number; by?: number; p?: number; to?: string | number };
const edit = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), i: fc.nat(), by: fc.constantFrom(-2, -1, 1, 2) }),
  fc.record({ kind: fc.constant("chance" as const), i: fc.nat(), p: fc.constantFrom(0, 0.3, 1) }),
  fc.record({ kind: fc.constant("remove" as const), i: fc.nat() }),
  fc.record({ kind: fc.constant("region" as const), to: fc.constantFrom("changping", "beijing", "shenzhen") }),
  fc.record({ kind: fc.constant("share" as const), to: fc.constantFrom(0.3, 1) }),
  fc.record({ kind: fc.constant("rd" as const), to: amount }),
);
function applied(raw: Plan, e: Edit): Plan {
  const r = structuredClone(raw);
  const i = (e.i ?? 0) % r.events.length;
  if (e.kind === "move") r.events[i].year = (r.events[i].year as number) + e.by!;
  if (e.kind === "chance") r.events[i].probability = e.p;
  if (e.kind === "remove") r.events.splice(i, 1);
  if (e.kind === "region") r.enterprise.region = e.to as string;
  if (e.kind === "share") r.defaults.realisation = e.to as number;
  if (e.kind === "rd") r.financials.forEach((f) => (f.rd = e.to as string));
  return r;
}

test("property: on random plans and edits, the causes of a Δ add up to it, each line in one cause", () => {
  fc.assert(
    fc.property(plan, edit, (raw, e) => {
      const d = diffOf(raw, applied(raw as unknown as Plan, e));
      const groups: DeltaGroup[] = explainDelta(d);
      expect(sum(d.lines)).toEqual(d.total.delta);
      expect(sum(groups)).toEqual(d.total.delta);
      const lines = groups.flatMap((g) => g.lines);
      expect(new Set(lines).size).toBe(d.lines.length);
      expect(lines.length).toBe(d.lines.length);
      for (const g of groups) expect(sum(g.lines)).toEqual(g.delta);
      // One edit is always told apart: never "other".
      expect(groups.filter((g) => g.cause.code === "other")).toEqual([]);
    }),
    { numRuns: 300 },
  );
});

/*
 * Shenzhen class III certificates in one year, each with R&D of at least 12,500,000: 深圳（五）
 * pays 40% × R&D, 最高500万元, so 5,000,000 each, and "单个企业每年累计获得资助最高不超过1000万元"
 * lets the first two of the year keep theirs (plan order) and cuts the rest to 0. Moving the first
 * to the next year frees 5,000,000 of 2027's cap for the third: its line moves by +5,000,000, caused
 * by the cap (no longer cutting it), and the moved certificate's own −5,000,000 + 5,000,000 = 0.
 */
test("property: certificates sharing the 10,000,000-a-year cap, one moved out: the freed room is the cap's, to the yuan", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 12_500_000, max: 90_000_000 }), { minLength: 3, maxLength: 6 }), (rd) => {
      const raw = {
        schemaVersion: 1,
        name: "caps",
        enterprise: { region: "shenzhen", sector: "device" },
        horizon: { from: 2027, to: 2028 },
        events: rd.map((x, i) => ({ type: "certificate", year: 2027, product: `P${i}`, class: 3, rdCost: String(x) })),
      };
      const moved = structuredClone(raw);
      moved.events[0].year = 2028;
      const d = diffOf(raw, moved);
      expect(d.total.delta).toEqual(new Decimal(5_000_000));
      const groups = explainDelta(d);
      expect(groups.map((g) => [g.cause.code, g.event?.product, g.delta.toFixed()])).toEqual([
        ["ownEvent", "P0", "0"],
        ["annualCap", "P2", "5000000"],
      ]);
      expect(groups[1].cause).toMatchObject({ code: "annualCap", year: 2027, cap: new Decimal(10_000_000), before: new Decimal(0), after: undefined });
    }),
    { numRuns: 25 },
  );
});
