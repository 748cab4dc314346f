import { engine, pathwayList, toNumber, type FactValue, type Query, type Topic } from "../engine/core";
import { CellError, fitCells, type Cell, type CellResult, type Scalar } from "./cells";
import { amount, code, deviceClasses, drugClasses, pathways, phases, region, year } from "./coerce";
import { lift } from "./lift";

/**
 * The nine amount functions without Excel: the same implementations Excel, the CLI and the task
 * pane call. Each turns its arguments into a query for the engine; nothing is computed here.
 * Only the engine's amount path (engine/core.ts), so functions.js answers them without loading
 * the rest (EXPLAIN, CLAUSES, FORECAST: reports.ts).
 */

type Coerced = FactValue | CellError;

/** A query from coerced arguments, or the first argument error in argument order. */
function matter(topic: Topic, facts: Record<string, Coerced>, where: Cell, when?: number | undefined | CellError): Query | CellError {
  for (const name in facts) if (facts[name] instanceof CellError) return facts[name];
  const r = region(where);
  if (r instanceof CellError) return r;
  if (when instanceof CellError) return when;
  return { topic, region: r, facts: facts as Record<string, FactValue>, year: when };
}

export interface Definition {
  readonly params: readonly string[];
  readonly required: number;
  readonly query: (args: readonly Cell[]) => Query | CellError;
}

const classes = "1, 2 or 3 (I/II/III, 一类/二类/三类)";

export const definitions = {
  REGISTRATION: {
    params: ["class", "rdCost", "region", "pathway", "year"],
    required: 3,
    query: (a) =>
      matter(
        "registration",
        {
          deviceClass: code("class", a[0], deviceClasses, classes),
          rdCost: amount("rdCost", a[1]),
          pathway: code("pathway", a[3], pathways, pathwayList, "standard"),
        },
        a[2],
        year(a[4]),
      ),
  },
  RESEARCH: {
    params: ["revenueLastYear", "rdLastYear", "rdYearBefore", "region"],
    required: 4,
    query: (a) =>
      matter(
        "rd",
        { revenueLastYear: amount("revenueLastYear", a[0]), rdLastYear: amount("rdLastYear", a[1]), rdYearBefore: amount("rdYearBefore", a[2]) },
        a[3],
      ),
  },
  SCALEUP: {
    params: ["outputThisYear", "bestOutputBefore", "region"],
    required: 3,
    query: (a) => matter("scaleup", { output: amount("outputThisYear", a[0]), bestOutputBefore: amount("bestOutputBefore", a[1]) }, a[2]),
  },
  REVENUE: {
    params: ["revenueThisYear", "bestRevenueBefore", "region"],
    required: 3,
    query: (a) => matter("revenue", { revenue: amount("revenueThisYear", a[0]), bestRevenueBefore: amount("bestRevenueBefore", a[1]) }, a[2]),
  },
  VBP: {
    params: ["bidValue", "region"],
    required: 2,
    // The function is a product's first win (首次中标, Changping's clause) in national procurement;
    // for Shenzhen's 当年采购总金额 the bid value stands for that year's procurement (docs/RULINGS.md).
    query: (a) => {
      const bid = amount("bidValue", a[0]);
      return matter("vbp", { bidValue: bid, firstVbpWin: true, nationalVbp: true, procurementThisYear: bid }, a[1]);
    },
  },
  FIRSTSET: {
    params: ["salesThisYear", "region"],
    required: 2,
    query: (a) => matter("firstSet", { firstSetSales: amount("salesThisYear", a[0]) }, a[1]),
  },
  INSURANCE: {
    params: ["premium", "region"],
    required: 2,
    query: (a) => matter("insurance", { premium: amount("premium", a[0]) }, a[1]),
  },
  FACILITY: {
    params: ["cost", "areaM2", "region"],
    required: 3,
    query: (a) => matter("facility", { facilityCost: amount("cost", a[0]), areaM2: amount("areaM2", a[1], "m²") }, a[2]),
  },
  CLINICAL: {
    params: ["drugClass", "phase", "region"],
    required: 3,
    query: (a) =>
      matter(
        "clinical",
        // 第五条's new drug is one 实施产业化 in Changping: the function prices such a drug (docs/RULINGS.md), as VBP prices a first win.
        { drugClass: code("drugClass", a[0], drugClasses, "a drug registration class 1–5"), phase: code("phase", a[1], phases, "1, 2 or 3 (I/II/III)"), industrialised: true },
        a[2],
      ),
  },
} satisfies Record<string, Definition>;

export type AmountFunction = keyof typeof definitions;
export const amountFunctions = Object.keys(definitions) as AmountFunction[];

/** The arity error of a call to `name`, if its argument count is wrong. */
export function arity(name: string, def: Definition, args: readonly unknown[]): CellError | undefined {
  if (args.length >= def.required && args.length <= def.params.length) return undefined;
  const shown = def.params.map((p, i) => (i < def.required ? p : `[${p}]`)).join(", ");
  return new CellError("#VALUE!", `${name}(${shown}) takes ${def.required}–${def.params.length} arguments, got ${args.length}`);
}

/**
 * Each amount function's definition and its function on one cell's values (the number of yuan,
 * or an error value), made once (not a closure per call), in a Map: a lookup by the name's hash
 * costs the same whichever functions a workbook mixes, where an object indexed by a variable name
 * goes through V8's shared megamorphic cache, which a spreadsheet engine's own code keeps
 * evicting between cells.
 */
const byName = new Map(
  amountFunctions.map((name) => {
    const definition: Definition = definitions[name];
    return [name, { definition, onCells: (cells: readonly Cell[]): Scalar => evaluateQuery(definition.query(cells)) }] as const;
  }),
);

const evaluateQuery = (q: Query | CellError): Scalar => (q instanceof CellError ? q : toNumber(engine().amount(q)));

/** An amount function as Excel calls it: single values or ranges (lifted), never an exception. */
export function callAmount(name: AmountFunction, args: readonly unknown[]): CellResult {
  try {
    const { definition, onCells } = byName.get(name)!;
    const wrong = arity(name, definition, args);
    return wrong ?? fitCells(lift(onCells, args));
  } catch (e) {
    return new CellError("#VALUE!", `unexpected input: ${(e as Error).message}`);
  }
}
