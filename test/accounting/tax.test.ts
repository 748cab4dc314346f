import { assumptionsOf, assumptionText, carryForwardYears, lossCarryForward, parseScenario, rollForward, treatments, treatmentsTable } from "../../src/engine";
import { accountsOf, yearsOf } from "./support";

// Hand-worked tax tables (DESIGN rulings 17 and 22): current tax on receipt (财税〔2008〕151号 第一条),
// the income tax expense on recognition, and deferred tax at each year end at the rate of the
// year it reverses (企业会计准则第18号——所得税 第十五、十六条).

// 深圳（七）: 按实际新建或改造费用的40%、最高3000元/㎡，给予最高不超过1000万元的资助.
// 20,000,000 × 40% = 8,000,000; 3,000 × 1,800 m² = 5,400,000 binds; under 10,000,000 → 5,400,000,
// entitled 2026 (the plant licensed), received 2027 (the default lag of 1), a building of 20 years:
// 19 years remain when the money comes.
const plant = (accounting: Record<string, unknown>, to = 2030) =>
  accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to },
    events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "1800", label: "GMP plant" }],
    accounting,
  });

// Profit: 5,400,000 / 19 = 284,210.5263…, rounded cumulatively: 1/19 → 284,210.53; 2/19 → 568,421.05
// (year 284,210.52); 3/19 → 852,631.58 (284,210.53); 4/19 → 1,136,842.11 (284,210.53); after 2030
// 5,400,000 − 1,136,842.11 = 4,263,157.89.
// Still to be recognised at each year end: 2027 5,115,789.47; 2028 4,831,578.95; 2029 4,547,368.42;
// 2030 4,263,157.89.

