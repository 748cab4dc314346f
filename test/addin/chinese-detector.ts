import { engine, inputColumns, inputItems, pathways, regions, topics, viewCodes } from "../../src/engine";
import { englishWords, identifiers } from "../explain/support";
import { readMetadata } from "./support";

/*
 * Issue 21's detector, shared by its batteries (chinese-battery.test.ts over cells, spills and the
 * CLI; chinese-template.test.ts over a template's every string; test/e2e over the pane). zh-CN: no
 * English word outside the proper names (FDA, CE, VBP, GMP…) and the codes a user types
 * (SUBSIDY's function names, regions, pathways, topics, views, languages, CLI flags), and no
 * internal identifier. en-US: no Chinese outside quotations and glosses (in parentheses). What the
 * user typed is echoed in quotes, and quotes are taken out before looking.
 */

export const metadata = readMetadata("functions.json");
const functionIds = metadata.functions.map((f) => f.id);
/** The parameters by the names Excel's English Insert Function dialog shows: what an en-US message names. */
const englishParameters = new Set(metadata.functions.flatMap((f) => f.parameters.map((p) => p.name)));

/** Codes a user types, which a Chinese text may show as they are typed. */
export const codes = new Set<string>([
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
const withoutIds = (text: string) => clauseIds.reduce((t, id) => t.split(id).join(" "), text).replace(jsonPath, " ").replace(jsonField, " ");
/** A field's path in a scenario file (events[6].rdCost), kept beside its name for whoever edits the JSON. */
const jsonPath = /\b(?:schemaVersion|name|enterprise|horizon|financials|defaults|assumptions|issueDates|simulation|events|accounting)(?:\[\d+\]|\.[\w-]+)+/g;
/** A top-level field of a scenario file beside its name, in parentheses: 情景名称（name）. */
const jsonField = /[（(](?:schemaVersion|name|enterprise|horizon|financials|defaults|assumptions|issueDates|simulation|events|accounting)[）)]/g;
/**
 * The English Inputs table's columns and items (Item, sme, payment lag): the codes an en-US table
 * is typed in; a zh-CN text names them in Chinese (src/engine/input/input-words.ts).
 */
export const inputCodes = new Set<string>([...inputColumns, ...inputItems.flatMap((i) => i.split(" "))]);
/** An article as the text numbers it (第五条（二）, 一、3) cites the text: a quotation in English too. */
const articles = [...new Set(engine().catalog.clauses.map((c) => c.article))].sort((a, b) => b.length - a.length);

/** English in a zh-CN text: words that are neither proper names nor codes (nor `allowed`, a surface's own codes), and internal identifiers. */
export function englishIn(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  // Excel's error values (#VALUE!, #NUM!, #NAME?) are the same in a Chinese Excel; --flags are typed as they are.
  const t = withoutIds(unquoted(text)).replace(/(?<![\w-])--[a-z-]+/g, " ").replace(/#(VALUE!|NUM!|N\/A|NAME\?)/g, " ");
  const words = englishWords(t).filter((w) => !codes.has(w) && !allowed.has(w));
  const ids = identifiers(t).filter((w) => !codes.has(w) && !allowed.has(w));
  return [...new Set([...words, ...ids])];
}

/** Chinese in an en-US text outside quotations and glosses (nor `allowed`, a surface's own terms), and internal identifiers but the parameters' own names. */
export function chineseIn(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  let t = articles.reduce((acc, a) => acc.split(a).join(" "), withoutIds(unquoted(text)));
  // Glosses: a Chinese term in parentheses beside the English, nested at most once.
  for (let i = 0; i < 2; i++) t = t.replace(/\([^()]*\)|（[^（）]*）/g, " ");
  const han = [...t.matchAll(/[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]+/g)].map((m) => m[0]).filter((w) => !allowed.has(w));
  const ids = identifiers(t).filter((w) => !englishParameters.has(w) && !codes.has(w) && !inputCodes.has(w) && !allowed.has(w));
  return [...new Set([...han, ...ids])];
}

