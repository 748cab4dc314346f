import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { packHash } from "../src/cli/pack";
import { engine } from "../src/engine";
import { builtInPacks, checkedCatalog } from "../src/engine/catalog/build";

/*
 * The five built-in texts are packs (packs/, issue 17 item 3): each passes `pack check` and its
 * worked examples hold under `pack test`, exactly as a consultant's pack must; the add-in's build
 * reads them through the same check (scripts/catalog-loader.js → checkedCatalog).
 */

const packsDir = join(__dirname, "..", "packs");
const folders = readdirSync(packsDir).sort();

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A folder of packs/ as the add-in's build reads it: its pack.json and the text it names. */
function source(folder: string) {
  const json = JSON.parse(readFileSync(join(packsDir, folder, "pack.json"), "utf8"));
  const text = readFileSync(join(packsDir, folder, json.document.file), "utf8");
  return { path: `packs/${folder}`, json, text, hash: packHash(json, text) };
}

test("packs/ holds one folder per built-in document, named by its id", () => {
  const ids = (builtInPacks as { document: { id: string } }[]).map((p) => p.document.id);
  expect(folders).toEqual([...ids].sort());
  expect(ids).toEqual(["changping-device", "changping-pharma", "shenzhen-device", "beijing-device", "zhongguancun"]);
});

describe.each(folders)("packs/%s", (folder) => {
  const dir = join(packsDir, folder);

  test("passes pack check", async () => {
    const r = await run("pack", "check", dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  test("its worked examples hold under pack test", async () => {
    const r = await run("pack", "test", dir);
    const n = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")).examples.length;
    expect(r.out.split("\n").pop()).toBe(`${n} of ${n} worked examples hold`);
    expect(r.code).toBe(0);
  });
});

test("every monetary entry of the five texts has a worked example", () => {
  const examples = folders.flatMap((f) => source(f).json.examples as { entries: string[] }[]);
  const covered = new Set(examples.flatMap((e) => e.entries));
  const monetary = engine().catalog.clauses.filter((c) => c.formula);
  expect(monetary).toHaveLength(97);
  expect(monetary.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual([]);
});

test("the catalog checked with the texts is the catalog the engine runs on", () => {
  const checked = checkedCatalog(folders.map(source).sort((a, b) => order(a.json) - order(b.json)));
  const { catalog } = engine();
  expect(checked.version).toBe(catalog.version);
  expect(checked.documents).toEqual(catalog.documents);
  expect(checked.accounting).toEqual(catalog.accounting);
  expect(checked.facts).toEqual(catalog.facts);
  expect(checked.places).toEqual(catalog.places);
});
const order = (json: { document: { id: string } }) => (builtInPacks as { document: { id: string } }[]).findIndex((p) => p.document.id === json.document.id);

describe("a built-in pack is held to the check", () => {
  test("a misquoted sentence fails the catalog the add-in is built from, naming pack, entry and field", () => {
    const sources = folders.map(source);
    const changping = sources.find((s) => s.path === "packs/changping-device")!;
    const clause = changping.json.document.clauses.find((c: { id: string }) => c.id === "changping-device/3.2");
    clause.caps[0].sentence = "给予最高60万元支持";
    expect(() => checkedCatalog(sources)).toThrow('packs/changping-device: changping-device/3.2: caps[0].sentence: the quote "给予最高60万元支持" is not in the text');
  });

  test("an edited copy under the built-in ids is a replacement, refused unless it says so", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "builtin-")), "changping-device");
    cpSync(join(packsDir, "changping-device"), dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
    // 第三条（二）: 50% → 60% of the premium (an edit, not the text): the same ids now mean other figures.
    json.document.clauses.find((c: { id: string }) => c.id === "changping-device/3.2").formula.rate = "0.6";
    writeFileSync(join(dir, "pack.json"), JSON.stringify(json));
    const r = await run("pack", "check", dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dir}: changping-device/3.2: id: the id "changping-device/3.2" is a built-in one: to replace it, list it under replaces with the reason`);
  });
});
