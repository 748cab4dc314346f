// dist/ is built from these sources; when any is newer than dist/functions.js (or dist/ is
// missing), run the production build. Used by `npm start` on Linux and by the add-in tests.
"use strict";
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const built = path.join(root, "dist", "functions.js");
const sources = ["packs", "src/engine", "src/functions", "src/taskpane", "src/workbook", "examples", "assets", "tsconfig.json", "manifest.xml", "webpack.config.js", "scripts/localize-functions.js", "scripts/manifest-urls.js", "scripts/catalog-loader.js"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** Why dist/ needs building, or undefined when it is up to date. */
function staleness() {
  if (!fs.existsSync(built)) return "dist/ is missing";
  const builtAt = fs.statSync(built).mtimeMs;
  return builtAt < Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) ? "dist/ is older than its sources" : undefined;
}

/** Runs `webpack --mode production` when dist/ is stale; throws with webpack's output if it fails. */
function ensureDist({ log = (line) => process.stdout.write(`${line}\n`), env = process.env } = {}) {
  const why = staleness();
  if (!why) return false;
  log(`${why}: building it (npm run build)…`);
  try {
    execFileSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--mode", "production"], { cwd: root, env, stdio: "pipe" });
  } catch (e) {
    throw new Error(`the production build failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
  return true;
}

module.exports = { ensureDist, staleness };
