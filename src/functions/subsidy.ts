import { engine, toNumber, type FactValue, type Lang, type Query, type Topic } from "../engine/core";
import { CellError, fitCells, type Cell, type CellResult, type Scalar } from "./cells";
import { amount, code, deviceClasses, drugClasses, pathways, phases, region, year, type Argument } from "./coerce";
import { lift } from "./lift";
import { functionName, messages, parameterName } from "./words";

/**
 * The nine amount functions without Excel: the same implementations Excel, the CLI and the task
 * pane call. Each turns its arguments into a query for the engine; nothing is computed here.
 * Only the engine's amount path (engine/core.ts), so functions.js answers them without loading
 * the rest (EXPLAIN, CLAUSES, FORECAST: reports.ts).
 */

type Coerced = FactValue | CellError;

/** A query from coerced arguments, or the first argument error in argument order. */
function matter(at: Argument, topic: Topic, facts: Record<string, Coerced>, where: Cell, when?: number | undefined | CellError): Query | CellError {
  for (const name in facts) if (facts[name] instanceof CellError) return facts[name];
  const r = region(at, where);
  if (r instanceof CellError) return r;
  if (when instanceof CellError) return when;
  return { topic, region: r, facts: facts as Record<string, FactValue>, year: when };
}

export interface Definition {
  /** The parameters by the names Excel shows in English (dist/functions.json). */
  readonly params: readonly string[];
  readonly required: number;
  /** `at`: the function and the reader's language, for the message of a bad argument (English if left out). */
  readonly query: (args: readonly Cell[], at?: Argument) => Query | CellError;
}

/** Messages in English, which name a parameter by its own name whatever the function. */
const english: Argument = { fn: "", lang: "en-US" };

export const definitions = {
  REGISTRATION: {
    params: ["class", "rdCost", "region", "pathway", "year"],
    required: 3,
    query: (a, at = english) =>
      matter(
        at,
        "registration",
        {
          deviceClass: code(at, "class", a[0], deviceClasses, "deviceClass"),
          rdCost: amount(at, "rdCost", a[1]),
          pathway: code(at, "pathway", a[3], pathways, "pathway", "standard"),
        },
        a[2],
        year(at, a[4]),
      ),
  },
  RESEARCH: {
    params: ["revenueLastYear", "rdLastYear", "rdYearBefore", "region"],
    required: 4,
    query: (a, at = english) =>
      matter(
        at,
        "rd",
        { revenueLastYear: amount(at, "revenueLastYear", a[0]), rdLastYear: amount(at, "rdLastYear", a[1]), rdYearBefore: amount(at, "rdYearBefore", a[2]) },
        a[3],
      ),
  },
  SCALEUP: {
    params: ["outputThisYear", "bestOutputBefore", "region"],
    required: 3,
    query: (a, at = english) => matter(at, "scaleup", { output: amount(at, "outputThisYear", a[0]), bestOutputBefore: amount(at, "bestOutputBefore", a[1]) }, a[2]),
  },
  REVENUE: {
    params: ["revenueThisYear", "bestRevenueBefore", "region"],
    required: 3,
    query: (a, at = english) => matter(at, "revenue", { revenue: amount(at, "revenueThisYear", a[0]), bestRevenueBefore: amount(at, "bestRevenueBefore", a[1]) }, a[2]),
  },
  VBP: {
    params: ["bidValue", "region"],
    required: 2,
    // The function is a product's first win (首次中标, Changping's clause) in national procurement;
    // for Shenzhen's 当年采购总金额 the bid value stands for that year's procurement (docs/RULINGS.md).
    query: (a, at = english) => {
      const bid = amount(at, "bidValue", a[0]);
      return matter(at, "vbp", { bidValue: bid, firstVbpWin: true, nationalVbp: true, procurementThisYear: bid }, a[1]);
    },
  },
  FIRSTSET: {
    params: ["salesThisYear", "region"],
    required: 2,
    query: (a, at = english) => matter(at, "firstSet", { firstSetSales: amount(at, "salesThisYear", a[0]) }, a[1]),
  },
  INSURANCE: {
    params: ["premium", "region"],
    required: 2,
    query: (a, at = english) => matter(at, "insurance", { premium: amount(at, "premium", a[0]) }, a[1]),
  },
  FACILITY: {
    params: ["cost", "areaM2", "region"],
    required: 3,
    query: (a, at = english) => matter(at, "facility", { facilityCost: amount(at, "cost", a[0]), areaM2: amount(at, "areaM2", a[1], "m²") }, a[2]),
  },
  CLINICAL: {
    params: ["drugClass", "phase", "region"],
    required: 3,
    query: (a, at = english) =>
      matter(
        at,
        "clinical",
        // 第五条's new drug is one 实施产业化 in Changping: the function prices such a drug (docs/RULINGS.md), as VBP prices a first win.
        { drugClass: code(at, "drugClass", a[0], drugClasses, "drugClass"), phase: code(at, "phase", a[1], phases, "phase"), industrialised: true },
        a[2],
      ),
  },
} satisfies Record<string, Definition>;

export type AmountFunction = keyof typeof definitions;
export const amountFunctions = Object.keys(definitions) as AmountFunction[];

/** The arity error of a call to `name`, if its argument count is wrong, in `lang`. */
export function arity(name: string, def: Definition, args: readonly unknown[], lang: Lang = "en-US"): CellError | undefined {
  if (args.length >= def.required && args.length <= def.params.length) return undefined;
  const shown = def.params.map((p, i) => (i < def.required ? parameterName(name, p, lang) : `[${parameterName(name, p, lang)}]`)).join(", ");
  return new CellError("#VALUE!", messages[lang].arity(`${functionName(name, lang)}(${shown})`, def.required, def.params.length, args.length));
}

/**
 * Each amount function's definition and its function on one cell's values (the number of yuan,
 * or an error value) in each language, made once (not a closure per call), in a Map: a lookup by
 * the name's hash costs the same whichever functions a workbook mixes, where an object indexed
 * by a variable name goes through V8's shared megamorphic cache, which a spreadsheet engine's own
 * code keeps evicting between cells.
 */
const byName = new Map(
  amountFunctions.map((name) => {
    const definition: Definition = definitions[name];
    const onCells = (lang: Lang) => {
      const at: Argument = { fn: name, lang };
      return (cells: readonly Cell[]): Scalar => evaluateQuery(definition.query(cells, at));
    };
    return [name, { definition, "en-US": onCells("en-US"), "zh-CN": onCells("zh-CN") }] as const;
  }),
);

const evaluateQuery = (q: Query | CellError): Scalar => (q instanceof CellError ? q : toNumber(engine().amount(q)));

/** An amount function as Excel calls it: single values or ranges (lifted), never an exception; messages in `lang`. */
export function callAmount(name: AmountFunction, args: readonly unknown[], lang: Lang = "en-US"): CellResult {
  try {
    const entry = byName.get(name)!;
    const wrong = arity(name, entry.definition, args, lang);
    return wrong ?? fitCells(lift(entry[lang], args, lang));
  } catch (e) {
    return new CellError("#VALUE!", messages[lang].unexpected((e as Error).message));
  }
}