describe("the issue's plant: 5,400,000 received in 2027, spread over 19 years, at 25%", () => {
  const gross = plant({});
  const net = plant({ assetMethod: "net" });

  test("profit as today", () => {
    expect(yearsOf(gross, "pl")).toEqual({ 2026: "0", 2027: "284210.53", 2028: "284210.52", 2029: "284210.53", 2030: "284210.53", after: "4263157.89" });
  });

  test("current tax: 25% × 5,400,000 = 1,350,000, in the year received", () => {
    expect(yearsOf(gross, "currentTax")).toEqual({ 2026: "0", 2027: "1350000", 2028: "0", 2029: "0", 2030: "0", after: "0" });
  });

  test("deferred tax asset at 25% of what is taxed and not yet recognised", () => {
    // 2027: 25% × 5,115,789.47 = 1,278,947.3675 → 1,278,947.37
    // 2028: 25% × 4,831,578.95 = 1,207,894.7375 → 1,207,894.74
    // 2029: 25% × 4,547,368.42 = 1,136,842.105 → 1,136,842.11
    // 2030: 25% × 4,263,157.89 = 1,065,789.4725 → 1,065,789.47
    expect(yearsOf(gross, "deferredTaxAsset")).toEqual({ 2026: "0", 2027: "1278947.37", 2028: "1207894.74", 2029: "1136842.11", 2030: "1065789.47" });
    expect(yearsOf(gross, "deferredTaxLiability")).toEqual({ 2026: "0", 2027: "0", 2028: "0", 2029: "0", 2030: "0" });
  });

  test("the expense is the current tax less the rise in the asset: 71,052.63 in 2027, the figure the view showed alone", () => {
    // 2027: 1,350,000 − 1,278,947.37 = 71,052.63; 2028: 1,278,947.37 − 1,207,894.74 = 71,052.63;
    // 2029: 1,207,894.74 − 1,136,842.11 = 71,052.63; 2030: 1,136,842.11 − 1,065,789.47 = 71,052.64;
    // after 2030 the asset's 1,065,789.47 reverses. 3 × 71,052.63 + 71,052.64 + 1,065,789.47 = 1,350,000.
    expect(yearsOf(gross, "tax")).toEqual({ 2026: "0", 2027: "71052.63", 2028: "71052.63", 2029: "71052.63", 2030: "71052.64", after: "1065789.47" });
    expect(gross.views.tax.total.ceiling.toFixed()).toBe("1350000");
    expect(gross.views.currentTax.total.ceiling.toFixed()).toBe("1350000");
  });

  test("after tax: profit less the expense", () => {
    // 284,210.53 − 71,052.63 = 213,157.90; 284,210.52 − 71,052.63 = 213,157.89; 284,210.53 − 71,052.64 = 213,157.89
    expect(yearsOf(gross, "aftertax")).toEqual({ 2026: "0", 2027: "213157.9", 2028: "213157.89", 2029: "213157.9", 2030: "213157.89", after: "3197368.42" });
  });

  test("the roll-forward of deferred income and the deferred tax asset", () => {
    const roll = rollForward(gross);
    const rows = (b: "deferred" | "deferredTaxAsset") => roll[b].map((r) => [r.year, r.opening, r.increase, r.decrease, r.closing].map((x) => (typeof x === "number" ? x : x.ceiling.toFixed())));
    // Deferred income: 5,400,000 received in 2027, 284,210.53 of it recognised; then a year's share out each year.
    expect(rows("deferred")).toEqual([
      [2026, "0", "0", "0", "0"],
      [2027, "0", "5400000", "284210.53", "5115789.47"],
      [2028, "5115789.47", "0", "284210.52", "4831578.95"],
      [2029, "4831578.95", "0", "284210.53", "4547368.42"],
      [2030, "4547368.42", "0", "284210.53", "4263157.89"],
    ]);
    // The asset: up by 1,278,947.37 in 2027, then down by each year's reversal (the expense less nothing current).
    expect(rows("deferredTaxAsset")).toEqual([
      [2026, "0", "0", "0", "0"],
      [2027, "0", "1278947.37", "0", "1278947.37"],
      [2028, "1278947.37", "0", "71052.63", "1207894.74"],
      [2029, "1207894.74", "0", "71052.63", "1136842.11"],
      [2030, "1136842.11", "0", "71052.64", "1065789.47"],
    ]);
  });

  test("no taxable profit expected: no deferred tax asset, the expense is the current tax (CAS 18 第十三条)", () => {
    const none = plant({ deferredTaxAsset: false });
    expect(yearsOf(none, "deferredTaxAsset")).toEqual({ 2026: "0", 2027: "0", 2028: "0", 2029: "0", 2030: "0" });
    expect(yearsOf(none, "tax")).toEqual({ 2026: "0", 2027: "1350000", 2028: "0", 2029: "0", 2030: "0", after: "0" });
    const said = assumptionsOf(none, "tax").map((x) => assumptionText(x));
    expect(said).toContain("deferred tax asset not recognised: the scenario does not expect taxable profit against which to use it, so the expense is the current tax (Shenzhen devices （七）)");
    expect(assumptionsOf(gross, "tax").map((x) => assumptionText(x))).toContain("deferred tax asset recognised: taxable profit against which to use it is probable (CAS 18 第十三条), default (Shenzhen devices （七）)");
  });

  test("the net method: the same tax, the difference on the asset's carrying amount", () => {
    for (const q of ["currentTax", "deferredTaxAsset", "tax"] as const) expect(yearsOf(net, q)).toEqual(yearsOf(gross, q));
    // The asset's carrying amount is 5,115,789.47 below its tax base at the end of 2027: 25% of it is the asset.
    expect(yearsOf(net, "assetReduction")[2027]).toBe("5115789.47");
    expect(yearsOf(net, "deferred")[2027]).toBe("0");
    const said = assumptionsOf(net, "deferredTaxAsset").map((x) => assumptionText(x));
    expect(said).toContain("net method: the asset's tax base is its full cost, so the deferred tax asset sits on the difference in its carrying amount (Shenzhen devices （七）)");
    expect(assumptionsOf(net, "deferredTaxAsset").map((x) => assumptionText(x, "zh-CN"))).toContain("净额法：资产计税基础为全部成本，递延所得税资产对应资产账面价值与计税基础的差额（深圳器械措施（七））");
  });
});

