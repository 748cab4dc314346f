#!/usr/bin/env node
// Compiled by `npm ci` / `npm install` (the prepare script) into lib/.
require("../lib/src/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => (process.exitCode = code));
