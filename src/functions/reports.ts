import {
  accountedForecast,
  accountsTable,
  engine,
  forecast,
  forecastTable,
  ForecastTimeout,
  formatExplanation,
  furtherAwards,
  langOf,
  parseView,
  readerClauses,
  readerTable,
  scenarioFromInputs,
  ScenarioError,
  toNumber,
  topics,
  viewCodes,
  type InputCell,
  type Lang,
} from "../engine";
import { cellOf, CellError, fitCells, type Cell, type CellResult, type Scalar } from "./cells";
import { region } from "./coerce";
import { amountFunctions, arity, callAmount, definitions, type AmountFunction } from "./subsidy";
import { functionName, messages, parameterName } from "./words";
import { zhNames as zhTable } from "./zh-names";
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
export function explain(fn: unknown, rawArgs: readonly unknown[], options: ExplainOptions = {}): Scalar {
  const lang = options.lang ?? "en-US";
  const say = messages[lang];
  try {
    const name = functionKey(cellOf(fn));
    if (!name || name === "EXPLAIN" || name === "CLAUSES" || name === "FORECAST") {
      return new CellError("#VALUE!", say.functionName(parameterName("EXPLAIN", "functionName", lang), amountFunctions.map((f) => functionName(f, lang)), cellOf(fn)));
    }
    if (rawArgs.some(Array.isArray)) return new CellError("#VALUE!", say.explainRanges(functionName("EXPLAIN", lang)));
    const args = rawArgs.map(cellOf);
    const wrong = arity(name, definitions[name], args, lang);
    if (wrong) return wrong;
    const q = definitions[name].query(args as Cell[], { fn: name, lang });
    if (q instanceof CellError) return q;
    // Excel's text limit is kept by the formatter, which cuts at a line break in the reader's language.
    const call = options.typed ?? `SUBSIDY.${name}(${args.map(shownArg).join(", ")})`;
    const eng = engine();
    return formatExplanation({ call, evaluation: eng.evaluate(q), further: furtherAwards(eng, q) }, lang);
  } catch (e) {
    return new CellError("#VALUE!", say.unexpected((e as Error).message));
  }
}

/**
 * The language of a table's words: its `language` argument if given ("zh-CN", "en-US", 中文,
 * 英文, or any tag Office or a browser writes), else Office's display language. A workbook
 * shared between a Chinese and an English Excel can fix it, so the spill reads the same for both.
 */
function tableLang(language: unknown, display: Lang, name: string): Lang | CellError {
  const v = cellOf(language);
  if (v === null || v === undefined || v === "") return display;
  const t = typeof v === "string" ? v.trim() : undefined;
  const lang = t === undefined ? undefined : Object.prototype.hasOwnProperty.call(spokenLangs, t) ? spokenLangs[t] : langOf(t);
  return lang ?? new CellError("#VALUE!", messages[display].language(parameterName(name, "language", display), v));
}
const spokenLangs: Readonly<Record<string, Lang>> = { 中文: "zh-CN", 简体中文: "zh-CN", 英文: "en-US", 英语: "en-US", Chinese: "zh-CN", English: "en-US" };

/** CLAUSES([region], [topic], [language]): the catalog as a table with a header row, in the reader's words. */
export function clauses(rawWhere?: unknown, rawTopic?: unknown, language?: unknown, display: Lang = "en-US"): Scalar | Scalar[][] {
  try {
    const lang = tableLang(language, display, "CLAUSES");
    if (lang instanceof CellError) return lang;
    const [where, topic] = [cellOf(rawWhere), cellOf(rawTopic)];
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    const r = blank(where) ? undefined : region({ fn: "CLAUSES", lang }, where as Cell);
    if (r instanceof CellError) return r;
    const t = blank(topic) ? undefined : topics.find((x) => typeof topic === "string" && x.toLowerCase() === topic.trim().toLowerCase());
    if (!blank(topic) && !t) return new CellError("#VALUE!", messages[lang].topic(parameterName("CLAUSES", "topic", lang), topics, topic));
    return fitCells(readerClauses(engine().catalog, lang, r, t));
  } catch (e) {
    return new CellError("#VALUE!", messages[display].unexpected((e as Error).message));
  }
}

/**
 * A cell recalculates on every edit of what it reads, in the runtime the task pane shares, so a
 * cell's forecast is bounded: at most CELL_DRAWS draws (the scenario schema's 100,000 stays for
 * the CLI) and CELL_BUDGET_MS of work, past which it answers #N/A saying so.
 */
export const CELL_DRAWS = 10_000;
export const CELL_BUDGET_MS = 1_000;

