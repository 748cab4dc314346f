import { CellError } from "../src/functions/cells";
import { call } from "../src/functions/reports";
import { designExamples } from "./support/design-examples";
import { workedAmounts } from "./support/worked-amounts";

const errorOf = (v: unknown) => (v instanceof CellError ? v.code : `not an error: ${JSON.stringify(v)}`);

describe("DESIGN.md examples", () => {
  test.each(designExamples)("%s(%j) = %d", (name, args, expected) => {
    expect(call(name, args)).toBe(expected);
  });

  test("REGISTRATION(3, -1, \"shenzhen\") is #NUM!", () => {
    expect(errorOf(call("REGISTRATION", [3, -1, "shenzhen"]))).toBe("#NUM!");
  });
});

describe("each function by hand", () => {
  test.each(workedAmounts)("%s(%j) = %d", (name, args, expected) => {
    expect(call(name, args)).toBe(expected);
  });
});

describe("arguments", () => {
  test.each([
    [["III", 5000000, "深圳"]],
    [["三类", 5000000, "深圳市"]],
    [["3", "5000000", "  ShenZhen "]],
    [[3, 5000000, "shenzhen", ""]],
    [[3, 5000000, "shenzhen", "standard", ""]],
  ])("REGISTRATION(%j) accepts the spellings of DESIGN.md", (args) => {
    expect(call("REGISTRATION", args)).toBe(2000000);
  });

  test.each([
    [[3, NaN, "shenzhen"], "#NUM!"],
    [[3, Infinity, "shenzhen"], "#NUM!"],
    [[3, -Infinity, "shenzhen"], "#NUM!"],
    [[3, "-5", "shenzhen"], "#NUM!"],
    [[4, 5000000, "shenzhen"], "#VALUE!"],
    [[2.5, 5000000, "shenzhen"], "#VALUE!"],
    [[3, 5000000, "shanghai"], "#VALUE!"],
    [[3, 5000000, 3], "#VALUE!"],
    [[3, true, "shenzhen"], "#VALUE!"],
    [[3, "five million", "shenzhen"], "#VALUE!"],
    [[3, null, "shenzhen"], "#VALUE!"],
    [[3, 5000000, "shenzhen", "fast"], "#VALUE!"],
    [[3, 5000000, "shenzhen", "standard", 20.5], "#VALUE!"],
    [[3, 5000000], "#VALUE!"],
    [[3, 5000000, "shenzhen", "standard", 2026, 1], "#VALUE!"],
  ])("REGISTRATION(%j) is %s", (args, code) => {
    expect(errorOf(call("REGISTRATION", args))).toBe(code);
  });

  test("the message names the argument and what it accepts", () => {
    const e = call("REGISTRATION", [3, 5000000, "mars"]) as CellError;
    expect(e.message).toContain("region");
    expect(e.message).toContain("changping, beijing or shenzhen");
    expect((call("CLINICAL", [1, 4, "changping"]) as CellError).message).toContain("phase must be 1, 2 or 3");
  });

  test("a phase outside 1–3 is an unknown code: #VALUE!", () => {
    expect(errorOf(call("CLINICAL", [1, 4, "changping"]))).toBe("#VALUE!");
    expect(errorOf(call("CLINICAL", [1, 0, "changping"]))).toBe("#VALUE!");
  });

  test("10^15 yuan is the largest amount: capped like any other; above it, #NUM!", () => {
    expect(call("REGISTRATION", [3, 1e15, "shenzhen"])).toBe(5000000);
    expect(errorOf(call("REGISTRATION", [3, 1e300, "shenzhen"]))).toBe("#NUM!");
  });

  test("an unknown function is #VALUE!", () => {
    expect(errorOf(call("NOPE", []))).toBe("#VALUE!");
  });
});

