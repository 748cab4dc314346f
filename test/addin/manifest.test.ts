import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";
import { dist, readDist, root } from "./support";

/*
 * The manifest, checked offline (`npm run validate` asks Microsoft's online service and stays
 * out of the tests): well-formed, one shared runtime, every URL it names built into dist/,
 * ids unique and every resid defined.
 */

const { hostingBase, rebaseManifest } = require("../../scripts/manifest-urls") as {
  hostingBase: (value: string | undefined) => string | undefined;
  rebaseManifest: (xml: string, base: string | undefined) => string;
};

const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const DEV = "https://localhost:3000/";

type Node = { $?: Record<string, string>; _?: string; [child: string]: unknown };

/** Every element of the parsed tree with its tag, depth first (xml2js, namespace prefixes kept). */
function elements(node: unknown, tag = "", out: { tag: string; node: Node }[] = []): { tag: string; node: Node }[] {
  if (typeof node === "string") {
    out.push({ tag, node: { _: node } }); // xml2js gives an element with text only as a string
  } else if (Array.isArray(node)) {
    for (const n of node) elements(n, tag, out);
  } else if (node && typeof node === "object") {
    out.push({ tag, node: node as Node });
    for (const [k, v] of Object.entries(node)) if (k !== "$" && k !== "_") elements(v, k, out);
  }
  return out;
}

let all: { tag: string; node: Node }[];
beforeAll(async () => {
  all = elements(await parseStringPromise(source, { strict: true }));
});
const attr = (tag: string, name: string) => all.filter((e) => e.tag === tag).map((e) => e.node.$?.[name]);
const withAttr = (name: string) => all.filter((e) => e.node.$?.[name] !== undefined);

test("manifest.xml and dist/manifest.xml are well-formed: an Excel task pane add-in, en-US by default", async () => {
  const built = await parseStringPromise(readDist("manifest.xml"), { strict: true });
  const app = (await parseStringPromise(source, { strict: true })).OfficeApp;
  expect(app.$["xsi:type"]).toBe("TaskPaneApp");
  expect(app.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(built.OfficeApp.Id).toEqual(app.Id);
  expect(app.Hosts[0].Host.map((h: Node) => h.$?.Name)).toEqual(["Workbook"]);
  expect(app.DefaultLocale).toEqual(["en-US"]);
  expect(app.Permissions).toEqual(["ReadWriteDocument"]); // the task pane will write sheets
});

test("one resid serves the runtime, the functions' page, the FunctionFile and the ribbon's task pane", () => {
  const runtime = attr("Runtime", "resid");
  expect(runtime).toHaveLength(1);
  const [resid] = runtime;
  const sharedBy = [
    ...all.filter((e) => e.tag === "Page").flatMap((e) => elements(e.node).filter((x) => x.tag === "SourceLocation")),
    ...all.filter((e) => e.tag === "Action").flatMap((e) => elements(e.node).filter((x) => x.tag === "SourceLocation")),
  ].map((e) => e.node.$?.resid);
  expect(sharedBy).toEqual([resid, resid]);
  expect(all.filter((e) => e.tag === "FunctionFile").map((e) => e.node.$?.resid)).toEqual([resid]);
  expect(all.find((e) => e.tag === "Runtime")?.node.$?.lifetime).toBe("long");
  const url = all.find((e) => e.tag === "bt:Url" && e.node.$?.id === resid)?.node.$?.DefaultValue;
  expect(url).toBe(`${DEV}taskpane.html`);
  expect(attr("SourceLocation", "DefaultValue")).toContain(url); // DefaultSettings: the same page
  expect(attr("Set", "Name")).toContain("SharedRuntime");
});

test("every URL it names is under the dev server and built into dist/", () => {
  const values = all.flatMap((e) => [...Object.entries(e.node.$ ?? {}).filter(([k]) => !k.startsWith("xmlns")).map(([, v]) => v), e.node._ ?? ""]);
  const urls = values.filter((v) => /^\w+:\/\//.test(v));
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(DEV) ? "" : url).toBe("");
    const file = path.join(dist, url.slice(DEV.length));
    expect(fs.existsSync(file) ? url : `${url} → ${file} missing`).toBe(url);
  }
});

test("ids are unique and every resid names a defined resource", () => {
  const ids = withAttr("id").map((e) => e.node.$?.id);
  expect(new Set(ids).size).toBe(ids.length);
  const resources = new Set(withAttr("id").filter((e) => e.tag.startsWith("bt:")).map((e) => e.node.$?.id));
  for (const e of withAttr("resid")) expect(resources.has(e.node.$?.resid) ? "" : `${e.tag} resid=${e.node.$?.resid}`).toBe("");
});

test("SUBSIDY functions, with zh-CN overrides for the names and the metadata", () => {
  const resource = (id: string) => all.find((e) => e.node.$?.id === id)?.node;
  expect(resource("Functions.Namespace")?.$?.DefaultValue).toBe("SUBSIDY");
  const metadataResid = elements(all.find((e) => e.tag === "Metadata")?.node).find((e) => e.tag === "SourceLocation")?.node.$?.resid;
  const metadata = resource(metadataResid ?? "");
  expect(metadata?.$?.DefaultValue).toBe(`${DEV}functions.json`);
  const overrides = elements(metadata).filter((e) => e.tag === "bt:Override").map((e) => e.node.$);
  expect(overrides).toEqual([{ Locale: "zh-CN", Value: `${DEV}functions-zh-cn.json` }]);
  const displayName = all.find((e) => e.tag === "DisplayName")?.node;
  expect(elements(displayName).find((e) => e.tag === "Override")?.node.$).toMatchObject({ Locale: "zh-CN" });
});

test("a team's server: ADDIN_BASE_URL moves every URL, and must be https", () => {
  const base = hostingBase("https://addins.example.com/subsidy");
  expect(base).toBe("https://addins.example.com/subsidy/");
  const moved = rebaseManifest(source, base);
  expect(moved).not.toContain(DEV);
  expect(moved).toContain('DefaultValue="https://addins.example.com/subsidy/functions.js"');
  expect(rebaseManifest(source, hostingBase(undefined))).toBe(source);
  expect(() => hostingBase("http://addins.example.com/")).toThrow(/https/);
  expect(() => hostingBase("addins.example.com")).toThrow(/absolute URL/);
});
