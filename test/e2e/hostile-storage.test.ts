import { translate, type Lang } from "../../src/taskpane/i18n";
import { chromiumOnDist, screenshot } from "./support";

/*
 * Hostile saved work on the built task pane (headless Chromium, preview mode, where the pane
 * keeps its work in localStorage through the same reader as the workbook's settings in Excel):
 * a saved draft whose name is a number (today's pane threw on the first render and stayed blank
 * at every load). At 350 px in both languages, the pane opens with the notice in the person's
 * language, keeps the text it could not read, and the wizard works to a forecast.
 */

jest.setTimeout(120_000);
const browser = chromiumOnDist();

const hostile = JSON.stringify({ draft: { name: 5, events: [] }, bench: { variants: [] } });

test.each<[Lang, number]>([
  ["en-US", 350],
  ["zh-CN", 350],
])("%s at %i px: a saved draft of another shape opens the pane with a notice, kept, and the rest works", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  // Before the page's own scripts, once per tab: the workbook content as a newer or damaged pane left it.
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem("e2e-tab")) {
      localStorage.clear();
      localStorage.setItem("subsidy-pane:work", text);
      sessionStorage.setItem("e2e-tab", "1");
    }
  }, hostile);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${browser.url}taskpane.html?officeTimeout=300&lang=${lang}`);
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');

  const notice = (await page.textContent('[data-testid="stored-aside"]')) ?? "";
  expect(notice.startsWith(t("aside.work", { reason: "" }).split("（")[0].split("(")[0])).toBe(true);
  expect(notice).toContain("name");
  // Nothing wider than the pane.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  await screenshot(page, `hostile-draft-${lang}-${width}`);

  // The rest works: an example loads and the forecast shows; the text set aside is still there.
  await page.selectOption(`select[aria-label="${t("example.label")}"]`, "changping-device-startup");
  await page.click(`button:has-text("${t("example.load")}")`);
  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="sticky-total"]');
  expect(await page.evaluate(() => localStorage.getItem("subsidy-pane:work:aside"))).toBe(hostile);
  // A reload reads the pane's own work again, without a notice.
  await page.reload();
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');
  expect(await page.$('[data-testid="stored-aside"]')).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});
