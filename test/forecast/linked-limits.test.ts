import { engine, forecast, formatNote, parseScenario, planWarnings, formatPlanWarning, type Forecast } from "../../src/engine";
import { Decimal } from "../../src/engine/input/money";
import { paidLines, yearTable } from "./support";

/**
 * Limits that link a plan's events over years (DESIGN rulings 12, 13, 18, 19, 20, 24): the
 * advance recovered once, ties judged after the annual caps, totals per product or project, and
 * a project's span of years. Every figure is worked out by hand from the sentences quoted.
 */
const run = (s: Record<string, unknown>): Forecast => forecast(parseScenario({ schemaVersion: 1, name: "linked", ...s }));
const changping = { region: "changping", sector: "device" };
const cert = (year: number, product: string, rdCost: string, extra: Record<string, unknown> = {}) => ({
  type: "certificate",
  year,
  product,
  class: 3,
  pathway: "innovative",
  rdCost,
  ...extra,
});

describe("昌平 第五条（二） 先期给予: recovered once, off the first certificate under （二） (ruling 13 as amended)", () => {
  const f = run({
    enterprise: changping,
    horizon: { from: 2026, to: 2028 },
    events: [{ type: "innovativeReview", year: 2026, product: "P" }, cert(2027, "P", "20000000"), cert(2028, "P", "30000000")],
  });

  test("the year table", () => {
    // 2026: 对进入…审查程序的，单个产品可先期给予最高200万元 → 2,000,000.
    // 2027: （二） 30% × 20,000,000 = 6,000,000 (单个注册证给予最高800万元: not binding), less the
    //       2,000,000 advance → 4,000,000; 北京 一、3 一次性 2,000,000. Year: 6,000,000.
    // 2028: （二） 30% × 30,000,000 = 9,000,000 → capped at 8,000,000; the advance was recovered
    //       in 2027, so nothing comes off: 8,000,000 (it was 6,000,000 before); 北京 一、3 paid once
    //       per product already → 0. Year: 8,000,000.
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["6000000", "6000000"], 2028: ["8000000", "8000000"] });
  });

  test("the 2028 line has no advance step", () => {
    const line = f.lines.find((l) => l.year === 2028 && l.trace.clause.id === "changping-device/5.2")!;
    expect(line.ceiling.toFixed()).toBe("8000000");
    expect(line.trace.working?.steps.some((s) => s.code === "advance")).toBe(false);
  });

  test("a standard certificate in between does not use the advance up", () => {
    const g = run({
      enterprise: changping,
      horizon: { from: 2026, to: 2028 },
      events: [{ type: "innovativeReview", year: 2026, product: "P" }, cert(2027, "P", "5000000", { pathway: "standard" }), cert(2028, "P", "30000000")],
    });
    // 2027: a standard certificate is not （二）'s: （一） 30% × 5,000,000 = 1,500,000 in full, the
    //       advance stands; 北京 一、3 names no standard review → 0.
    // 2028: （二） 8,000,000 (capped) less the 2,000,000 advance → 6,000,000; 北京 一、3 2,000,000.
    expect(yearTable(g)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["1500000", "1500000"], 2028: ["8000000", "8000000"] });
    expect(paidLines(g)["2028 changping-device/5.2"]).toBe("6000000");
  });
});

describe("the advance belongs to （二）'s award: （一） is compared with （二）'s whole award", () => {
  test("single call: R&D 10M with a 2M advance", () => {
    // （一） 30% × 10,000,000 = 3,000,000 (cap 300万: equal); （二）'s whole award 30% × 10,000,000 =
    // 3,000,000: the same, so （二） pays, less the advance: 3,000,000 − 2,000,000 = 1,000,000.
    // 北京 一、3 (national innovative review) 2,000,000. Total 3,000,000.
    const e = engine().evaluate({ topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "innovative", rdCost: new Decimal("10000000"), advancePaid: new Decimal("2000000") } });
    expect(e.amount.toFixed()).toBe("3000000");
    const byId = Object.fromEntries(e.lines.map((l) => [l.clause.id, l]));
    expect([byId["changping-device/5.2"].status, byId["changping-device/5.2"].amount.toFixed(), byId["changping-device/5.2"].whole?.toFixed()]).toEqual(["applied", "1000000", "3000000"]);
    // （一） is outranked at the same amount and nets nothing: the advance is not its own.
    expect([byId["changping-device/5.1"].status, byId["changping-device/5.1"].amount.toFixed(), byId["changping-device/5.1"].sameAmount]).toEqual(["outranked", "3000000", true]);
    expect(byId["changping-device/5.1"].working?.steps.some((s) => s.code === "advance")).toBe(false);
  });

  test("the amount path gives the same", () => {
    expect(engine().amount({ topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "innovative", rdCost: new Decimal("10000000"), advancePaid: new Decimal("2000000") } }).toFixed()).toBe("3000000");
  });

  test("in a forecast the line that nets the advance cites 第五条（二）", () => {
    const f = run({ enterprise: changping, horizon: { from: 2026, to: 2027 }, events: [{ type: "innovativeReview", year: 2026, product: "P" }, cert(2027, "P", "10000000")] });
    // 2026: 2,000,000 advance. 2027: （二） 3,000,000 − 2,000,000 = 1,000,000; 北京 一、3 2,000,000.
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["3000000", "3000000"] });
    expect(paidLines(f)).toEqual({ "2026 changping-device/5.2-entry": "2000000", "2027 changping-device/5.2": "1000000", "2027 beijing-device/3": "2000000" });
  });
});

