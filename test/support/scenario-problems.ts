import { parseScenario, ScenarioError } from "../../src/engine";

/** The problems parseScenario reports for a raw scenario, one per field; none for a valid one. */
export function scenarioProblems(raw: unknown): string[] {
  try {
    parseScenario(raw);
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
  return [];
}
