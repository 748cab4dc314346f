import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { main } from "../src/cli/main";

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("subsidy call", () => {
  test.each([
    [["REGISTRATION", "3", "5000000", "shenzhen"], "2000000"],
    [["REGISTRATION", "3", "5000000", "changping"], "1500000"],
    [["REGISTRATION", "2", "5000000", "changping"], "0"],
    [["REGISTRATION", "3", "40000000", "changping", "innovative"], "10000000"],
    [["RD", "20000000", "8000000", "4000000", "changping"], "800000"],
    [["SCALEUP", "120000000", "80000000", "changping"], "400000"],
    [["FACILITY", "20000000", "2000", "shenzhen"], "6000000"],
    // An empty argument is an omitted one: the pathway defaults to standard, the year to none.
    [["REGISTRATION", "3", "5000000", "shenzhen", "", ""], "2000000"],
    // 2‰ × 812,345,678 = 1,624,691.356, printed in plain notation.
    [["REVENUE", "812345678", "0", "changping"], "1624691.356"],
  ])("%j prints %s", (args, printed) => {
    expect(run("call", ...args)).toEqual({ code: 0, out: printed, err: "" });
  });

  test("an Excel error prints as its code and message and exits 1", () => {
    const r = run("call", "REGISTRATION", "3", "-1", "shenzhen");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^#NUM! rdCost must be ≥ 0/);
  });

  test("EXPLAIN prints the text", () => {
    const r = run("call", "EXPLAIN", "FACILITY", "20000000", "2000", "shenzhen");
    expect(r.code).toBe(0);
    expect(r.out).toContain("shenzhen-device/7");
  });

  test("CLAUSES prints a tab-separated table", () => {
    const r = run("call", "CLAUSES", "shenzhen", "facility");
    expect(r.out.split("\n")[0].split("\t")[0]).toBe("id");
    expect(r.out.split("\n")[1].split("\t")[0]).toBe("shenzhen-device/7");
  });
});

describe("subsidy clauses", () => {
  test("lists ids, summaries and quoted sentences", () => {
    const r = run("clauses", "--region", "shenzhen", "--topic", "facility");
    expect(r.code).toBe(0);
    expect(r.out).toContain("shenzhen-device/7");
    expect(r.out).toContain("“对新建或改造医疗器械方向GMP厂房");
  });

  test("--json gives objects with citations", () => {
    const rows = JSON.parse(run("clauses", "--region", "北京", "--topic", "registration", "--json").out);
    expect(rows).toEqual([expect.objectContaining({ id: "beijing-device/3", article: "一、3", jurisdiction: "beijing" })]);
  });

  test("a bad option is a usage error, not a stack trace", () => {
    expect(run("clauses", "--region", "mars")).toMatchObject({ code: 2, err: expect.stringContaining("--region") });
    expect(run("clauses", "--bogus").code).toBe(2);
    expect(run().code).toBe(2);
  });
});

test("the installed bin runs (npx subsidy)", () => {
  const bin = join(__dirname, "..", "bin", "subsidy.js");
  execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: join(__dirname, "..") });
  const ok = spawnSync(process.execPath, [bin, "call", "REGISTRATION", "3", "5000000", "shenzhen"], { encoding: "utf8" });
  expect({ status: ok.status, stdout: ok.stdout }).toEqual({ status: 0, stdout: "2000000\n" });
  const bad = spawnSync(process.execPath, [bin, "call", "REGISTRATION", "3", "-1", "shenzhen"], { encoding: "utf8" });
  expect(bad.status).toBe(1);
});
