import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseScenario, SCENARIO_VERSION, scenarioToInputs, ScenarioError, type Lang } from "../engine";
import { MAX_INPUT_ROWS } from "../workbook/layout";
import { sheetRegistry } from "../workbook/sheets";
import type { AddinReference } from "../workbook/package";
import { packsPartXml, PacksPartRefused, type StoredPack } from "../workbook/packs-part";
import { forbiddenTexts } from "../workbook/xml-text";
import { readScenario } from "./forecast";
import { readText } from "./pack";
import type { Io } from "./main";
import { buildTemplate } from "./template";
import { FileExists, writeFileAtomic } from "./template-file";

/** The scenario a template starts from when none is given: a small Changping plan to edit. */
export const starterScenario = {
  schemaVersion: SCENARIO_VERSION,
  name: "New forecast (edit the Inputs sheet)",
  enterprise: { region: "changping", sector: "device", sme: true },
  horizon: { from: 2026, to: 2030 },
  financials: [
    { year: 2024, revenue: "3000000", rd: "6000000" },
    { year: 2025, revenue: "5000000", rd: "8000000" },
  ],
  events: [{ type: "certificate", year: 2027, product: "Product A", class: 3, pathway: "standard", rdCost: "10000000" }],
};

const usage = `Usage: subsidy template out.xlsx [--scenario scenario.json] [--pack PATH]… [--force] [--lang zh-CN|en-US] [--store registry|share=\\\\server\\folder|admin|appsource=ASSETID|none] [--manifest manifest.xml]`;

/**
 * Where Excel opening the template looks for the add-in (the web extension's storeType and store,
 * [MS-OWEXML] 2.2.5 and Microsoft's "Automatically open a task pane with a document"):
 * registry: sideloaded (npm start, or a developer's registry entry), store "developer";
 * share=PATH: a shared-folder catalog (FileSystem), store the share's UNC path as Trust Center lists it;
 * admin: deployed by an administrator (Centralized Deployment / integrated apps, EXCatalog);
 * appsource=ASSETID: listed on AppSource (OMEX), by its asset id;
 * none: the file names no add-in.
 */
export function parseStore(value: string, manifest: { id: string; version: string }): AddinReference | undefined | string {
  const [kind, arg] = value.includes("=") ? [value.slice(0, value.indexOf("=")), value.slice(value.indexOf("=") + 1)] : [value, ""];
  switch (kind.toLowerCase()) {
    case "none":
      return undefined;
    case "registry":
      return { ...manifest, storeType: "Registry", store: "developer" };
    case "admin":
      return { ...manifest, storeType: "EXCatalog", store: "EXCatalog" };
    case "share":
      return arg ? { ...manifest, storeType: "FileSystem", store: arg } : "--store share= needs the shared folder's path, e.g. share=\\\\server\\addins";
    case "appsource":
      return arg ? { id: arg, version: manifest.version, storeType: "OMEX", store: "en-US" } : "--store appsource= needs the add-in's AppSource asset id, e.g. appsource=WA200000000";
    default:
      return `--store must be registry, share=PATH, admin, appsource=ASSETID or none, got "${value}"`;
  }
}

/** The add-in's id and version, from the manifest Excel installs. */
export function manifestIdentity(xml: string): { id: string; version: string } | undefined {
  const id = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(xml)?.[1];
  const version = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(xml)?.[1];
  return id && version ? { id, version } : undefined;
}

/** The project's own manifest.xml, above this file (src/cli in the tests, lib/src/cli when built). */
function defaultManifest(): string | undefined {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, "manifest.xml"))) return join(dir, "manifest.xml");
  return undefined;
}

const words = (lang: Lang, zh: string, en: string) => (lang === "zh-CN" ? zh : en);

/**
 * The packs given with --pack (already checked: main's usePacks) as the workbook keeps them:
 * each folder's name, its pack.json and its text exactly as written, so the workbook's reader
 * checks what the consultant checked. A replacing pack is not marked approved: whoever opens the
 * workbook approves it in the task pane (docs/RULINGS.md §80).
 */
function storedPacks(paths: readonly string[], lang: Lang): StoredPack[] | { problem: string } {
  const out: StoredPack[] = [];
  for (const path of paths) {
    const folder = statSync(path).isDirectory() ? path : dirname(path);
    const json = readText(folder === path ? join(path, "pack.json") : path, lang);
    if (typeof json !== "string") return json;
    const file = (JSON.parse(json) as { document: { file: string } }).document.file;
    const text = readText(join(folder, file), lang);
    if (typeof text !== "string") return text;
    out.push({ name: basename(resolve(folder)), json, text });
  }
  return out;
}

