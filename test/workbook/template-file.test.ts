import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FileExists, writeFileAtomic } from "../../src/cli/template-file";
import { forbiddenCharacter, forbiddenTexts } from "../../src/workbook/xml-text";
import { malformedParts, readTemplate } from "../support/template-reader";

/*
 * Issue 12, items 5 and 6: a template is written whole or not at all, and no text XML forbids
 * reaches a part. The interrupted write is a real one: a child process under a file-size limit
 * (ulimit -f), which makes the kernel refuse the write part-way as a full disk would.
 */

const root = join(__dirname, "..", "..");
const example = join(root, "examples", "changping-device-startup.json");
const fresh = () => mkdtempSync(join(tmpdir(), "atomic-"));
const err = () => {
  const lines: string[] = [];
  return { io: { out: () => undefined, err: (t: string) => lines.push(t) }, lines };
};

test("a write stopped by a file-size limit leaves the old workbook as it was and no partial file", () => {
  const dir = fresh();
  const out = join(dir, "model.xlsx");
  writeFileSync(out, "the previous good workbook");
  // 8 KiB allowed, 64 KiB to write. The child loads src/cli/template-file.ts itself, compiled by
  // TypeScript's transpileModule (it imports node modules only), so it runs this source, not a build.
  const source = join(root, "src", "cli", "template-file.ts");
  const script = `
    const ts = require(${JSON.stringify(require.resolve("typescript"))});
    const js = ts.transpileModule(require("fs").readFileSync(${JSON.stringify(source)}, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
    const m = new module.constructor(); m.paths = module.paths; m._compile(js, ${JSON.stringify(source)});
    try { m.exports.writeFileAtomic(${JSON.stringify(out)}, Buffer.alloc(64 * 1024, 1), { replace: true }); console.log("written"); }
    catch (e) { console.log("refused " + e.code); }`;
  const run = spawnSync("bash", ["-c", `ulimit -f 8; exec node -e '${script.replace(/'/g, "'\\''")}'`], { encoding: "utf8" });
  expect(run.stdout.trim()).toBe("refused EFBIG");
  expect(readFileSync(out, "utf8")).toBe("the previous good workbook");
  expect(readdirSync(dir)).toEqual(["model.xlsx"]);
});

test("a write that fails part-way (here: the bytes cannot be written) removes its temporary file", () => {
  const dir = fresh();
  const out = join(dir, "model.xlsx");
  writeFileSync(out, "old");
  const notBytes = { length: 10 } as unknown as Uint8Array; // writeSync throws on it
  expect(() => writeFileAtomic(out, notBytes, { replace: true })).toThrow();
  expect(readFileSync(out, "utf8")).toBe("old");
  expect(readdirSync(dir)).toEqual(["model.xlsx"]);
});

test("without replace, an existing file is never clobbered", () => {
  const dir = fresh();
  const out = join(dir, "model.xlsx");
  writeFileSync(out, "someone else's");
  expect(() => writeFileAtomic(out, new Uint8Array([1, 2, 3]), { replace: false })).toThrow(FileExists);
  expect(readFileSync(out, "utf8")).toBe("someone else's");
  expect(readdirSync(dir)).toEqual(["model.xlsx"]);
  writeFileAtomic(join(dir, "new.xlsx"), new Uint8Array([1, 2, 3]), { replace: false });
  expect([...readFileSync(join(dir, "new.xlsx"))]).toEqual([1, 2, 3]);
  expect(readdirSync(dir).sort()).toEqual(["model.xlsx", "new.xlsx"]);
});

test("--force replaces the workbook whole: the new one is a complete package, and no temporary file is left", async () => {
  const dir = fresh();
  const out = join(dir, "model.xlsx");
  writeFileSync(out, "old");
  expect(await main(["template", out, "--scenario", example, "--force"], err().io)).toBe(0);
  expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  expect(readdirSync(dir)).toEqual(["model.xlsx"]);
});

test("the characters XML forbids are found wherever they are, by field", () => {
  expect(forbiddenCharacter("AI-CT\uFFFE")).toBe("U+FFFE");
  expect(forbiddenCharacter("line\u000Bbreak")).toBe("U+000B");
  expect(forbiddenCharacter("\u0001")).toBe("U+0001");
  expect(forbiddenCharacter("\uD800 alone")).toBe("U+D800");
  expect(forbiddenCharacter("tab\tnew\nline 昌平 \u{1F600} \uFFFD")).toBeUndefined();
  expect(forbiddenTexts({ name: "ok", events: [{ label: "x" }, { label: "\uFFFF" }] })).toEqual([{ path: "events[1].label", character: "U+FFFF", text: "\uFFFF" }]);
});

test.each([
  ["a scenario name with U+FFFE", { name: "Plan \uFFFE" }, "name: contains U+FFFE"],
  ["an event label with a vertical tab (a pasted soft line break)", { labelOfFirstEvent: "Class III\u000Bcertificate" }, "events[0].label: contains U+000B"],
  ["a product with U+FFFF", { productOfFirstEvent: "AI\uFFFF" }, "events[0].product: contains U+FFFF"],
])("%s is refused before anything is written, naming the field", async (_, edit, message) => {
  const dir = fresh();
  const base = JSON.parse(readFileSync(example, "utf8"));
  const s = { ...base, ...("name" in edit ? { name: edit.name } : {}) };
  if ("labelOfFirstEvent" in edit) s.events = [{ ...base.events[0], label: edit.labelOfFirstEvent }, ...base.events.slice(1)];
  if ("productOfFirstEvent" in edit) s.events = [{ ...base.events[0], product: edit.productOfFirstEvent }, ...base.events.slice(1)];
  const file = join(dir, "s.json");
  writeFileSync(file, JSON.stringify(s));
  const out = join(dir, "model.xlsx");
  const e = err();
  expect(await main(["template", out, "--scenario", file], e.io)).toBe(1);
  expect(e.lines.join("\n")).toContain("nothing was written");
  expect(e.lines.join("\n")).toContain(message);
  expect(readdirSync(dir)).toEqual(["s.json"]);
});

test("the well-formedness check itself fails on a broken part", async () => {
  expect(await malformedParts({ "a.xml": "<a>\uFFFE</a>", "b.xml": "<b><c></b>", "c.xml": "<c/>", "d.bin": "<" })).toEqual([expect.stringMatching(/^a\.xml: U\+FFFE$/), expect.stringMatching(/^b\.xml: /)]);
});

test("names and labels with Chinese text and XML's own marks go into well-formed parts", async () => {
  const dir = fresh();
  const base = JSON.parse(readFileSync(example, "utf8"));
  const file = join(dir, "zh.json");
  writeFileSync(file, JSON.stringify({ ...base, name: "昌平 <三类> & “创新” 'plan'", events: [{ ...base.events[0], label: "注册证 <A&B>" }, ...base.events.slice(1)] }));
  const out = join(dir, "zh.xlsx");
  expect(await main(["template", out, "--scenario", file], err().io)).toBe(0);
  expect(await malformedParts((await readTemplate(out)).parts)).toEqual([]);
});
