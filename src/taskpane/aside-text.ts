import type { SetAside } from "../workbook/stored";
import type { I18n } from "./i18n";

/** A path or version from what was read, as a notice may quote it: one line, at most 120 characters. */
const short = (detail: string): string => {
  const line = detail.replace(/\s+/g, " ").trim();
  return [...line].length > 120 ? `${[...line].slice(0, 119).join("")}…` : line;
};

/**
 * Why something read from the workbook or storage was set aside, in the user's language: the
 * kind of problem and where, never a parser's or schema's own (English) words.
 */
export function asideReason(a: SetAside, t: I18n["t"]): string {
  switch (a.kind) {
    case "size":
      return t("aside.size", { what: t(`aside.bound.${a.bound}`), at: short(a.at) });
    case "syntax":
      return t("aside.syntax");
    case "newer":
      return t("aside.newer", { version: short(a.version) });
    case "shape":
      return t("aside.shape", { at: short(a.at) });
  }
}
