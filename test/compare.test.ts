import { readFileSync } from "node:fs";
import fc from "fast-check";
import { causesOf, compareForecasts, explainDelta, Decimal, expectedFactors, forecast, outcomesByEvent, parseScenario, summarise, type DiffReason, type Scenario } from "../src/engine";

/*
 * DESIGN's three what-ifs on the Changping class III startup (examples/changping-device-startup.json),
 * each Δ worked out from the texts:
 * - the certificate (event 7, class III, innovative, R&D 40M, chance 80%) in 2028 earns
 *   昌平 第五条（二） 30% × 40M = 12M, capped 800万 → 8M, less the 2M advanced in 2027 on entering
 *   the review (先期给予, ruling 13) → 6M; 落地生产的一次性再给予最高300万元 → 3M;
 *   北京 一、3 "单个产品不超过 200 万元" → 2M; × 80% chance: 4.8M + 2.4M + 1.6M = 8.8M.
 * - Beijing's measures: "有效期至 2028 年 12 月 31 日" (京经信发〔2025〕50号, 五): a certificate in
 *   2029 gets the Changping 6M + 3M (× 80% = 7.2M), not Beijing's 2M: Δ = −1.6M.
 * - In Shenzhen, （五） pays class III 40% × 40M = 16M, capped 500万 + 100万 (innovative) = 6M,
 *   × 80% = 4.8M (no advance there); Shenzhen's texts have no clause for R&D input, insurance, the
 *   innovative-review advance, output milestones or local production: the 16.4M of the baseline
 *   becomes 4.8M, Δ −11.6M.
 * - 60% share granted: none of the clauses that pay is discretionary (ruling 10), so Δ = 0.
 */
const raw = JSON.parse(readFileSync("examples/changping-device-startup.json", "utf8"));
const base = parseScenario(raw);
const baseF = forecast(base);
const variant = (edit: (r: typeof raw) => void): Scenario => {
  const r = structuredClone(raw);
  edit(r);
  return parseScenario(r);
};
const diff = (v: Scenario) => compareForecasts(base, baseF, v, forecast(v));
const M = (x: string) => new Decimal(x).times(1_000_000);

test("baseline: 16.4M expected (R&D 0.8 + 1.0 + 1.2M, insurance 2.0M, review advance 2.0M, certificate 8.8M, output 0.2 + 0.4M)", () => {
  expect(baseF.total.expected).toEqual(M("16.4"));
});

test("certificate 2028 → 2029: −1.6M, Beijing's measures expire 2028-12-31", () => {
  const d = diff(variant((r) => (r.events[6].year = 2029)));
  expect(d.total.delta).toEqual(M("-1.6"));
  expect(d.total.ceilingDelta).toEqual(M("-2")); // Beijing's 2M, everything granted
  expect(d.changes).toEqual([{ kind: "moved", event: { index: 6, type: "certificate", product: "AI-CT", label: undefined }, from: 2028, to: 2029 }]);
  // 2028 loses the whole certificate (8.8M); 2029 gains Changping's 6M + 3M at 80%.
  expect(d.years.find((y) => y.year === 2028)!.delta).toEqual(M("-8.8"));
  expect(d.years.find((y) => y.year === 2029)!.delta).toEqual(M("7.2"));
  const cert = d.byEvent.filter((e) => e.event?.index === 6);
  expect(cert).toHaveLength(1);
  expect(cert[0].delta).toEqual(M("-1.6"));
  expect(cert[0].reasons).toEqual([
    { code: "outOfValidity", clause: "beijing-device/3", document: "beijing-device", year: 2029, until: "2028-12-31", since: "2025-11-24", delta: M("-1.6") },
  ]);
  expect(d.byPolicy.find((p) => p.document === "beijing-device")!.delta).toEqual(M("-1.6"));
  expect(d.byPolicy.find((p) => p.document === "changping-device")!.delta.isZero()).toBe(true);
  // The change's line: the moved certificate's −1.6M, caused by Beijing's expiry alone.
  const [line] = explainDelta(d);
  expect(line.cause).toEqual({ code: "ownEvent" });
  expect(line.delta).toEqual(M("-1.6"));
  expect(line.causes.map((c) => [c.reason.code, c.events])).toEqual([["outOfValidity", 1]]);
});

