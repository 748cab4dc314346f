import { assumptionsOf, assumptionText, rollForward } from "../../src/engine";
import { accountsOf, yearsOf } from "./support";

// Recognition (DESIGN ruling 23), worked by hand: when receivable, and an asset's grant from when
// the asset is ready for use. Tax at 25% (财税〔2008〕151号: on receipt).

describe("a certificate award recognised when receivable: a deferred tax liability", () => {
  // 深圳（五）: 首次获批三类…按实际投入研发费用的40%予以资助，单个品种最高不超过500万元:
  // 40% × 10,000,000 = 4,000,000, entitled 2027, received 2028 (lag 1). A fixed standard and no
  // discretion: conclusive evidence at the end of 2027.
  const a = accountsOf({
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2029 },
    events: [{ type: "certificate", year: 2027, product: "MRI", class: 3, rdCost: "10000000" }],
    accounting: { recognition: { documents: { "shenzhen-device": "receivable" } } },
  });

  test("in profit in 2027, a receivable at its end, cash in 2028", () => {
    expect(yearsOf(a, "pl")).toEqual({ 2027: "4000000", 2028: "0", 2029: "0", after: "0" });
    expect(yearsOf(a, "receivable")).toEqual({ 2027: "4000000", 2028: "0", 2029: "0" });
    expect(yearsOf(a, "deferred")).toEqual({ 2027: "0", 2028: "0", 2029: "0" });
    expect(yearsOf(a, "cash")).toEqual({ 2027: "0", 2028: "4000000", 2029: "0", after: "0" });
  });

  test("taxed on receipt: a liability of 25% × 4,000,000 = 1,000,000 at the end of 2027; the expense in 2027", () => {
    expect(yearsOf(a, "currentTax")).toEqual({ 2027: "0", 2028: "1000000", 2029: "0", after: "0" });
    expect(yearsOf(a, "deferredTaxLiability")).toEqual({ 2027: "1000000", 2028: "0", 2029: "0" });
    // 2027: 0 + (1,000,000 − 0); 2028: 1,000,000 + (0 − 1,000,000) = 0.
    expect(yearsOf(a, "tax")).toEqual({ 2027: "1000000", 2028: "0", 2029: "0", after: "0" });
  });

  test("the roll-forward: the receivable and the liability raised in 2027, settled by the cash in 2028", () => {
    const roll = rollForward(a);
    const rows = (b: "receivable" | "deferredTaxLiability") => roll[b].map((r) => [r.year, r.opening, r.increase, r.decrease, r.closing].map((x) => (typeof x === "number" ? x : x.ceiling.toFixed())));
    expect(rows("receivable")).toEqual([
      [2027, "0", "4000000", "0", "4000000"],
      [2028, "4000000", "0", "4000000", "0"],
      [2029, "0", "0", "0", "0"],
    ]);
    expect(rows("deferredTaxLiability")).toEqual([
      [2027, "0", "1000000", "0", "1000000"],
      [2028, "1000000", "0", "1000000", "0"],
      [2029, "0", "0", "0", "0"],
    ]);
  });

  test("the settings say why that year", () => {
    const rec = assumptionsOf(a, "pl").find((x) => x.code === "receivable")!;
    expect(assumptionText(rec)).toBe("recognised when receivable (CAS 16: measured at the amount receivable), a fixed standard and no discretion: recognised at the end of the event's year, set for the document (Shenzhen devices （五）)");
    expect(assumptionText(rec, "zh-CN")).toBe("按应收确认（企业会计准则第16号：按照应收金额计量），标准确定且无需评审，于事项年度末确认，按文件设定（深圳器械措施（五））");
  });
});

