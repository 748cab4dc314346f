import { PACKS_PART_NAMESPACE } from "./packs-namespace";
import { beyondBounds, utf8Bytes, type Read, type SetAside } from "./stored";
import { attrPattern, resolveReferences, tagPattern } from "./xml-scan";
import { escapeXml, forbiddenCharacter } from "./xml-text";

/**
 * The policy packs a workbook carries (DESIGN "Policy packs", "Workbooks that travel"): one
 * custom XML part holding each pack as its author wrote it, pack.json's text and the policy's
 * text, so the workbook computes the same figures on a machine that never installed the pack.
 * The CLI's template writes it into the package (package.ts), the task pane through Office.js;
 * the custom functions read it (src/functions/packs.ts). Pure: no Office, no engine.
 *
 *   <packs xmlns="urn:subsidy-forecast:workbook-packs:1">
 *     <pack name="suzhou-sip-example" approved="true"><json>{…}</json><text>第一条…</text></pack>
 *   </packs>
 *
 * What comes back is untrusted: readPacksPart bounds it, and each pack is then checked exactly
 * as `subsidy pack check` checks it (readPack, checkPacks) by whoever applies it.
 */

export { PACKS_PART_NAMESPACE };

export interface StoredPack {
  /** The pack's folder name, as `pack check` names it in its problems. */
  readonly name: string;
  /** pack.json's text. */
  readonly json: string;
  /** The policy's text (the file pack.json's document.file names). */
  readonly text: string;
  /** Set when a pack that `replaces` part of the catalog was approved in this workbook (until then it is not used). */
  readonly approved?: boolean;
}

/**
 * The packs part's own size bound, beside stored.ts's policy (1 MiB a part): a real text of 60
 * entries with its pack.json is 100–300 KB, and a workbook may carry a few, so the part may be
 * 4 MiB of UTF-8, still under the 5 MB Excel on the web allows one request (the part is read
 * alone; learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * Each pack's JSON text and policy text are bounded by the part; what is built from the JSON
 * keeps stored.ts's depth, string and array bounds (storedPackJson).
 */
export const packsPolicy = { bytes: 4 * 1024 * 1024, packs: 50, name: 100 } as const;