describe("ruling 24: a figure resting on an uncertain earlier event says it errs low", () => {
  const f = run({
    enterprise: changping,
    horizon: { from: 2026, to: 2027 },
    events: [{ type: "innovativeReview", year: 2026, product: "P", probability: 0.5 }, cert(2027, "P", "20000000")],
  });

  test("the year table", () => {
    // 2026: the 2,000,000 advance with probability 0.5 → expected 1,000,000.
    // 2027: （二） 6,000,000 − 2,000,000 = 4,000,000 in every outcome (settled on the plan as
    //       written), 北京 2,000,000 → 6,000,000 ceiling and expected.
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "1000000"], 2027: ["6000000", "6000000"] });
  });

  test("the certificate's line says so, in both languages", () => {
    const line = f.lines.find((l) => l.trace.clause.id === "changping-device/5.2")!;
    const note = line.notes.find((n) => n.code === "earlierUncertain")!;
    expect(formatNote(note, "en-US")).toBe("the advance this line nets was paid for P: enters the innovative review (2026), which may not happen; settled on the plan as written, this figure errs low where it does not");
    expect(formatNote(note, "zh-CN")).toContain("（2026年）");
    expect(formatNote(note, "zh-CN")).toContain("偏低");
  });

  test("a once-only award an uncertain earlier certificate took: the later line says so", () => {
    const g = run({ enterprise: changping, horizon: { from: 2026, to: 2027 }, events: [cert(2026, "P", "20000000", { probability: 0.5 }), cert(2027, "P", "20000000")] });
    // 北京 一、3 给予一次性资金奖励, once per product: the 2026 certificate (p = 0.5) takes it, so the
    // 2027 one gets 0 from it in every outcome, though in half of them 2026's did not happen.
    const line = g.lines.find((l) => l.year === 2027 && l.trace.clause.id === "beijing-device/3")!;
    expect([line.ceiling.toFixed(), line.trace.status]).toEqual(["0", "not-met"]);
    expect(line.notes.map((n) => formatNote(n, "en-US"))).toEqual([
      "this once-only award went to P: class III certificate (the national innovative device special review) (2026), which may not happen; settled on the plan as written, this figure errs low where it does not",
    ]);
  });

  test("the scenario check warns that the entry is less likely than the certificate", () => {
    const s = parseScenario({ schemaVersion: 1, name: "w", enterprise: changping, horizon: { from: 2026, to: 2027 }, events: [{ type: "innovativeReview", year: 2026, product: "P", probability: 0.5 }, cert(2027, "P", "20000000")] });
    const w = planWarnings(s);
    expect(w).toEqual([{ code: "reviewEntryLessLikely", event: 1, product: "P", entry: 0, entryProbability: 0.5, probability: 1 }]);
    expect(formatPlanWarning(w[0], "en-US")).toContain("P");
    expect(formatPlanWarning(w[0], "zh-CN")).toContain("审查程序");
  });

  test("and that an entry is missing", () => {
    const s = parseScenario({ schemaVersion: 1, name: "w", enterprise: changping, horizon: { from: 2027, to: 2027 }, events: [cert(2027, "P", "20000000", { pathway: "priority" }), cert(2027, "Q", "20000000", { pathway: "standard" })] });
    // P's priority certificate has no entry into the review; Q's standard one needs none.
    expect(planWarnings(s)).toEqual([{ code: "reviewEntryMissing", event: 0, product: "P" }]);
  });
});

