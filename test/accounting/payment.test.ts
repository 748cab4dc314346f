import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountedForecast, assumptionsOf, assumptionText, lineWhy, parseScenario, scenarioFromInputs, scenarioToInputs, type Accounts, type Quantity } from "../../src/engine";

// When the current tax on support is paid (企业所得税法 第五十四条: 分月或者分季预缴…自年度终了之日起五个月内…汇算清缴):
// quarterly prepayment in the year it arises (the default), or at the annual settlement by 31 May of
// the next year. examples/shenzhen-cfo-views.json, at 15%: current tax 2026 1,200,000 (research, non-taxable:
// 15% × 4,000,000 + 15% × 100% × 4,000,000); 2027 2,100,000 (research 1,200,000 + the plant's 15% × 6,000,000 =
// 900,000); 2028 600,000 (the certificate's 15% × 4,000,000; expected × 0.8 = 480,000). Cash: 2026 8,000,000;
// 2027 6,000,000; 2028 4,000,000 (expected 3,200,000).
const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
const run = (taxPayment?: "quarterly" | "annual"): Accounts => accountedForecast(parseScenario({ ...raw, accounting: { ...raw.accounting, ...(taxPayment ? { taxPayment } : {}) } })).accounts;
const table = (a: Accounts, q: Quantity) => Object.fromEntries([...a.views[q].years.map((r) => [r.year, [r.ceiling.toFixed(), r.expected.toFixed()]]), ["after", [a.views[q].after.ceiling.toFixed(), a.views[q].after.expected.toFixed()]], ["total", [a.views[q].total.ceiling.toFixed(), a.views[q].total.expected.toFixed()]]]);

test("quarterly prepayment (the default): paid the year it arises", () => {
  const a = run();
  expect(table(a, "taxPaid")).toEqual(table(a, "currentTax"));
  // Net cash: 8,000,000 − 1,200,000 = 6,800,000; 6,000,000 − 2,100,000 = 3,900,000; 4,000,000 − 600,000 = 3,400,000
  // (expected 3,200,000 − 480,000 = 2,720,000); total 18,000,000 − 3,900,000 = 14,100,000 (17,200,000 − 3,780,000 = 13,420,000).
  expect(table(a, "netCash")).toEqual({
    2026: ["6800000", "6800000"],
    2027: ["3900000", "3900000"],
    2028: ["3400000", "2720000"],
    2029: ["0", "0"],
    2030: ["0", "0"],
    after: ["0", "0"],
    total: ["14100000", "13420000"],
  });
});

test("汇算清缴: each year's current tax paid the next year, by 31 May", () => {
  const a = run("annual");
  expect(table(a, "taxPaid")).toEqual({
    2026: ["0", "0"],
    2027: ["1200000", "1200000"],
    2028: ["2100000", "2100000"],
    2029: ["600000", "480000"],
    2030: ["0", "0"],
    after: ["0", "0"],
    total: ["3900000", "3780000"],
  });
  // 8,000,000; 6,000,000 − 1,200,000 = 4,800,000; 4,000,000 − 2,100,000 = 1,900,000 (3,200,000 − 2,100,000 = 1,100,000);
  // 2029: −600,000 (−480,000); the same total.
  expect(table(a, "netCash")).toEqual({
    2026: ["8000000", "8000000"],
    2027: ["4800000", "4800000"],
    2028: ["1900000", "1100000"],
    2029: ["-600000", "-480000"],
    2030: ["0", "0"],
    after: ["0", "0"],
    total: ["14100000", "13420000"],
  });
  // The expense and current tax do not move: only the cash.
  expect(table(a, "tax")).toEqual(table(run(), "tax"));
});

test("the setting is stated under the cash-of-tax views, and each line says when it pays", () => {
  const a = run("annual");
  const said = assumptionsOf(a, "taxPaid").map((x) => assumptionText(x));
  expect(said).toContain(
    "the support's income tax paid at the annual settlement (汇算清缴) by 31 May of the next year (企业所得税法 第五十四条: within five months of the year's end), the prepayments following the year before's income (实施条例 第一百二十八条) and so leaving it out, set in the scenario",
  );
  expect(assumptionsOf(run(), "netCash").map((x) => assumptionText(x, "zh-CN"))).toContain(
    "所得税按季预缴，于发生当年缴纳（企业所得税法 第五十四条：季度终了之日起十五日内预缴；第四季度的预缴在次年1月，本工具计入当年），默认",
  );
  expect(assumptionsOf(a, "pl").map((x) => x.code)).not.toContain("taxPayment");
  const plant = a.lines.find((l) => l.line.trace.clause.id === "shenzhen-device/7")!;
  expect(lineWhy(a, plant, "taxPaid")).toBe("2027's current tax of 900,000, paid at the annual settlement by 31 May 2028 (set in the scenario)");
  expect(lineWhy(a, plant, "netCash", "zh-CN")).toBe("到账减去其增值税、附加税费及所缴所得税：2027 年 6,000,000 = 6,000,000");
});

test("the Inputs rows keep the setting", () => {
  const s = parseScenario({ ...raw, accounting: { ...raw.accounting, taxPayment: "annual" } });
  expect(scenarioFromInputs(scenarioToInputs(s)).accounting.taxPayment).toBe("annual");
});
