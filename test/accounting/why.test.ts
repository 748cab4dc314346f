import { join } from "node:path";
import { main } from "../../src/cli/main";
import { accountingQuantities, lineWhy, type Accounts } from "../../src/engine";
import { accountsOf } from "./support";

// Each line says why it shows what it shows, in every view and both languages (issue 19: "each
// line says why"): the arithmetic from the line's own settings, the figures worked by hand below.

const only = (a: Accounts) => {
  expect(a.lines).toHaveLength(1);
  return a.lines[0];
};

// 深圳（七）: 3,000 × 1,800 m² = 5,400,000 (under 40% × 20,000,000 and the 10,000,000 cap), entitled
// 2026, received 2027 (lag 1), a building of 20 years ready in 2026: 19 years remain from 2027.
const plant = (accounting: Record<string, unknown> = {}, readyForUse = "2026") =>
  accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2030 },
    events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "1800", readyForUse }],
    accounting,
  });

describe("the issue's plant, 5,400,000 over 19 remaining years at 25%", () => {
  const a = plant();
  const l = only(a);

  test("profit: the amount over the years left of the asset's life", () => {
    expect(lineWhy(a, l, "pl")).toBe("5,400,000 ÷ 19 remaining years of a 20-year building ready in 2026, from 2027 when the money came");
    expect(lineWhy(a, l, "pl", "zh-CN")).toBe("5,400,000 ÷ 19（20年房屋建筑物，2026年可使用，2027 年到账时尚余19年）");
    expect(lineWhy(a, l, "otherIncome")).toBe(lineWhy(a, l, "pl"));
  });

  test("cash: entitlement plus the lag", () => {
    expect(lineWhy(a, l, "cash")).toBe("entitled 2026 + payment lag of 1 year (default): 5,400,000 received 2027");
    expect(lineWhy(a, l, "cash", "zh-CN")).toBe("2026 年取得资格，付款滞后 1 年（默认），2027 年到账 5,400,000 元");
  });

  test("tax: current tax on receipt, the deferred tax asset, the expense as their sum", () => {
    // 25% × 5,400,000 = 1,350,000 in 2027.
    expect(lineWhy(a, l, "currentTax")).toBe("25% × 5,400,000 received 2027 = 1,350,000");
    expect(lineWhy(a, l, "currentTax", "zh-CN")).toBe("25% × 5,400,000（2027 年到账）= 1,350,000");
    // Not yet recognised at the end of 2027: 5,400,000 − 284,210.53 = 5,115,789.47; × 25% = 1,278,947.3675 → 1,278,947.37.
    expect(lineWhy(a, l, "deferredTaxAsset")).toBe("taxed, not yet in profit, × the rate of the years it reverses: 1,278,947.37 at the end of 2027");
    // 2027: 1,350,000 − 1,278,947.37 = 71,052.63.
    expect(lineWhy(a, l, "tax")).toBe("current tax + change in deferred tax: 2027 1,350,000 − 1,278,947.37 = 71,052.63");
    expect(lineWhy(a, l, "tax", "zh-CN")).toBe("当期所得税加递延所得税的变动：2027 年 1,350,000 − 1,278,947.37 = 71,052.63");
    // 284,210.53 − 71,052.63 = 213,157.90.
    expect(lineWhy(a, l, "aftertax")).toBe("profit − tax expense: 2027 284,210.53 − 71,052.63 = 213,157.9");
    expect(lineWhy(a, l, "nonDeductible")).toBe("taxable: its costs are deductible as usual");
  });

  test("deferred income: what is left at the horizon's end", () => {
    // 5,400,000 − 4 × 284,210.5263… = 4,263,157.89 at the end of 2030.
    expect(lineWhy(a, l, "deferred")).toBe("5,400,000 received 2027 (deferred income) less what has reached profit: 4,263,157.89 left at the end of 2030");
    expect(lineWhy(a, l, "assetReduction")).toBe("gross method: deferred income, not deducted from the asset");
  });

  test("no deferred tax asset where taxable profit is not expected", () => {
    const none = plant({ deferredTaxAsset: false });
    expect(lineWhy(none, only(none), "deferredTaxAsset")).toBe("no deferred tax asset: taxable profit to use it against is not expected (set in the scenario)");
    expect(lineWhy(none, only(none), "tax")).toBe("the current tax, no deferred tax: 1,350,000 in 2027");
  });

  test("the net method: depreciation saved, the difference on the asset", () => {
    const net = plant({ assetMethod: "net" });
    const n = only(net);
    expect(lineWhy(net, n, "pl")).toBe("depreciation saved: 5,400,000 ÷ 19 remaining years of a 20-year building ready in 2026, from 2027 when the money came");
    expect(lineWhy(net, n, "pl", "zh-CN")).toBe("少计折旧：5,400,000 ÷ 19（20年房屋建筑物，2026年可使用，2027 年到账时尚余19年）");
    expect(lineWhy(net, n, "deferred")).toBe("net method: deducted from the asset, not deferred income");
    expect(lineWhy(net, n, "deferredTaxAsset")).toBe("taxed, not yet in profit, × the rate of the years it reverses: 1,278,947.37 at the end of 2027 (net method: on the asset, whose tax base is its full cost)");
  });
});

