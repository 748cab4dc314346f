import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { causesOf, compareForecasts, Decimal, forecast, formatAmountIn, formatSignedIn, parseScenario, type DiffReason, type Scenario } from "../../src/engine";
import { exampleRaw } from "../../src/taskpane/examples";
import { translate, type I18n, type Lang } from "../../src/taskpane/i18n";
import type { Amounts } from "../../src/taskpane/results/amounts";
import { reasonText } from "../../src/taskpane/results/words";
import { axeSerious, launch, openPane, paneCases, requireChromium, results, root, screenshot, serveDist } from "./support";

/*
 * DESIGN's three what-ifs on the built task pane (headless Chromium, preview mode), from the
 * Changping class III startup example, in both languages at 350 px and 1280 px: the
 * certificate slips a year, the plant moves to Shenzhen, 60% of discretionary awards granted.
 * Each Δ the pane shows must be the engine's forecast difference (computed here, in Node, from
 * the same example), each with the engine's reason as the pane says it; a reload keeps the
 * work; undo brings back a removed card; no number is clipped in its box; the results page of
 * the example is at most 2,500 px tall at 400 px with the summary above the fold; axe-core
 * finds nothing serious. Clicks and keystrokes of the what-ifs are counted and written to
 * test-results/e2e/whatif-counts.json.
 */

const raw = JSON.parse(readFileSync(join(root, "examples", "changping-device-startup.json"), "utf8"));
const base: Scenario = parseScenario(raw);
const baseF = forecast(base);
/** The what-ifs of the example as the pane loads it in `lang` (in zh-CN its Chinese labels, src/taskpane/examples.ts), which the reasons name. */
const whatIfsIn = (lang: Lang) => {
  const loaded = exampleRaw("changping-device-startup", lang) as typeof raw;
  const from = parseScenario(loaded);
  const fromF = forecast(from);
  const variant = (edit: (r: typeof raw) => void) => {
    const r = structuredClone(loaded);
    edit(r);
    const s = parseScenario(r);
    return compareForecasts(from, fromF, s, forecast(s));
  };
  return {
    slip: variant((r) => (r.events[6].year += 1)),
    shenzhen: variant((r) => (r.enterprise.region = "shenzhen")),
    share60: variant((r) => (r.defaults = { realisation: 0.6 })),
  };
};

const i18nOf = (lang: Lang): I18n => ({ lang, t: (key, params) => translate(lang, key, params) });
/** Amounts in 元, as the pane shows them by default. */
const yuanAmounts = (lang: Lang): Amounts => {
  const unitName = translate(lang, "unit.yuan");
  return { unit: "yuan", unitName, money: (x) => `${formatAmountIn(x, "yuan")} ${unitName}`, signed: (x) => `${formatSignedIn(x, "yuan")} ${unitName}`, bare: (x) => formatAmountIn(x, "yuan") };
};
/** The reasons as the pane states them: one per cause, its events' Δ summed (causesOf). */
const reasons = (lang: Lang, rs: readonly DiffReason[]) => causesOf(rs).map((c) => reasonText(c.reason, i18nOf(lang), yuanAmounts(lang)));

/** The actions a person takes, counted as they are made. */
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
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      this.keys++;
      await this.page.keyboard.press(key);
    }
  }
}

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };
const counts: Record<string, unknown> = {};

beforeAll(async () => {
  requireChromium();
  server = await serveDist();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, "whatif-counts.json"), `${JSON.stringify(counts, null, 2)}\n`);
  await browser?.close();
  await server?.close();
});

const text = async (page: Page, testId: string) => (await page.textContent(`[data-testid="${testId}"]`))?.trim() ?? "";

