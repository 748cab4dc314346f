import { CELL_LIMIT, Decimal, engine, formatExplanation, langOf, type Evaluation } from "../../src/engine";
import { codeWords } from "../../src/engine/explain/codes";
import { statedAmount } from "../../src/engine/explain/stated";
import { englishWords } from "./support";

describe("every fact has words in both languages", () => {
  const facts = Object.entries(engine().catalog.facts);

  test.each(facts.filter(([, d]) => d.kind === "code").map(([name, d]) => [name, d.values ?? []] as const))("the values of %s", (name, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) {
      const words = codeWords[name]?.[String(v)];
      expect(words).toBeDefined();
      expect(words![0]).toMatch(/[a-z]/i);
      expect(englishWords(words![1])).toEqual([]);
    }
  });

  test("the Chinese label of every fact holds no English word but proper names", () => {
    expect(facts.flatMap(([name, d]) => englishWords(d.zh).map((w) => `${name}: ${w}`))).toEqual([]);
  });
});

describe("a fixed amount as the sentence states it", () => {
  const d = (x: string) => new Decimal(x);
  test.each([
    // beijing-device/3: 单个产品不超过 200 万元 (spaces as the text has them).
    ["2000000", "给予一次性资金奖励,单个产品不超过 200 万元,单个企业年度奖励不超过 1000 万元。", { quoted: "不超过200万元", ceiling: true }],
    // changping-device/2.1: 最高给予3000万元支持.
    ["30000000", "推动成果转化落地，最高给予3000万元支持。", { quoted: "最高给予3000万元", ceiling: true }],
    // An amount the text gives outright is no ceiling.
    ["1000000", "给予100万元奖励", { quoted: "100万元", ceiling: false }],
    // 3亿元 before 30000万元; 3000万元 is not 300万元.
    ["300000000", "最高给予3亿元支持", { quoted: "最高给予3亿元", ceiling: true }],
    ["3000000", "最高3000万元", { ceiling: false }],
    // A ceiling word in an earlier clause of the sentence does not reach the amount.
    ["1000000", "单个企业不超过1000万元，给予100万元", { quoted: "100万元", ceiling: false }],
  ])("%s in %s", (amount, sentence, expected) => {
    expect(statedAmount(d(amount), sentence)).toEqual(expected);
  });
});

test("an explanation longer than a cell is cut at a line break, within Excel's 32,767 characters", () => {
  const one = engine().evaluate({ topic: "registration", region: "changping", facts: { deviceClass: 3, rdCost: new Decimal(40000000), pathway: "innovative" } });
  const many: Evaluation = { amount: one.amount, lines: Array.from({ length: 60 }, () => one.lines).flat() };
  for (const lang of ["en-US", "zh-CN"] as const) {
    const text = formatExplanation({ call: "REGISTRATION(3, 40000000, changping, innovative)", evaluation: many }, lang);
    expect(text.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(text.length).toBeGreaterThan(CELL_LIMIT - 2000);
    expect(text.split("\n").at(-1)).toMatch(lang === "en-US" ? /^… \(cut at Excel's limit of 32,767 characters/ : /^……（已按Excel单元格32,767个字符的上限截断）$/);
  }
});

test.each([
  ["zh-CN", "zh-CN"],
  ["zh-Hans-CN", "zh-CN"],
  ["zh_CN.UTF-8", "zh-CN"],
  ["en-GB", "en-US"],
  ["en_US.UTF-8", "en-US"],
  ["C", undefined],
  ["fr-FR", undefined],
  [undefined, undefined],
])("langOf(%s) is %s", (tag, lang) => {
  expect(langOf(tag)).toBe(lang);
});
