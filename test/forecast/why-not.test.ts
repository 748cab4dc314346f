import { Decimal, forecast, parseScenario, quoteOf, whyNot } from "../../src/engine";

/*
 * 昌平器械 第三条（一）: "对上一年度营业收入不足3000万元、上两年研发投入总额达1000万元以上的企业，
 * 按照不超过上一年度研发投入的10%给予最高200万元的资金支持". An enterprise with revenue of 20M and
 * R&D of 8M in 2025 and none in 2024: revenue 20,000,000 < 30,000,000 is met; the two years' R&D
 * 8,000,000 + 0 = 8,000,000 < 10,000,000 is not, so 2026 pays nothing from it.
 */
const plan = (financials: object[]) =>
  parseScenario({
    schemaVersion: 1,
    name: "R&D walk",
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2026, to: 2027 },
    financials,
    events: [],
  });

test("R&D of 8M in 2025 and 0 in 2024: 第三条（一） not paid, 8,000,000 < 10,000,000, in the text's words", () => {
  const s = plan([
    { year: 2024, revenue: "20000000", rd: "0" },
    { year: 2025, revenue: "20000000", rd: "8000000" },
  ]);
  const f = forecast(s);
  expect(f.total.ceiling.isZero()).toBe(true);
  const rd = whyNot(s, f).filter((w) => w.clause === "changping-device/3.1");
  expect(rd).toHaveLength(1);
  expect(rd[0]).toMatchObject({ event: undefined, topic: "rd", year: 2026, status: "not-met" });
  expect(rd[0].misses).toEqual([{ fact: ["rdLastYear", "rdYearBefore"], op: "gte", value: new Decimal(8_000_000), bound: new Decimal(10_000_000), quote: "上两年研发投入总额达1000万元以上的企业" }]);
});

test("R&D of 8M in 2025 and no figure for 2024: the clause cannot tell, and says which figure is missing", () => {
  const s = plan([{ year: 2025, revenue: "20000000", rd: "8000000" }]);
  const rd = whyNot(s, forecast(s)).filter((w) => w.clause === "changping-device/3.1");
  expect(rd).toHaveLength(1);
  expect(rd[0].status).toBe("unknown");
  expect(rd[0].misses).toEqual([]);
  expect(rd[0].reasons).toEqual([expect.objectContaining({ code: "unknown", facts: ["rdYearBefore"] })]);
});

test("R&D of 6M and 5M: 11M ≥ 10M, paid 10% × 6M = 600,000, and not listed", () => {
  const s = plan([
    { year: 2024, revenue: "20000000", rd: "5000000" },
    { year: 2025, revenue: "20000000", rd: "6000000" },
  ]);
  const f = forecast(s);
  expect(f.years.find((y) => y.year === 2026)!.ceiling).toEqual(new Decimal(600_000));
  expect(whyNot(s, f).filter((w) => w.clause === "changping-device/3.1")).toEqual([]);
});

test("a bound is quoted only where the sentence states it once, as a whole number", () => {
  const sentence = "对上一年度营业收入不足3000万元、上两年研发投入总额达1000万元以上的企业，按照不超过上一年度研发投入的10%给予最高200万元的资金支持。";
  expect(quoteOf(sentence, new Decimal(30_000_000))).toBe("上一年度营业收入不足3000万元");
  expect(quoteOf("营业收入达21000万元以上", new Decimal(10_000_000))).toBeUndefined();
  expect(quoteOf(sentence, new Decimal(5_000_000))).toBeUndefined();
});