describe("ruling 20: ties judged after the annual caps", () => {
  const certs = (n: number) => Array.from({ length: n }, (_, i) => cert(2027, `P${i}`, "10000000"));

  test("eleven innovative class III certificates at R&D 10M", () => {
    const f = run({ enterprise: changping, horizon: { from: 2027, to: 2027 }, events: certs(11) });
    // Each: （一） 30% × 10,000,000 = 3,000,000 (cap 300万), （二） the same (cap 800万): a tie.
    // （一）'s 单个企业每年最高支持3000万元 takes ten (30,000,000); the eleventh under （二）, which has no
    // annual cap: 3,000,000. Changping 33,000,000 (30,000,000 before).
    // 北京 一、3: 2,000,000 each, 单个企业年度奖励不超过1000万元 → 10,000,000. Year 43,000,000.
    expect(yearTable(f)).toEqual({ 2027: ["43000000", "43000000"] });
    const paid = paidLines(f);
    expect([paid["2027 changping-device/5.1"], paid["2027 changping-device/5.2"]]).toEqual(["30000000", "3000000"]);
    const moved = f.lines.filter((l) => l.trace.clause.id === "changping-device/5.2" && l.ceiling.gt(0));
    expect(moved).toHaveLength(1);
    expect(formatNote(moved[0].notes[0], "en-US")).toBe("paid under this clause: 第五条（一） pays the same before caps, but its annual cap 30,000,000 (“单个企业每年最高支持3000万元”) would cut it");
  });

  test("thirteen: beyond the exhaustive search, single reassignments still reach the most", () => {
    const f = run({ enterprise: changping, horizon: { from: 2027, to: 2027 }, events: certs(13) });
    // 2^13 = 8,192 assignments > 4,096: ten under （一） (30,000,000) and three under （二）
    // (9,000,000) → 39,000,000; 北京 10,000,000. Year 49,000,000.
    expect(yearTable(f)).toEqual({ 2027: ["49000000", "49000000"] });
  });

  test("a tie the cap does not reach stays with catalog order", () => {
    const f = run({ enterprise: changping, horizon: { from: 2027, to: 2027 }, events: certs(2) });
    // 2 × 3,000,000 = 6,000,000 under （一）, far from 30,000,000: nothing moves; 北京 4,000,000.
    expect(paidLines(f)).toEqual({ "2027 changping-device/5.1": "6000000", "2027 beijing-device/3": "4000000" });
  });
});

