import { amountProblemText, pathwayList, shown, type AmountProblem, type Lang } from "../engine/core";
import { zhNames as zh } from "./zh-names";

/**
 * Every word a SUBSIDY cell can show, per language: the messages of #VALUE!, #NUM! and #N/A,
 * and the names of functions and parameters in them. A parameter is named as Excel's Insert
 * Function dialog shows it in that language: in en-US the metadata's own name (the JSDoc's, as
 * functions.json has it: rdCost), in zh-CN the translation table's (zh-cn.json: 研发投入, by zh-names.ts), so a
 * message points at the very box the user filled in. Nothing user-visible in src/functions is
 * written outside this file and the engine's formatters.
 */

/** A function's name as Excel shows it in `lang` (注册证 for REGISTRATION in zh-CN). */
export const functionName = (id: string, lang: Lang): string => (lang === "zh-CN" ? (zh[id]?.name ?? id) : id);

/** A parameter's name as the Insert Function dialog shows it in `lang`. */
export const parameterName = (id: string, parameter: string, lang: Lang): string =>
  lang === "zh-CN" ? (zh[id]?.parameters[parameter] ?? parameter) : parameter;

/** What a code argument accepts, by the argument's kind. */
export type Accepts = "deviceClass" | "pathway" | "drugClass" | "phase";

interface Messages {
  /** `name` followed by what is wrong with its amount. */
  amount(name: string, problem: AmountProblem, unit: "yuan" | "m²"): string;
  region(name: string, got: unknown): string;
  code(name: string, accepts: Accepts, got: unknown): string;
  year(name: string, got: unknown): string;
  arity(call: string, from: number, to: number, got: number): string;
  notRectangle: string;
  outsideRange: string;
  unexpected(why: string): string;
  /** Why a cell's value could not be read, when what was thrown says nothing. */
  notCell: string;
  functionName(name: string, names: readonly string[], got: unknown): string;
  explainRanges(explain: string): string;
  topic(name: string, topics: readonly string[], got: unknown): string;
  inputs(name: string): string;
  view(name: string, codes: readonly string[]): string;
  language(name: string, got: unknown): string;
  stopped(forecast: string, seconds: string): string;
  unknownFunction(name: string, names: readonly string[]): string;
  unloadable(why: string): string;
}

const chineseViews = "应享、现金、损益、递延收益、税、税后";
/** A space between Chinese and a figure that follows it, as Chinese typesetting has it (应为 1、2 或 3). */
const spaced = (text: string) => (/^[\dA-Za-z]/.test(text) ? ` ${text}` : text);

export const messages: Readonly<Record<Lang, Messages>> = {
  "en-US": {
    amount: (name, problem, unit) => `${name} ${amountProblemText(problem, unit, "en-US")}`,
    region: (name, got) => `${name} must be changping, beijing or shenzhen (昌平, 北京, 深圳) or another place as text, got ${shown(got)}`,
    code: (name, accepts, got) => `${name} must be ${acceptsText[accepts]["en-US"]}, got ${shown(got)}`,
    year: (name, got) => `${name} must be a calendar year such as 2026, got ${shown(got)}`,
    arity: (call, from, to, got) => `${call} takes ${from === to ? from : `${from}–${to}`} arguments, got ${got}`,
    notRectangle: "a range argument must be a non-empty rectangle of cells",
    outsideRange: "this cell is outside a smaller range argument",
    unexpected: (why) => `unexpected input: ${why}`,
    notCell: "not a cell value",
    functionName: (name, names, got) => `${name} must be one of ${names.join(", ")}, got ${shown(got)}`,
    explainRanges: (explain) => `${explain} takes single values, not ranges`,
    topic: (name, topics, got) => `${name} must be one of ${topics.join(", ")}, got ${shown(got)}`,
    inputs: (name) => `${name} must be the Inputs table: a range whose first row is the header`,
    view: (name, codes) => `${name} must be one of ${codes.join(", ")} (or ${chineseViews})`,
    language: (name, got) => `${name} must be "zh-CN" (Chinese, 中文) or "en-US" (English), got ${shown(got)}`,
    stopped: (forecast, seconds) =>
      `${forecast} stopped after ${seconds} s so as not to freeze the workbook: fewer Inputs rows or draws would fit, or run "subsidy forecast" on the scenario, which has no time limit`,
    unknownFunction: (name, names) => `unknown function ${shown(name)}; try ${names.join(", ")}`,
    unloadable: (why) => `the add-in's explanations and forecasts could not be loaded (${why}); recalculate to try again`,
  },
  "zh-CN": {
    amount: (name, problem, unit) => `${name}${amountProblemText(problem, unit, "zh-CN")}`,
    region: (name, got) => `${name}应为 changping、beijing 或 shenzhen（昌平、北京、深圳）或其他地名文字（输入为 ${shown(got, "zh-CN")}）`,
    code: (name, accepts, got) => `${name}应为${spaced(acceptsText[accepts]["zh-CN"])}（输入为 ${shown(got, "zh-CN")}）`,
    year: (name, got) => `${name}应为年份，如 2026（输入为 ${shown(got, "zh-CN")}）`,
    arity: (call, from, to, got) => `${call} 需要 ${from === to ? from : `${from}–${to}`} 个参数，实际为 ${got} 个`,
    notRectangle: "区域参数须为非空的矩形单元格区域",
    outsideRange: "此单元格超出了较小的区域参数",
    unexpected: (why) => `无法处理的输入：${why}`,
    notCell: "不是单元格的值",
    functionName: (name, names, got) => `${name}应为 ${names.join("、")} 之一（输入为 ${shown(got, "zh-CN")}）`,
    explainRanges: (explain) => `${explain} 的参数须为单个值，不能是区域`,
    topic: (name, topics, got) => `${name}应为 ${topics.join("、")} 之一（输入为 ${shown(got, "zh-CN")}）`,
    inputs: (name) => `${name}应为“输入”工作表：首行为表头的单元格区域`,
    view: (name, codes) => `${name}应为 ${chineseViews} 之一（或 ${codes.join("、")}）`,
    language: (name, got) => `${name}应为 "zh-CN"（中文）或 "en-US"（英文）（输入为 ${shown(got, "zh-CN")}）`,
    stopped: (forecast, seconds) =>
      `${forecast} 运行 ${seconds} 秒后已停止，以免工作簿卡住：减少“输入”工作表的行数或模拟次数即可完成，或对该方案运行 subsidy forecast（没有时间限制）`,
    unknownFunction: (name, names) => `没有名为 ${shown(name, "zh-CN")} 的函数；可用：${names.join("、")}`,
    unloadable: (why) => `无法加载本加载项的说明与预测部分（${why}）；重新计算即可再试`,
  },
};

const acceptsText: Readonly<Record<Accepts, Record<Lang, string>>> = {
  deviceClass: { "en-US": "1, 2 or 3 (I/II/III, 一类/二类/三类)", "zh-CN": "1、2 或 3（也可写 I/II/III、一类/二类/三类）" },
  pathway: {
    "en-US": pathwayList,
    "zh-CN": "常规、国家创新、国家优先、省级创新/市级创新、省级优先/市级优先 或 重大二类（也可写 standard、innovative、priority、provincial、provincial-priority、major）",
  },
  drugClass: { "en-US": "a drug registration class 1–5", "zh-CN": "药品注册分类 1–5" },
  phase: { "en-US": "1, 2 or 3 (I/II/III)", "zh-CN": "1、2 或 3（也可写 I/II/III、Ⅰ期/Ⅱ期/Ⅲ期）" },
};