describe("a rate by year: 15% for three years of 高新技术企业 status (2027–2029), 25% after", () => {
  const a = plant({ taxRates: { "2027": "0.15", "2028": "0.15", "2029": "0.15" } });

  test("current tax at the rate of the year received: 15% × 5,400,000 = 810,000", () => {
    expect(yearsOf(a, "currentTax")).toEqual({ 2026: "0", 2027: "810000", 2028: "0", 2029: "0", 2030: "0", after: "0" });
  });

  test("the deferred tax asset at the rates of the years it reverses", () => {
    // End of 2027: 2028's 284,210.52 and 2029's 284,210.53 reverse at 15%, the 4,547,368.42 after at 25%:
    //   42,631.578 + 42,631.5795 + 1,136,842.105 = 1,222,105.2625 → 1,222,105.26
    // End of 2028: 42,631.5795 + 1,136,842.105 = 1,179,473.6845 → 1,179,473.68
    // End of 2029: 25% × 4,547,368.42 = 1,136,842.105 → 1,136,842.11; 2030: 1,065,789.47 as at 25% throughout.
    expect(yearsOf(a, "deferredTaxAsset")).toEqual({ 2026: "0", 2027: "1222105.26", 2028: "1179473.68", 2029: "1136842.11", 2030: "1065789.47" });
  });

  test("taxed at 15% now, deductible at 25% later: a deferred tax income in 2027", () => {
    // 2027: 810,000 − 1,222,105.26 = −412,105.26; 2028: 1,222,105.26 − 1,179,473.68 = 42,631.58;
    // 2029: 1,179,473.68 − 1,136,842.11 = 42,631.57; 2030: 1,136,842.11 − 1,065,789.47 = 71,052.64;
    // after: 1,065,789.47. Sum: −412,105.26 + 42,631.58 + 42,631.57 + 71,052.64 + 1,065,789.47 = 810,000.
    expect(yearsOf(a, "tax")).toEqual({ 2026: "0", 2027: "-412105.26", 2028: "42631.58", 2029: "42631.57", 2030: "71052.64", after: "1065789.47" });
    expect(a.views.tax.total.ceiling.toFixed()).toBe("810000");
  });

  test("the settings say which years have which rate, in both languages", () => {
    const rate = assumptionsOf(a, "tax").find((x) => x.code === "taxRate")!;
    expect(assumptionText(rate)).toBe("income tax rate 25%; 2027–2029 15%; support is taxed the year it is received (财税〔2008〕151号), deferred tax measured at the rate of the year it reverses");
    expect(assumptionText(rate, "zh-CN")).toBe("企业所得税税率 25%，其中 2027–2029 年 15%；补助于到账年度计税（财税〔2008〕151号），递延所得税按转回年度的税率计量");
  });
});

