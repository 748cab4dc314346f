import {
  accountedForecast,
  accountsTable,
  clauseColumns,
  clauseRow,
  engine,
  forecast,
  forecastTable,
  ForecastTimeout,
  formatExplanation,
  furtherAwards,
  listClauses,
  parseView,
  pathwayList,
  scenarioFromInputs,
  ScenarioError,
  shown,
  toNumber,
  topics,
  viewCodes,
  type FactValue,
  type InputCell,
  type Lang,
  type Query,
  type Topic,
} from "../engine";
import { cellOf, CellError, fitCells, type Cell, type CellResult, type Scalar } from "./cells";
import { amount, code, deviceClasses, drugClasses, pathways, phases, region, year } from "./coerce";
import { lift } from "./lift";
import zhCn from "./zh-cn.json";

/**
 * The SUBSIDY functions without Excel: the same implementations Excel, the CLI and the task
 * pane call. Each turns its arguments into a query for the engine; nothing is computed here.
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

interface Definition {
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
  RD: {
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
        { drugClass: code("drugClass", a[0], drugClasses, "a drug registration class 1–5"), phase: code("phase", a[1], phases, "1, 2 or 3 (I/II/III)") },
        a[2],
      ),
  },
} satisfies Record<string, Definition>;

export type AmountFunction = keyof typeof definitions;
export const amountFunctions = Object.keys(definitions) as AmountFunction[];

function arity(name: string, def: Definition, args: readonly unknown[]): CellError | undefined {
  if (args.length >= def.required && args.length <= def.params.length) return undefined;
  const shown = def.params.map((p, i) => (i < def.required ? p : `[${p}]`)).join(", ");
  return new CellError("#VALUE!", `${name}(${shown}) takes ${def.required}–${def.params.length} arguments, got ${args.length}`);
}

/** One amount function on single values: the number of yuan, or an error value. */
export function evaluateCell(name: AmountFunction, args: readonly Cell[]): Scalar {
  const q = definitions[name].query(args);
  return q instanceof CellError ? q : toNumber(engine().amount(q));
}

/** Each amount function on one cell's values, made once rather than a closure per call. */
const onCells = Object.fromEntries(amountFunctions.map((name) => [name, (cells: Cell[]): Scalar => evaluateCell(name, cells)])) as Record<AmountFunction, (cells: Cell[]) => Scalar>;

/** An amount function as Excel calls it: single values or ranges (lifted), never an exception. */
export function callAmount(name: AmountFunction, args: readonly unknown[]): CellResult {
  try {
    const wrong = arity(name, definitions[name], args);
    return wrong ?? fitCells(lift(onCells[name], args));
  } catch (e) {
    return new CellError("#VALUE!", `unexpected input: ${(e as Error).message}`);
  }
}

/** An argument as a formula shows it: text in quotes, a number as it is, an omitted one empty. */
const shownArg = (a: unknown) => (typeof a === "string" ? `"${a}"` : a === null || a === undefined ? "" : String(a));

export interface ExplainOptions {
  readonly lang?: Lang;
  /** The call as the user typed it (the CLI's words), echoed instead of the formula SUBSIDY.NAME(args). */
  readonly typed?: string;
}

/** EXPLAIN(functionName, args…): the clauses considered, the arithmetic, the binding cap, flags. */
export function explain(functionName: unknown, rawArgs: readonly unknown[], options: ExplainOptions = {}): Scalar {
  try {
    const name = functionKey(cellOf(functionName));
    if (!name || name === "EXPLAIN" || name === "CLAUSES" || name === "FORECAST") {
      return new CellError("#VALUE!", `functionName must be one of ${amountFunctions.join(", ")}, got ${shown(cellOf(functionName))}`);
    }
    if (rawArgs.some(Array.isArray)) return new CellError("#VALUE!", "EXPLAIN takes single values, not ranges");
    const args = rawArgs.map(cellOf);
    const wrong = arity(name, definitions[name], args);
    if (wrong) return wrong;
    const q = definitions[name].query(args as Cell[]);
    if (q instanceof CellError) return q;
    // Excel's text limit is kept by the formatter, which cuts at a line break in the reader's language.
    const call = options.typed ?? `SUBSIDY.${name}(${args.map(shownArg).join(", ")})`;
    const eng = engine();
    return formatExplanation({ call, evaluation: eng.evaluate(q), further: furtherAwards(eng, q) }, options.lang ?? "en-US");
  } catch (e) {
    return new CellError("#VALUE!", `unexpected input: ${(e as Error).message}`);
  }
}

