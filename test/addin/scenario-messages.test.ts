import { parseScenario } from "../../src/engine";
import { openFunctions, sharedEngine } from "./support";

/**
 * The bundle checks scenarios with zod/mini, which carries no locale of its own
 * (src/engine/forecast/zod-jitless.ts sets English): the built add-in's messages are word for word the
 * ones the tests and the CLI see, where full zod is loaded too.
 */
const bundledEngine = () => sharedEngine(openFunctions());

const problemsOf = (parse: (raw: unknown) => unknown, raw: unknown): readonly string[] => {
  try {
    parse(raw);
  } catch (e) {
    return (e as { problems: readonly string[] }).problems;
  }
  throw new Error("the scenario was accepted");
};

test("a scenario wrong in every way zod can say reads the same problems in dist/functions.js as in the engine", async () => {
  const bad = {
    schemaVersion: 1,
    name: "",
    enterprise: { region: "mars", sector: "device", colour: "red" },
    horizon: { from: 2026, to: "2030" },
    financials: [{ year: 2025.5, revenue: -1 }],
    issueDates: { "shenzhen-device": "2020-13-45" },
    simulation: { draws: 0 },
    events: [
      { type: "certificate", year: 2027, product: "A", class: 4, rdCost: "5e6" },
      { type: "teleport", year: 2027 },
      { type: "insurance", year: 2027, premium: "1" + "0".repeat(30) },
    ],
    accounting: { taxRate: "2", nonTaxable: ["no-such-clause"] },
  };
  const inNode = problemsOf(parseScenario, bad);
  // Full zod's English, as a reader sees it: "Invalid input: expected number, received string".
  expect(inNode).toContain("horizon.to: Invalid input: expected number, received string");
  expect(inNode).toContain("name: Too small: expected string to have >=1 characters");
  expect(problemsOf((await bundledEngine()).parseScenario, bad)).toEqual(inNode);
});
