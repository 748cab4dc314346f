import type { Condition, LeafCondition } from "../catalog/schema";
import type { Facts, Tri } from "../input/facts";
import { Decimal, ZERO } from "../input/money";

/** A compiled condition: a fast test, and the condition itself for the trace to word. */
export interface CompiledCondition {
  readonly test: (facts: Facts) => Tri;
  readonly condition: Condition;
  /** The facts it reads, to name the missing ones. */
  readonly reads: readonly string[];
  /** It compares amounts (decimal arithmetic), as opposed to codes and flags. */
  readonly costly: boolean;
}

/** The sum of one or several money facts; undefined if any is missing. */
export function readAmount(facts: Facts, ref: string | readonly string[]): Decimal | undefined {
  if (typeof ref === "string") return facts[ref] as Decimal | undefined;
  let sum = ZERO;
  for (const name of ref) {
    const v = facts[name] as Decimal | undefined;
    if (v === undefined) return undefined;
    sum = sum.plus(v);
  }
  return sum;
}

function compileLeaf(c: LeafCondition): CompiledCondition {
  const reads = typeof c.fact === "string" ? [c.fact] : c.fact;
  if (c.op === "in") {
    const allowed = c.value;
    const name = c.fact;
    return {
      reads,
      costly: false,
      condition: c,
      test: (facts) => {
        const v = facts[name];
        if (v === undefined) return "unknown";
        return allowed.includes(v as string | number) ? "met" : "not-met";
      },
    };
  }
  if (c.op === "is") {
    const { fact: name, value } = c;
    return {
      reads,
      costly: false,
      condition: c,
      test: (facts) => {
        const v = facts[name];
        if (v === undefined) return "unknown";
        return v === value ? "met" : "not-met";
      },
    };
  }
  const bound = new Decimal(c.value);
  const { op, fact } = c;
  const holds = (x: Decimal) =>
    op === "gte" ? x.gte(bound) : op === "gt" ? x.gt(bound) : op === "lt" ? x.lt(bound) : x.lte(bound);
  return {
    reads,
    costly: true,
    condition: c,
    test: (facts) => {
      const x = readAmount(facts, fact);
      if (x === undefined) return "unknown";
      return holds(x) ? "met" : "not-met";
    },
  };
}

/**
 * Whether every condition is met, stopping at the first that is not met or not known: the cell
 * path needs no more. Codes and flags are tested before amounts, which cost a decimal comparison.
 */
export function allMet(conditions: readonly CompiledCondition[]): (facts: Facts) => boolean {
  const cheapFirst = [...conditions].sort((a, b) => Number(a.costly) - Number(b.costly));
  return (facts) => {
    for (const c of cheapFirst) if (c.test(facts) !== "met") return false;
    return true;
  };
}

/** All of the conditions: not met if one is not met, else unknown if one is unknown. */
export function allOf(conditions: readonly CompiledCondition[]): (facts: Facts) => Tri {
  return (facts) => {
    let result: Tri = "met";
    for (const c of conditions) {
      const t = c.test(facts);
      if (t === "not-met") return t;
      if (t === "unknown") result = t;
    }
    return result;
  };
}

export function compileCondition(c: Condition): CompiledCondition {
  if (!("any" in c)) return compileLeaf(c);
  const branches = c.any.map((branch) => branch.map(compileLeaf));
  const tests = branches.map(allOf);
  return {
    reads: branches.flat().flatMap((b) => b.reads),
    costly: branches.flat().some((b) => b.costly),
    condition: c,
    test: (facts) => {
      let result: Tri = "not-met";
      for (const t of tests) {
        const r = t(facts);
        if (r === "met") return r;
        if (r === "unknown") result = r;
      }
      return result;
    },
  };
}
