import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { accountingQuantities, Decimal, formatAmountIn, parseScenario, type Quantity } from "../../src/engine";
import { main } from "../../src/cli/main";
import { translate, type Lang } from "../../src/taskpane/i18n";
import { axeSerious, chromiumOnDist, openPane, paneCases, root, screenshot } from "./support";

/*
 * Issue 19 on the built task pane (headless Chromium, preview mode), in both languages at 350 and
 * 1280 px: examples/shenzhen-cfo-views.json imported keeps every accounting setting; each of the
 * views the pane offers (every one of the CLI's but entitled) shows the rows and the settings `subsidy forecast --format json` gives
 * for the same file (the CLI run here, not numbers copied); the tax rate and one clause's payment
 * lag changed in the pane change the figures as worked by hand; the JSON exported keeps every
 * setting, and the CLI on that file gives what the pane shows.
 */

const file = join(root, "examples", "shenzhen-cfo-views.json");
const raw = JSON.parse(readFileSync(file, "utf8"));
const browser = chromiumOnDist();

interface CliView {
  readonly balance: boolean;
  readonly years: readonly { year: number; ceiling: string; expected: string }[];
  readonly after: { ceiling: string; expected: string };
  readonly total: { ceiling: string; expected: string };
  readonly assumptions: readonly string[];
}

/** `subsidy forecast <file> --format json --lang …`: every view, as the CLI computes it. */
async function cliViews(path: string, lang: Lang): Promise<Record<Quantity, CliView>> {
  const out: string[] = [];
  const err: string[] = [];
  expect(await main(["forecast", path, "--format", "json", "--lang", lang], { out: (t) => out.push(t), err: (t) => err.push(t) })).toBe(0);
  return JSON.parse(out.join("\n")).views;
}

/** A view's rows as the pane shows them in 元: its years, then after the horizon and the total (or the balance at the end). */
function cliRows(v: CliView, lang: Lang): string[][] {
  const yuan = (x: string) => formatAmountIn(new Decimal(x), "yuan");
  const rows = v.years.map((y) => [String(y.year), yuan(y.ceiling), yuan(y.expected)]);
  // The label of the after/end row is the engine's own (accountsTable), compared as "*".
  if (v.balance) return [...rows, ["*", yuan(v.total.ceiling), yuan(v.total.expected)]];
  return [...rows, ["*", yuan(v.after.ceiling), yuan(v.after.expected)], [translate(lang, "col.total"), yuan(v.total.ceiling), yuan(v.total.expected)]];
}

const views = async (page: Page) => page.$$eval('[data-testid="accounts-view"] option', (os) => os.map((o) => (o as HTMLOptionElement).value as Quantity));
/** The view's table as shown; the after/end row's label (the engine's words) as "*". */
const shown = async (page: Page, lang: Lang) =>
  (await page.$$eval('[data-testid="accounts-table"] tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent ?? "")))).map(([label, ...rest]) => [
    /^\d{4}$/.test(label) || label === translate(lang, "col.total") ? label : "*",
    ...rest,
  ]);
const settingsUsed = async (page: Page) => page.$$eval('[data-testid="accounts-assumptions"] li', (ls) => ls.map((l) => l.textContent ?? ""));

/** Every view the pane offers, against the CLI's for `path`. */
async function sameAsCli(page: Page, path: string, lang: Lang) {
  const cli = await cliViews(path, lang);
  const offered = await views(page);
  expect(offered).toEqual(accountingQuantities.filter((q) => q !== "entitled"));
  for (const q of offered) {
    await page.selectOption('[data-testid="accounts-view"]', q);
    expect([q, await shown(page, lang)]).toEqual([q, cliRows(cli[q], lang)]);
    expect([q, await settingsUsed(page)]).toEqual([q, cli[q].assumptions]);
  }
}

/** The figure of one view's year, ceiling and expected, as shown. */
async function yearOf(page: Page, q: Quantity, year: number): Promise<string[]> {
  await page.selectOption('[data-testid="accounts-view"]', q);
  return (await shown(page, "en-US")).find((r) => r[0] === String(year))!.slice(1);
}

const cases = paneCases;

