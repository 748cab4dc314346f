import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { compareForecasts, Decimal, formatAmountIn, formatSignedIn, forecast, parseScenario, scenarioSummary, scenarioToInputs } from "../../src/engine";
import { exampleRaw } from "../../src/taskpane/examples";
import { translate, type Lang } from "../../src/taskpane/i18n";
import { axeSerious, chromiumOnDist, openPane, paneCases, root, screenshot } from "./support";

/*
 * Issue 20, on the built pane in headless Chromium, both languages, 350 and 1280 px:
 * - the Shenzhen example with DR-lite's certificate moved 2027 → 2028: the header's +2,000,000
 *   is explained line by line, the lines' Δs add up to it, and PET-CT's +2,000,000 names the
 *   10,000,000-a-year cap of 深圳（五） (test/forecast/attribution.test.ts has the arithmetic);
 * - R&D of 8M in 2025 and 0 in 2024 in Changping: "Not paid, and why" shows 昌平器械 第三条（一）
 *   with the text's words and 8,000,000 < 10,000,000 (test/forecast/why-not.test.ts);
 * - step 1 says what each clause reads, from the catalog;
 * - flag badges grow with their text instead of overflowing their pill, the step is kept across a
 *   reload, and a click on the share slider's track does not move it.
 */

const browser = chromiumOnDist();
const cases = paneCases;
const text = async (page: Page, selector: string) => (await page.textContent(selector))?.trim() ?? "";

const raw = JSON.parse(readFileSync(join(root, "examples", "shenzhen-imaging-plant.json"), "utf8"));
const movedRaw = structuredClone(raw);
movedRaw.events[1].year = 2028;
const [base, moved] = [parseScenario(raw), parseScenario(movedRaw)];
const diff = compareForecasts(base, forecast(base), moved, forecast(moved));

async function loadExample(page: Page, lang: Lang, id: string) {
  await page.selectOption(`select[aria-label="${translate(lang, "example.label")}"]`, id);
  await page.click(`button:has-text("${translate(lang, "example.load")}")`);
}

