import { host } from "../host";

/**
 * Where the pane keeps what must survive a reload (the draft, the language, the display unit,
 * the baseline and the what-ifs). In Excel: the workbook's own add-in settings
 * (Office.context.document.settings, saved into the file with saveAsync), so they travel with
 * the workbook; in a plain browser (preview): localStorage. Either may be missing or full:
 * nothing is kept then, and the pane still works.
 */
const PREFIX = "subsidy-pane:";

interface Settings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: () => void): void;
}

function officeSettings(): Settings | undefined {
  try {
    return host.get().mode === "excel" && typeof Office !== "undefined" ? (Office.context?.document?.settings as unknown as Settings | undefined) : undefined;
  } catch {
    return undefined;
  }
}

function local(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function load<T>(key: string): T | undefined {
  try {
    const settings = officeSettings();
    const text = settings ? settings.get(PREFIX + key) : local()?.getItem(PREFIX + key);
    return typeof text === "string" ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

let pending: ReturnType<typeof setTimeout> | undefined;

export function save(key: string, value: unknown): void {
  try {
    const text = JSON.stringify(value);
    const settings = officeSettings();
    if (settings) {
      settings.set(PREFIX + key, text);
      // One write of the settings part for a burst of typing.
      clearTimeout(pending);
      pending = setTimeout(() => settings.saveAsync(), 500);
    } else local()?.setItem(PREFIX + key, text);
  } catch {
    // Storage full or refused: the pane works on without it.
  }
}
