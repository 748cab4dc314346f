/*
 * A pack's content hash (DESIGN "Policy packs": every figure from a pack names it by name, author,
 * version and hash). The engine defines what is hashed; the host computes the SHA-256 of it with
 * its own platform's implementation (node:crypto in the CLI and the build, crypto.subtle in the
 * add-in), so no hashing code enters either bundle (RULINGS §77).
 */

/** Lower-case hex of a SHA-256, as PackSource carries it. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * JSON with every object's keys sorted and no spaces: one text for one value, however the file was
 * laid out. A key whose value is undefined is left out, as JSON.stringify leaves it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The text whose UTF-8 bytes a pack's hash is the SHA-256 of: the canonical JSON of
 * [the pack's JSON without `$schema`, its text with CRLF as LF]. Layout, key order, the editor's
 * schema path and Windows line ends do not change it; any word, number or quote does. A workbook
 * that stores the pack re-serialised therefore carries the same hash as the file it came from.
 */
export function packHashText(json: unknown, text: string): string {
  const content = typeof json === "object" && json !== null && !Array.isArray(json) ? Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")) : json;
  return canonicalJson([content, text.replace(/\r\n/g, "\n")]);
}

/** The short form shown beside a figure: the hash's first 8 hex digits, as git shows a commit. */
export const shortHash = (hash: string): string => hash.slice(0, 8);