test("certificate moved past the horizon (2040): −8.8M, beyond the forecast's years", () => {
  const d = diff(variant((r) => (r.events[6].year = 2040)));
  expect(d.total.delta).toEqual(M("-8.8"));
  const cert = d.byEvent.find((e) => e.event?.index === 6)!;
  expect(cert.reasons).toEqual([{ code: "beyondHorizon", year: 2040, horizon: [2026, 2030], delta: M("-8.8") }]);
});

test("the plant moves to Shenzhen: −11.6M, each matter with no Shenzhen clause named", () => {
  const d = diff(variant((r) => (r.enterprise.region = "shenzhen")));
  expect(d.total.delta).toEqual(M("-11.6"));
  expect(d.changes).toEqual([{ kind: "region", from: "changping", to: "shenzhen" }]);
  // A change to the whole plan carries the total Δ.
  expect(explainDelta(d).map((l) => [l.cause.code, l.delta])).toEqual([["plan", M("-11.6")]]);
  const none = d.byEvent.flatMap((e) => e.reasons.filter((r): r is Extract<DiffReason, { code: "noClauseInRegion" }> => r.code === "noClauseInRegion"));
  expect(new Set(none.map((r) => r.topic))).toEqual(new Set(["rd", "insurance", "innovativeReviewEntry", "scaleup"]));
  // The five insurance policies: 300k + 500k × 3 + 200k (the 2M annual cap of 第三条（二）) = 2.0M.
  expect(none.filter((r) => r.topic === "insurance").reduce((a, r) => a.plus(r.delta), new Decimal(0))).toEqual(M("-2"));
  // The certificate: 8.8M in Changping, 4.8M in Shenzhen; the Changping and Beijing clauses do not reach Shenzhen.
  const cert = d.byEvent.find((e) => e.event?.index === 6)!;
  expect(cert.delta).toEqual(M("-4"));
  expect(cert.reasons.map((r) => [r.code, "clause" in r ? r.clause : "", r.delta.toFixed()])).toEqual([
    ["notInRegion", "changping-device/5.2", "-4800000"],
    ["notInRegion", "beijing-device/3", "-1600000"],
    ["notInRegion", "changping-device/5.2-production", "-2400000"],
    ["newClause", "shenzhen-device/5.innovative-class3", "4800000"],
  ]);
  // The Δ of every event sums to the total.
  expect(d.byEvent.reduce((a, e) => a.plus(e.delta), new Decimal(0))).toEqual(d.total.delta);
});

test("60% of discretionary awards granted: nothing moves, and the diff says no paying clause is discretionary", () => {
  const d = diff(variant((r) => (r.defaults = { realisation: 0.6 })));
  expect(d.total.delta.isZero()).toBe(true);
  expect(d.changes).toEqual([{ kind: "defaultRealisation", from: 1, to: 0.6 }]);
  expect(d.reasons).toEqual([{ code: "noDiscretionaryClause", delta: new Decimal(0) }]);
});

test("a removed event is paired by identity, the others keep theirs", () => {
  const d = diff(variant((r) => r.events.splice(1, 1))); // site A's 600k premium: 50% → 300k
  expect(d.changes).toEqual([{ kind: "removed", event: { index: 1, type: "insurance", product: undefined, label: "clinical-trial liability, site A" } }]);
  // Without site A, the four remaining 500k awards reach the 2M cap exactly: insurance pays 2.0M as before.
  expect(d.total.delta.isZero()).toBe(true);
});

test("outcomes by event: the certificate's three lines summed to 8.8M; nothing unpaid among the events", () => {
  const outcomes = outcomesByEvent(base, baseF);
  const cert = outcomes.find((o) => o.event === 6)!;
  // Ceiling 6M (8M less the 2M advance) + 3M + 2M = 11M; × 80% = 8.8M.
  expect(cert.expected).toEqual(M("8.8"));
  expect(cert.ceiling).toEqual(M("11"));
  expect(cert.lines.map((l) => l.trace.clause.id).sort()).toEqual(["beijing-device/3", "changping-device/5.2", "changping-device/5.2-production"]);
  expect(outcomes.filter((o) => o.event !== undefined && o.unpaid.length > 0)).toEqual([]);
  // Every paid line is in exactly one outcome.
  expect(outcomes.flatMap((o) => o.lines).length).toBe(baseF.lines.filter((l) => l.ceiling.gt(0) || l.expected.gt(0)).length);
});

