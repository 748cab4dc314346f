/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, SCENARIO_VERSION, type Scenario } from "../../src/engine";
import {
  PART_LIMIT,
  SCENARIO_NAMESPACE,
  ScenarioChanged,
  ScenarioTooLarge,
  copyName,
  deleteScenario,
  listScenarios,
  readScenarioXml,
  saveScenario,
  scenarioXml,
} from "../../src/taskpane/workbook/scenarios";
import { FakeExcel, PAYLOAD_LIMIT } from "./excel-fake";

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
  version: part('schemaVersion="3"', `<name>From the future</name><json>${JSON.stringify({ ...changping, schemaVersion: 3 })}</json>`),
  schema: part('schemaVersion="1"', `<name>Bad region</name><json>${JSON.stringify({ ...changping, enterprise: { region: "mars", sector: "device" } })}</json>`),
};
const otherAddin = `<budget xmlns="urn:someone-else"><total>5</total></budget>`;

describe("the XML of a stored scenario", () => {
  test("names its namespace and schema version, and reads back as the same scenario", () => {
    const xml = scenarioXml(changping, now.toISOString());
    expect(xml).toMatch(new RegExp(`^<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="${SCENARIO_VERSION}" savedAt="2026-11-27T10:00:00.000Z">`));
    expect(readScenarioXml(xml)).toEqual({ name: changping.name, savedAt: now.toISOString(), scenario: changping });
  });

  test("a part saved at schema 1 (before the version 2 bump) reads back, migrated", () => {
    const v1 = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "v1", "changping-device-startup.json"), "utf8"));
    expect(v1.schemaVersion).toBe(1);
    const xml = part('schemaVersion="1" savedAt="2026-11-27T10:00:00.000Z"', `<name>${v1.name}</name><json>${JSON.stringify(v1)}</json>`);
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
    expect(readScenarioXml(corrupted.version)).toMatchObject({ name: "From the future", unreadable: { kind: "version", version: "3" } });
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
    const { id } = await saveScenario(changping, { now });
    const xml = scenarioXml(changping, now.toISOString());
    expect(excel.parts).toEqual([{ id, namespace: SCENARIO_NAMESPACE, xml }]);
    await expect(listScenarios()).resolves.toEqual([{ id, name: changping.name, savedAt: now.toISOString(), scenario: changping, xml }]);
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
    const { id } = await saveScenario(changping, { now });
    const changed = { ...changping, defaults: { probability: 0.6, realisation: 1 } };
    const [listed] = await listScenarios();
    await expect(saveScenario(changed, { replace: listed, now })).resolves.toEqual({ id });
    expect(excel.parts).toHaveLength(1);
    expect((await listScenarios())[0].scenario).toEqual(changed);
  });

  test("duplicate: a copy under a free name, the original unchanged", async () => {
    use(new FakeExcel());
    const { id } = await saveScenario(changping, { now });
    const [stored] = await listScenarios();
    const name = copyName(stored.scenario!.name, [stored.name!], "copy");
    const { id: copyId } = await saveScenario({ ...stored.scenario!, name }, { now });
    const list = await listScenarios();
    expect(list.map((s) => [s.id, s.name])).toEqual([
      [id, changping.name],
      [copyId, `${changping.name} (copy)`],
    ]);
    expect(copyName("A", ["A (copy)", "A (copy 2)"], "copy")).toBe("A (copy 3)");
  });

  test("delete removes that part only", async () => {
    use(new FakeExcel({ parts: [{ xml: otherAddin }] }));
    const { id: a } = await saveScenario(changping, { now });
    const { id: b } = await saveScenario(shenzhen, { now });
    await deleteScenario((await listScenarios())[0]);
    expect(a).toBe("{PART-2}");
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

    test("are left untouched by listing, saving others, and replacing: never written over", async () => {
      use(seeded());
      const before = excel.parts.map((p) => ({ ...p }));
      const list = await listScenarios();
      await saveScenario(shenzhen, { now });
      await expect(saveScenario(shenzhen, { replace: list.find((s) => s.id === "{VERSION}"), now })).rejects.toThrow(/cannot be read; it is left untouched/);
      const after = excel.parts.filter((p) => before.some((b) => b.id === p.id));
      expect(after).toEqual(before);
      expect(excel.log.filter((l) => /^(setXml|delete part)/.test(l))).toEqual([]);
    });

    test("can be deleted, once the person confirms (issue 12: the pane refused, so they stayed for ever)", async () => {
      use(seeded());
      const damaged = (await listScenarios()).find((s) => s.id === "{XML}")!;
      expect(damaged.unreadable?.kind).toBe("xml");
      await deleteScenario(damaged);
      expect(excel.parts.map((p) => p.id)).not.toContain("{XML}");
      expect(excel.parts).toHaveLength(5);
    });
  });
});

