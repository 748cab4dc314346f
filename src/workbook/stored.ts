import * as z from "zod/mini";

// In the built add-in the task pane's zod is its own copy, not the engine's (which sets this in
// src/engine/forecast/zod-jitless.ts): interpreted parsers here too, since the pane's
// Content-Security-Policy forbids eval, and English details as the engine gives them. Every
// module that builds a schema for the reader imports this one first.
z.config({ jitless: true, ...z.locales.en() });

/**
 * The one reader for everything that comes back from a workbook or browser storage: the pane's
 * saved work (draft, baseline and what-ifs), its settings, the scenarios kept in the workbook,
 * the catalog record, and any part added later (policy packs). What it reads was written by
 * another version, another tool or a person with a text editor, so it is untrusted: bounded by
 * one size policy before anything is built from it, parsed with a schema, and versioned. An
 * older version is migrated; a newer, unknown or damaged one is set aside with the reason, and
 * the caller keeps it as it was (never deletes or overwrites it) and says so in the user's
 * language. Reading never throws.
 */

/**
 * The size policy. 1 MiB is what a workbook part may hold here (Excel on the web refuses a
 * request over 5 MB; scenarios.ts reads four parts a request), and bounds everything built from
 * a text; a text is at most what an Excel cell holds (32,767 characters, Excel's specifications
 * and limits), so whatever the Inputs table can hold reads back; depth and array bounds are far
 * beyond anything this add-in writes (a scenario is at most 300 Inputs rows; the catalog has 153
 * clauses) and keep the walk over what was built shallow.
 */
export const sizePolicy = { bytes: 1024 * 1024, depth: 32, string: 32_767, array: 100_000 } as const;

/** Why something read was set aside (and kept as it was). */
export type SetAside =
  /** Beyond the size policy: which bound, and where. */
  | { readonly kind: "size"; readonly bound: keyof typeof sizePolicy; readonly at: string }
  /** Not JSON, not XML, or not well-formed. */
  | { readonly kind: "syntax"; readonly detail: string }
  /** Written by a newer version of the add-in, in a shape this one does not know. */
  | { readonly kind: "newer"; readonly version: string }
  /** Well-formed, of a known version, but not the shape that version writes: where first ("draft.events.0"), and the schema's words (English, for the console). */
  | { readonly kind: "shape"; readonly at: string; readonly detail: string };

export type Read<T> = { readonly ok: true; readonly value: T; readonly migratedFrom?: number } | { readonly ok: false; readonly aside: SetAside };

/** A versioned format read from storage. */
export interface Format<T> {
  /** The version this add-in writes. */
  readonly version: number;
  /** The version a raw value says it is (undefined: it says none, or not as a whole number). */
  readonly versionOf: (raw: unknown) => number | undefined;
  /** What a value that says no version is taken to be (today's shape before versions), if any. */
  readonly unversioned?: number;
  /** Each older version's step to the next one. */
  readonly migrations: Readonly<Record<number, (raw: unknown) => unknown>>;
  readonly schema: z.ZodMiniType<T>;
}

