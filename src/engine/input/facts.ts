import { amountProblemText, checkAmount, isAmountProblem, shown, type AmountProblem } from "./amounts";
import type { Lang } from "../explain/trace";
import type { FactDefinition } from "../catalog/schema";
import type { Decimal } from "./money";

/** A fact about the enterprise or the matter: money and quantities as Decimal, codes, flags. */
export type FactValue = Decimal | number | string | boolean;
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** Eligibility is three-valued: a condition on a fact nobody gave is unknown, not false. */
export type Tri = "met" | "not-met" | "unknown";

/** Why a written fact is refused, by the kind the catalog declares for it. */
export type FactProblem =
  | { readonly code: "unknownFact" }
  | { readonly code: "amount"; readonly unit: string; readonly amount: AmountProblem }
  | { readonly code: "notCode"; readonly values: readonly (string | number)[]; readonly got: string }
  | { readonly code: "notFlag"; readonly got: string };

export type RawFacts = Readonly<Record<string, unknown>>;

/** One written fact as an engine fact, or why not. */
export function checkFact(name: string, value: unknown, definitions: Readonly<Record<string, FactDefinition>>): FactValue | FactProblem {
  const def = Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined;
  if (!def) return { code: "unknownFact" };
  switch (def.kind) {
    case "money":
    case "quantity": {
      const d = checkAmount(value);
      return isAmountProblem(d) ? { code: "amount", unit: def.unit ?? (def.kind === "money" ? "yuan" : ""), amount: d } : d;
    }
    case "flag":
      return typeof value === "boolean" ? value : { code: "notFlag", got: shown(value) };
    case "code": {
      if (typeof value !== "string" && typeof value !== "number") return { code: "notCode", values: def.values ?? [], got: shown(value) };
      if (!def.values) return value;
      // A numeric code written as text ("1" for drug class 1) is the code.
      const found = def.values.find((c) => c === value || (typeof c === "number" && typeof value === "string" && value.trim() !== "" && c === Number(value)));
      return found ?? { code: "notCode", values: def.values, got: shown(value) };
    }
  }
}

export const isFactProblem = (x: unknown): x is FactProblem =>
  typeof x === "object" && x !== null && "code" in x && ["unknownFact", "amount", "notCode", "notFlag"].includes((x as FactProblem).code);

/** A refused fact in a person's words: the name as written, the catalog's label, what it takes. */
export function factProblemText(name: string, p: FactProblem, definitions: Readonly<Record<string, FactDefinition>>, lang: Lang): string {
  const def = Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined;
  const label = def ? (lang === "zh-CN" ? `“${name}”（${def.zh}）` : `"${name}" (${def.en})`) : lang === "zh-CN" ? `“${name}”` : `"${name}"`;
  const zh = lang === "zh-CN";
  switch (p.code) {
    case "unknownFact":
      return zh ? `事实${label}不在政策目录中` : `fact ${label} is not one the catalog knows`;
    case "amount":
      return zh ? `事实${label}${amountProblemText(p.amount, p.unit, lang)}` : `fact ${label} ${amountProblemText(p.amount, p.unit, lang)}`;
    case "notCode": {
      const values = p.values.join(", ");
      return zh ? `事实${label}应为以下之一：${values}（输入为 ${p.got}）` : `fact ${label} must be one of ${values}, got ${p.got}`;
    }
    case "notFlag":
      return zh ? `事实${label}应为“是”或“否”（输入为 ${p.got}）` : `fact ${label} must be yes or no, got ${p.got}`;
  }
}

/**
 * Facts as a scenario file or a test table writes them (amounts as decimal strings or numbers)
 * made into engine facts, by the kinds the catalog declares. A refused fact is an error naming
 * it; parseScenario has already refused them field by field, so this throws only for callers
 * that skipped it.
 */
export function factsFrom(raw: RawFacts, definitions: Readonly<Record<string, FactDefinition>>): Record<string, FactValue> {
  const out: Record<string, FactValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const fact = checkFact(name, value, definitions);
    if (isFactProblem(fact)) throw new Error(factProblemText(name, fact, definitions, "en-US"));
    out[name] = fact;
  }
  return out;
}
