import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, scenarioToInputs } from "../../src/engine";
import { call } from "../../src/functions/reports";
import { chromiumOnDist } from "../e2e/support";

/*
 * The shared runtime as Excel runs it, in headless Chromium: the built taskpane.html, which loads
 * functions.js beside the pane, with Office and CustomFunctions stood in for (Office.js's CDN is
 * unreachable here; only real Excel could tell more). The amount functions answer from
 * functions.js; the first EXPLAIN or FORECAST, and the pane's wizard, fetch functions.js's rest
 * (one chunk from dist/) and nothing else: not the preview engine chunk.
 */

const browser = chromiumOnDist();

test("in Excel's shared runtime: functions.js registers, the wizard gets its engine from functions.js's rest chunk, EXPLAIN and FORECAST answer from it", async () => {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" && r.url().startsWith(browser.url)) scripts.push(r.url().slice(browser.url.length));
  });
  await page.addInitScript(() => {
    const associated: Record<string, (...args: unknown[]) => unknown> = {};
    class ExcelError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    Object.assign(window, {
      associated,
      CustomFunctions: {
        associate: (id: string, f: (...args: unknown[]) => unknown) => (associated[id] = f),
        Error: ExcelError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
      },
      Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), HostType: { Excel: "Excel" }, context: { displayLanguage: "en-US" } },
    });
  });
  await page.goto(`${browser.url}taskpane.html?officeTimeout=300`);
  await page.waitForSelector('[data-testid="wizard"][data-mode="excel"]');
  await page.waitForFunction(() => "REGISTRATION" in (window as unknown as { associated: object }).associated);

  const inputs = scenarioToInputs(parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"))));
  const answers = await page.evaluate(async (inputs) => {
    const fns = (window as unknown as { associated: Record<string, (...args: unknown[]) => unknown> }).associated;
    return {
      registration: fns.REGISTRATION([[3]], [[5000000]], [["shenzhen"]], null, null),
      explain: await fns.EXPLAIN("REGISTRATION", [3, 5000000, "shenzhen"]),
      forecast: (await fns.FORECAST(inputs, "cash")) as unknown[][],
    };
  }, inputs);
  // Shenzhen （五）: 40% × 5,000,000 = 2,000,000.
  expect(answers.registration).toEqual([[2000000]]);
  expect(answers.explain).toBe(call("EXPLAIN", ["REGISTRATION", 3, 5000000, "shenzhen"]));
  expect(answers.forecast).toEqual(call("FORECAST", [inputs, "cash"]));
  // Hand-worked in test/accounting/example.test.ts: the cash of 2027 is the plant's 6,000,000.
  expect(answers.forecast.find((r) => r[0] === 2027)!.slice(0, 2)).toEqual([2027, 6000000]);
  expect(scripts.filter((s) => s.startsWith("engine."))).toEqual([]);
  expect(scripts.filter((s) => /^rest\.[0-9a-f]+\.js$/.test(s))).toHaveLength(1);
  expect(scripts).toContain("functions.js");
  expect(errors).toEqual([]);
}, 60_000);
