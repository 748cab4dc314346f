import { assumptionsOf, assumptionText } from "../../src/engine";
import { accountsOf, yearsOf } from "./support";

// Hand-worked year tables for the CFO's views (DESIGN rulings 15–17). The support figures come
// from the clause sentences; the spreading from 企业会计准则第16号——政府补助 (2017).

// 深圳（七）: 按实际新建或改造费用的40%、最高3000元/㎡，给予最高不超过1000万元的资助.
// 20,000,000 × 40% = 8,000,000; 3,000 × 2,000 m² = 6,000,000 binds; under 10,000,000 → 6,000,000.
const plant = (accounting: Record<string, unknown>) =>
  accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2030 },
    events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "2000", label: "GMP plant" }],
    accounting,
  });

describe("Shenzhen plant grant of 6,000,000, gross method, 20 years", () => {
  // Paid the year the plant is licensed (lag 0 for this clause); a building: 20 years by default.
  const a = plant({ paymentLag: { clauses: { "shenzhen-device/7": 0 } } });

  test("entitled and cash in 2026", () => {
    expect(yearsOf(a, "entitled")).toEqual({ 2026: "6000000", 2027: "0", 2028: "0", 2029: "0", 2030: "0", after: "0" });
    expect(yearsOf(a, "cash")).toEqual({ 2026: "6000000", 2027: "0", 2028: "0", 2029: "0", 2030: "0", after: "0" });
  });

  test("其他收益 of 6,000,000 / 20 = 300,000 a year; the 15 years after 2030 carry 4,500,000", () => {
    const each = { 2026: "300000", 2027: "300000", 2028: "300000", 2029: "300000", 2030: "300000", after: "4500000" };
    expect(yearsOf(a, "pl")).toEqual(each);
    expect(yearsOf(a, "otherIncome")).toEqual(each);
  });

  test("deferred income at year end: 6,000,000 less 300,000 a year", () => {
    expect(yearsOf(a, "deferred")).toEqual({ 2026: "5700000", 2027: "5400000", 2028: "5100000", 2029: "4800000", 2030: "4500000" });
    expect(yearsOf(a, "assetReduction")).toEqual({ 2026: "0", 2027: "0", 2028: "0", 2029: "0", 2030: "0" });
    expect(a.views.deferred.total.ceiling.toFixed()).toBe("4500000");
  });

  test("tax at 25%: 75,000 a year; after tax 225,000", () => {
    expect(yearsOf(a, "tax")).toEqual({ 2026: "75000", 2027: "75000", 2028: "75000", 2029: "75000", 2030: "75000", after: "1125000" });
    expect(yearsOf(a, "aftertax")).toEqual({ 2026: "225000", 2027: "225000", 2028: "225000", 2029: "225000", 2030: "225000", after: "3375000" });
    expect(yearsOf(a, "nonDeductible").after).toBe("0");
  });

  test("by policy and by clause", () => {
    const y = a.views.pl.years[0];
    expect(y.byPolicy["shenzhen-device"].ceiling.toFixed()).toBe("300000");
    expect(y.byClause["shenzhen-device/7"].ceiling.toFixed()).toBe("300000");
  });
});

describe("the same grant paid a year late (the default lag of 1)", () => {
  const a = plant({});
  test("cash in 2027, spread over the 19 years of life that remain", () => {
    expect(yearsOf(a, "cash")).toEqual({ 2026: "0", 2027: "6000000", 2028: "0", 2029: "0", 2030: "0", after: "0" });
    // 6,000,000 / 19 = 315,789.4736…, rounded cumulatively: 1/19 → 315,789.47; 2/19 → 631,578.95
    // (year 315,789.48); 3/19 → 947,368.42 (315,789.47); 4/19 → 1,263,157.89 (315,789.47).
    expect(yearsOf(a, "pl")).toEqual({ 2026: "0", 2027: "315789.47", 2028: "315789.48", 2029: "315789.47", 2030: "315789.47", after: "4736842.11" });
    // 6,000,000 − 315,789.47 = 5,684,210.53; − 631,578.95 = 5,368,421.05; …
    expect(yearsOf(a, "deferred")).toEqual({ 2026: "0", 2027: "5684210.53", 2028: "5368421.05", 2029: "5052631.58", 2030: "4736842.11" });
  });
});

describe("the same grant under the net method", () => {
  const a = plant({ paymentLag: { clauses: { "shenzhen-device/7": 0 } }, assetMethod: "net" });

  test("profit sees 300,000 less depreciation a year, and no 其他收益", () => {
    expect(yearsOf(a, "pl")).toEqual({ 2026: "300000", 2027: "300000", 2028: "300000", 2029: "300000", 2030: "300000", after: "4500000" });
    expect(yearsOf(a, "otherIncome")).toEqual({ 2026: "0", 2027: "0", 2028: "0", 2029: "0", 2030: "0", after: "0" });
  });

  test("no deferred income: the grant sits in the plant's lower carrying amount", () => {
    expect(yearsOf(a, "deferred")).toEqual({ 2026: "0", 2027: "0", 2028: "0", 2029: "0", 2030: "0" });
    expect(yearsOf(a, "assetReduction")).toEqual({ 2026: "5700000", 2027: "5400000", 2028: "5100000", 2029: "4800000", 2030: "4500000" });
  });

  test("the same tax as the gross method", () => {
    expect(yearsOf(a, "tax")).toEqual({ 2026: "75000", 2027: "75000", 2028: "75000", 2029: "75000", 2030: "75000", after: "1125000" });
  });

  test("a plant with its own useful life of 25 years", () => {
    const own = accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2027 },
      events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "2000", usefulLife: 25 }],
      accounting: { paymentLag: { default: 0 }, assetMethod: "net" },
    });
    // 6,000,000 / 25 = 240,000 a year.
    expect(yearsOf(own, "pl")).toEqual({ 2026: "240000", 2027: "240000", after: "5520000" });
  });
});

