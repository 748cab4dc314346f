import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/*
 * Which browser the browser tests drive (scripts/chromium.js): SUBSIDY_BROWSER when set, else
 * Chromium, Chrome or Edge on PATH, else the platform's usual install places; when there is none,
 * an error that says what to install. A newcomer's Mac, Windows or snap-Chromium Ubuntu works.
 */
const { findBrowser, launchChromium, VARIABLE } = require("../../scripts/chromium") as {
  findBrowser: (env?: NodeJS.ProcessEnv, platform?: string) => string;
  launchChromium: () => Promise<{ context: import("playwright-core").BrowserContext; close: () => Promise<void> }>;
  VARIABLE: string;
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-browser-"));
const fakeExecutable = (name: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o755 });
  return file;
};

test("the variable wins, a symlink included; set to something that is no program, it is an error, not ignored", () => {
  const real = findBrowser();
  const link = path.join(dir, "my-browser");
  fs.symlinkSync(real, link);
  expect(findBrowser({ [VARIABLE]: link, PATH: "" }, "linux")).toBe(link);
  const text = path.join(dir, "notes.txt");
  fs.writeFileSync(text, "not a browser");
  expect(() => findBrowser({ [VARIABLE]: text, PATH: "" }, "linux")).toThrow(`${VARIABLE} is ${text}, which is not an executable file`);
  expect(() => findBrowser({ [VARIABLE]: path.join(dir, "nowhere"), PATH: "" }, "linux")).toThrow(VARIABLE);
});

test("Chrome or Edge on PATH is found where Chromium is not", () => {
  const chrome = fakeExecutable("google-chrome");
  expect(findBrowser({ PATH: dir }, "aix")).toBe(chrome);
});

test("with none anywhere, the error says what to install and names the variable", () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-no-browser-"));
  expect(() => findBrowser({ PATH: empty }, "aix")).toThrow(/No Chromium, Chrome or Edge found.*SUBSIDY_BROWSER/);
  expect(() => findBrowser({ PATH: empty }, "aix")).toThrow(/No browser is downloaded/);
});

test("the browser found through a symlink in the variable launches and renders a page", async () => {
  const link = path.join(dir, "browser-link");
  fs.symlinkSync(findBrowser(), link);
  const saved = process.env[VARIABLE];
  process.env[VARIABLE] = link;
  try {
    const { context, close } = await launchChromium();
    const page = await context.newPage();
    await page.setContent("<p id=p>浏览器 ok</p>");
    expect(await page.textContent("#p")).toBe("浏览器 ok");
    await close();
  } finally {
    if (saved === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = saved;
  }
}, 60_000);
