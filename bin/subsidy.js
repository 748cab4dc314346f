#!/usr/bin/env node
// Compiled by `npm ci` / `npm install` (the prepare script) into lib/.
process.exitCode = require("../lib/src/cli/main.js").main(process.argv.slice(2));
