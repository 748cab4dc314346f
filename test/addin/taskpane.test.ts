import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { OFFICE_TIMEOUT_MS, officeArrival, within } from "../../src/taskpane/startup";
import { dist, readDist } from "./support";

/*
 * The task pane must never hang waiting for Office.js: the tests here have no network, like a
 * firewalled office. The built page is checked too: Office.js from Microsoft's CDN, not bundled.
 */

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe("startup (source)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("Office.js already there: no wait", async () => {
    await expect(officeArrival(null, () => true)).resolves.toBe(true);
  });

  test("the script loads: Office.js arrives", async () => {
    const script = new EventTarget();
    let present = false;
    const arrival = officeArrival(script, () => present);
    present = true;
    script.dispatchEvent(new Event("load"));
    await expect(arrival).resolves.toBe(true);
  });

  test("the script fails: preview at once", async () => {
    const script = new EventTarget();
    const arrival = officeArrival(script, () => false);
    script.dispatchEvent(new Event("error"));
    await expect(arrival).resolves.toBe(false);
  });

  test("the script never answers: preview after the timeout, which is short", async () => {
    const waiting = within(officeArrival(new EventTarget(), () => false), OFFICE_TIMEOUT_MS, false);
    jest.advanceTimersByTime(OFFICE_TIMEOUT_MS);
    await expect(waiting).resolves.toBe(false);
    expect(OFFICE_TIMEOUT_MS).toBeLessThanOrEqual(5000);
  });
});

/** dist/taskpane.js in a scope with a minimal page: the status line, the office-js tag, timers. */
function runTaskpane(globals: Record<string, unknown> = {}) {
  const timers: (() => void)[] = [];
  const officeScript = new EventTarget();
  const status = { textContent: "Connecting to Excel…" };
  const body = { dataset: {} as Record<string, string> };
  const loaded: string[] = [];
  const byId: Record<string, unknown> = { status, "office-js": officeScript };
  const document = {
    body,
    getElementById: (id: string) => byId[id] ?? null,
    createElement: () => Object.assign(new EventTarget(), { src: "" }),
    head: {
      appendChild(script: EventTarget & { src: string }) {
        loaded.push(script.src);
        setImmediate(() => script.dispatchEvent(new Event("load")));
      },
    },
  };
  const context = vm.createContext({
    document,
    setTimeout: (fn: () => void) => timers.push(fn),
    clearTimeout: () => undefined,
    ...globals,
  });
  vm.runInContext(readDist("taskpane.js"), context, { filename: "dist/taskpane.js" });
  const timeout = () => timers.splice(0).forEach((fn) => fn());
  return { context, status, body, loaded, officeScript, timeout };
}

describe("the built task pane", () => {
  const excel = () => ({
    Office: { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }), HostType: { Excel: "Excel" } },
    CustomFunctions: { associate: () => undefined },
  });

  test("no Office.js (CDN unreachable): preview mode after the timeout, functions not loaded", async () => {
    const page = runTaskpane();
    await flush();
    expect(page.body.dataset.mode).toBeUndefined(); // still waiting…
    page.timeout();
    await flush();
    expect(page.body.dataset.mode).toBe("preview");
    expect(page.status.textContent).toMatch(/Preview mode.*Office\.js/);
    expect(page.loaded).toEqual([]);
  });

  test("in Excel: loads the functions into the shared runtime and says how to use them", async () => {
    const page = runTaskpane(excel());
    for (let i = 0; i < 5; i++) await flush();
    expect(page.loaded).toEqual(["functions.js"]);
    expect(page.body.dataset.mode).toBe("excel");
    expect(page.status.textContent).toContain("=SUBSIDY.");
  });

  test("Office.js arriving after the timeout still switches from preview to Excel", async () => {
    const page = runTaskpane();
    await flush();
    page.timeout();
    await flush();
    expect(page.body.dataset.mode).toBe("preview");
    Object.assign(page.context, excel());
    page.officeScript.dispatchEvent(new Event("load"));
    for (let i = 0; i < 5; i++) await flush();
    expect(page.body.dataset.mode).toBe("excel");
    expect(page.loaded).toEqual(["functions.js"]);
  });

  test("a browser outside Excel: preview mode", async () => {
    const page = runTaskpane({ Office: { onReady: () => Promise.resolve({ host: null, platform: null }), HostType: { Excel: "Excel" } } });
    for (let i = 0; i < 5; i++) await flush();
    expect(page.body.dataset.mode).toBe("preview");
    expect(page.status.textContent).toMatch(/outside Excel/);
  });
});

describe("dist/", () => {
  const html = readDist("taskpane.html");

  test("taskpane.html loads Office.js from Microsoft's CDN, async, and only its own bundle besides", () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?/);
    expect(scripts[0]).toMatch(/\basync\b/);
    expect(scripts[1]).toMatch(/src="?taskpane\.js"?/);
  });

  test("Office.js is not bundled, and nothing GPL (HyperFormula) is shipped", () => {
    for (const file of fs.readdirSync(dist).filter((f) => f.endsWith(".js"))) {
      const code = fs.readFileSync(path.join(dist, file), "utf8");
      expect(code).not.toMatch(/OSF\.|Office\.initialize\s*=|officeappsforoffice/);
      expect(code.toLowerCase()).not.toContain("hyperformula");
    }
  });
});
