import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packsPartXml } from "../../src/workbook/packs-part";
import { chromiumOnDist } from "../e2e/support";

/*
 * A workbook's packs in the shared runtime as a browser runs it: the built taskpane.html loads
 * functions.js, Office and Excel stood in for (Excel holding the packs part the template writes).
 * The packs chunk and zod's shared chunk load as script tags under the page's
 * Content-Security-Policy, which forbids eval: the full pack schema runs interpreted.
 */

const browser = chromiumOnDist();
const fixture = join(__dirname, "..", "fixtures", "suzhou-sip-example");
const part = packsPartXml([{ name: "suzhou-sip-example", json: readFileSync(join(fixture, "pack.json"), "utf8"), text: readFileSync(join(fixture, "text.txt"), "utf8") }]);

test("in the shared runtime: a cell of the pack's place answers from the workbook's pack, with no script blocked", async () => {
  const page = await browser.context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" && r.url().startsWith(browser.url)) scripts.push(r.url().slice(browser.url.length));
  });
  await page.addInitScript((xml: string) => {
    const associated: Record<string, (...args: unknown[]) => unknown> = {};
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    class ExcelError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    // A CustomXmlPart as Office.js gives it: its id, and getXml() on the part itself (or by getItem).
    const part = { id: "{packs}", getXml: () => ({ value: xml }) };
    const parts = (ns: string) => (ns === "urn:subsidy-forecast:workbook-packs:1" ? [part] : []);
    const Excel = {
      CalculationType: { full: "Full" },
      run: async (batch: (context: unknown) => Promise<unknown>) =>
        batch({
          workbook: {
            customXmlParts: { getByNamespace: (ns: string) => ({ load: () => undefined, items: parts(ns) }), getItem: () => part },
            application: { calculate: () => undefined },
          },
          sync: async () => undefined,
        }),
    };
    Object.assign(window, {
      associated,
      violations,
      Excel,
      CustomFunctions: {
        associate: (id: string, f: (...args: unknown[]) => unknown) => (associated[id] = f),
        Error: ExcelError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
      },
      Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), HostType: { Excel: "Excel" }, context: { displayLanguage: "zh-CN" } },
    });
  }, part);
  await page.goto(`${browser.url}taskpane.html?officeTimeout=300`);
  await page.waitForFunction(() => "REGISTRATION" in (window as unknown as { associated: object }).associated);
  const answers = await page.evaluate(async () => {
    const w = window as unknown as { associated: Record<string, (...args: unknown[]) => unknown>; violations: string[] };
    return {
      suzhou: await w.associated.REGISTRATION([[3]], [[5000000]], [["苏州工业园区"]], null, null),
      capped: await w.associated.REGISTRATION([[3]], [[10000000]], [["SIP"]], null, null),
      violations: w.violations,
    };
  });
  // 第二条: 25% × 5,000,000 = 1,250,000; 25% × 10,000,000 = 2,500,000 > 单个产品最高不超过200万元 = 2,000,000 (SIP is the place's alias).
  expect(answers.suzhou).toEqual([[1250000]]);
  expect(answers.capped).toEqual([[2000000]]);
  expect(answers.violations).toEqual([]);
  expect(scripts.filter((s) => /^packs\.[0-9a-f]+\.js$/.test(s))).toHaveLength(1);
}, 120_000);
