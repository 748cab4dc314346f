import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { checkAmount, isAmountProblem, parseAmountText, parseScenario, ScenarioError } from "../../src/engine";
import { ErrorCode, ExcelError, loadFunctions } from "./support";

/*
 * Issue 21: amounts typed the Chinese way (500万, 1.5亿, full-width digits and separators) are
 * read by the engine's one grammar (src/engine/input/amount-text.ts) at every door: a cell of the
 * built bundle, the CLI, a scenario file, and the task pane's parser; what is refused says what
 * is accepted, in the reader's language.
 *
 * The figures, from the texts:
 *   Shenzhen （五）: "首次获批三类医疗器械注册证…按实际投入研发费用的40%予以资助，单个品种最高不超过500万元"
 *     500万 = 5,000,000 yuan:            40% × 5,000,000  = 2,000,000 (under the 5,000,000 cap)
 *     １５００万 = １，５００万 = 15,000,000: 40% × 15,000,000 = 6,000,000 → the 5,000,000 cap
 *   Changping 第五条（一）: "按照不超过取证产品研发投入的30%，单个注册证给予最高300万元支持"
 *     200万 = 2,000,000:                 30% × 2,000,000  = 600,000
 *     1.5亿 = 150,000,000:               30% × 150,000,000 = 45,000,000 → the 3,000,000 cap
 *     (a standard pathway: Beijing 一、3 pays only the reviews it names)
 */
const paid: readonly [typed: string, region: string, yuan: number][] = [
  ["500万", "shenzhen", 2000000],
  ["500万元", "shenzhen", 2000000],
  ["１５００万", "shenzhen", 5000000],
  ["１，５００万", "shenzhen", 5000000],
  ["1,500万", "shenzhen", 5000000],
  ["200万", "changping", 600000],
  ["２００万", "changping", 600000],
  ["1.5亿", "changping", 3000000],
  ["１．５亿", "changping", 3000000],
];

/** Each typed amount, in yuan: 万 = 10^4, 亿 = 10^8. */
const yuanOf: Readonly<Record<string, string>> = {
  "500万": "5000000",
  "500万元": "5000000",
  "１５００万": "15000000",
  "１，５００万": "15000000",
  "1,500万": "15000000",
  "200万": "2000000",
  "２００万": "2000000",
  "1.5亿": "150000000",
  "１．５亿": "150000000",
};

/** Refused, each for its own reason: Chinese numerals, a stray word, a sign, a rate, an exponent. */
const refused: readonly [typed: string, code: "#VALUE!" | "#NUM!"][] = [
  ["五百万", "#VALUE!"],
  ["500万x", "#VALUE!"],
  ["约500万", "#VALUE!"],
  ["10%", "#VALUE!"],
  ["5e6万", "#VALUE!"],
  ["-500万", "#NUM!"],
  ["－５００万", "#NUM!"],
];

describe("the grammar: the task pane's parser and the engine's gate read the same", () => {
  test.each(Object.entries(yuanOf))("%s is %s yuan", (typed, yuan) => {
    const pane = parseAmountText(typed);
    expect(pane.ok && pane.yuan.toFixed()).toBe(yuan);
    const gate = checkAmount(typed);
    expect(isAmountProblem(gate) ? gate : gate.toFixed()).toBe(yuan);
  });

  test.each(refused)("%s is refused by both", (typed) => {
    expect(parseAmountText(typed).ok).toBe(false);
    expect(isAmountProblem(checkAmount(typed))).toBe(true);
  });
});