describe("research funds (深圳（三）, 8,000,000) as non-taxable income or taxed", () => {
  // 深圳（三）: 前沿领域高水平基础研究和技术攻关…给予最高不超过3000万元的全额资助: 100% × 8,000,000,
  // entitled 2026, received 2027, paying R&D that falls over 2027 and 2028 (4,000,000 a year), at 25%.
  const research = (nonTaxable: string[], extra: Record<string, unknown> = {}) =>
    accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [{ type: "other", year: 2026, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } }],
      accounting: { costYears: { "shenzhen-device/3.frontier": 2 }, nonTaxable, ...extra },
    });

  test("non-taxable: its R&D is not deductible (25% × 4,000,000) and earns no super deduction (25% × 100% × 4,000,000), each year", () => {
    const a = research(["shenzhen-device/3.frontier"]);
    expect(yearsOf(a, "lostDeduction")).toEqual({ 2026: "0", 2027: "1000000", 2028: "1000000", after: "0" });
    expect(yearsOf(a, "lostSuperDeduction")).toEqual({ 2026: "0", 2027: "1000000", 2028: "1000000", after: "0" });
    expect(yearsOf(a, "nonDeductible")).toEqual({ 2026: "0", 2027: "2000000", 2028: "2000000", after: "0" });
    // Permanent differences: the current tax is the expense, no deferred tax.
    expect(yearsOf(a, "currentTax")).toEqual(yearsOf(a, "tax"));
    expect(yearsOf(a, "tax")).toEqual({ 2026: "0", 2027: "2000000", 2028: "2000000", after: "0" });
    expect(yearsOf(a, "deferredTaxAsset")).toEqual({ 2026: "0", 2027: "0", 2028: "0" });
  });

  test("taxed instead: 25% × 8,000,000 = 2,000,000 on receipt, half of it a deferred tax asset until 2028", () => {
    const a = research([]);
    expect(yearsOf(a, "currentTax")).toEqual({ 2026: "0", 2027: "2000000", 2028: "0", after: "0" });
    // End of 2027: 25% × 4,000,000 still to be recognised = 1,000,000.
    expect(yearsOf(a, "deferredTaxAsset")).toEqual({ 2026: "0", 2027: "1000000", 2028: "0" });
    // 2027: 2,000,000 − 1,000,000; 2028: 0 + 1,000,000 reversed.
    expect(yearsOf(a, "tax")).toEqual({ 2026: "0", 2027: "1000000", 2028: "1000000", after: "0" });
    expect(yearsOf(a, "nonDeductible")).toEqual({ 2026: "0", 2027: "0", 2028: "0", after: "0" });
  });

  test("a super deduction set to 75% (the rate before 2023) loses 25% × 75% × 4,000,000 = 750,000 a year", () => {
    const a = research(["shenzhen-device/3.frontier"], { superDeduction: "0.75" });
    expect(yearsOf(a, "lostSuperDeduction")).toEqual({ 2026: "0", 2027: "750000", 2028: "750000", after: "0" });
    const said = assumptionsOf(a, "nonDeductible").map((x) => assumptionText(x));
    expect(said).toContain("R&D paid by non-taxable funds earns no super deduction (国家税务总局公告2015年第97号); super-deduction rate 75%, set in the scenario (Shenzhen devices （三）)");
  });

  test("both treatments side by side, and discounted: the difference is not only timing", () => {
    const plan = (extra: Record<string, unknown>) =>
      parseScenario({
        schemaVersion: 1,
        name: "both treatments",
        enterprise: { region: "shenzhen", sector: "device" },
        horizon: { from: 2026, to: 2028 },
        events: [{ type: "other", year: 2026, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } }],
        accounting: { costYears: { "shenzhen-device/3.frontier": 2 }, nonTaxable: ["shenzhen-device/3.frontier"], ...extra },
      });
    const t = treatments(plan({}))!;
    const years = t.years.map((y) => [y.year, y.nonTaxable.expected.toFixed(), y.taxed.expected.toFixed()]);
    // As set: 2,000,000 in 2027 and in 2028 (above); taxed: 2,000,000 on receipt in 2027.
    expect(years).toEqual([[2026, "0", "0"], [2027, "2000000", "2000000"], [2028, "2000000", "0"]]);
    expect([t.total.nonTaxable.expected.toFixed(), t.total.taxed.expected.toFixed()]).toEqual(["4000000", "2000000"]);
    // At 8% (the default) to 2026: 2,000,000 / 1.08 = 1,851,851.85185…; 2,000,000 / 1.08² = 1,714,677.64060…;
    // sum 3,566,529.49245… → 3,566,529.49; taxed 1,851,851.85.
    expect([t.presentValue.nonTaxable.expected.toFixed(), t.presentValue.taxed.expected.toFixed()]).toEqual(["3566529.49", "1851851.85"]);
    // At 10%: 1,818,181.81818… + 1,652,892.56198… = 3,471,074.38; taxed 1,818,181.82.
    const ten = treatments(plan({ discountRate: "0.1" }))!;
    expect([ten.presentValue.nonTaxable.expected.toFixed(), ten.presentValue.taxed.expected.toFixed()]).toEqual(["3471074.38", "1818181.82"]);
    const rows = treatmentsTable(ten, 2028, "zh-CN").rows;
    expect(rows[rows.length - 1][0]).toBe("现值（折现率 10%，情景设定）");
    expect(treatments(plan({ nonTaxable: [] }))).toBeUndefined();
  });

  test("unspent after 60 months: the rest is taxable in the sixth year (财税〔2011〕70号 第三条)", () => {
    // Costs over 7 years from 2027: 8,000,000 × k/7 rounded: 1,142,857.14; 2,285,714.29; 3,428,571.43;
    // 4,571,428.57; 5,714,285.71 (end of 2031); 6,857,142.86; 8,000,000.
    // Sixth year from receipt in 2027: 2032. Unspent then: 8,000,000 − 5,714,285.71 = 2,285,714.29, taxed
    // at 25% = 571,428.5725 → 571,428.57; 2032's costs (1,142,857.15) are deductible from then on.
    const a = accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2033 },
      events: [{ type: "other", year: 2026, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } }],
      accounting: { costYears: { "shenzhen-device/3.frontier": 7 }, nonTaxable: ["shenzhen-device/3.frontier"] },
    });
    // 2027–2031: 25% × the year's costs, twice (not deductible, no super deduction):
    // 1,142,857.14 → 285,714.285 → 285,714.29, ×2 = 571,428.58; 1,142,857.15 → 285,714.2875 → 285,714.29, ×2 = 571,428.58;
    // 1,142,857.14 → 571,428.58 (three more years).
    expect(yearsOf(a, "currentTax")).toEqual({ 2026: "0", 2027: "571428.58", 2028: "571428.58", 2029: "571428.58", 2030: "571428.58", 2031: "571428.58", 2032: "571428.57", 2033: "0", after: "0" });
    // End of 2032: 25% × 2033's 1,142,857.14 still to be recognised = 285,714.285 → 285,714.29.
    expect(yearsOf(a, "deferredTaxAsset")[2032]).toBe("285714.29");
    // 2032: 571,428.57 − 285,714.29 = 285,714.28; 2033: the asset reverses, 285,714.29.
    expect(yearsOf(a, "tax")[2032]).toBe("285714.28");
    expect(yearsOf(a, "tax")[2033]).toBe("285714.29");
  });
});

