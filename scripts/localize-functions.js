// Webpack plugin: finishes the custom functions metadata that custom-functions-metadata-plugin
// generates from the JSDoc in src/functions/functions.ts (functions.json), then writes one
// translated copy per locale (functions-zh-cn.json) for the manifest's metadata Override.
//
// - JSDoc wraps long lines; Excel's Insert Function dialog shows a description as one paragraph.
// - `rename`: Excel parameter names that cannot be JavaScript names (REGISTRATION's `class`).
// - `translations`: { table, output }. A table is keyed by function id, then by parameter name as
//   Excel shows it in English; it gives `name` and `description` for each. A function or parameter
//   missing from a table, or named there but not in functions.json, fails the build, so the
//   translation cannot drift from the functions.
"use strict";
const fs = require("fs");
const { Compilation, WebpackError, sources } = require("webpack");

const pluginName = "LocalizeFunctionsPlugin";

/** Descriptions as one line each: JSDoc's line breaks are layout, not meaning. */
function unwrapDescriptions(metadata) {
  const unwrap = (text) => (typeof text === "string" ? text.replace(/\s*\n\s*/g, " ").trim() : text);
  for (const fn of metadata.functions) {
    fn.description = unwrap(fn.description);
    for (const p of fn.parameters) p.description = unwrap(p.description);
  }
}

/** functions.json with parameters renamed: { ID: { jsName: excelName } }. */
function renameParameters(metadata, rename) {
  const problems = [];
  for (const [id, names] of Object.entries(rename)) {
    const fn = metadata.functions.find((f) => f.id === id);
    for (const [from, to] of Object.entries(names)) {
      const param = fn?.parameters.find((p) => p.name === from);
      if (param) param.name = to;
      else problems.push(`cannot rename ${id}(${from}): no such parameter`);
    }
  }
  return problems;
}

/** A translated copy of the metadata: ids, types and shapes kept, names and help replaced. */
function translate(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const t = table[fn.id];
    if (!t) {
      problems.push(`${fn.id}: missing from the translation table`);
      return fn;
    }
    for (const key of Object.keys(t.parameters ?? {})) {
      if (!fn.parameters.some((p) => p.name === key)) problems.push(`${fn.id}: the table names a parameter ${key} that the function does not have`);
    }
    const parameters = fn.parameters.map((p) => {
      const tp = t.parameters?.[p.name];
      if (!tp?.name || !tp?.description) problems.push(`${fn.id}(${p.name}): missing name or description in the translation table`);
      return { ...p, name: tp?.name ?? p.name, description: tp?.description ?? p.description };
    });
    if (!t.name || !t.description) problems.push(`${fn.id}: missing name or description in the translation table`);
    return { ...fn, name: t.name ?? fn.name, description: t.description ?? fn.description, parameters };
  });
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!id.startsWith("$") && !ids.has(id)) problems.push(`${id}: in the translation table but not a function`);
  return { metadata: { ...metadata, functions }, problems };
}

class LocalizeFunctionsPlugin {
  constructor({ metadata = "functions.json", rename = {}, translations = [] } = {}) {
    this.options = { metadata, rename, translations };
  }

  apply(compiler) {
    const { metadata: file, rename, translations } = this.options;
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const fail = (message) => compilation.errors.push(new WebpackError(`${pluginName}: ${message}`));
        const asset = compilation.getAsset(file);
        if (!asset) return fail(`${file} was not generated (see the custom functions metadata errors above)`);
        const metadata = JSON.parse(asset.source.source().toString());
        unwrapDescriptions(metadata);
        renameParameters(metadata, rename).forEach(fail);
        compilation.updateAsset(file, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        for (const { table, output } of translations) {
          compilation.fileDependencies.add(table);
          const translated = translate(metadata, JSON.parse(fs.readFileSync(table, "utf8")));
          translated.problems.forEach((p) => fail(`${output}: ${p}`));
          compilation.emitAsset(output, new sources.RawSource(JSON.stringify(translated.metadata, null, 2)));
        }
      });
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, renameParameters, translate, unwrapDescriptions };
