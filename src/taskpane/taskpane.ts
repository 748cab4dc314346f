import { engineWanted, engineWhereKnown } from "./engine-ready";
import { host, type PreviewReason } from "./host";
import { officeArrival, officeTimeoutMs, within } from "./startup";

/*
 * The page's first script, kept small: it starts the wizard at once (a separate chunk, React and
 * Fluent UI, so the shared runtime's functions.js never carries them; the engine is the one
 * functions.js loaded, or its own chunk outside Excel: engine-ready.ts), and in
 * parallel finds out where it runs. In Excel it loads the SUBSIDY functions into this shared
 * runtime; outside Excel, or when Office.js cannot be loaded, it says so and stays in preview
 * mode, where the wizard works and the workbook actions are off.
 */

const status = document.getElementById("status");
const timeout = officeTimeoutMs(typeof location === "undefined" ? undefined : location.search);

function show(mode: "excel" | "preview", text: string, reason?: PreviewReason): void {
  document.body.dataset.mode = mode;
  if (status) status.textContent = text;
  host.set({ mode, reason, displayLanguage: mode === "excel" ? Office.context?.displayLanguage : undefined });
  engineWhereKnown();
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = src;
    script.addEventListener("load", () => resolve(), { once: true });
    script.addEventListener("error", () => resolve(), { once: true });
    document.head.appendChild(script);
  });
}

let functionsLoaded = false;

/** The functions register with Excel as soon as Office.js is there (shared runtime). */
async function registerFunctions(): Promise<void> {
  if (functionsLoaded || typeof CustomFunctions === "undefined") return;
  functionsLoaded = true;
  await loadScript("functions.js");
}

async function startInOffice(): Promise<void> {
  await registerFunctions();
  const info = await within(Office.onReady(), timeout, undefined);
  if (info?.host !== Office.HostType.Excel) {
    show("preview", "Preview mode: this page is open outside Excel. Open it from the Subsidy button on Excel's Home tab.", "outside-excel");
    return;
  }
  await registerFunctions();
  show("excel", 'Ready. Type =SUBSIDY. in any cell to see the functions, e.g. =SUBSIDY.REGISTRATION(3, 5000000, "shenzhen").');
}

async function start(): Promise<void> {
  const arrival = officeArrival(document.getElementById("office-js"), () => typeof Office !== "undefined");
  if (await within(arrival, timeout, false)) return startInOffice();
  show("preview", "Preview mode: Office.js could not be loaded from Microsoft's CDN (offline or blocked), so the functions are not available on this page.", "no-office-js");
  if (await arrival) await startInOffice();
}

/** The wizard, in its own chunk: the page's status line stays if it cannot be loaded. */
async function startWizard(root: HTMLElement): Promise<void> {
  try {
    engineWanted();
    const { mount } = await import(/* webpackChunkName: "wizard" */ "./app.js");
    mount(root, document.getElementById("boot"));
  } catch (e) {
    if (status) status.textContent = `The wizard could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
  }
}

const root = document.getElementById("root");
if (root) void startWizard(root);
void start();
