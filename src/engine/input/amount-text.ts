import { AMOUNT_LIMIT, Decimal, formatYuan, WAN } from "./money";

/**
 * Amounts as people type and read them: "15000000", "15,000,000", "1,500万", "1.5亿", "1500万元",
 * and the same in full-width characters as a Chinese input method types them ("１５００万",
 * "１，５００万"). Parsed into yuan with Decimal (no float on the way). This is the one grammar of
 * a typed amount: the task pane reads its fields with parseAmountText, and checkAmount
 * (amounts.ts), the gate of a cell, the CLI, a scenario file and the Inputs table, reads any
 * text that is not a plain number with readAmountText. Each way a text can fail has its own
 * code, for a message that says what is wrong ("an amount cannot be negative", not "enter a number").
 */

/** 亿 is 10^8 yuan, as 万 is 10^4 (money.ts's WAN). */
export const YI = new Decimal(100000000);


/** Above this an amount is possible but unlikely for one enterprise (10^12 yuan): warned, not refused. */
export const AMOUNT_PLAUSIBLE_MAX = new Decimal("1e12");

export type AmountTextProblem =
  /** Nothing typed. */
  | "empty"
  /** "-5", "−5". */
  | "negative"
  /** "1e20": scientific notation. */
  | "exponent"
  /** "10%": a rate where an amount belongs. */
  | "percent"
  /** More than 10^15 yuan (amounts.ts's AMOUNT_LIMIT, the engine's one bound). */
  | "tooLarge"
  /** Finer than a fen (0.01 yuan) once the unit is applied. */
  | "belowFen"
  /** Anything else ("abc", "1.2.3"). */
  | "notAmount";

export type AmountText =
  | { readonly ok: true; readonly yuan: Decimal }
  /** `yuan`: for "tooLarge", the amount read, so the engine's bound (checkAmount) can say it. */
  | { readonly ok: false; readonly problem: AmountTextProblem; readonly yuan?: Decimal };

/** The units a reader chooses between; the factor to yuan. */
export type AmountUnit = "yuan" | "wan" | "yi";
export const amountUnits: Readonly<Record<AmountUnit, Decimal>> = { yuan: new Decimal(1), wan: WAN, yi: YI };

const suffixes: readonly [RegExp, Decimal][] = [
  [/(亿元|亿)$/, YI],
  [/(万元|万)$/, WAN],
  [/(元|yuan|rmb|cny)$/i, new Decimal(1)],
];

/** Spaces, thousands separators (ASCII, full-width, apostrophe, underscore) between digits. */
const separators = /[\s,，_'’\u00a0\u2009\u202f]/g;

/**
 * Full-width forms (U+FF01–FF5E: a Chinese input method's digits, point, signs and letters) as
 * their ASCII twins; the ideographic space as a space. ，is kept: the separators above read it.
 */
const fullWidth = /[\uff01-\uff0b\uff0d-\uff5e]/g;
const halfWidth = (t: string) => t.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");

/**
 * The grammar alone: a typed amount as yuan, with no bound on its size or places (each door
 * applies its own: parseAmountText a fen, checkAmount the engine's digits). `negative`,
 * `percent`, `exponent` and `notAmount` as parseAmountText says them.
 */
export function readAmountText(text: string): { readonly ok: true; readonly yuan: Decimal } | { readonly ok: false; readonly problem: AmountTextProblem } {
  let t = halfWidth(text).trim();
  if (t === "") return { ok: false, problem: "empty" };
  if (/^[-−–]/.test(t)) return { ok: false, problem: "negative" };
  if (/%|％|‰/.test(t)) return { ok: false, problem: "percent" };
  t = t.replace(/^[¥￥]/, "");
  let factor = new Decimal(1);
  for (const [suffix, f] of suffixes) {
    if (suffix.test(t)) {
      factor = f;
      t = t.replace(suffix, "").trim();
      break;
    }
  }
  t = t.replace(separators, "");
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return { ok: false, problem: "exponent" };
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, problem: "notAmount" };
  return { ok: true, yuan: new Decimal(t).times(factor) };
}

export function parseAmountText(text: string): AmountText {
  const read = readAmountText(text);
  if (!read.ok) return read;
  const { yuan } = read;
  if (yuan.gt(AMOUNT_LIMIT)) return { ok: false, problem: "tooLarge", yuan };
  if (yuan.decimalPlaces() > 2) return { ok: false, problem: "belowFen" };
  return { ok: true, yuan };
}

/** An amount in the chosen unit with separators: 16,400,000 元 → "1,640" 万元, "0.164" 亿元. */
export function formatAmountIn(yuan: Decimal, unit: AmountUnit): string {
  const scaled = yuan.dividedBy(amountUnits[unit]);
  // 万元 to one fen (4 places), 亿元 to one hundred yuan (6 places): nothing a reader needs is cut.
  const places = unit === "yuan" ? 2 : unit === "wan" ? 4 : 6;
  const rounded = scaled.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const text = formatYuan(rounded.abs());
  return rounded.isNegative() && !rounded.isZero() ? `−${text}` : text;
}

/** A difference with its sign always written: "+1,600,000", "−1,600,000", "0". */
export function formatSignedIn(yuan: Decimal, unit: AmountUnit): string {
  const text = formatAmountIn(yuan, unit);
  return yuan.gt(0) && text !== "0" ? `+${text}` : text;
}
