import { sizePolicy } from "../../workbook/stored";
import type { StoredPack } from "../../workbook/packs-part";
import type { I18n } from "../i18n";

/*
 * A pack as the person chooses it: the two files of its folder (pack.json and the text it names),
 * picked together in the browser's file dialog. Each file is bounded before it is read (the one
 * reader's 1 MiB a text) and decoded as UTF-8, strictly (a byte-order mark is accepted; UTF-16 or
 * another encoding is refused, as the CLI's reader refuses it). Nothing is checked here beyond
 * that: the pack check (check.ts) says what is wrong with the pack itself.
 */

/** The most one file of a pack may be: the reader's bound for one text (stored.ts). */
export const FILE_BYTES = sizePolicy.bytes;

/** What a pack file needs of the browser's File: its name, size and bytes (jsdom's File has them too). */
export interface PackFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FromFiles = { readonly ok: true; readonly pack: StoredPack; readonly file: string } | { readonly ok: false; readonly file: string; readonly problem: string };

/** A pack's name: its document id when it is one a folder could be called, else the JSON file's name. */
const nameOf = (json: unknown, file: string): string => {
  const id = typeof json === "object" && json !== null && "document" in json ? (json as { document?: { id?: unknown } }).document?.id : undefined;
  return typeof id === "string" && /^[a-z0-9][a-z0-9._-]{0,99}$/i.test(id) ? id : file.replace(/\.json$/i, "").replace(/[^\w.-]/g, "_").slice(0, 100) || "pack";
};

async function utf8(file: PackFile): Promise<string | undefined> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return undefined;
  }
}

/** The pack in the files chosen, as the workbook and storage keep it, or why it cannot be read. */
export async function packFromFiles(files: readonly PackFile[], { t }: I18n): Promise<FromFiles> {
  const jsons = files.filter((f) => /\.json$/i.test(f.name));
  const jsonFile = jsons.find((f) => f.name.toLowerCase() === "pack.json") ?? (jsons.length === 1 ? jsons[0] : undefined);
  if (!jsonFile) return { ok: false, file: files[0]?.name ?? "pack.json", problem: t("packs.file.none") };
  const limit = { limit: FILE_BYTES / (1024 * 1024) };
  const bounded = (f: PackFile): FromFiles | undefined => (f.size > FILE_BYTES ? { ok: false, file: f.name, problem: t("packs.file.tooLarge", { file: f.name, ...limit }) } : undefined);
  const tooLarge = bounded(jsonFile);
  if (tooLarge) return tooLarge;
  const json = await utf8(jsonFile);
  if (json === undefined) return { ok: false, file: jsonFile.name, problem: t("packs.file.notUtf8", { file: jsonFile.name }) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    // The check says why, in the reader's language (check.ts); the name comes from the file then.
  }
  // The text pack.json names; when it names none, the check refuses the pack for that.
  const named = typeof parsed === "object" && parsed !== null ? (parsed as { document?: { file?: unknown } }).document?.file : undefined;
  let text = "";
  if (typeof named === "string") {
    const textFile = files.find((f) => f !== jsonFile && f.name === named.split(/[/\\]/).pop());
    if (!textFile) return { ok: false, file: jsonFile.name, problem: t("packs.file.noText", { file: named.slice(0, 100) }) };
    const tooLargeText = bounded(textFile);
    if (tooLargeText) return tooLargeText;
    const decoded = await utf8(textFile);
    if (decoded === undefined) return { ok: false, file: textFile.name, problem: t("packs.file.notUtf8", { file: textFile.name }) };
    text = decoded;
  }
  return { ok: true, file: jsonFile.name, pack: { name: nameOf(parsed, jsonFile.name), json, text } };
}
