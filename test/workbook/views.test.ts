import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { accountedForecast, accountsTable, engine, parseScenario, readerTable, toNumber, type Lang } from "../../src/engine";
import { figuresViews } from "../../src/workbook/figures";
import { besideAt, viewSheets, type ViewCode } from "../../src/workbook/layout";
import { buildWorkbookEngine } from "../support/hyperformula";
import { readTemplate, type Template } from "../support/template-reader";

/*
 * The CFO's views in the template: a sheet per view whose A1 is the live FORECAST of that view,
 * cached with the engine's figures, and the same figures as plain numbers on the values sheet.
 * examples/shenzhen-cfo-views.json, worked out by hand in test/accounting/example.test.ts:
 * plant 6,000,000 entitled 2026 (asset, gross, 20 years, lag 1 → 19 shares of 315,789.47… from
 * 2027); frontier research 8,000,000 in 2026 (lag 0, costs over 2026–27, 不征税收入); class III
 * certificate 4,000,000 in 2027 (p = 0.8, lag 1 → 2028); tax 15% (the expense: current tax on receipt
 * plus the change in deferred tax; research's R&D loses its deduction and its super deduction).
 */

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "views-"));
const example = join(root, "examples", "shenzhen-cfo-views.json");
const scenario = parseScenario(JSON.parse(readFileSync(example, "utf8")));

/** Year → [ceiling, expected], then what falls after 2030 and the total (a balance: its value at the end of 2030). */
const hand: Record<ViewCode, (string | number)[][]> = {
  cash: [
    [2026, 8000000, 8000000],
    [2027, 6000000, 6000000],
    [2028, 4000000, 3200000], // the certificate, × 0.8 expected
    [2029, 0, 0],
    [2030, 0, 0],
    ["after 2030", 0, 0],
    ["total", 18000000, 17200000],
  ],
  pl: [
    [2026, 4000000, 4000000], // research 8,000,000 / 2
    [2027, 4315789.47, 4315789.47], // 4,000,000 + 315,789.47
    [2028, 4315789.48, 3515789.48], // 315,789.48 + 4,000,000 (3,200,000 expected)
    [2029, 315789.47, 315789.47],
    [2030, 315789.47, 315789.47],
    ["after 2030", 4736842.11, 4736842.11], // 6,000,000 − 1,263,157.89
    ["total", 18000000, 17200000],
  ],
  deferred: [
    [2026, 4000000, 4000000], // research received, half recognised
    [2027, 5684210.53, 5684210.53], // 6,000,000 − 315,789.47
    [2028, 5368421.05, 5368421.05],
    [2029, 5052631.58, 5052631.58],
    [2030, 4736842.11, 4736842.11],
    ["end of 2030", 4736842.11, 4736842.11],
  ],
  tax: [
    // Research, 不征税收入 paying R&D: 15% × 4,000,000 not deductible + 15% × 100% × 4,000,000 super deduction lost.
    [2026, 1200000, 1200000],
    [2027, 1247368.42, 1247368.42], // + the plant's expense 900,000 − 852,631.58 (deferred tax asset 15% × 5,684,210.53)
    [2028, 647368.42, 527368.42], // 47,368.42 + 600,000 (480,000 expected)
    [2029, 47368.42, 47368.42],
    [2030, 47368.42, 47368.42],
    // the plant's deferred tax asset at the end of 2030, 15% × 4,736,842.11 = 710,526.3165 → 710,526.32, reversing after
    ["after 2030", 710526.32, 710526.32],
    ["total", 3900000, 3780000],
  ],
  aftertax: [
    [2026, 2800000, 2800000], // 4,000,000 − 1,200,000
    [2027, 3068421.05, 3068421.05], // 4,315,789.47 − 1,247,368.42
    [2028, 3668421.06, 2988421.06],
    [2029, 268421.05, 268421.05],
    [2030, 268421.05, 268421.05],
    ["after 2030", 4026315.79, 4026315.79], // 4,736,842.11 − 710,526.32
    ["total", 14100000, 13420000], // 18,000,000 − 3,900,000; 17,200,000 − 3,780,000
  ],
  // Beside the expense (issue 19): current tax on receipt, research's not deductible and super deduction lost.
  currentTax: [
    [2026, 1200000, 1200000], // research: 15% × 4,000,000 + 15% × 100% × 4,000,000
    [2027, 2100000, 2100000], // research 1,200,000 + the plant's 15% × 6,000,000 = 900,000 on receipt
    [2028, 600000, 480000], // the certificate's 15% × 4,000,000 (× 0.8 expected)
    [2029, 0, 0],
    [2030, 0, 0],
    ["after 2030", 0, 0],
    ["total", 3900000, 3780000],
  ],
  deferredTaxAsset: [
    [2026, 0, 0],
    [2027, 852631.58, 852631.58], // 15% × 5,684,210.53 = 852,631.5795
    [2028, 805263.16, 805263.16], // 15% × 5,368,421.05 = 805,263.1575
    [2029, 757894.74, 757894.74], // 15% × 5,052,631.58 = 757,894.737
    [2030, 710526.32, 710526.32], // 15% × 4,736,842.11 = 710,526.3165
    ["end of 2030", 710526.32, 710526.32],
  ],
  deferredTaxLiability: [
    [2026, 0, 0], // nothing recognised before it is received
    [2027, 0, 0],
    [2028, 0, 0],
    [2029, 0, 0],
    [2030, 0, 0],
    ["end of 2030", 0, 0],
  ],
  nonDeductible: [
    [2026, 1200000, 1200000], // 600,000 not deductible + 600,000 super deduction lost
    [2027, 1200000, 1200000],
    [2028, 0, 0],
    [2029, 0, 0],
    [2030, 0, 0],
    ["after 2030", 0, 0],
    ["total", 2400000, 2400000],
  ],
  // Beside cash: the current tax prepaid the year it arises (the default), and the cash net of it.
  taxPaid: [
    [2026, 1200000, 1200000],
    [2027, 2100000, 2100000],
    [2028, 600000, 480000],
    [2029, 0, 0],
    [2030, 0, 0],
    ["after 2030", 0, 0],
    ["total", 3900000, 3780000],
  ],
  netCash: [
    [2026, 6800000, 6800000], // 8,000,000 − 1,200,000
    [2027, 3900000, 3900000], // 6,000,000 − 2,100,000
    [2028, 3400000, 2720000], // 4,000,000 − 600,000; 3,200,000 − 480,000
    [2029, 0, 0],
    [2030, 0, 0],
    ["after 2030", 0, 0],
    ["total", 14100000, 13420000],
  ],
};

