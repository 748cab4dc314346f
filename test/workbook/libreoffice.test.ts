import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { main } from "../../src/cli/main";
import { accountedForecast, accountsTable, CATALOG_VERSION, parseScenario, toNumber, WAN, ZERO, type Band, type Lang } from "../../src/engine";
import { figuresViews } from "../../src/workbook/figures";
import { pointerText } from "../../src/workbook/sheets";
import { parseCsv } from "../support/csv";

/*
 * What a reader without the add-in sees: each example's template opened in LibreOffice Calc
 * headless (Debian's libreoffice-calc-nogui; .ci/run installs it) and its sheets saved as CSV,
 * raw values. The values sheet must read back as the engine's forecast, exactly, with no error
 * cell. Each template in both languages is also printed to PDF, as a reader prints it: its first
 * page must show the figures or the line pointing to them. Runs wherever soffice is on the PATH;
 * skipped only where it is not.
 */

const soffice = (process.env.PATH ?? "").split(delimiter).map((d) => join(d, "soffice")).find((p) => existsSync(p));
const root = join(__dirname, "..", "..");
const examples = ["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json", "shenzhen-cfo-views.json"];

(soffice ? describe : describe.skip)("the templates in LibreOffice Calc (headless)", () => {
  const dir = mkdtempSync(join(tmpdir(), "lo-"));
  const sheets: Record<string, Record<string, string[][]>> = {};

  /** The text of each page of each PDF, as pdftotext reads it. */
  const pages: Record<string, string[]> = {};
  const pdfText = (base: string, n: number) => pages[base][n - 1];

  beforeAll(async () => {
    // Both languages, printed to PDF as a reader prints the file (every sheet, its print setup).
    const pdfs = [];
    mkdirSync(join(dir, "pdf-in"));
    for (const file of examples)
      for (const lang of ["en-US", "zh-CN"]) {
        const out = join(dir, "pdf-in", `${file.replace(".json", "")}-${lang}.xlsx`);
        expect(await main(["template", out, "--scenario", join(root, "examples", file), "--lang", lang], { out: () => undefined, err: () => undefined })).toBe(0);
        pdfs.push(out);
      }
    const printed = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", join(dir, "pdf"), ...pdfs], { encoding: "utf8", timeout: 180_000 });
    expect(printed.status).toBe(0);
    for (const xlsx of pdfs) {
      const base = xlsx.replace(/^.*\//, "").replace(".xlsx", "");
      const text = spawnSync("pdftotext", ["-layout", join(dir, "pdf", `${base}.pdf`), "-"], { encoding: "utf8" });
      expect(text.status).toBe(0);
      pages[base] = text.stdout.split("\f").map((p) => p.trim());
    }
    const files = [];
    for (const file of examples) {
      const out = join(dir, file.replace(".json", ".xlsx"));
      expect(await main(["template", out, "--scenario", join(root, "examples", file), "--lang", "en-US"], { out: () => undefined, err: () => undefined })).toBe(0);
      files.push(out);
    }
    // One run for all; a private profile so parallel runs do not share LibreOffice's lock.
    // Filter options: comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet.
    const run = spawnSync(
      soffice!,
      [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", join(dir, "csv"), ...files],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(run.status).toBe(0);
    for (const file of examples) {
      const base = file.replace(".json", "");
      sheets[file] = Object.fromEntries(
        ["Inputs", "Forecast", "Events", "Figures", "About"].map((s) => [s, parseCsv(readFileSync(join(dir, "csv", `${base}-${s}.csv`), "utf8"))]),
      );
    }
  }, 360_000);

  describe.each(examples)("%s", (file) => {
    const scenario = parseScenario(JSON.parse(readFileSync(join(root, "examples", file), "utf8")));
    const { forecast: f, accounts } = accountedForecast(scenario);

    test("the values sheet reads back as the engine's forecast, to the yuan and beyond, with no error cell", () => {
      const figures = sheets[file].Figures;
      expect(figures.flat().filter((cell) => /^(#[A-Z/0!?]+|Err:\d+)/.test(cell))).toEqual([]);
      expect(figures[1].slice(0, 2)).toEqual(["Scenario", scenario.name]);
      expect(figures[2].slice(0, 2)).toEqual(["Catalog version", CATALOG_VERSION]);
      expect(figures[3][1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(figures[5][0]).toMatch(/only in Excel with the Subsidy Forecast add-in/);
      const header = figures.findIndex((r) => r[0] === "Year");
      const policies = [...new Set(f.years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
      const band = (b: Band) => [b.ceiling, b.expected, b.p10, b.p50, b.p90].map(toNumber);
      const expected = [
        ...f.years.map((y) => [y.year, ...band(y), ...policies.map((p) => toNumber(y.byPolicy[p]?.expected ?? ZERO))]),
        ["Total", ...band(f.total), ...policies.map((p) => toNumber(f.years.reduce((s, y) => s.plus(y.byPolicy[p]?.expected ?? ZERO), ZERO)))],
      ];
      const read = figures.slice(header + 1, header + 1 + expected.length).map((r) => r.slice(0, expected[0].length).map((v, c) => (c === 0 && v === "Total" ? v : Number(v))));
      expect(read).toEqual(expected);
    });

    test("the values sheet holds the year table in 万元 too: each amount ÷ 10,000, exactly", () => {
      const figures = sheets[file].Figures;
      const at = figures.findIndex((r) => r[0] === "Year" && r[1] === "Ceiling (万元)");
      expect(figures[at - 1][0]).toBe("The same table in 万元 (yuan ÷ 10,000)");
      const wan = (d: { dividedBy(n: typeof WAN): { toNumber(): number } }) => d.dividedBy(WAN).toNumber();
      const policies = [...new Set(f.years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
      const band = (b: Band) => [b.ceiling, b.expected, b.p10, b.p50, b.p90].map(wan);
      const expected = [
        ...f.years.map((y) => [y.year, ...band(y), ...policies.map((p) => wan(y.byPolicy[p]?.expected ?? ZERO))]),
        ["Total", ...band(f.total), ...policies.map((p) => wan(f.years.reduce((s, y) => s.plus(y.byPolicy[p]?.expected ?? ZERO), ZERO)))],
      ];
      const read = figures.slice(at + 1, at + 1 + expected.length).map((r) => r.slice(0, expected[0].length).map((v, c) => (c === 0 && v === "Total" ? v : Number(v))));
      expect(read).toEqual(expected);
    });

    test("the values sheet holds each view's table (cash, profit and loss, deferred income, tax, after tax) as the engine's, exactly", () => {
      const figures = sheets[file].Figures;
      // The year table in yuan, the same in 万元, then one per view.
      const headers = figures.flatMap((r, i) => (r[0] === "Year" ? [i] : [])).slice(2);
      expect(headers).toHaveLength(figuresViews.length);
      figuresViews.forEach((view, k) => {
        // Years and amounts as numbers, labels as the sheet writes them ("total" as "Total"), an empty band cell empty.
        const { rows } = accountsTable(accounts, view);
        const expected = rows.map((r) => r.map((v, c) => (typeof v === "object" ? toNumber(v) : c === 0 && v === "total" ? "Total" : v)));
        const read = figures.slice(headers[k] + 1, headers[k] + 1 + expected.length).map((r, i) =>
          r.slice(0, expected[0].length).map((v, c) => (typeof expected[i][c] === "number" ? Number(v) : v)),
        );
        expect(read).toEqual(expected);
      });
    });

    test("without the add-in, the live Forecast cells are errors: that is why the values sheet exists", () => {
      expect(sheets[file].Forecast[0][0]).toBe("#NAME?");
    });
  });

  describe.each(examples.flatMap((file) => (["en-US", "zh-CN"] as Lang[]).map((lang) => [file, lang] as const)))("%s printed in %s", (file, lang) => {
    test("the first page shows the line pointing to the figures, and the values sheet's first page shows them", () => {
      const base = `${file.replace(".json", "")}-${lang}`;
      const page = (n: number) => pdfText(base, n);
      // The whole text of the line, as a page header (pdftotext may break it across lines).
      const flat = (t: string) => t.replace(/\s+/g, "");
      expect(flat(page(1))).toContain(flat(pointerText(lang)));
      // The values sheet begins on the page whose text starts with its title; its figures are there.
      const title = lang === "zh-CN" ? "政策补贴测算：计算时的数值（纯数值）" : "Subsidy forecast: the figures as computed (plain values)";
      const first = pages[base].findIndex((t) => flat(t).startsWith(flat(title)));
      expect(first).toBeGreaterThan(0);
      const scenario = parseScenario(JSON.parse(readFileSync(join(root, "examples", file), "utf8")));
      const total = toNumber(accountedForecast(scenario).forecast.total.ceiling);
      // The total ceiling, shown "#,##0" (with its fen after, if any).
      expect(pages[base][first]).toContain(Math.trunc(total).toLocaleString("en-US"));
    });
  });
});