/** CLAUSES([region], [topic]): the catalog as a table with a header row. */
export function clauses(rawWhere?: unknown, rawTopic?: unknown): Scalar | Scalar[][] {
  try {
    const [where, topic] = [cellOf(rawWhere), cellOf(rawTopic)];
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    const r = blank(where) ? undefined : region(where as Cell);
    if (r instanceof CellError) return r;
    const t = blank(topic) ? undefined : topics.find((x) => typeof topic === "string" && x.toLowerCase() === topic.trim().toLowerCase());
    if (!blank(topic) && !t) return new CellError("#VALUE!", `topic must be one of ${topics.join(", ")}, got ${shown(topic)}`);
    const rows = listClauses(engine().catalog, r, t).map(clauseRow);
    return fitCells([[...clauseColumns], ...rows]);
  } catch (e) {
    return new CellError("#VALUE!", `unexpected input: ${(e as Error).message}`);
  }
}

/**
 * A cell recalculates on every edit of what it reads, in the runtime the task pane shares, so a
 * cell's forecast is bounded: at most CELL_DRAWS draws (the scenario schema's 100,000 stays for
 * the CLI) and CELL_BUDGET_MS of work, past which it answers #N/A saying so.
 */
export const CELL_DRAWS = 10_000;
export const CELL_BUDGET_MS = 1_000;

/** FORECAST(inputs): the year table of the scenario in an Inputs range, header row first. */
export function forecastCells(inputs: unknown, view?: unknown, budgetMs = CELL_BUDGET_MS): Scalar | Scalar[][] {
  if (!Array.isArray(inputs) || !inputs.every(Array.isArray)) {
    return new CellError("#VALUE!", "inputs must be the Inputs table: a range whose first row is the header");
  }
  const v = cellOf(view);
  const wanted = v === undefined || v === null || v === "" ? "entitled" : typeof v === "string" ? parseView(v) : undefined;
  if (wanted === undefined) return new CellError("#VALUE!", `view must be one of ${viewCodes.join(", ")} (or 应享, 现金, 损益, 递延收益, 税, 税后)`);
  try {
    // A cell Excel hands over as an object: its basicValue, or, for any other object, the text
    // of Excel's own #VALUE!, which the Inputs parser then refuses at its row.
    const plain = (v: unknown): InputCell => {
      const c = cellOf(v);
      return typeof c === "object" && c !== null ? "#VALUE!" : (c as InputCell);
    };
    const s = scenarioFromInputs(inputs.map((row: unknown[]) => row.map(plain)));
    const bounds = { draws: Math.min(s.simulation.draws, CELL_DRAWS), deadline: Date.now() + budgetMs };
    const { header, rows } = wanted === "entitled" ? forecastTable(forecast(s, bounds)) : accountsTable(accountedForecast(s, bounds, engine(), [wanted]).accounts, wanted);
    return fitCells([header, ...rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))]);
  } catch (e) {
    if (e instanceof ForecastTimeout) {
      return new CellError(
        "#N/A",
        `FORECAST stopped after ${(budgetMs / 1000).toFixed(1)} s so as not to freeze the workbook: fewer Inputs rows or draws would fit, or run "subsidy forecast" on the scenario, which has no time limit`,
      );
    }
    if (e instanceof ScenarioError) return new CellError("#VALUE!", e.problems.slice(0, 3).join("; "));
    return new CellError("#VALUE!", `unexpected input: ${(e as Error).message}`);
  }
}

/** Chinese Excel's names for the functions (注册证 → REGISTRATION), from the zh-CN metadata table. */
const zhNames = new Map(
  Object.entries(zhCn)
    .filter(([id]) => !id.startsWith("$"))
    .map(([id, entry]) => [(entry as { name: string }).name, id]),
);

/** A function name as a user writes it: any case, with or without the namespace, English or Chinese. */
export function functionKey(name: unknown): AmountFunction | "EXPLAIN" | "CLAUSES" | "FORECAST" | undefined {
  if (typeof name !== "string") return undefined;
  const bare = name.trim().replace(/^(SUBSIDY|政策补贴)\./i, "");
  const key = zhNames.get(bare) ?? bare.toUpperCase();
  if (key === "EXPLAIN" || key === "CLAUSES" || key === "FORECAST") return key;
  return key in definitions ? (key as AmountFunction) : undefined;
}

/** Any SUBSIDY function by name, as the CLI calls it; `options` reach EXPLAIN. */
export function call(name: string, args: readonly unknown[], options: ExplainOptions = {}): CellResult {
  const key = functionKey(name);
  if (key === undefined) return new CellError("#VALUE!", `unknown function ${name}; try ${[...amountFunctions, "EXPLAIN", "CLAUSES", "FORECAST"].join(", ")}`);
  if (key === "EXPLAIN") return explain(args[0], args.slice(1), options);
  if (key === "FORECAST") return args.length === 1 || args.length === 2 ? forecastCells(args[0], args[1]) : new CellError("#VALUE!", "FORECAST(inputs, [view]) takes a range and at most a view");
  if (key === "CLAUSES") return args.length > 2 ? new CellError("#VALUE!", "CLAUSES([region], [topic]) takes at most 2 arguments") : clauses(args[0], args[1]);
  return callAmount(key, args);
}
