import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { CellError } from "../../src/functions/cells";
import { call, forecastCells } from "../../src/functions/reports";
import { accountedForecast, engine, lineStory, parseScenario, scenarioToInputs, yearStatement } from "../../src/engine";

// examples/shenzhen-cfo-views.json, every view worked out by hand.
// 深圳（七）plant: 40% × 20,000,000 = 8,000,000; 3,000 × 2,000 m² = 6,000,000 binds → 6,000,000 in 2026.
// 深圳（三）frontier research: 全额资助 100% × 8,000,000 = 8,000,000 in 2026 (cap 30,000,000).
// 深圳（五）class III: 40% × 10,000,000 = 4,000,000 in 2027, p = 0.8 → expected 3,200,000.
// Settings: lag 1 (research 0); plant gross over 20 years from 2026, received 2027 → 19 years left
// (6,000,000 / 19 = 315,789.47, .48, .47, .47 rounded cumulatively); research costs over 2026–27;
// 15% tax (高新技术企业); research treated as 不征税收入.
const file = join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json");
const s = parseScenario(JSON.parse(readFileSync(file, "utf8")));
const { accounts: a } = accountedForecast(s);
const table = (q: keyof typeof a.views) =>
  Object.fromEntries([...a.views[q].years.map((r) => [r.year, [r.ceiling.toFixed(), r.expected.toFixed()]]), ["total", [a.views[q].total.ceiling.toFixed(), a.views[q].total.expected.toFixed()]]]);

test("entitled: 6M + 8M in 2026, the certificate's 4M in 2027", () => {
  expect(table("entitled")).toEqual({ 2026: ["14000000", "14000000"], 2027: ["4000000", "3200000"], 2028: ["0", "0"], 2029: ["0", "0"], 2030: ["0", "0"], total: ["18000000", "17200000"] });
});

test("cash: research at once, plant and certificate a year later", () => {
  expect(table("cash")).toEqual({ 2026: ["8000000", "8000000"], 2027: ["6000000", "6000000"], 2028: ["4000000", "3200000"], 2029: ["0", "0"], 2030: ["0", "0"], total: ["18000000", "17200000"] });
});

test("profit: research 4M a year as its costs fall, the plant's 19 shares, the certificate when received", () => {
  // 2027: 4,000,000 + 315,789.47; 2028: 315,789.48 + 4,000,000 (expected 3,200,000); after 2030: 6,000,000 − 1,263,157.89.
  expect(table("pl")).toEqual({
    2026: ["4000000", "4000000"],
    2027: ["4315789.47", "4315789.47"],
    2028: ["4315789.48", "3515789.48"],
    2029: ["315789.47", "315789.47"],
    2030: ["315789.47", "315789.47"],
    total: ["18000000", "17200000"],
  });
  expect(a.views.pl.after.ceiling.toFixed()).toBe("4736842.11");
});

test("deferred income at year end", () => {
  expect(table("deferred")).toEqual({
    2026: ["4000000", "4000000"],
    2027: ["5684210.53", "5684210.53"],
    2028: ["5368421.05", "5368421.05"],
    2029: ["5052631.58", "5052631.58"],
    2030: ["4736842.11", "4736842.11"],
    total: ["4736842.11", "4736842.11"],
  });
});

