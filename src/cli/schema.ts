import { z } from "zod";
import { scenarioSchema } from "../engine";

/** schema/scenario.schema.json, generated from the zod schema the engine checks files with. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
  return JSON.stringify({ ...schema, $id: "https://subsidy-forecast.local/scenario.schema.json", title: "Subsidy forecast scenario" }, null, 2) + "\n";
}
