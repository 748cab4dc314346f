import { Decimal, engine, inForceDuring, jurisdictionsOf, regions, ZERO, type CompiledClause, type Region } from "../src/engine";
import { CellError, type Cell, type Scalar } from "../src/functions/cells";
import { amount, code, deviceClasses, pathways, region, year } from "../src/functions/coerce";
import { callAmount } from "../src/functions/subsidy";
import { toNumberFast } from "./tonumber";

/**
 * A prototype of the cell path of REGISTRATION with the bench's suggestions applied, written
 * here (src/ is not touched) to measure what they would give together:
 *
 * - the clause groups are found by `index[topic][region]`, built once, not by a Map keyed with
 *   a template string built on every call;
 * - the total starts from the first group's best, not from ZERO.plus(best);
 * - each coerced argument is tested for an error as it is made, with no Object.values scan;
 * - the result is turned into a number by toNumberFast (integers summed from decimal.js's words).
 *
 * It uses the engine's compiled clauses (conditions, formulas, caps, windows) as they are, and
 * `verifyPrototype` checks it against callAmount before it is timed.
 */

type Group = readonly CompiledClause[];

function buildIndex(): Record<string, Record<Region, Group[]>> {
  const index: Record<string, Record<Region, Group[]>> = {};
  const monetary = engine().clauses.filter((c) => c.clause.formula);
  for (const topic of new Set(monetary.map((c) => c.clause.topic))) {
    const byRegion = {} as Record<Region, Group[]>;
    for (const r of regions) {
      byRegion[r] = [];
      for (const j of jurisdictionsOf[r]) {
        const mine = monetary.filter((c) => c.clause.topic === topic && c.document.jurisdiction === j);
        for (const matter of new Set(mine.map((c) => c.clause.matter))) byRegion[r].push(mine.filter((c) => c.clause.matter === matter));
      }
    }
    index[topic] = byRegion;
  }
  return index;
}

const index = buildIndex();

const classes = "1, 2 or 3 (I/II/III, 一类/二类/三类)";

/** Each suggestion undone on its own, to measure what it is worth in context. */
export interface Undo {
  /** Decimal#toNumber instead of toNumberFast. */
  readonly toNumber?: boolean;
  /** A Map keyed by `${topic}|${region}` instead of the nested index. */
  readonly mapKey?: boolean;
  /** total = ZERO, then ZERO.plus(best). */
  readonly zeroPlus?: boolean;
  /** The coerced arguments collected in an object, then scanned with Object.values. */
  readonly scan?: boolean;
  /** engine().amount({ topic, region, facts, year }) itself (Map key, ZERO.plus, issue-date, sector and assumption look-ups). */
  readonly engineAmount?: boolean;
}

const flat = new Map(Object.entries(index).flatMap(([topic, byRegion]) => regions.map((r) => [`${topic}|${r}`, byRegion[r]] as const)));

/** REGISTRATION(class, rdCost, region, [pathway], [year]) on single values, with some suggestions undone. */
export function makeRegistration(undo: Undo = {}): (args: readonly Cell[]) => Scalar {
  return (args) => {
    if (args.length < 3 || args.length > 5) return callAmount("REGISTRATION", args) as Scalar;
    const deviceClass = code("class", args[0], deviceClasses, classes);
    const rdCost = amount("rdCost", args[1]);
    const pathway = code("pathway", args[3], pathways, "standard, innovative or major", "standard");
    if (undo.scan) {
      const all = { deviceClass, rdCost, pathway };
      for (const v of Object.values(all)) if (v instanceof CellError) return v;
    } else {
      if (deviceClass instanceof CellError) return deviceClass;
      if (rdCost instanceof CellError) return rdCost;
      if (pathway instanceof CellError) return pathway;
    }
    const where = region(args[2]);
    if (where instanceof CellError) return where;
    const when = year(args[4]);
    if (when instanceof CellError) return when;
    const facts = { deviceClass: deviceClass as number, rdCost: rdCost as Decimal, pathway: pathway as string };
    let d: Decimal;
    if (undo.engineAmount) d = engine().amount({ topic: "registration", region: where, facts, year: when });
    else {
      let total: Decimal | undefined = undo.zeroPlus ? ZERO : undefined;
      const groups = undo.mapKey ? (flat.get(`registration|${where}`) as Group[]) : index.registration[where];
      for (const group of groups) {
        let best: Decimal | undefined;
        for (const c of group) {
          if (!inForceDuring(c.window, when) || c.eligible(facts) !== "met") continue;
          const y = c.amount(facts, undefined);
          if (y !== undefined && (best === undefined || y.gt(best))) best = y;
        }
        if (best) total = total === undefined ? best : total.plus(best);
      }
      d = total ?? ZERO;
    }
    return undo.toNumber ? d.toNumber() : toNumberFast(d);
  };
}

/** The prototype with every suggestion applied. */
export const registration = makeRegistration();

/** The prototype gives callAmount's answer (or the same error) on a grid of inputs. */
export function verifyPrototype(variants: readonly ((args: readonly Cell[]) => Scalar)[] = []): void {
  const costs = [0, 1, 999.99, 5e6, 7.5e6, 1e7, 12.5e6, 2e7, 26666666.67, 4e7, 1e9, 1e300, -1, "5e6", "abc", ""];
  for (const c of [1, 2, 3, "III", "x"]) {
    for (const x of costs) {
      for (const r of ["shenzhen", "changping", "beijing", "昌平", "mars"]) {
        for (const tail of [[], ["innovative"], ["major", 2026], ["standard", 2019], ["", "1800"]]) {
          const args = [c, x, r, ...tail] as Cell[];
          const want = callAmount("REGISTRATION", args);
          const got = registration(args);
          for (const variant of variants) {
            const v = variant(args);
            if (!(want instanceof CellError ? v instanceof CellError && v.code === want.code : v === want))
              throw new Error(`a prototype variant disagrees on ${JSON.stringify(args)}`);
          }
          const same = want instanceof CellError ? got instanceof CellError && got.code === want.code && got.message === want.message : got === want;
          if (!same) throw new Error(`prototype REGISTRATION(${JSON.stringify(args)}) = ${String(got)}, callAmount ${String(want)}`);
        }
      }
    }
  }
}
