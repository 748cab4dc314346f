import { formatNote } from "../../src/engine";
import { forecastExample, paidLines, yearTable } from "./support";

// examples/shenzhen-imaging-plant.json, worked out by hand from 深圳（五）（七）（十五）.
const f = forecastExample("shenzhen-imaging-plant.json");

test("the year table", () => {
  expect(yearTable(f)).toEqual({
    // （七）: min(40% × 30M = 12M, 3,000 × 4,000 m² = 12M, 10M) = 10M.
    2026: ["10000000", "10000000"],
    // （五）: DR-lite class II 40% × 5M = 2M; MRI class III 40% × 20M = 8M → 5M;
    // PET-CT innovative class III 40% × 15M = 6M (cap 5M + 1M). 2M + 5M + 6M = 13M, but
    // 单个企业每年累计获得资助最高不超过1000万元: the PET-CT award is cut to 3M.
    2027: ["10000000", "10000000"],
    // （十五）: MRI 3% × 80M = 2.4M; DR 3% × 150M = 4.5M → 3M per product; 5.4M > 5M a year → 5M.
    // Each win has p = 0.5: E = ¼ × 5M + ¼ × 2.4M + ¼ × 3M + ¼ × 0 = 2.6M.
    2028: ["5000000", "2600000"],
    // 单个品种资助最高不超过300万元 is each variety's total over all years (DESIGN ruling 18), counted
    // on the plan as written: MRI had 2.4M in 2028, DR 3M cut to 2.6M by the enterprise cap.
    // MRI 3% × 100M = 3M → 3M − 2.4M = 0.6M left; DR 3% × 50M = 1.5M → 3M − 2.6M = 0.4M left.
    // 0.6M + 0.4M = 1M, in every world (the 2028 wins are settled as written, ruling 24).
    // (Read per year, as before, 2029 was 3M + 1.5M = 4.5M.)
    2029: ["1000000", "1000000"],
  });
});

test("both annual caps bind, in plan order", () => {
  expect(paidLines(f)).toEqual({
    "2026 shenzhen-device/7": "10000000",
    "2027 shenzhen-device/5.class2": "2000000",
    "2027 shenzhen-device/5.class3": "5000000",
    "2027 shenzhen-device/5.innovative-class3": "3000000",
    "2028 shenzhen-device/15": "5000000",
    "2029 shenzhen-device/15": "1000000",
  });
  const petct = f.lines.find((l) => l.year === 2027 && l.trace.clause.id === "shenzhen-device/5.innovative-class3")!;
  expect(petct.notes.map((n) => formatNote(n, "en-US")).join()).toContain("reduced from 6,000,000 to 3,000,000: per-enterprise annual cap 10,000,000");
});

test("the band of 2028 over the four worlds", () => {
  const y = f.years.find((r) => r.year === 2028)!;
  // Sorted outcomes 0, 2.4M, 3M, 5M, each ¼.
  expect([y.p10, y.p50, y.p90].map((d) => d.toFixed())).toEqual(["0", "2400000", "5000000"]);
});
