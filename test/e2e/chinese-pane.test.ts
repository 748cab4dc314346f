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
 * The pane's own allowed words beside the detector's: the language switch names each language by
 * its own name (English, 中文); en-US: the units an amount is shown or typed in (元, 万元, 亿元,
 * 500万).
 */
const paneCodes: Record<Lang, ReadonlySet<string>> = { "zh-CN": new Set(["English"]), "en-US": new Set(["中文", "元", "万元", "亿元", "万", "亿"]) };
/**
 * The user's own words, taken out first: products' codes (CX-101, MRI-1.5T) and, in the example
 * as loaded, its name, enterprise and labels (the Latin in them, CX-202, is the user's too).
 */
const userWordsOf = (id: ExampleId, lang: Lang) => {
  const s = parseScenario(exampleRaw(id, lang));
  const words = [s.name, s.enterprise.name ?? "", ...s.events.flatMap((e) => [e.label ?? "", "product" in e ? (e.product ?? "") : ""])];
  return words.filter((w) => w !== "").sort((a, b) => b.length - a.length);
};

type Found = { step: string; text: string };

/** The visible text of the page and every title, aria-label, placeholder and alt, as a reader or a screen reader meets them. */
async function pageTexts(page: Page, step: string): Promise<Found[]> {
  const texts = await page.evaluate(() => {
    // The scenario file shown for the command line is a file's contents (JSON keys and all), not the pane's words.
    const json = document.querySelector<HTMLElement>('[data-testid="scenario-json"]');
    if (json) json.style.display = "none";
    const out = [document.body.innerText];
    if (json) json.style.display = "";
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

/** A cell's address (A1, $F$3) is a code the reader types into Excel, in either language. */
const cells = /(?<![A-Za-z])\$?[A-Z]{1,2}\$?[0-9]+(?![A-Za-z0-9])/g;
const foreign = (lang: Lang, text: string) => (lang === "zh-CN" ? englishIn(text.replace(cells, " "), paneCodes[lang]) : chineseIn(text, paneCodes[lang]));

describe.each(langs)("the pane in %s", (lang) => {
  test.each(examples.map((e) => e.id))(
    `%s loaded, every step: ${lang === "zh-CN" ? "no English but proper names and codes" : "no Chinese outside quotations and glosses"}, no internal identifier`,
    async (id) => {
      const found = await walk(lang, id);
      // Every step was read, and the results and the what-if with them.
      expect(new Set(found.map((f) => f.step))).toEqual(new Set(["1, empty", "1", "2", "3", "4, results", "4, a what-if", "5"]));
      const words = userWordsOf(id, lang);
      const problems = found.flatMap(({ step, text }) => {
        const own = words.reduce((acc, p) => acc.split(p).join(" "), text);
        const near = (w: string) => own.search(new RegExp(`(?<![A-Za-z])${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z])`));
        return foreign(lang, own).map((w) => `step ${step}: ${w}   «${own.length > 200 ? `…${own.slice(Math.max(0, near(w) - 80), near(w) + 80)}…` : own}»`);
      });
      expect([...new Set(problems)].slice(0, 30)).toEqual([]);
    },
    240_000,
  );
});

test("the checks catch what they look for, on the pane's own text", async () => {
  const found = await walk("zh-CN", "shenzhen-imaging-plant");
  const shown = found.find((f) => f.step === "4, results")!.text;
  const body = userWordsOf("shenzhen-imaging-plant", "zh-CN").reduce((acc, p) => acc.split(p).join(" "), shown);
  const zh = paneCodes["zh-CN"];
  expect(englishIn(body, zh)).toEqual([]);
  // An English word, an internal identifier, a flag's English tooltip: each is caught.
  expect(englishIn(`${body} Cancel`, zh)).toContain("Cancel");
  expect(englishIn(`${body} rdCost`, zh)).toContain("rdCost");
  expect(englishIn("Ruling 14: a cap or limit is shown with the words that set it", zh).length).toBeGreaterThan(5);
  // The example's name as loaded in Chinese, not the file's English.
  // The example's label as loaded in Chinese, not the file's English; an event with its year as Chinese writes it.
  expect(shown).toContain("光明新建GMP厂房（2026年）");
  expect(shown).not.toContain("new GMP plant, Guangming");
  // And Chinese in an English pane outside a gloss.
  expect(chineseIn("Expected total 合计", paneCodes["en-US"])).toEqual(["合计"]);
}, 240_000);
