import type { FactDefinition, LeafCondition } from "../catalog/schema";
import { Decimal, formatRate, formatYuan } from "../input/money";
import type { FactRef } from "./trace";

/** Shared by both languages: the catalog's facts, and numbers as both write them. */
export type FactTable = Readonly<Record<string, FactDefinition>>;

export const sep = (x: Decimal | string): string => formatYuan(typeof x === "string" ? new Decimal(x) : x);
export const rate = formatRate;
export const refs = (ref: FactRef): readonly string[] => (typeof ref === "string" ? [ref] : ref);

/** A code fact's label names it before the colon ("Review pathway: standard, …" → "Review pathway"). */
export function factName(facts: FactTable, name: string, lang: "en" | "zh"): string {
  const def = facts[name];
  if (!def) return name;
  const label = def[lang];
  if (def.kind !== "code") return label;
  const head = label.split(lang === "zh" ? /：|:/ : /:/)[0];
  return head.trim() || label;
}

/** A label inside an English sentence: "R&D cost of …" stays, "Operating revenue" → "operating revenue". */
export const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/** A fact's value in a trace: money and quantities with separators, codes by the language's table. */
export function valueText(
  facts: FactTable,
  fact: string,
  value: unknown,
  words: { yuan(x: string): string; quantity(x: string, unit: string | undefined): string; code(fact: string, v: string | number): string; yes: string; no: string },
): string {
  if (Decimal.isDecimal(value)) {
    const def = facts[fact];
    return def?.kind === "money" ? words.yuan(sep(value)) : words.quantity(sep(value), def?.unit);
  }
  if (typeof value === "boolean") return value ? words.yes : words.no;
  return words.code(fact, value as string | number);
}

/** The bound of a comparison in the fact's own unit. */
export function boundText(facts: FactTable, c: LeafCondition, words: { yuan(x: string): string; quantity(x: string, unit: string | undefined): string }): string {
  const first = refs(c.fact)[0];
  const def = facts[first];
  const v = sep(String(c.value));
  return def?.kind === "money" ? words.yuan(v) : words.quantity(v, def?.unit);
}
