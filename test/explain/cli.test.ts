import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const explainArgs = ["call", "EXPLAIN", "registration", "III", "5e6", "深圳"];
const withLang = (lang: string) => ["call", "--lang", lang, ...explainArgs.slice(1)];

describe("subsidy call --lang", () => {
  test("echoes the call as typed, then the total with separators", async () => {
    // 40% × 5,000,000 = 2,000,000 under （五）'s 500万元.
    const r = await run({}, ...explainArgs);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("registration III 5e6 深圳 = 2,000,000 yuan");
  });

  test("an empty argument is echoed as \"\"", async () => {
    expect((await run({}, "call", "EXPLAIN", "REGISTRATION", "3", "5000000", "shenzhen", "")).out.split("\n")[0]).toBe(
      'REGISTRATION 3 5000000 shenzhen "" = 2,000,000 yuan',
    );
  });

  test.each([
    [withLang("zh-CN"), {}, "zh-CN"],
    [[...explainArgs, "--lang=zh-CN"], {}, "zh-CN"],
    [explainArgs, { LANG: "zh_CN.UTF-8" }, "zh-CN"],
    // POSIX: LC_ALL overrides LANG.
    [explainArgs, { LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" }, "en-US"],
    [explainArgs, { LANG: "C" }, "en-US"],
    [withLang("en-US"), { LANG: "zh_CN.UTF-8" }, "en-US"],
  ] as const)("%j with %j speaks %s", async (argv, env, lang) => {
    const r = await run(env, ...argv);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(lang === "zh-CN" ? "registration III 5e6 深圳 = 2,000,000元" : "registration III 5e6 深圳 = 2,000,000 yuan");
    expect(r.out).toContain(lang === "zh-CN" ? "取证产品研发投入5,000,000元 × 40% = 2,000,000元" : "40% × R&D cost of the certified product 5,000,000 = 2,000,000");
  });

  test("an unknown language is a usage error", async () => {
    expect(await run({}, "call", "--lang", "fr", "REGISTRATION", "3", "1", "shenzhen")).toEqual({
      code: 2,
      out: "",
      err: 'subsidy call: --lang must be zh-CN or en-US, got "fr"',
    });
  });
});

describe("subsidy forecast --lang", () => {
  const example = join(__dirname, "..", "..", "examples", "changping-device-startup.json");

  test("zh-CN: lines, steps and notes in Chinese; the user's labels as written", async () => {
    const r = await run({}, "forecast", example, "--lang", "zh-CN");
    expect(r.code).toBe(0);
    expect(r.out).toContain("地区：昌平区；政策目录版本");
    expect(r.out).toContain("明细（上限 / 预期）：");
    // 第三条（二）: 50% × 1,200,000 = 600,000 → 500,000 per policy; 单个企业每年最高200万元 leaves
    // 2,000,000 − 300,000 − 3 × 500,000 = 200,000 for the fifth policy.
    expect(r.out).toContain(
      [
        `2027  product liability — 昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿）第三条（二）：200,000元 / 200,000元`,
        "      单个保单实际缴纳保费1,200,000元 × 50% = 600,000元",
        "      受上限约束，为500,000元（单个保单不超过500,000元，原文“给予最高50万元支持”）",
        "      由500,000元减至200,000元：单个企业年度上限2,000,000元（昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿）第三条（二）：“每年最高支持200万元”）",
      ].join("\n"),
    );
  });

  test("en-US by default: the same line in English", async () => {
    const r = await run({}, "forecast", example);
    expect(r.out).toContain(
      [
        "2027  product liability — Changping District measures to develop the high-end medical device cluster (draft for comment), 第三条（二）: 200,000 / 200,000",
        "      50% × premium actually paid on one insurance policy 1,200,000 = 600,000",
        "      capped at 500,000 (up to 500,000 per policy: “给予最高50万元支持”)",
        "      reduced from 500,000 to 200,000: per-enterprise annual cap 2,000,000 (Changping District measures to develop the high-end medical device cluster (draft for comment) 第三条（二）: “每年最高支持200万元”)",
      ].join("\n"),
    );
  });
});
