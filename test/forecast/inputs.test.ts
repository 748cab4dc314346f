import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, inputColumns, parseScenario, scenarioFromInputs, scenarioToInputs, ScenarioError } from "../../src/engine";
import { CellError } from "../../src/functions/cells";
import { forecastCells } from "../../src/functions/reports";

const load = (f: string) => parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", f), "utf8")));

test.each(["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"])(
  "%s survives the Inputs table both ways, with the same forecast",
  (file) => {
    const s = load(file);
    const back = scenarioFromInputs(scenarioToInputs(s));
    expect(back).toEqual({ ...s, simulation: back.simulation, financials: back.financials, events: back.events });
    expect(forecast(back).years).toEqual(forecast(s).years);
  },
);

test("FORECAST spills the year table of the Inputs range", () => {
  const out = forecastCells(scenarioToInputs(load("changping-device-startup.json"))) as unknown[][];
  expect(out[0].slice(0, 6)).toEqual(["year", "ceiling", "expected", "p10", "p50", "p90"]);
  // The hand-computed table of test/forecast/changping-device-startup.test.ts.
  expect(out.slice(1).map((r) => r.slice(0, 3))).toEqual([
    [2026, 800000, 800000],
    [2027, 5000000, 5000000],
    [2028, 12200000, 10000000],
    [2029, 200000, 200000],
    [2030, 400000, 400000],
    ["total", 18600000, 16400000],
  ]);
});

describe("a bad Inputs table names the row", () => {
  const base = () => scenarioToInputs(load("shenzhen-imaging-plant.json"));

  test("an unknown item", () => {
    const rows = base();
    rows.push(["lottery", 2027, null, 1, null, null, null, null, null, null, null]);
    expect(() => scenarioFromInputs(rows)).toThrow(/row \d+: Item "lottery" is not one of/);
  });

  test("a negative amount on an event row", () => {
    const rows = base();
    const i = rows.findIndex((r) => r[0] === "facility");
    rows[i][3] = -5;
    const e = forecastCells(rows) as CellError;
    expect(e.code).toBe("#VALUE!");
    // The field as the user knows it (issue 21), after the row.
    expect(e.message).toMatch(new RegExp(`row ${i + 1} \\(facility\\): construction cost: must be ≥ 0 yuan`));
  });

  test("a missing header", () => {
    expect(() => scenarioFromInputs([["region", null, null, null, null, "shenzhen"]])).toThrow(ScenarioError);
    expect((forecastCells("x") as CellError).code).toBe("#VALUE!");
  });

  test("columns are found by their header, in any order", () => {
    const rows = base().map((r) => [...r].reverse());
    expect(rows[0]).toEqual([...inputColumns].reverse());
    // The example's ceiling (test/forecast/shenzhen-imaging-plant.test.ts): 10M + 10M + 5M + 1M = 26M
    // (29.5M before 深圳（十五）'s 300万 became each variety's total over all years, DESIGN ruling 18).
    expect(forecast(scenarioFromInputs(rows)).total.ceiling.toFixed()).toBe("26000000");
  });
});

describe("a certificate's pathway in the Inputs table, by DESIGN's codes and aliases", () => {
  const withCertificate = (option: string) => {
    const rows = scenarioToInputs(load("shenzhen-imaging-plant.json"));
    const header = rows[0] as readonly string[];
    const row = header.map(() => null as string | number | null);
    const put = (col: string, v: string | number) => (row[header.indexOf(col)] = v);
    put("Item", "certificate");
    put("Year", 2027);
    put("Product", "X");
    put("Value", 10000000);
    put("Class", 3);
    put("Option", option);
    rows.push(row);
    return scenarioFromInputs(rows).events.at(-1)!;
  };

  test.each([
    ["provincial", "provincial"],
    ["省级创新", "provincial"],
    ["市级优先", "provincial-priority"],
    ["国家优先, local", "priority"],
    ["Priority", "priority"],
    ["重大二类", "major"],
  ])("%s is %s", (option, pathway) => {
    expect(withCertificate(option)).toMatchObject({ type: "certificate", pathway });
  });

  test("local production rides along with the pathway", () => {
    expect(withCertificate("国家优先, local")).toMatchObject({ pathway: "priority", localProduction: true });
  });

  test("an unknown pathway is refused by the scenario's schema", () => {
    expect(() => withCertificate("fast-track")).toThrow(ScenarioError);
  });
});

test("a training project and a first-set recognition year survive the Inputs table", () => {
  const s = parseScenario({
    schemaVersion: 1,
    name: "rows",
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2026, to: 2027 },
    events: [
      { type: "other", year: 2026, product: "T", topic: "training", facts: { trainingCost: "8000000", trainingStartYear: 2025 } },
      { type: "firstSet", year: 2027, product: "F", sales: "30000000", recognitionYear: 2027 },
    ],
  });
  const rows = scenarioToInputs(s);
  expect(rows.find((r) => r[0] === "other")?.[2]).toBe("T");
  expect(rows.find((r) => r[0] === "first set" || r[0] === "firstSet")?.[10]).toBe("recognitionYear=2027");
  const back = scenarioFromInputs(rows);
  expect(back.events.map((e) => (e.type === "other" ? e.product : "recognitionYear" in e ? e.recognitionYear : undefined))).toEqual(["T", 2027]);
  // 50% × 8,000,000 = 4,000,000 in 2026 (T started 2025: 2025–2027); Shenzhen's first-set measure
  // （十二） names no amount → 0 in 2027.
  expect(forecast(back).years.map((y) => y.ceiling.toFixed())).toEqual(["4000000", "0"]);
});
