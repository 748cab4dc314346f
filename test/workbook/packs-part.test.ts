import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forbiddenCharacter } from "../../src/workbook/xml-text";
import { PACKS_PART_NAMESPACE, packsPartXml, packsPolicy, PacksPartRefused, readPacksPart, storedPackJson, type StoredPack } from "../../src/workbook/packs-part";

/*
 * The packs a workbook carries, as one custom XML part (issue 17 item 5): written exactly, read
 * back in one bounded pass, and anything hostile set aside whole with its reason, never thrown.
 */

const fixture = join(__dirname, "..", "fixtures", "suzhou-sip-example");
const suzhou: StoredPack = { name: "suzhou-sip-example", json: readFileSync(join(fixture, "pack.json"), "utf8"), text: readFileSync(join(fixture, "text.txt"), "utf8") };
const part = packsPartXml([suzhou]);
const aside = (xml: unknown) => {
  const read = readPacksPart(xml);
  return read.ok ? undefined : read.aside;
};

test("the fixture's pack reads back exactly, its JSON and its text", () => {
  expect(part.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<packs xmlns="urn:subsidy-forecast:workbook-packs:1">')).toBe(true);
  expect(readPacksPart(part)).toEqual({ ok: true, value: [suzhou] });
});

test("approved is kept only when set; no packs is an empty part", () => {
  const both = [{ ...suzhou, approved: true }, { ...suzhou, name: "other" }];
  expect(readPacksPart(packsPartXml(both))).toEqual({ ok: true, value: both });
  expect(readPacksPart(packsPartXml([]))).toEqual({ ok: true, value: [] });
});

test("a carriage return, &, <, > and quotes in a text survive (CR written &#13;, which an XML reader keeps)", () => {
  const p = { name: "x", json: '{"a":"<b>&amp;\\"</b>"}', text: "第一条\r\n第二条 ]]> & <script>alert(1)</script> ' \"" };
  const xml = packsPartXml([p]);
  expect(xml).toContain("第一条&#13;\n第二条 ]]&gt; &amp; &lt;script&gt;");
  expect(readPacksPart(xml)).toEqual({ ok: true, value: [p] });
});

test("property: any text XML can hold reads back as written", () => {
  const xmlText = fc.string({ unit: "binary", maxLength: 60 }).filter((s) => forbiddenCharacter(s) === undefined);
  fc.assert(
    fc.property(xmlText, fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (text, value, approved) => {
      const p: StoredPack = { name: "p", json: JSON.stringify(value), text, ...(approved ? { approved: true } : {}) };
      expect(readPacksPart(packsPartXml([p]))).toEqual({ ok: true, value: [p] });
    }),
  );
});

test("CDATA, as another writer may keep a text, is read as its own text", () => {
  const xml = part.replace(/<text>[^<]*<\/text>/, "<text><![CDATA[a & <b> &#99999999;]]></text>");
  const read = readPacksPart(xml);
  expect(read.ok && read.value[0].text).toBe("a & <b> &#99999999;");
});

test.each([
  ["a lone surrogate in the text", { ...suzhou, text: "第一条\ud800" }, "text", "U+D800"],
  ["U+FFFE in the JSON", { ...suzhou, json: '{"a":"\ufffe"}' }, "json", "U+FFFE"],
  ["a vertical tab in the text", { ...suzhou, text: "a\u000bb" }, "text", "U+000B"],
  ["a name that is a path", { ...suzhou, name: "../etc" }, "name", "not a folder name"],
])("the writer refuses %s, naming the pack and field", (_what, p, field, detail) => {
  expect(() => packsPartXml([p])).toThrow(PacksPartRefused);
  try {
    packsPartXml([p]);
  } catch (e) {
    expect(e).toMatchObject({ pack: p.name, field, detail });
  }
});

test("the writer refuses two packs of one name and a part beyond the bound", () => {
  expect(() => packsPartXml([suzhou, suzhou])).toThrow(/two packs of this name/);
  expect(() => packsPartXml([{ ...suzhou, text: "字".repeat(packsPolicy.bytes / 3 + 1) }])).toThrow(/more than 4194304 bytes/);
});

const deepJson = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;

test.each([
  ["not a text", 42, "syntax"],
  ["more than 4 MiB", part.replace("</text>", `${"x".repeat(packsPolicy.bytes)}</text>`), "size"],
  ["more than 4 MiB of UTF-8 in fewer characters", part.replace("</text>", `${"字".repeat(packsPolicy.bytes / 3)}</text>`), "size"],
  ["&#99999999; (beyond Unicode)", part.replace("</text>", "&#99999999;</text>"), "syntax"],
  ["&#1; (a character XML forbids)", part.replace("</text>", "&#1;</text>"), "syntax"],
  ["an entity of its own (&xxe;)", part.replace("</text>", "&xxe;</text>"), "syntax"],
  ["a DOCTYPE declaring one", `<!DOCTYPE packs [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${part.replace(/^<\?xml[^>]*>\n/, "")}`, "syntax"],
  ["a tag never closed", part.replace("</packs>", ""), "syntax"],
  ["a <script> element among the packs", part.replace("</packs>", "<script>alert(1)</script></packs>"), "shape"],
  ["an element inside a text", part.replace("</text>", "<b>x</b></text>"), "syntax"],
  ["packs nested in packs (no element is deeper than a pack's json or text)", part.replace("</packs>", `${"<pack>".repeat(40)}${"</pack>".repeat(40)}</packs>`), "shape"],
  ["another root", `<catalog xmlns="${PACKS_PART_NAMESPACE}"/>`, "syntax"],
  ["another namespace", part.replace(PACKS_PART_NAMESPACE, "urn:evil"), "syntax"],
  ["a pack with no name", part.replace(' name="suzhou-sip-example"', ""), "shape"],
  ["a name that is a path", part.replace('name="suzhou-sip-example"', 'name="../../x"'), "shape"],
  ['approved="yes"', part.replace('name="suzhou-sip-example"', 'name="suzhou-sip-example" approved="yes"'), "shape"],
  ["a pack with no text", part.replace(/<text>[^<]*<\/text>/, ""), "shape"],
  ["two jsons", part.replace("<text>", "<json>{}</json><text>"), "shape"],
  ["JSON that is not JSON", part.replace(/<json>[^<]*<\/json>/, "<json>{document: 1}</json>"), "syntax"],
  ["JSON nested 100,000 deep", part.replace(/<json>[^<]*<\/json>/, `<json>${deepJson}</json>`), "size"],
  ["a JSON string longer than a cell", part.replace(/<json>[^<]*<\/json>/, `<json>"${"x".repeat(40_000)}"</json>`), "size"],
  ["51 packs", packsPartXml(Array.from({ length: 50 }, (_, n) => ({ ...suzhou, name: `p${n}` }))).replace("</packs>", part.replace(/^[\s\S]*?(<pack )/, "$1").replace("</packs>", "").replace("suzhou-sip-example", "p50") + "</packs>"), "size"],
])("%s: set aside whole, with the reason", (_what, xml, kind) => {
  expect(aside(xml)).toMatchObject({ kind });
});

test("a part of a later format (namespace version 2) is set aside as newer", () => {
  expect(aside(part.replace(PACKS_PART_NAMESPACE, "urn:subsidy-forecast:workbook-packs:2"))).toEqual({ kind: "newer", version: "2" });
});

test("where a hostile JSON breaks a bound is named by pack", () => {
  expect(aside(part.replace(/<json>[^<]*<\/json>/, `<json>${deepJson}</json>`))).toMatchObject({ kind: "size", bound: "depth", at: expect.stringMatching(/^packs\[0\]\.json/) });
});

test("a part of 4 MiB less a little (one pack's long text) is read, in one pass", () => {
  const text = "字".repeat(Math.floor((packsPolicy.bytes - 20_000) / 3));
  const read = readPacksPart(packsPartXml([{ ...suzhou, text }]));
  expect(read.ok && read.value[0].text.length).toBe(text.length);
});

test("storedPackJson: parsed within the bounds, or why not", () => {
  expect(storedPackJson('{"a":[1]}')).toEqual({ value: { a: [1] } });
  expect(storedPackJson("{")).toMatchObject({ kind: "syntax" });
  expect(storedPackJson(deepJson)).toMatchObject({ kind: "size", bound: "depth" });
});
