import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogMarkdown } from "../src/cli/markdown";
import { CatalogError, Decimal, engine, referencedFacts, undeclaredOverlaps } from "../src/engine";
import { buildCatalog, catalogFiles, parseDocument } from "../src/engine/catalog/build";

const { catalog } = engine();
const root = join(__dirname, "..");
const squeeze = (s: string) => s.replace(/\s+/g, "");

describe("catalog schema", () => {
  test("every file parses", () => {
    expect(() => buildCatalog(catalogFiles)).not.toThrow();
    expect(catalog.documents.map((d) => d.id)).toEqual(["changping-device", "changping-pharma", "shenzhen-device", "beijing-device", "zhongguancun"]);
  });

  const good = catalogFiles[0] as { clauses: Record<string, unknown>[] };
  const insurance = good.clauses.find((c) => c.id === "changping-device/3.2")!;
  const withEntry = (entry: Record<string, unknown>) => ({ ...good, clauses: [entry] });

  test("a malformed entry fails with its id named", () => {
    const bad = { ...insurance, formula: { kind: "rate", rate: 0.5, base: "premium" } };
    expect(() => parseDocument(withEntry(bad))).toThrow(CatalogError);
    expect(() => parseDocument(withEntry(bad))).toThrow(/changping-device\/3\.2: formula\.rate/);
  });

  test("an entry without its sentence fails with its id named", () => {
    const { sentence: _dropped, ...bad } = insurance;
    expect(() => parseDocument(withEntry(bad))).toThrow(/changping-device\/3\.2: sentence/);
  });

  test("an annual cap or a year limit without its sentence is refused (ruling 14)", () => {
    const { enterpriseAnnualCapSentence: _cap, ...noCapSentence } = insurance;
    expect(() => parseDocument(withEntry(noCapSentence))).toThrow(/changping-device\/3\.2: enterpriseAnnualCapSentence/);
    const rd = good.clauses.find((c) => c.id === "changping-device/3.1")!;
    const { maxYearsSentence: _years, ...noYearsSentence } = rd;
    expect(() => parseDocument(withEntry(noYearsSentence))).toThrow(/changping-device\/3\.1: maxYearsSentence/);
  });

  test("every enterprise annual cap and year limit carries its sentence", () => {
    const bare = catalog.clauses.filter((c) => (c.enterpriseAnnualCap && !c.enterpriseAnnualCapSentence) || (c.maxYears && !c.maxYearsSentence));
    expect(bare.map((c) => c.id)).toEqual([]);
  });

  test("a cap without its sentence is refused, and none in the catalog lacks one (ruling 14)", () => {
    // 第三条（二）'s 单个保单 cap of 500,000 with its words dropped.
    const caps = (insurance.caps as Record<string, unknown>[]).map(({ sentence: _dropped, ...rest }) => rest);
    expect(() => parseDocument(withEntry({ ...insurance, caps }))).toThrow(/changping-device\/3\.2: caps\.0\.sentence/);
    const bare = catalog.clauses.flatMap((c) => c.caps.filter((cap) => !cap.sentence).map(() => c.id));
    expect(bare).toEqual([]);
  });

  test("a rate written as a float is refused", () => {
    const bad = { ...insurance, caps: [{ amount: 500000, per: { en: "policy", zh: "单个保单" } }] };
    expect(() => parseDocument(withEntry(bad))).toThrow(/changping-device\/3\.2: caps\.0\.amount/);
  });

  test("an unknown fact is refused with the entry named", () => {
    const bad = { ...insurance, formula: { kind: "rate", rate: "0.5", base: "premiumm" } };
    expect(() => buildCatalog([withEntry(bad), ...catalogFiles.slice(1)])).toThrow(/changping-device\/3\.2: unknown fact "premiumm"/);
  });

  test("ids are unique and belong to their document", () => {
    const ids = catalog.clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("citations", () => {
  test.each(catalog.documents.map((d) => [d.id, d] as const))("%s: every sentence is quoted verbatim from its text", (_id, doc) => {
    const text = squeeze(readFileSync(join(root, "policies", doc.file), "utf8"));
    const misquoted = doc.clauses.filter((c) => !text.includes(squeeze(c.sentence))).map((c) => c.id);
    expect(misquoted).toEqual([]);
    // Ruling 14: every cap and limit quotes the words that set it, from the same text.
    const quoted = doc.clauses.flatMap((c) =>
      [
        c.baseSentence,
        c.enterpriseAnnualCapSentence,
        c.maxYearsSentence,
        c.window?.sentence,
        c.once?.sentence,
        c.advance?.because,
        ...c.caps.map((cap) => cap.sentence),
      ]
        .filter((q): q is string => q !== undefined)
        .map((q) => [c.id, q] as const),
    );
    expect(quoted.filter(([, q]) => !text.includes(squeeze(q))).map(([id, q]) => `${id}: ${q}`)).toEqual([]);
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
    if (doc.stacking) expect(text).toContain(squeeze(doc.stacking.sentence));
  });

  test("every monetary clause has a hand-computed case in test/clauses", () => {
    const tables = readdirSync(join(__dirname, "clauses"))
      .map((f) => readFileSync(join(__dirname, "clauses", f), "utf8"))
      .join("\n");
    const untested = catalog.clauses.filter((c) => c.formula && !tables.includes(`clause: "${c.id}"`)).map((c) => c.id);
    expect(untested).toEqual([]);
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
    const doc = catalogFiles[0] as { clauses: Record<string, unknown>[] };
    const insurance = doc.clauses.find((c) => c.id === "changping-device/3.2")!;
    const twin = { ...insurance, id: "changping-device/3.2-twin", matter: "insuranceTwin" };
    const rebuilt = buildCatalog([{ ...doc, clauses: [...doc.clauses, twin] }, ...catalogFiles.slice(1)]);
    expect(undeclaredOverlaps(rebuilt)).toEqual([
      "changping insurance: changping-device/3.2 (insurance) and changping-device/3.2-twin (insuranceTwin) overlap without a declared stacking rule",
    ]);
  });

  test("a declared additive matter is not an overlap", () => {
    const doc = catalogFiles[0] as { clauses: Record<string, unknown>[] };
    const insurance = doc.clauses.find((c) => c.id === "changping-device/3.2")!;
    const twin = { ...insurance, id: "changping-device/3.2-twin", matter: "insuranceTwin", additive: { to: ["insurance"], because: "再给予" } };
    const rebuilt = buildCatalog([{ ...doc, clauses: [...doc.clauses, twin] }, ...catalogFiles.slice(1)]);
    expect(undeclaredOverlaps(rebuilt)).toEqual([]);
  });
});

test("docs/CATALOG.md is generated from the catalog (npm run catalog:docs)", () => {
  expect(readFileSync(join(root, "docs", "CATALOG.md"), "utf8").trimEnd()).toBe(catalogMarkdown());
});
