import { readFileSync } from "node:fs";
import { Decimal, forecast, parseScenario, scenarioSummary, summaryTable } from "../../src/engine";

/*
 * The scenario summary of DESIGN's three what-ifs on examples/changping-device-startup.json, the
 * figures worked out in test/compare.test.ts: baseline 16.4M; the certificate a year later
 * −1.6M (2028 loses its 8.8M, 2029 gains 7.2M: Beijing's 2M × 80% expires 2028-12-31); the plant
 * in Shenzhen −11.6M (4.8M in all); 60% of discretionary awards granted ±0 (no paying clause is
 * discretionary).
 */
const raw = JSON.parse(readFileSync("examples/changping-device-startup.json", "utf8"));
const variant = (edit: (r: typeof raw) => void) => {
  const r = structuredClone(raw);
  edit(r);
  return forecast(parseScenario(r));
};
const M = (x: string) => new Decimal(x).times(1_000_000);
const summary = scenarioSummary([
  { name: "基准方案", forecast: forecast(parseScenario(raw)) },
  { name: "方案 1", forecast: variant((r) => (r.events[6].year += 1)) },
  { name: "方案 2", forecast: variant((r) => (r.enterprise.region = "shenzhen")) },
  { name: "方案 3", forecast: variant((r) => (r.defaults = { realisation: 0.6 })) },
]);

test("totals side by side, each what-if's Δ against the baseline", () => {
  expect(summary.names).toEqual(["基准方案", "方案 1", "方案 2", "方案 3"]);
  expect(summary.total.expected).toEqual([M("16.4"), M("14.8"), M("4.8"), M("16.4")]);
  expect(summary.total.delta).toEqual([M("0"), M("-1.6"), M("-11.6"), M("0")]);
});

test("by year: the slipped certificate leaves 2028 (−8.8M) for 2029 (+7.2M)", () => {
  const y = (year: number) => summary.years.find((r) => r.year === year)!;
  expect(y(2028).delta[1]).toEqual(M("-8.8"));
  expect(y(2029).delta[1]).toEqual(M("7.2"));
  // Each scenario's years add up to its total.
  for (let i = 0; i < 4; i++) expect(summary.years.reduce((a, r) => a.plus(r.expected[i]), new Decimal(0))).toEqual(summary.total.expected[i]);
});

test("by policy: the slip costs Beijing's measures 1.6M and nothing of Changping's", () => {
  const p = (document: string) => summary.policies.find((r) => r.document === document)!;
  expect(p("beijing-device").delta[1]).toEqual(M("-1.6"));
  expect(p("changping-device").delta[1].isZero()).toBe(true);
  for (let i = 0; i < 4; i++) expect(summary.policies.reduce((a, r) => a.plus(r.expected[i]), new Decimal(0))).toEqual(summary.total.expected[i]);
});

test("as a table: a label column, then each scenario with its Δ beside it", () => {
  const table = summaryTable(summary, { label: "年份/政策", delta: (n) => `${n} Δ`, total: "合计", policy: (d) => d });
  expect(table.header).toEqual(["年份/政策", "基准方案", "方案 1", "方案 1 Δ", "方案 2", "方案 2 Δ", "方案 3", "方案 3 Δ"]);
  const total = table.rows.find((r) => r[0] === "合计")!;
  expect(total).toEqual(["合计", M("16.4"), M("14.8"), M("-1.6"), M("4.8"), M("-11.6"), M("16.4"), M("0")]);
});