test("outcomes by event: in Shenzhen the insurance premiums have no clause", () => {
  const sz = variant((r) => (r.enterprise.region = "shenzhen"));
  const outcomes = outcomesByEvent(sz, forecast(sz));
  expect(outcomes.find((o) => o.event === 1)!.unpaid).toEqual([{ code: "noClauseInRegion", topic: "insurance", region: "shenzhen" }]);
});

test("property: for any move of any event and any share, Δ by year, by policy and by event each sum to the total Δ", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: raw.events.length - 1 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, 0.5, 0.6, 1), fc.constantFrom("changping", "beijing", "shenzhen"), (i, shift, share, region) => {
      const v = variant((r) => {
        r.events[i].year += shift;
        r.defaults = { realisation: share };
        r.enterprise.region = region;
      });
      const d = diff(v);
      const total = (xs: readonly { delta: Decimal }[]) => xs.reduce((a, x) => a.plus(x.delta), new Decimal(0));
      expect(total(d.years)).toEqual(d.total.delta);
      expect(total(d.byPolicy)).toEqual(d.total.delta);
      expect(total(d.byEvent)).toEqual(d.total.delta);
      for (const e of d.byEvent) expect(total(e.reasons)).toEqual(e.delta);
    }),
    { numRuns: 40 },
  );
});

test("summary: 90% on draft texts, Beijing expiring 2028-12-31, the certificate the biggest driver", () => {
  const s = summarise(base, baseF);
  // Everything but Beijing's 1.6M comes from the two Changping drafts: 16.4M − 1.6M = 14.8M; 14.8 / 16.4 = 0.9024…
  expect(s.draftExpected).toEqual(M("14.8"));
  expect(s.draftShare.toDecimalPlaces(4).toFixed()).toBe("0.9024");
  expect(s.expiries).toEqual([{ document: "beijing-device", until: "2028-12-31" }]);
  expect(s.drivers.map((o) => [o.event, o.expected.toFixed()])).toEqual([
    [6, "8800000"], // the certificate
    [0, "2000000"], // 昌平 第五条（二）: 先期给予最高200万元
    [undefined, "1200000"], // 昌平 第三条（一）: 10% of 2027's R&D 12M = 1.2M, paid in 2028
  ]);
  expect(s.unpaid).toEqual([]);
});

test("causes: Shenzhen's missing clauses merged, each with its events' Δ summed", () => {
  const d = diff(variant((r) => (r.enterprise.region = "shenzhen")));
  const causes = causesOf(d.byEvent.flatMap((e) => e.reasons));
  const insurance = causes.find((c) => c.reason.code === "noClauseInRegion" && c.reason.topic === "insurance")!;
  expect(insurance.events).toBe(5); // sites A–D and product liability
  expect(insurance.reason.delta).toEqual(M("-2")); // 300k + 3 × 500k + 200k
  const rd = causes.find((c) => c.reason.code === "noClauseInRegion" && c.reason.topic === "rd")!;
  expect(rd.reason.delta).toEqual(M("-3")); // 0.8 + 1.0 + 1.2M, 昌平 第三条（一）
  // Largest first: Changping's 第五条（二） (8M − 2M advance) × 80% = 4.8M, before Shenzhen's equal new 4.8M.
  expect(causes[0].reason).toMatchObject({ code: "notInRegion", clause: "changping-device/5.2" });
  expect(causes.reduce((a, c) => a.plus(c.reason.delta), new Decimal(0))).toEqual(d.total.delta);
});

test("a line's factors: ceiling × chance = expected for a Shenzhen class III certificate at 80%", () => {
  // 深圳 （五）: 按研发投入40%, 最高500万元: 40% × 5,000,000 = 2,000,000; × 80% = 1,600,000. Not
  // discretionary, so no share enters; nothing caps it in any world, so the product is the figure.
  const s = parseScenario({
    schemaVersion: 1,
    name: "one certificate",
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2026 },
    defaults: { probability: 1, realisation: 0.5 },
    events: [{ type: "certificate", year: 2026, product: "CT", class: 3, pathway: "standard", rdCost: "5000000", probability: 0.8 }],
  });
  const f = forecast(s);
  const [outcome] = outcomesByEvent(s, f).filter((o) => o.lines.length > 0);
  const line = outcome.lines[0];
  expect(line.ceiling).toEqual(new Decimal(2000000));
  expect(expectedFactors(line, outcome)).toEqual({ discretionary: false, product: new Decimal(1600000), exact: true });
});
