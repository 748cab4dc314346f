import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { main } from "../../src/cli/main";
import type { Lang } from "../../src/engine";
import { figuresViews } from "../../src/workbook/figures";
import { parseCsv } from "../support/csv";

/*
 * The accounts' new lines read back from a template through LibreOffice Calc (headless), as a
 * reader without the add-in sees them, in both languages, equal to the tables worked by hand:
 * current tax, the expense, deferred tax, tax paid at 汇算清缴, net cash, the line before the
 * horizon and the roll-forward (issue 19).
 *
 * Shenzhen, 2026–2028, 25%, tax paid at the annual settlement (taxPayment annual):
 * - 深圳（七）plant: 3,000 × 1,800 m² = 5,400,000 entitled 2026 (ready for use 2026), received 2027 (lag 1),
 *   19 years left of 20: profit 284,210.53 (2027), 284,210.52 (2028: 2/19 → 568,421.05 cumulative).
 *   Current tax 25% × 5,400,000 = 1,350,000 in 2027. Deferred tax asset: 25% × 5,115,789.47 = 1,278,947.3675 →
 *   1,278,947.37 (2027); 25% × 4,831,578.95 = 1,207,894.7375 → 1,207,894.74 (2028). Expense 71,052.63 a year;
 *   after 2028, 1,350,000 − 142,105.26 = 1,207,894.74.
 * - 深圳（五）class III certificate: 40% × 10,000,000 = 4,000,000 entitled 2026, received 2027, set non-taxable:
 *   its R&D fell in 2025 (RULINGS §83), which loses 25% × 4,000,000 = 1,000,000 of deduction and
 *   25% × 100% × 4,000,000 = 1,000,000 of super deduction: 2,000,000 before 2026, paid at 2025's settlement in 2026.
 */

const soffice = (process.env.PATH ?? "").split(delimiter).map((d) => join(d, "soffice")).find((p) => existsSync(p));

const scenario = {
  schemaVersion: 2,
  name: "plant and a reward set non-taxable",
  enterprise: { region: "shenzhen", sector: "device" },
  horizon: { from: 2026, to: 2028 },
  events: [
    { type: "facility", year: 2026, cost: "20000000", areaM2: "1800", readyForUse: "2026" },
    { type: "certificate", year: 2026, product: "MRI", class: 3, rdCost: "10000000" },
  ],
  accounting: { taxRate: "0.25", taxPayment: "annual", nonTaxable: ["shenzhen-device/5.class3"] },
};

/** Year (or label) → ceiling, the expected being the same (every event certain). */
const hand: Partial<Record<(typeof figuresViews)[number], (string | number)[][]>> = {
  taxPaid: [[2026, 2000000], [2027, 0], [2028, 1350000], ["after 2028", 0], ["total", 3350000]],
  // Cash 5,400,000 + 4,000,000 = 9,400,000 in 2027, less the tax paid each year.
  netCash: [[2026, -2000000], [2027, 9400000], [2028, -1350000], ["after 2028", 0], ["total", 6050000]],
  tax: [[2026, 0], [2027, 71052.63], [2028, 71052.63], ["before 2026", 2000000], ["after 2028", 1207894.74], ["total", 3350000]],
  currentTax: [[2026, 0], [2027, 1350000], [2028, 0], ["before 2026", 2000000], ["after 2028", 0], ["total", 3350000]],
  deferredTaxAsset: [[2026, 0], [2027, 1278947.37], [2028, 1207894.74], ["end of 2028", 1207894.74]],
  deferredTaxLiability: [[2026, 0], [2027, 0], [2028, 0], ["end of 2028", 0]],
  nonDeductible: [[2026, 0], [2027, 0], [2028, 0], ["before 2026", 2000000], ["after 2028", 0], ["total", 2000000]],
  // 4,000,000 + 284,210.53 − 71,052.63 = 4,213,157.90; 284,210.52 − 71,052.63 = 213,157.89.
  aftertax: [[2026, 0], [2027, 4213157.9], [2028, 213157.89], ["before 2026", -2000000]],
};

const zhLabel = (v: string | number) =>
  typeof v === "number" ? v : v === "total" ? "合计" : v.replace(/^after (\d+)$/, "$1年以后").replace(/^before (\d+)$/, "$1年以前").replace(/^end of (\d+)$/, "$1年末");

