import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { Decimal, engine, forecast, formatYuan, parseScenario, ScenarioError, useCatalog, type Catalog, type Lang, type Query } from "../engine";
import { catalogWithPacks, checkPacks, isCallExample, packProblemText, readPack, type CallExample, type LoadedPack, type PackSource, type ScenarioExample } from "../engine/packs";
import { CellError, type Cell } from "../functions/cells";
import { call, functionKey } from "../functions/reports";
import { definitions } from "../functions/subsidy";
import { scenarioText } from "./forecast";
import type { Io } from "./main";
import { SCAFFOLD_TEXT, scaffoldPack } from "./pack-scaffold";

/*
 * `subsidy pack new|check|test` and `--pack` on the other verbs: the files read here, the
 * checks and the figures the engine's (engine/packs.ts, the SUBSIDY functions). Everything read
 * is untrusted: bounded in size, decoded strictly, parsed, never run.
 */

/** A pack is small: its JSON and its text each at most this many bytes. */
const MAX_BYTES = 4_000_000;

const words = (lang: Lang, zh: string, en: string) => (lang === "zh-CN" ? zh : en);

/** One file's text, or what is wrong with it, in the user's language. */
export function readText(path: string, lang: Lang): string | { problem: string } {
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_BYTES) return { problem: words(lang, `${path}：文件过大（上限 ${MAX_BYTES} 字节）`, `${path}: too large (at most ${MAX_BYTES} bytes)`) };
    bytes = readFileSync(path);
  } catch (e) {
    return { problem: words(lang, `${path}：无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) };
  }
  const text = scenarioText(bytes);
  return typeof text === "string" ? text : { problem: words(lang, `${path}：须为 UTF-8 文本（${text.problem}）`, `${path}: ${text.problem}`) };
}

/** A pack's folder (or its pack.json): the JSON parsed, the text it names read beside it. */
export function packSource(path: string, lang: Lang): PackSource | { problem: string } {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, "pack.json");
  } catch {
    return { problem: words(lang, `${path}：找不到政策包（一个含 pack.json 的文件夹）`, `${path}: no pack there (a folder holding pack.json)`) };
  }
  const text = readText(file, lang);
  if (typeof text !== "string") return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const said = (e as Error).message.slice(0, 160);
    return { problem: words(lang, `${file}：不是有效的 JSON（${said}）`, `${file}: not valid JSON (${said})`) };
  }
  // The text is a file beside pack.json, named plainly: never a path that leaves the folder.
  const name = (json as { document?: { file?: unknown } } | null)?.document?.file;
  const plain = typeof name === "string" && /^[^/\\:]+$/.test(name) && name !== "." && name !== "..";
  const body = plain ? readText(join(dirname(file), name), lang) : undefined;
  return { path, json, text: typeof body === "string" ? body : undefined };
}

/** The packs at `paths`, read and checked together over the bundled catalog; problems printed. */
export function loadPacks(paths: readonly string[], io: Io, lang: Lang): { packs: LoadedPack[]; base: Catalog } | undefined {
  const base = useCatalog().catalog;
  const packs: LoadedPack[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const source = packSource(path, lang);
    if ("problem" in source) {
      problems.push(source.problem);
      continue;
    }
    const read = readPack(source);
    problems.push(...read.problems.map((p) => packProblemText(p, lang)));
    if (read.pack) packs.push(read.pack);
  }
  if (!problems.length) problems.push(...checkPacks(base, packs).map((p) => packProblemText(p, lang)));
  if (!problems.length) return { packs, base };
  io.err(words(lang, `政策包未通过检查（${problems.length} 个问题）：`, `the pack${paths.length > 1 ? "s" : ""} did not pass the check (${problems.length} problem${problems.length > 1 ? "s" : ""}):`));
  for (const p of problems) io.err(`  ${p}`);
  return undefined;
}

/** `--pack PATH` (repeatable): the engine every later call uses has these packs added. */
export function usePacks(paths: readonly string[], io: Io, lang: Lang): boolean {
  const loaded = loadPacks(paths, io, lang);
  if (!loaded) return false;
  useCatalog(catalogWithPacks(loaded.base, loaded.packs));
  return true;
}

/** `subsidy pack new DIR`: a pack to start from, which passes check and test as written. */
function packNew(dir: string | undefined, io: Io, lang: Lang): number {
  if (!dir) return usage(io, lang);
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    io.err(words(lang, `${dir} 已存在且不是空文件夹：未写入任何文件`, `${dir} exists and is not an empty folder: nothing written`));
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const schema = relative(resolve(dir), resolve(__dirname, "..", "..", "schema", "pack.schema.json")).split("\\").join("/");
  writeFileSync(join(dir, "text.txt"), SCAFFOLD_TEXT, "utf8");
  writeFileSync(join(dir, "pack.json"), `${JSON.stringify(scaffoldPack(schema), null, 2)}\n`, "utf8");
  io.out(
    words(
      lang,
      `已在 ${dir} 写入 pack.json 和 text.txt（示例文本，非真实政策）。把 text.txt 换成政策原文，按原文改写 pack.json 中的条款和算例，然后运行：\n  subsidy pack check ${dir}\n  subsidy pack test ${dir}`,
      `wrote pack.json and text.txt (an example text, not a real policy) in ${dir}. Replace text.txt with the policy's text, rewrite the entries and worked examples of pack.json from it, then run:\n  subsidy pack check ${dir}\n  subsidy pack test ${dir}`,
    ),
  );
  return 0;
}

