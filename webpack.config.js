// Builds the Excel add-in into dist/: functions.js (the SUBSIDY functions and the engine's amount
// path) and rest.<hash>.js (the rest of the engine and the catalog's texts, which functions.js
// loads on first need: docs/ARCHITECTURE.md; and from it packs.<hash>.js, the checks of a workbook's
// policy packs, only for a workbook that carries them), functions.json (their metadata, generated from the
// JSDoc in src/functions/functions.ts) and functions-zh-cn.json, taskpane.html + taskpane.js (a
// small first script) and the wizard's chunks (wizard.<hash>.js and a vendor chunk: React and
// Fluent UI, loaded by taskpane.js, never by functions.js; the engine is functions.js's, or
// outside Excel the engine chunk), assets/ and manifest.xml.
//
//   npm run build        production build: no certificates, no network
//   npm run build:dev    development build (unminified)
//   npm run dev-server   https://localhost:3000 with office-addin-dev-certs
//
// ADDIN_BASE_URL=https://host/path/ npm run build  writes dist/manifest.xml for that server.
//
// TypeScript and the task pane's TSX (React's automatic JSX runtime) go through ts-loader in
// transpile-only mode: the same compiler and tsconfig as `npm test`, with no Babel toolchain to
// keep in step; type errors are `npm test`'s job (tsc).
// Office.js is not bundled: taskpane.html loads it from Microsoft's CDN.
//
// webpack is held at 5.112.x: 5.113.0 compiles zod's `z.iso.date()` as `z.date()`, and the
// catalog then fails to load (test/addin/functions.test.ts catches it). Check before raising it.
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions");
const { hostingBase, rebaseManifest } = require("./scripts/manifest-urls");

const functions = "./src/functions/functions.ts";
const catalogModules = ["compiled.ts", "compiled-text.ts"].map((f) => path.resolve(__dirname, "src/engine/catalog", f));
// The zh-CN names of the functions, without zh-cn.json's help texts (scripts/zh-names-loader.js).
const zhNamesModule = path.resolve(__dirname, "src/functions/zh-names.ts");
const devServerPort = Number(process.env.npm_package_config_dev_server_port || 3000);

module.exports = async (env, argv) => {
  const base = hostingBase(process.env.ADDIN_BASE_URL);
  const config = {
    mode: argv.mode ?? "production",
    devtool: "source-map",
    // Shared runtimes run in WebView2 (Windows), WebKit (Mac) or a current browser (web).
    target: ["web", "es2020"],
    entry: {
      // share-engine first: it hands this bundle's engine to the task pane (one engine per runtime).
      functions: ["./src/functions/share-engine.ts", functions],
      taskpane: "./src/taskpane/taskpane.ts",
    },
    // The task pane and the workbook code it uses take the engine functions.js loaded into the
    // shared runtime, or the engine chunk outside Excel (src/taskpane/engine-ready.ts), never a
    // copy of their own.
    externals: [
      ({ context, request, contextInfo }, callback) => {
        const issuer = contextInfo?.issuer ?? "";
        const engineIndex = context && request && path.resolve(context, request) === path.resolve(__dirname, "src/engine");
        const paneSide = [path.resolve(__dirname, "src/taskpane"), path.resolve(__dirname, "src/workbook")].some((dir) => issuer.startsWith(dir + path.sep));
        if (engineIndex && paneSide) return callback(null, "promise SubsidyEngineReady");
        return callback();
      },
    ],
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The task pane's wizard (React, Fluent UI and the engine) is a chunk taskpane.js loads
      // itself; named by content so a server's cache never serves a stale one.
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks sit beside taskpane.html: relative URLs, wherever dist/ is hosted (no run-time
      // guess from document.currentScript).
      publicPath: "",
      // Write every file on every build, so dist/'s times say when it was built
      // (scripts/ensure-dist.js rebuilds when a source is newer).
      compareBeforeEmit: false,
      clean: true,
    },
    // "./app.js" in TypeScript's node16 style names app.tsx.
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] } },
    module: {
      rules: [
        // The clause catalog, checked and parsed at build time: no schema runs on load.
        // Its texts are a module of their own (compiled-text.ts), loaded with the rest of the engine.
        { test: catalogModules, use: path.resolve(__dirname, "scripts/catalog-loader.js"), type: "javascript/auto" },
        { test: zhNamesModule, use: path.resolve(__dirname, "scripts/zh-names-loader.js"), type: "javascript/auto" },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, ...catalogModules, zhNamesModule],
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, onlyCompileBundledFiles: true, compilerOptions: { module: "es2020", moduleResolution: "bundler", sourceMap: true, jsx: "react-jsx" } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: functions, output: "functions.json" }),
      new LocalizeFunctionsPlugin({
        metadata: "functions.json",
        // A JavaScript parameter cannot be called `class`; Excel shows DESIGN.md's name.
        rename: { REGISTRATION: { deviceClass: "class" } },
        translations: [{ table: path.resolve(__dirname, "src/functions/zh-cn.json"), output: "functions-zh-cn.json" }],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rebaseManifest(content.toString(), base) },
        ],
      }),
    ],
    // webpack's default (async chunks split by what they share), except for the rest of
    // functions.js (src/functions/loaded.ts): one chunk, fetched in one request, its modules not
    // split out into chunks shared with the task pane's own (the preview engine's).
    optimization: { splitChunks: { chunks: (chunk) => !chunk.canBeInitial() && chunk.name !== "rest" } },
    // The functions bundle carries the engine and its clause catalog; its size is reported
    // (gzip) rather than held to webpack's default 244 KiB hint.
    performance: { hints: false },
  };

  if (env.WEBPACK_SERVE) {
    // Only the dev server needs certificates; a production build never loads this module.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: devServerPort,
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: false,
    };
  }
  return config;
};
