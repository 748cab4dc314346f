import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { engine, forecast, parseScenario } from "../../src/engine";
import { catalogRecord, catalogRecordXml, compareCatalog, CATALOG_PART_NAMESPACE, describeChange, figuresIn, readCatalogRecord } from "../../src/workbook/catalog-record";

/*
 * Reading the workbook's catalog record (issue 20): one pass over the text, bounded by the size
 * policy, a schema over what it builds. Each hostile record below was reproduced on the reader it
 * replaces: a valid record of figure-less clauses took 2.9 s for 640 KB and read none of them
 * (its clause pattern searched to the end of the text from every <clause/>); a figure kind this
 * version does not know, or a value that is not a number, threw while the notice was drawn;
 * a cap of 1e+9000000 printed 9,000,000 digits; &#99999999; threw a RangeError out of the read.
 */

const changping = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
const record = catalogRecordXml(catalogRecord(forecast(changping), "2026-03-01"));
const withFigure = (figure: string) => record.replace(/(<clause id="changping-device\/5\.1">.*?)<figure kind="cap" value="3000000"\/>/, `$1${figure}`);
const lines = (xml: string) => {
  const read = readCatalogRecord(xml);
  if (!read.ok) throw new Error(JSON.stringify(read.aside));
  return compareCatalog(read.value, figuresIn(engine().catalog)).map((c) => describeChange(c, "en-US"));
};

test("the record this version writes reads back whole, with nothing left out", () => {
  const read = readCatalogRecord(record);
  expect(read).toEqual({ ok: true, value: catalogRecord(forecast(changping), "2026-03-01"), skipped: 0 });
});

test("clauses without figures, written <clause …/> (valid XML): every one read, 640 KB of them", () => {
  const n = 32_000;
  const xml = record.replace("</catalog>", `${Array.from({ length: n }, (_, i) => `<clause id="gone/${i}"/>`).join("")}</catalog>`);
  expect(xml.length).toBeGreaterThan(640_000);
  const read = readCatalogRecord(xml);
  expect(read.ok && read.value.clauses.length).toBe(catalogRecord(forecast(changping), "").clauses.length + n);
  expect(lines(xml).slice(-1)).toEqual([`gone/${n - 1}: no longer in the catalog`]);
});

test("a figure kind this version does not know, a value that is not a number, a cap of 1e+9000000: left out and counted, never compared", () => {
  for (const figure of ['<figure kind="cap" value="3000000"/><figure kind="perProvince" value="5"/>', '<figure kind="cap" value="three million"/>', '<figure kind="cap" value="1e+9000000"/>', '<figure kind="toString" value="1"/><figure kind="cap" value="3000000"/>']) {
    const read = readCatalogRecord(withFigure(figure));
    expect(read).toMatchObject({ ok: true, skipped: 1 });
    expect(lines(withFigure(figure))).toEqual([]);
  }
});

test("a changed figure beside one left out is still said", () => {
  const xml = withFigure('<figure kind="cap" value="2000000"/><figure kind="perProvince" value="5"/>');
  expect(lines(xml)).toEqual(["changping-device/5.1: cap 2,000,000 → 3,000,000"]);
});

test.each([
  ["&#99999999; (beyond Unicode)", record.replace('computed="2026-03-01"', 'computed="&#99999999;"'), "syntax"],
  ["&#1; (a character XML forbids)", record.replace('computed="2026-03-01"', 'computed="&#1;"'), "syntax"],
  ["an & that is no reference", record.replace('computed="2026-03-01"', 'computed="a & b"'), "syntax"],
  ["a tag never closed", record.replace("</catalog>", ""), "syntax"],
  ["a tag cut short", record.slice(0, record.length - 5), "syntax"],
  ["a tag inside a tag", record.replace('<clause id="', '<clause <id="'), "syntax"],
  ["another root", `<budget xmlns="${CATALOG_PART_NAMESPACE}"/>`, "syntax"],
  ["more than 1 MiB", record.replace("</catalog>", `<pad v="${"x".repeat(1024 * 1024)}"/></catalog>`), "size"],
  ["clauses nested 40 deep", record.replace("</catalog>", `${"<clause id='x'>".repeat(40)}${"</clause>".repeat(40)}</catalog>`), "size"],
  ["a clause with no id", record.replace("</catalog>", "<clause/></catalog>"), "shape"],
  ["no version", record.replace(/(<catalog[^>]*) version="[^"]*"/, "$1"), "shape"],
])("%s: set aside, with the reason", (_what, xml, kind) => {
  expect(readCatalogRecord(xml)).toMatchObject({ ok: false, aside: { kind } });
});

test("a record of a later format (namespace version 2) is set aside as newer", () => {
  expect(readCatalogRecord(record.replace(CATALOG_PART_NAMESPACE, "urn:subsidy-forecast:workbook-catalog:2"))).toEqual({ ok: false, aside: { kind: "newer", version: "2" } });
});

test("a \">\" inside an attribute's value is part of the value, as XML has it", () => {
  const read = readCatalogRecord(record.replace(/(<catalog[^>]*) version="/, '$1 version="a>b '));
  expect(read.ok && read.value.version.slice(0, 4)).toBe("a>b ");
});

test("references XML allows are resolved: &#x6C38; is 永, &amp; is &", () => {
  const read = readCatalogRecord(record.replace(/(<catalog[^>]*) version="/, '$1 version="&#x6C38;&amp;'));
  expect(read.ok && read.value.version.slice(0, 2)).toBe("永&");
});

describe("never a throw, and what is shown is short (fast-check)", () => {
  const numbered = /(<figure kind="cap" value=")\d+("\/>)/;

  test("any text in place of a figure, a value, or the whole record", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ maxLength: 200 }), fc.nat(record.length), (any, value, at) => {
        for (const xml of [any, record.replace(numbered, (_, a, b) => `${a}${value.replace(/[<"&]/g, "")}${b}`), record.slice(0, at) + any + record.slice(at)]) {
          const read = readCatalogRecord(xml);
          if (!read.ok) continue;
          for (const line of compareCatalog(read.value, figuresIn(engine().catalog)).map((c) => describeChange(c, "zh-CN"))) expect(line.length).toBeLessThan(600);
        }
      }),
      { numRuns: 400 },
    );
  });
});