describe("a certificate award, lag 1, at the high-tech rate of 15%", () => {
  // 深圳（五）: 首次获批三类…按实际投入研发费用的40%予以资助，单个品种最高不超过500万元.
  // 40% × 10,000,000 = 4,000,000 (under 5,000,000), entitled in 2027.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2029 },
    events: [{ type: "certificate", year: 2027, product: "MRI", class: 3, rdCost: "10000000" }],
    accounting: { taxRate: "0.15" },
  });

  test("entitled 2027, cash 2028", () => {
    expect(yearsOf(a, "entitled")).toEqual({ 2027: "4000000", 2028: "0", 2029: "0", after: "0" });
    expect(yearsOf(a, "cash")).toEqual({ 2027: "0", 2028: "4000000", 2029: "0", after: "0" });
  });

  test("costs already incurred: all of it in profit the year received, nothing deferred", () => {
    expect(yearsOf(a, "pl")).toEqual({ 2027: "0", 2028: "4000000", 2029: "0", after: "0" });
    expect(yearsOf(a, "deferred")).toEqual({ 2027: "0", 2028: "0", 2029: "0" });
  });

  test("tax 15% × 4,000,000 = 600,000; after tax 3,400,000", () => {
    expect(yearsOf(a, "tax")).toEqual({ 2027: "0", 2028: "600000", 2029: "0", after: "0" });
    expect(yearsOf(a, "aftertax")).toEqual({ 2027: "0", 2028: "3400000", 2029: "0", after: "0" });
  });
});

describe("a clause treated as non-taxable income (不征税收入, 财税〔2011〕70号)", () => {
  // 深圳（三）: 前沿领域高水平基础研究和技术攻关…给予最高不超过3000万元的全额资助.
  // A project of 8,000,000: 100% × 8,000,000 = 8,000,000, entitled in 2026, received in 2027,
  // funding research costs that fall over 2027 and 2028 (4,000,000 each).
  const research = (nonTaxable: string[]) =>
    accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [{ type: "other", year: 2026, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } }],
      accounting: { costYears: { "shenzhen-device/3.frontier": 2 }, nonTaxable },
    });
  const exempt = research(["shenzhen-device/3.frontier"]);
  const taxable = research([]);

  test("later costs: deferred when received, recognised as the costs fall", () => {
    expect(yearsOf(exempt, "cash")).toEqual({ 2026: "0", 2027: "8000000", 2028: "0", after: "0" });
    expect(yearsOf(exempt, "pl")).toEqual({ 2026: "0", 2027: "4000000", 2028: "4000000", after: "0" });
    expect(yearsOf(exempt, "deferred")).toEqual({ 2026: "0", 2027: "4000000", 2028: "0" });
  });

  test("no tax on the support, but 25% × 4,000,000 = 1,000,000 a year on the costs it funds, which are not deductible, and as much again for their super deduction lost (100%)", () => {
    expect(yearsOf(exempt, "nonDeductible")).toEqual({ 2026: "0", 2027: "2000000", 2028: "2000000", after: "0" });
    expect(yearsOf(exempt, "tax")).toEqual({ 2026: "0", 2027: "2000000", 2028: "2000000", after: "0" });
    // 4,000,000 − 2,000,000
    expect(yearsOf(exempt, "aftertax")).toEqual({ 2026: "0", 2027: "2000000", 2028: "2000000", after: "0" });
  });

  test("taxed instead, 1,000,000 a year of expense falls on the support itself", () => {
    expect(yearsOf(taxable, "tax")).toEqual({ 2026: "0", 2027: "1000000", 2028: "1000000", after: "0" });
    expect(yearsOf(taxable, "nonDeductible")).toEqual({ 2026: "0", 2027: "0", 2028: "0", after: "0" });
  });
});

describe("presentation: 其他收益 or 营业外收入 (CAS 16 第十一条), and 非经常性损益", () => {
  // 昌平器械 第十一条（一）: 对于并购金额超过10亿元人民币的，一次性给予最高1000万元支持 — an acquisition of
  // 1,200,000,000 (> 1,000,000,000) in 2027: 10,000,000, received 2028 (lag 1).
  const a = accountsOf({
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2027, to: 2028 },
    events: [{ type: "other", year: 2027, topic: "overseas", facts: { acquisitionValue: "1200000000" } }],
  });

  test("an acquisition reward is not daily activity: 营业外收入, not 其他收益", () => {
    expect(yearsOf(a, "pl")).toEqual({ 2027: "0", 2028: "10000000", after: "0" });
    expect(yearsOf(a, "nonOperating")).toEqual({ 2027: "0", 2028: "10000000", after: "0" });
    expect(yearsOf(a, "otherIncome")).toEqual({ 2027: "0", 2028: "0", after: "0" });
  });

  test("the settings under the view say why, and that listed companies report it as 非经常性损益", () => {
    const said = assumptionsOf(a, "pl").map((x) => assumptionText(x, "zh-CN"));
    expect(said).toContain("计入营业外收入：奖励海外并购，属投资活动而非日常活动，计入营业外收入（企业会计准则第16号第十一条）（昌平器械措施（征求意见稿）第十一条（一））");
    expect(said.some((x) => x.startsWith("上市及拟上市公司：计入当期损益的政府补助属非经常性损益"))).toBe(true);
    expect(assumptionsOf(a, "cash").map((x) => x.code)).not.toContain("nonRecurring");
  });
});
