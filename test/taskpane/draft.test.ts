import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario, type Scenario } from "../../src/engine";
import { translate, type I18n, type Lang } from "../../src/taskpane/i18n";
import { emptyDraft, emptyEvent, emptyFinancial, fromScenario, groupDigits, moneyText, shareToPercent, toRaw, validate, type Draft } from "../../src/taskpane/wizard/draft";
import { problemText } from "../../src/taskpane/wizard/messages";

/*
 * The wizard's form state and the scenario schema: a draft becomes the scenario the engine
 * parses, and the schema's problems come back to the fields by path, in the pane's language.
 */

const example = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8")));
const i18n = (lang: Lang): I18n => ({ lang, t: (key, params) => translate(lang, key, params) });
const messages = (d: Draft, lang: Lang = "en-US") => Object.fromEntries([...validate(d).problems].map(([path, p]) => [path, problemText(p, i18n(lang))]));

test.each(["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json", "shenzhen-cfo-views.json"])("%s: scenario → wizard → the same scenario", (file) => {
  const s = example(file);
  const back = validate(fromScenario(s));
  expect(back.problems.size).toBe(0);
  expect(back.scenario).toEqual(s);
});

test("import then export keeps every accounting setting and each event's own useful life (issue 19)", () => {
  const raw = {
    ...JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8")),
    accounting: {
      paymentLag: { default: 2, documents: { "shenzhen-device": 1 }, clauses: { "shenzhen-device/3.frontier": 0 } },
      assetMethod: "net",
      usefulLife: { building: 30 },
      taxRate: "0.15",
      taxRates: { "2029": "0.25", "2030": "0.25" },
      superDeduction: "0.75",
      nonTaxable: ["shenzhen-device/3.frontier"],
      costYears: { "shenzhen-device/3.frontier": 2 },
    },
  };
  // What the pane's Export writes: the scenario the draft validates to, as JSON.
  const exported = JSON.parse(JSON.stringify(validate(fromScenario(parseScenario(raw))).scenario));
  expect(exported.accounting).toEqual(raw.accounting);
  expect(exported.events[0].usefulLife).toBe(20);
});

test("an asset's ready-for-use month and a recognition setting survive the wizard too", () => {
  const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
  raw.events[0].readyForUse = "2026-06";
  raw.accounting.recognition = { documents: { "shenzhen-device": "receivable" }, approvalYears: { "shenzhen-device/10.summit": 2028 } };
  const s = parseScenario(raw);
  expect(validate(fromScenario(s)).scenario).toEqual(s);
});

test("a clinical event stated not industrialised and an other matter's product survive the wizard (issue 18)", () => {
  const s = example("changping-drug-developer.json");
  const stated = { ...s, events: s.events.map((e) => (e.type === "clinical" && e.year === 2026 ? { ...e, industrialised: false } : e)) };
  const back = validate(fromScenario(stated));
  expect(back.problems.size).toBe(0);
  expect(back.scenario).toEqual(stated);
  expect(back.scenario!.events.find((e) => e.type === "other" && e.year === 2027)).toMatchObject({ product: "CX-101" });
});

test("typed the way people type: separators dropped, percentages moved to shares exactly", () => {
  const d = fromScenario(example("changping-device-startup.json"));
  const typed: Draft = {
    ...d,
    financials: d.financials.map((f) => ({ ...f, revenue: f.revenue.replace(/\B(?=(\d{3})+$)/g, ","), rd: ` ${f.rd} ` })),
    events: d.events.map((e) => (e.type === "certificate" ? { ...e, probability: "80 %", rdCost: "40,000,000" } : e)),
  };
  expect(moneyText("40,000,000")).toBe("40000000");
  const s = validate(typed).scenario!;
  expect(s).toEqual(example("changping-device-startup.json"));
  expect(forecast(s).total.expected.toFixed()).toBe(forecast(example("changping-device-startup.json")).total.expected.toFixed());
  expect(["0.07", "0.57", "0.8", "1"].map((x) => shareToPercent(Number(x)))).toEqual(["7", "57", "80", "100"]);
});

test("an empty wizard names every required field by its path", () => {
  const d = { ...emptyDraft(2026), financials: [emptyFinancial("2025")], events: [emptyEvent("certificate", "2027")] };
  expect(messages(d)).toEqual({
    name: "Required.",
    "enterprise.region": "Choose one of the options.",
    "enterprise.sector": "Choose one of the options.",
    "events.0.product": "Required.",
    "events.0.class": "Choose one of the options.",
    "events.0.rdCost": "Required.",
  });
});

