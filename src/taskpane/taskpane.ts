import { OFFICE_TIMEOUT_MS, officeArrival, within } from "./startup";

/*
 * A minimal task pane (the wizard replaces it): it says what the add-in does and, in Excel,
 * loads the SUBSIDY functions into this shared runtime. Outside Excel, or when Office.js cannot
 * be loaded, it says so and stays in preview mode.
 */

const status = document.getElementById("status");

function show(mode: "excel" | "preview", text: string): void {
  document.body.dataset.mode = mode;
  if (status) status.textContent = text;
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
  const info = await within(Office.onReady(), OFFICE_TIMEOUT_MS, undefined);
  if (info?.host !== Office.HostType.Excel) {
    show("preview", "Preview mode: this page is open outside Excel. Open it from the Subsidy button on Excel's Home tab.");
    return;
  }
  await registerFunctions();
  show("excel", 'Ready. Type =SUBSIDY. in any cell to see the functions, e.g. =SUBSIDY.REGISTRATION(3, 5000000, "shenzhen").');
}

async function start(): Promise<void> {
  const arrival = officeArrival(document.getElementById("office-js"), () => typeof Office !== "undefined");
  if (await within(arrival, OFFICE_TIMEOUT_MS, false)) return startInOffice();
  show("preview", "Preview mode: Office.js could not be loaded from Microsoft's CDN (offline or blocked), so the functions are not available on this page.");
  if (await arrival) await startInOffice();
}

void start();
