import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { forecast, formatYuan, parseScenario, type Scenario, type ScenarioEvent } from "../../src/engine";
import { axeSerious, launch, openPane, requireChromium, root, screenshot, serveDist } from "./support";

/*
 * The task pane in real Chromium (Debian's, headless) against the built dist/, in preview mode
 * as a plain browser opens it. A person fills the wizard with the Changping class III device
 * startup's facts (examples/changping-device-startup.json), once with mouse and keyboard and
 * once with the keyboard alone; the total the pane shows must be the engine's forecast of the
 * same scenario. axe-core finds no serious or critical violation on any step, in either
 * language. Screenshots of every step go to test-results/e2e/.
 */

const examplePath = join(root, "examples", "changping-device-startup.json");
const example: Scenario = parseScenario(JSON.parse(readFileSync(examplePath, "utf8")));
const expected = forecast(example);
const yuan = (x: { toFixed(): string }) => `${formatYuan(x as Parameters<typeof formatYuan>[0])} 元`;

const productTypes = new Set(["certificate", "innovativeReview", "fdaBreakthrough", "clinical", "output", "vbp", "firstSet"]);
/** The wizard's order: product milestones on step 2, then investments and costs on step 3. */
const productEvents = example.events.filter((e) => productTypes.has(e.type));
const investmentEvents = example.events.filter((e) => !productTypes.has(e.type));

const kindLabel: Record<ScenarioEvent["type"], string> = {
  certificate: "Registration certificate",
  innovativeReview: "Enters innovative / priority review",
  fdaBreakthrough: "FDA breakthrough device designation",
  clinical: "Drug enters a clinical phase",
  output: "Annual output of a product",
  vbp: "Volume-based procurement win (带量采购)",
  firstSet: "First-of-its-kind equipment sales (首台套)",
  insurance: "Insurance premium (clinical-trial or product liability)",
  facility: "GMP plant built or refitted",
  other: "Other catalog matter",
};

/** The text fields of an event as the wizard names them (events.N.field) and their values. */
function eventFields(e: ScenarioEvent): [string, string][] {
  const fields: [string, string][] = [["year", String(e.year)]];
  if ("product" in e && e.product !== undefined) fields.push(["product", e.product]);
  if (e.type === "certificate") fields.push(["rdCost", String(e.rdCost)]);
  if (e.type === "output") fields.push(["value", String(e.value)]);
  if (e.type === "insurance") fields.push(["premium", String(e.premium)]);
  if (e.label) fields.push(["label", e.label]);
  if (e.probability !== undefined) fields.push(["probability", String(e.probability * 100)]);
  return fields;
}

/** Selects of an event: value to choose. */
function eventChoices(e: ScenarioEvent): [string, string][] {
  return e.type === "certificate" ? [["class", String(e.class)], ["pathway", e.pathway]] : [];
}

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  requireChromium();
  server = await serveDist();
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectTotals(page: Page) {
  await page.waitForSelector('[data-testid="total-expected"]');
  expect(await page.textContent('[data-testid="total-expected"]')).toBe(yuan(expected.total.expected));
  expect(await page.textContent('[data-testid="total-ceiling"]')).toBe(yuan(expected.total.ceiling));
  expect(await page.textContent('[data-testid="total-band"]')).toBe(`${formatYuan(expected.total.p10)} – ${yuan(expected.total.p90)}`);
  // The scenario the pane built is the example's, events in the wizard's order.
  const built = parseScenario(JSON.parse((await page.textContent('[data-testid="scenario-json"]'))!));
  expect({ ...built, events: [] }).toEqual({ ...example, events: [] });
  expect(built.events).toEqual([...productEvents, ...investmentEvents]);
}