test("wrong values: one message for each way a field is wrong (issue 11), the schema's limits for the rest", () => {
  const base = fromScenario(example("changping-device-startup.json"));
  const d: Draft = {
    ...base,
    from: "1980",
    to: "2026.5",
    defaultProbability: "-10%",
    financials: [{ ...base.financials[0], revenue: "1e20", rd: "200万" }, { ...base.financials[1], revenue: "-5" }, ...base.financials.slice(2)],
    events: base.events.map((e, i) => (i === 6 ? { ...e, rdCost: "12%", probability: "120", year: "20x8" } : e)),
  };
  expect(messages(d)).toEqual({
    "horizon.from": "Must be at least 1990.",
    "horizon.to": "A year is a whole number (2026.5 is not).",
    "defaults.probability": "A percentage cannot be negative.",
    "financials.0.revenue": "Write the amount in digits or with 万 / 亿 (1.5亿), not as a power of ten.",
    // 200万 is 2,000,000 yuan: accepted.
    "financials.1.revenue": "An amount cannot be negative.",
    "events.6.rdCost": "An amount here, not a percentage.",
    "events.6.probability": "At most 100%.",
    "events.6.year": "A year such as 2027.",
  });
  expect(messages({ ...base, financials: [{ ...base.financials[0], revenue: "100000000000000000000" }] })).toEqual({
    "financials.0.revenue": 'Must be at most 10^15 yuan, got "100000000000000000000".', // the engine's bound, amounts.ts
  });
  expect(messages(d, "zh-CN")).toMatchObject({
    "horizon.from": "不能小于 1990。",
    "horizon.to": "年份须为整数（2026.5 不是）。",
    "defaults.probability": "百分比不能为负数。",
    "financials.1.revenue": "金额不能为负数。",
  });
});

test("amounts typed in 万 and 亿 reach the scenario in yuan", () => {
  const base = fromScenario(example("changping-device-startup.json"));
  const d: Draft = { ...base, financials: [{ ...base.financials[0], revenue: "200万", rd: "0.05亿" }, ...base.financials.slice(1)] };
  // 200 × 10,000 = 2,000,000; 0.05 × 100,000,000 = 5,000,000: the example's 2023 figures.
  expect(validate(d).scenario).toEqual(example("changping-device-startup.json"));
  expect(fromScenario(example("changping-device-startup.json"), "wan").financials[6].revenue).toBe("15,000万"); // 150,000,000 / 10,000
});

test("the schema's cross-field rules, in both languages", () => {
  const base = fromScenario(example("changping-device-startup.json"));
  expect(messages({ ...base, to: "2020" })).toEqual({ "horizon.to": "The last year must not be before the first." });
  expect(messages({ ...base, to: "2070" }, "zh-CN")).toEqual({ "horizon.to": "测算期最长 30 年。" });
  const twice = { ...base, financials: [...base.financials, { ...base.financials[0], key: "dup" }] };
  expect(messages(twice, "zh-CN")).toEqual({ "financials.8.year": "2023 年重复出现。" });
});

test("only the fields of an event's kind reach the schema (it rejects unknown keys)", () => {
  const e = { ...emptyEvent("insurance", "2027"), product: "left over", premium: "600000", rdCost: "1" };
  expect(toRaw({ ...emptyDraft(2026), events: [e] }).events).toEqual([{ type: "insurance", year: 2027, premium: "600000" }]);
  const other = { ...emptyEvent("other", "2028"), topic: "talent", facts: "talentLevel=national; fullTime=yes; count=2" };
  expect(toRaw({ ...emptyDraft(2026), events: [other] }).events).toEqual([{ type: "other", year: 2028, topic: "talent", facts: { talentLevel: "national", fullTime: true, count: 2 } }]);
});

test.each([
  ["1500000", "1,500,000"],
  ["1,5000", "15,000"], // regrouped as the next digit is typed
  ["1500万", "1,500万"],
  ["1.5亿", "1.5亿"],
  ["150000000.5", "150,000,000.5"],
  ["12%", "12%"], // not an amount: left as typed, for its message
  ["-5", "-5"],
])("digits grouped as typed: %s → %s", (typed, shown) => expect(groupDigits(typed)).toBe(shown));