describe("a discretionary award recognised when receivable: no earlier than its approval year", () => {
  // 深圳（十）: 对经市政府同意的峰会或展会按审计后确认费用给予全额补贴，最高不超过500万元:
  // 100% × 3,000,000 = 3,000,000, entitled 2027, received 2029 (lag 2). 经市政府同意: discretionary.
  const summit = (recognition: Record<string, unknown>) =>
    accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2027, to: 2029 },
      events: [{ type: "other", year: 2027, topic: "events", facts: { eventCost: "3000000" } }],
      accounting: { paymentLag: { clauses: { "shenzhen-device/10.summit": 2 } }, recognition: { clauses: { "shenzhen-device/10.summit": "receivable" }, ...recognition } },
    });

  test("approved in 2028: in profit then, a liability of 25% × 3,000,000 = 750,000 until the cash comes in 2029", () => {
    const a = summit({ approvalYears: { "shenzhen-device/10.summit": 2028 } });
    expect(yearsOf(a, "entitled")).toEqual({ 2027: "3000000", 2028: "0", 2029: "0", after: "0" });
    expect(yearsOf(a, "pl")).toEqual({ 2027: "0", 2028: "3000000", 2029: "0", after: "0" });
    expect(yearsOf(a, "receivable")).toEqual({ 2027: "0", 2028: "3000000", 2029: "0" });
    expect(yearsOf(a, "deferredTaxLiability")).toEqual({ 2027: "0", 2028: "750000", 2029: "0" });
    expect(yearsOf(a, "tax")).toEqual({ 2027: "0", 2028: "750000", 2029: "0", after: "0" });
    expect(yearsOf(a, "currentTax")).toEqual({ 2027: "0", 2028: "0", 2029: "750000", after: "0" });
  });

  test("no approval year stated: recognised when received, with a warning", () => {
    const a = summit({});
    expect(yearsOf(a, "pl")).toEqual({ 2027: "0", 2028: "0", 2029: "3000000", after: "0" });
    const rec = assumptionsOf(a, "pl").find((x) => x.code === "receivable")!;
    expect(assumptionText(rec)).toMatch(/warning: discretionary, and the scenario states no approval year, so recognised when received/);
    expect(assumptionText(rec, "zh-CN")).toMatch(/注意：须经评审而情景未设批准年度，仍按到账确认/);
  });
});

describe("a plant grant from the month after the plant is ready for use", () => {
  // 深圳（七）: 3,000 × 2,000 m² = 6,000,000 (under 40% × 20,000,000 and the 10,000,000 cap), a
  // building of 20 years = 240 months.
  const plant = (readyForUse: string, lag: number) =>
    accountsOf({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2028 },
      events: [{ type: "facility", year: 2026, cost: "20000000", areaM2: "2000", readyForUse }],
      accounting: { paymentLag: { clauses: { "shenzhen-device/7": lag } } },
    });

  test("ready in June 2026, paid at once: July to December is 6/240 of it, then 12/240 a year", () => {
    // 6,000,000 × 6/240 = 150,000; × 12/240 = 300,000; after 2028: 6,000,000 − 750,000 = 5,250,000.
    const a = plant("2026-06", 0);
    expect(yearsOf(a, "pl")).toEqual({ 2026: "150000", 2027: "300000", 2028: "300000", after: "5250000" });
    expect(assumptionsOf(a, "pl").map((x) => assumptionText(x))).toContain("the asset is ready for use in 2026-06, recognised from the month after (Shenzhen devices （七）)");
  });

  test("paid a year later: over the 234 months left from January 2027", () => {
    // July 2026 + 240 months ends after June 2046: January 2027 to June 2046 is 234 months.
    // 6,000,000 × 12/234 = 307,692.3077 → 307,692.31; × 24/234 = 615,384.6154 → 615,384.62 (year 307,692.31);
    // after 2028: 6,000,000 − 615,384.62 = 5,384,615.38.
    const a = plant("2026-06", 1);
    expect(yearsOf(a, "pl")).toEqual({ 2026: "0", 2027: "307692.31", 2028: "307692.31", after: "5384615.38" });
  });

  test("ready in 2027, a year after the award, only the year given: whole years from 2027", () => {
    // 6,000,000 / 20 = 300,000 a year from 2027; deferred at the end of 2026: all of it.
    const a = plant("2027", 0);
    expect(yearsOf(a, "pl")).toEqual({ 2026: "0", 2027: "300000", 2028: "300000", after: "5400000" });
    expect(yearsOf(a, "deferred")).toEqual({ 2026: "6000000", 2027: "5700000", 2028: "5400000" });
    // Taxed in 2026 on receipt: a deferred tax asset of 25% × 6,000,000 = 1,500,000 at its end, the expense 0.
    expect(yearsOf(a, "deferredTaxAsset")[2026]).toBe("1500000");
    expect(yearsOf(a, "tax")[2026]).toBe("0");
  });
});