/** A scenario file imported through the pane's own Import button. */
async function importScenario(page: Page, scenario: object) {
  await page.setInputFiles('[data-testid="import-json"]', { name: "walk.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(scenario)) });
}

/** The signed amount of each explained line, in yuan, read back from the page. */
const amountsOf = (texts: string[]) => texts.map((s) => new Decimal(s.replace(/[^\d+−-]/g, "").replace("−", "-") || "0"));

test.each(cases)("%s at %i px: DR-lite 2027 → 2028, +2,000,000 explained to the yuan, the cap named", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  await loadExample(page, lang, "shenzhen-imaging-plant");
  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="set-baseline"]');
  await page.click('[data-testid="new-whatif"]');
  await page.selectOption('[data-testid="shift-event"]', "1");
  await page.click('[data-testid="shift-later"]');
  const signed = (x: Decimal) => `${formatSignedIn(x, "yuan")} ${t("unit.yuan")}`;
  expect(diff.total.delta).toEqual(new Decimal(2_000_000));
  expect(await text(page, '[data-testid="sticky-delta"]')).toBe(signed(diff.total.delta));

  const lines = page.locator('[data-testid="whatif-lines"] > [data-testid="delta-cause"]');
  expect(await lines.evaluateAll((ls) => ls.map((l) => l.getAttribute("data-cause")))).toEqual(["ownEvent", "annualCap"]);
  const [own, cap] = await lines.allTextContents();
  expect(own).toContain(t("change.moved", { event: `${t("event.certificate")} · DR-lite`, from: 2027, to: 2028 }));
  expect(cap).toContain("PET-CT");
  expect(cap).toContain(signed(new Decimal(2_000_000)));
  expect(cap).toContain("10,000,000");
  expect(cap).toContain("2027");
  expect(cap).toContain("单个企业每年累计获得资助最高不超过1000万元");
  // The lines add up to the header, to the yuan.
  const each = amountsOf(await page.locator('[data-testid="whatif-lines"] > [data-testid="delta-cause"] > strong').allTextContents());
  expect(each.reduce((a, b) => a.plus(b), new Decimal(0))).toEqual(diff.total.delta);
  await screenshot(page, `compare-${lang}-${width}-shenzhen-cap`);
  expect(await axeSerious(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test.each(cases)("%s at %i px: R&D of 8M in 2025, 0 in 2024: the failing condition and its figure", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  await importScenario(page, {
    schemaVersion: 1,
    name: "R&D walk",
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2026, to: 2027 },
    financials: [
      { year: 2024, revenue: "20000000", rd: "0" },
      { year: 2025, revenue: "20000000", rd: "8000000" },
    ],
    events: [],
  });
  await page.click('[data-testid="step-1"]');
  // Step 1 says what 第三条（一） reads, in the catalog's words for the facts.
  const reads = await text(page, '[data-testid="figures-read"]');
  expect(reads).toContain("第三条（一）");
  for (const fact of lang === "zh-CN" ? ["上一年度营业收入", "上一年度研发投入", "上上年度研发投入"] : ["Operating revenue of the last year", "R&D spending of the last year", "R&D spending of the year before last"]) expect(reads).toContain(fact);

  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="not-paid"] > summary');
  const why = await page.locator('[data-testid="why-not"]').allTextContents();
  const rd = why.find((w) => w.includes("第三条（一）"));
  expect(rd).toBeDefined();
  expect(rd).toContain("上两年研发投入总额达1000万元以上的企业");
  expect(rd).toContain(`8,000,000 ${t("unit.yuan")} < 10,000,000 ${t("unit.yuan")}`);
  expect(await text(page, '[data-testid="not-paid"] > summary')).not.toContain("(0)");
  await screenshot(page, `compare-${lang}-${width}-why-not`);
  expect(await axeSerious(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test.each(cases)("%s at %i px: badges wrap inside their pill, the step survives a reload, the slider does not jump", async (lang, width) => {
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  await loadExample(page, lang, "changping-device-startup");
  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="by-event"] > summary');
  // Every badge's text stays inside its box (a fixed-height pill let "expires 2028-12-31" spill).
  const overflowing = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="by-event"] ul li > *'))
      .filter((b) => b.scrollHeight > b.clientHeight + 1 || b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > document.documentElement.clientWidth)
      .map((b) => b.textContent),
  );
  const badges = await page.locator('[data-testid="by-event"] ul li > *').count();
  expect(badges).toBeGreaterThan(10);
  expect(overflowing).toEqual([]);

  // A click on the share slider's track, away from its thumb (at 100%), moves nothing.
  const slider = page.locator('[data-testid="share-slider"]');
  // In the middle of the window, clear of the sticky total at the top.
  await slider.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const box = (await slider.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await slider.inputValue()).toBe("100");
  expect(await slider.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press("ArrowLeft");
  expect(await slider.inputValue()).toBe("95");

  // A reload comes back to the results.
  await page.reload();
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');
  await page.waitForSelector('[data-testid="summary"]');
  expect(await page.getAttribute('[data-testid="step-4"]', "aria-current")).toBe("step");
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

/** The person's actions, counted as they are made (test/e2e/whatif.test.ts counts the same way). */
class Person {
  clicks = 0;
  keys = 0;
  constructor(readonly page: Page) {}
  async click(selector: string) {
    this.clicks++;
    await this.page.click(selector);
  }
  /** A native select: one click to open it, one to choose. */
  async choose(selector: string, value: string) {
    this.clicks += 2;
    await this.page.selectOption(selector, value);
  }
}

test.each(cases)("%s at %i px: from the profile alone, a first figure in at most 10 clicks, and one click adds the event", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  const person = new Person(page);
  await person.choose('select[name="enterprise.region"]', "changping");
  await person.choose('select[name="enterprise.sector"]', "device");
  // 昌平器械 第五条（二）: "单个产品…最高800万元": the most a certificate can get, before any event is typed.
  const item = page.locator('[data-testid="claimable-item"][data-clause="changping-device/5.2"]');
  await item.waitFor();
  expect(await item.locator('[data-testid="claimable-most"]').textContent()).toBe(t("claimable.most", { amount: `8,000,000 ${t("unit.yuan")}` }));
  const first = { clicks: person.clicks, keys: person.keys };
  expect(first.clicks).toBeLessThanOrEqual(10);
  // R&D support (第三条（一）, 最高200万元) is listed too, claimed with a year of figures.
  expect(await page.locator('[data-testid="claimable-item"][data-clause="changping-device/3.1"] [data-testid="claimable-most"]').textContent()).toBe(t("claimable.most", { amount: `2,000,000 ${t("unit.yuan")}` }));
  // One click adds a certificate card and opens its step; the clause leaves the list.
  person.clicks++;
  await item.locator('[data-testid="claimable-add"]').click();
  expect(await page.getAttribute('[data-testid="step-2"]', "aria-current")).toBe("step");
  expect(await page.inputValue('[name="events.0.year"]')).toBe(String(new Date().getFullYear()));
  counts[`${lang}-${width}`] = { firstFigure: first, addEvent: person.clicks - first.clicks };
  await screenshot(page, `compare-${lang}-${width}-claimable`);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

const counts: Record<string, unknown> = {};
afterAll(() => {
  mkdirSync(join(root, "test-results", "e2e"), { recursive: true });
  writeFileSync(join(root, "test-results", "e2e", "profile-counts.json"), `${JSON.stringify(counts, null, 2)}\n`);
});

const startup = JSON.parse(readFileSync(join(root, "examples", "changping-device-startup.json"), "utf8"));
const startupVariant = (edit: (r: typeof startup) => void) => {
  const r = structuredClone(startup);
  edit(r);
  return forecast(parseScenario(r));
};

test.each(cases)("%s at %i px: the scenario summary of three what-ifs equals the engine's, names editable, exports named and checked", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  // The example as the pane loads it in this language: in zh-CN its Chinese name and labels (src/taskpane/examples.ts).
  const loaded = exampleRaw("changping-device-startup", lang) as typeof startup;
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  await loadExample(page, lang, "changping-device-startup");
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
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowLeft");

  const expected = scenarioSummary([
    { name: t("whatif.baseline"), forecast: forecast(parseScenario(startup)) },
    { name: t("whatif.name", { n: 1 }), forecast: startupVariant((r) => (r.events[6].year += 1)) },
    { name: t("whatif.name", { n: 2 }), forecast: startupVariant((r) => (r.enterprise.region = "shenzhen")) },
    { name: t("whatif.name", { n: 3 }), forecast: startupVariant((r) => (r.defaults = { realisation: 0.6 })) },
  ]);
  const table = page.locator('[data-testid="scenario-summary"] table');
  const names = await Promise.all([0, 1, 2, 3].map((i) => page.inputValue(`[data-testid="summary-name-${i}"]`)));
  expect(names).toEqual(expected.names);
  const bare = (x: Decimal) => formatAmountIn(x, "yuan");
  const signedBare = (x: Decimal) => formatSignedIn(x, "yuan");
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? "")));
  const want = [
    ...expected.years.map((y) => [String(y.year), y]),
    [t("col.total"), expected.total],
  ] as [string, { expected: readonly Decimal[]; delta: readonly Decimal[] }][];
  for (const [label, r] of want) {
    expect(rows.find((row) => row[0] === label)).toEqual([label, ...r.expected.flatMap((x, i) => (i === 0 ? [bare(x)] : [bare(x), signedBare(r.delta[i])]))]);
  }
  // Renamed in place: the header and the export follow.
  await page.fill('[data-testid="summary-name-0"]', "Plan A");
  expect(await page.inputValue('[data-testid="summary-name-0"]')).toBe("Plan A");

  const [summaryFile] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-summary"]')]);
  const summaryCsv = readFileSync((await summaryFile.path())!, "utf8");
  expect(summaryFile.suggestedFilename()).toBe(`${fileStem(loaded.name, t("scenarioSummary.file"))}.csv`);
  expect(summaryCsv).toContain(t("scenarioSummary.title"));
  expect(summaryCsv.split("\r\n")[1].split(",").slice(0, 3)).toEqual([t("scenarioSummary.label"), "Plan A", t("whatif.name", { n: 1 })]);
  expect(summaryCsv.split("\r\n").find((l) => l.startsWith(`${t("col.total")},`))).toBe(
    [t("col.total"), ...expected.total.expected.flatMap((x, i) => (i === 0 ? [x.toFixed()] : [x.toFixed(), expected.total.delta[i].toFixed()]))].join(","),
  );

  // With 方案 3 open, the results and inputs are written under its name, never the baseline's.
  const [results] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-results"]')]);
  expect(results.suggestedFilename()).toBe(`${fileStem(loaded.name, t("whatif.name", { n: 3 }), t("export.resultsFile"))}.csv`);
  const resultsCsv = readFileSync((await results.path())!, "utf8");
  expect(resultsCsv.split("\r\n")[0]).toBe(`\ufeff${[t("col.year"), t("col.policy"), t("results.clause"), t("delta.event"), t("col.ceiling"), t("col.expected"), t("col.p10"), t("col.p90"), t("results.citation")].join(",")}`);
  const share60 = startupVariant((r) => (r.defaults = { realisation: 0.6 }));
  // Every line that pays is a row, with its figures and its sentence; the totals close it.
  for (const l of share60.lines.filter((x) => x.expected.gt(0))) expect(resultsCsv).toContain(`,${l.ceiling.toFixed()},${l.expected.toFixed()},,,`);
  expect(resultsCsv).toContain("先期给予最高200万元");
  expect(resultsCsv.split("\r\n").at(-1)).toBe([t("col.total"), t("col.total"), "", "", share60.total.ceiling.toFixed(), share60.total.expected.toFixed(), share60.total.p10.toFixed(), share60.total.p90.toFixed(), ""].join(","));
  const [inputs] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-inputs"]')]);
  expect(inputs.suggestedFilename()).toBe(`${fileStem(loaded.name, t("whatif.name", { n: 3 }), t("export.inputsFile"))}.csv`);
  expect(readFileSync((await inputs.path())!, "utf8").split("\r\n")[0]).toBe(`\ufeff${scenarioToInputs(parseScenario(startup), lang)[0].join(",")}`);

  // The print: name, enterprise, date, year table, clause list, the summary; no control of the page.
  await page.emulateMedia({ media: "print" });
  await page.waitForSelector('[data-testid="print-summary"]');
  const printed = await page.evaluate(() => document.body.innerText);
  expect(printed).toContain(`${loaded.name} · ${t("whatif.name", { n: 3 })}`);
  expect(printed).toContain(loaded.enterprise.name);
  expect(printed).toContain(t("print.clauses"));
  expect(printed).toContain(bare(share60.total.expected));
  expect(printed).toContain(t("scenarioSummary.title"));
  for (const control of [t("export.print"), t("whatif.new"), t("example.load"), t("next", { step: t("step.workbook") })]) expect(printed).not.toContain(control);
  expect(await page.locator("button:visible").count()).toBe(0);
  await page.emulateMedia({ media: "screen" });
  await page.waitForSelector('[data-testid="print-summary"]', { state: "detached" });
  await screenshot(page, `compare-${lang}-${width}-summary`);
  expect(await axeSerious(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

/** How the pane names a file: its parts joined, letters and digits of any script kept, runs of anything else one "-", at most 80 characters. */
const fileStem = (...parts: string[]) => parts.join("-").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").slice(0, 80);