/** The packs part for the workbook, or what keeps the packs out of it, in the user's language. */
function packsPart(paths: readonly string[], lang: Lang): string | undefined | { problem: string } {
  if (!paths.length) return undefined;
  const packs = storedPacks(paths, lang);
  if (!Array.isArray(packs)) return packs;
  try {
    return packsPartXml(packs);
  } catch (e) {
    if (!(e instanceof PacksPartRefused)) throw e;
    return {
      problem: words(
        lang,
        `政策包“${e.pack}”的 ${e.field} 无法存入工作簿（${e.detail}）：XML 不能容纳此内容，或超出工作簿所能携带的上限`,
        `the pack "${e.pack}": its ${e.field} cannot go into a workbook (${e.detail}): XML cannot hold it, or it is beyond what a workbook carries`,
      ),
    };
  }
}

/** `subsidy template out.xlsx [--scenario file] [--pack PATH]… [--force] [--store …] [--manifest file]`; `lang` (main's --lang or the environment's) words the values sheet; `packs` (main's --pack, already in use) go into the workbook. */
export async function templateCommand(argv: string[], io: Io, lang: Lang, packs: readonly string[] = []): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { scenario: { type: "string" }, force: { type: "boolean" }, store: { type: "string" }, manifest: { type: "string" } },
  });
  const [out] = positionals;
  if (positionals.length !== 1 || !out.toLowerCase().endsWith(".xlsx")) {
    io.err(usage);
    return 2;
  }
  const manifestPath = values.manifest ?? defaultManifest();
  const manifest = manifestPath && existsSync(manifestPath) ? manifestIdentity(readFileSync(manifestPath, "utf8")) : undefined;
  if (!manifest && (values.store ?? "registry") !== "none") {
    io.err(`subsidy: no add-in id and version in ${manifestPath ?? "manifest.xml (not found)"}; pass --manifest, or --store none`);
    return 2;
  }
  const addin = parseStore(values.store ?? "registry", manifest ?? { id: "", version: "" });
  if (typeof addin === "string") {
    io.err(`subsidy: ${addin}`);
    return 2;
  }
  if (existsSync(out) && !values.force) {
    io.err(`subsidy: ${out} exists; pass --force to overwrite it`);
    return 1;
  }
  let scenario;
  try {
    scenario = values.scenario ? readScenario(values.scenario, lang) : parseScenario(starterScenario);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`subsidy: ${values.scenario} is not a valid scenario; nothing was written:`);
    for (const p of e.problemsIn(lang)) io.err(`  ${p}`);
    return 1;
  }
  const rows = scenarioToInputs(scenario).length;
  const refused = [
    ...forbiddenTexts(scenario).map((t) => `${t.path}: contains ${t.character}, a character a workbook cannot hold (XML 1.0 forbids it); remove it`),
    ...(rows > MAX_INPUT_ROWS ? [`the Inputs table would have ${rows} rows, more than the ${MAX_INPUT_ROWS} a workbook's FORECAST takes (the task pane refuses it too); split the scenario`] : []),
  ];
  if (refused.length) {
    io.err(`subsidy: ${values.scenario ?? "the scenario"} cannot go into a workbook; nothing was written:`);
    for (const p of refused) io.err(`  ${p}`);
    return 1;
  }
  const packsXml = packsPart(packs, lang);
  if (typeof packsXml === "object") {
    io.err(`subsidy: ${packsXml.problem}${words(lang, "；未写入任何文件", "; nothing was written")}`);
    return 1;
  }
  const bytes = await buildTemplate(scenario, { addin, lang, computed: new Date().toISOString().slice(0, 10), packsXml });
  try {
    writeFileAtomic(out, bytes, { replace: values.force === true });
  } catch (e) {
    if (e instanceof FileExists) {
      io.err(`subsidy: ${out} exists; pass --force to overwrite it`);
      return 1;
    }
    io.err(`subsidy: could not write ${out} (${(e as Error).message}); nothing was written${values.force ? ", and the file there is as it was" : ""}`);
    return 1;
  }
  io.out(`wrote ${out}: ${sheetRegistry.map((s) => s.names[lang]).join(", ")}`);
  return 0;
}
