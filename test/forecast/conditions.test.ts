import { forecast, parseScenario, scenarioFromInputs, scenarioToInputs, ScenarioError, type Forecast } from "../../src/engine";
import { paidLines, yearTable } from "./support";

/**
 * Conditions the texts set, in the forecast (issue 18): a once-only award counted per product on
 * an `other` event, 实施产业化 for 昌平医药 第五条, and a base one text names read for another's.
 * Each year table worked out by hand from the sentences.
 */
const run = (s: Record<string, unknown>): Forecast => forecast(parseScenario({ schemaVersion: 1, name: "conditions", ...s }));
const trial = (year: number, product?: string) => ({
  type: "other",
  year,
  topic: "clinical",
  ...(product === undefined ? {} : { product }),
  facts: { nonRegistrationTrial: true, industrialised: true },
});

describe("昌平医药 第五条（二）: 每个品种给予定额一次性奖励, counted by the product an other event names", () => {
  const f = run({
    enterprise: { region: "changping", sector: "drug" },
    horizon: { from: 2026, to: 2028 },
    // 定额 with no figure: the assumption is an amount per product (ruling 3).
    assumptions: { "changping-pharma/5.2": "300000" },
    events: [trial(2026, "CAR-T A"), trial(2027, "CAR-T A"), trial(2027, "CAR-T B"), trial(2028, "CAR-T A")],
  });

  test("the year table", () => {
    // 2026: CAR-T A's first trial → 300,000.
    // 2027: CAR-T A again → 0 (一次性 per 品种, ruling 12); CAR-T B's first → 300,000.
    // 2028: CAR-T A a third time → 0.
    // The 200万元 a year (每个企业每年支持金额不超过200万元) never binds: at most 300,000 a year.
    expect(yearTable(f)).toEqual({ 2026: ["300000", "300000"], 2027: ["300000", "300000"], 2028: ["0", "0"] });
    expect(paidLines(f)).toEqual({ "2026 changping-pharma/5.2": "300000", "2027 changping-pharma/5.2": "300000" });
  });

  test("the repeat says why it is not paid", () => {
    const repeat = f.matters.find(({ matter }) => matter.year === 2028)!;
    const line = repeat.evaluation.lines.find((l) => l.clause.id === "changping-pharma/5.2")!;
    expect(line.status).toBe("not-met");
    expect(line.reasons).toContainEqual(expect.objectContaining({ code: "onceTaken", sentence: "每个品种给予定额一次性奖励" }));
  });

  test("the figure rests on an assumed amount, and says so", () => {
    const line = f.lines.find((l) => l.year === 2026 && l.trace.clause.id === "changping-pharma/5.2")!;
    expect(line.flags).toContainEqual({ code: "assumed", value: "amount" });
    expect(f.years.find((y) => y.year === 2026)!.assumed).toBe(true);
  });

  test("an other event's product goes through the Inputs table and back", () => {
    const s = parseScenario({ schemaVersion: 1, name: "p", enterprise: { region: "changping", sector: "drug" }, horizon: { from: 2026, to: 2026 }, events: [trial(2026, "CAR-T A"), trial(2026)] });
    expect(s.events[0]).toMatchObject({ product: "CAR-T A" });
    expect(s.events[1]).not.toHaveProperty("product");
    const back = scenarioFromInputs(scenarioToInputs(s));
    expect(back.events).toEqual(s.events);
    // An empty product is no product: refused, as on every other event.
    expect(() => parseScenario({ ...s, events: [trial(2026, "")] })).toThrow(ScenarioError);
  });
});

describe("昌平医药 第五条: 开展临床试验并实施产业化的新药", () => {
  const plan = (industrialised?: boolean) => ({
    enterprise: { region: "changping", sector: "drug" },
    horizon: { from: 2026, to: 2026 },
    events: [{ type: "clinical", year: 2026, product: "CX-1", drugClass: 1, phase: 2, ...(industrialised === undefined ? {} : { industrialised }) }],
  });
  const clinical = (industrialised?: boolean) => run(plan(industrialised));

  test("a clinical event is presumed industrialised in Changping, as CLINICAL presumes it", () => {
    // 第五条（一）: 1类, 进入Ⅱ期 → 100万元 = 1,000,000.
    expect(yearTable(clinical())).toEqual({ 2026: ["1000000", "1000000"] });
    expect(yearTable(clinical(true))).toEqual({ 2026: ["1000000", "1000000"] });
  });

  test("a drug stated not industrialised in Changping gets nothing from the article", () => {
    expect(yearTable(clinical(false))).toEqual({ 2026: ["0", "0"] });
    // The Inputs table writes it as the row's fact and reads it back.
    const s = parseScenario({ schemaVersion: 1, name: "c", ...plan(false) });
    expect(scenarioFromInputs(scenarioToInputs(s)).events[0]).toMatchObject({ type: "clinical", industrialised: false });
  });
});

describe("one matter, two names for its base: 器械 项目经费 and 医药 活动实际发生费用", () => {
  const host = (facts: Record<string, string>, sector: "device" | "drug") =>
    run({
      enterprise: { region: "changping", sector },
      horizon: { from: 2026, to: 2026 },
      events: [{ type: "other", year: 2026, topic: "events", facts: { eventRole: "host", ...facts } }],
    });

  test("a device company stating only the event's costs: 12.1 reads them for 项目经费, marked assumed", () => {
    const f = host({ eventCost: "5000000" }, "device");
    // 第十二条（一）: 20% × 5,000,000 = 1,000,000 (cap 200万元 a year not reached); 医药 第十六条（三） gives the
    // same 20% × 5,000,000 = 1,000,000 on its own base (从优不重复: one of them, 1,000,000). A tie pays the
    // first in catalog order (docs/RULINGS.md 14), the device measures' 12.1, whose figure rests on the assumption.
    expect(yearTable(f)).toEqual({ 2026: ["1000000", "1000000"] });
    const paid = f.lines.filter((l) => l.ceiling.gt(0));
    expect(paid.map((l) => l.trace.clause.id)).toEqual(["changping-device/12.1"]);
    expect(paid[0].flags).toContainEqual({ code: "assumed", value: "base" });
  });

  test("a drug company stating only 项目经费: 16.3 reads it for 活动实际发生费用, marked assumed", () => {
    const f = host({ projectCost: "1500000" }, "drug");
    // The device measures are not a drug company's (sector); 第十六条（三）: 20% × 1,500,000 = 300,000, no cap.
    expect(yearTable(f)).toEqual({ 2026: ["300000", "300000"] });
    const line = f.lines.find((l) => l.trace.clause.id === "changping-pharma/16.3")!;
    expect(line.flags).toContainEqual({ code: "assumed", value: "base" });
    expect(f.years[0].assumed).toBe(true);
  });

  test("stating the text's own base, nothing is assumed", () => {
    const f = host({ eventCost: "1500000" }, "drug");
    // 20% × 1,500,000 = 300,000.
    expect(yearTable(f)).toEqual({ 2026: ["300000", "300000"] });
    expect(f.years[0].assumed).toBe(false);
  });
});
