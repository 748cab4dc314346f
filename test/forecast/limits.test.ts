import { forecast, parseScenario, type Forecast } from "../../src/engine";
import { paidLines, yearTable } from "./support";

/**
 * Discretion (ruling 10), windows (ruling 11), first times (ruling 12) and the advance (ruling 13)
 * in the forecast, each with its year table worked out by hand from the sentences.
 */
const run = (s: Record<string, unknown>): Forecast => forecast(parseScenario({ schemaVersion: 1, name: "limits", ...s }));
const space = (year: number, facts: Record<string, string | number>) => ({ type: "other", year, topic: "space", facts });

describe("discretion: realisation scales only what rests on the authority's evaluation", () => {
  const f = run({
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2027, to: 2027 },
    defaults: { realisation: 0.5 },
    events: [
      { type: "certificate", year: 2027, product: "A", class: 3, rdCost: "5000000" },
      { type: "certificate", year: 2027, product: "B", class: 2, pathway: "major", rdCost: "2000000" },
    ],
  });

  test("the year table", () => {
    // A, class III (第五条（一）, no evaluation): 30% × 5M = 1.5M, expected in full.
    // B, 经认定的重大二类 (discretionary): 30% × 2M = 600k, expected 0.5 × 600k = 300k.
    // Beijing 一、3 pays neither (standard and major are no review it names; no national project given).
    expect(yearTable(f)).toEqual({ 2027: ["2100000", "1800000"] });
  });

  test("each line", () => {
    const byClause = Object.fromEntries(f.lines.map((l) => [l.trace.clause.id, [l.ceiling.toFixed(), l.expected.toFixed()]]));
    expect(byClause["changping-device/5.1"]).toEqual(["1500000", "1500000"]);
    expect(byClause["changping-device/5.1-major"]).toEqual(["600000", "300000"]);
  });

  test("Shenzhen's frontier special project (布局若干批) is scaled too", () => {
    const g = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2027, to: 2027 },
      defaults: { realisation: 0.5 },
      events: [{ type: "other", year: 2027, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "20000000" } }],
    });
    // 全额资助 100% × 20M = 20M (cap 30M); realisation 0.5 → 10M expected.
    expect(yearTable(g)).toEqual({ 2027: ["20000000", "10000000"] });
  });
});

describe("windows: 连续3年 and 自正式投产日起共资助3年 per clause and role", () => {
  test("a tenant's rent years do not use up the same enterprise's operator years", () => {
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2030 },
      events: [
        ...[2026, 2027, 2028, 2029, 2030].map((y) => space(y, { shenzhenParkRole: "tenant", benchmarkRent: "2400000" })),
        ...[2028, 2029, 2030].map((y) => space(y, { shenzhenParkRole: "operator", operatingCost: "10000000" })),
      ],
    });
    // Rent (（二十二）连续3年), window from the first year claimed, 2026: 50% × 2.4M = 1.2M in
    // 2026–2028, nothing in 2029 and 2030.
    // Operator (自正式投产日起共资助3年), window from its first year claimed, 2028: 20% × 10M = 2M in
    // 2028–2030, whatever the rent years.
    expect(yearTable(f)).toEqual({
      2026: ["1200000", "1200000"],
      2027: ["1200000", "1200000"],
      2028: ["3200000", "3200000"],
      2029: ["2000000", "2000000"],
      2030: ["2000000", "2000000"],
    });
    // The engine's own reading of the late rent years: outside the window, not paid.
    const late = f.matters
      .filter(({ matter }) => matter.year >= 2029 && matter.facts.shenzhenParkRole === "tenant")
      .map(({ evaluation }) => evaluation.lines.find((l) => l.clause.id === "shenzhen-device/22.rent")!.status);
    expect(late).toEqual(["not-met", "not-met"]);
  });

  test("a window opens in the year the scenario states", () => {
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [
        space(2026, { shenzhenParkRole: "tenant", benchmarkRent: "2400000", parkEntryYear: 2025 }),
        space(2027, { shenzhenParkRole: "tenant", benchmarkRent: "2400000" }),
        space(2028, { shenzhenParkRole: "tenant", benchmarkRent: "2400000" }),
      ],
    });
    // Entry in 2025: the window is 2025–2027. 1.2M in 2026 and 2027; 2028 is its fourth year → 0.
    expect(yearTable(f)).toEqual({ 2026: ["1200000", "1200000"], 2027: ["1200000", "1200000"], 2028: ["0", "0"] });
  });
});

