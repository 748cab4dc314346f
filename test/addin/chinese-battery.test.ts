import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { engine, inputColumns, inputItems, langs, pathways, regions, scenarioToInputs, topics, viewCodes, type Lang } from "../../src/engine";
import { englishWords, examples, identifiers, properNames } from "../explain/support";
import { ExcelError, loadedFunctions, readMetadata, type ExcelFunction } from "./support";

/*
 * Issue 21's battery, in the spirit of test/explain/battery.test.ts, over the surfaces that are
 * not explanations: every message a cell of the BUILT bundle can show, for every function the
 * built metadata lists (so a rename or a new function cannot slip past) and every kind of bad
 * argument, with Office's display language zh-CN and en-US; FORECAST's and CLAUSES' spills; the
 * CLI's tables and messages with --lang zh-CN and --lang en-US.
 *
 * zh-CN: no English word outside the proper names (FDA, CE, VBP, GMP…) and the codes a user
 * types (SUBSIDY's function names, regions, pathways, topics, views, languages, the Inputs
 * table's items and columns, CLI flags), and no internal identifier. en-US: no Chinese outside
 * quotations and glosses (in parentheses). What the user typed is echoed in quotes, and quotes
 * are taken out before looking.
 */

const metadata = readMetadata("functions.json");
const functionIds = metadata.functions.map((f) => f.id);
/** The parameters by the names Excel's English Insert Function dialog shows: what an en-US message names. */
const englishParameters = new Set(metadata.functions.flatMap((f) => f.parameters.map((p) => p.name)));

/** Codes a user types, which a Chinese text may show as they are typed. */
const codes = new Set<string>([
  ...functionIds,
  "SUBSIDY",
  "subsidy",
  ...regions,
  ...pathways,
  ...topics,
  ...viewCodes,
  "zh-CN",
  "en-US",
  "I",
  "II",
  "III",
  ...inputColumns,
  ...inputItems.flatMap((i) => i.split(" ")),
  // Excel's own TRUE and FALSE; the environment's variables the CLI reads its language from.
  ...["TRUE", "FALSE", "LC_ALL", "LC", "ALL", "LC_MESSAGES", "MESSAGES", "LANG"],
  // The CLI's verbs and option values, typed as they are.
  ...["call", "clauses", "forecast", "template", "schema", "help", "registry", "share", "admin", "appsource", "none", "examples", "manifest", "xml", "pack", "new", "check", "test", "diff", "rollforward", "losses"],
  // A document a user opens by its path (the pack guide).
  ...["docs", "PACKS", "md"],
  // Formats and files a user names: the scenario file is JSON, saved as UTF-8; a template is .xlsx.
  "JSON",
  "Schema",
  "UTF",
  "CSV",
  "csv",
  "json",
  "table",
  "xlsx",
]);