test("mouse and keyboard: the Changping class III startup, total equal to the engine's, a screenshot per step", async () => {
  const { page, errors } = await openPane(browser.context, server.url);
  const next = () => page.click('[data-testid="next"]');

  await screenshot(page, "01-enterprise-empty");
  await next(); // Next on an empty step shows the messages beside the fields
  expect(await page.locator(".fui-Field__validationMessage").first().textContent()).toBe("Required.");
  await page.fill('[name="name"]', example.name);
  await page.fill('[name="enterprise.name"]', example.enterprise.name!);
  await page.selectOption('[name="enterprise.region"]', example.enterprise.region);
  await page.selectOption('[name="enterprise.sector"]', example.enterprise.sector);
  await page.selectOption('[name="enterprise.sme"]', example.enterprise.sme ? "yes" : "no");
  await page.fill('[name="horizon.from"]', String(example.horizon.from));
  await page.fill('[name="horizon.to"]', String(example.horizon.to));
  for (const [i, f] of example.financials.entries()) {
    await page.click('button:has-text("Add a year")');
    await page.fill(`[name="financials.${i}.year"]`, String(f.year));
    await page.fill(`[name="financials.${i}.revenue"]`, Number(f.revenue).toLocaleString("en-US")); // typed with separators
    await page.fill(`[name="financials.${i}.rd"]`, String(f.rd));
  }
  // A message beside a field as it is typed, gone once the value is right.
  await page.fill('[name="financials.0.rd"]', "5,000,000x");
  await page.waitForSelector("text=An amount such as 15,000,000");
  await page.fill('[name="financials.0.rd"]', String(example.financials[0].rd));
  await screenshot(page, "02-enterprise-filled");
  await next();

  let index = 0;
  const addEvents = async (events: ScenarioEvent[], add: string) => {
    for (const e of events) {
      await page.selectOption("main select:not([name])", { label: kindLabel[e.type] });
      await page.click(`button:has-text("${add}")`);
      for (const [field, value] of eventFields(e)) await page.fill(`[name="events.${index}.${field}"]`, value);
      for (const [field, value] of eventChoices(e)) await page.selectOption(`[name="events.${index}.${field}"]`, value);
      if (e.type === "certificate" && e.localProduction) await page.check(`[name="events.${index}.localProduction"]`);
      index++;
    }
  };
  await addEvents(productEvents, "Add milestone");
  await screenshot(page, "03-products");
  await next();
  await addEvents(investmentEvents, "Add");
  await screenshot(page, "04-investments");
  await next();

  await expectTotals(page);
  await page.click('[data-testid="by-event"] > summary');
  await page.locator('button:has-text("Show the original sentence")').first().click();
  expect(await page.locator("article blockquote").first().isVisible()).toBe(true);
  await screenshot(page, "05-results");
  await next();

  const off = await page.textContent('[data-testid="workbook-off"]');
  expect(off).toMatch(/Workbook actions are off in preview mode\./);
  expect(await page.isDisabled('button:has-text("Write to workbook")')).toBe(true);
  await screenshot(page, "06-workbook-preview");

  await page.click('button:has-text("中文")');
  await page.click('nav button:has-text("测算结果")');
  await page.waitForSelector("text=预期合计");
  expect(await page.textContent('[data-testid="total-expected"]')).toBe(yuan(expected.total.expected));
  await screenshot(page, "07-results-zh-CN");
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

// ---- the keyboard alone ----------------------------------------------------------------------

/** Tab until the focused element is the one wanted (as a person would), or fail. */
async function tabTo(page: Page, target: { selector?: string; button?: string }, max = 200) {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(({ selector, button }) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      if (selector) return el.matches(selector);
      return el.tagName === "BUTTON" && (el.textContent ?? "").trim() === button;
    }, target);
    if (here) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, { selector: `[name="${name}"]` });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

/** A native select: arrow keys to the option, as the keyboard does it. */
async function choose(page: Page, selector: string, value: string) {
  await tabTo(page, { selector });
  const [current, target] = await page.evaluate(
    (value) => {
      const s = document.activeElement as HTMLSelectElement;
      return [s.selectedIndex, Array.from(s.options).findIndex((o) => o.value === value || o.label === value)];
    },
    value,
  );
  if (target < 0) throw new Error(`${selector} has no option ${value}`);
  for (let i = current; i < target; i++) await page.keyboard.press("ArrowDown");
  for (let i = current; i > target; i--) await page.keyboard.press("ArrowUp");
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedIndex)).toBe(target);
}

