import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal, engine, isRegionProblem, regionReach, useCatalog } from "../src/engine";
import { CellError } from "../src/functions/cells";
import { applyStored } from "../src/functions/packs-apply";
import type { StoredPack } from "../src/workbook/packs-part";

/*
 * The workbook's packs checked and applied (functions/packs-apply.ts), in Node: one pack's
 * failure leaves the others in use, the built-in catalog is never changed, and a place of a
 * refused pack says which pack. The built functions.js is tested in test/addin/workbook-packs.test.ts.
 */

const fixture = join(__dirname, "fixtures", "suzhou-sip-example");
const json = readFileSync(join(fixture, "pack.json"), "utf8");
const text = readFileSync(join(fixture, "text.txt"), "utf8");
const suzhou: StoredPack = { name: "suzhou-sip-example", json, text };
const builtIn = engine().catalog.version;

/** A second example pack: the fixture's text and entries for a place of its own under 北京市 (另一园区), with `edit` applied. */
function other(name: string, edit: (p: Record<string, any>) => void = () => undefined): StoredPack {
  const p = JSON.parse(json.replace(/suzhou-sip-device/g, "other-sip-device")) as Record<string, any>;
  p.places = { places: [{ id: "other-sip", parent: "beijing", kind: "district", zh: "另一园区", en: "Another Park (example)" }] };
  p.document.jurisdiction = "other-sip";
  for (const e of p.examples) if (e.call) e.call = e.call.map((a: unknown) => (a === "苏州工业园区" ? "另一园区" : a));
  p.examples = p.examples.filter((e: { call?: unknown }) => e.call);
  edit(p);
  return { name, json: JSON.stringify(p), text };
}

afterEach(() => useCatalog());

test("the second example pack passes on its own (the test below breaks it)", async () => {
  expect((await applyStored([other("other")])).packs.map((p) => p.status)).toEqual(["used"]);
});

test("a refused pack is left out and the others stay in use; its place names it, in both languages", async () => {
  const broken = other("broken", (p) => (p.document.clauses[3].caps[0].sentence = "最高不超过600万元"));
  const out = await applyStored([suzhou, broken]);
  expect(out.packs.map((p) => [p.name, p.status])).toEqual([
    ["suzhou-sip-example", "used"],
    ["broken", "refused"],
  ]);
  expect(out.catalogVersion).toBe(`${builtIn}+suzhou-sip-device@2026.1`);
  expect(out.problems("en-US")).toEqual([expect.stringContaining('broken: other-sip-device/4: caps[0].sentence: the quote "最高不超过600万元" is not in the text')]);
  // 25% × 5,000,000 = 1,250,000 from the pack in use.
  expect(engine().amount({ topic: "registration", region: "苏州工业园区", facts: { deviceClass: 3, rdCost: new Decimal("5000000"), pathway: "standard" } }).toString()).toBe("1250000");
  const problem = regionReach("另一园区");
  if (!isRegionProblem(problem)) throw new Error("另一园区 should not be known");
  const note = out.note("另一园区", problem, "zh-CN", "…")!;
  expect(note).toBeInstanceOf(CellError);
  expect(note.code).toBe("#VALUE!");
  expect(note.message).toMatch(/^另一园区来自本工作簿所带的政策包“broken”，该包未通过政策包检查，未被使用：broken: other-sip-device\/4: caps\[0\]\.sentence：引文“最高不超过600万元”不在原文中/);
});

test("the same pack twice under two names: the second is refused for its duplicate ids, the first used", async () => {
  const out = await applyStored([suzhou, { ...suzhou, name: "copy" }]);
  expect(out.packs.map((p) => p.status)).toEqual(["used", "refused"]);
  expect(out.problems("en-US")[0]).toMatch(/^copy: document\.id: the id "suzhou-sip-device" is already used in "suzhou-sip-example"/);
});

test("nothing usable: the built-in catalog, exactly", async () => {
  const out = await applyStored([{ ...suzhou, json: "{}" }]);
  expect(out.changed).toBe(false);
  expect(engine().catalog.version).toBe(builtIn);
  expect(out.packs).toEqual([{ name: "suzhou-sip-example", status: "refused" }]);
});
