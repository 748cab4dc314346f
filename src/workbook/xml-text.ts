/**
 * Text that goes into a workbook's XML. XML 1.0 (§2.2, production [2] Char) allows tab, line
 * feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; anything else (C0
 * controls such as U+0001 or a vertical tab, a lone surrogate, the non-characters U+FFFE and
 * U+FFFF) makes the part not well-formed, and Excel then offers to "repair" the file. Writers
 * refuse such text before anything is written, naming the field.
 */

const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The first character XML cannot hold, as "U+FFFE", or undefined when the text is fine. */
export function forbiddenCharacter(text: string): string | undefined {
  const m = forbidden.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}

/** Every text in a value (a scenario, say) that XML cannot hold, keys too, with where it is ("events[2].label"). */
export function forbiddenTexts(value: unknown, path = ""): { path: string; character: string; text: string }[] {
  if (typeof value === "string") {
    const character = forbiddenCharacter(value);
    return character ? [{ path: path || "(text)", character, text: value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenTexts(v, `${path}[${i}]`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => {
      const at = path ? `${path}.${k}` : k;
      return [...forbiddenTexts(k, at), ...forbiddenTexts(v, at)];
    });
  return [];
}

/** A text as a message may quote it: what XML forbids shown as U+FFFD, at most 40 characters. */
export const quotable = (text: string): string => {
  const shown = text.replace(new RegExp(forbidden.source, "gu"), "\uFFFD");
  return [...shown].length > 40 ? `${[...shown].slice(0, 39).join("")}…` : shown;
};

export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
