import { translate, type I18n, type Lang } from "../../src/taskpane/i18n";
import { emptyDraft, emptyEvent, validate, type Draft } from "../../src/taskpane/wizard/draft";
import { problemText } from "../../src/taskpane/wizard/messages";

/**
 * Issue 12, "Found" 1: the wizard's "Other catalog matter" took negative and mistyped facts and
 * showed a negative total. The engine's one input layer refuses them at the Facts field, and
 * out-of-bound amounts at their own field, in the pane's language.
 */

const i18n = (lang: Lang): I18n => ({ lang, t: (key, params) => translate(lang, key, params) });
const messages = (d: Draft, lang: Lang) => Object.fromEntries([...validate(d).problems].map(([path, p]) => [path, problemText(p, i18n(lang))]));

const draftWith = (facts: string): Draft => {
  const d = emptyDraft(2026);
  return { ...d, events: [{ ...emptyEvent("other", "2028"), topic: "registration", facts }] };
};

test.each([
  ["deviceClass=3; pathway=innovative; rdCost=-40000000", 'Fact "rdCost" (R&D cost of the certified product) must be ≥ 0 yuan, got "-40000000".', "事实“rdCost”（取证产品研发投入）不能小于 0 元（输入为 \"-40000000\"）。"],
  // The refusal says what is accepted (issue 21), typed the Chinese way too.
  ["deviceClass=3; rdCost=yes", 'Fact "rdCost" (R&D cost of the certified product) must be an amount in yuan such as 5000000, "500万" or "1.5亿", got TRUE.', "事实“rdCost”（取证产品研发投入）应为以元计的数值，如 5000000、500万、1.5亿 或 １５００万（输入为 TRUE）。"],
  ["deviceClass=3; rdCost=1e-10000000", 'Fact "rdCost" (R&D cost of the certified product) must have at most 20 significant digits and 20 decimal places, got "1e-10000000".', "事实“rdCost”（取证产品研发投入）最多 20 位有效数字、20 位小数（输入为 \"1e-10000000\"）。"],
])("Facts %s: refused at the Facts field, in English and Chinese", (facts, en, zh) => {
  expect(validate(draftWith(facts)).scenario).toBeUndefined();
  expect(messages(draftWith(facts), "en-US")["events.0.facts"]).toBe(en);
  expect(messages(draftWith(facts), "zh-CN")["events.0.facts"]).toBe(zh);
});

test("an amount beyond 10^15 yuan is refused at its field, in both languages", () => {
  const d = emptyDraft(2026);
  const cert = { ...emptyEvent("certificate", "2027"), product: "X", class: "3", rdCost: "2000000000000000" };
  const draft = { ...d, events: [cert] } as Draft;
  expect(messages(draft, "en-US")["events.0.rdCost"]).toBe('Must be at most 10^15 yuan, got "2000000000000000".');
  expect(messages(draft, "zh-CN")["events.0.rdCost"]).toBe("不能超过 10^15 元（输入为 \"2000000000000000\"）。");
});
