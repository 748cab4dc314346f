/**
 * The pieces of the workbook parts' one-pass XML readers (catalog-record.ts, packs-part.ts): a
 * tag read where it starts, its attributes, and XML's references resolved. What they read comes
 * from a workbook, so nothing here backtracks over the text: a tag holds no "<", so a match
 * never looks past the next one, and each character is looked at by one tag.
 */

const namePattern = "[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?";
/** One tag from where it starts (sticky): its closing mark, name, attributes, and whether it closes itself. */
export const tagPattern = new RegExp(`<(/?)(${namePattern})((?:\\s+${namePattern}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "y");
export const attrPattern = new RegExp(`(${namePattern})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "g");

/** XML 1.0's Char production (§2.2). */
const xmlChar = (c: number) => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const namedReferences = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

/** A text (an attribute's value, an element's content) with XML's references resolved; undefined when one is not a reference XML allows. */
export function resolveReferences(raw: string): string | undefined {
  if (!raw.includes("&")) return raw;
  let bad = false;
  const out = raw.replace(/&([^;&]{0,12});?/g, (whole, e: string) => {
    if (!whole.endsWith(";")) return ((bad = true), "");
    const named = namedReferences.get(e);
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(e);
    const code = m ? (m[1] ? parseInt(m[1], 16) : Number(m[2])) : -1;
    if (!xmlChar(code)) return ((bad = true), "");
    return String.fromCodePoint(code);
  });
  return bad ? undefined : out;
}