describe("a cell (the built bundle)", () => {
  const en = loadFunctions("en-US");
  const zh = loadFunctions("zh-CN");
  const registration = (fns: typeof en, rdCost: string, region: string) => (fns.get("REGISTRATION")!([[3]], [[rdCost]], [[region]], null, null) as unknown[][])[0][0];

  test.each(paid)("REGISTRATION(3, %s, %s) = %d", (typed, region, yuan) => {
    expect(registration(en, typed, region)).toBe(yuan);
    expect(registration(zh, typed, region)).toBe(yuan);
  });

  test.each(refused)("REGISTRATION(3, %s, …) is %s saying what is accepted, in Office's language", (typed, code) => {
    const excelCode = code === "#NUM!" ? ErrorCode.invalidNumber : ErrorCode.invalidValue;
    const inEn = registration(en, typed, "shenzhen") as ExcelError;
    const inZh = registration(zh, typed, "shenzhen") as ExcelError;
    expect(inEn).toBeInstanceOf(ExcelError);
    expect(inEn.code).toBe(excelCode);
    expect(inZh.code).toBe(excelCode);
    expect(inEn.message).toMatch(/^rdCost /);
    // 研发投入 is the parameter's name in Chinese Excel's Insert Function dialog (zh-cn.json).
    expect(inZh.message).toMatch(/^研发投入/);
    if (code === "#VALUE!") {
      expect(inEn.message).toContain('such as 5000000, "500万" or "1.5亿"');
      expect(inZh.message).toContain("如 5000000、500万、1.5亿 或 １５００万");
    } else {
      expect(inZh.message).toContain("不能小于 0 元");
    }
  });
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the CLI", () => {
  test.each(paid)("subsidy call REGISTRATION 3 %s %s prints %d", async (typed, region, yuan) => {
    expect(await run(["call", "REGISTRATION", "3", typed, region])).toEqual({ code: 0, out: String(yuan), err: "" });
  });

  test("a refused amount prints #VALUE! with what is accepted, in --lang or LANG", async () => {
    const zh = await run(["call", "REGISTRATION", "3", "五百万", "深圳"], { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(1);
    expect(zh.out).toBe('#VALUE! 研发投入应为以元计的数值，如 5000000、500万、1.5亿 或 １５００万（输入为 "五百万"）');
    const en = await run(["call", "REGISTRATION", "3", "五百万", "shenzhen", "--lang", "en-US"], { LANG: "zh_CN.UTF-8" });
    expect(en.out).toBe('#VALUE! rdCost must be an amount in yuan such as 5000000, "500万" or "1.5亿", got "五百万"');
  });
});

describe("a scenario file", () => {
  const dir = mkdtempSync(join(tmpdir(), "typed-"));
  const scenario = (rdCost: unknown) => ({
    schemaVersion: 1,
    name: "typed",
    enterprise: { region: "shenzhen", sector: "device" },
    horizon: { from: 2027, to: 2027 },
    events: [{ type: "certificate", year: 2027, product: "A", class: 3, rdCost }],
  });

  test.each(Object.entries(yuanOf))("rdCost %s reads as %s yuan", (typed, yuan) => {
    expect(parseScenario(scenario(typed)).events[0]).toMatchObject({ rdCost: yuan });
  });

  test("a plain amount is kept as written", () => {
    expect(parseScenario(scenario("5000000")).events[0]).toMatchObject({ rdCost: "5000000" });
    expect(parseScenario(scenario(5000000)).events[0]).toMatchObject({ rdCost: 5000000 });
  });

  test("the forecast of 500万 is the forecast of 5000000, to the fen", async () => {
    const files = ["500万", "5000000"].map((rdCost, i) => {
      const file = join(dir, `s${i}.json`);
      writeFileSync(file, JSON.stringify(scenario(rdCost)));
      return file;
    });
    const [typed, plain] = await Promise.all(files.map((f) => run(["forecast", f, "--format", "json"])));
    expect(typed.code).toBe(0);
    expect(JSON.parse(typed.out).total).toEqual(JSON.parse(plain.out).total);
    // Shenzhen （五）: 40% × 5,000,000 = 2,000,000, under the 500万 cap.
    expect(JSON.parse(typed.out).lines.find((l: { clause: string }) => l.clause.startsWith("shenzhen-device/5"))).toMatchObject({ ceiling: "2000000" });
  });

  test.each(refused)("rdCost %s is refused at its field, with what is accepted, in the reader's language", (typed) => {
    try {
      parseScenario(scenario(typed));
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const [zh] = (e as ScenarioError).problemsIn("zh-CN");
      const [en] = (e as ScenarioError).problemsIn("en-US");
      expect(zh).toMatch(/^研发投入（events\[0\]\.rdCost）：/);
      expect(en).toMatch(/^R&D cost \(events\[0\]\.rdCost\): must be/);
      expect(zh).toMatch(typed.includes("-") || typed.includes("－") ? /不能小于 0 元/ : /如 5000000、500万、1\.5亿 或 １５００万/);
      return;
    }
    throw new Error(`${typed} was accepted`);
  });

  test("through the CLI, a refused amount in a file names the field as the user knows it, with its path", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(scenario("五百万")));
    const r = await run(["forecast", file, "--lang", "zh-CN"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} 不是有效的情景文件：`);
    expect(r.err).toContain('研发投入（events[0].rdCost）：应为以元计的数值，如 5000000、500万、1.5亿 或 １５００万（输入为 "五百万"）');
  });
});