/** A folder name as a pack's name: no path, nothing XML or a file system would mangle. */
// eslint-disable-next-line no-control-regex
const packName = /^[^/\\:*?"<>|\u0000-\u001f]{1,100}$/u;

/** Why a pack cannot be written into the part: which pack, which field, and the character XML cannot hold (or "name", "size"). */
export class PacksPartRefused extends Error {
  constructor(
    readonly pack: string,
    readonly field: "name" | "json" | "text" | "size",
    readonly detail: string,
  ) {
    super(`pack ${JSON.stringify(pack.slice(0, 100))}: ${field} cannot be kept in the workbook (${detail})`);
    this.name = "PacksPartRefused";
  }
}

/**
 * Element content as written: &, < and > escaped, and a carriage return as &#13;, which an XML
 * reader would otherwise turn into a line feed (XML 1.0 §2.11), so the text reads back exactly.
 */
const content = (s: string) => escapeXml(s).replace(/\r/g, "&#13;");

/**
 * The part's XML. Throws PacksPartRefused for a text XML cannot hold (a C0 control, a lone
 * surrogate, U+FFFE: xml-text.ts), a name that is not a folder name, two packs of one name, or a
 * part beyond packsPolicy: nothing is written then.
 */
export function packsPartXml(packs: readonly StoredPack[]): string {
  if (packs.length > packsPolicy.packs) throw new PacksPartRefused(packs[packsPolicy.packs].name, "size", `at most ${packsPolicy.packs} packs in a workbook`);
  const names = new Set<string>();
  const body = packs.map((p) => {
    if (!packName.test(p.name) || names.has(p.name)) throw new PacksPartRefused(p.name, "name", names.has(p.name) ? "two packs of this name" : "not a folder name");
    names.add(p.name);
    for (const field of ["json", "text"] as const) {
      const bad = forbiddenCharacter(p[field]);
      if (bad) throw new PacksPartRefused(p.name, field, bad);
    }
    return `<pack name="${escapeXml(p.name)}"${p.approved ? ' approved="true"' : ""}><json>${content(p.json)}</json><text>${content(p.text)}</text></pack>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<packs xmlns="${PACKS_PART_NAMESPACE}">${body.join("")}</packs>`;
  const bytes = utf8Bytes(xml, packsPolicy.bytes);
  if (bytes > packsPolicy.bytes) throw new PacksPartRefused(packs[packs.length - 1]?.name ?? "", "size", `more than ${packsPolicy.bytes} bytes`);
  return xml;
}

type Field = "json" | "text";

/**
 * The part read back, in one pass over its text (each character looked at a bounded number of
 * times), bounded by packsPolicy before anything is built: the packs, each with its JSON text
 * (which parses, within stored.ts's depth, string and array bounds) and its policy text. Set
 * aside whole with the reason when it is beyond a bound, not well-formed (a DOCTYPE, a reference
 * XML does not allow such as &#99999999;), of a later format (another namespace version), or
 * not the shape this version writes. Nothing in it is run. Never throws.
 */
export function readPacksPart(xml: unknown): Read<StoredPack[]> {
  if (typeof xml !== "string") return { ok: false, aside: { kind: "syntax", detail: "not a text" } };
  if (xml.length > packsPolicy.bytes || utf8Bytes(xml, packsPolicy.bytes) > packsPolicy.bytes) return { ok: false, aside: { kind: "size", bound: "bytes", at: "(packs)" } };
  const syntax = (detail: string): Read<StoredPack[]> => ({ ok: false, aside: { kind: "syntax", detail } });
  const shape = (at: string, detail: string): Read<StoredPack[]> => ({ ok: false, aside: { kind: "shape", at, detail } });
  const open: string[] = [];
  let root = false;
  const packs: { name?: string; approved?: string; json?: string; text?: string }[] = [];
  // The element whose content is being gathered (a pack's json or text), and its pieces.
  let field: Field | undefined;
  let pieces: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    const between = xml.slice(i, lt < 0 ? xml.length : lt);
    if (field) pieces.push(between);
    else if (between.trim() !== "") return syntax("text outside a pack's json or text");
    if (lt < 0) break;
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return syntax("unclosed CDATA section");
      if (!field) return syntax("CDATA outside a pack's json or text");
      // Kept apart from references: CDATA's content is its own text, & and all.
      pieces.push(`\u0000${xml.slice(lt + 9, end)}`);
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<?", lt) || xml.startsWith("<!--", lt)) {
      const close = xml.startsWith("<?", lt) ? "?>" : "-->";
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) return syntax(`unclosed ${close === "?>" ? "declaration" : "comment"}`);
      i = end + close.length;
      continue;
    }
    // A DOCTYPE (and with it any entity of its own) is nothing this add-in writes: never expanded.
    if (xml.startsWith("<!", lt)) return syntax("a DOCTYPE or other declaration");
    tagPattern.lastIndex = lt;
    const tag = tagPattern.exec(xml);
    if (!tag) return syntax(`not a tag at ${lt}`);
    i = tagPattern.lastIndex;
    const [, closing, name, attrSource, selfClosing] = tag;
    if (closing) {
      if (open.pop() !== name) return syntax(`</${name.slice(0, 40)}> does not close what is open`);
      if (field && open.length === 2) {
        let text = "";
        for (const piece of pieces) {
          const resolved = piece.startsWith("\u0000") ? piece.slice(1) : resolveReferences(piece);
          if (resolved === undefined) return syntax(`a character reference XML does not allow in a pack's ${field}`);
          text += resolved;
        }
        const pack = packs[packs.length - 1];
        if (pack[field] !== undefined) return shape(`packs[${packs.length - 1}].${field}`, `more than one ${field}`);
        pack[field] = text;
        field = undefined;
        pieces = [];
      }
      continue;
    }
    if (field) return syntax(`<${name.slice(0, 40)}> inside a pack's ${field}`);
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    attrPattern.lastIndex = 0;
    for (let a = attrPattern.exec(attrSource); a; a = attrPattern.exec(attrSource)) {
      if (a[1] !== "xmlns" && a[1] !== "name" && a[1] !== "approved") continue;
      const value = resolveReferences(a[2] ?? a[3] ?? "");
      if (value === undefined) return syntax(`a character reference XML does not allow in ${name.slice(0, 40)}`);
      attrs[a[1]] = value;
    }
    if (!root) {
      if (name !== "packs") return syntax(`<${name.slice(0, 40)}> is not a workbook's packs`);
      const ns = attrs.xmlns ?? "";
      const version = /^urn:subsidy-forecast:workbook-packs:(\d{1,6})$/.exec(ns)?.[1];
      if (version && Number(version) > 1) return { ok: false, aside: { kind: "newer", version } };
      if (ns !== PACKS_PART_NAMESPACE) return syntax("not the packs of this add-in");
      root = true;
    } else if (open.length === 0) return syntax("more than one root element");
    else if (open.length === 1 && name === "pack") {
      if (packs.length >= packsPolicy.packs) return { ok: false, aside: { kind: "size", bound: "array", at: "packs" } };
      packs.push({ name: attrs.name, approved: attrs.approved });
    } else if (open.length === 2 && (name === "json" || name === "text")) {
      if (!selfClosing) field = name;
      else {
        const pack = packs[packs.length - 1];
        if (pack[name] !== undefined) return shape(`packs[${packs.length - 1}].${name}`, `more than one ${name}`);
        pack[name] = "";
      }
    } else return shape(open.length === 1 ? "packs" : `packs[${packs.length - 1}]`, `<${name.slice(0, 40)}> is not part of a pack`);
    if (!selfClosing) open.push(name);
  }
  if (!root) return syntax("no packs element");
  if (open.length > 0) return syntax(`<${open[open.length - 1].slice(0, 40)}> is not closed`);
  const names = new Set<string>();
  const out: StoredPack[] = [];
  for (const [n, p] of packs.entries()) {
    const at = `packs[${n}]`;
    if (p.name === undefined || !packName.test(p.name)) return shape(`${at}.name`, "a pack's name is its folder name, 1–100 characters");
    if (names.has(p.name)) return shape(`${at}.name`, `two packs named ${p.name}`);
    names.add(p.name);
    if (p.approved !== undefined && p.approved !== "true") return shape(`${at}.approved`, 'approved is "true" or left out');
    if (p.json === undefined || p.text === undefined) return shape(at, `no ${p.json === undefined ? "json" : "text"}`);
    const json = storedPackJson(p.json);
    if ("kind" in json) return { ok: false, aside: json.kind === "shape" || json.kind === "size" ? { ...json, at: `${at}.json${json.at === "(value)" ? "" : `.${json.at}`}` } : json };
    out.push({ name: p.name, json: p.json, text: p.text, ...(p.approved ? { approved: true } : {}) });
  }
  return { ok: true, value: out };
}

/**
 * A stored pack's JSON text parsed, within stored.ts's bounds (depth 32, strings of an Excel
 * cell, arrays of 100,000): what readPack then checks, so a hostile value never reaches a
 * recursive walk. Never throws.
 */
export function storedPackJson(json: string): { value: unknown } | SetAside {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { kind: "syntax", detail: `pack.json: ${e instanceof Error ? e.message.slice(0, 160) : "not JSON"}` };
  }
  return beyondBounds(value) ?? { value };
}

/**
 * What a workbook's packs parts hold, as the pane and the custom functions both read them: the
 * last part this version can read, else why the last one could not be read (the pane writes one
 * part and leaves beside it one it cannot read: a newer version's, a damaged one); undefined
 * when there is none.
 */
export function readPacksParts(xmls: readonly unknown[]): Read<StoredPack[]> | undefined {
  const reads = xmls.map(readPacksPart);
  return reads.filter((r) => r.ok).pop() ?? reads.pop();
}
