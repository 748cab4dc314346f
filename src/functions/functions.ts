import { langOf, type Lang } from "../engine/core";
import { CellError, type CellResult, type Scalar } from "./cells";
import { whenLoaded } from "./loaded";
import { afterPacks, withPacks } from "./packs";
import { callAmount, definitions, type AmountFunction } from "./subsidy";
import { messages } from "./words";

/*
 * The SUBSIDY functions as Excel registers them. Each is a door onto src/functions/subsidy.ts or
 * reports.ts (the same implementations the CLI calls): it passes Excel's arguments through and
 * turns the answer into what Excel expects. Nothing is computed here.
 *
 * The nine amount functions answer at once from functions.js itself. EXPLAIN, CLAUSES and
 * FORECAST need the rest of the engine, loaded on the first call of one of them (loaded.ts):
 * that first call returns a Promise of its answer, later ones the answer itself. Their return
 * type is written in the JSDoc (@returns {…}), which the metadata generator reads, since it takes
 * a TypeScript union (T | Promise<T>) for a scalar of any type.
 *
 * The JSDoc blocks are what Excel's Insert Function dialog shows; the build turns them into
 * dist/functions.json (custom-functions-metadata-plugin), appends the CustomFunctions.associate
 * calls, and translates them into dist/functions-zh-cn.json (src/functions/zh-cn.json).
 *
 * Amount arguments are declared any[][]: Excel then hands over a single value as [[value]] and
 * a range as its rows, and callAmount lifts over them, so one formula can fill a whole column.
 * Optional arguments left out arrive as null.
 */

/** An engine error as the Excel error value it stands for, keeping its message. */
function excelError(e: CellError): CustomFunctions.Error {
  const code = {
    "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
    "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
    "#N/A": CustomFunctions.ErrorCode.notAvailable,
  }[e.code];
  return new CustomFunctions.Error(code, e.message);
}

/**
 * The language of every word a cell shows (EXPLAIN's text, CLAUSES' and FORECAST's headers and
 * labels, every error's message): Office's display language (Office.context.displayLanguage, "the
 * locale specified by the user for the UI of the Office application",
 * learn.microsoft.com/javascript/api/office/office.context), passed to the engine as a plain code.
 * The manifest's shared runtime loads Office.js beside the functions; where Office is absent (a
 * JavaScript-only runtime, the vm tests) or not ready, en-US.
 */
function displayLanguage(): Lang {
  const office = typeof Office === "undefined" ? undefined : Office;
  return langOf(office?.context?.displayLanguage) ?? "en-US";
}

/** What a function that needs the rest of the engine answers when it cannot be loaded, in Office's language. */
function unloadable(e: unknown): CellError {
  return new CellError("#N/A", messages[displayLanguage()].unloadable(e instanceof Error ? e.message : String(e)));
}

/** An amount function's cells, its messages in Office's language. */
const amounts = (name: AmountFunction, args: readonly unknown[]) => withPacks(args[definitions[name].params.indexOf("region")], () => grid(callAmount(name, args, displayLanguage())));

/** For a function that returns a matrix: always 2-D, each error in its own cell. */
function grid(result: CellResult): unknown[][] {
  const rows = Array.isArray(result) ? result : [[result]];
  return rows.map((row) => row.map((cell) => (cell instanceof CellError ? excelError(cell) : cell)));
}

/** For a function that returns one value: the value, or the error thrown as Excel expects it. */
function single(result: Scalar): number | string {
  if (result instanceof CellError) throw excelError(result);
  return result;
}

/**
 * Support for a medical device registration certificate (注册证), in yuan: the most the region's
 * policies allow for one certificate. Accepts ranges and spills one result per row.
 * @customfunction
 * @param deviceClass Device class: 1, 2 or 3 (also I/II/III, 一类/二类/三类). Class 1 is a filing and gets 0.
 * @param rdCost R&D cost of the product, in yuan (元): 5000000, or as typed in Chinese, "500万" or "1.5亿" (1万 = 10000).
 * @param region Where the company is: "changping" (Changping District), "beijing" (elsewhere in Beijing) or "shenzhen". 昌平/北京/深圳 also work.
 * @param [pathway] How it was approved: "standard" (default), "innovative" (national innovative special review), "priority" (national priority review), "provincial" (the province's or city's innovative special review), "provincial-priority" (its priority approval) or "major" (a recognised major class II product, Changping).
 * @param [year] Year of approval, e.g. 2026: a policy not in force that year gives nothing. Leave out to ignore validity dates.
 * @returns {any[][]} Support in yuan.
 */
export function registration(deviceClass: any[][], rdCost: any[][], region: any[][], pathway?: any[][], year?: any[][]) {
  return amounts("REGISTRATION", [deviceClass, rdCost, region, pathway, year]);
}

/**
 * R&D input support (研发投入), in yuan, from last year's revenue and R&D spending (Changping device measures, art. 3(1)).
 * @customfunction
 * @param revenueLastYear Revenue last year, in yuan.
 * @param rdLastYear R&D spending last year, in yuan.
 * @param rdYearBefore R&D spending the year before last, in yuan.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Support in yuan.
 */
// Named RD in earlier versions: Microsoft requires a custom function's id and name to have at
// least three characters (DESIGN.md); src/workbook/formula.ts maps older workbooks' cells.
export function research(revenueLastYear: any[][], rdLastYear: any[][], rdYearBefore: any[][], region: any[][]) {
  return amounts("RESEARCH", [revenueLastYear, rdLastYear, rdYearBefore, region]);
}

