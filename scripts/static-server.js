// A tiny static file server for dist/ on a localhost port, for the browser test (test/e2e) and
// scripts/measure-taskpane.js: no certificate, no dependency. Paths outside the folder are 404.
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/** A request handler serving the files of `dir` (taskpane.html at "/"); anything else is 404. */
function staticHandler(dir) {
  const root = path.resolve(dir);
  return (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = path.normalize(path.join(root, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  };
}

/** Serves `dir` on 127.0.0.1 at a free port; resolves { url, close }. */
function serveStatic(dir) {
  const server = http.createServer(staticHandler(dir));
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { serveStatic, staticHandler };
