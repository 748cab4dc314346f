import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseScenario, ScenarioError } from "../engine";
import { readScenario } from "./forecast";
import type { Io } from "./main";
import { buildTemplate } from "./template";

/** The scenario a template starts from when none is given: a small Changping plan to edit. */
export const starterScenario = {
  schemaVersion: 1,
  name: "New forecast (edit the Inputs sheet)",
  enterprise: { region: "changping", sector: "device", sme: true },
  horizon: { from: 2026, to: 2030 },
  financials: [
    { year: 2024, revenue: "3000000", rd: "6000000" },
    { year: 2025, revenue: "5000000", rd: "8000000" },
  ],
  events: [{ type: "certificate", year: 2027, product: "Product A", class: 3, pathway: "standard", rdCost: "10000000" }],
};

/** `subsidy template out.xlsx [--scenario file] [--force]` */
export async function templateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scenario: { type: "string" }, force: { type: "boolean" } } });
  const [out] = positionals;
  if (positionals.length !== 1 || !out.toLowerCase().endsWith(".xlsx")) {
    io.err("Usage: subsidy template out.xlsx [--scenario scenario.json] [--force]");
    return 2;
  }
  if (existsSync(out) && !values.force) {
    io.err(`subsidy: ${out} exists; pass --force to overwrite it`);
    return 1;
  }
  let scenario;
  try {
    scenario = values.scenario ? readScenario(values.scenario) : parseScenario(starterScenario);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`subsidy: ${values.scenario} is not a valid scenario; nothing was written:`);
    for (const p of e.problems) io.err(`  ${p}`);
    return 1;
  }
  const wb = await buildTemplate(scenario);
  await wb.xlsx.writeFile(out);
  io.out(`wrote ${out}: Inputs, Forecast (=SUBSIDY.FORECAST, yuan and 万元) and About (catalog and policy documents)`);
  return 0;
}