test("tax at 15% and after tax", () => {
  // Research, non-taxable (不征税收入) and R&D: its 4,000,000 of costs a year in 2026 and 2027 are not
  // deductible (15% × 4,000,000 = 600,000) and lose their 100% super deduction (15% × 100% × 4,000,000 =
  // 600,000): 1,200,000 a year, current tax and expense alike (no temporary difference).
  // Plant: current tax 15% × 6,000,000 = 900,000 in 2027; deferred tax asset at 15% of what is not yet
  // recognised: 2027 15% × 5,684,210.53 = 852,631.5795 → 852,631.58; 2028 15% × 5,368,421.05 =
  // 805,263.1575 → 805,263.16; 2029 15% × 5,052,631.58 = 757,894.737 → 757,894.74; 2030 15% ×
  // 4,736,842.11 = 710,526.3165 → 710,526.32. Expense: 900,000 − 852,631.58 = 47,368.42, then
  // 852,631.58 − 805,263.16 = 47,368.42, 805,263.16 − 757,894.74 = 47,368.42, 757,894.74 − 710,526.32 =
  // 47,368.42; the 710,526.32 reverses after 2030.
  // Certificate: 15% × 4,000,000 = 600,000 in 2028, received and recognised together (expected × 0.8 = 480,000).
  expect(table("tax")).toEqual({
    2026: ["1200000", "1200000"],
    2027: ["1247368.42", "1247368.42"],
    2028: ["647368.42", "527368.42"],
    2029: ["47368.42", "47368.42"],
    2030: ["47368.42", "47368.42"],
    // 2,400,000 + 900,000 + 600,000 (×0.8: 480,000)
    total: ["3900000", "3780000"],
  });
  // Current tax: research 1,200,000 in 2026 and 2027, the plant's 900,000 on receipt in 2027, the certificate's 600,000 in 2028.
  expect(table("currentTax")).toEqual({
    2026: ["1200000", "1200000"],
    2027: ["2100000", "2100000"],
    2028: ["600000", "480000"],
    2029: ["0", "0"],
    2030: ["0", "0"],
    total: ["3900000", "3780000"],
  });
  expect(table("deferredTaxAsset")).toEqual({
    2026: ["0", "0"],
    2027: ["852631.58", "852631.58"],
    2028: ["805263.16", "805263.16"],
    2029: ["757894.74", "757894.74"],
    2030: ["710526.32", "710526.32"],
    total: ["710526.32", "710526.32"],
  });
  expect(table("nonDeductible")[2026]).toEqual(["1200000", "1200000"]);
  expect(table("lostDeduction")[2027]).toEqual(["600000", "600000"]);
  expect(table("lostSuperDeduction")[2027]).toEqual(["600000", "600000"]);
  // 4,000,000 − 1,200,000; 4,315,789.47 − 1,247,368.42; 4,315,789.48 − 647,368.42 (expected 3,515,789.48 − 527,368.42); 315,789.47 − 47,368.42.
  expect(table("aftertax")).toMatchObject({ 2026: ["2800000", "2800000"], 2027: ["3068421.05", "3068421.05"], 2028: ["3668421.06", "2988421.06"], 2029: ["268421.05", "268421.05"] });
});

test("the band of each view comes from the forecast's worlds", () => {
  // The certificate (p = 0.8) is the only uncertain event: worlds of weight 0.2 and 0.8.
  const band = (q: keyof typeof a.views, year: number) => Object.values(a.views[q].years.find((r) => r.year === year)!.band!).map((d) => d.toFixed());
  // Cash of 2028: 0 with 0.2, 4,000,000 with 0.8 → P10 0, P50 and P90 4,000,000.
  expect(band("cash", 2028)).toEqual(["0", "4000000", "4000000"]);
  // Profit of 2028: the plant's 6,000,000 / 19 = 315,789.4736… to the fen in every world, plus the
  // certificate's 4,000,000 in the world where it comes. (The year's ceiling, 315,789.48 + 4,000,000,
  // is rounded cumulatively so the plant's years add up to 6,000,000: a fen apart.)
  expect(band("pl", 2028)).toEqual(["315789.47", "4315789.47", "4315789.47"]);
  // Tax in 2028 at 15%: 47,368.42 alone, or with 600,000 more.
  expect(band("tax", 2028)).toEqual(["47368.42", "647368.42", "647368.42"]);
  // Deferred income is certain: the plant's balance.
  expect(band("deferred", 2030)).toEqual(["4736842.11", "4736842.11", "4736842.11"]);
});

test("each line says how its amount moves, with the settings it used, in both languages", () => {
  const plant = a.lines.find((l) => l.line.trace.clause.id === "shenzhen-device/7")!;
  expect(lineStory(plant)).toBe(
    "entitled 2026: 6,000,000; received 2027 (payment lag 1 year, default); asset-related: a share of the cost of building or refitting a plant: a building (新建或改造医疗器械方向GMP厂房); useful life 20 years (set on the event); gross method: deferred income, recognised over 19 years from 2027, about 315,789.47 a year; taxed at 15% when received in 2027: current tax 900,000; the expense follows recognition, the difference is deferred tax",
  );
  const research = a.lines.find((l) => l.line.trace.clause.id === "shenzhen-device/3.frontier")!;
  expect(lineStory(research, "zh-CN")).toBe(
    "2026 年取得资格 8,000,000 元，2026 年到账（付款滞后 0 年，按条款设定）；与收益相关，补偿以后期间的费用：资助尚待开展的研究与攻关（全额资助）；确认为递延收益，在费用发生的 2 年内计入损益（按条款设定）；不征税收入：不征税，其资助的支出不得扣除，研发费用不得加计扣除（100%）",
  );
});

test("the statement of one year: 其他收益, deferred income at its end, cash received", () => {
  const y = yearStatement(a, 2027);
  // 4,000,000 research + 315,789.47 plant; research's balance is used up, the plant's 5,684,210.53 remains; the plant's 6,000,000 arrives.
  expect([y.otherIncome, y.deferred, y.cash].map((p) => p.ceiling.toFixed())).toEqual(["4315789.47", "5684210.53", "6000000"]);
  expect(yearStatement(a, 2040).cash.ceiling.toFixed()).toBe("0");
});