test.each(cases)("%s at %i px: import, every view as the CLI's, the tax rate and a clause's lag changed as worked by hand, export keeps every setting", async (lang, width) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const { page, errors } = await openPane(browser.context, browser.url, `&lang=${lang}`);
  await page.setViewportSize({ width, height: 900 });
  await page.setInputFiles('[data-testid="import-json"]', file);
  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="summary"]');
  await page.click('[data-testid="accounts"] > summary');

  // One level: the section's fold holds no fold of its own.
  expect(await page.locator('[data-testid="accounts"] details').count()).toBe(0);
  // The statement opens on 2026, the first year with figures: research's 8,000,000 received, 4,000,000 recognised.
  expect(await page.inputValue('[data-testid="accounts-year"]')).toBe("2026");
  expect(await page.textContent('[data-testid="statement-cash"]')).toBe(`8,000,000 ${t("unit.yuan")}`);

  // As imported: 15%, the research clause's lag 0, non-taxable, over 2 years (not the defaults).
  expect(await page.inputValue('[data-testid="accounts-tax-rate"]')).toBe("15");
  await sameAsCli(page, file, lang);
  // 2026 at 15%: research 15% × 4,000,000 not deductible + 15% × 100% × 4,000,000 super deduction lost.
  expect(await yearOf(page, "tax", 2026)).toEqual(["1,200,000", "1,200,000"]);

  // The tax rate to 25%, and the certificate (深圳（五）class III) paid in its own year (lag 0), chosen by its title.
  await page.fill('[data-testid="accounts-tax-rate"]', "25");
  await page.click('[data-testid="settings-lag-clauses"] > button');
  const clause = page.locator('[data-testid="settings-lag-clauses"] select').nth(2);
  expect(await clause.locator('option[value="shenzhen-device/5.class3"]').textContent()).toMatch(lang === "zh-CN" ? /^深圳器械措施 （五）/ : /^Shenzhen devices （五）/);
  await clause.selectOption("shenzhen-device/5.class3");
  await page.locator('[data-testid="settings-lag-clauses"] select').nth(3).selectOption("0");
  // Cash 2027: the plant's 6,000,000 + the certificate's 4,000,000 (expected 0.8 × 4,000,000 = 3,200,000).
  expect(await yearOf(page, "cash", 2027)).toEqual(["10,000,000", "9,200,000"]);
  // Tax 2027 at 25%: research 25% × 4,000,000 + 25% × 100% × 4,000,000 = 2,000,000; plant current
  // 25% × 6,000,000 = 1,500,000 less the deferred tax asset 25% × 5,684,210.53 = 1,421,052.63 →
  // 78,947.37; certificate 25% × 4,000,000 = 1,000,000 (expected 800,000). 3,078,947.37 (2,878,947.37).
  expect(await yearOf(page, "tax", 2027)).toEqual(["3,078,947.37", "2,878,947.37"]);
  expect(await yearOf(page, "tax", 2028)).toEqual(["78,947.37", "78,947.37"]);
  await screenshot(page, `accounts-${lang}-${width}`);
  // The section and every settings control, as assistive technology reads them.
  expect(await axeSerious(page)).toEqual([]);

  // Nothing wider than the pane: no element of the section reaches past its right edge.
  const wide = await page.$$eval('[data-testid="accounts"] *', (els) =>
    els.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => `${e.tagName} ${e.getAttribute("data-testid") ?? ""} ${(e.textContent ?? "").slice(0, 40)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`button:has-text("${t("export.json")}")`)]);
  const exportedPath = (await download.path())!;
  const exported = JSON.parse(readFileSync(exportedPath, "utf8"));
  const changed = parseScenario({ ...raw, accounting: { ...raw.accounting, taxRate: "0.25", paymentLag: { ...raw.accounting.paymentLag, clauses: { ...raw.accounting.paymentLag.clauses, "shenzhen-device/5.class3": 0 } } } });
  expect(parseScenario(exported).accounting).toEqual(changed.accounting);
  expect(exported.accounting).toEqual(JSON.parse(JSON.stringify(changed.accounting)));
  expect(exported.events[0].usefulLife).toBe(20);
  // The CLI on the exported file gives what the pane shows.
  await sameAsCli(page, exportedPath, lang);
  expect(errors).toEqual([]);
}, 240_000);

test("a file with every setting set: imported, shown, exported unchanged", async () => {
  const every = {
    ...raw,
    events: raw.events.map((e: Record<string, unknown>, i: number) => (i === 0 ? { ...e, readyForUse: "2026-06" } : e)),
    accounting: {
      paymentLag: { default: 2, documents: { "shenzhen-device": 1 }, clauses: { "shenzhen-device/3.frontier": 0 } },
      assetMethod: "net",
      usefulLife: { building: 25, equipment: 8 },
      taxRate: "0.25",
      taxRates: { 2026: "0.15", 2027: "0.15" },
      vat: { rate: "0.06", surcharges: "0.1" },
      profitBeforeSupport: { 2025: "-3000000", 2026: "1000000" },
      qualifiedYears: [2026, 2027],
      deferredTaxAsset: false,
      taxPayment: "annual",
      discountRate: "0.05",
      superDeduction: "0.75",
      nonTaxable: ["shenzhen-device/3.frontier"],
      recognition: { documents: { "shenzhen-device": "receivable" }, clauses: { "shenzhen-device/5.class3": "received" }, approvalYears: { "shenzhen-device/5.class3": 2028 } },
      costYears: { "shenzhen-device/3.frontier": 2 },
    },
  };
  const path = join(mkdtempSync(join(tmpdir(), "accounts-")), "every.json");
  writeFileSync(path, JSON.stringify(every));
  const { page, errors } = await openPane(browser.context, browser.url, "&lang=en-US");
  await page.setInputFiles('[data-testid="import-json"]', path);
  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="accounts"] > summary');
  // Each setting shows in its field as the file sets it.
  expect(await page.inputValue('[data-testid="settings-super-deduction"]')).toBe("75");
  expect(await page.inputValue('[data-testid="settings-discount-rate"]')).toBe("5");
  expect(await page.inputValue('[data-testid="settings-vat-rate"]')).toBe("6");
  expect(await page.inputValue('[data-testid="settings-vat-surcharges"]')).toBe("10");
  expect(await page.inputValue('[data-testid="settings-life-building"]')).toBe("25");
  expect(await page.inputValue('[data-testid="settings-qualified-years"]')).toBe("2026, 2027");
  expect(await page.inputValue('[data-testid="settings-dta"]')).toBe("no");
  expect(await page.inputValue('[data-testid="settings-tax-payment"]')).toBe("annual");
  expect(await page.inputValue('[data-testid="settings-asset-method"]')).toBe("net");
  expect(await page.inputValue('[data-testid="accounts-lag"]')).toBe("2");
  expect(await page.inputValue('[data-testid="settings-event-ready-0"]')).toBe("2026-06");
  await sameAsCli(page, path, "en-US");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('button:has-text("Export JSON")')]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(parseScenario(exported).accounting).toEqual(parseScenario(every).accounting);
  expect(exported.accounting).toEqual(JSON.parse(JSON.stringify(parseScenario(every).accounting)));
  expect(exported.events[0].readyForUse).toBe("2026-06");
  expect(errors).toEqual([]);
}, 120_000);

test("a what-if changes a setting like any input: Δ in tax and after tax against the baseline", async () => {
  const { page, errors } = await openPane(browser.context, browser.url, "&lang=zh-CN");
  await page.setInputFiles('[data-testid="import-json"]', file);
  await page.click('[data-testid="step-4"]');
  await page.click('[data-testid="set-baseline"]');
  await page.click('[data-testid="new-whatif"]');
  await page.click('[data-testid="accounts"] > summary');
  await page.fill('[data-testid="accounts-tax-rate"]', "25");
  const row = async (view: Quantity) => {
    const name = translate("zh-CN", `view.${view}` as Parameters<typeof translate>[1]);
    return (await page.$$eval('[data-testid="accounts-delta"] tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent ?? "")))).find((r) => r[0] === name)!.slice(1);
  };
  // Tax expected in total: 15% → 25% on research's 8,000,000 of costs and 8,000,000 of super deduction, the
  // plant's 6,000,000 and the certificate's 3,200,000: 10% × 25,200,000 = 2,520,000 more; after tax as much less.
  await page.waitForFunction(() => document.querySelector('[data-testid="accounts-delta"]')?.textContent?.includes("+2,520,000"));
  expect(await row("tax")).toEqual(["3,780,000", "6,300,000", "+2,520,000"]);
  expect(await row("aftertax")).toEqual(["13,420,000", "10,900,000", "−2,520,000"]);
  expect(await page.textContent('[data-testid="accounts-changed"]')).toBe("会计设置已改：所得税税率");
  await screenshot(page, "accounts-whatif-zh-CN");
  expect(errors).toEqual([]);
}, 120_000);
