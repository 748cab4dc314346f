import { checkAmount, checkFact, Decimal, engine, factProblemText, formatYuan, isFactProblem, parseScenario, scenarioToInputs, type Scenario } from "../src/engine";
import { CellError, fitText } from "../src/functions/cells";
import { call, forecastCells } from "../src/functions/reports";
import { scenarioProblems } from "./support/scenario-problems";

/**
 * Issue 12, "Found" 1–3 and 9–10: each case as it was reported, held to the one input layer
 * (src/engine/input/amounts.ts, facts.ts): finite, ≥ 0, ≤ 10^15 of its unit, ≤ 20 significant digits
 * and ≤ 20 decimal places; facts of `other` events typed by the catalog.
 */

const errorOf = (v: unknown): CellError => {
  if (!(v instanceof CellError)) throw new Error(`not an error: ${JSON.stringify(v)}`);
  return v;
};

/** A Changping scenario whose one event is an `other` registration with these facts. */
const withOther = (facts: Record<string, unknown>): unknown => ({
  schemaVersion: 1,
  name: "hostile",
  enterprise: { region: "changping", sector: "device" },
  horizon: { from: 2027, to: 2028 },
  events: [{ type: "other", year: 2027, topic: "registration", facts }],
});


describe("1. an `other` event's facts are typed by the catalog", () => {
  test("a negative rdCost through FORECAST's Inputs row is refused at the row and fact, not a −10,000,000 forecast", () => {
    const good = parseScenario(withOther({ deviceClass: 3, pathway: "innovative", rdCost: "40000000" })) as Scenario;
    const rows = scenarioToInputs(good);
    const i = rows.findIndex((r) => r[0] === "other");
    rows[i][10] = "deviceClass=3; pathway=innovative; rdCost=-40000000";
    const e = errorOf(forecastCells(rows));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(`row ${i + 1} (other)`);
    expect(e.message).toContain('"rdCost" (R&D cost of the certified product) must be ≥ 0 yuan, got "-40000000"');
  });

  test("NaN, a boolean, a negative number and an unknown code are each refused at their fact", () => {
    const problems = scenarioProblems(withOther({ deviceClass: 7, pathway: true, rdCost: "NaN", localProduction: "maybe" }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^events\[0\]\.facts\.rdCost: fact "rdCost" .* must be an amount in yuan such as .*, got "NaN"$/),
        expect.stringMatching(/^events\[0\]\.facts\.deviceClass: fact "deviceClass" .* must be one of 1, 2, 3, got 7$/),
        expect.stringMatching(/^events\[0\]\.facts\.pathway: .* must be one of standard, innovative, priority, provincial, provincial-priority, major, got TRUE$/),
        expect.stringMatching(/^events\[0\]\.facts\.localProduction: .* must be yes or no, got "maybe"$/),
      ]),
    );
    // NaN itself cannot be in a JSON file; from code, the schema refuses it at the field.
    expect(scenarioProblems(withOther({ rdCost: Number.NaN }))).toEqual([expect.stringMatching(/^events\[0\]\.facts\.rdCost: /)]);
    expect(scenarioProblems(withOther({ rdCost: true }))).toEqual([expect.stringMatching(/facts\.rdCost: .* must be an amount in yuan such as .*, got TRUE$/)]);
    expect(scenarioProblems(withOther({ rdCost: -1 }))).toEqual([expect.stringMatching(/facts\.rdCost: .* must be ≥ 0 yuan, got -1$/)]);
  });

  test("the refusal is said in Chinese too, with the catalog's label", () => {
    const defs = engine().catalog.facts;
    const zh = (name: string, value: unknown) => {
      const p = checkFact(name, value, defs);
      if (!isFactProblem(p)) throw new Error(`${name}=${String(value)} was accepted`);
      return factProblemText(name, p, defs, "zh-CN");
    };
    expect(zh("rdCost", -1)).toBe("事实“rdCost”（取证产品研发投入）不能小于 0 元（输入为 -1）");
    expect(zh("areaM2", "-5")).toBe("事实“areaM2”（厂房面积）不能小于 0 平方米（输入为 \"-5\"）");
    expect(zh("sme", "maybe")).toBe("事实“sme”（中小微企业）应为“是”或“否”（输入为 \"maybe\"）");
  });
});

