import { assumptionsOf, assumptionText, lossCarryForward, lossTable, parseScenario } from "../../src/engine";
import { accountsOf } from "./support";

// The plant: 5,400,000 taxable on receipt in 2027, at 25%. Profit before support: a loss of 3,000,000
// in 2026 and 2,000,000 in 2027, then 1,000,000 a year (test/accounting/tax.test.ts works the current tax:
// 0, 100,000, then 250,000 a year).
const raw = (accounting: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  name: "losses",
  enterprise: { region: "shenzhen", sector: "device" },
  horizon: { from: 2026, to: 2030 },
  events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "1800" }],
  accounting: { profitBeforeSupport: { "2026": "-3000000", "2027": "-2000000", "2028": "1000000", "2029": "1000000", "2030": "1000000" }, ...accounting },
});
const rows = (accounting: Record<string, unknown> = {}) => lossCarryForward(parseScenario(raw(accounting)), accountsOf(raw(accounting)))!;

test("the deferred tax asset on losses, recognised (taxable profit probable, the default): the support's expense at the full rate", () => {
  // Losses left without support: 2026 3,000,000; 2027 5,000,000; 2028–2030 the 2026 loss used 1,000,000 a year:
  // 4,000,000, 3,000,000, 2,000,000. With it: 3,000,000, then 0 (2027's −2,000,000 + 5,400,000 uses 2026's loss).
  // The support's effect on the asset at 25%: 0; −1,250,000; −1,000,000; −750,000; −500,000.
  // Expense: 0; 100,000 + 1,250,000 = 1,350,000 (25% × 5,400,000); 250,000 − 250,000 = 0 each year after.
  expect(rows().map((r) => [r.year, r.supportTax.toFixed(), r.lossAsset.toFixed(), r.supportExpense.toFixed()])).toEqual([
    [2026, "0", "0", "0"],
    [2027, "100000", "-1250000", "1350000"],
    [2028, "250000", "-1000000", "0"],
    [2029, "250000", "-750000", "0"],
    [2030, "250000", "-500000", "0"],
  ]);
});

test("not recognised where the scenario says taxable profit is not probable: the expense is the current tax", () => {
  expect(rows({ deferredTaxAsset: false }).map((r) => [r.year, r.lossAsset.toFixed(), r.supportExpense.toFixed()])).toEqual([
    [2026, "0", "0"],
    [2027, "0", "100000"],
    [2028, "0", "250000"],
    [2029, "0", "250000"],
    [2030, "0", "250000"],
  ]);
});

test("the table has both columns, in both languages", () => {
  expect(lossTable(rows(), "zh-CN").header.slice(-2)).toEqual(["补助对亏损递延所得税资产的影响", "补助的所得税费用（亏损）"]);
  expect(lossTable(rows()).rows[1].slice(-2).map(String)).toEqual(["-1250000", "1350000"]);
});

test("小型微利企业: a year whose profit before support is within 3,000,000 says a per-year rate does not fit", () => {
  // 2028–2030 at 1,000,000 are in the band (0 < profit ≤ 3,000,000); the loss years are not named.
  const a = accountsOf(raw());
  const warning = assumptionsOf(a, "tax").find((x) => x.code === "smallLowProfit")!;
  expect(warning).toEqual({ code: "smallLowProfit", years: [2028, 2029, 2030] });
  expect(assumptionText(warning)).toMatch(/^warning: in 2028, 2029, 2030 the profit before support is at most 3,000,000; .*财政部 税务总局公告2023年第12号, to 31 December 2027\)/);
  expect(assumptionText(warning, "zh-CN")).toMatch(/^注意：2028、2029、2030 年补助前应纳税所得额不超过300万元/);
  expect(assumptionsOf(a, "pl").map((x) => x.code)).not.toContain("smallLowProfit");
  // A profit above the band, or none stated: no remark.
  const big = accountsOf(raw({ profitBeforeSupport: { "2027": "3000000.01" } }));
  expect(assumptionsOf(big, "tax").map((x) => x.code)).not.toContain("smallLowProfit");
  expect(assumptionsOf(accountsOf({ ...raw(), accounting: {} }), "tax").map((x) => x.code)).not.toContain("smallLowProfit");
});
