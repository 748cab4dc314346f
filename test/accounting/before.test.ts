import { accountsTable, engine, lineView, lineWhy, parseScenario, treatments, treatmentsTable } from "../../src/engine";
import { rdRewards } from "../../src/engine/accounting/rd-rewards";
import { accountsOf, yearsOf } from "./support";

// A reward of costs already incurred, set non-taxable (不征税收入): those costs fell before the award
// and were deducted, and super-deducted, then; the treatment takes both deductions back in that year
// (RULINGS §83: the year before the award, as read), before the horizon where it starts with the award.

// 深圳（五）: 首次获批三类医疗器械注册证…按实际投入研发费用的40%予以资助，单个品种最高不超过500万元:
// 40% × 10,000,000 = 4,000,000, certificate 2026, received 2027 (lag 1), its R&D spent up to 2025, at 25%.
const raw = {
  enterprise: { region: "shenzhen", sector: "device" },
  horizon: { from: 2026, to: 2028 },
  events: [{ type: "certificate", year: 2026, product: "MRI", class: 3, rdCost: "10000000" }],
  accounting: { nonTaxable: ["shenzhen-device/5.class3"] },
};
const a = accountsOf(raw);

test("the deductions lost fall in 2025, a line of their own before 2026, counted in the total", () => {
  // Not deductible: 25% × 4,000,000 = 1,000,000; super deduction lost: 25% × 100% × 4,000,000 = 1,000,000.
  expect(yearsOf(a, "lostDeduction")).toEqual({ 2026: "0", 2027: "0", 2028: "0", after: "0" });
  expect(a.views.lostDeduction.before.ceiling.toFixed()).toBe("1000000");
  expect(a.views.lostSuperDeduction.before.ceiling.toFixed()).toBe("1000000");
  expect(a.views.nonDeductible.before.ceiling.toFixed()).toBe("2000000");
  expect(a.views.nonDeductible.total.ceiling.toFixed()).toBe("2000000");
  // Permanent: the current tax and the expense carry the same 2,000,000 before 2026, nothing in the horizon.
  expect(a.views.tax.before.ceiling.toFixed()).toBe("2000000");
  expect(yearsOf(a, "tax")).toEqual({ 2026: "0", 2027: "0", 2028: "0", after: "0" });
  // Profit 4,000,000 in 2027 when received, untaxed; after tax: 4,000,000 in 2027, −2,000,000 before 2026: 2,000,000 in all.
  expect(yearsOf(a, "aftertax")).toEqual({ 2026: "0", 2027: "4000000", 2028: "0", after: "0" });
  expect(a.views.aftertax.total.ceiling.toFixed()).toBe("2000000");
});

test("the table has the row, in both languages; a balance has none", () => {
  const rows = (lang: "en-US" | "zh-CN") => accountsTable(a, "nonDeductible", lang).rows.map((r) => [r[0], String(r[1])]);
  expect(rows("en-US")).toContainEqual(["before 2026", "2000000"]);
  expect(rows("zh-CN")).toContainEqual(["2026年以前", "2000000"]);
  expect(accountsTable(a, "deferred").rows.map((r) => r[0])).not.toContain("before 2026");
  // A view with nothing before the horizon has no such row.
  expect(accountsTable(a, "cash").rows.map((r) => r[0])).not.toContain("before 2026");
});

test("the line's own figures and words", () => {
  const l = a.lines[0];
  expect(lineView(a, l, "nonDeductible")).toEqual({ years: [], before: expect.anything(), after: expect.anything() });
  expect(lineView(a, l, "nonDeductible").before.toFixed()).toBe("2000000");
  expect(lineWhy(a, l, "nonDeductible")).toBe(
    "non-taxable (财税〔2011〕70号): the costs it rewards fell the year before the award (2025) and were deducted then: 25% × 4,000,000 = 1,000,000 + 25% × 100% × 4,000,000 = 1,000,000",
  );
  expect(lineWhy(a, l, "nonDeductible", "zh-CN")).toBe(
    "不征税收入（财税〔2011〕70号）：所奖励的支出发生在获奖前一年（2025 年），当年已扣除及加计扣除，25% × 4,000,000 = 1,000,000 + 25% × 100% × 4,000,000 = 1,000,000",
  );
});

test("an award in the horizon's second year: its costs' year is in the horizon", () => {
  // Certificate 2027: the costs of 2026 lose their deductions in 2026.
  const b = accountsOf({ ...raw, events: [{ ...raw.events[0], year: 2027 }] });
  expect(yearsOf(b, "nonDeductible")).toEqual({ 2026: "2000000", 2027: "0", 2028: "0", after: "0" });
  expect(b.views.nonDeductible.before.ceiling.toFixed()).toBe("0");
});

test("both treatments: taxed instead, 25% × 4,000,000 = 1,000,000 in 2027; as set, 2,000,000 in 2025, worth more at 8%", () => {
  const t = treatments(parseScenario({ schemaVersion: 1, name: "hand-worked", ...raw }))!;
  expect(t.total.nonTaxable.ceiling.toFixed()).toBe("2000000");
  expect(t.total.taxed.ceiling.toFixed()).toBe("1000000");
  // Discounted to 2026: 2,000,000 × 1.08 = 2,160,000 (a year earlier); 1,000,000 ÷ 1.08 = 925,925.925… → 925,925.93.
  expect(t.presentValue.nonTaxable.ceiling.toFixed()).toBe("2160000");
  expect(t.presentValue.taxed.ceiling.toFixed()).toBe("925925.93");
});

test("the R&D rewards' words are in their clauses' sentences, and each is a reward of costs incurred", () => {
  const { clauses, accounting } = engine().catalog;
  for (const [id, words] of Object.entries(rdRewards)) {
    const c = clauses.find((x) => x.id === id);
    expect([id, c?.sentence.includes(words)]).toEqual([id, true]);
    expect([id, accounting[id]?.class]).toEqual([id, "incurred"]);
  }
});

test("the treatments' table has the row before the horizon too, so its years add up to the total", () => {
  const t = treatments(parseScenario({ schemaVersion: 1, name: "hand-worked", ...raw }))!;
  const rows = treatmentsTable(t, 2028).rows.map((r) => r.map(String));
  // As set 2,000,000 before 2026; taxed instead 0 then; difference 2,000,000.
  expect(rows).toContainEqual(["before 2026", "2000000", "0", "2000000"]);
});
