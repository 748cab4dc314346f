// webpack loader for src/engine/catalog/compiled.ts: the clause catalog checked against its zod
// schema (buildCatalog) at build time and emitted as the parsed data the engine runs on, so the
// add-in never validates the catalog on load. A catalog error stops the build with its message.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const catalogDir = path.resolve(__dirname, "..", "src", "engine", "catalog");

/** Loads src/engine/catalog/index.ts in this process, TypeScript transpiled on the fly. */
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
    for (const key of Object.keys(require.cache)) if (key.startsWith(path.resolve(__dirname, "..", "src") + path.sep)) delete require.cache[key];
    return require(entry);
  } finally {
    if (previous) require.extensions[".ts"] = previous;
    else delete require.extensions[".ts"];
  }
}

module.exports = function catalogLoader() {
  for (const file of fs.readdirSync(catalogDir)) this.addDependency(path.join(catalogDir, file));
  const { buildCatalog, catalogFiles } = loadCatalogModule();
  const catalog = buildCatalog(catalogFiles);
  // What the runtime never reads: the encoders' notes (docs/CATALOG.md and the tests keep them).
  // A document's facts are written once, in the catalog's facts, and named in the document: the
  // same definitions, shared as buildCatalog shares them.
  const documents = catalog.documents.map((doc) => ({ ...doc, facts: Object.keys(doc.facts), clauses: doc.clauses.map(({ note: _note, ...clause }) => clause) }));
  return [
    "// Generated at build time by scripts/catalog-loader.js from the checked catalog.",
    `const facts = ${JSON.stringify(catalog.facts)};`,
    `const documents = ${JSON.stringify(documents)}.map((d) => ({ ...d, facts: Object.fromEntries(d.facts.map((name) => [name, facts[name]])) }));`,
    `const accounting = ${JSON.stringify(catalog.accounting)};`,
    `const catalog = { version: ${JSON.stringify(catalog.version)}, documents, clauses: documents.flatMap((d) => d.clauses), facts, accounting };`,
    "export function compiledCatalog() { return catalog; }",
  ].join("\n");
};
