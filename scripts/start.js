#!/usr/bin/env node
// npm start / npm stop.
//
// Windows and Mac: office-addin-debugging sideloads manifest.xml into desktop Excel and runs
// `npm run dev-server`. It is fetched by npx on first use rather than installed with the
// project: it pulls in the Microsoft 365 Agents Toolkit and a native keychain module (keytar)
// that do not build on a plain Linux machine or in CI.
//
// Linux (where office-addin-debugging does not run), or `npm start -- --serve` anywhere: build
// dist/ if it is stale, serve it on localhost (https when office-addin-dev-certs' certificate is
// there, http otherwise), and print the task pane's preview URL and how to load the add-in in
// Excel on the web.
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");
const { ensureDist } = require("./ensure-dist");
const { staticHandler } = require("./static-server");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const args = process.argv.slice(2);
const stop = args[0] === "stop";
const serve = args.includes("--serve") || process.platform === "linux";
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.npm_package_config_dev_server_port || 3000);

const handler = staticHandler(dist);

/** office-addin-dev-certs' certificate for localhost, when `npx office-addin-dev-certs install` has made one. */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : undefined;
}

function serveDist() {
  const tls = devCertificate();
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  server.on("error", (e) => {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is in use (another npm start or npm run dev-server?).` : e.message);
    process.exit(1);
  });
  server.listen(port, "localhost", () => {
    const base = `${tls ? "https" : "http"}://localhost:${server.address().port}/`;
    const manifest = path.relative(process.cwd(), path.join(dist, "manifest.xml")) || "dist/manifest.xml";
    console.log(`
Subsidy Forecast add-in: serving dist/ at ${base}

  Task pane preview:  ${base}taskpane.html
                      (a browser shows it in preview mode: the functions run inside Excel)
  Manifest:           ${manifest}

Desktop Excel sideloading (office-addin-debugging) does not run on Linux. To use the functions
in Excel on the web:
  1. Excel loads add-ins only over https, from a certificate the browser trusts. ${
    tls
      ? "This server uses\n     office-addin-dev-certs' localhost certificate: trust its CA\n     (~/.office-addin-dev-certs/ca.crt) in your browser if you have not."
      : "Run\n     `npx office-addin-dev-certs install` once, trust ~/.office-addin-dev-certs/ca.crt in your\n     browser and npm start again; or host dist/ on your team's https server (README,\n     \"Hosting for a team\")."
  }
  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > My Add-ins >
     Upload My Add-in, and choose ${manifest}.
  3. Type =SUBSIDY. in a cell: the functions and their help appear as you type.

Ctrl+C stops the server.`);
    if (base !== "https://localhost:3000/") console.log(`\nNote: the manifest names https://localhost:3000/; Excel will not find the add-in at ${base}.`);
  });
}

if (!serve) {
  // Desktop Excel: the Office convention.
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const child = spawn(npx, ["--yes", "office-addin-debugging@7", stop ? "stop" : "start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 1));
} else if (stop) {
  console.log("Nothing to stop: the server `npm start` runs on this platform stops with Ctrl+C.");
} else {
  try {
    ensureDist();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  serveDist();
}
