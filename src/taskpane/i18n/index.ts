import { createContext, useContext } from "react";
import type { Lang } from "../engine";
import { enUS } from "./en-US";
import { zhCN } from "./zh-CN";

/**
 * The pane's two message catalogs, with the same keys (the type below and a test hold them to
 * it). The language follows Office's display language (Office.context.displayLanguage) until the
 * person switches; in a plain browser, the browser's language or `?lang=zh-CN`.
 */
export type { Lang } from "../engine";
export type MessageKey = keyof typeof enUS;
export type Params = Readonly<Record<string, string | number>>;

export const catalogs: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { "en-US": enUS, "zh-CN": zhCN };
export const langs: readonly Lang[] = ["en-US", "zh-CN"];

/** Office's, the browser's or `?lang=` tag as one of the two: the engine's reading, shared with EXPLAIN. */
export { langOf } from "../engine";

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

export interface I18n {
  readonly lang: Lang;
  readonly t: (key: MessageKey, params?: Params) => string;
}

export const I18nContext = createContext<I18n>({ lang: "en-US", t: (key, params) => translate("en-US", key, params) });
export const useI18n = (): I18n => useContext(I18nContext);
