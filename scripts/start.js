#!/usr/bin/env node
// npm start / npm stop.
//
// Windows and Mac: office-addin-debugging sideloads manifest.xml into desktop Excel and runs
// `npm run dev-server`. It is fetched by npx on first use rather than installed with the
// project: it pulls in the Microsoft 365 Agents Toolkit and a native keychain module (keytar)
// that do not build on a plain Linux machine or in CI.
//
// Linux (where office-addin-debugging does not run), or `npm start -- --serve` anywhere: build
// dist/ if it is stale and serve it over https at the address the manifest names
// (https://localhost:3000/), with office-addin-dev-certs' localhost certificate, made without
// sudo when there is none; print the task pane's preview URL and how to load the add-in in Excel
// on the web. `npm stop` stops that server (it records its process in the temp folder), and the
// server stops by itself when the npm that started it goes away.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");
const { ensureDist } = require("./ensure-dist");
const { serveStatic } = require("./static-server");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const args = process.argv.slice(2);
const stop = args[0] === "stop";
const serve = args.includes("--serve") || process.platform === "linux";
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.npm_package_config_dev_server_port || 3000);
/** Where the running server is recorded for `npm stop`: { pid, port }. */
const stateFile = path.join(os.tmpdir(), "subsidy-forecast-server.json");

/** office-addin-dev-certs' certificate for localhost, made (without sudo, nothing installed) when missing. */
async function devCertificate() {
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const made = !fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath);
  if (made) await require("office-addin-dev-certs/lib/generate").generateCertificates();
  return { cert: fs.readFileSync(defaults.localhostCertificatePath), key: fs.readFileSync(defaults.localhostKeyPath), ca: defaults.caCertificatePath, made };
}

async function serveDist() {
  const tls = await devCertificate();
  let served;
  try {
    served = await serveStatic(dist, { host: "localhost", port, tls });
  } catch (e) {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is in use: another npm start or npm run dev-server? \`npm stop\` stops the one npm start left.` : e.message);
    process.exit(1);
  }
  const base = `https://localhost:${served.server.address().port}/`;
  fs.writeFileSync(stateFile, JSON.stringify({ pid: process.pid, port: served.server.address().port }));
  const shutdown = () => {
    if (fs.existsSync(stateFile) && JSON.parse(fs.readFileSync(stateFile, "utf8")).pid === process.pid) fs.rmSync(stateFile);
    served.server.closeAllConnections?.();
    served.close().then(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, shutdown);
  // Stopping npm itself (not Ctrl+C in its terminal) would leave this server holding the port.
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      shutdown();
    }
  }, 1000).unref();

  const manifest = path.relative(process.cwd(), path.join(dist, "manifest.xml")) || "dist/manifest.xml";
  console.log(`
Subsidy Forecast add-in: serving dist/ at ${base}

  Task pane preview:  ${base}taskpane.html
                      (a browser shows it in preview mode: the functions run inside Excel)
  Manifest:           ${manifest}

Desktop Excel sideloading (office-addin-debugging) does not run on Linux. To use the functions
in Excel on the web:
  1. Excel loads add-ins only over https, from a certificate the browser trusts. This server uses
     office-addin-dev-certs' localhost certificate${tls.made ? ", made just now" : ""}. Trust its authority once, without sudo,
     in your browser (Settings > Privacy and security > Certificates > Authorities > Import):
     ${tls.ca}
     (or \`npx office-addin-dev-certs install\`, which asks for sudo, to trust it system-wide).
  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > My Add-ins >
     Upload My Add-in, and choose ${manifest}.
  3. Type =SUBSIDY. in a cell: the functions and their help appear as you type.

Ctrl+C or \`npm stop\` stops the server.`);
  if (base !== "https://localhost:3000/") console.log(`\nNote: the manifest names https://localhost:3000/; Excel will not find the add-in at ${base}.`);
}

/** Stops the server `npm start` left running, if any; says what it did. */
async function stopServer() {
  if (!fs.existsSync(stateFile)) return console.log("No server of npm start is running.");
  const { pid, port: served } = JSON.parse(fs.readFileSync(stateFile, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    fs.rmSync(stateFile, { force: true });
    return console.log("No server of npm start is running (its record was stale, and is gone).");
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(stateFile, { force: true });
      return console.log(`Stopped the server on port ${served}.`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  console.error(`The server (process ${pid}) did not stop; end it by hand.`);
  process.exitCode = 1;
}

if (!serve) {
  // Desktop Excel: the Office convention. `npm stop` also ends a --serve server, if one runs.
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const child = spawn(npx, ["--yes", "office-addin-debugging@7", stop ? "stop" : "start", "manifest.xml"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", async (code) => {
    if (stop && fs.existsSync(stateFile)) await stopServer();
    process.exit(code ?? 1);
  });
} else if (stop) {
  stopServer();
} else {
  try {
    ensureDist();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  serveDist();
}
