import { inputColumns, parseScenario, scenarioFromInputs, scenarioToInputs, ScenarioError, type InputCell } from "../../src/engine";

const base = { schemaVersion: 1, name: "settings", enterprise: { region: "shenzhen", sector: "device" }, horizon: { from: 2026, to: 2028 } };

test("a scenario file without accounting settings loads with the defaults", () => {
  expect(parseScenario(base).accounting).toEqual({
    paymentLag: { default: 1, documents: {}, clauses: {} },
    assetMethod: "gross",
    // Lives not set here take the engine's defaults (20 and 10 years), labelled "default" only then.
    usefulLife: {},
    taxRate: "0.25",
    nonTaxable: [],
    costYears: {},
  });
});

test("bad settings name their field", () => {
  expect(() => parseScenario({ ...base, accounting: { taxRate: "1.5" } })).toThrow(/accounting\.taxRate/);
  expect(() => parseScenario({ ...base, accounting: { paymentLag: { default: -1 } } })).toThrow(/accounting\.paymentLag\.default/);
  expect(() => parseScenario({ ...base, accounting: { assetMethod: "straight" } })).toThrow(/accounting\.assetMethod/);
});

test("a setting for a document or clause the catalog does not have is refused, not ignored", () => {
  const problems = (accounting: Record<string, unknown>) => {
    try {
      parseScenario({ ...base, accounting });
      return [];
    } catch (e) {
      return (e as ScenarioError).problems;
    }
  };
  expect(problems({ paymentLag: { documents: { "shenzhen-devices": 2 }, clauses: { "shenzhen-device/77": 0 } } })).toEqual([
    'accounting.paymentLag.documents.shenzhen-devices: no document "shenzhen-devices" in the catalog',
    'accounting.paymentLag.clauses.shenzhen-device/77: no clause "shenzhen-device/77" in the catalog',
  ]);
  expect(problems({ nonTaxable: ["shenzhen-device/3.frontier", "shenzhen/7"], costYears: { "x/1": 2 } })).toEqual([
    'accounting.nonTaxable[1]: no clause "shenzhen/7" in the catalog',
    'accounting.costYears.x/1: no clause "x/1" in the catalog',
  ]);
});

describe("the Inputs table's accounting rows", () => {
  const row = (values: Partial<Record<(typeof inputColumns)[number], InputCell>>) => inputColumns.map((c) => values[c] ?? null);
  const rows = [
    [...inputColumns],
    row({ Item: "region", Option: "shenzhen" }),
    row({ Item: "sector", Option: "device" }),
    row({ Item: "from", Year: 2026 }),
    row({ Item: "to", Year: 2028 }),
    row({ Item: "payment lag", Value: 2 }),
    row({ Item: "payment lag", Option: "beijing-device", Value: 1 }),
    row({ Item: "payment lag", Option: "shenzhen-device/7", Value: 0 }),
    row({ Item: "asset method", Option: "Net" }),
    row({ Item: "useful life", Option: "equipment", Value: 8 }),
    row({ Item: "tax rate", Value: 0.15 }),
    row({ Item: "tax rate", Year: 2027, Value: 0.25 }),
    row({ Item: "super deduction", Value: 0.75 }),
    row({ Item: "discount rate", Value: 0.1 }),
    row({ Item: "vat rate", Value: 0.06 }),
    row({ Item: "deferred tax asset", Option: "no" }),
    row({ Item: "profit before support", Year: 2026, Value: "-5000000" }),
    row({ Item: "qualified year", Year: 2027 }),
    row({ Item: "non-taxable", Option: "shenzhen-device/3.frontier" }),
    row({ Item: "cost years", Option: "shenzhen-device/3.frontier", Value: 3 }),
    row({ Item: "recognition", Option: "shenzhen-device", Value: "receivable" }),
    row({ Item: "approval year", Option: "shenzhen-device/10.summit", Year: 2028 }),
    row({ Item: "facility", Year: 2026, Value: 20000000, Area: 2000, Facts: "usefulLife=30; readyForUse=2026-06" }),
    row({ Item: "other", Year: 2027, Option: "innovation", Facts: "shenzhenSpecialProject=frontier; projectCost=8000000; usefulLife=5" }),
  ];

  test("read into the scenario's settings", () => {
    const s = scenarioFromInputs(rows);
    expect(s.accounting).toEqual({
      paymentLag: { default: 2, documents: { "beijing-device": 1 }, clauses: { "shenzhen-device/7": 0 } },
      assetMethod: "net",
      // Only the kind set in a row: a building keeps the engine's default, said to be one.
      usefulLife: { equipment: 8 },
      taxRate: "0.15",
      taxRates: { "2027": "0.25" },
      superDeduction: "0.75",
      discountRate: "0.1",
      vat: { rate: "0.06" },
      deferredTaxAsset: false,
      profitBeforeSupport: { "2026": "-5000000" },
      qualifiedYears: [2027],
      nonTaxable: ["shenzhen-device/3.frontier"],
      costYears: { "shenzhen-device/3.frontier": 3 },
      recognition: { documents: { "shenzhen-device": "receivable" }, approvalYears: { "shenzhen-device/10.summit": 2028 } },
    });
    expect(s.events[0]).toMatchObject({ type: "facility", usefulLife: 30, readyForUse: "2026-06" });
    expect(s.events[1]).toMatchObject({ type: "other", usefulLife: 5, facts: { shenzhenSpecialProject: "frontier", projectCost: "8000000" } });
  });

  test("written back as rows, the same settings", () => {
    const s = scenarioFromInputs(rows);
    expect(scenarioFromInputs(scenarioToInputs(s)).accounting).toEqual(s.accounting);
    expect(scenarioFromInputs(scenarioToInputs(s)).events).toEqual(s.events);
  });

  test("an Inputs table without them gets the defaults, and shows them when written", () => {
    const s = scenarioFromInputs(rows.slice(0, 5));
    expect(s.accounting.paymentLag.default).toBe(1);
    const written = scenarioToInputs(s).map((r) => [r[0], r[3], r[5]]);
    expect(written).toContainEqual(["payment lag", 1, null]);
    expect(written).toContainEqual(["asset method", null, "gross"]);
    expect(written).toContainEqual(["tax rate", 0.25, null]);
  });
});
