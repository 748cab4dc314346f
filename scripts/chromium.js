// A Chromium-family browser (Chromium, Chrome or Edge), driven by playwright-core (which never
// downloads one), headless, with a fresh profile, for the browser tests (test/e2e, test/addin)
// and npm run bench:taskpane. Office.js's CDN is blocked, as it is unreachable offline: the task
// pane starts in preview mode.
//
// Which browser: SUBSIDY_BROWSER, when set, is the path to its executable (a symlink will do);
// otherwise the first of the usual names on PATH, then the usual install places of this platform.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

const VARIABLE = "SUBSIDY_BROWSER";
const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "chrome", "msedge"];
const PLACES = {
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  ],
  win32: ["Google\\Chrome\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe", "Chromium\\Application\\chrome.exe"],
  linux: ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"],
};

const executable = (file) => {
  try {
    return fs.statSync(file).isFile() && (process.platform === "win32" || (fs.statSync(file).mode & 0o111) !== 0);
  } catch {
    return false;
  }
};

/** The places a browser is looked for, in order, for this environment and platform. */
function candidates(env = process.env, platform = process.platform) {
  const dirs = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter(Boolean);
  const exts = platform === "win32" ? [".exe", ""] : [""];
  const onPath = NAMES.flatMap((name) => dirs.flatMap((dir) => exts.map((ext) => path.join(dir, name + ext))));
  const roots = platform === "win32" ? [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter(Boolean) : [""];
  const installed = (PLACES[platform] ?? []).flatMap((place) => (platform === "win32" ? roots.map((r) => path.join(r, place)) : [place]));
  return [...onPath, ...installed];
}

/** What to do when no browser is found, for this platform. */
function missingText(platform = process.platform) {
  const install = {
    linux: "Debian/Ubuntu: `apt-get install -y chromium` (as root; .ci/run does this in CI)",
    darwin: "macOS: install Google Chrome, Microsoft Edge or Chromium",
    win32: "Windows: Microsoft Edge is usually there already; or install Google Chrome",
  }[platform] ?? "install Chromium, Google Chrome or Microsoft Edge";
  return `No Chromium, Chrome or Edge found for the browser tests. ${install}, or set ${VARIABLE} to the path of one (e.g. ${VARIABLE}=/path/to/chrome npm test). No browser is downloaded.`;
}

/**
 * The browser's executable: SUBSIDY_BROWSER if set (an error if it is not an executable file:
 * a variable set wrong is not silently replaced), else the first candidate found, else an error
 * saying what to install.
 */
function findBrowser(env = process.env, platform = process.platform) {
  const chosen = env[VARIABLE];
  if (chosen) {
    if (executable(chosen)) return chosen;
    throw new Error(`${VARIABLE} is ${chosen}, which is not an executable file. Point it at Chromium, Chrome or Edge, or unset it to search PATH.`);
  }
  const found = candidates(env, platform).find(executable);
  if (!found) throw new Error(missingText(platform));
  return found;
}

/** Launches it; resolves { context, close }. `options` adds to playwright's launch options. */
async function launchChromium(options = {}) {
  const executablePath = findBrowser();
  const { chromium } = require("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
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

module.exports = { VARIABLE, candidates, findBrowser, launchChromium, missingText };