describe("ruling 18: caps on one product over all years", () => {
  test("深圳 （十五）: 单个品种资助最高不超过300万元 is the variety's total", () => {
    const vbp = (year: number) => ({ type: "vbp", year, product: "V", bidValue: "60000000" });
    const f = run({ enterprise: { region: "shenzhen", sector: "device" }, horizon: { from: 2026, to: 2028 }, events: [vbp(2026), vbp(2027), vbp(2028)] });
    // 中标品种按当年采购总金额的3%: 3% × 60,000,000 = 1,800,000 a year.
    // 2026: 1,800,000. 2027: 3,000,000 − 1,800,000 left = 1,200,000. 2028: nothing left → 0.
    // (Read per year, as before, it was 1,800,000 in each year.)
    expect(yearTable(f)).toEqual({ 2026: ["1800000", "1800000"], 2027: ["1200000", "1200000"], 2028: ["0", "0"] });
  });

  test("深圳 （十五）: the line says what the variety had before", () => {
    const vbp = (year: number) => ({ type: "vbp", year, product: "V", bidValue: "60000000" });
    const f = run({ enterprise: { region: "shenzhen", sector: "device" }, horizon: { from: 2026, to: 2027 }, events: [vbp(2026), vbp(2027)] });
    const line = f.lines.find((l) => l.year === 2027)!;
    expect(line.notes.map((n) => formatNote(n, "en-US"))).toEqual([
      "reduced from 1,800,000 to 1,200,000: at most 3,000,000 per winning variety over all years (“单个品种资助最高不超过300万元”), of which 1,800,000 was paid before",
    ]);
    expect(formatNote(line.notes[0], "zh-CN")).toBe("由1,800,000元减至1,200,000元：单个品种各年合计不超过3,000,000元（“单个品种资助最高不超过300万元”），此前已支持1,800,000元");
  });

  test("深圳 （十五）: a total an uncertain earlier win used up is said on the later line", () => {
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2027 },
      events: [
        { type: "vbp", year: 2026, product: "V", bidValue: "60000000", probability: 0.5 },
        { type: "vbp", year: 2027, product: "V", bidValue: "60000000" },
      ],
    });
    // 2026: 1,800,000 × 0.5 = 900,000 expected. 2027: 1,200,000 left of the 3,000,000, in every
    // outcome (settled as written), so 1,200,000 expected too.
    expect(yearTable(f)).toEqual({ 2026: ["1800000", "900000"], 2027: ["1200000", "1200000"] });
    const line = f.lines.find((l) => l.year === 2027)!;
    expect(line.notes.map((n) => n.code)).toEqual(["totalReduced", "earlierUncertain"]);
    expect(formatNote(line.notes[1], "zh-CN")).toContain("（2026年）");
  });

  test("深圳 （十五）: a year the enterprise cap cut uses up only what was paid", () => {
    const vbp = (year: number, product: string, value: string) => ({ type: "vbp", year, product, bidValue: value });
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2027 },
      events: [vbp(2026, "A", "100000000"), vbp(2026, "B", "100000000"), vbp(2027, "B", "100000000")],
    });
    // 2026: A 3% × 100,000,000 = 3,000,000; B the same; 单个企业每年资助最高不超过500万元 → B cut to
    //       2,000,000 (plan order). Year 5,000,000.
    // 2027: B 3,000,000, but its variety has 3,000,000 − 2,000,000 = 1,000,000 left → 1,000,000.
    expect(yearTable(f)).toEqual({ 2026: ["5000000", "5000000"], 2027: ["1000000", "1000000"] });
  });

  test("昌平 第十条（一）: once per product, on its recognition year's sales", () => {
    const firstSet = (year: number, sales: string, extra: Record<string, unknown> = {}) => ({ type: "firstSet", year, product: "F", sales, ...extra });
    const f = run({ enterprise: changping, horizon: { from: 2026, to: 2027 }, events: [firstSet(2026, "60000000"), firstSet(2027, "60000000")] });
    // No recognition year stated: the product's first year, 2026. 20% × 60,000,000 = 12,000,000 →
    // 最高支持1000万元 → 10,000,000. 2027: paid once already → 0 (it was 10,000,000 again).
    expect(yearTable(f)).toEqual({ 2026: ["10000000", "10000000"], 2027: ["0", "0"] });
    const g = run({ enterprise: changping, horizon: { from: 2026, to: 2027 }, events: [firstSet(2026, "60000000", { recognitionYear: 2027 }), firstSet(2027, "30000000", { recognitionYear: 2027 })] });
    // Recognised in 2027: 2026's sales are not the recognition year's → 0; 2027: 20% × 30,000,000 = 6,000,000.
    expect(yearTable(g)).toEqual({ 2026: ["0", "0"], 2027: ["6000000", "6000000"] });
  });

  test("北京 三、9: the one-time cluster award pays once", () => {
    const cluster = (year: number) => ({ type: "other", year, topic: "institution", facts: { beijingBody: "nationalSmeCluster" } });
    const f = run({ enterprise: { region: "beijing", sector: "device" }, horizon: { from: 2026, to: 2027 }, events: [cluster(2026), cluster(2027)] });
    // 给予一次性不超过 200 万元资金奖励: 2026 2,000,000; rated again in 2027 → 0 (it was 2,000,000 again).
    expect(yearTable(f)).toEqual({ 2026: ["2000000", "2000000"], 2027: ["0", "0"] });
  });
});

describe("ruling 19: 深圳 （二十三） 对3年以内的培训费用 … 最高不超过500万元", () => {
  test("a project's first three years, its ceiling over them", () => {
    const training = (year: number, project: string, cost: string, facts: Record<string, unknown> = {}) => ({ type: "other", year, product: project, topic: "training", facts: { trainingCost: cost, ...facts } });
    const f = run({
      enterprise: { region: "shenzhen", sector: "device" },
      horizon: { from: 2026, to: 2029 },
      events: [
        ...[2026, 2027, 2028, 2029].map((y) => training(y, "T", "8000000")),
        ...[2027, 2028, 2029].map((y) => training(y, "U", "2000000", { trainingStartYear: 2026 })),
      ],
    });
    // T starts 2026 (its first year in the plan): 50% × 8,000,000 = 4,000,000 a year.
    //   2026: 4,000,000. 2027: 5,000,000 − 4,000,000 = 1,000,000 left → 1,000,000. 2028: 0 left.
    //   2029: outside 2026–2028 → 0. (Before: 4,000,000 in each of the four years.)
    // U started 2026 (stated): 50% × 2,000,000 = 1,000,000 in 2027 and 2028; 2029 is outside
    //   2026–2028 → 0; 2,000,000 in all, within its own 5,000,000.
    expect(yearTable(f)).toEqual({ 2026: ["4000000", "4000000"], 2027: ["2000000", "2000000"], 2028: ["1000000", "1000000"], 2029: ["0", "0"] });
  });
});
