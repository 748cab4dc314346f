import type { Cap, Formula } from "../catalog/schema";
import { readAmount } from "./conditions";
import { statedAmount } from "../explain/stated";
import type { BindingCap, Step } from "../explain/trace";
import type { Facts } from "../input/facts";
import { compare, Decimal, rateOf, times, ZERO } from "../input/money";

/** The arithmetic of one clause, for the trace: codes and numbers, worded by explain/. */
export interface Working {
  /** Each step with its numbers: 30% × the R&D cost 5,000,000 = 1,500,000. */
  readonly steps: Step[];
  /** The cap that lowered the amount, if one did. */
  bindingCap?: BindingCap;
  /** The text gives no number and none was assumed (ruling 3): what an assumption would be, a rate (with a base) or an amount. */
  unspecified?: "rate" | "amount";
  /** The amount rests on an assumption: a rate or an amount the user assumed, or another text's base read for this one's. */
  assumed?: "rate" | "amount" | "base";
  /** An advance already paid (先期给予) was deducted from it (ruling 13). */
  advance?: Decimal;
}

/**
 * A compiled formula with its caps: the amount a clause allows (ruling 2: the ceiling), or
 * undefined when a fact it needs is missing. Pass a Working to have the arithmetic written down;
 * without one nothing but the amount is built.
 */
export type AmountFn = (facts: Facts, assumption: Decimal | undefined, working?: Working) => Decimal | undefined;

interface Tier {
  readonly threshold: Decimal;
  readonly amount: Decimal;
}

const tiersOf = (tiers: { threshold: string; amount: string }[]): Tier[] =>
  tiers.map((t) => ({ threshold: new Decimal(t.threshold), amount: new Decimal(t.amount) }));

function gross(formula: Formula, sentence: () => string): AmountFn {
  switch (formula.kind) {
    case "rate": {
      const rate = rateOf(formula.rate);
      const { base, fallback } = formula;
      return (facts, _assumption, w) => {
        let x = readAmount(facts, base);
        if (x === undefined && fallback !== undefined) {
          // The plan states only another text's base for the same costs: read it, and say so.
          x = readAmount(facts, fallback);
          if (x === undefined) return undefined;
          const y = times(rate, x);
          if (w) {
            w.assumed = "base";
            w.steps.push({ code: "rate", rate: rate.value, base: fallback, value: x, result: y, assumed: false, standsFor: base });
          }
          return y;
        }
        if (x === undefined) return undefined;
        const y = times(rate, x);
        w?.steps.push({ code: "rate", rate: rate.value, base, value: x, result: y, assumed: false });
        return y;
      };
    }
    case "fixed": {
      const amount = new Decimal(formula.amount);
      let step: Step | undefined;
      return (_facts, _assumption, w) => {
        if (w) w.steps.push((step ??= { code: "fixed", amount, ...statedAmount(amount, sentence()) }));
        return amount;
      };
    }
    case "lookup": {
      const table = new Map(Object.entries(formula.table).map(([k, v]) => [k, new Decimal(v)]));
      const { fact } = formula;
      return (facts, _assumption, w) => {
        const key = facts[fact];
        if (key === undefined) return undefined;
        const y = table.get(String(key)) ?? ZERO;
        w?.steps.push({ code: "lookup", fact, key: key as string | number, result: y });
        return y;
      };
    }
    case "milestones": {
      const tiers = tiersOf(formula.tiers);
      const { fact, previous } = formula;
      return (facts, _assumption, w) => {
        const now = facts[fact] as Decimal | undefined;
        const before = facts[previous] as Decimal | undefined;
        if (now === undefined || before === undefined) return undefined;
        // Ruling 7: the highest threshold crossed for the first time this year, not the sum. Only
        // the highest threshold reached can be new: if it was reached before, so were all below it.
        let hit: Tier | undefined;
        for (let i = tiers.length - 1; i >= 0; i--) {
          if (compare(now, tiers[i].threshold) >= 0) {
            if (compare(before, tiers[i].threshold) < 0) hit = tiers[i];
            break;
          }
        }
        w?.steps.push({ code: "milestone", fact, now, before, threshold: hit?.threshold, result: hit ? hit.amount : ZERO });
        return hit ? hit.amount : ZERO;
      };
    }
    case "steps": {
      const tiers = tiersOf(formula.tiers);
      const { fact } = formula;
      return (facts, _assumption, w) => {
        const now = facts[fact] as Decimal | undefined;
        if (now === undefined) return undefined;
        let hit: Tier | undefined;
        for (const t of tiers) if (compare(now, t.threshold) >= 0) hit = t;
        w?.steps.push({ code: "tier", fact, now, threshold: hit?.threshold, result: hit ? hit.amount : ZERO });
        return hit ? hit.amount : ZERO;
      };
    }
    case "unspecified": {
      const { base } = formula;
      return (facts, assumption, w) => {
        const kind = base === undefined ? "amount" : "rate";
        if (assumption === undefined) {
          if (w) {
            w.unspecified = kind;
            w.steps.push({ code: "unspecified", assumes: kind });
          }
          return ZERO;
        }
        if (w) w.assumed = kind;
        if (base === undefined) {
          w?.steps.push({ code: "assumedAmount", amount: assumption });
          return assumption;
        }
        const x = readAmount(facts, base);
        if (x === undefined) return undefined;
        const y = assumption.times(x);
        w?.steps.push({ code: "rate", rate: assumption, base, value: x, result: y, assumed: true });
        return y;
      };
    }
  }
}

/**
 * Applies every cap: the result is min(gross, cap₁, cap₂, …) (ruling 2). The clause's words (its
 * sentence, a cap's `per`) are read only when a working is asked for: in the built add-in the
 * amounts run before the catalog's texts are loaded (scripts/catalog-loader.js).
 */
export function compileAmount(formula: Formula, caps: readonly Cap[], sentence: () => string): AmountFn {
  const before = gross(formula, sentence);
  const compiled = caps.map((c) => ({ amount: new Decimal(c.amount), base: c.base, words: c }));
  if (compiled.length === 0) return before;
  return (facts, assumption, w) => {
    let y = before(facts, assumption, w);
    if (y === undefined) return undefined;
    for (const cap of compiled) {
      let limit = cap.amount;
      if (cap.base !== undefined) {
        const units = facts[cap.base] as Decimal | undefined;
        if (units === undefined) return undefined;
        limit = cap.amount.times(units);
        w?.steps.push({ code: "unitCap", amount: cap.amount, per: cap.words.per, fact: cap.base, units, limit });
      }
      if (compare(limit, y) < 0) {
        y = limit;
        if (w) w.bindingCap = { amount: cap.amount, per: cap.words.per, perUnit: cap.base !== undefined, sentence: cap.words.sentence };
      }
    }
    if (w?.bindingCap) w.steps.push({ code: "capped", result: y, cap: w.bindingCap });
    return y;
  };
}
