import { engine, parseAmountText } from "../engine";
import type { Draft, DraftEvent, Problem } from "./draft";

/**
 * Checks of what was typed, field by field, before the scenario schema sees it: each way a
 * field can be wrong gets its own code (a negative chance, a year with a fraction, an amount
 * in scientific notation, a fact the catalog does not know by name or label), so the message
 * beside the field says what is wrong instead of "enter a number". Amounts are read by the
 * engine's parser; their bound and the facts' values are the engine's to check.
 */

const problem = (path: string, code: string, input?: unknown): Problem => ({ path, code, message: code, input });

function year(path: string, text: string): Problem | undefined {
  const t = text.trim();
  if (t === "" || /^\d+$/.test(t)) return undefined; // empty and range: the schema's
  if (/^[-−]/.test(t)) return problem(path, "year.negative");
  if (/^\d+[.,]\d+$/.test(t)) return problem(path, "year.fraction", t);
  return problem(path, "year.notNumber");
}

function percent(path: string, text: string): Problem | undefined {
  const t = text.trim().replace(/\s*[%％]$/, "");
  if (t === "") return undefined;
  if (/^[-−]/.test(t)) return problem(path, "percent.negative");
  if (!/^\d+(\.\d+)?$/.test(t)) return problem(path, "percent.notNumber");
  if (Number(t) > 100) return problem(path, "percent.over");
  return undefined;
}

function amount(path: string, text: string): Problem | undefined {
  if (text.trim() === "") return undefined; // required or not: the schema's
  const r = parseAmountText(text);
  // Above 10^15 the engine's own bound speaks (amounts.ts), with the figure read.
  return r.ok || r.problem === "tooLarge" ? undefined : problem(path, `amount.${r.problem}`);
}

/** A fact by its name or either of its labels, as the Inputs table and the pane write them. */
export function factKey(name: string): string | undefined {
  const facts = engine().catalog.facts;
  const n = name.trim();
  if (Object.prototype.hasOwnProperty.call(facts, n)) return n;
  const lower = n.toLowerCase();
  return Object.keys(facts).find((k) => facts[k].en.toLowerCase() === lower || facts[k].zh === n);
}

/** A name in the Facts field that is neither a fact of the catalog nor one's label. */
function unknownFact(path: string, text: string): Problem | undefined {
  for (const part of text.split(/[;；]/)) {
    const name = part.split(/[=＝]/)[0]?.trim();
    if (name && !factKey(name)) return problem(path, "facts.unknown", name);
  }
  return undefined;
}

const moneyFields = ["rdCost", "value", "bestBefore", "bidValue", "sales", "premium", "cost", "areaM2"] as const satisfies readonly (keyof DraftEvent)[];

export function fieldProblems(d: Draft): Problem[] {
  const found: (Problem | undefined)[] = [year("horizon.from", d.from), year("horizon.to", d.to), percent("defaults.probability", d.defaultProbability), percent("defaults.realisation", d.defaultRealisation)];
  d.financials.forEach((f, i) => found.push(year(`financials.${i}.year`, f.year), amount(`financials.${i}.revenue`, f.revenue), amount(`financials.${i}.rd`, f.rd)));
  d.events.forEach((e, i) => {
    const at = (field: string) => `events.${i}.${field}`;
    found.push(year(at("year"), e.year), percent(at("probability"), e.probability), percent(at("realisation"), e.realisation));
    for (const field of moneyFields) found.push(amount(at(field), e[field]));
    // A fact's value is checked by the engine (facts.ts) against the catalog's kind for it.
    if (e.type === "other") found.push(unknownFact(at("facts"), e.facts));
  });
  return found.filter((p): p is Problem => p !== undefined);
}