export interface ForecastOptions {
  /** Office's display language, for the words when no `language` is given. */
  readonly display?: Lang;
  readonly budgetMs?: number;
}

/** FORECAST(inputs, [view], [language]): the year table of the scenario in an Inputs range, header row first. */
export function forecastCells(inputs: unknown, view?: unknown, language?: unknown, options: ForecastOptions = {}): Scalar | Scalar[][] {
  const { display = "en-US", budgetMs = CELL_BUDGET_MS } = options;
  const lang = tableLang(language, display, "FORECAST");
  if (lang instanceof CellError) return lang;
  const say = messages[lang];
  if (!Array.isArray(inputs) || !inputs.every(Array.isArray)) return new CellError("#VALUE!", say.inputs(parameterName("FORECAST", "inputs", lang)));
  const v = cellOf(view);
  const wanted = v === undefined || v === null || v === "" ? "entitled" : typeof v === "string" ? parseView(v) : undefined;
  if (wanted === undefined) return new CellError("#VALUE!", say.view(parameterName("FORECAST", "view", lang), viewCodes));
  try {
    // A cell Excel hands over as an object: its basicValue, or, for any other object, the text
    // of Excel's own #VALUE!, which the Inputs parser then refuses at its row.
    const plain = (v: unknown): InputCell => {
      const c = cellOf(v);
      return typeof c === "object" && c !== null ? "#VALUE!" : (c as InputCell);
    };
    const s = scenarioFromInputs(inputs.map((row: unknown[]) => row.map(plain)));
    const bounds = { draws: Math.min(s.simulation.draws, CELL_DRAWS), deadline: Date.now() + budgetMs };
    const eng = engine();
    const table = wanted === "entitled" ? forecastTable(forecast(s, bounds)) : accountsTable(accountedForecast(s, bounds, eng, [wanted]).accounts, wanted, lang);
    const { header, rows } = readerTable(table, lang, eng.catalog.documents);
    return fitCells([header, ...rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))]);
  } catch (e) {
    if (e instanceof ForecastTimeout) return new CellError("#N/A", say.stopped(functionName("FORECAST", lang), (budgetMs / 1000).toFixed(1)));
    if (e instanceof ScenarioError) return new CellError("#VALUE!", e.problemsIn(lang).slice(0, 3).join(lang === "zh-CN" ? "；" : "; "));
    return new CellError("#VALUE!", say.unexpected((e as Error).message));
  }
}

/** Chinese Excel's names for the functions (注册证 → REGISTRATION), from the zh-CN metadata table. */
const zhNames = new Map(Object.entries(zhTable).map(([id, entry]) => [entry.name, id]));

/** A function name as a user writes it: any case, with or without the namespace, English or Chinese. */
export function functionKey(name: unknown): AmountFunction | "EXPLAIN" | "CLAUSES" | "FORECAST" | undefined {
  if (typeof name !== "string") return undefined;
  const bare = name.trim().replace(/^(SUBSIDY|政策补贴)\./i, "");
  const key = zhNames.get(bare) ?? formerNames.get(bare.toUpperCase()) ?? bare.toUpperCase();
  if (key === "EXPLAIN" || key === "CLAUSES" || key === "FORECAST") return key;
  return key in definitions ? (key as AmountFunction) : undefined;
}

/** Any SUBSIDY function by name, as the CLI calls it; `options.lang` is the language of every word. */
export function call(name: string, args: readonly unknown[], options: ExplainOptions = {}): CellResult {
  const lang = options.lang ?? "en-US";
  const key = functionKey(name);
  const say = messages[lang];
  const signature = (id: string, params: readonly string[], required: number) =>
    `${functionName(id, lang)}(${params.map((p, i) => (i < required ? parameterName(id, p, lang) : `[${parameterName(id, p, lang)}]`)).join(", ")})`;
  if (key === undefined) return new CellError("#VALUE!", say.unknownFunction(name, [...amountFunctions, "EXPLAIN", "CLAUSES", "FORECAST"]));
  if (key === "EXPLAIN") return explain(args[0], args.slice(1), options);
  if (key === "FORECAST") {
    return args.length >= 1 && args.length <= 3
      ? forecastCells(args[0], args[1], args[2], { display: lang })
      : new CellError("#VALUE!", say.arity(signature("FORECAST", ["inputs", "view", "language"], 1), 1, 3, args.length));
  }
  if (key === "CLAUSES") {
    return args.length > 3 ? new CellError("#VALUE!", say.arity(signature("CLAUSES", ["region", "topic", "language"], 0), 0, 3, args.length)) : clauses(args[0], args[1], args[2], lang);
  }
  return callAmount(key, args, lang);
}