/** The text without what it quotes (the user's own input, a sentence of a policy text), quotes within quotes included. */
function unquoted(text: string): string {
  let out = "";
  let depth = 0;
  for (const c of text.replace(/"[^"\n]*"|「[^」]*」|'[^'\n]*'/g, " ")) {
    if (c === "“") depth++;
    else if (c === "”" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/**
 * Clause ids are codes a user types (a scenario's accounting settings name clauses by them:
 * nonTaxable, paymentLag.clauses), and the key of CLAUSES' rows: taken out, longest first, so
 * that a document id alone (expected: shenzhen-device) is still caught.
 */
const clauseIds = engine().catalog.clauses.map((c) => c.id).sort((a, b) => b.length - a.length);
const withoutIds = (text: string) => clauseIds.reduce((t, id) => t.split(id).join(" "), text).replace(jsonPath, " ");
/** A field's path in a scenario file (events[6].rdCost), kept beside its name for whoever edits the JSON. */
const jsonPath = /\b(?:schemaVersion|name|enterprise|horizon|financials|defaults|assumptions|issueDates|simulation|events|accounting)(?:\[\d+\]|\.[\w-]+)+/g;
/** An article as the text numbers it (第五条（二）, 一、3) cites the text: a quotation in English too. */
const articles = [...new Set(engine().catalog.clauses.map((c) => c.article))].sort((a, b) => b.length - a.length);

/** English in a zh-CN text: words that are neither proper names nor codes, and internal identifiers. */
export function englishIn(text: string): string[] {
  // Excel's error values (#VALUE!, #NUM!) are the same in a Chinese Excel; --flags are typed as they are.
  const t = withoutIds(unquoted(text)).replace(/(?<![\w-])--[a-z-]+/g, " ").replace(/#(VALUE!|NUM!|N\/A)/g, " ");
  const words = englishWords(t).filter((w) => !codes.has(w));
  const ids = identifiers(t).filter((w) => !codes.has(w));
  return [...new Set([...words, ...ids])];
}

/** Chinese in an en-US text outside quotations and glosses, and internal identifiers but the parameters' own names. */
export function chineseIn(text: string): string[] {
  let t = articles.reduce((acc, a) => acc.split(a).join(" "), withoutIds(unquoted(text)));
  // Glosses: a Chinese term in parentheses beside the English, nested at most once.
  for (let i = 0; i < 2; i++) t = t.replace(/\([^()]*\)|（[^（）]*）/g, " ");
  const han = [...t.matchAll(/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g)].map((m) => m[0]);
  const ids = identifiers(t).filter((w) => !englishParameters.has(w) && !codes.has(w));
  return [...new Set([...han, ...ids])];
}

const foreign = (lang: Lang, text: string) => (lang === "zh-CN" ? englishIn(text) : chineseIn(text));

/** Every text of a cell's answer: an error's message, a spilled cell's text. */
function textsOf(result: unknown): string[] {
  if (result instanceof ExcelError) return [result.message ?? ""];
  if (Array.isArray(result)) return result.flatMap(textsOf);
  return typeof result === "string" ? [result] : [];
}

type Found = { what: string; text: string };

/** Good values by parameter name (the metadata's), so each call has one bad argument only. */
const good: Readonly<Record<string, unknown>> = { class: 3, drugClass: 1, phase: 1, region: "shenzhen", areaM2: 2000 };
/** Each kind of bad argument a cell can hand over. */
const bad: readonly [kind: string, value: unknown][] = [
  ["text", [["abc"]]],
  ["typed in Chinese numerals", [["五百万"]]],
  ["negative", [[-1]]],
  ["not finite", [[Number.POSITIVE_INFINITY]]],
  ["too large", [[1e16]]],
  ["too precise", [["0.000000000000000000001"]]],
  ["blank", [[""]]],
  ["a flag", [[true]]],
  ["an object", [[{ type: "Entity", text: "x", properties: {} }]]],
  ["a ragged range", [[1, 2], [3]]],
  ["a range taller than another", [[1], [2], [3]]],
];

async function cellTexts(lang: Lang): Promise<Found[]> {
  const fns = await loadedFunctions(lang);
  const fn = (id: string): ExcelFunction => fns.get(id)!;
  const found: Found[] = [];
  /** What a call answers, or the error it throws (a function returning one value throws its error, as Excel expects). */
  const add = (what: string, call: () => unknown) => {
    let result: unknown;
    try {
      result = call();
    } catch (e) {
      result = e;
    }
    textsOf(result).forEach((text) => found.push({ what: `${lang} ${what}`, text }));
  };
  for (const f of metadata.functions) {
    if (f.id === "EXPLAIN" || f.id === "CLAUSES" || f.id === "FORECAST") continue;
    const base: unknown[] = f.parameters.map((p) => (p.optional ? null : [[good[p.name] ?? 5000000]]));
    f.parameters.forEach((p, i) => {
      for (const [kind, value] of bad) {
        const args = [...base];
        args[i] = value;
        if (kind === "a range taller than another") args[(i + 1) % args.length] = [[good[f.parameters[(i + 1) % args.length].name] ?? 5000000], [1]];
        add(`${f.id}(${p.name}: ${kind})`, () => fn(f.id)(...args));
        // EXPLAIN with the same argument, as one value.
        const single = args.map((a) => (Array.isArray(a) && a.length === 1 && Array.isArray(a[0]) && a[0].length === 1 ? a[0][0] : a));
        add(`EXPLAIN ${f.id}(${p.name}: ${kind})`, () => fn("EXPLAIN")(f.id, single));
      }
    });
  }
  add("EXPLAIN(unknown function)", () => fn("EXPLAIN")("TELEPORT", [1]));
  add("EXPLAIN(ranges)", () => fn("EXPLAIN")("REGISTRATION", [[[3], [2]], 5000000, "shenzhen"]));
  add("EXPLAIN(too many)", () => fn("EXPLAIN")("VBP", [1, "shenzhen", 3, 4]));
  add("CLAUSES(bad region)", () => fn("CLAUSES")("mars", null, null));
  add("CLAUSES(bad topic)", () => fn("CLAUSES")(null, "teleport", null));
  add("CLAUSES(bad language)", () => fn("CLAUSES")(null, null, "klingon"));
  const inputs = scenarioToInputs(examples()[0].scenario);
  add("FORECAST(not a table)", () => fn("FORECAST")([["x"]], null, null));
  add("FORECAST(bad view)", () => fn("FORECAST")(inputs, "sideways", null));
  add("FORECAST(bad language)", () => fn("FORECAST")(inputs, null, "klingon"));
  add("FORECAST(bad item)", () => fn("FORECAST")([...inputs, ["teleport", 2027]], null, null));
  const value = inputColumns.indexOf("Value");
  const certificate = inputs.findIndex((r) => r[0] === "certificate");
  const refused = inputs.map((r, i) => (i === certificate ? r.map((c, j) => (j === value ? "五百万" : c)) : r));
  add("FORECAST(bad amount in a row)", () => fn("FORECAST")(refused, null, null));
  return found;
}

async function spillTexts(lang: Lang): Promise<Found[]> {
  const fns = await loadedFunctions(lang);
  const found: Found[] = [];
  const clauses = fns.get("CLAUSES")!(null, null, null) as unknown[][];
  // The first column is the clause's id, the code a scenario names it by (nonTaxable, paymentLag);
  // the sentence quotes the text itself, English programme names included (Breakthrough Devices Program).
  const quoted = [0, 9];
  clauses.forEach((row, r) => row.forEach((cell, c) => typeof cell === "string" && !quoted.includes(c) && found.push({ what: `${lang} CLAUSES row ${r} column ${c}`, text: cell })));
  for (const { file, scenario } of examples()) {
    for (const view of ["entitled", "cash", "pl", "deferred", "tax", "aftertax"]) {
      const table = fns.get("FORECAST")!(scenarioToInputs(scenario), view, null) as unknown[][];
      textsOf(table).forEach((text) => found.push({ what: `${lang} FORECAST(${file}, ${view})`, text }));
    }
  }
  return found;
}

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function cliTexts(lang: Lang): Promise<Found[]> {
  const dir = mkdtempSync(join(tmpdir(), "battery-"));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const badScenario = file(
    "bad.json",
    JSON.stringify({
      schemaVersion: 1,
      name: "",
      enterprise: { region: "mars", sector: "device", colour: "red" },
      horizon: { from: 2026, to: "2030" },
      financials: [{ year: 2025.5, revenue: -1 }],
      issueDates: { "shenzhen-device": "2020-13-45" },
      simulation: { draws: 0 },
      events: [
        { type: "certificate", year: 2027, product: "A", class: 4, rdCost: "5e6" },
        { type: "teleport", year: 2027 },
        { type: "insurance", year: 2027, premium: "1" + "0".repeat(30) },
        { type: "other", year: 2027, topic: "registration", facts: { rdCost: true, deviceClass: 7 } },
      ],
      accounting: { taxRate: "2", nonTaxable: ["no-such-clause"], paymentLag: { documents: { nowhere: 1 } } },
    }),
  );
  const runs: [string, string[]][] = [
    ["help", ["help"]],
    ["no verb", []],
    ["call, bad argument", ["call", "REGISTRATION", "3", "-1", "shenzhen"]],
    ["call, unknown function", ["call", "TELEPORT", "1"]],
    ["call, too many arguments", ["call", "VBP", "1", "shenzhen", "3"]],
    ["call, CLAUSES too many", ["call", "CLAUSES", "", "", "", ""]],
    ["call, FORECAST nothing", ["call", "FORECAST"]],
    ["clauses", ["clauses", "--region", "shenzhen"]],
    ["clauses, bad region", ["clauses", "--region", "mars"]],
    ["clauses, bad topic", ["clauses", "--topic", "teleport"]],
    ["forecast, bad format", ["forecast", "x.json", "--format", "pdf"]],
    ["forecast, no file", ["forecast"]],
    ["forecast, bad view", ["forecast", "x.json", "--view", "sideways"]],
    ["forecast, bad draws", ["forecast", "x.json", "--draws", "0"]],
    ["forecast, missing file", ["forecast", join(dir, "nope.json")]],
    ["forecast, not JSON", ["forecast", file("broken.json", '{"name": "x",\n  "horizon": }')]],
    ["forecast, UTF-16", ["forecast", file("utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("{}", "utf16le")]))]],
    ["forecast, bad scenario", ["forecast", badScenario]],
  ];
  const found: Found[] = [];
  for (const [what, argv] of runs) {
    const r = await run([...argv, "--lang", lang]);
    // The user's own file names are theirs, not the tool's words.
    const files = new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/[^\\s：:]+`, "g");
    for (const text of [r.out, r.err]) if (text) found.push({ what: `${lang} CLI ${what}`, text: text.replace(files, " ") });
  }
  // The forecast of every example in every view: the name and labels the user wrote taken out.
  for (const { file: name, scenario, userWords } of examples()) {
    for (const view of ["entitled", "cash", "pl", "tax"]) {
      const r = await run(["forecast", join(__dirname, "..", "..", "examples", name), "--view", view, "--lang", lang]);
      const text = [scenario.name, ...userWords].reduce((t, u) => t.split(u).join(" "), r.out + r.err);
      found.push({ what: `${lang} CLI forecast ${name} ${view}`, text });
    }
  }
  return found;
}

const surfaces = { cells: cellTexts, spills: spillTexts, cli: cliTexts };

describe.each(langs)("%s", (lang) => {
  test.each(Object.keys(surfaces) as (keyof typeof surfaces)[])(`%s: ${lang === "zh-CN" ? "no English but proper names and codes" : "no Chinese outside quotations and glosses"}, no internal identifier`, async (surface) => {
    const found = await surfaces[surface](lang);
    expect(found.length).toBeGreaterThan(surface === "cells" ? 500 : 20);
    const problems = found.flatMap(({ what, text }) => foreign(lang, text).map((w) => `${what}: ${w}   «${text.slice(0, 160)}»`));
    expect([...new Set(problems)].slice(0, 25)).toEqual([]);
  });
});

test("the checks catch what they look for", async () => {
  // A planted English word, a planted identifier, in a Chinese message of the bundle itself.
  const [zh] = (await cellTexts("zh-CN")).filter((f) => f.what.includes("REGISTRATION(rdCost: negative)"));
  expect(englishIn(zh.text)).toEqual([]);
  expect(englishIn(`${zh.text} must`)).toEqual(["must"]);
  expect(englishIn(`${zh.text} rdCost`)).toEqual(["rdCost"]);
  expect(englishIn(`${zh.text} shenzhen-device/5`)).toEqual(expect.arrayContaining(["shenzhen-device/5"]));
  // A clause's id is a code a user types; a document's id as a header is not.
  expect(englishIn("付款滞后 1 年（shenzhen-device/5.class3）")).toEqual([]);
  expect(englishIn("预期：shenzhen-device")).toEqual(expect.arrayContaining(["shenzhen-device"]));
  // Quotes within quotes are one quotation; English after it is still found.
  expect(englishIn("“深入实施“十百千工程”、“G20工程”” ceiling")).toEqual(["ceiling"]);
  // A quoted echo of what the user typed is not the text's own English; a code a user types is allowed.
  expect(englishIn('研发投入应为数值（输入为 "abc def"）；地区应为 changping、beijing 或 shenzhen')).toEqual([]);
  expect(englishIn("合计 total")).toEqual(["total"]);
  // The same in English: Chinese outside quotes and glosses, and an identifier not a parameter's name.
  const [en] = (await cellTexts("en-US")).filter((f) => f.what.includes("REGISTRATION(rdCost: negative)"));
  expect(chineseIn(en.text)).toEqual([]);
  expect(chineseIn(`${en.text} 合计`)).toEqual(["合计"]);
  expect(chineseIn(`${en.text} nationalProject`)).toEqual(["nationalProject"]);
  expect(chineseIn('must be "500万" (五百万) or “原文”')).toEqual([]);
  // The proper names the battery allows are the policy texts' own (test/explain/support.ts).
  expect(properNames.has("FDA") && properNames.has("GMP") && properNames.has("VBP") && properNames.has("CE")).toBe(true);
  // A spill with a planted English header is caught.
  const spills = await spillTexts("zh-CN");
  const header = spills.find((f) => f.what.includes("FORECAST"))!;
  expect(englishIn(header.text)).toEqual([]);
  expect(englishIn(`${header.text} ceiling`)).toEqual(["ceiling"]);
});