/** `subsidy pack check PATH…`: every problem by pack, entry and field; what it holds when it passes. */
function packCheck(paths: readonly string[], io: Io, lang: Lang): number {
  if (!paths.length) return usage(io, lang);
  const loaded = loadPacks(paths, io, lang);
  if (!loaded) return 1;
  for (const { path, pack, untranslated } of loaded.packs) {
    const entries = pack.document.clauses.length;
    const monetary = pack.document.clauses.filter((c) => c.formula).length;
    io.out(
      words(
        lang,
        `✓ ${path}：${pack.document.title}，${pack.version} 版，作者 ${pack.author.name}；${entries} 个条款（${monetary} 个有金额），${pack.examples.length} 个算例`,
        `✓ ${path}: ${pack.document.titleEn}, version ${pack.version} by ${pack.author.name}; ${entries} entries (${monetary} monetary), ${pack.examples.length} worked examples`,
      ),
    );
    if (untranslated.length) {
      io.out(words(lang, `  缺少英文（英文界面显示中文原文并标注）：${untranslated.join("、")}`, `  no English (the Chinese is shown there, marked as the original): ${untranslated.join(", ")}`));
    }
  }
  return 0;
}

interface Outcome {
  readonly holds: boolean;
  readonly expected: string;
  readonly actual: string;
  readonly note?: string;
}

const shownFigure = (x: string) => (x.startsWith("#") ? x : formatYuan(new Decimal(x)));

/** A call example: the cell's value against the expected one, and the entries it names applied. */
function runCall(e: CallExample, lang: Lang): Outcome {
  const [name, ...args] = e.call;
  const cellArgs = args.map((a) => (a === null ? undefined : a));
  const result = call(String(name), cellArgs);
  const actual = result instanceof CellError ? `${result.code} ${result.message}` : Array.isArray(result) ? words(lang, "（一组数值）", "(a range of values)") : typeof result === "number" ? formatYuan(new Decimal(result)) : String(result);
  const holds = e.expected.startsWith("#") ? result instanceof CellError && result.code === e.expected : typeof result === "number" && new Decimal(result).eq(e.expected);
  const key = functionKey(name);
  const missing: string[] = [];
  if (key && key in definitions && e.entries.length) {
    const q = definitions[key as keyof typeof definitions].query(cellArgs as Cell[]);
    const applied = new Set(q instanceof CellError ? [] : appliedIn(q));
    for (const id of e.entries) if (!applied.has(id)) missing.push(id);
  }
  const note = missing.length ? words(lang, `所列条款未适用：${missing.join("、")}`, `the entries it names did not apply: ${missing.join(", ")}`) : undefined;
  return { holds: holds && !missing.length, expected: shownFigure(e.expected), actual, note };
}