describe("2–3. amounts too long to compute are refused, and formatting is linear", () => {
  test('EXPLAIN("REGISTRATION", 3, "1e-10000000", "shenzhen") is #NUM!, not a 40-million-character text', () => {
    const e = errorOf(call("EXPLAIN", ["REGISTRATION", 3, "1e-10000000", "shenzhen"]));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe('rdCost must have at most 20 significant digits and 20 decimal places, got "1e-10000000"');
  });

  test("rdCost=1e+100000 in a fact and a 30-digit amount in a scenario file are refused, each at its field", () => {
    expect(scenarioProblems(withOther({ deviceClass: 3, rdCost: "1e+100000" }))).toEqual([expect.stringMatching(/facts\.rdCost: .* must be at most 10\^15 yuan/)]);
    const file = { ...(withOther({}) as object), events: [{ type: "certificate", year: 2027, product: "X", class: 3, rdCost: "123456789012345678901234567890" }] };
    expect(scenarioProblems(file)).toEqual(["events[0].rdCost: must be at most 10^15 yuan, got \"123456789012345678901234567890\""]);
  });

  test("the bounds: 10^15 and 20 digits pass, one more does not; an exponent past decimal.js's range is not 0", () => {
    expect(checkAmount("1000000000000000")).toEqual(new Decimal("1e15"));
    expect(checkAmount("1000000000000000.1")).toMatchObject({ code: "tooLarge" });
    expect(checkAmount("12345678901234.567891")).toEqual(new Decimal("12345678901234.567891"));
    expect(checkAmount("1234567890123.4567891")).toEqual(new Decimal("1234567890123.4567891"));
    expect(checkAmount("1234567890123.45678912")).toMatchObject({ code: "tooPrecise" });
    expect(checkAmount("1e-99999999999999999999")).toMatchObject({ code: "tooPrecise" });
    expect(checkAmount("1e+99999999999999999999")).toMatchObject({ code: "tooLarge" });
    expect(checkAmount(0.1 + 0.2)).toEqual(new Decimal("0.30000000000000004"));
  });

  test("whole numbers as Excel passes them: 10^15 passes, the next integer does not; −0 is 0, −1 is negative", () => {
    expect(checkAmount(1e15)).toEqual(new Decimal("1e15"));
    expect(checkAmount(1e15 + 1)).toMatchObject({ code: "tooLarge" });
    expect(checkAmount(5000000)).toEqual(new Decimal(5000000));
    expect((checkAmount(-0) as Decimal).isNegative()).toBe(false);
    expect(checkAmount(-1)).toMatchObject({ code: "negative" });
    expect(checkAmount(2 ** 53)).toMatchObject({ code: "tooLarge" });
  });

  test("formatYuan groups digits as before", () => {
    expect(formatYuan(new Decimal("1500000"))).toBe("1,500,000");
    expect(formatYuan(new Decimal("-1234567.891"))).toBe("-1,234,567.891");
    expect(formatYuan(new Decimal("999"))).toBe("999");
    expect(formatYuan(new Decimal("1000"))).toBe("1,000");
    expect(formatYuan(new Decimal("0.5"))).toBe("0.5");
  });

  test("formatYuan groups a long figure in threes from the right (its speed is the fuzz script's to measure)", () => {
    const text = formatYuan(new Decimal("1e30").plus("0.25"));
    expect(text).toBe(`1${",000".repeat(10)}.25`);
  });
});

