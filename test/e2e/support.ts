import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/**
 * Real Chromium for the task pane's end-to-end tests: Debian's /usr/bin/chromium driven by
 * playwright-core (which never downloads a browser), headless, with a fresh profile, against
 * the built dist/ served on a localhost port. Office.js's CDN is blocked, as it is unreachable
 * here: the page starts in preview mode.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const root = path.resolve(__dirname, "../..");
export const results = path.join(root, "test-results", "e2e");

export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's package. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (.ci/run does this in CI). No browser is downloaded.",
    );
  }
}

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  return stat.isDirectory() ? Math.max(0, ...fs.readdirSync(p).map((n) => newest(path.join(p, n)))) : stat.mtimeMs;
}

/** dist/ as Excel would load it: built (if stale) and served by scripts/static-server.js. */
export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const { ensureDist } = require("../../scripts/ensure-dist") as { ensureDist: (o?: object) => boolean };
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  if (!ensureDist({ env, log: () => undefined })) {
    // ensure-dist watches the functions' sources; the task pane also builds from these.
    const built = newest(path.join(root, "dist", "taskpane.js"));
    if (["src/workbook", "examples", "tsconfig.json"].some((s) => newest(path.join(root, s)) > built)) {
      execFileSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--mode", "production"], { cwd: root, env, stdio: "pipe" });
    }
  }
  const { serveStatic } = require("../../scripts/static-server") as { serveStatic: (dir: string) => Promise<{ url: string; close: () => Promise<void> }> };
  return serveStatic(path.join(root, "dist"));
}

export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    viewport: { width: 420, height: 900 },
    locale: "en-US",
    // Buttons fade between colours; axe must see the colours they settle on, not a frame of
    // the fade (Fluent shortens its transitions for people who ask for less motion).
    reducedMotion: "reduce",
  });
  // Office.js's CDN cannot be reached here; answer at once rather than wait for the network.
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A fresh page on the task pane, in preview mode, with any page error collected. */
export async function openPane(context: BrowserContext, base: string, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
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
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
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
