import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import type { Lang } from "../../src/engine";

/**
 * A real Chromium-family browser for the task pane's end-to-end tests (scripts/chromium.js:
 * SUBSIDY_BROWSER, or Chromium, Chrome or Edge found on PATH; headless, a fresh profile,
 * Office.js's CDN blocked) against the built dist/ served on a localhost port.
 */
const chromium = require("../../scripts/chromium") as {
  findBrowser: () => string;
  launchChromium: (options?: object) => Promise<{ context: BrowserContext; close: () => Promise<void> }>;
};
export const root = path.resolve(__dirname, "../..");
export const results = path.join(root, "test-results", "e2e");
/** The pane as analysts open it: both languages, at a task pane's narrowest (350 px) and wide (1280 px). */
export const paneCases: readonly [Lang, number][] = [
  ["en-US", 350],
  ["zh-CN", 350],
  ["en-US", 1280],
  ["zh-CN", 1280],
];

/** Fails the tests at once, saying what to install, when no browser is found. */
export function requireChromium(): void {
  chromium.findBrowser();
}

/** dist/ as Excel would load it: built if stale (scripts/ensure-dist.js) and served on localhost. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const { ensureDist } = require("../../scripts/ensure-dist") as { ensureDist: (o?: object) => boolean };
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  ensureDist({ env, log: () => undefined });
  const { serveStatic } = require("../../scripts/static-server") as { serveStatic: (dir: string) => Promise<{ url: string; close: () => Promise<void> }> };
  return serveStatic(path.join(root, "dist"));
}

export function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  return chromium.launchChromium({
    locale: "en-US",
    // Buttons fade between colours; axe must see the colours they settle on, not a frame of
    // the fade (Fluent shortens its transitions for people who ask for less motion).
    reducedMotion: "reduce",
  });
}

/**
 * dist/ served and Chromium launched for the tests of one file or describe block (its beforeAll
 * and afterAll): `browser.context` and `browser.url` once the tests run.
 */
export function chromiumOnDist(): { readonly context: BrowserContext; readonly url: string } {
  const browser = {} as { context: BrowserContext; url: string };
  let close: (() => Promise<void>) | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    requireChromium();
    server = await serveDist();
    browser.url = server.url;
    ({ context: browser.context, close } = await launch());
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
  });
  return browser;
}

/** A fresh page on the task pane, in preview mode, with any page error collected. */
export async function openPane(context: BrowserContext, base: string, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  // The pane keeps its work in localStorage (one origin for every test): each new tab starts
  // from nothing, and a reload of the same tab finds what was kept.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("e2e-tab")) {
      localStorage.clear();
      sessionStorage.setItem("e2e-tab", "1");
    }
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}taskpane.html?officeTimeout=300${query}`);
  await page.waitForSelector('[data-testid="wizard"][data-mode="preview"]');
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(results, { recursive: true });
  const file = path.join(results, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core (the npm package, injected into the page): the serious and critical violations. */
export async function axeSerious(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  // Evaluated rather than added as a <script>: the pane's Content-Security-Policy refuses
  // inline scripts, and code the test evaluates is exempt from it, as the console is.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  // Colours are judged once the page is still: a button caught mid-fade from disabled to
  // enabled has neither colour, and axe would judge the blend.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}
