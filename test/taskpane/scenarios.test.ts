/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, SCENARIO_VERSION, type Scenario } from "../../src/engine";
import { SCENARIO_NAMESPACE, copyName, deleteScenario, listScenarios, readScenarioXml, saveScenario, scenarioXml } from "../../src/taskpane/workbook/scenarios";
import { FakeExcel } from "./excel-fake";

/*
 * Named scenarios kept in the workbook as custom XML parts (Excel.run, office-addin-mock
 * objects): save and load round trips, replace, duplicate, delete, and stored scenarios that
 * cannot be read, which are reported and never changed. (jsdom: the pane reads XML with the
 * browser's DOMParser.)
 */

const example = (file: string): Scenario => parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8")));
const changping = example("changping-device-startup.json");
const shenzhen = example("shenzhen-imaging-plant.json");
const now = new Date("2026-11-27T10:00:00.000Z");

let excel: FakeExcel;
const use = (fake: FakeExcel) => {
  excel = fake;
  (globalThis as unknown as { Excel: unknown }).Excel = fake.global;
};
afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

const part = (attrs: string, body: string) => `<scenario xmlns="${SCENARIO_NAMESPACE}" ${attrs}>${body}</scenario>`;
const corrupted = {
  xml: `<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="1"><name>Half written</name><json>{"schemaVersion":1`,
  json: part('schemaVersion="1"', '<name>Bad data</name><json>{"schemaVersion":1, "name": </json>'),
  version: part('schemaVersion="2"', `<name>From the future</name><json>${JSON.stringify({ ...changping, schemaVersion: 2 })}</json>`),
  schema: part('schemaVersion="1"', `<name>Bad region</name><json>${JSON.stringify({ ...changping, enterprise: { region: "mars", sector: "device" } })}</json>`),
};
const otherAddin = `<budget xmlns="urn:someone-else"><total>5</total></budget>`;

describe("the XML of a stored scenario", () => {
  test("names its namespace and schema version, and reads back as the same scenario", () => {
    const xml = scenarioXml(changping, now.toISOString());
    expect(xml).toMatch(new RegExp(`^<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="${SCENARIO_VERSION}" savedAt="2026-11-27T10:00:00.000Z">`));
    expect(readScenarioXml(xml)).toEqual({ name: changping.name, savedAt: now.toISOString(), scenario: changping });
  });

  test("text that looks like XML is escaped", () => {
    const s = { ...changping, name: `A & B <"draft"> 'x' ]]>` };
    const back = readScenarioXml(scenarioXml(s, now.toISOString()));
    expect(back.scenario?.name).toBe(s.name);
    expect(back.name).toBe(s.name);
  });

  test.each(Object.entries(corrupted))("%s damage is named, never thrown", (kind, xml) => {
    const read = readScenarioXml(xml);
    expect(read.scenario).toBeUndefined();
    expect(read.unreadable?.kind).toBe(kind);
  });

  test("what the reasons say", () => {
    expect(readScenarioXml(corrupted.version)).toMatchObject({ name: "From the future", unreadable: { kind: "version", version: "2" } });
    expect(readScenarioXml(corrupted.schema).unreadable).toMatchObject({ detail: expect.stringMatching(/enterprise\.region/) });
    expect(readScenarioXml(otherAddin).unreadable).toMatchObject({ kind: "xml", detail: "<budget> is not a scenario" });
  });
});

describe("scenarios in the workbook", () => {
  test("an empty workbook has none", async () => {
    use(new FakeExcel());
    await expect(listScenarios()).resolves.toEqual([]);
  });

  test("save, then list: the same scenario back, with its part id and time", async () => {
    use(new FakeExcel());
    const id = await saveScenario(changping, { now });
    expect(excel.parts).toEqual([{ id, namespace: SCENARIO_NAMESPACE, xml: scenarioXml(changping, now.toISOString()) }]);
    await expect(listScenarios()).resolves.toEqual([{ id, name: changping.name, savedAt: now.toISOString(), scenario: changping }]);
  });

  test("a saved workbook reopened: the parts are all there is, and they read the same", async () => {
    use(new FakeExcel());
    await saveScenario(changping, { now });
    await saveScenario(shenzhen, { now });
    const reopened = new FakeExcel({ parts: excel.parts.map((p) => ({ id: p.id, xml: p.xml })) });
    use(reopened);
    const list = await listScenarios();
    expect(list.map((s) => s.scenario)).toEqual([changping, shenzhen]);
  });

  test("replace: the same part gets the new XML", async () => {
    use(new FakeExcel());
    const id = await saveScenario(changping, { now });
    const changed = { ...changping, defaults: { probability: 0.6, realisation: 1 } };
    await expect(saveScenario(changed, { replaceId: id, now })).resolves.toBe(id);
    expect(excel.parts).toHaveLength(1);
    expect((await listScenarios())[0].scenario).toEqual(changed);
  });

  test("duplicate: a copy under a free name, the original unchanged", async () => {
    use(new FakeExcel());
    const id = await saveScenario(changping, { now });
    const [stored] = await listScenarios();
    const name = copyName(stored.scenario!.name, [stored.name!], "copy");
    const copyId = await saveScenario({ ...stored.scenario!, name }, { now });
    const list = await listScenarios();
    expect(list.map((s) => [s.id, s.name])).toEqual([
      [id, changping.name],
      [copyId, `${changping.name} (copy)`],
    ]);
    expect(copyName("A", ["A (copy)", "A (copy 2)"], "copy")).toBe("A (copy 3)");
  });

  test("delete removes that part only", async () => {
    use(new FakeExcel({ parts: [{ xml: otherAddin }] }));
    const a = await saveScenario(changping, { now });
    const b = await saveScenario(shenzhen, { now });
    await deleteScenario(a);
    expect(excel.parts.map((p) => p.id)).toEqual(["{PART-1}", b]);
    expect((await listScenarios()).map((s) => s.id)).toEqual([b]);
  });

  describe("stored scenarios that cannot be read", () => {
    const seeded = () =>
      new FakeExcel({
        parts: [
          { id: "{GOOD}", xml: scenarioXml(changping, now.toISOString()) },
          ...Object.entries(corrupted).map(([kind, xml]) => ({ id: `{${kind.toUpperCase()}}`, xml })),
          { id: "{OTHER}", xml: otherAddin },
        ],
      });

    test("are listed with the reason, beside the readable ones; other add-ins' parts are not ours to list", async () => {
      use(seeded());
      const list = await listScenarios();
      expect(list.map((s) => [s.id, s.scenario ? "ok" : s.unreadable?.kind])).toEqual([
        ["{GOOD}", "ok"],
        ["{XML}", "xml"],
        ["{JSON}", "json"],
        ["{VERSION}", "version"],
        ["{SCHEMA}", "schema"],
      ]);
      expect(list[3].name).toBe("From the future");
    });

    test("are left untouched: listing, saving others, and refusing to replace or delete them", async () => {
      use(seeded());
      const before = excel.parts.map((p) => ({ ...p }));
      await listScenarios();
      await saveScenario(shenzhen, { now });
      await expect(saveScenario(shenzhen, { replaceId: "{VERSION}", now })).rejects.toThrow(/cannot be read; it is left untouched/);
      await expect(deleteScenario("{XML}")).rejects.toThrow(/left untouched/);
      const after = excel.parts.filter((p) => before.some((b) => b.id === p.id));
      expect(after).toEqual(before);
      expect(excel.log.filter((l) => /^(setXml|delete part)/.test(l))).toEqual([]);
    });
  });
});
