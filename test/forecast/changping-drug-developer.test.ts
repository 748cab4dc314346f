import { forecastExample, paidLines, yearTable } from "./support";

// examples/changping-drug-developer.json, worked out by hand from 昌平医药 第五条, 第六条, 第十三条.
const f = forecastExample("changping-drug-developer.json");

test("the year table", () => {
  expect(yearTable(f)).toEqual({
    // 第十三条 (SME, revenue < 30M, R&D 20M + 15M ≥ 10M, growth 10 → 12 → 15 → 20): 10% × 20M = 2M;
    // 第五条（一）: class 1 enters phase I → 500k.
    2026: ["2500000", "2500000"],
    // 10% × 25M = 2.5M; phase II → 1M; completing phase I: 一定比例, assumed 5% × 30M = 1.5M.
    2027: ["5000000", "5000000"],
    // 10% × 30M = 3M; phase III (p = 0.6) → 2M: expected 3M + 1.2M.
    2028: ["5000000", "4200000"],
    // R&D support used up its three years (累计支持不超过三年); CX-202 class 2: up to 5M, 择优,
    // realisation 0.5 → expected 2.5M.
    2029: ["5000000", "2500000"],
    // CX-101 class 1 approval: up to 10M, p = 0.4 → expected 4M.
    2030: ["10000000", "4000000"],
  });
  expect([f.total.ceiling.toFixed(), f.total.expected.toFixed()]).toEqual(["27500000", "18200000"]);
});

test("the device measures do not reach a drug developer", () => {
  const rd = f.matters.find((m) => m.matter.topic === "rd")!;
  const device = rd.evaluation.lines.find((l) => l.clause.id === "changping-device/3.1")!;
  expect(device.status).toBe("other-sector");
});

test("the assumed rate is marked as an assumption", () => {
  const completion = f.lines.find((l) => l.trace.clause.id === "changping-pharma/5.1-completion")!;
  expect(completion.ceiling.toFixed()).toBe("1500000");
  expect(completion.flags).toContainEqual({ code: "assumed", value: "rate" });
  expect(f.years.find((y) => y.year === 2027)!.assumed).toBe(true);
  expect(f.years.find((y) => y.year === 2026)!.assumed).toBe(false);
});

test("the three-year limit binds in 2029 and 2030", () => {
  expect(paidLines(f)).toEqual({
    "2026 changping-pharma/13": "2000000",
    "2026 changping-pharma/5.1": "500000",
    "2027 changping-pharma/13": "2500000",
    "2027 changping-pharma/5.1": "1000000",
    "2027 changping-pharma/5.1-completion": "1500000",
    "2028 changping-pharma/13": "3000000",
    "2028 changping-pharma/5.1": "2000000",
    "2029 changping-pharma/6.1-class2": "5000000",
    "2030 changping-pharma/6.1": "10000000",
  });
  const limited = f.lines.filter((l) => l.trace.clause.id === "changping-pharma/13" && l.year >= 2029);
  expect(limited.map((l) => [l.year, l.ceiling.toFixed()])).toEqual([
    [2029, "0"],
    [2030, "0"],
  ]);
});

test("the band over the two uncertain events", () => {
  const y2030 = f.years.find((y) => y.year === 2030)!;
  // Approval with p = 0.4: 0 with 0.6, 10M with 0.4.
  expect([y2030.p10, y2030.p50, y2030.p90].map((d) => d.toFixed())).toEqual(["0", "0", "10000000"]);
  expect(f.method).toEqual({ kind: "exact", worlds: 4 });
});
