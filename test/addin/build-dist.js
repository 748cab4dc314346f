// Jest globalSetup: the add-in tests check the BUILT dist/, which is what Excel runs. On a fresh
// clone, or when a source of the build is newer than dist/functions.js, run the production build
// once before the tests (CI builds first, so this does nothing there). Runs that select no
// test/addin or test/fuzz test (e.g. `npx jest test/clauses`) never build.
"use strict";
const fs = require("fs");
const path = require("path");
const { ensureDist } = require("../../scripts/ensure-dist");

function addinTestsSelected(globalConfig) {
  const patterns = globalConfig.testPathPatterns;
  if (!patterns || !patterns.isSet()) return true;
  const matcher = patterns.toExecutor({ rootDir: globalConfig.rootDir });
  const dirs = [__dirname, path.join(__dirname, "..", "fuzz")].filter((dir) => fs.existsSync(dir));
  return dirs.some((dir) => fs.readdirSync(dir).some((name) => name.endsWith(".test.ts") && matcher.isMatch(path.join(dir, name))));
}

module.exports = async function buildDist(globalConfig) {
  if (!addinTestsSelected(globalConfig)) return;
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL; // the tests expect the dev server's URLs
  ensureDist({ env, log: (line) => process.stdout.write(`\n${line.replace(/…$/, " for test/addin…")}\n`) });
};
