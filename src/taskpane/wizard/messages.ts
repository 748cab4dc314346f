import { amountProblemText, engine, factProblemText, regionProblemText, type AmountProblem, type FactProblem, type RegionProblem } from "../engine";
import type { I18n, MessageKey } from "../i18n";
import type { Problem } from "./draft";

const fieldMessages: Readonly<Record<string, MessageKey>> = {
  "year.negative": "error.year.negative",
  "year.fraction": "error.year.fraction",
  "year.notNumber": "error.year.notNumber",
  "percent.negative": "error.percent.negative",
  "percent.over": "error.percent.over",
  "percent.notNumber": "error.percent.notNumber",
  "amount.negative": "error.amount.negative",
  "amount.exponent": "error.amount.exponent",
  "amount.percent": "error.amount.percent",
  "amount.belowFen": "error.amount.belowFen",
  "amount.notAmount": "error.amount.notAmount",
  "amount.empty": "error.required",
  "facts.unknown": "error.facts.unknown",
};

const isShare = (path: string) => /(^|\.)(probability|realisation)$/.test(path);

/**
 * A schema problem in the pane's language. The engine's own words are kept where they were
 * written for a person (the amount message, "an amount in yuan, such as "5000000""); zod's
 * generic ones ("Too small: expected number to be >=1990") are said again by kind, with the
 * schema's limits, and the percentages the wizard shows in place of the schema's shares.
 */
/** A phrase as the pane's sentences are written: capital first, full stop last. */
const sentence = (phrase: string): string => phrase.charAt(0).toUpperCase() + phrase.slice(1) + (/[。.]$/.test(phrase) ? "" : /[\u4e00-\u9fff）]$/.test(phrase) ? "。" : ".");

export function problemText(p: Problem, { lang, t }: I18n): string {
  // The pane's own checks (checks.ts): one message per way a field is wrong.
  if (p.code in fieldMessages) return t(fieldMessages[p.code], { input: String(p.input ?? "") });
  switch (p.code) {
    case "invalid_type":
      // The region is chosen from a list in the pane, as the sector is.
      if (p.path === "enterprise.region") return t("error.choose");
      return /received undefined/.test(p.message) ? t("error.required") : t("error.number");
    case "too_small":
      if (isShare(p.path)) return t("error.percent");
      if (/string/.test(p.message)) return t("error.required");
      return t("error.min", { min: p.minimum ?? "" });
    case "too_big":
      if (isShare(p.path)) return t("error.percent");
      return t("error.max", { max: p.maximum ?? "" });
    case "invalid_format":
      if (/^issueDates\./.test(p.path)) return t("error.date");
      if (/^assumptions\./.test(p.path)) return t("error.decimal");
      // The schema's message for amounts, in English; said again in Chinese.
      return lang === "en-US" && !/^Invalid/.test(p.message) ? p.message : t("error.money");
    case "invalid_value":
      return t("error.choose");
    case "custom": {
      // The engine's own input checks, said by the engine in either language.
      if (p.params?.amount) return sentence(amountProblemText(p.params.amount as AmountProblem, String(p.params.unit ?? ""), lang));
      if (p.params?.region) return sentence(regionProblemText(p.params.region as RegionProblem, lang));
      if (typeof p.params?.fact === "string") return sentence(factProblemText(p.params.fact, p.params.problem as FactProblem, engine().catalog.facts, lang));
      if (/must not be before/.test(p.message)) return t("error.horizonOrder");
      if (/at most 30 years/.test(p.message)) return t("error.horizonLength");
      const twice = /^(\d+) appears twice/.exec(p.message);
      if (twice) return t("error.yearTwice", { year: twice[1] });
      return p.message;
    }
    default:
      return p.message;
  }
}
