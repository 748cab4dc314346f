import type { Page } from "playwright-core";
import { langs, parseScenario, type Lang } from "../../src/engine";
import { exampleRaw, examples, type ExampleId } from "../../src/taskpane/examples";
import { translate } from "../../src/taskpane/i18n";
import { chineseIn, englishIn } from "../addin/chinese-detector";
import { chromiumOnDist, openPane } from "./support";

/*
 * Issue 21's battery over the task pane (the built dist/ in headless Chromium, preview mode): an
 * example loaded, every step walked (the what-if bench opened on the results, a what-if made,
 * the clause lines' details and the by-event list open), and at each step the page's visible
 * text and every tooltip, accessible name and placeholder (title, aria-label, placeholder, alt)
 * read and run through the detector of test/addin/chinese-detector.ts. zh-CN: no English outside
 * the proper names and codes a user types, and no internal identifier; en-US: no Chinese outside
 * quotations and glosses.
 */

const browser = chromiumOnDist();

/**
 * The pane's own allowed words beside the detector's: the language switch names English in
 * English (a language is offered by its own name), and a product's code as the user typed it
 * (CX-101, MRI-1.5T), which is the user's, not the pane's.
 */
const paneCodes = new Set(["English"]);
const productsOf = (id: ExampleId) =>
  parseScenario(exampleRaw(id, "en-US"))
    .events.flatMap((e) => ("product" in e && e.product ? [e.product] : []))
    .sort((a, b) => b.length - a.length);

type Found = { step: string; text: string };

/** The visible text of the page and every title, aria-label, placeholder and alt, as a reader or a screen reader meets them. */
async function pageTexts(page: Page, step: string): Promise<Found[]> {
  const texts = await page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of Array.from(document.querySelectorAll("[title], [aria-label], [placeholder], [alt]"))) {
      for (const name of ["title", "aria-label", "placeholder", "alt"]) {
        const v = el.getAttribute(name);
        if (v) out.push(v);
      }
    }
    // A select's every option, not only the one shown.
    for (const o of Array.from(document.querySelectorAll("option"))) out.push(o.textContent ?? "");
    return out;
  });
  return texts.filter((t) => t.trim() !== "").map((text) => ({ step, text }));
}

/** Every step of the wizard, with the example loaded, the bench and the details open. */
async function walk(lang: Lang, id: ExampleId): Promise<Found[]> {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  const found: Found[] = [...(await pageTexts(page, "1, empty"))];
  await page.selectOption(`select[aria-label="${t("example.label")}"]`, id);
  await page.click(`button:has-text("${t("example.load")}")`);
  for (const step of [1, 2, 3, 4, 5]) {
    await page.click(`[data-testid="step-${step}"]`);
    await page.waitForSelector('[data-testid="step-title"]');
    if (step === 4) {
      await page.waitForSelector('[data-testid="total-expected"]');
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      found.push(...(await pageTexts(page, "4, results")));
      await page.click('[data-testid="set-baseline"]');
      await page.click('[data-testid="new-whatif"]');
      await page.waitForSelector('[data-testid="shift-later"]');
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      found.push(...(await pageTexts(page, "4, a what-if")));
      continue;
    }
    found.push(...(await pageTexts(page, String(step))));
  }
  expect(errors).toEqual([]);
  await page.close();
  return found;
}

const foreign = (lang: Lang, text: string) => (lang === "zh-CN" ? englishIn(text, paneCodes) : chineseIn(text, paneCodes));

describe.each(langs)("the pane in %s", (lang) => {
  test.each(examples.map((e) => e.id))(
    `%s loaded, every step: ${lang === "zh-CN" ? "no English but proper names and codes" : "no Chinese outside quotations and glosses"}, no internal identifier`,
    async (id) => {
      const found = await walk(lang, id);
      // Every step was read, and the results and the what-if with them.
      expect(new Set(found.map((f) => f.step))).toEqual(new Set(["1, empty", "1", "2", "3", "4, results", "4, a what-if", "5"]));
      const products = productsOf(id);
      const problems = found.flatMap(({ step, text }) => {
        const own = products.reduce((acc, p) => acc.split(p).join(" "), text);
        return foreign(lang, own).map((w) => `step ${step}: ${w}   «${text.length > 200 ? `…${text.slice(Math.max(0, text.indexOf(w) - 80), text.indexOf(w) + 80)}…` : text}»`);
      });
      expect([...new Set(problems)].slice(0, 30)).toEqual([]);
    },
    240_000,
  );
});

test("the checks catch what they look for, on the pane's own text", async () => {
  const found = await walk("zh-CN", "shenzhen-imaging-plant");
  const body = found.find((f) => f.step === "4, results")!.text;
  expect(englishIn(body.split("MRI-1.5T").join(" ").split("DR-lite").join(" ").split("PET-CT").join(" "), paneCodes)).toEqual([]);
  // An English word, an internal identifier, a flag's English tooltip: each is caught.
  expect(englishIn(`${body} Cancel`, paneCodes)).toContain("Cancel");
  expect(englishIn(`${body} rdCost`, paneCodes)).toContain("rdCost");
  expect(englishIn("Ruling 14: a cap or limit is shown with the words that set it", paneCodes).length).toBeGreaterThan(5);
  // The example's name as loaded in Chinese, not the file's English.
  expect(body).toContain("深圳影像设备制造商：GMP厂房、三张注册证、带量采购");
  expect(body).not.toContain("Shenzhen imaging manufacturer");
  // And Chinese in an English pane outside a gloss.
  expect(chineseIn("Expected total 合计", paneCodes)).toEqual(["合计"]);
}, 240_000);