test("a plant ready in June 2026, paid a year later: the months left from January 2027", () => {
  // 深圳（七）, 3,000 × 2,000 m² = 6,000,000; 240 months from July 2026 end after June 2046; from January 2027, 234 remain.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2028 },
    events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "2000", readyForUse: "2026-06" }],
  });
  const l = only(a);
  expect(lineWhy(a, l, "pl")).toBe("6,000,000 ÷ 234 remaining months × the year's months of a 20-year building ready in 2026-06 (from the month after)");
  expect(lineWhy(a, l, "pl", "zh-CN")).toBe("6,000,000 ÷ 234 个月 × 当年月数（20年房屋建筑物，2026-06 可使用，次月起尚余 234 个月）");
});

test("research funds set non-taxable: the deduction and super deduction lost as the costs fall", () => {
  // 深圳（三）: 全额资助 100% × 8,000,000, received 2027 (lag 1), its R&D over 2027–2028 (4,000,000 a year), 25%:
  // 25% × 4,000,000 = 1,000,000 not deductible, 25% × 100% × 4,000,000 = 1,000,000 of super deduction lost.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2028 },
    events: [{ type: "other", year: 2026, topic: "innovation", facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } }],
    accounting: { costYears: { "shenzhen-device/3.frontier": 2 }, nonTaxable: ["shenzhen-device/3.frontier"] },
  });
  const l = only(a);
  expect(lineWhy(a, l, "pl")).toBe("8,000,000 ÷ 2 years over which the costs it pays for fall, from 2027 (set for the clause)");
  expect(lineWhy(a, l, "currentTax")).toBe("non-taxable (财税〔2011〕70号): the costs it funds fall in 2027: 25% × 4,000,000 = 1,000,000 + 25% × 100% × 4,000,000 = 1,000,000");
  expect(lineWhy(a, l, "nonDeductible", "zh-CN")).toBe("不征税收入（财税〔2011〕70号）：资助的支出于 2027 年发生，25% × 4,000,000 = 1,000,000 + 25% × 100% × 4,000,000 = 1,000,000");
  expect(lineWhy(a, l, "lostDeduction")).toBe("non-taxable funds' costs not deductible: 2027 25% × 4,000,000 = 1,000,000");
  expect(lineWhy(a, l, "lostSuperDeduction", "zh-CN")).toBe("研发费用不得加计扣除：2027 年 25% × 100% × 4,000,000 = 1,000,000");
  expect(lineWhy(a, l, "deferredTaxAsset")).toBe("non-taxable: a permanent difference, no deferred tax");
  // 4,000,000 × (1 + 100%) = 8,000,000 of taxable income the line adds in 2027.
  expect(lineWhy(a, l, "taxBase")).toBe("not taxed; the costs it funds fall in 2027, not deducted nor super-deducted: 4,000,000 × (1 + 100%) = 8,000,000");
});

