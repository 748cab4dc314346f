#!/usr/bin/env node
// npm run bench:taskpane: what the task pane costs a person opening it.
//
//   initial JavaScript  the scripts the page loads before the wizard's first render (taskpane.js
//                       and the chunks it pulls in at once), each gzipped (zlib level 6, what a
//                       web server sends)
//   first render        time from navigation start to the wizard's first commit (the
//                       performance mark "taskpane:first-render" that app.tsx sets), in headless
//                       Chromium, median of five fresh pages
//
// It builds dist/ if stale, serves it on a localhost port, and drives Chromium, Chrome or Edge
// (scripts/chromium.js) with playwright-core (no browser is downloaded). Office.js's CDN is blocked, as offline: the
// page starts in preview mode (?officeTimeout=0), which does not delay the first render anyway.
// Wall-clock numbers: a report, never a test assertion.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { ensureDist } = require("./ensure-dist");
const { serveStatic } = require("./static-server");
const { findBrowser, launchChromium } = require("./chromium");

const RUNS = 5;
const dist = path.resolve(__dirname, "..", "dist");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  try {
    findBrowser();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  ensureDist({ env });
  const server = await serveStatic(dist);
  const { context, close } = await launchChromium();

  const times = [];
  let scripts;
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      const loaded = [];
      page.on("response", (r) => {
        const url = new URL(r.url());
        if (url.origin === new URL(server.url).origin && url.pathname.endsWith(".js")) loaded.push({ file: url.pathname.slice(1), at: Date.now() });
      });
      await page.goto(`${server.url}taskpane.html?officeTimeout=0`);
      await page.waitForFunction(() => performance.getEntriesByName("taskpane:first-render").length > 0, null, { timeout: 30000 });
      const at = await page.evaluate(() => performance.getEntriesByName("taskpane:first-render")[0].startTime);
      times.push(at);
      // Everything loaded by the time of the first render (the same on every run).
      scripts ??= [...new Set(loaded.map((l) => l.file))];
      await page.close();
    }
  } finally {
    await close();
    await server.close();
  }

  const sizes = scripts.map((file) => {
    const raw = fs.readFileSync(path.join(dist, file));
    return { file, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 6 }).length };
  });
  const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const functionsJs = fs.readFileSync(path.join(dist, "functions.js"));
  const rest = fs.readdirSync(dist).filter((f) => /^rest\.[0-9a-f]+\.js$/.test(f)).map((f) => fs.readFileSync(path.join(dist, f)));
  const gzipOf = (buffers) => buffers.reduce((a, b) => a + zlib.gzipSync(b, { level: 6 }).length, 0);

  console.log("Task pane initial JavaScript (loaded before the first render):");
  for (const s of sizes) console.log(`  ${s.file.padEnd(28)} ${kib(s.raw).padStart(11)} raw  ${kib(s.gzip).padStart(10)} gzip`);
  console.log(`  ${"total".padEnd(28)} ${kib(total.raw).padStart(11)} raw  ${kib(total.gzip).padStart(10)} gzip`);
  console.log(`  (functions.js, loaded only inside Excel: ${kib(functionsJs.length)} raw, ${kib(gzipOf([functionsJs]))} gzip, the amount path; no React in it.`);
  console.log(`   Its rest, one chunk: ${kib(gzipOf(rest))} gzip, loaded by the first EXPLAIN, CLAUSES or FORECAST; in Excel the pane takes its engine from it, not from the engine chunk above)`);
  console.log(`First render in headless Chromium (${RUNS} runs): ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")}`);
  console.log(`  median ${median(times).toFixed(0)} ms`);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ scripts: sizes, total, firstRenderMs: times, medianMs: median(times) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