describe("first times: 首次获批 per class, 一次性 per product", () => {
  test("Shenzhen （五）: a product's second class III certificate gets nothing, its first class II does", () => {
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [
        { type: "certificate", year: 2026, product: "P", class: 3, rdCost: "5000000" },
        { type: "certificate", year: 2027, product: "P", class: 3, pathway: "innovative", rdCost: "10000000" },
        { type: "certificate", year: 2027, product: "Q", class: 3, rdCost: "5000000" },
        { type: "certificate", year: 2028, product: "P", class: 2, rdCost: "5000000" },
      ],
    });
    // 2026 P class III: 40% × 5M = 2M. 2027 P class III again: not 首次获批 → 0; Q's first class III 2M.
    // 2028 P's first class II: 40% × 5M = 2M (cap 3M).
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["2000000", "2000000"], 2028: ["2000000", "2000000"] });
    expect(paidLines(f)).toEqual({
      "2026 shenzhen-device/5.class3": "2000000",
      "2027 shenzhen-device/5.class3": "2000000",
      "2028 shenzhen-device/5.class2": "2000000",
    });
  });

  test("Beijing 一、3: once per product, whatever the class; a certificate it did not pay uses nothing up", () => {
    const f = run({
      enterprise: { region: "beijing", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [
        { type: "certificate", year: 2026, product: "P", class: 2, pathway: "innovative", rdCost: "5000000" },
        { type: "certificate", year: 2027, product: "P", class: 3, pathway: "innovative", rdCost: "5000000" },
        { type: "certificate", year: 2026, product: "R", class: 3, rdCost: "5000000" },
        { type: "certificate", year: 2028, product: "R", class: 3, pathway: "provincial-priority", rdCost: "5000000" },
      ],
    });
    // 2026: P through the innovative review → 2M; R's standard certificate is no review it names → 0.
    // 2027: P again (class III) → 0, once per product. 2028: R through Beijing's priority approval → 2M.
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["0", "0"], 2028: ["2000000", "2000000"] });
  });
});

test("昌平 第五条: the advance and the FDA award once per product (单个产品, 一次性)", () => {
  const f = run({
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2026, to: 2027 },
    events: [
      { type: "innovativeReview", year: 2026, product: "P" },
      { type: "fdaBreakthrough", year: 2026, product: "P", rdCost: "10000000" },
      { type: "innovativeReview", year: 2027, product: "P" },
      { type: "fdaBreakthrough", year: 2027, product: "P", rdCost: "10000000" },
      { type: "innovativeReview", year: 2027, product: "Q" },
    ],
  });
  // 2026: P's advance 2M + FDA 30% × 10M = 3M → 5M. 2027: P again gets neither; Q's advance 2M.
  expect(yearTable(f)).toEqual({ 2026: ["5000000", "5000000"], 2027: ["2000000", "2000000"] });
});

describe("the advance: 先期给予 comes off the same product's certificate award", () => {
  const f = run({
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2026, to: 2027 },
    events: [
      { type: "innovativeReview", year: 2026, product: "P" },
      { type: "certificate", year: 2027, product: "P", class: 3, pathway: "innovative", rdCost: "20000000", probability: 0.5 },
      { type: "certificate", year: 2027, product: "Q", class: 3, pathway: "innovative", rdCost: "20000000" },
    ],
  });

  test("the year table", () => {
    // 2026: P enters the national review → 2M in advance (第五条（二）).
    // 2027: P's certificate (p = 0.5): 30% × 20M = 6M (cap 8M) less the 2M advance = 4M; Beijing 2M.
    //       Q's (no advance): 6M; Beijing 2M. Ceiling 4M + 2M + 6M + 2M = 14M;
    //       expected 0.5 × 6M + 8M = 11M.
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["14000000", "11000000"] });
  });

  test("the lines", () => {
    const cert = f.lines.filter((l) => l.year === 2027 && l.trace.clause.id === "changping-device/5.2");
    expect(cert.map((l) => [l.matter, l.ceiling.toFixed()])).toEqual([
      ["P: class 3 certificate (innovative)", "4000000"],
      ["Q: class 3 certificate (innovative)", "6000000"],
    ]);
  });

  test("with no certificate in the plan, the advance stands", () => {
    const g = run({
      enterprise: { region: "changping", sector: "device" },
      horizon: { from: 2026, to: 2027 },
      events: [{ type: "innovativeReview", year: 2026, product: "P" }],
    });
    expect(yearTable(g)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["0", "0"] });
  });
});
