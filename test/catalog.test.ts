import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogMarkdown } from "../src/cli/markdown";
import { CatalogError, Decimal, engine, referencedFacts, undeclaredOverlaps } from "../src/engine";
import { buildCatalog, builtInPacks } from "../src/engine/catalog/build";

const { catalog } = engine();
const squeeze = (s: string) => s.replace(/\s+/g, "");

/** A built-in pack's JSON, its document's entries as the tests change them. */
type PackJson = { document: { clauses: Record<string, unknown>[] } };
const [first, ...others] = builtInPacks as PackJson[];
/** The first built-in pack with its entries replaced. */
const withClauses = (clauses: Record<string, unknown>[]) => ({ ...first, document: { ...first.document, clauses } });

describe("catalog schema", () => {
  test("every built-in pack parses", () => {
    expect(() => buildCatalog()).not.toThrow();
    expect(catalog.documents.map((d) => d.id)).toEqual(["changping-device", "changping-pharma", "shenzhen-device", "beijing-device", "zhongguancun"]);
  });

  const insurance = first.document.clauses.find((c) => c.id === "changping-device/3.2")!;
  /** The document with this one entry, read as the catalog reads its packs. */
  const parseDocument = (entry: Record<string, unknown>) => buildCatalog([withClauses([entry])]);

  test("a malformed entry fails with its id named", () => {
    const bad = { ...insurance, formula: { kind: "rate", rate: 0.5, base: "premium" } };
    expect(() => parseDocument((bad))).toThrow(CatalogError);
    expect(() => parseDocument((bad))).toThrow(/changping-device\/3\.2: formula\.rate/);
  });

  test("an entry without its sentence fails with its id named", () => {
    const { sentence: _dropped, ...bad } = insurance;
    expect(() => parseDocument((bad))).toThrow(/changping-device\/3\.2: sentence/);
  });

  test("an annual cap or a year limit without its sentence is refused (ruling 14)", () => {
    const { enterpriseAnnualCapSentence: _cap, ...noCapSentence } = insurance;
    expect(() => parseDocument((noCapSentence))).toThrow(/changping-device\/3\.2: enterpriseAnnualCapSentence/);
    const rd = first.document.clauses.find((c) => c.id === "changping-device/3.1")!;
    const { maxYearsSentence: _years, ...noYearsSentence } = rd;
    expect(() => parseDocument((noYearsSentence))).toThrow(/changping-device\/3\.1: maxYearsSentence/);
  });

  test("every enterprise annual cap and year limit carries its sentence", () => {
    const bare = catalog.clauses.filter((c) => (c.enterpriseAnnualCap && !c.enterpriseAnnualCapSentence) || (c.maxYears && !c.maxYearsSentence));
    expect(bare.map((c) => c.id)).toEqual([]);
  });

  test("a cap without its sentence is refused, and none in the catalog lacks one (ruling 14)", () => {
    // 第三条（二）'s 单个保单 cap of 500,000 with its words dropped.
    const caps = (insurance.caps as Record<string, unknown>[]).map(({ sentence: _dropped, ...rest }) => rest);
    expect(() => parseDocument(({ ...insurance, caps }))).toThrow(/changping-device\/3\.2: caps\.0\.sentence/);
    const bare = catalog.clauses.flatMap((c) => c.caps.filter((cap) => !cap.sentence).map(() => c.id));
    expect(bare).toEqual([]);
  });

  test("a rate written as a float is refused", () => {
    const bad = { ...insurance, caps: [{ amount: 500000, per: { en: "policy", zh: "单个保单" } }] };
    expect(() => parseDocument((bad))).toThrow(/changping-device\/3\.2: caps\.0\.amount/);
  });

  test("an unknown fact is refused with the entry named", () => {
    const bad = { ...insurance, formula: { kind: "rate", rate: "0.5", base: "premiumm" } };
    expect(() => buildCatalog([withClauses([bad]), ...others])).toThrow(/changping-device\/3\.2: unknown fact "premiumm"/);
  });

  test("ids are unique and belong to their document", () => {
    const ids = catalog.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("citations", () => {
  // Every quote is checked verbatim against its text by pack check (test/builtin-packs.test.ts).
  test.each(catalog.documents.map((d) => [d.id, d] as const))("%s: every cap states its own figure", (_id, doc) => {
    // A cap's sentence states the cap's own figure (200万元 for 2,000,000; 3000元/㎡ per unit), or
    // raises its base sentence's figure by the amount it names (深圳（五）: 300万元 + 再提高100万元).
    const stated = (q: string) => [...squeeze(q).matchAll(/(\d+(?:\.\d+)?)(亿|万|元)/g)].map(([, n, unit]) => new Decimal(n).times(unit === "亿" ? 1e8 : unit === "万" ? 1e4 : 1));
    const misstated = doc.clauses.flatMap((c) =>
      c.caps
        .filter((cap) => {
          const own = stated(cap.sentence);
          const raised = /再提高/.test(cap.sentence) && c.baseSentence ? stated(c.baseSentence).map((b) => b.plus(own[0] ?? 0)) : [];
          return ![...own, ...raised].some((x) => x.eq(cap.amount));
        })
        .map((cap) => `${c.id}: ${cap.amount} “${cap.sentence}”`),
    );
    expect(misstated).toEqual([]);
  });

  test("every clause reads only facts the catalog defines", () => {
    const unknown = catalog.clauses.flatMap((c) => referencedFacts(c).filter((f) => !catalog.facts[f]).map((f) => `${c.id}: ${f}`));
    expect(unknown).toEqual([]);
  });
});

describe("stacking", () => {
  test("no undeclared overlap within a jurisdiction", () => {
    expect(undeclaredOverlaps(catalog)).toEqual([]);
  });

  test("an undeclared overlap is found, naming both clauses", () => {
    const insurance = first.document.clauses.find((c) => c.id === "changping-device/3.2")!;
    const twin = { ...insurance, id: "changping-device/3.2-twin", matter: "insuranceTwin" };
    const rebuilt = buildCatalog([withClauses([...first.document.clauses, twin]), ...others]);
    expect(undeclaredOverlaps(rebuilt)).toEqual([
      "changping insurance: changping-device/3.2 (insurance) and changping-device/3.2-twin (insuranceTwin) overlap without a declared stacking rule",
    ]);
  });

  test("a declared additive matter is not an overlap", () => {
    const insurance = first.document.clauses.find((c) => c.id === "changping-device/3.2")!;
    const twin = { ...insurance, id: "changping-device/3.2-twin", matter: "insuranceTwin", additive: { to: ["insurance"], because: "再给予" } };
    const rebuilt = buildCatalog([withClauses([...first.document.clauses, twin]), ...others]);
    expect(undeclaredOverlaps(rebuilt)).toEqual([]);
  });
});

test("docs/CATALOG.md is generated from the catalog (npm run catalog:docs)", () => {
  expect(readFileSync(join(__dirname, "..", "docs", "CATALOG.md"), "utf8").trimEnd()).toBe(catalogMarkdown());
});
