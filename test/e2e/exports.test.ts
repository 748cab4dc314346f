import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { Decimal, engine, forecast, parseScenario, scenarioSummary, scenarioToInputs, toNumber } from "../../src/engine";
import { policyName } from "../../src/taskpane/results/words";
import { exampleRaw } from "../../src/taskpane/examples";
import { translate, type Lang } from "../../src/taskpane/i18n";
import { summarySheetNames } from "../../src/taskpane/workbook/summary-sheet";
import { fakeExcel, workbookOf } from "./fake-excel";
import { chromiumOnDist, paneCases, screenshot } from "./support";
import { parseCsv } from "../support/csv";

/*
 * Issue 20, "each export's content is checked", for the two exports test/e2e/compare.test.ts
 * checks only in part or not at all, on the built pane in headless Chromium in Excel mode
 * (test/e2e/fake-excel.ts), both languages, 350 and 1280 px, with the Changping example as the
 * baseline and the three what-ifs of issue 11 (the certificate a year later, the plant in
 * Shenzhen, 60% of discretionary awards):
 * - the scenario summary written to the workbook: a sheet of plain numbers, its title and stamp
 *   (date, catalog version) above the table, every cell equal to the engine's forecasts of the
 *   four scenarios, made here from the example file;
 * - the inputs CSV of the open what-if: every row of the Inputs table the engine makes of that
 *   scenario (scenarioToInputs), its header in the reader's language.
 */

jest.setTimeout(180_000);
const browser = chromiumOnDist();
const cases = paneCases;

/**
 * The four scenarios of the example as the pane loads it in `lang` (in zh-CN its Chinese name and
 * labels, src/taskpane/examples.ts): the baseline; the certificate (event 6) a year later; the
 * plant in Shenzhen; 60% of what is discretionary.
 */
function scenarios(lang: Lang) {
  type Raw = { events: { year: number }[]; enterprise: { region: string }; defaults?: unknown };
  const startup = exampleRaw("changping-device-startup", lang) as Raw;
  const variant = (edit: (r: Raw) => void) => {
    const r = JSON.parse(JSON.stringify(startup)) as Raw;
    edit(r);
    return r;
  };
  return {
    startup,
    later: variant((r) => (r.events[6].year += 1)),
    shenzhen: variant((r) => (r.enterprise.region = "shenzhen")),
    share60: variant((r) => (r.defaults = { realisation: 0.6 })),
  };
}

async function threeWhatIfs(page: Page, lang: Lang) {
  await page.selectOption(`select[aria-label="${translate(lang, "example.label")}"]`, "changping-device-startup");
  await page.click(`button:has-text("${translate(lang, "example.load")}")`);
  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="set-baseline"]');
  await page.click('[data-testid="new-whatif"]');
  await page.click('[data-testid="shift-later"]');
  await page.click('[data-testid="back-to-baseline"]');
  await page.click('[data-testid="new-whatif"]');
  await page.selectOption('[data-testid="region-switch"]', "shenzhen");
  await page.click('[data-testid="back-to-baseline"]');
  await page.click('[data-testid="new-whatif"]');
  await page.focus('[data-testid="share-slider"]');
  // 100% to 60%, 5 points a step.
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowLeft");
}

test.each(cases)("%s at %i px: the summary written to the workbook and the what-if's inputs CSV hold what the engine computes", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const { startup, later, shenzhen, share60 } = scenarios(lang);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await fakeExcel(page, [{ displayLanguage: lang, sheets: { [lang === "zh-CN" ? "工作表1" : "Sheet1"]: {} } }]);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.url}taskpane.html?officeTimeout=300`);
  await page.waitForSelector('[data-testid="wizard"][data-mode="excel"]');
  await threeWhatIfs(page, lang);

  // The summary as a sheet of values.
  await page.click('[data-testid="summary-to-sheet"]');
  const sheet = summarySheetNames[lang];
  const names = [t("whatif.baseline"), ...[1, 2, 3].map((n) => t("whatif.name", { n }))];
  const expected = scenarioSummary([startup, later, shenzhen, share60].map((raw, i) => ({ name: names[i], forecast: forecast(parseScenario(raw)) })));
  // The label, the baseline, then each what-if and its Δ.
  const width_ = 2 + 2 * (names.length - 1);
  const rows = 4 + expected.years.length + 1 + expected.policies.length;
  const last = String.fromCharCode(64 + width_);
  await page.waitForSelector(`text=${t("scenarioSummary.written", { address: `${sheet}!A1:${last}${rows}` })}`);
  const cells = (await workbookOf(page)).sheets[sheet];
  const value = (address: string) => cells[address]?.value;
  const row = (r: number) => Array.from({ length: width_ }, (_, c) => value(`${String.fromCharCode(65 + c)}${r}`));
  expect(value("A1")).toBe(t("scenarioSummary.title"));
  expect(value("A2")).toMatch(new RegExp(`^${t("scenarioSummary.stamp", { date: "\\d{4}-\\d{2}-\\d{2}", version: engine().catalog.version.replace(/\./g, "\\.") })}$`));
  expect(row(3).every((v) => v === "")).toBe(true);
  expect(row(4)).toEqual([t("scenarioSummary.label"), ...names.flatMap((n, i) => (i === 0 ? [n] : [n, t("scenarioSummary.delta", { name: n })]))]);
  // Each amount the number the engine gives (yuan, plain), the baseline then each what-if and its Δ.
  const numbers = (r: { expected: readonly Decimal[]; delta: readonly Decimal[] }) => r.expected.flatMap((x, i) => (i === 0 ? [toNumber(x)] : [toNumber(x), toNumber(r.delta[i])]));
  const i18n = { lang, t };
  const want = [
    ...expected.years.map((y) => [y.year, ...numbers(y)]),
    [t("col.total"), ...numbers(expected.total)],
    ...expected.policies.map((p) => [policyName(p.document, i18n), ...numbers(p)]),
  ];
  expect(Array.from({ length: want.length }, (_, i) => row(5 + i))).toEqual(want);
  // By hand (test/compare.test.ts): the baseline 16,400,000; a year later −1,600,000 (Beijing's measures expire 2028-12-31).
  expect(want[expected.years.length].slice(1, 4)).toEqual([16_400_000, 14_800_000, -1_600_000]);
  expect(cells.B5?.format).toBe("#,##0.00");

  // With 方案 3 open, its inputs: every row of the Inputs table of that scenario.
  const [inputs] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-inputs"]')]);
  const csv = readFileSync((await inputs.path())!, "utf8");
  expect(csv.startsWith("\ufeff")).toBe(true);
  const [header, ...body] = parseCsv(csv.slice(1));
  // The Inputs table in the reader's language (scenarioToInputs), as the Inputs sheet of a template in that language is.
  const [columns, ...table] = scenarioToInputs(parseScenario(share60), lang);
  expect(header).toEqual(columns.map(String));
  const plain = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? (v as Decimal).toFixed() : String(v));
  expect(body).toEqual(table.map((r) => r.map(plain)));
  // The share the what-if set is there: 60% of what is discretionary.
  expect(body.some((r) => r.includes("0.6"))).toBe(true);
  await screenshot(page, `exports-${lang}-${width}`);
  expect(errors).toEqual([]);
  await page.close();
});