/** The UTF-8 length of a text, up to `limit` + 1 (it stops counting there). */
export function utf8Bytes(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const tooManyBytes = (text: string): boolean => text.length > sizePolicy.bytes || utf8Bytes(text, sizePolicy.bytes) > sizePolicy.bytes;

/**
 * The first place a parsed value breaks the size policy (depth, a string's length, an array's
 * or object's number of entries), or undefined. Walked with a stack of its own, so a deep value
 * cannot overflow the call stack.
 */
export function beyondBounds(value: unknown): SetAside | undefined {
  // Each node keeps its parent and key; a path is spelled out only for the one that breaks a bound.
  const nodes: { v: unknown; depth: number; parent: number; key: string | number }[] = [{ v: value, depth: 0, parent: -1, key: "" }];
  const at = (n: number): string => {
    let path = "";
    for (let k = n; k > 0; k = nodes[k].parent) {
      const key = nodes[k].key;
      path = (typeof key === "number" ? `[${key}]` : nodes[k].parent === 0 ? key : `.${key}`) + path;
    }
    return path || "(value)";
  };
  const walk = (n: number, key: string | number, child: unknown): SetAside | undefined => {
    if (typeof child === "string") return child.length > sizePolicy.string ? { kind: "size", bound: "string", at: at(nodes.push({ v: child, depth: 0, parent: n, key }) - 1) } : undefined;
    if (child && typeof child === "object") stack.push(nodes.push({ v: child, depth: nodes[n].depth + 1, parent: n, key }) - 1);
    return undefined;
  };
  if (typeof value === "string") return value.length > sizePolicy.string ? { kind: "size", bound: "string", at: "(value)" } : undefined;
  if (!value || typeof value !== "object") return undefined;
  const stack = [0];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const v = nodes[n].v as object;
    if (nodes[n].depth >= sizePolicy.depth) return { kind: "size", bound: "depth", at: at(n) };
    if (Array.isArray(v)) {
      if (v.length > sizePolicy.array) return { kind: "size", bound: "array", at: at(n) };
      for (let i = 0; i < v.length; i++) {
        const broken = walk(n, i, v[i]);
        if (broken) return broken;
      }
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > sizePolicy.array) return { kind: "size", bound: "array", at: at(n) };
    for (const key of keys) {
      if (key.length > sizePolicy.string) return { kind: "size", bound: "string", at: at(n) };
      const broken = walk(n, key, (v as Record<string, unknown>)[key]);
      if (broken) return broken;
    }
  }
  return undefined;
}

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join(".").slice(0, 200) || "(value)";

/** A schema's problems, short enough to log: the first three, each with its path. */
function shapeDetail(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${pathOf(i.path)}: ${i.message}`);
  return issues.join("; ") + (error.issues.length > 3 ? "; …" : "");
}

/** A value already parsed (from JSON, or built from XML), checked against its format. */
export function readValue<T>(raw: unknown, format: Format<T>): Read<T> {
  try {
    const bounds = beyondBounds(raw);
    if (bounds) return { ok: false, aside: bounds };
    const said = format.versionOf(raw);
    const version = said ?? format.unversioned;
    if (version === undefined) return { ok: false, aside: { kind: "shape", at: "(value)", detail: "no version" } };
    if (version > format.version) return { ok: false, aside: { kind: "newer", version: String(version) } };
    let value = raw;
    for (let v = version; v < format.version; v++) {
      const step = format.migrations[v];
      if (!step) return { ok: false, aside: { kind: "shape", at: "(value)", detail: `no migration from version ${v}` } };
      value = step(value);
    }
    const result = format.schema.safeParse(value);
    if (!result.success) return { ok: false, aside: { kind: "shape", at: pathOf(result.error.issues[0]?.path ?? []), detail: shapeDetail(result.error) } };
    return version < format.version ? { ok: true, value: result.data, migratedFrom: version } : { ok: true, value: result.data };
  } catch (e) {
    // A schema or migration that fails on a value nobody foresaw is a shape problem, not a crash.
    return { ok: false, aside: { kind: "shape", at: "(value)", detail: e instanceof Error ? e.message.slice(0, 200) : "unreadable" } };
  }
}

/** A stored text (JSON), bounded, parsed and checked against its format. */
export function readJson<T>(text: unknown, format: Format<T>): Read<T> {
  if (typeof text !== "string") return { ok: false, aside: { kind: "syntax", detail: `not a text (${text === null ? "null" : typeof text})` } };
  if (tooManyBytes(text)) return { ok: false, aside: { kind: "size", bound: "bytes", at: "(value)" } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, aside: { kind: "syntax", detail: e instanceof Error ? e.message.slice(0, 200) : "not JSON" } };
  }
  return readValue(raw, format);
}

/** A format with one version and no migrations (a setting that is one word). */
export function plainFormat<T>(schema: z.ZodMiniType<T>): Format<T> {
  return { version: 1, versionOf: () => undefined, unversioned: 1, migrations: {}, schema };
}
