// dist/ served on localhost, for npm start (Linux, or --serve), the browser tests (test/e2e) and
// scripts/measure-taskpane.js, by serve-static (Express's own static file server): paths outside
// the folder are refused, a malformed request answers 400, and the process never falls over.
"use strict";
const http = require("http");
const https = require("https");
const path = require("path");
const serveStatic = require("serve-static");

/** A request handler serving the files of `dir` (taskpane.html at "/"); anything else 4xx. */
function staticHandler(dir) {
  const serve = serveStatic(path.resolve(dir), {
    index: ["taskpane.html"],
    fallthrough: false,
    redirect: false,
    setHeaders: (res) => {
      res.setHeader("Access-Control-Allow-Origin", "*");
      res.setHeader("Cache-Control", "no-store");
    },
  });
  return (req, res) =>
    serve(req, res, (err) => {
      const status = err?.status ?? err?.statusCode ?? (err ? 500 : 404);
      res.writeHead(status >= 400 && status < 600 ? status : 500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`${http.STATUS_CODES[status] ?? "error"}\n`);
    });
}

/**
 * Serves `dir` on `host`:`port` (0: a free port), over https when `tls` ({ cert, key }) is given;
 * resolves { url, server, close }.
 */
function serveStatic_(dir, { host = "127.0.0.1", port = 0, tls } = {}) {
  const handler = staticHandler(dir);
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(port, host, () => {
      const url = `${tls ? "https" : "http"}://${host === "127.0.0.1" ? "127.0.0.1" : "localhost"}:${server.address().port}/`;
      resolve({ url, server, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

module.exports = { serveStatic: serveStatic_, staticHandler };
