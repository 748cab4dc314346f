// Debian's Chromium, driven by playwright-core (which never downloads a browser), headless, with a
// fresh profile, for the browser tests (test/e2e) and npm run bench:taskpane. Office.js's CDN is
// blocked, as it is unreachable here: the task pane starts in preview mode.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const CHROMIUM = "/usr/bin/chromium";
const missing = `Chromium is not installed at ${CHROMIUM}: install Debian's package with \`apt-get update && apt-get install -y chromium\` (.ci/run does this in CI). No browser is downloaded.`;

/** Launches it; resolves { context, close }. `options` adds to playwright's launch options. */
async function launchChromium(options = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(missing);
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    viewport: { width: 420, height: 900 },
    ...options,
  });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { CHROMIUM, launchChromium, missing };
