import type { Lang } from "../explain/trace";
import { readAmountText } from "./amount-text";
import { AMOUNT_LIMIT, Decimal } from "./money";

/**
 * The one gate every amount passes on its way into the engine: a function argument, an Inputs
 * cell, a scenario file's field, a wizard field, a fact of an `other` event. An amount is
 *
 *   - a number, or a numeric text ("5000000", "5e6", " 12.5 "), or an amount as typed
 *     ("500万", "1.5亿", "１，５００万", "¥600,000": amount-text.ts's one grammar, which the task
 *     pane reads with too), never a flag or an object;
 *   - finite and ≥ 0 (−0 is 0);
 *   - at most 10^15 of its unit (yuan; m² for an area): a thousand 万亿, far above any
 *     enterprise's figures, and the magnitude below which Excel's doubles still hold whole yuan;
 *   - at most 20 significant digits and 20 decimal places, which covers every double Excel can
 *     hand over (≤ 17 digits) and an exact text such as "1234567.891"; within these bounds a
 *     sum of 10^4 amounts stays exact in decimal.js's 40 digits, and no amount prints longer
 *     than 37 characters, so "1e-10000000" or a 30-digit text is refused rather than computed.
 */
export { AMOUNT_LIMIT };
/** The same bound as a number, exact in binary (10^15 < 2^53), for the whole-number fast path. */
const AMOUNT_LIMIT_NUMBER = 1e15;
export const AMOUNT_DIGITS = 20;
export const AMOUNT_PLACES = 20;

/** A numeric text, at most this long before it is even read (a 20-digit figure with its signs fits). */
const TEXT_LENGTH = 64;
const numeric = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export type AmountProblem =
  | { readonly code: "required" }
  | { readonly code: "notAmount"; readonly got: string }
  | { readonly code: "notFinite"; readonly got: string }
  | { readonly code: "negative"; readonly got: string }
  | { readonly code: "tooLarge"; readonly got: string }
  | { readonly code: "tooPrecise"; readonly got: string };

/**
 * What checkAmount answers when it refuses: an object with a code, which no Decimal has. Read as
 * a property rather than `instanceof Decimal`, which V8 cannot inline for decimal.js's
 * constructors (their prototype is assigned, and shared by every clone) and which every cell paid.
 */
export const isAmountProblem = (x: unknown): x is AmountProblem => typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string";

/** What shown() says of a value that is not a plain one, by language. */
const described: Readonly<Record<string, string>> = { "an empty value": "空值", "a range": "区域", "an object": "对象", Infinity: "无穷大", "-Infinity": "负无穷大", NaN: "非数值" };

/** What shown() gave, in `lang`: a value as it is, a description ("an object") in that language's words. */
export const shownIn = (got: string, lang: Lang): string => (lang === "zh-CN" ? (described[got] ?? got) : got);