/**
 * Award when one product's annual output first passes a milestone (单品种年产值首次突破), in yuan.
 * @customfunction
 * @param outputThisYear The product's output value this year, in yuan.
 * @param bestOutputBefore Its highest annual output value in any earlier year, in yuan (0 if none).
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Award in yuan.
 */
export function scaleUp(outputThisYear: any[][], bestOutputBefore: any[][], region: any[][]) {
  return amounts("SCALEUP", [outputThisYear, bestOutputBefore, region]);
}

/**
 * Award when main-business revenue first reaches 500 million yuan (主营业务收入首次突破), in yuan.
 * @customfunction
 * @param revenueThisYear Main-business revenue this year, in yuan.
 * @param bestRevenueBefore The highest revenue of any earlier year, in yuan (0 if none).
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Award in yuan.
 */
export function revenue(revenueThisYear: any[][], bestRevenueBefore: any[][], region: any[][]) {
  return amounts("REVENUE", [revenueThisYear, bestRevenueBefore, region]);
}

/**
 * Award for a product's first win in volume-based procurement (带量采购首次中标), in yuan.
 * @customfunction
 * @param bidValue Value of the winning bid, in yuan.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Award in yuan.
 */
export function vbp(bidValue: any[][], region: any[][]) {
  return amounts("VBP", [bidValue, region]);
}

/**
 * Support for first-of-its-kind equipment (首台（套）), in yuan, from this year's sales of it.
 * @customfunction
 * @param salesThisYear Sales of the first-of-its-kind equipment this year, in yuan.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Support in yuan.
 */
export function firstSet(salesThisYear: any[][], region: any[][]) {
  return amounts("FIRSTSET", [salesThisYear, region]);
}

/**
 * Premium subsidy for clinical-trial or product liability insurance, per policy, in yuan.
 * @customfunction
 * @param premium Premium paid for the policy, in yuan.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Subsidy in yuan.
 */
export function insurance(premium: any[][], region: any[][]) {
  return amounts("INSURANCE", [premium, region]);
}

/**
 * Support for building or refitting a GMP plant (厂房), in yuan (Shenzhen: 40% of cost, at most 3,000 yuan per m² and 10 million).
 * @customfunction
 * @param cost Construction or refit cost, in yuan.
 * @param areaM2 Floor area of the plant, in square metres.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Support in yuan.
 */
export function facility(cost: any[][], areaM2: any[][], region: any[][]) {
  return amounts("FACILITY", [cost, areaM2, region]);
}

/**
 * Support for a new drug entering a clinical trial phase (新药临床试验), in yuan.
 * @customfunction
 * @param drugClass Drug registration class, 1 to 5 (e.g. 1 for an innovative drug, 1类).
 * @param phase Clinical trial phase entered: 1, 2 or 3 (I/II/III). Anything else is an error.
 * @param region Where the company is: "changping", "beijing" or "shenzhen".
 * @returns {any[][]} Support in yuan.
 */
export function clinical(drugClass: any[][], phase: any[][], region: any[][]) {
  return amounts("CLINICAL", [drugClass, phase, region]);
}

/**
 * Explains a SUBSIDY result in words, in Office's display language (English or Chinese): the clauses considered (document and article), the arithmetic, the cap that binds and flags such as draft or discretionary.
 * @customfunction
 * @param functionName The function to explain, e.g. "REGISTRATION" or "SUBSIDY.RESEARCH".
 * @param args The same arguments you give that function, one value each (not ranges).
 * @returns {string} The explanation, as text.
 */
export function explain(functionName: string, args: any[]) {
  return afterPacks(() => whenLoaded(
    (rest) => String(single(rest.explain(functionName, args ?? [], { lang: displayLanguage() }))),
    (e) => String(single(unloadable(e))),
  ));
}

/**
 * The policy clause catalog as a table with a header row: document, article, level, status, topic, the amount rule and the original sentence.
 * @customfunction
 * @param [region] Only clauses that reach a company in "changping", "beijing" or "shenzhen". Leave out for all.
 * @param [topic] Only one topic, e.g. "registration", "rd", "scaleup", "revenue", "vbp", "firstSet", "insurance", "facility", "clinical". Leave out for all.
 * @param [language] Language of the headers and words: "zh-CN" or "en-US". Leave out to follow Office's display language; give it in a workbook shared between Chinese and English Excel to keep the table the same for everyone.
 * @returns {any[][]} The clause table, spilled.
 */
export function clauses(region?: string, topic?: string, language?: string) {
  return afterPacks(() => whenLoaded(
    (rest) => grid(rest.clauses(region, topic, language, displayLanguage())),
    (e) => grid(unloadable(e)),
  ));
}

/**
 * Year-by-year forecast of the support for the scenario in an Inputs table (header row first), spilled as a table with one row per year: entitled, or as cash, profit or tax.
 * @customfunction
 * @param inputs The Inputs table with its header row: Item, Year, Product, Value, Class, Option, Area, Probability, Realisation, Label, Facts.
 * @param [view] "entitled" (default: the year the company becomes entitled), "cash" (the year it is received), "pl" (what reaches profit), "deferred" (deferred income at year end), "tax" (income tax on it) or "aftertax". The settings used are listed under the table.
 * @param [language] Language of the headers and labels: "zh-CN" or "en-US". Leave out to follow Office's display language; give it in a workbook shared between Chinese and English Excel to keep the table the same for everyone.
 * @returns {any[][]} The forecast table, spilled.
 */
export function forecast(inputs: any[][], view?: string, language?: string) {
  return afterPacks(() => whenLoaded(
    (rest) => grid(rest.forecastCells(inputs, view, language, { display: displayLanguage() })),
    (e) => grid(unloadable(e)),
  ));
}
