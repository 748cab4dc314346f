import { formatNote } from "../../src/engine";
import { forecastExample, paidLines, yearTable } from "./support";

// examples/changping-device-startup.json, worked out by hand from the clauses.
const f = forecastExample("changping-device-startup.json");

test("the year table", () => {
  expect(yearTable(f)).toEqual({
    // R&D support (昌平器械 第三条（一）): revenue 2025 5M < 30M, R&D 8M + 6M ≥ 10M → 10% × 8M.
    2026: ["800000", "800000"],
    // R&D 10% × 10M = 1M; entering the innovative review 2M (第五条（二）);
    // insurance 300k + 4 × 500k = 2.3M, cut to the 2M a year of 第三条（二）→ 1M + 2M + 2M.
    2027: ["5000000", "5000000"],
    // R&D 10% × 12M = 1.2M; certificate (p = 0.8): Changping 30% × 40M → 8M cap, less the 2M
    // advance paid in 2027 on entering the review (先期给予, ruling 13) = 6M; produced locally a
    // further 3M; Beijing 2M (in force to 2028-12-31). Ceiling 1.2M + 11M = 12.2M;
    // expected 1.2M + 0.8 × 11M = 10M.
    2028: ["12200000", "10000000"],
    // R&D would be 10% × 15M = 1.5M, but 累计支持不超过三年 is used up (2026–2028);
    // output 60M first passes 50M → 200k (第八条（一）).
    2029: ["200000", "200000"],
    // Revenue 2029 150M ≥ 30M: no R&D support; output 120M first passes 100M → 400k.
    2030: ["400000", "400000"],
  });
  expect([f.total.ceiling.toFixed(), f.total.expected.toFixed()]).toEqual(["18600000", "16400000"]);
});

test("the per-enterprise annual cap binds on the fifth insurance policy", () => {
  const capped = f.lines.filter((l) => l.year === 2027 && l.trace.clause.id === "changping-device/3.2");
  expect(capped.map((l) => l.ceiling.toFixed())).toEqual(["300000", "500000", "500000", "500000", "200000"]);
  expect(capped[4].notes.map((n) => formatNote(n, "en-US")).join()).toContain("per-enterprise annual cap 2,000,000");
  // Ruling 14: the cap is shown with the words that set it.
  expect(capped[4].notes.map((n) => formatNote(n, "en-US")).join()).toContain("“每年最高支持200万元”");
});

test("the three-year limit binds in 2029, for the device and the pharma R&D clause alike", () => {
  const rd2029 = f.lines.filter((l) => l.year === 2029 && l.trace.clause.topic === "rd");
  expect(rd2029.length).toBeGreaterThan(0);
  for (const l of rd2029) {
    expect(l.ceiling.toFixed()).toBe("0");
    expect(l.notes.map((n) => formatNote(n, "zh-CN")).join()).toContain("累计不超过3年");
  }
});

test("clauses paid, at the ceiling", () => {
  expect(paidLines(f)).toEqual({
    "2026 changping-device/3.1": "800000",
    "2027 changping-device/3.1": "1000000",
    "2027 changping-device/5.2-entry": "2000000",
    "2027 changping-device/3.2": "2000000",
    "2028 changping-device/3.1": "1200000",
    // 8M less the 2M advance of 2027.
    "2028 changping-device/5.2": "6000000",
    "2028 changping-device/5.2-production": "3000000",
    "2028 beijing-device/3": "2000000",
    "2029 changping-device/8.1": "200000",
    "2030 changping-device/8.1": "400000",
  });
});

test("the band: exact over the one uncertain event", () => {
  expect(f.method).toEqual({ kind: "exact", worlds: 2 });
  const y2028 = f.years.find((y) => y.year === 2028)!;
  // Two worlds: without the certificate (0.2) 1.2M, with it (0.8) 12.2M.
  expect([y2028.p10, y2028.p50, y2028.p90].map((d) => d.toFixed())).toEqual(["1200000", "12200000", "12200000"]);
});

test("Beijing's measures are flagged as expiring within the horizon", () => {
  const beijing = f.lines.find((l) => l.trace.clause.id === "beijing-device/3")!;
  expect(beijing.flags).toContainEqual({ code: "expiring", value: "2028-12-31" });
});
