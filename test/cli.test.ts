import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { designExamples } from "./support/design-examples";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("subsidy call", () => {
  const cases: [string[], string][] = [
    ...designExamples.map(([name, args, expected]): [string[], string] => [[name, ...args.map(String)], String(expected)]),
    // An empty argument is an omitted one: the pathway defaults to standard, the year to none.
    [["REGISTRATION", "3", "5000000", "shenzhen", "", ""], "2000000"],
    // 2‰ × 812,345,678 = 1,624,691.356, printed in plain notation.
    [["REVENUE", "812345678", "0", "changping"], "1624691.356"],
  ];
  test.each(cases)("%j prints %s", async (args, printed) => {
    expect(await run("call", ...args)).toEqual({ code: 0, out: printed, err: "" });
  });

  test("an Excel error prints as its code and message and exits 1", async () => {
    const r = await run("call", "REGISTRATION", "3", "-1", "shenzhen");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^#NUM! rdCost must be ≥ 0/);
  });

  test("EXPLAIN prints the text", async () => {
    const r = await run("call", "EXPLAIN", "FACILITY", "20000000", "2000", "shenzhen");
    expect(r.code).toBe(0);
    expect(r.out).toContain("（七）: pays 6,000,000");
  });

  test("clauses --json carries every cap and limit with its sentence, quoted from the text", async () => {
    const r = await run("clauses", "--json");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; limits: { caps: { sentence?: string }[]; enterpriseAnnualCap?: { amount: string; sentence: string }; maxYears?: { years: number; sentence: string } } }[];
    const byId = Object.fromEntries(rows.map((row) => [row.id, row.limits]));
    expect(byId["changping-pharma/5.1"].enterpriseAnnualCap).toEqual({ amount: "100000000", sentence: "每个企业每年支持金额不超过1亿元" });
    expect(byId["shenzhen-device/5.class3"].enterpriseAnnualCap).toEqual({ amount: "10000000", sentence: "单个企业每年累计获得资助最高不超过1000万元" });
    expect(byId["changping-device/3.1"].maxYears).toEqual({ years: 3, sentence: "累计支持不超过三年" });
    // Every enterprise annual cap and year limit in the listing has its sentence.
    expect(rows.filter((row) => (row.limits.enterpriseAnnualCap && !row.limits.enterpriseAnnualCap.sentence) || (row.limits.maxYears && !row.limits.maxYears.sentence))).toEqual([]);
  });

  test("CLAUSES prints a tab-separated table", async () => {
    const r = await run("call", "CLAUSES", "shenzhen", "facility");
    expect(r.out.split("\n")[0].split("\t")[0]).toBe("id");
    expect(r.out.split("\n")[1].split("\t")[0]).toBe("shenzhen-device/7");
  });
});

describe("subsidy clauses", () => {
  test("lists ids, summaries and quoted sentences", async () => {
    const r = await run("clauses", "--region", "shenzhen", "--topic", "facility");
    expect(r.code).toBe(0);
    expect(r.out).toContain("shenzhen-device/7");
    expect(r.out).toContain("“对新建或改造医疗器械方向GMP厂房");
  });

  test("--json gives objects with citations", async () => {
    const rows = JSON.parse((await run("clauses", "--region", "北京", "--topic", "registration", "--json")).out);
    expect(rows).toEqual([expect.objectContaining({ id: "beijing-device/3", article: "一、3", jurisdiction: "beijing" })]);
  });

  test("a bad option is a usage error, not a stack trace", async () => {
    expect(await run("clauses", "--region", "mars")).toMatchObject({ code: 2, err: expect.stringContaining("--region") });
    expect((await run("clauses", "--bogus")).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});

test("the installed bin runs (npx subsidy)", async () => {
  const bin = join(__dirname, "..", "bin", "subsidy.js");
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: join(__dirname, "..") });
  const ok = spawnSync(process.execPath, [bin, "call", "REGISTRATION", "3", "5000000", "shenzhen"], { encoding: "utf8" });
  expect({ status: ok.status, stdout: ok.stdout }).toEqual({ status: 0, stdout: "2000000\n" });
  const bad = spawnSync(process.execPath, [bin, "call", "REGISTRATION", "3", "-1", "shenzhen"], { encoding: "utf8" });
  expect(bad.status).toBe(1);
});

describe("subsidy forecast", () => {
  const example = join(__dirname, "..", "examples", "changping-device-startup.json");

  test("prints the year table, the method and a line per clause", async () => {
    const r = await run("forecast", example);
    expect(r.code).toBe(0);
    expect(r.out).toContain("exact over 2 combinations of uncertain events");
    expect(r.out).toMatch(/^2028\s+12,200,000\s+10,000,000/m);
    expect(r.out).toMatch(/^total\s+18,600,000\s+16,400,000/m);
    // 第五条（二）'s local-production award: 落地生产的一次性再给予最高300万元支持, at probability 0.8 → 2,400,000 expected.
    expect(r.out).toContain("第五条（二）: 3,000,000 / 2,400,000\n      up to 3,000,000 (最高300万元)");
  });

  test("--format csv gives plain numbers", async () => {
    const lines = (await run("forecast", example, "--format", "csv")).out.split("\n");
    expect(lines[0].split(",").slice(0, 6)).toEqual(["year", "ceiling", "expected", "p10", "p50", "p90"]);
    expect(lines[3].split(",").slice(0, 3)).toEqual(["2028", "12200000", "10000000"]);
  });

  test("--format json carries the citations", async () => {
    const json = JSON.parse((await run("forecast", example, "--format", "json")).out);
    expect(json.total).toMatchObject({ ceiling: "18600000", expected: "16400000" });
    expect(json.lines.find((l: { clause: string }) => l.clause === "beijing-device/3")).toMatchObject({ article: "一、3", ceiling: "2000000" });
  });

  test("a bad scenario names the field and the problem, without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scn-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, name: "x", enterprise: { region: "mars", sector: "device" }, horizon: { from: 2026, to: 2027 }, events: [{ type: "insurance", year: 2026, premium: -1 }] }));
    const r = await run("forecast", bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("enterprise.region");
    expect(r.err).toContain("events[0].premium");
    expect(r.err).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  test("a file that is not JSON, or missing, is one clear line", async () => {
    const r = await run("forecast", join(__dirname, "nope.json"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.json: ENOENT/);
  });

  test("usage errors", async () => {
    expect((await run("forecast")).code).toBe(2);
    expect((await run("forecast", example, "--format", "xml")).code).toBe(2);
    expect((await run("forecast", example, "--draws", "0")).code).toBe(2);
  });
});