/** A value as a message may show it: short, printable, never the whole of a huge text. */
export function shown(v: unknown, lang: Lang = "en-US"): string {
  if (lang !== "en-US") return shownIn(shown(v), lang);
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "an empty value";
  if (typeof v === "string") {
    // eslint-disable-next-line no-control-regex
    const clean = v.replace(/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, "?");
    return `"${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}"`;
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  if (typeof v === "object") return Array.isArray(v) ? "a range" : "an object";
  return typeof v;
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The amount, or why it is not one. Never throws, and never does work beyond the bounds. */
export function checkAmount(v: unknown): Decimal | AmountProblem {
  if (isBlank(v)) return { code: "required" };
  let d: Decimal;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { code: "notFinite", got: shown(v) };
    // What Excel passes nearly always, a whole number of yuan within the bound, meets every test
    // below as it stands (at most 16 digits, no places): the per-call path skips them.
    if (Number.isSafeInteger(v) && v >= 0 && v <= AMOUNT_LIMIT_NUMBER) return new Decimal(v === 0 ? 0 : v);
    d = new Decimal(v === 0 ? 0 : v);
  } else if (typeof v === "string" && v.length <= TEXT_LENGTH && numeric.test(v.trim())) {
    const text = v.trim();
    d = new Decimal(text);
    if (!d.isFinite()) return { code: "tooLarge", got: shown(v) };
    // An exponent beyond decimal.js's range reads as 0: a non-zero text is not 0 yuan.
    if (d.isZero() && /[1-9]/.test(text.split(/e/i)[0])) return { code: "tooPrecise", got: shown(v) };
    if (d.isZero()) d = new Decimal(0); // "-0" is 0 yuan
  } else if (typeof v === "string" && v.length <= TEXT_LENGTH) {
    const read = readAmountText(v);
    if (!read.ok) return { code: read.problem === "negative" ? "negative" : "notAmount", got: shown(v) };
    d = read.yuan;
  } else if (v instanceof Decimal) {
    if (!v.isFinite()) return { code: "notFinite", got: shown(v.toString()) };
    d = v.isZero() ? new Decimal(0) : v;
  } else {
    return { code: "notAmount", got: shown(v) };
  }
  if (d.isNegative()) return { code: "negative", got: shown(v) };
  // decimal.js keeps the exponent as a number: these tests cost nothing for 1e-10000000.
  if (d.gt(AMOUNT_LIMIT)) return { code: "tooLarge", got: shown(v) };
  if (d.sd() > AMOUNT_DIGITS || d.decimalPlaces() > AMOUNT_PLACES) return { code: "tooPrecise", got: shown(v) };
  return d;
}

const unitWords: Record<string, { "en-US": string; "zh-CN": string }> = {
  yuan: { "en-US": "yuan", "zh-CN": "元" },
  "m²": { "en-US": "m²", "zh-CN": "平方米" },
  USD: { "en-US": "US dollars", "zh-CN": "美元" },
  projects: { "en-US": "projects", "zh-CN": "个项目" },
};

/** What an amount in yuan may be typed as, for the message that refuses one. */
const examples = (unit: string, lang: Lang) =>
  unit !== "yuan" ? "" : lang === "zh-CN" ? "，如 5000000、500万、1.5亿 或 １５００万" : ` such as 5000000, "500万" or "1.5亿"`;

/** What is wrong with an amount, as a phrase after the field's name ("must be ≥ 0 yuan, got -1"). */
export function amountProblemText(p: AmountProblem, unit: string, lang: Lang): string {
  const u = unitWords[unit]?.[lang] ?? unit;
  const of = u ? ` ${u}` : "";
  const got = "got" in p ? shownIn(p.got, lang) : "";
  if (lang === "zh-CN") {
    const was = got ? `（输入为 ${got}）` : "";
    switch (p.code) {
      case "required":
        return u ? `为必填项：以${u}计的数值` : "为必填项：数值";
      case "notAmount":
        return `应为${u ? `以${u}计的` : ""}数值${examples(unit, lang)}${was}`;
      case "notFinite":
        return `应为有限数值${was}`;
      case "negative":
        return `不能小于 0${of}${was}`;
      case "tooLarge":
        return `不能超过 10^15${of}${was}`;
      case "tooPrecise":
        return `最多 ${AMOUNT_DIGITS} 位有效数字、${AMOUNT_PLACES} 位小数${was}`;
    }
  }
  switch (p.code) {
    case "required":
      return u ? `is required: an amount in ${u}` : "is required: a number";
    case "notAmount":
      return `must be ${u ? `an amount in ${u}` : "a number"}${examples(unit, lang)}, got ${got}`;
    case "notFinite":
      return `must be a finite number, got ${got}`;
    case "negative":
      return `must be ≥ 0${of}, got ${got}`;
    case "tooLarge":
      return `must be at most 10^15${of}, got ${got}`;
    case "tooPrecise":
      return `must have at most ${AMOUNT_DIGITS} significant digits and ${AMOUNT_PLACES} decimal places, got ${got}`;
  }
}