describe("non-taxable treatment chosen where it rarely fits warns", () => {
  test("a certificate award (a reward for R&D already spent) set non-taxable carries a warning under the tax views", () => {
    // 深圳（五）: 40% × 10,000,000 = 4,000,000.
    const a = accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2027, to: 2028 },
      events: [{ type: "certificate", year: 2027, product: "MRI", class: 3, rdCost: "10000000" }],
      accounting: { nonTaxable: ["shenzhen-device/5.class3"] },
    });
    const codes = (q: "tax" | "pl") => assumptionsOf(a, q).map((x) => x.code);
    expect(codes("tax")).toContain("nonTaxableDoubtful");
    expect(codes("pl")).not.toContain("nonTaxableDoubtful");
    const warning = assumptionsOf(a, "tax").find((x) => x.code === "nonTaxableDoubtful")!;
    expect(assumptionText(warning, "zh-CN")).toMatch(/^注意：该补助奖励已发生的费用/);
  });
});

describe("support tied to sales bears output VAT (国家税务总局公告2019年第45号 第七条, as read)", () => {
  // 深圳（十五）: 中标品种按当年采购总金额的3%予以资助，单个品种资助最高不超过300万元: 3% × 100,000,000 =
  // 3,000,000, won in 2027, received 2028 (lag 1). VAT 13%, surcharges 12%, income tax 25% (the defaults).
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2029 },
    events: [{ type: "vbp", year: 2027, product: "CT", bidValue: "100000000" }],
  });

  test("cash gross; output VAT 3,000,000 × 13% ÷ 1.13; income the rest; surcharges 12% of the VAT", () => {
    // 3,000,000 ÷ 1.13 = 2,654,867.2566… → 2,654,867.26; VAT 3,000,000 − 2,654,867.26 = 345,132.74;
    // surcharges 12% × 345,132.74 = 41,415.9288 → 41,415.93.
    expect(yearsOf(a, "cash")).toEqual({ 2027: "0", 2028: "3000000", 2029: "0", after: "0" });
    expect(yearsOf(a, "vat")).toEqual({ 2027: "0", 2028: "345132.74", 2029: "0", after: "0" });
    expect(yearsOf(a, "pl")).toEqual({ 2027: "0", 2028: "2654867.26", 2029: "0", after: "0" });
    expect(yearsOf(a, "surcharges")).toEqual({ 2027: "0", 2028: "41415.93", 2029: "0", after: "0" });
  });

  test("income tax on the income net of VAT, less the surcharges deducted", () => {
    // 25% × 2,654,867.26 = 663,716.815 → 663,716.82; less 25% × 41,415.93 = 10,353.9825 → 10,353.98: 653,362.84.
    expect(yearsOf(a, "currentTax")).toEqual({ 2027: "0", 2028: "653362.84", 2029: "0", after: "0" });
    expect(yearsOf(a, "tax")).toEqual({ 2027: "0", 2028: "653362.84", 2029: "0", after: "0" });
    // 2,654,867.26 − 41,415.93 − 653,362.84 = 1,960,088.49
    expect(yearsOf(a, "aftertax")).toEqual({ 2027: "0", 2028: "1960088.49", 2029: "0", after: "0" });
  });

  test("the settings say so, and that CAS 14 applies where the support is in substance the price of goods", () => {
    const vat = assumptionsOf(a, "pl").find((x) => x.code === "vat")!;
    expect(assumptionText(vat)).toBe(
      "support tied to sales revenue or quantity bears VAT (国家税务总局公告2019年第45号 第七条): output VAT = amount × 13% ÷ (1 + 13%), surcharges 12% of it, default; income and the income-tax base are net of it; where the support is in substance part of the price of goods sold, CAS 14 (revenue), not CAS 16, applies (Shenzhen devices （十五）)",
    );
    expect(assumptionText(vat, "zh-CN")).toMatch(/^与销售收入或数量直接挂钩的补助缴纳增值税/);
  });

  test("a VAT rate set in the scenario: 6% (services)", () => {
    const six = accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2027, to: 2028 },
      events: [{ type: "vbp", year: 2027, product: "CT", bidValue: "100000000" }],
      accounting: { vat: { rate: "0.06" } },
    });
    // 3,000,000 ÷ 1.06 = 2,830,188.6792… → 2,830,188.68; VAT 169,811.32.
    expect(yearsOf(six, "vat")[2028]).toBe("169811.32");
    expect(yearsOf(six, "pl")[2028]).toBe("2830188.68");
  });
});