/** The entries a query pays from (status applied), by the engine in use. */
const appliedIn = (q: Query): string[] =>
  engine()
    .evaluate(q)
    .lines.filter((l) => l.status === "applied")
    .map((l) => l.clause.id);

/** A scenario example: each year's ceiling against the expected one. */
function runScenario(e: ScenarioExample, lang: Lang): Outcome {
  let f;
  try {
    f = forecast(parseScenario(e.scenario));
  } catch (err) {
    const said = err instanceof ScenarioError ? err.problems.slice(0, 3).join("; ") : (err as Error).message;
    return { holds: false, expected: "", actual: "", note: words(lang, `情景无效：${said}`, `the scenario is not valid: ${said}`) };
  }
  const years = Object.keys(e.expected).sort();
  const actualOf = (y: string) => f.years.find((r) => r.year === Number(y))?.ceiling;
  const expected = years.map((y) => `${y}: ${formatYuan(new Decimal(e.expected[y]))}`).join(", ");
  const actual = years.map((y) => `${y}: ${actualOf(y) === undefined ? "—" : formatYuan(actualOf(y)!)}`).join(", ");
  const figures = years.every((y) => actualOf(y)?.eq(e.expected[y]) === true);
  const applied = new Set(f.lines.filter((l) => l.trace.status === "applied").map((l) => l.trace.clause.id));
  const missing = e.entries.filter((id) => !applied.has(id));
  const note = missing.length ? words(lang, `所列条款未适用：${missing.join("、")}`, `the entries it names did not apply: ${missing.join(", ")}`) : undefined;
  return { holds: figures && !missing.length, expected, actual, note };
}

/** `subsidy pack test PATH…`: each worked example run, expected beside actual. */
function packTest(paths: readonly string[], io: Io, lang: Lang): number {
  if (!paths.length) return usage(io, lang);
  const loaded = loadPacks(paths, io, lang);
  if (!loaded) return 1;
  useCatalog(catalogWithPacks(loaded.base, loaded.packs));
  let failed = 0;
  let total = 0;
  for (const { path, pack } of loaded.packs) {
    io.out(`${path}:`);
    for (const e of pack.examples) {
      total++;
      const o = isCallExample(e) ? runCall(e, lang) : runScenario(e as ScenarioExample, lang);
      const name = lang === "en-US" && e.nameEn ? e.nameEn : e.name;
      if (o.holds) {
        io.out(`  ✓ ${name}${words(lang, "：", ": ")}${o.actual}`);
        continue;
      }
      failed++;
      io.out(`  ✗ ${name}`);
      if (o.expected || o.actual) io.out(words(lang, `      应为 ${o.expected}，实得 ${o.actual}`, `      expected ${o.expected}, got ${o.actual}`));
      if (o.note) io.out(`      ${o.note}`);
      io.out(words(lang, `      算式：${e.arithmetic}`, `      arithmetic: ${e.arithmetic}`));
    }
  }
  io.out(words(lang, `${total - failed}/${total} 个算例成立`, `${total - failed} of ${total} worked examples hold`));
  return failed ? 1 : 0;
}

function usage(io: Io, lang: Lang): number {
  io.err(
    words(
      lang,
      "用法：\n  subsidy pack new 文件夹        生成一个示例政策包\n  subsidy pack check 路径…      检查政策包\n  subsidy pack test 路径…       运行政策包的算例",
      "Usage:\n  subsidy pack new DIR          scaffold a pack\n  subsidy pack check PATH…      check packs\n  subsidy pack test PATH…       run their worked examples",
    ),
  );
  return 2;
}

/** `subsidy pack new|check|test …` */
export function packCommand(argv: readonly string[], io: Io, lang: Lang): number {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case "new":
        return packNew(rest[0], io, lang);
      case "check":
        return packCheck(rest, io, lang);
      case "test":
        return packTest(rest, io, lang);
    }
    return usage(io, lang);
  } finally {
    // A check or a test leaves the bundled catalog in use, as it found it.
    useCatalog();
  }
}