describe("ranges spill the same shape", () => {
  test("a column of costs gives a column of amounts", () => {
    // 40% × 1M = 400k; 40% × 5M = 2M; 40% × 20M = 8M → 5M.
    expect(call("REGISTRATION", [3, [[1000000], [5000000], [20000000]], "shenzhen"])).toEqual([[400000], [2000000], [5000000]]);
  });

  test("ranges of classes and costs pair row by row; a bad row is its own error", () => {
    const out = call("REGISTRATION", [[[2], [3], [9]], [[10000000], [10000000], [10000000]], "shenzhen"]) as unknown[][];
    expect(out.slice(0, 2)).toEqual([[3000000], [4000000]]);
    expect(errorOf(out[2][0])).toBe("#VALUE!");
  });

  test("a row against a column broadcasts; a shorter range leaves #N/A", () => {
    expect(call("VBP", [[[10000000, 20000000]], [["changping"], ["shenzhen"]]])).toEqual([
      [300000, 600000],
      [300000, 600000],
    ]);
    const out = call("VBP", [[[10000000], [20000000], [30000000]], [["changping"], ["shenzhen"]]]) as unknown[][];
    expect(out[0][0]).toBe(300000);
    expect(errorOf(out[2][0])).toBe("#N/A");
  });
});

test("RESEARCH was RD: EXPLAIN and the CLI still read the former name, as an older workbook's cells do", () => {
  // 昌平器械 第三条（一）: 10% × 8M = 800,000 (DESIGN.md's example).
  expect(call("RESEARCH", [20000000, 8000000, 4000000, "changping"])).toBe(800000);
  expect(call("RD", [20000000, 8000000, 4000000, "changping"])).toBe(800000);
  expect(call("EXPLAIN", ["RD", 20000000, 8000000, 4000000, "changping"])).toBe(call("EXPLAIN", ["RESEARCH", 20000000, 8000000, 4000000, "changping"]));
  expect(call("EXPLAIN", ["SUBSIDY.RD", 20000000, 8000000, 4000000, "changping"])).toMatch(/^SUBSIDY\.RESEARCH\(/);
});

describe("EXPLAIN", () => {
  const text = call("EXPLAIN", ["REGISTRATION", 3, 40000000, "changping", "innovative"]) as string;

  test("gives the total, the clauses with their articles, the arithmetic and the binding cap", () => {
    expect(text).toMatch(/= 10,000,000 yuan/);
    expect(text).toContain("Changping District measures to develop the high-end medical device cluster (draft for comment), 第五条（二）: pays 8,000,000");
    // 30% × 40,000,000 = 12,000,000, capped at 第五条（二）'s 800万元 per certificate.
    expect(text).toContain("30% × R&D cost of the certified product 40,000,000 = 12,000,000");
    expect(text).toContain("capped at 8,000,000 (up to 8,000,000 per certificate: “单个注册证给予最高800万元支持”)");
    expect(text).toContain("Beijing measures for the high-quality development of the medical device industry, 一、3: pays 2,000,000");
  });

  test("a fixed ceiling reads as the text states it", () => {
    expect(text).toContain("up to 2,000,000 (不超过200万元)");
  });

  test("says why the other clauses did not pay", () => {
    expect(text).toMatch(/第五条（一）: would pay 3,000,000; not paid: a more favourable clause of the same matter wins.*第五条（二）/);
  });

  test("flags drafts, discretion and validity", () => {
    expect(text).toContain("draft policy");
    expect(text).toContain("valid until 2028-12-31");
    expect(call("EXPLAIN", ["REGISTRATION", 2, 2000000, "changping", "major"])).toContain("discretionary");
  });

  test("a clause that cannot tell says what it would pay and where the fact is given", () => {
    expect(call("EXPLAIN", ["REGISTRATION", 3, 5000000, "changping"])).toMatch(
      /一、3: cannot tell\n.*\n\s+not given: undertook a national project such as MIIT's 揭榜挂帅; should it hold, this clause pays 2,000,000\. Given by an event's further facts in the scenario/,
    );
  });

  test("accepts the namespace and any case, and returns errors as values", () => {
    expect(call("EXPLAIN", ["subsidy.facility", 20000000, 2000, "shenzhen"])).toMatch(/= 6,000,000 yuan[\s\S]*per m²/);
    expect(errorOf(call("EXPLAIN", ["FACILITY", -1, 2000, "shenzhen"]))).toBe("#NUM!");
    expect(errorOf(call("EXPLAIN", ["WHAT", 1]))).toBe("#VALUE!");
  });
});

describe("CLAUSES", () => {
  test("spills a header row and one row per clause, filtered", () => {
    const table = call("CLAUSES", ["shenzhen", "registration"]) as string[][];
    // The reader's words (issue 21): no internal code such as the stacking matter or workingDays.
    expect(table[0]).toEqual(["id", "document", "article", "jurisdiction", "level", "status", "topic", "monetary", "summary", "sentence", "limits", "working days", "validity"]);
    // Ruling 14: the cap and the annual cap are quoted with the words that set them.
    const class3 = table.find((r) => r[0] === "shenzhen-device/5.class3")!;
    expect(class3[10]).toBe("“单个品种最高不超过500万元” “单个企业每年累计获得资助最高不超过1000万元” “首次获批三类医疗器械注册证”");
    expect(table.slice(1).map((r) => r[0])).toEqual([
      "shenzhen-device/5.class2",
      "shenzhen-device/5.class3",
      "shenzhen-device/5.innovative-class2",
      "shenzhen-device/5.innovative-class3",
    ]);
  });

  test("Changping reaches district and municipal clauses", () => {
    const ids = (call("CLAUSES", ["changping", "registration"]) as string[][]).slice(1).map((r) => r[0]);
    expect(ids).toEqual(["changping-device/5.1", "changping-device/5.1-major", "changping-device/5.2", "beijing-device/3"]);
  });

  test("Beijing's testing time limits and validity are in the listing", () => {
    const table = call("CLAUSES", ["beijing", "regulatory"]) as string[][];
    const days = Object.fromEntries(table.slice(1).map((r) => [r[0], r[11]]));
    // 一、2: 无源…缩减至平均 60 个工作日, 有源…平均 90 个工作日.
    expect(days["beijing-device/2.passive"]).toBe("60");
    expect(days["beijing-device/2.active"]).toBe("90");
    // 2025年11月24日 to 有效期至 2028 年 12 月 31 日.
    expect(table.find((r) => r[0] === "beijing-device/2.passive")![12]).toBe("2025-11-24 – 2028-12-31");
  });

  test("bad filters are #VALUE!", () => {
    expect(errorOf(call("CLAUSES", ["mars"]))).toBe("#VALUE!");
    expect(errorOf(call("CLAUSES", ["changping", "lottery"]))).toBe("#VALUE!");
  });
});

describe("names as Chinese Excel shows them", () => {
  test("EXPLAIN takes the Chinese function name, with or without the namespace", () => {
    expect(call("EXPLAIN", ["注册证", 3, 5000000, "深圳"])).toMatch(/= 2,000,000 yuan/);
    expect(call("EXPLAIN", ["政策补贴.注册证", 3, 5000000, "深圳"])).toMatch(/= 2,000,000 yuan/);
  });

  test("CLAUSES takes a topic in any case", () => {
    expect((call("CLAUSES", ["changping", "FIRSTSET"]) as string[][]).slice(1).map((r) => r[0])).toEqual(["changping-device/10.1"]);
  });
});

test.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("%s is no class, pathway, phase or region", (word) => {
  expect(errorOf(call("REGISTRATION", [word, 5000000, "shenzhen"]))).toBe("#VALUE!");
  expect(errorOf(call("REGISTRATION", [3, 5000000, word]))).toBe("#VALUE!");
  expect(errorOf(call("REGISTRATION", [3, 5000000, "shenzhen", word]))).toBe("#VALUE!");
  expect(errorOf(call("CLINICAL", [1, word, "changping"]))).toBe("#VALUE!");
  expect((call("REGISTRATION", [3, 5000000, word]) as CellError).message).toContain("region must be");
});