describe("a loss before support, carried forward (企业所得税法 第十八条; 财税〔2018〕76号)", () => {
  // The plant: 5,400,000 taxable on receipt in 2027, at 25%. Profit before support: a loss of
  // 3,000,000 in 2026 and 2,000,000 in 2027, then 1,000,000 a year.
  const raw = {
    schemaVersion: 1,
    name: "losses",
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2030 },
    events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "1800" }],
    accounting: { profitBeforeSupport: { "2026": "-3000000", "2027": "-2000000", "2028": "1000000", "2029": "1000000", "2030": "1000000" } },
  };
  const s = parseScenario(raw);
  const a = accountsOf(raw);

  test("the support absorbs the losses first: 100,000 of tax in 2027, then 250,000 a year the losses would have sheltered", () => {
    // Without support: 2026 loss 3,000,000, 2027 loss 2,000,000; 2028–2030's 1,000,000 each use 2026's loss: no tax.
    // With it: 2027 is −2,000,000 + 5,400,000 = 3,400,000, less 2026's 3,000,000 = 400,000 × 25% = 100,000;
    // 2028–2030 have no loss left: 25% × 1,000,000 = 250,000 a year, all of it the support's.
    const rows = lossCarryForward(s, a)!.map((r) => [r.year, r.taxWithout.toFixed(), r.taxWith.toFixed(), r.supportTax.toFixed(), r.atRate.toFixed(), r.lossesLeft.toFixed()]);
    expect(rows).toEqual([
      [2026, "0", "0", "0", "0", "3000000"],
      [2027, "0", "100000", "100000", "1350000", "0"],
      [2028, "0", "250000", "250000", "0", "0"],
      [2029, "0", "250000", "250000", "0", "0"],
      [2030, "0", "250000", "250000", "0", "0"],
    ]);
  });

  test("5 years, or 10 where a year of status follows within 5 (as read)", () => {
    expect(carryForwardYears(2026, new Set())).toBe(5);
    expect(carryForwardYears(2026, new Set([2028]))).toBe(10);
    expect(carryForwardYears(2026, new Set([2032]))).toBe(5);
  });

  test("a loss that expires: 5 years, then gone", () => {
    // A loss of 1,000,000 in 2026, no profit until 2032: usable 2027–2031 only, so 2032 is taxed in full.
    const late = parseScenario({ ...raw, horizon: { from: 2026, to: 2032 }, events: [], accounting: { profitBeforeSupport: { "2026": "-1000000", "2032": "1000000" } } });
    const rows = lossCarryForward(late, accountsOf({ ...raw, horizon: { from: 2026, to: 2032 }, events: [], accounting: {} }))!;
    expect(rows[rows.length - 1].taxWithout.toFixed()).toBe("250000");
    const kept = parseScenario({ ...raw, horizon: { from: 2026, to: 2032 }, events: [], accounting: { profitBeforeSupport: { "2026": "-1000000", "2032": "1000000" }, qualifiedYears: [2027] } });
    // With status in 2027, the 2026 loss is carried 10 years: 2032's profit is sheltered.
    expect(lossCarryForward(kept, accountsOf({ ...raw, horizon: { from: 2026, to: 2032 }, events: [], accounting: {} }))!.slice(-1)[0].taxWithout.toFixed()).toBe("0");
  });
});