/** No amount, year or percentage box shows less than its text, and the page never scrolls sideways. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll<HTMLInputElement>("input[name]")).filter((i) => /(year|from|to|revenue|rd|rdCost|value|bestBefore|bidValue|sales|premium|cost|areaM2|probability|realisation)$/.test(i.name));
    const bad = boxes.filter((i) => i.scrollWidth > i.clientWidth).map((i) => `${i.name} ${i.scrollWidth} > ${i.clientWidth}`);
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) bad.push(`page ${doc.scrollWidth} > ${doc.clientWidth}`);
    return bad;
  });
}

const cases = paneCases;

test.each(cases)("%s at %i px: the three what-ifs, Δ equal to the engine's, reasons stated, work kept", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const signed = (x: Decimal) => yuanAmounts(lang).signed(x);
  const whatIfs = whatIfsIn(lang);
  const { page, errors } = await openPane(browser.context, server.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  const person = new Person(page);
  const tag = `${lang}-${width}`;

  // From the example to the results, the baseline set.
  await person.choose(`select[aria-label="${t("example.label")}"]`, "changping-device-startup");
  await person.click(`button:has-text("${t("example.load")}")`);
  expect(await clipped(page)).toEqual([]);
  await person.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="summary"]');
  expect(await text(page, "sticky-total")).toBe(`${formatAmountIn(baseF.total.expected, "yuan")} 元`);
  await person.click('[data-testid="set-baseline"]');
  const setup = { clicks: person.clicks, keys: person.keys };

  // 1. The certificate slips a year: −1.6M, Beijing's measures expire 2028-12-31.
  await person.click('[data-testid="new-whatif"]');
  expect(await page.inputValue('[data-testid="shift-event"]')).toBe("6"); // the certificate, by default
  await person.click('[data-testid="shift-later"]');
  await page.waitForSelector('[data-testid="sticky-delta"]');
  expect(await text(page, "sticky-delta")).toBe(signed(whatIfs.slip.total.delta));
  expect(whatIfs.slip.total.delta).toEqual(new Decimal("-1600000"));
  const lines1 = await text(page, "whatif-lines");
  for (const r of reasons(lang, whatIfs.slip.byEvent.flatMap((e) => e.reasons))) expect(lines1).toContain(r);
  expect(lines1).toContain("2028-12-31");
  await screenshot(page, `whatif-${tag}-1-slip`);
  const slip = { clicks: person.clicks - setup.clicks, keys: person.keys - setup.keys };

  // A reload keeps the draft, the baseline and the what-if.
  await page.reload();
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');
  expect(await page.getAttribute("html", "lang")).toBe(lang);
  await page.click('[data-testid="step-4"]');
  expect(await text(page, "sticky-delta")).toBe(signed(whatIfs.slip.total.delta));
  expect(await page.locator('[data-testid="variant"]').count()).toBe(1);

  // 2. The plant moves to Shenzhen: −11.6M (16.4M → 4.8M, test/compare.test.ts), each matter without a Shenzhen clause named.
  const before2 = { clicks: person.clicks, keys: person.keys };
  await person.click('[data-testid="back-to-baseline"]');
  await person.click('[data-testid="new-whatif"]');
  await person.choose('[data-testid="region-switch"]', "shenzhen");
  expect(await text(page, "sticky-delta")).toBe(signed(whatIfs.shenzhen.total.delta));
  expect(whatIfs.shenzhen.total.delta).toEqual(new Decimal("-11600000"));
  const lines2 = await text(page, "whatif-lines");
  for (const r of reasons(lang, whatIfs.shenzhen.byEvent.flatMap((e) => e.reasons))) expect(lines2).toContain(r);
  expect(lines2).toContain(t("region.shenzhen"));
  await screenshot(page, `whatif-${tag}-2-shenzhen`);
  const shenzhen = { clicks: person.clicks - before2.clicks, keys: person.keys - before2.keys };

  // 3. 60% of discretionary awards granted: nothing moves, and the pane says why.
  const before3 = { clicks: person.clicks, keys: person.keys };
  await person.click('[data-testid="back-to-baseline"]');
  await person.click('[data-testid="new-whatif"]');
  // One click on the slider's thumb (at 100%), then eight steps of 5 to 60%.
  person.clicks++;
  await page.focus('[data-testid="share-slider"]');
  await person.press("ArrowLeft", 8);
  expect(await page.inputValue('[data-testid="share-slider"]')).toBe("60");
  expect(await text(page, "sticky-delta")).toBe(signed(whatIfs.share60.total.delta));
  expect(whatIfs.share60.total.delta.isZero()).toBe(true);
  expect(await text(page, "whatif-lines")).toContain(t("reason.noDiscretionaryClause"));
  await screenshot(page, `whatif-${tag}-3-share60`);
  const share60 = { clicks: person.clicks - before3.clicks, keys: person.keys - before3.keys };

  // All three against the baseline, each with its Δ.
  expect(await page.locator('[data-testid="variant"]').count()).toBe(3);
  const variants = await text(page, "variants");
  for (const d of [whatIfs.slip, whatIfs.shenzhen, whatIfs.share60]) expect(variants).toContain(signed(d.total.delta));
  expect(await axeSerious(page)).toEqual([]);

  // Undo brings back a removed card (asked first: it has typed content).
  await page.click('[data-testid="back-to-baseline"]');
  await page.click('[data-testid="step-2"]');
  const cards = page.locator('[data-testid="remove-event"]');
  const n = await cards.count();
  await cards.first().click();
  await page.click(`dialog button:has-text("${t("remove")}")`);
  expect(await cards.count()).toBe(n - 1);
  await page.click('[data-testid="undo"]');
  expect(await cards.count()).toBe(n);
  expect(await page.inputValue('[name="events.0.product"]')).toBe("AI-CT");
  for (const step of [1, 2, 3]) {
    await page.click(`[data-testid="step-${step}"]`);
    expect({ step, clipped: await clipped(page) }).toEqual({ step, clipped: [] });
  }
  await screenshot(page, `whatif-${tag}-undo`);

  counts[tag] = { setup, slip, shenzhen, share60 };
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

test("the results page of the example at 400 px: at most 2,500 px tall, the summary above the fold", async () => {
  const { page, errors } = await openPane(browser.context, server.url);
  await page.setViewportSize({ width: 400, height: 900 });
  await page.selectOption(`select[aria-label="${translate("en-US", "example.label")}"]`, "changping-device-startup");
  await page.click(`button:has-text("${translate("en-US", "example.load")}")`);
  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="summary"]');
  const { height, summaryTop } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    summaryTop: document.querySelector('[data-testid="summary"]')!.getBoundingClientRect().top,
  }));
  counts["results-height-400px"] = height;
  expect(height).toBeLessThanOrEqual(2500);
  expect(summaryTop).toBeLessThan(900);
  // The summary names what matters: the share on drafts, Beijing's expiry, the certificate's 8.8M
  // (14.8M of 16.4M on drafts = 90.2%; test/compare.test.ts).
  expect(await text(page, "summary-draft")).toMatch(/^90\.2% /);
  expect(await text(page, "summary-expiry")).toContain("2028-12-31");
  expect(await text(page, "summary-drivers")).toContain("8,800,000 元");
  await screenshot(page, "results-400px");
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
