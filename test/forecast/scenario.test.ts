import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, migrateScenario, parseScenario, SCENARIO_VERSION, scenarioVersionOf } from "../../src/engine";
import { scenarioJsonSchema } from "../../src/cli/schema";
import { scenarioProblems } from "../support/scenario-problems";

const example = () => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8"));


test("the examples are valid scenarios", () => {
  for (const f of ["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"]) {
    expect(scenarioProblems(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", f), "utf8")))).toEqual([]);
  }
});

test.each([
  ["a negative amount", (s: any) => (s.events[6].rdCost = "-5"), "events[6].rdCost"],
  ["an amount as a float text", (s: any) => (s.financials[0].rd = "1e6"), "financials[0].rd"],
  ["an unknown region", (s: any) => (s.enterprise.region = "shanghai"), "enterprise.region"],
  ["a probability above 1", (s: any) => (s.events[0].probability = 1.5), "events[0].probability"],
  ["a device class 4", (s: any) => (s.events[6].class = 4), "events[6].class"],
  ["an unknown event type", (s: any) => (s.events[0].type = "lottery"), "events[0].type"],
  ["an unknown field", (s: any) => (s.events[0].colour = "red"), "events[0]"],
  ["a horizon that ends before it starts", (s: any) => (s.horizon.to = 2020), "horizon.to"],
  ["a year given twice", (s: any) => s.financials.push({ year: 2023, rd: "1" }), "financials[8].year"],
  ["a future schema version", (s: any) => (s.schemaVersion = 3), "schemaVersion"],
])("%s is named by its path", (_what, spoil, path) => {
  const s = example();
  spoil(s);
  const found = scenarioProblems(s);
  expect(found.length).toBeGreaterThan(0);
  expect(found.some((p) => p.startsWith(`${path}:`))).toBe(true);
});

test("defaults are filled in", () => {
  const s = parseScenario(example());
  expect(s.defaults).toEqual({ probability: 1, realisation: 1 });
  expect(s.simulation).toEqual({ draws: 2000, seed: 1 });
});

test("schema/scenario.schema.json is generated from the engine's schema (npm run schema)", () => {
  expect(readFileSync(join(__dirname, "..", "..", "schema", "scenario.schema.json"), "utf8")).toBe(scenarioJsonSchema());
});

describe("certificate pathways (DESIGN's table)", () => {
  const file = (pathway: string) => ({
    schemaVersion: 1,
    name: "pathways",
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2027, to: 2027 },
    events: [{ type: "certificate", year: 2027, product: "A", class: 3, pathway, rdCost: "40000000" }],
  });

  test.each(["standard", "innovative", "major", "priority", "provincial", "provincial-priority"])("%s loads", (pathway) => {
    expect(parseScenario(file(pathway)).events[0]).toMatchObject({ pathway });
  });

  test("an unknown pathway names its field", () => {
    expect(() => parseScenario(file("fast-track"))).toThrow(/events\[0\]\.pathway/);
  });

  test("each pathway is paid by the texts that name its review", () => {
    const year = (pathway: string) => forecast(parseScenario(file(pathway))).years[0].ceiling.toFixed();
    // Class III, R&D 40M, Changping. standard: 5.1 30% → 3M cap. innovative: 5.2 8M + Beijing 2M = 10M.
    // priority: the same 10M. provincial (Beijing's review): 5.1 3M + Beijing 2M = 5M; provincial-priority alike.
    expect(["standard", "innovative", "priority", "provincial", "provincial-priority"].map(year)).toEqual(["3000000", "10000000", "10000000", "5000000", "5000000"]);
  });
});

describe("schema version 2 (issue 20): the files of version 1 migrate", () => {
  const v1 = join(__dirname, "..", "fixtures", "v1");
  const files = readdirSync(join(__dirname, "..", "..", "examples")).filter((f) => f.endsWith(".json"));

  test.each(files)("examples/%s as it was at version 1 reads as the example does now", (file) => {
    const old = JSON.parse(readFileSync(join(v1, file), "utf8"));
    const now = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"));
    expect(old.schemaVersion).toBe(1);
    expect(now.schemaVersion).toBe(SCENARIO_VERSION);
    // The files differ in their number only, and in what issue 18 added to an example since
    // (the drug developer's phase I event names its product and states 实施产业化, which
    // 昌平医药 第五条 now requires); read, they are the same scenario, of this version.
    const since18 = (s: { events: Record<string, unknown>[] }) => ({
      ...s,
      events: s.events.map((e) => {
        if (e.type !== "other" || !e.product) return e;
        const { product: _p, facts, ...rest } = e as { product: string; facts: Record<string, unknown> };
        const { industrialised: _i, ...kept } = facts;
        return { ...rest, facts: kept };
      }),
    });
    expect({ ...old, schemaVersion: SCENARIO_VERSION }).toEqual(since18(now));
    expect(scenarioVersionOf(migrateScenario(old))).toBe(2);
    expect(parseScenario(old)).toEqual(parseScenario(since18(now)));
    expect(parseScenario(old).schemaVersion).toBe(2);
  });

  test("a newer file is refused by its number, before any field it may hold", () => {
    const now = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", files[0]), "utf8"));
    expect(() => parseScenario({ ...now, schemaVersion: 3, colour: "red" })).toThrow(/^schemaVersion: written by a newer version of this tool \(schema 3\); this version reads schemas 1 to 2$/);
  });

  test("anything else is left for the schema to judge: no number, a number that is not whole, a text", () => {
    for (const v of [undefined, 1.5, "1", 0]) expect(migrateScenario({ schemaVersion: v, name: "x" })).toEqual({ schemaVersion: v, name: "x" });
    expect(migrateScenario(null)).toBeNull();
  });
});