const { accounts } = accountedForecast(scenario);
/** The engine's table of a view as FORECAST spills it in an Excel of `lang` (the reader's words). */
const engineCells = (view: ViewCode, lang: Lang) => {
  const t = readerTable(accountsTable(accounts, view, lang), lang, engine().catalog.documents);
  return [t.header, ...t.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v)))];
};
/** The block a view spills from `anchor` (its width and height as the engine's table), as cached in the file. */
const cached = (ws: ExcelJS.Worksheet, anchor: string, rows: number, columns: number) => {
  const at = ws.getCell(anchor);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const v = ws.getCell(Number(at.row) + r, Number(at.col) + c).value as ExcelJS.CellValue;
      return v !== null && typeof v === "object" && "result" in v ? v.result : v;
    }),
  );
};
const placed = viewSheets.flatMap((s) => [{ sheet: s, view: s.view, anchor: "A1" }, ...s.beside.map((view, k) => ({ sheet: s, view, anchor: besideAt(k).anchor }))]);

describe.each(["en-US", "zh-CN"] as Lang[])("the template of the CFO example, --lang %s", (lang) => {
  let t: Template;
  beforeAll(async () => {
    const out = join(dir, `cfo-${lang}.xlsx`);
    expect(await main(["template", out, "--scenario", example, "--lang", lang, "--force"], { out: () => undefined, err: () => undefined })).toBe(0);
    t = await readTemplate(out);
  });

  test("a sheet per view, named in the workbook's language", () => {
    const names = lang === "zh-CN" ? ["现金", "损益", "所得税", "税后"] : ["Cash", "Profit and loss", "Tax", "After tax"];
    expect(t.workbook.worksheets.map((w) => w.name).slice(2, 6)).toEqual(names);
  });

  test.each(placed.map((p) => [p.view, p.anchor, p] as const))("%s at %s: the live formula with the view, cached with the engine's table and the hand figures", (view, anchor, p) => {
    const ws = t.workbook.getWorksheet(p.sheet.names[lang])!;
    expect((ws.getCell(anchor).value as ExcelJS.CellFormulaValue).formula).toBe(`_xldudf_SUBSIDY_FORECAST(Inputs[#All],"${view}")`);
    const want = engineCells(view, lang);
    const got = cached(ws, anchor, want.length, want[0].length);
    expect(got).toEqual(want);
    // Year, ceiling and expected of every year and of the rows after the years, by hand; labelled in the template's language.
    const word = (v: string | number) => (lang === "zh-CN" && typeof v === "string" ? (v === "total" ? "合计" : v.replace(/^after (\d+)$/, "$1年以后").replace(/^end of (\d+)$/, "$1年末")) : v);
    expect(got.slice(1, 1 + hand[view].length).map((r) => r.slice(0, 3))).toEqual(hand[view].map((r) => r.map(word)));
  });

  test("recomputed by HyperFormula with the add-in's functions, each view gives its cached table", () => {
    // HyperFormula stands for an Excel displaying the template's language, whose FORECAST the cache holds.
    const hf = buildWorkbookEngine(t.hfSheets(), lang);
    for (const { sheet, view, anchor } of placed) {
      const ws = t.workbook.getWorksheet(sheet.names[lang])!;
      const want = engineCells(view, lang);
      const at = ws.getCell(anchor);
      const values = hf.getSheetValues(hf.getSheetId(ws.name)!);
      const block = values.slice(Number(at.row) - 1, Number(at.row) - 1 + want.length).map((r) => r.slice(Number(at.col) - 1, Number(at.col) - 1 + want[0].length));
      expect(block).toEqual(cached(ws, anchor, want.length, want[0].length));
    }
    hf.destroy();
  });

  test("the package stores each view's formula in Excel's form and marks it a dynamic array", () => {
    for (const { sheet, view, anchor } of placed) {
      const id = new RegExp(`<sheet [^>]*name="${sheet.names[lang]}"[^>]*r:id="([^"]+)"`).exec(t.parts["xl/workbook.xml"])![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(t.parts["xl/_rels/workbook.xml.rels"])![1];
      const xml = t.parts[`xl/${target.replace(/^\/?xl\//, "")}`];
      expect(xml).toMatch(new RegExp(`<c r="${anchor}" cm="1"[^>]*><f t="array"[^>]*>_xldudf_SUBSIDY_FORECAST\\(Inputs\\[#All\\],&quot;${view}&quot;\\)</f>`));
    }
  });

  test("the values sheet holds every view's table as plain numbers, the hand figures among them", () => {
    const figures = t.workbook.getWorksheet(lang === "zh-CN" ? "数值" : "Figures")!;
    const rows: ExcelJS.CellValue[][] = [];
    figures.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as ExcelJS.CellValue[]).slice(1)));
    expect(rows.flat().some((v) => v !== null && typeof v === "object")).toBe(false); // no formula
    const total = lang === "zh-CN" ? "合计" : "Total";
    const label = (v: string | number) => (v === "total" ? total : typeof v === "number" ? v : lang === "zh-CN" ? v.replace(/^after (\d+)$/, "$1年以后").replace(/^end of (\d+)$/, "$1年末") : v);
    const year = lang === "zh-CN" ? "年份" : "Year";
    const headers = rows.flatMap((r, i) => (r?.[0] === year ? [i] : []));
    // The entitled table in yuan, the same in 万元, then each view in the view sheets' order.
    expect(headers).toHaveLength(2 + figuresViews.length);
    figuresViews.forEach((view, k) => {
      const at = headers[k + 2];
      expect(rows.slice(at + 1, at + 1 + hand[view].length).map((r) => r.slice(0, 3))).toEqual(hand[view].map(([y, c, e]) => [label(y), c, e]));
    });
    // Then the roll-forward, expected: deferred income gains the cash and loses what reaches profit;
    // the deferred tax asset moves by the expense's deferred part.
    const roll = rows.findIndex((r) => r?.[0] === (lang === "zh-CN" ? "项目" : "balance"));
    const named = (zh: string, en: string) => rows.slice(roll + 1).filter((r) => r?.[0] === (lang === "zh-CN" ? zh : en)).map((r) => r.slice(1, 6));
    expect(named("递延收益", "deferred income").slice(0, 3)).toEqual([
      [2026, 0, 8000000, 4000000, 4000000], // research 8,000,000 received, half its costs in 2026
      [2027, 4000000, 6000000, 4315789.47, 5684210.53], // the plant's 6,000,000; research 4,000,000 + the plant's 315,789.47
      [2028, 5684210.53, 0, 315789.48, 5368421.05],
    ]);
    expect(named("递延所得税资产", "deferred tax asset").slice(1, 3)).toEqual([
      [2027, 0, 852631.58, 0, 852631.58],
      [2028, 852631.58, 0, 47368.42, 805263.16], // 852,631.58 − 805,263.16
    ]);
  });
});
