import type { FactDefinition } from "./catalog/schema";
import { Decimal } from "./money";

/** A fact about the enterprise or the matter: money and quantities as Decimal, codes, flags. */
export type FactValue = Decimal | number | string | boolean;
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** Eligibility is three-valued: a condition on a fact nobody gave is unknown, not false. */
export type Tri = "met" | "not-met" | "unknown";

/**
 * Facts as a scenario file or a test table writes them (amounts as decimal strings or numbers)
 * made into engine facts, by the kinds the catalog declares. Unknown names are an error.
 */
export function factsFrom(
  raw: Readonly<Record<string, string | number | boolean>>,
  definitions: Readonly<Record<string, FactDefinition>>,
): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const def = Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined;
    if (!def) throw new Error(`unknown fact "${name}"`);
    if (def.kind === "money" || def.kind === "quantity") out[name] = new Decimal(value as string | number);
    // A numeric code written as text ("1" for drug class 1) is the code.
    else if (def.kind === "code" && typeof value === "string" && def.values?.includes(Number(value))) out[name] = Number(value);
    else out[name] = value;
  }
  return out;
}