const press = async (page: Page, button: string) => {
  await tabTo(page, { button });
  await page.keyboard.press("Enter");
};

test("the keyboard alone: the same scenario, the same total", async () => {
  const { page, errors } = await openPane(browser.context, server.url);
  const nextTo = (step: string) => press(page, `Next: ${step}`);

  await typeInto(page, "name", example.name);
  await typeInto(page, "enterprise.name", example.enterprise.name!);
  await choose(page, '[name="enterprise.region"]', example.enterprise.region);
  await choose(page, '[name="enterprise.sector"]', example.enterprise.sector);
  await choose(page, '[name="enterprise.sme"]', "yes");
  await typeInto(page, "horizon.from", String(example.horizon.from));
  await typeInto(page, "horizon.to", String(example.horizon.to));
  for (const [i, f] of example.financials.entries()) {
    await press(page, "Add a year"); // lands on the new row's revenue, the year filled in
    await page.waitForFunction((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `financials.${i}.revenue`);
    expect(await page.inputValue(`[name="financials.${i}.year"]`)).toBe(String(f.year));
    await page.keyboard.type(String(f.revenue));
    await typeInto(page, `financials.${i}.rd`, String(f.rd));
  }
  await nextTo("Products and milestones");
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "step-title");

  let index = 0;
  const addEvents = async (events: ScenarioEvent[], add: string) => {
    for (const e of events) {
      await choose(page, "main select:not([name])", kindLabel[e.type]);
      await press(page, add); // lands on the new card's first field
      await page.waitForFunction((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `events.${index}.year`);
      for (const [field, value] of eventFields(e)) await typeInto(page, `events.${index}.${field}`, value);
      for (const [field, value] of eventChoices(e)) await choose(page, `[name="events.${index}.${field}"]`, value);
      if (e.type === "certificate" && e.localProduction) {
        await tabTo(page, { selector: `[name="events.${index}.localProduction"]` });
        await page.keyboard.press("Space");
      }
      index++;
    }
  };
  await addEvents(productEvents, "Add milestone");
  await nextTo("Investments and costs");
  await addEvents(investmentEvents, "Add");
  await nextTo("Results");

  await expectTotals(page);
  await tabTo(page, { selector: '[data-testid="by-event"] > summary' });
  await page.keyboard.press("Enter");
  await press(page, "Show the original sentence");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe("true");
  await screenshot(page, "08-results-keyboard");
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);

// ---- accessibility ---------------------------------------------------------------------------

test("axe-core: no serious or critical violation on any step, in English and in Chinese", async () => {
  const { page, errors } = await openPane(browser.context, server.url);
  await page.selectOption('select[aria-label="Start from an example"]', "changping-device-startup");
  await page.click('button:has-text("Load example")');
  const found: Record<string, unknown[]> = {};
  for (const lang of ["English", "中文"]) {
    await page.click(`header button:has-text("${lang}")`);
    for (let step = 1; step <= 5; step++) {
      await page.click(`nav li:nth-child(${step}) button`);
      await page.waitForSelector(`[data-testid="step-title"]:has-text("${step}")`);
      // Steps 4 and 5 load their code when first opened.
      if (step === 5) await page.waitForSelector('[data-testid="workbook-off"]');
      if (step === 4) {
        // The detail open, a sentence shown.
        if (!(await page.locator('[data-testid="by-event"]').evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('[data-testid="by-event"] > summary');
        await page.locator("article button").first().click();
      }
      const violations = await axeSerious(page);
      if (violations.length) found[`${lang} step ${step}`] = violations;
      await screenshot(page, `axe-${lang === "English" ? "en-US" : "zh-CN"}-step-${step}`);
    }
  }
  expect(found).toEqual({});
  expect(errors).toEqual([]);
  await page.close();
}, 180_000);