test("a certificate award recognised when receivable: a deferred tax liability until the cash", () => {
  // 深圳（五）: 40% × 10,000,000 = 4,000,000, a fixed standard: in profit at the end of 2027, received 2028; 25% × 4,000,000 = 1,000,000.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2029 },
    events: [{ type: "certificate", year: 2027, product: "MRI", class: 3, rdCost: "10000000" }],
    accounting: { recognition: { documents: { "shenzhen-device": "receivable" } } },
  });
  const l = only(a);
  expect(lineWhy(a, l, "pl")).toBe("4,000,000 in 2027, recognised when receivable (a fixed standard, no discretion); received 2028");
  expect(lineWhy(a, l, "receivable", "zh-CN")).toBe("2027 年按应收确认，2028 年到账前为应收政府补助");
  expect(lineWhy(a, l, "deferredTaxLiability")).toBe("recognised, not yet received and taxed, × the rate of the year it comes: 1,000,000 at the end of 2027");
  expect(lineWhy(a, l, "tax")).toBe("current tax + change in deferred tax: 2027 0 + 1,000,000 = 1,000,000");
});

test("support tied to sales: VAT, surcharges, income and tax net of them", () => {
  // 深圳（十五）: 3% × 100,000,000 = 3,000,000, received 2028; 3,000,000 ÷ 1.13 = 2,654,867.26; VAT 345,132.74;
  // surcharges 12% × 345,132.74 = 41,415.93; current tax 25% × 2,654,867.26 = 663,716.82 less 25% × 41,415.93 =
  // 10,353.98: 653,362.84.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2029 },
    events: [{ type: "vbp", year: 2027, product: "CT", bidValue: "100000000" }],
  });
  const l = only(a);
  expect(lineWhy(a, l, "vat")).toBe("3,000,000 × 13% ÷ (1 + 13%) = 345,132.74, due 2028 when received (default)");
  expect(lineWhy(a, l, "surcharges", "zh-CN")).toBe("增值税 345,132.74 × 12% = 41,415.93");
  expect(lineWhy(a, l, "pl")).toBe("2,654,867.26 (3,000,000 ÷ (1 + 13%), net of VAT) in 2028, when received");
  expect(lineWhy(a, l, "currentTax")).toBe("25% × 2,654,867.26 received 2028 − 25% × surcharges 41,415.93 = 653,362.84");
  // 2,654,867.26 − 653,362.84 − 41,415.93 = 1,960,088.49.
  expect(lineWhy(a, l, "aftertax")).toBe("profit − tax expense − surcharges: 2028 2,654,867.26 − 653,362.84 − 41,415.93 = 1,960,088.49");
});

test("every line of every view has words in both languages, none in English in the Chinese", () => {
  const a = plant();
  for (const l of a.lines)
    for (const q of accountingQuantities) {
      expect(lineWhy(a, l, q).length).toBeGreaterThan(0);
      expect(lineWhy(a, l, q, "zh-CN")).not.toMatch(/[a-z]{3,}/);
    }
});

test("the CLI prints each line's why under it, in the view's language", async () => {
  const file = join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json");
  const said: string[] = [];
  expect(await main(["forecast", file, "--view", "pl"], { out: (t: string) => said.push(t), err: () => undefined })).toBe(0);
  // 深圳（七）: 6,000,000 over the 19 years left of its 20-year life when the money comes in 2027.
  expect(said.join("\n")).toContain("      6,000,000 ÷ 19 remaining years of a 20-year building in use from 2026 (the award year), from 2027 when the money came");
  const zh: string[] = [];
  expect(await main(["forecast", file, "--view", "当期所得税", "--lang", "zh-CN"], { out: (t: string) => zh.push(t), err: () => undefined })).toBe(0);
  expect(zh.join("\n")).toContain("      15% × 6,000,000（2027 年到账）= 900,000");
});