describe("9–10. units and odd values", () => {
  test("areaM2 is in square metres", () => {
    expect(errorOf(call("FACILITY", [20000000, -1, "shenzhen"])).message).toBe("areaM2 must be ≥ 0 m², got -1");
    const file = { ...(withOther({}) as object), events: [{ type: "facility", year: 2027, cost: "1", areaM2: "1e3" }] };
    // "1e3" is not an amount as a person types one (amount-text.ts's grammar refuses an exponent).
    expect(scenarioProblems(file)).toEqual(['events[0].areaM2: must be an amount in m², got "1e3"']);
  });

  test('"-0" as text is 0 yuan, not −0', () => {
    expect(Object.is(call("REGISTRATION", [3, "-0", "shenzhen"]), 0)).toBe(true);
    expect(Object.is(call("REGISTRATION", [3, -0, "shenzhen"]), 0)).toBe(true);
  });
});

describe("10. Excel's own shapes", () => {
  test("a data-type number ({type: \"Double\", basicValue}) is its basicValue", () => {
    // 40% × 5M = 2M (Shenzhen class III, cap 5M).
    expect(call("REGISTRATION", [3, { type: "Double", basicValue: 5000000, numberFormat: "#,##0" }, "shenzhen"])).toBe(2000000);
    // In a range too: 40% × 1M = 400k, 40% × 5M = 2M.
    expect(call("REGISTRATION", [3, [[{ type: "FormattedNumber", basicValue: 1000000 }], [5000000]], "shenzhen"])).toEqual([[400000], [2000000]]);
    const entity = { type: "Entity", text: "深圳", basicValue: "shenzhen", properties: {} };
    expect(call("REGISTRATION", [3, 5000000, entity])).toBe(2000000);
    expect(errorOf(call("REGISTRATION", [3, { type: "Entity", text: "x", properties: {} }, "shenzhen"])).message).toBe('rdCost must be an amount in yuan such as 5000000, "500万" or "1.5亿", got an object');
  });

  test("one prototype-less object in a range is that cell's error; the rest of the spill computes", () => {
    const odd = Object.create(null) as object;
    const out = call("REGISTRATION", [3, [[1000000], [odd], [5000000]], "shenzhen"]) as unknown[][];
    // 40% × 1M = 400k; 40% × 5M = 2M.
    expect(out[0][0]).toBe(400000);
    expect(errorOf(out[1][0]).message).toBe('rdCost must be an amount in yuan such as 5000000, "500万" or "1.5亿", got an object');
    expect(out[2][0]).toBe(2000000);
  });

  test("CLAUSES and EXPLAIN never let a TypeError escape", () => {
    const odd = Object.create(null) as object;
    expect(errorOf(call("CLAUSES", [odd])).message).toMatch(/^region must be/);
    expect(errorOf(call("CLAUSES", [null, odd])).message).toMatch(/^topic must be one of .*, got an object$/);
    expect(errorOf(call("EXPLAIN", [odd])).message).toMatch(/got an object$/);
    expect(errorOf(call("EXPLAIN", ["REGISTRATION", 3, odd, "shenzhen"])).code).toBe("#VALUE!");
  });

  test("FORECAST: an object in an Inputs cell is refused at its row", () => {
    const s = parseScenario(withOther({ deviceClass: 3, pathway: "innovative", rdCost: "40000000" }));
    const rows = scenarioToInputs(s) as unknown[][];
    const i = rows.findIndex((r) => r[0] === "other");
    rows[i][1] = { type: "Double", basicValue: 2027 };
    expect(Array.isArray(forecastCells(rows))).toBe(true);
    rows[i][1] = Object.create(null);
    expect(errorOf(forecastCells(rows)).message).toMatch(new RegExp(`row ${i + 1} \\(other\\)`));
  });

  test("every text fits a cell: a 40,000-character argument comes back in a message of at most 32,767", () => {
    const e = errorOf(call("REGISTRATION", [3, 5000000, "x".repeat(40000)]));
    expect(e.message.length).toBeLessThanOrEqual(32767);
    expect(fitText("y".repeat(40000)).length).toBe(32767);
    // Never half a surrogate pair.
    const cutText = fitText("😀".repeat(20000));
    expect(/[\ud800-\udbff]$/.test(cutText.slice(0, cutText.indexOf("…")))).toBe(false);
  });
});
