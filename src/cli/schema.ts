import { z } from "zod";
import { scenarioSchema } from "../engine";
import { packSchema } from "../engine/packs";

/** schema/scenario.schema.json, generated from the zod schema the engine checks files with. */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" });
  return JSON.stringify({ ...schema, $id: "https://subsidy-forecast.local/scenario.schema.json", title: "Subsidy forecast scenario" }, null, 2) + "\n";
}

/**
 * schema/pack.schema.json, generated from the zod schema `pack check` reads packs with. English is
 * optional in a pack (the reader shows the Chinese, marked, where it is missing), so the `en` and
 * `titleEn` the catalog's schema requires are optional here.
 */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(packSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const optionalEnglish = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(optionalEnglish);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.required) && o.properties && typeof o.properties === "object" && "zh" in o.properties) o.required = o.required.filter((k) => k !== "en");
    if (Array.isArray(o.required) && o.properties && typeof o.properties === "object" && "title" in o.properties) o.required = o.required.filter((k) => k !== "titleEn");
    Object.values(o).forEach(optionalEnglish);
  };
  optionalEnglish(schema);
  return JSON.stringify({ ...schema, $id: "https://subsidy-forecast.local/pack.schema.json", title: "Subsidy forecast policy pack" }, null, 2) + "\n";
}