(soffice ? describe : describe.skip)("the accounts' lines read back through LibreOffice Calc", () => {
  const dir = mkdtempSync(join(tmpdir(), "lo-accounts-"));
  const figures: Partial<Record<Lang, string[][]>> = {};

  beforeAll(async () => {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(scenario));
    const langs: Lang[] = ["en-US", "zh-CN"];
    const xlsx = langs.map((lang) => join(dir, `accounts-${lang}.xlsx`));
    for (const [i, lang] of langs.entries()) expect(await main(["template", xlsx[i], "--scenario", file, "--lang", lang], { out: () => undefined, err: () => undefined })).toBe(0);
    const run = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", join(dir, "csv"), ...xlsx],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    figures["en-US"] = parseCsv(readFileSync(join(dir, "csv", "accounts-en-US-Figures.csv"), "utf8"));
    figures["zh-CN"] = parseCsv(readFileSync(join(dir, "csv", "accounts-zh-CN-数值.csv"), "utf8"));
  }, 180_000);

  describe.each(["en-US", "zh-CN"] as Lang[])("%s", (lang) => {
    const rows = () => figures[lang]!;
    const headers = () => rows().flatMap((r, i) => (r[0] === (lang === "zh-CN" ? "年份" : "Year") ? [i] : [])).slice(2);

    test("no error cell, and a table per view", () => {
      expect(rows().flat().filter((cell) => /^(#[A-Z/0!?]+|Err:\d+)/.test(cell))).toEqual([]);
      expect(headers()).toHaveLength(figuresViews.length);
    });

    test.each(Object.keys(hand))("%s equals the hand-worked table, ceiling and expected", (view) => {
      const at = headers()[figuresViews.indexOf(view as (typeof figuresViews)[number])];
      const want = hand[view as keyof typeof hand]!.map(([y, v]) => [lang === "zh-CN" ? zhLabel(y) : y === "total" ? "Total" : y, v, v]);
      const read = rows()
        .slice(at + 1, at + 1 + want.length)
        .map((r) => r.slice(0, 3).map((v, c) => (c === 0 && !/^\d+$/.test(v) ? v : Number(v))));
      expect(read).toEqual(want);
    });

    test("the settings the tax views rest on are under them, in the sheet's language", () => {
      const text = rows().map((r) => r[1]).join("\n");
      if (lang === "zh-CN") expect(text).toContain("补助的所得税于次年5月31日前汇算清缴时缴纳（企业所得税法 第五十四条");
      else expect(text).toContain("the support's income tax paid at the annual settlement (汇算清缴) by 31 May of the next year");
    });

    test("each line's why, in the sheet's language", () => {
      const whys = rows().filter((r) => /^\d{4}$/.test(r[1]) && r[3]);
      const of = (view: string) => whys.filter((r) => r[0] === view).map((r) => r[3]);
      if (lang === "zh-CN") {
        expect(of("损益")).toContain("5,400,000 ÷ 19（20年房屋建筑物，2026年可使用，2027 年到账时尚余19年）");
        expect(of("不征税收入带来的税")).toEqual(["不征税收入（财税〔2011〕70号）：所奖励的支出发生在获奖前一年（2025 年），当年已扣除及加计扣除，25% × 4,000,000 = 1,000,000 + 25% × 100% × 4,000,000 = 1,000,000"]);
      } else {
        expect(of("Profit and loss")).toContain("5,400,000 ÷ 19 remaining years of a 20-year building ready in 2026, from 2027 when the money came");
        expect(of("Tax paid")).toContain("2027's current tax of 1,350,000, paid at the annual settlement by 31 May 2028 (set in the scenario)");
      }
    });

    test("the roll-forward of the deferred tax asset", () => {
      const name = lang === "zh-CN" ? "递延所得税资产" : "deferred tax asset";
      const read = rows()
        // The roll-forward's rows, not the whys' (which name the view too): amounts from the third column.
        .filter((r) => r[0] === name && /^\d{4}$/.test(r[1]) && /^-?[\d.]+$/.test(r[2]))
        .map((r) => r.slice(1, 6).map(Number));
      // 2027: raised by 1,278,947.37; 2028: 71,052.63 reverses.
      expect(read).toEqual([
        [2026, 0, 0, 0, 0],
        [2027, 0, 1278947.37, 0, 1278947.37],
        [2028, 1278947.37, 0, 71052.63, 1207894.74],
      ]);
    });
  });
});
