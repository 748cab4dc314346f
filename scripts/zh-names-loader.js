// webpack loader for src/functions/zh-names.ts: the zh-CN names of the functions and their
// parameters, read from src/functions/zh-cn.json at build time and emitted as data, so that
// functions.js carries the names its messages use and not the translation table's help texts.
// The same table as zh-names.ts computes in Node (test/addin/zh-names.test.ts holds them equal).
"use strict";
const fs = require("fs");
const path = require("path");

const table = path.resolve(__dirname, "..", "src", "functions", "zh-cn.json");

const or = (value, otherwise) => (value === undefined ? otherwise : value);

/** zh-cn.json's names by function id: { name, parameters: { englishName: chineseName } }. */
function zhNames(json) {
  return Object.fromEntries(
    Object.entries(json)
      .filter(([id]) => !id.startsWith("$"))
      .map(([id, f]) => [id, { name: or(f.name, id), parameters: Object.fromEntries(Object.entries(or(f.parameters, {})).map(([p, x]) => [p, or(x.name, p)])) }])
  );
}

module.exports = function zhNamesLoader() {
  this.addDependency(table);
  return `export const zhNames = ${JSON.stringify(zhNames(JSON.parse(fs.readFileSync(table, "utf8"))))};\n`;
};
module.exports.zhNames = zhNames;