describe("issue 12, 8: what Excel refuses, what others do meanwhile, and Excel on the web's request limit", () => {
  test.each([
    ["U+0001", "A\u0001B"],
    ["a vertical tab (a pasted soft line break)", "line one\u000bline two"],
    ["U+FFFE", "x\ufffe"],
    ["U+FFFF", "x\uffff"],
    ["a lone surrogate", "x\ud800y"],
  ])("a name with %s is saved as XML Excel accepts, and reads back exactly", async (_what, name) => {
    use(new FakeExcel());
    const s = { ...changping, name, events: changping.events.map((e) => ({ ...e, label: name })) };
    await saveScenario(s, { now });
    const [back] = await listScenarios();
    expect(back.unreadable).toBeUndefined();
    expect(back.scenario).toEqual(s);
    expect(back.name).toBe(name);
  });

  test("two panes: a save over a scenario someone changed since the list keeps both versions and says so", async () => {
    use(new FakeExcel());
    await saveScenario(changping, { now });
    const [listed] = await listScenarios();
    const theirs = scenarioXml({ ...changping, defaults: { probability: 0.5, realisation: 1 } }, "2026-11-27T11:00:00.000Z");
    // The other pane saves between this pane's list and its save.
    excel.between.push(() => (excel.parts[0].xml = theirs));
    const mine = { ...changping, defaults: { probability: 0.9, realisation: 1 } };
    const saved = await saveScenario(mine, { replace: listed, now });
    expect(saved.conflict).toBeInstanceOf(ScenarioChanged);
    expect(saved.conflict?.how).toBe("changed");
    expect(excel.parts.map((p) => p.xml)).toEqual([theirs, scenarioXml(mine, now.toISOString())]);
  });

  test("a save over a scenario someone deleted since the list saves it anew", async () => {
    use(new FakeExcel());
    await saveScenario(changping, { now });
    const [listed] = await listScenarios();
    excel.parts.splice(0, 1);
    const saved = await saveScenario(changping, { replace: listed, now });
    expect(saved.conflict?.how).toBe("gone");
    expect(excel.parts).toHaveLength(1);
  });

  test("a delete confirmed on an old listing does not remove a newer version", async () => {
    use(new FakeExcel());
    await saveScenario(changping, { now });
    const [listed] = await listScenarios();
    const newer = scenarioXml({ ...changping, defaults: { probability: 0.5, realisation: 1 } }, "2026-11-27T11:00:00.000Z");
    excel.between.push(() => (excel.parts[0].xml = newer));
    await expect(deleteScenario(listed)).rejects.toBeInstanceOf(ScenarioChanged);
    expect(excel.parts.map((p) => p.xml)).toEqual([newer]);
  });

  /**
   * A readable scenario whose part is about `bytes` long: long labels on its events, each at most
   * 30,000 characters (the reader's size policy takes a text as long as an Excel cell holds).
   */
  const sized = (name: string, bytes: number): Scenario => ({
    ...changping,
    name,
    events: Array.from({ length: Math.ceil(bytes / 30_000) }, (_, i) => ({ type: "insurance" as const, year: 2027, premium: "600000", label: "x".repeat(Math.min(30_000, bytes - i * 30_000)) })),
  });

  test("listing reads parts in requests under 5 MB: ten scenarios of 0.9 MB each are all listed", async () => {
    use(new FakeExcel());
    for (let i = 0; i < 10; i++) await saveScenario(sized(`big ${i}`, 900_000), { now });
    const total = excel.parts.reduce((n, p) => n + p.xml.length, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT);
    const list = await listScenarios();
    expect(list.map((s) => s.scenario?.name)).toEqual([...Array(10).keys()].map((i) => `big ${i}`));
  });

  test("a part too large for one request (written by someone else) is listed as such; the others still list", async () => {
    const huge = scenarioXml(sized("huge", 5_100_000), now.toISOString());
    use(new FakeExcel({ parts: [{ id: "{A}", xml: scenarioXml(changping, now.toISOString()) }, { id: "{HUGE}", xml: huge }, { id: "{B}", xml: scenarioXml(shenzhen, now.toISOString()) }] }));
    const list = await listScenarios();
    expect(list.map((s) => [s.id, s.scenario ? "ok" : s.unreadable?.kind])).toEqual([
      ["{A}", "ok"],
      ["{HUGE}", "size"],
      ["{B}", "ok"],
    ]);
  });

  test("a scenario over the part limit is refused before anything is written", async () => {
    use(new FakeExcel());
    await expect(saveScenario(sized("too big", PART_LIMIT), { now })).rejects.toBeInstanceOf(ScenarioTooLarge);
    expect(excel.parts).toEqual([]);
  });
});

describe("the Excel fake refuses what Excel refuses", () => {
  const tryAdd = async (xml: string) => {
    use(new FakeExcel());
    await (globalThis as unknown as { Excel: { run: (f: (c: { workbook: { customXmlParts: { add(x: string): unknown } }; sync(): Promise<void> }) => Promise<void>) => Promise<void> } }).Excel.run(
      async (context) => {
        context.workbook.customXmlParts.add(xml);
        await context.sync();
      },
    );
  };

  test.each([
    ["U+0001", "<a>\u0001</a>"],
    ["a vertical tab", "<a>\u000b</a>"],
    ["U+FFFE", "<a>\ufffe</a>"],
    ["&#1;", "<a>&#1;</a>"],
    ["&#xFFFF;", "<a>&#xFFFF;</a>"],
    ["a truncated document", "<a><b></a>"],
  ])("XML with %s: InvalidArgument (CustomXmlPartCollection.add; XML 1.0 §2.2)", async (_what, xml) => {
    await expect(tryAdd(xml)).rejects.toThrow(/^InvalidArgument/);
    expect(excel.parts).toEqual([]);
  });

  test("a request over 5 MB: RequestPayloadSizeLimitExceeded (resource limits, Excel add-ins)", async () => {
    await expect(tryAdd(`<a>${"x".repeat(PAYLOAD_LIMIT)}</a>`)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    await expect(tryAdd(`<a>ok 😀 &#x1F600;</a>`)).resolves.toBeUndefined();
  });
});