test("a band only for the views asked", () => {
  const one = accountedForecast(s, {}, engine(), ["cash"]).accounts;
  expect(one.views.cash.years[2].band).toBeDefined();
  expect(one.views.pl.years[2].band).toBeUndefined();
  // The figures themselves do not depend on it.
  expect(one.views.pl.years[2].ceiling.toFixed()).toBe("4315789.48");
});

describe("the doors", () => {
  const inputs = scenarioToInputs(s);

  test("=SUBSIDY.FORECAST(range) is the entitled table, as before", () => {
    expect(forecastCells(inputs)).toEqual(forecastCells(inputs, "entitled"));
  });

  test.each([
    ["cash", 2027, 6000000],
    ["现金", 2027, 6000000],
    ["pl", 2028, 4315789.48],
    ["损益", 2028, 4315789.48],
    ["Deferred", 2030, 4736842.11],
    ["税", 2026, 1200000],
    ["当期所得税", 2027, 2100000],
    ["deferred tax asset", 2028, 805263.16],
    ["after-tax", 2029, 268421.05],
    ["税后", 2029, 268421.05],
  ])("FORECAST(range, %j) for %i gives %d", (view, year, ceiling) => {
    const out = forecastCells(inputs, view) as (string | number)[][];
    expect(out[0].slice(0, 3)).toEqual(["year", "ceiling", "expected"]);
    expect(out.find((r) => r[0] === year)![1]).toBe(ceiling);
  });

  test("the view's assumptions are listed under its table", () => {
    const out = forecastCells(inputs, "tax") as (string | number)[][];
    const said = out.filter((r) => r[0] === "assumption").map((r) => r[1]);
    expect(said).toContain("income tax rate 15%; support is taxed the year it is received (财税〔2008〕151号), deferred tax measured at the rate of the year it reverses");
    expect(said).toContain("R&D paid by non-taxable funds earns no super deduction (国家税务总局公告2015年第97号); super-deduction rate 100%, default (Shenzhen devices （三）)");
    expect(said).toContain("payment lag 0 years, set for the clause (Shenzhen devices （三）)");
    expect(said).toContain("useful life 20 years for a building, set on the event (Shenzhen devices （七）)");
    expect(said).toContain("treated as non-taxable income (财税〔2011〕70号); the costs it funds are not deductible (Shenzhen devices （三）)");
  });

  test("an unknown view is #VALUE! naming the views", () => {
    const out = call("FORECAST", [inputs, "ebitda"]);
    expect(out).toBeInstanceOf(CellError);
    expect((out as CellError).message).toMatch(/view must be one of entitled, cash, pl/);
  });

  test("subsidy forecast --view cash", async () => {
    const out: string[] = [];
    const code = await main(["forecast", file, "--view", "cash"], { out: (t) => out.push(t), err: () => undefined });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/^2027\s+6,000,000\s+6,000,000/m);
  });

  test("subsidy forecast --view rollforward, in both languages", async () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      expect(await main(["forecast", file, ...args], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
      return out.join("\n");
    };
    // 2027: deferred income opens at research's 4,000,000, gains the plant's 6,000,000, loses 4,000,000 + 315,789.47.
    expect(await run(["--view", "rollforward"])).toMatch(/^deferred income\s+2027\s+4,000,000\s+6,000,000\s+4,315,789\.47\s+5,684,210\.53$/m);
    expect(await run(["--view", "余额变动", "--lang", "zh-CN"])).toMatch(/^递延所得税资产\s+2027\s+0\s+852,631\.58\s+0\s+852,631\.58$/m);
  });

  test("subsidy forecast --format json carries every view", async () => {
    const out: string[] = [];
    await main(["forecast", file, "--format", "json"], { out: (t) => out.push(t), err: () => undefined });
    const json = JSON.parse(out.join("\n"));
    expect(json.views.deferred.total).toEqual({ ceiling: "4736842.11", expected: "4736842.11" });
    expect(json.views.pl.years[2]).toMatchObject({ year: 2028, p10: "315789.47", byClause: { "shenzhen-device/7": { ceiling: "315789.48" }, "shenzhen-device/5.class3": { ceiling: "4000000", expected: "3200000" } } });
    expect(json.views.cash.assumptions).toEqual(["payment lag 1 year, default (Shenzhen devices （七）; Shenzhen devices （五）)", "payment lag 0 years, set for the clause (Shenzhen devices （三）)"]);
  });
});
