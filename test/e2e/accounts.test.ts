import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountedForecast, accountsTable, formatAmountIn, parseScenario, type Quantity, type Scenario } from "../../src/engine";
import { chromiumOnDist, openPane, root, screenshot } from "./support";

/*
 * Issue 19 on the built task pane (headless Chromium, preview mode): examples/shenzhen-cfo-views.json
 * imported keeps every accounting setting, each view the pane offers shows the figures the engine
 * gives the CLI (accountsTable, which `subsidy forecast --view` prints), the tax rate and the payment
 * lag changed in the pane change the views, and the JSON exported keeps every setting.
 */

const file = join(root, "examples", "shenzhen-cfo-views.json");
const raw = JSON.parse(readFileSync(file, "utf8"));
const browser = chromiumOnDist();

/** The view's rows as the pane shows them in 元: year, ceiling, expected. */
const expectedRows = (s: Scenario, q: Quantity) =>
  accountsTable(accountedForecast(s).accounts, q, "en-US")
    .rows.filter((r) => r[0] !== "assumption")
    .map((r) => r.slice(0, 3).map((v) => (typeof v === "object" ? formatAmountIn(v, "yuan") : v === "total" ? "Total" : String(v))));

const views: Quantity[] = ["cash", "pl", "deferred", "currentTax", "deferredTaxAsset", "deferredTaxLiability", "tax", "nonDeductible", "aftertax"];

test("import, every view as the CLI's, the tax rate and the lag changed in the pane, export keeps every setting", async () => {
  const { page, errors } = await openPane(browser.context, browser.url);
  await page.setInputFiles('[data-testid="import-json"]', file);
  await page.click('[data-testid="step-4"]');
  await page.waitForSelector('[data-testid="summary"]');
  await page.click('[data-testid="accounts"] > summary');
  const shown = async () => page.$$eval('[data-testid="accounts-table"] tbody tr', (rows) => rows.map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent ?? "")));

  const s = parseScenario(raw);
  for (const q of views) {
    await page.selectOption('[data-testid="accounts-view"]', q);
    expect([q, await shown()]).toEqual([q, expectedRows(s, q)]);
  }
  // 15% as imported, not the default 25%: the tax expense of 2026 is research's 1,200,000.
  await page.selectOption('[data-testid="accounts-view"]', "tax");
  expect((await shown())[0]).toEqual(["2026", "1,200,000", "1,200,000"]);

  // The rate and the default lag changed here: the views follow the engine on the changed scenario.
  await page.fill('[data-testid="accounts-tax-rate"]', "25");
  await page.selectOption('[data-testid="accounts-lag"]', "2");
  const changed = parseScenario({ ...raw, accounting: { ...raw.accounting, taxRate: "0.25", paymentLag: { ...raw.accounting.paymentLag, default: 2 } } });
  await page.waitForFunction(() => document.querySelector('[data-testid="accounts-table"] tbody tr td:nth-child(2)')?.textContent === "2,000,000");
  for (const q of ["cash", "tax"] as Quantity[]) {
    await page.selectOption('[data-testid="accounts-view"]', q);
    expect([q, await shown()]).toEqual([q, expectedRows(changed, q)]);
  }
  await screenshot(page, "accounts-en-US");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click('button:has-text("Export JSON")')]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported.accounting).toEqual({ ...changed.accounting });
  expect(exported.accounting).toMatchObject({ taxRate: "0.25", paymentLag: { default: 2, clauses: { "shenzhen-device/3.frontier": 0 } }, nonTaxable: ["shenzhen-device/3.frontier"], costYears: { "shenzhen-device/3.frontier": 2 }, assetMethod: "gross" });
  expect(exported.events[0].usefulLife).toBe(20);
  expect(errors).toEqual([]);
}, 120_000);
