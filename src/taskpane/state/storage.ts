import { host } from "../host";
import { readJson, type Format, type Read, type SetAside } from "../../workbook/stored";

/**
 * Where the pane keeps what must survive a reload (the draft, the language, the display unit,
 * the baseline and the what-ifs). In Excel: the workbook's own add-in settings
 * (Office.context.document.settings, saved into the file with saveAsync), so they travel with
 * the workbook; in a plain browser (preview): localStorage. Either may be missing or full:
 * nothing is kept then, and the pane still works.
 *
 * Everything read back goes through the one reader (src/workbook/stored.ts). A text it cannot
 * read (damaged, of another shape, from a newer version) is set aside: copied, as it was, under
 * `<key>:aside` (or `:aside:2`, … when that is taken by another text) before the pane writes its
 * own work under the key, so nothing stored is ever lost, and `load` says why for the notice.
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

function getRaw(name: string): unknown {
  try {
    const settings = officeSettings();
    return settings ? settings.get(name) : (local()?.getItem(name) ?? undefined);
  } catch {
    return undefined;
  }
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** Whether the text was kept: false when there is no storage, or it is full or refused. */
function putRaw(name: string, text: string): boolean {
  try {
    const settings = officeSettings();
    if (settings) {
      settings.set(name, text);
      // One write of the settings part for a burst of typing.
      clearTimeout(pending);
      pending = setTimeout(() => settings.saveAsync(), 500);
      return true;
    }
    const store = local();
    store?.setItem(name, text);
    return store !== undefined;
  } catch {
    // Storage full or refused: the pane works on without it.
    return false;
  }
}

/** Keeps an unreadable text under a key of its own; never over another text. */
function keepAside(key: string, raw: unknown): void {
  const text = typeof raw === "string" ? raw : JSON.stringify(raw) ?? String(raw);
  for (let n = 1; n < 100; n++) {
    const name = `${PREFIX}${key}:aside${n === 1 ? "" : `:${n}`}`;
    const there = getRaw(name);
    if (there === text) return;
    if (there === undefined || there === null) {
      putRaw(name, text);
      return;
    }
  }
}

/** What was stored under a key: its value, or why it was set aside; neither when nothing is stored. */
export interface Loaded<T> {
  readonly value?: T;
  readonly aside?: SetAside;
}

/** The value stored under `key`, read with its format; a text it cannot read is set aside (kept) and said. */
export function load<T>(key: string, format: Format<T>): Loaded<T> {
  return loadWith(key, (raw) => readJson(raw, format));
}

/** The same, for a text stored as it is and read by a reader of its own (the packs part's XML: src/workbook/packs-part.ts). */
export function loadWith<T>(key: string, read: (raw: unknown) => Read<T>): Loaded<T> {
  const raw = getRaw(PREFIX + key);
  if (raw === undefined || raw === null) return {};
  const result = read(raw);
  if (result.ok) return { value: result.value };
  keepAside(key, raw);
  return { aside: result.aside };
}

/** Whether anything is stored under `key` (read or not). */
export const isStored = (key: string): boolean => {
  const raw = getRaw(PREFIX + key);
  return raw !== undefined && raw !== null;
};

/** Keeps a text as it is, for loadWith; false when storage refused it (full, or none). */
export function saveText(key: string, text: string): boolean {
  return putRaw(PREFIX + key, text);
}

export function save(key: string, value: unknown): void {
  try {
    putRaw(PREFIX + key, JSON.stringify(value));
  } catch {
    // A value JSON cannot write: nothing kept.
  }
}
