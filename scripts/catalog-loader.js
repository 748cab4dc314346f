// webpack loader for src/engine/catalog/compiled.ts and compiled-text.ts: the clause catalog,
// the built-in packs (packs/) read with their texts and checked as `subsidy pack check` checks
// any pack (checkedCatalog) at build time, emitted as the parsed data the engine runs on, so the
// add-in never validates the catalog on load. A pack that fails the check stops the build with
// its problems.
//
// The catalog is emitted in two modules. compiled.ts carries what the amounts need: ids,
// numbers, conditions, formulas, caps, validity; each text field (a sentence, a summary, a label,
// a title, an accounting word or reason) is an accessor that throws "catalog text not loaded"
// until compiled-text.ts, which carries the texts, fills them into the same objects. functions.js
// loads compiled.ts at once and compiled-text.ts with the rest of the engine, on first need
// (src/functions/loaded.ts); code of the amount path that read a text would fail its tests
// rather than show `undefined`.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { createHash } = require("crypto");

const catalogDir = path.resolve(__dirname, "..", "src", "engine", "catalog");
const packsDir = path.resolve(__dirname, "..", "packs");

/** Loads src/engine/catalog/build.ts in this process, TypeScript transpiled on the fly. */
function loadCatalogModule() {
  const previous = require.extensions[".ts"];
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    });
    module._compile(outputText, filename);
  };
  try {
    const entry = path.join(catalogDir, "build.ts");
    // A fresh load on every build (watch mode): drop what an earlier build cached.
    const fresh = [path.resolve(__dirname, "..", "src") + path.sep, packsDir + path.sep];
    for (const key of Object.keys(require.cache)) if (fresh.some((dir) => key.startsWith(dir))) delete require.cache[key];
    return require(entry);
  } finally {
    if (previous) require.extensions[".ts"] = previous;
    else delete require.extensions[".ts"];
  }
}

/** Fields holding words (schema.ts): strings under these keys, and bilingual objects under `summary` and a cap's `per`. */
const TEXT_KEYS = ["sentence", "baseSentence", "enterpriseAnnualCapSentence", "maxYearsSentence", "because", "title", "titleEn", "en", "zh", "words", "vat"];
const BILINGUAL_KEYS = ["summary", "per"];

/**
 * Calls visit(node, key) on every text field under `node`, in one fixed order. The loader runs it
 * on the data it emits, and the emitted compiled.ts runs the same function (its source is copied
 * in) on the same data, so the n-th text the loader takes out is the n-th slot the module fills.
 * `isText` says what a text looks like: a string or a bilingual object here, the placeholder 0
 * in the emitted module.
 */
function eachText(node, isText, visit) {
  if (Array.isArray(node)) {
    for (const item of node) eachText(item, isText, visit);
  } else if (node !== null && typeof node === "object") {
    for (const key of Object.keys(node)) {
      if (isText(key, node[key])) visit(node, key);
      else eachText(node[key], isText, visit);
    }
  }
}

const isText = (key, value) => (TEXT_KEYS.includes(key) && typeof value === "string") || (BILINGUAL_KEYS.includes(key) && typeof value === "object" && value !== null);

/** The checked catalog split into its structure (texts replaced by 0) and its texts, in eachText's order. */
function splitCatalog() {
  const { checkedCatalog, builtInPacks, packHashText } = loadCatalogModule();
  // Each built-in pack as a consultant's is read: its pack.json and the text it names, from its folder.
  const sources = builtInPacks.map(({ document: { id } }) => {
    const dir = path.join(packsDir, id);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "pack.json"), "utf8"));
    const text = fs.readFileSync(path.join(dir, json.document.file), "utf8");
    // Its hash as the CLI computes one (RULINGS §77): readPack asks every host for it.
    return { path: `packs/${id}`, json, text, hash: createHash("sha256").update(packHashText(json, text), "utf8").digest("hex") };
  });
  const catalog = checkedCatalog(sources);
  // What the runtime never reads: the encoders' notes (docs/CATALOG.md and the tests keep them).
  // A document's facts are written once, in the catalog's facts, and named in the document: the
  // same definitions, shared as buildCatalog shares them.
  const documents = catalog.documents.map((doc) => ({ ...doc, facts: Object.keys(doc.facts), clauses: doc.clauses.map(({ note: _note, ...clause }) => clause) }));
  const data = JSON.parse(JSON.stringify({ facts: catalog.facts, documents, accounting: catalog.accounting }));
  const texts = [];
  eachText([data.facts, data.documents, data.accounting], isText, (node, key) => {
    texts.push(node[key]);
    node[key] = 0;
  });
  // The tree of places stays whole: the amount path resolves regions by their names.
  return { version: catalog.version, data, texts, places: catalog.places };
}

/** compiled.ts: the structure, with a throwing accessor in each text's place until fillCatalogText. */
function structureModule({ version, data, places }) {
  return [
    "// Generated at build time by scripts/catalog-loader.js from the checked catalog: its structure.",
    `const facts = ${JSON.stringify(data.facts)};`,
    `const documents = ${JSON.stringify(data.documents)};`,
    `const accounting = ${JSON.stringify(data.accounting)};`,
    `const places = ${JSON.stringify(places)};`,
    `const TEXT_KEYS = ${JSON.stringify([...TEXT_KEYS, ...BILINGUAL_KEYS])};`,
    `const eachText = ${eachText.toString()};`,
    "const slots = [];",
    "eachText([facts, documents, accounting], (key, value) => value === 0 && TEXT_KEYS.includes(key), (node, key) => {",
    "  slots.push([node, key]);",
    "  Object.defineProperty(node, key, { enumerable: true, configurable: true, get() { throw new Error(`catalog text not loaded: ${key}`); } });",
    "});",
    "for (const d of documents) d.facts = Object.fromEntries(d.facts.map((name) => [name, facts[name]]));",
    `const catalog = { version: ${JSON.stringify(version)}, documents, clauses: documents.flatMap((d) => d.clauses), facts, places, accounting };`,
    "export function compiledCatalog() { return catalog; }",
    "/** The catalog's texts, in the loader's order: each replaces its slot's accessor with the text itself. */",
    "export function fillCatalogText(texts) {",
    "  slots.forEach(([node, key], i) => Object.defineProperty(node, key, { value: texts[i], enumerable: true, configurable: true, writable: true }));",
    "}",
  ].join("\n");
}

/** compiled-text.ts: the texts, filled into compiled.ts's catalog when this module runs. */
function textModule({ texts }) {
  return [
    "// Generated at build time by scripts/catalog-loader.js from the checked catalog: its texts.",
    'import { fillCatalogText } from "./compiled";',
    `fillCatalogText(${JSON.stringify(texts)});`,
  ].join("\n");
}

/** One split per compilation: both modules come from the same checked catalog. */
const splits = new WeakMap();

module.exports = function catalogLoader() {
  for (const file of fs.readdirSync(catalogDir)) this.addDependency(path.join(catalogDir, file));
  for (const pack of fs.readdirSync(packsDir)) for (const file of fs.readdirSync(path.join(packsDir, pack))) this.addDependency(path.join(packsDir, pack, file));
  const key = this._compilation ?? this;
  if (!splits.has(key)) splits.set(key, splitCatalog());
  const split = splits.get(key);
  return path.basename(this.resourcePath) === "compiled-text.ts" ? textModule(split) : structureModule(split);
};
