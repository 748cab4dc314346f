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
  scenarioFromInputs,
  ScenarioError,
  shown,
  toNumber,
  topics,
  viewCodes,
  type InputCell,
  type Lang,
} from "../engine";
import { cellOf, CellError, fitCells, type Cell, type CellResult, type Scalar } from "./cells";
import { region } from "./coerce";
import { amountFunctions, arity, callAmount, definitions, type AmountFunction } from "./subsidy";
import zhCn from "./zh-cn.json";
import { formerNames } from "../workbook/formula";

/*
 * EXPLAIN, CLAUSES and FORECAST without Excel, and `call`, any SUBSIDY function by name (the
 * CLI's door). They need the whole engine and the catalog's texts, which functions.js loads on
 * the first call of one of them (loaded.ts); the amount functions are subsidy.ts's.
 */

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
  const key = zhNames.get(bare) ?? formerNames.get(bare.toUpperCase()) ?? bare.toUpperCase();
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
