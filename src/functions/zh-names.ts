import zhCn from "./zh-cn.json";

/**
 * The names Chinese Excel's Insert Function dialog shows for each function and its parameters:
 * zh-cn.json's names, without its help texts. A cell's message names a parameter by them. In the
 * add-in's bundle scripts/zh-names-loader.js emits this table from zh-cn.json at build time, so
 * functions.js carries the names and not the descriptions (about 2.7 KB gzip); in Node (tests,
 * CLI) it is read here, from the same file.
 */
export interface ZhName {
  readonly name: string;
  /** By the parameter's English name (functions.json's). */
  readonly parameters: Readonly<Record<string, string>>;
}

type Table = Record<string, { name?: string; parameters?: Record<string, { name?: string }> }>;

export const zhNames: Readonly<Record<string, ZhName>> = Object.fromEntries(
  Object.entries(zhCn as unknown as Table)
    .filter(([id]) => !id.startsWith("$"))
    .map(([id, f]) => [id, { name: f.name ?? id, parameters: Object.fromEntries(Object.entries(f.parameters ?? {}).map(([p, x]) => [p, x.name ?? p])) }]),
);
