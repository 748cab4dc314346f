import { accountingProblems, engine, type Catalog } from "../../src/engine";

const { catalog } = engine();

describe("every monetary clause carries its accounting class (ruling 16)", () => {
  test("the bundled catalog has a class for each monetary clause and none for anything else", () => {
    expect(accountingProblems(catalog)).toEqual([]);
  });

  test("a monetary clause without a class is named", () => {
    const rest = Object.fromEntries(Object.entries(catalog.accounting).filter(([id]) => id !== "shenzhen-device/7"));
    expect(accountingProblems({ ...catalog, accounting: rest })).toEqual(["shenzhen-device/7: a monetary clause without an accounting class"]);
  });

  test("a class for an unknown clause is named", () => {
    const stray: Catalog = { ...catalog, accounting: { ...catalog.accounting, "shenzhen-device/99": catalog.accounting["shenzhen-device/7"] } };
    expect(accountingProblems(stray)).toEqual(["shenzhen-device/99: an accounting class for an unknown clause"]);
  });

  test("a class for a clause that pays nothing is named", () => {
    const measure = catalog.clauses.find((c) => !c.formula)!;
    const stray: Catalog = { ...catalog, accounting: { ...catalog.accounting, [measure.id]: catalog.accounting["shenzhen-device/7"] } };
    expect(accountingProblems(stray)).toEqual([`${measure.id}: an accounting class for a clause that pays no amount`]);
  });

  test("the deciding words must be the clause's own", () => {
    const entry = { ...catalog.accounting["shenzhen-device/7"], words: "购置设备" };
    expect(accountingProblems({ ...catalog, accounting: { ...catalog.accounting, "shenzhen-device/7": entry } })).toEqual([
      'shenzhen-device/7: "购置设备" is not in the clause\'s sentence',
    ]);
  });
});

// The readings the issue names, each from its sentence.
test.each([
  // 新建或改造医疗器械方向GMP厂房: a building (asset-related, 20 years by default).
  ["shenzhen-device/7", "asset", "building"],
  // 按照项目固定资产实际投资额（除房产、土地外）的30%: equipment.
  ["changping-device/6.1", "asset", "equipment"],
  // 按照不超过取证产品研发投入的30%, for a certificate already obtained.
  ["changping-device/5.1", "incurred", undefined],
  // 按实际投入研发费用的40%, 首次获批三类.
  ["shenzhen-device/5.class3", "incurred", undefined],
  // 首台（套）: 当年该产品销售额的20%.
  ["changping-device/10.1", "incurred", undefined],
  // 按单个保单实际缴纳保费的50%.
  ["changping-device/3.2", "incurred", undefined],
  // 全额资助 of research still to be done.
  ["shenzhen-device/3.frontier", "later", undefined],
])("%s is %s", (id, cls, asset) => {
  expect(catalog.accounting[id].class).toBe(cls);
  expect(catalog.accounting[id].asset).toBe(asset);
});
