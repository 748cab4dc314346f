import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountedForecast, accountingChanges, accountingChangeText, compareAccounts, compareForecasts, parseScenario, type Scenario } from "../../src/engine";

// A what-if on the accounting settings of examples/shenzhen-cfo-views.json: the tax rate 15% → 25%.
// Baseline tax expense (test/accounting/example.test.ts): 2026 1,200,000; 2027 1,247,368.42; 2028 647,368.42
// (expected 527,368.42); 2029 and 2030 47,368.42; total 3,900,000 (expected 3,780,000).
// At 25%: research (不征税收入) 25% × 4,000,000 + 25% × 100% × 4,000,000 = 2,000,000 in 2026 and 2027.
// Plant: current 25% × 6,000,000 = 1,500,000 in 2027; deferred tax asset 25% × 5,684,210.53 = 1,421,052.63 (2027),
// 25% × 5,368,421.05 = 1,342,105.26 (2028), 25% × 5,052,631.58 = 1,263,157.895 → 1,263,157.90 (2029),
// 25% × 4,736,842.11 = 1,184,210.53 (2030); expense 78,947.37, 78,947.37, 78,947.36, 78,947.37.
// Certificate: 25% × 4,000,000 = 1,000,000 in 2028 (expected 800,000).
// Tax at 25%: 2026 2,000,000; 2027 2,078,947.37; 2028 1,078,947.37 (expected 878,947.37); 2029 78,947.36; 2030 78,947.37.
const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
const base: Scenario = parseScenario(raw);
const variant: Scenario = parseScenario({ ...raw, accounting: { ...raw.accounting, taxRate: "0.25" } });
const a = accountedForecast(base);
const b = accountedForecast(variant);
const d = compareAccounts(a.accounts, b.accounts, ["tax", "aftertax", "pl"]);

test("Δ tax by year: 800,000; 831,578.95; 351,578.95; 31,578.94; 31,578.95 (expected)", () => {
  // 2,000,000 − 1,200,000; 2,078,947.37 − 1,247,368.42; 878,947.37 − 527,368.42; 78,947.36 − 47,368.42; 78,947.37 − 47,368.42.
  expect(d.tax!.years.map((y) => [y.year, y.delta.toFixed()])).toEqual([
    [2026, "800000"],
    [2027, "831578.95"],
    [2028, "351578.95"],
    [2029, "31578.94"],
    [2030, "31578.95"],
  ]);
  // Total: 2 × 2,000,000 + 1,500,000 + 1,000,000 = 6,500,000 (expected 6,300,000) against 3,900,000 (3,780,000).
  expect([d.tax!.total.delta.toFixed(), d.tax!.total.ceilingDelta.toFixed()]).toEqual(["2520000", "2600000"]);
});

test("Δ after tax is minus Δ tax, profit unmoved", () => {
  expect(d.aftertax!.years.map((y) => y.delta.toFixed())).toEqual(["-800000", "-831578.95", "-351578.95", "-31578.94", "-31578.95"]);
  expect(d.pl!.years.every((y) => y.delta.isZero())).toBe(true);
});

test("the what-if names the settings it changed, in both languages; the entitled forecast does not move", () => {
  expect(accountingChanges(base, variant)).toEqual(["taxRate"]);
  expect(accountingChangeText(["taxRate", "paymentLag"], "zh-CN")).toBe("会计设置已改：所得税税率、到账滞后年数");
  const diff = compareForecasts(base, a.forecast, variant, b.forecast);
  expect(diff.changes).toEqual([{ kind: "accounting" }]);
  expect(diff.total.delta.toFixed()).toBe("0");
});

test("a lag changed: cash moves a year, its Δ by year cancels in total", () => {
  // The certificate's 4,000,000 (expected 3,200,000) paid in 2029 instead of 2028.
  const late = parseScenario({ ...raw, accounting: { ...raw.accounting, paymentLag: { ...raw.accounting.paymentLag, clauses: { ...raw.accounting.paymentLag.clauses, "shenzhen-device/5.class3": 2 } } } });
  const c = compareAccounts(a.accounts, accountedForecast(late).accounts, ["cash"]).cash!;
  expect(c.years.map((y) => [y.year, y.delta.toFixed()])).toEqual([
    [2026, "0"],
    [2027, "0"],
    [2028, "-3200000"],
    [2029, "3200000"],
    [2030, "0"],
  ]);
  expect(c.total.delta.toFixed()).toBe("0");
  expect(accountingChanges(base, late)).toEqual(["paymentLag"]);
});
