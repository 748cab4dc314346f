/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { engine, forecast, parseScenario, useCatalog } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { PACKS_PART_NAMESPACE, packsPartXml, readPacksPart } from "../../src/workbook/packs-part";
import type { PackFile } from "../../src/taskpane/packs/files";
import { checkStored, useInEngine } from "../../src/taskpane/packs/check";
import { packsStamp } from "../../src/taskpane/packs/describe";
import { summaryCsv, summaryStamp } from "../../src/taskpane/results/ScenarioSummary";
import { today } from "../../src/taskpane/results/Export";
import { translate, type Lang } from "../../src/taskpane/i18n";
import { scenarioSummary } from "../../src/engine";
import { FakeExcel } from "./excel-fake";
import { installJsdomShims } from "./jsdom-shims";

/*
 * Issue 17, item 5, in the task pane (jsdom): the packs section lists the built-in texts and the
 * packs added; a pack added from its folder's two files is checked as `subsidy pack check` checks
 * it, kept (the pane's storage outside Excel, the workbook's packs part in Excel) and computed
 * with; a hostile or wrong pack is refused with every problem in the reader's language and changes
 * nothing; a pack is removed after a question; a pack that replaces a text waits for approval.
 */

const fixture = join(__dirname, "..", "fixtures", "suzhou-sip-example");
const packJson = readFileSync(join(fixture, "pack.json"), "utf8");
const packText = readFileSync(join(fixture, "text.txt"), "utf8");
const pack = JSON.parse(packJson) as { document: Record<string, unknown> & { clauses: Record<string, unknown>[] }; examples: { scenario?: unknown }[] } & Record<string, unknown>;

/** A file as the browser's file dialog hands it over (jsdom's File has no arrayBuffer). */
const file = (name: string, content: string | Uint8Array): PackFile => {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) as Uint8Array : content;
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};
const packFiles = (json: unknown = pack, text = packText) => [file("pack.json", typeof json === "string" ? json : JSON.stringify(json, null, 2)), file("text.txt", text)];
const variant = (change: (p: typeof pack) => void) => {
  const copy = JSON.parse(packJson) as typeof pack;
  change(copy);
  return copy;
};

beforeAll(() => {
  installJsdomShims();
  (globalThis as { TextDecoder?: unknown }).TextDecoder ??= TextDecoder;
});
beforeEach(() => {
  localStorage.clear();
  useCatalog();
});
afterEach(() => {
  useCatalog();
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

jest.setTimeout(30_000);

function openPane(lang: "en-US" | "zh-CN" = "en-US") {
  host.set({ mode: "preview", reason: "outside-excel", displayLanguage: lang });
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

async function toWorkbookStep() {
  fireEvent.click(within(screen.getByRole("navigation")).getByRole("button", { name: /Workbook|工作簿/ }));
  return screen.findByTestId("packs");
}

async function add(files: PackFile[]) {
  await act(async () => fireEvent.change(screen.getByTestId("packs-file"), { target: { files } }));
  return waitFor(() => screen.getByTestId(/^packs-(done|refused)$/));
}

const listed = () => within(screen.getByTestId("packs-list")).getAllByRole("listitem").map((li) => li.querySelector("p")?.textContent);
const builtInTitles = () => engine().catalog.documents.map((d) => d.titleEn);

test("the list shows the built-in texts; an added pack is checked, listed with its details, kept, and its place computes", async () => {
  openPane();
  await toWorkbookStep();
  expect(listed()).toEqual(builtInTitles());
  expect(screen.getAllByTestId("pack-built-in")).toHaveLength(5);

  const done = await add(packFiles());
  expect(done.textContent).toBe("Added suzhou-sip-device: 4 entries for Suzhou Industrial Park. Choose Suzhou Industrial Park as the enterprise's region to compute with it.");
  const card = screen.getByTestId("pack-suzhou-sip-device");
  // No English title in the pack: the Chinese, marked as the original (DESIGN "Policy packs").
  expect(card.querySelector("p")?.textContent).toBe("苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策） (original Chinese)");
  const facts = Array.from(card.querySelectorAll("dt")).map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
  expect(facts).toEqual(["Where: Suzhou Industrial Park", "Entries: 4", "In force: 2026-01-01 to 2028-12-31", "Version: 2026.1", "Author: 测试用示例（非真实政策）", "Content hash: 3268d18f"]);
  // Kept as the workbook would keep it (the packs part's XML), read back by the part's reader.
  const kept = readPacksPart(localStorage.getItem("subsidy-pane:packs"));
  expect(kept.ok && kept.value.map((p) => [p.name, p.json === JSON.stringify(pack, null, 2), p.text === packText])).toEqual([["suzhou-sip-device", true, true]]);

  // The engine computes with the pack's place: the fixture's scenario example, worked by hand in
  // the pack: 2027: 25% × 6,000,000 = 1,500,000 (< 2,000,000); 2028: 10% × 8,000,000 + 10% ×
  // 5,000,000 = 1,300,000 > 1,000,000 a year for one enterprise: 1,000,000.
  const example = parseScenario(pack.examples[4].scenario);
  expect(forecast(example).years.map((y) => [y.year, y.ceiling.toString()])).toEqual([
    [2027, "1500000"],
    [2028, "1000000"],
  ]);

  // The Enterprise step offers the place, named in the reader's language, and accepts it.
  fireEvent.click(within(screen.getByRole("navigation")).getByRole("button", { name: /Enterprise/ }));
  const region = (await screen.findByRole("combobox", { name: /Region/ })) as HTMLSelectElement;
  const option = Array.from(region.options).find((o) => o.value === "苏州工业园区");
  expect(option?.textContent).toBe("Jiangsu › Suzhou › Suzhou Industrial Park");
  fireEvent.change(region, { target: { value: "苏州工业园区" } });
  fireEvent.blur(region);
  expect(region.getAttribute("aria-invalid")).not.toBe("true");
});

test("a pack kept from an earlier session is checked and used when the pane opens", async () => {
  localStorage.setItem("subsidy-pane:packs", packsPartXml([{ name: "suzhou-sip-device", json: packJson, text: packText }]));
  openPane("zh-CN");
  await toWorkbookStep();
  const card = await screen.findByTestId("pack-suzhou-sip-device");
  expect(card.querySelector("p")?.textContent).toBe("苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策）");
  expect(card.querySelector("dd")?.textContent).toBe("苏州工业园区");
  expect(engine().reach("苏州工业园区")).toHaveProperty("place.id", "suzhou-sip");
});

const hostile: [string, () => PackFile[], RegExp[]][] = [
  ["wrong types", () => packFiles(variant((p) => ((p as Record<string, unknown>).version = 5))), [/^suzhou-sip-device: version: does not fit the pack format \(/]],
  [
    "a quote not in its text",
    () => packFiles(variant((p) => (p.document.clauses[0].sentence = "对首次取得第二类医疗器械注册证的产品，给予1000万元补助。"))),
    [/^suzhou-sip-device: suzhou-sip-device\/2\.2: sentence: the quote "对首次取得第二类医疗器械注册证的产品，给予1000万元补助。" is not in the text/],
  ],
  ["huge (over 1 MiB)", () => [file("pack.json", `{"pad":"${"x".repeat(1024 * 1024)}"}`), file("text.txt", packText)], [/^pack\.json is larger than 1 MiB/]],
  ["deeply nested", () => [file("pack.json", `${"[".repeat(100)}${"]".repeat(100)}`), file("text.txt", packText)], [/^pack could not be read as JSON \(.*nested/]],
  [
    "script-like text",
    () =>
      packFiles(
        variant((p) => {
          p.document.title = '<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">';
          (p.author as Record<string, string>).contact = "javascript:window.hacked=3";
          p.document.clauses[0].sentence = "<script>window.hacked = 4</script>";
        }),
      ),
    [/the quote "<script>window\.hacked = 4<\/script>" is not in the text/],
  ],
  ["UTF-16", () => [file("pack.json", new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])), file("text.txt", packText)], [/^pack\.json is not UTF-8 text/]],
  ["its text not chosen", () => [file("pack.json", packJson)], [/^The text pack\.json names \(text\.txt\) is not among the files chosen/]],
];

test.each(hostile)("a pack %s is refused with the problem, and nothing changes", async (_, files, messages) => {
  openPane();
  await toWorkbookStep();
  const before = { list: listed(), kept: localStorage.getItem("subsidy-pane:packs"), version: engine().catalog.version };
  const refused = await add(files());
  expect(refused.textContent).toMatch(/was not added, and nothing changed\. \d+ problem\(s\):/);
  const problems = Array.from(refused.querySelectorAll("li")).map((li) => li.textContent ?? "");
  for (const m of messages) expect(problems.filter((p) => m.test(p))).toHaveLength(1);
  // Shown as text: nothing from the pack became an element, nothing ran.
  expect(document.querySelector("script, img")).toBeNull();
  expect((window as { hacked?: number }).hacked).toBeUndefined();
  expect({ list: listed(), kept: localStorage.getItem("subsidy-pane:packs"), version: engine().catalog.version }).toEqual(before);
});

test("a refused pack's problems are in the reader's language", async () => {
  openPane("zh-CN");
  await toWorkbookStep();
  const refused = await add(packFiles(variant((p) => (p.document.clauses[0].sentence = "给予1000万元补助。"))));
  expect(refused.textContent).toContain("pack.json 未添加，未作任何改动。共 1 个问题：");
  expect(refused.querySelector("li")?.textContent).toBe("suzhou-sip-device: suzhou-sip-device/2.2: sentence：引文“给予1000万元补助。”不在原文中：须逐字摘自原文（空格、换行不计）");
  expect(listed()).toHaveLength(5);
});

test("a pack is removed only after the question is answered yes; the built-in catalog is used again", async () => {
  openPane();
  await toWorkbookStep();
  await add(packFiles());
  const removeButton = () => screen.getByRole("button", { name: /^Remove the pack 苏州工业园区/ });
  fireEvent.click(removeButton());
  let dialog = await screen.findByRole("dialog", { name: "Remove this pack?" });
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" })));
  expect(screen.getByTestId("pack-suzhou-sip-device")).toBeTruthy();

  fireEvent.click(removeButton());
  dialog = await screen.findByRole("dialog", { name: "Remove this pack?" });
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Remove" })));
  await waitFor(() => expect(screen.queryByTestId("pack-suzhou-sip-device")).toBeNull());
  expect(screen.getByTestId("packs-done").textContent).toBe("Removed suzhou-sip-device.");
  expect(engine().catalog.version).not.toContain("+");
  expect(engine().reach("苏州工业园区")).toHaveProperty("code", "unknownPlace");
  expect(readPacksPart(localStorage.getItem("subsidy-pane:packs"))).toEqual({ ok: true, value: [] });
});

test("another version of a pack already added shows what it changes, and replaces it only once accepted", async () => {
  const revision = join(__dirname, "..", "fixtures", "suzhou-sip-example-2027");
  const revisionFiles = () => [file("pack.json", readFileSync(join(revision, "pack.json"), "utf8")), file("text.txt", readFileSync(join(revision, "text.txt"), "utf8"))];
  const version = () => screen.getByTestId("pack-suzhou-sip-device").querySelectorAll("dd")[3].textContent;
  openPane();
  await toWorkbookStep();
  await add(packFiles());
  expect(version()).toBe("2026.1");

  // The 2027 revision (test/fixtures/suzhou-sip-example-2027): 第四条's cap 500万 → 800万, 第三条 removed, 第六条 added.
  await act(async () => fireEvent.change(screen.getByTestId("packs-file"), { target: { files: revisionFiles() } }));
  let dialog = await screen.findByRole("dialog", { name: "Replace version 2026.1 with 2027.1?" });
  const changes = within(dialog).getAllByRole("listitem").map((li) => li.textContent);
  expect(changes).toContain("      cap (per project): 5,000,000 yuan → 8,000,000 yuan");
  expect(changes.some((c) => c?.startsWith("  − suzhou-sip-device/3 (第三条) removed"))).toBe(true);
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" })));
  expect((await screen.findByTestId("packs-refused")).textContent).toBe("Version 2026.1 kept: nothing changed.");
  expect(version()).toBe("2026.1");
  expect(engine().catalog.clauses.some((c) => c.id === "suzhou-sip-device/3")).toBe(true);

  await act(async () => fireEvent.change(screen.getByTestId("packs-file"), { target: { files: revisionFiles() } }));
  dialog = await screen.findByRole("dialog", { name: "Replace version 2026.1 with 2027.1?" });
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Replace" })));
  await waitFor(() => expect(version()).toBe("2027.1"));
  expect(screen.getByTestId("packs-done").textContent).toBe("suzhou-sip-device: version 2026.1 replaced by 2027.1.");
  // The engine computes with the new version only: 第三条 gone, 第六条 there.
  expect(engine().catalog.clauses.some((c) => c.id === "suzhou-sip-device/3")).toBe(false);
  expect(engine().catalog.clauses.some((c) => c.id === "suzhou-sip-device/6")).toBe(true);

  // The same version again: nothing to ask, nothing changed.
  await act(async () => fireEvent.change(screen.getByTestId("packs-file"), { target: { files: revisionFiles() } }));
  await waitFor(() => expect(screen.getByTestId("packs-refused").textContent).toBe("suzhou-sip-device version 2027.1 is already added, with the same content."));
});

test("a pack that replaces a built-in entry waits for approval, with its reason, and is used once approved", async () => {
  openPane();
  await toWorkbookStep();
  const because = "示例：园区措施取代此条（测试用）";
  await add(packFiles(variant((p) => (p.replaces = { entries: ["changping-device/2.1"], because }))));
  const card = screen.getByTestId("pack-suzhou-sip-device");
  expect(within(card).getByTestId("pack-awaiting").textContent).toBe(`Awaiting approval: it replaces changping-device/2.1, because: ${because}`);
  // Not used yet: the built-in entry is there, the pack's place is not.
  expect(engine().catalog.clauses.some((c) => c.id === "changping-device/2.1")).toBe(true);
  expect(engine().reach("苏州工业园区")).toHaveProperty("code", "unknownPlace");

  await act(async () => fireEvent.click(within(card).getByRole("button", { name: /^Approve the pack/ })));
  await waitFor(() => expect(screen.queryByTestId("pack-awaiting")).toBeNull());
  expect(engine().catalog.clauses.some((c) => c.id === "changping-device/2.1")).toBe(false);
  expect(engine().reach("苏州工业园区")).toHaveProperty("place.id", "suzhou-sip");
  const kept = readPacksPart(localStorage.getItem("subsidy-pane:packs"));
  expect(kept.ok && kept.value[0].approved).toBe(true);
});

describe("in Excel", () => {
  beforeEach(() => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => true }, displayLanguage: "en-US" } };
  });
  const inExcel = (fake: FakeExcel) => {
    (globalThis as unknown as { Excel: unknown }).Excel = fake.global;
    host.set({ mode: "excel", displayLanguage: "en-US" });
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    return fake;
  };

  test("an added pack goes into the workbook's packs part; a part the pane cannot read is kept beside it and said", async () => {
    const damaged = `<packs xmlns="${PACKS_PART_NAMESPACE}"><pack name="x"><json>${"[".repeat(40)}</json><text/></pack></packs>`;
    // The functions' registry in the shared runtime (src/functions/packs.ts): told, so cells recalculate.
    const apply = jest.fn(async () => ({ packs: [], problems: [] }));
    globalThis.SubsidyPacks = { loaded: async () => ({ packs: [], problems: [] }), apply };
    const excel = inExcel(new FakeExcel({ parts: [{ id: "{OLD}", xml: damaged }] }));
    await toWorkbookStep();
    expect((await screen.findByTestId("packs-kept")).textContent).toMatch(/^The packs kept here could not be read \(/);
    await add(packFiles());
    expect(screen.getByTestId("packs-done").textContent).toMatch(/^Added suzhou-sip-device/);
    const parts = excel.parts.map((p) => readPacksPart(p.xml));
    expect(parts[0].ok).toBe(false);
    expect(parts[1].ok && parts[1].value.map((p) => p.name)).toEqual(["suzhou-sip-device"]);
    expect(apply).toHaveBeenCalledWith([{ name: "suzhou-sip-device", json: JSON.stringify(pack, null, 2), text: packText }], "en-US");
    delete globalThis.SubsidyPacks;
  });

  test("a workbook carrying a pack opens with it listed and used", async () => {
    inExcel(new FakeExcel({ parts: [{ id: "{P}", xml: packsPartXml([{ name: "suzhou-sip-device", json: packJson, text: packText }]) }] }));
    await toWorkbookStep();
    await screen.findByTestId("pack-suzhou-sip-device");
    expect(engine().catalog.version).toBe(`${builtInVersion}+suzhou-sip-device@2026.1`);
  });
});

const builtInVersion = engine().catalog.version;

describe("the scenario summary's stamp (issue 20, 5)", () => {
  const i18nOf = (lang: Lang) => ({ lang, t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params) });
  const stored = { name: "suzhou-sip-device", json: packJson, text: packText };
  const title = "苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策）";

  test.each<[Lang, string]>([
    ["zh-CN", `${today()} 按条款目录 V 计算。政策包：${title} 第 2026.1 版，作者 测试用示例（非真实政策）（sha256 3268d18f）`],
    ["en-US", `Computed ${today()}, clause catalog V. Packs: ${title} (original Chinese) v2026.1 by 测试用示例（非真实政策） (sha256 3268d18f)`],
  ])("%s: the date, the catalog version and each pack in use, by title, version and author", async (lang, expected) => {
    const i18n = i18nOf(lang);
    const checked = await checkStored([stored], i18n);
    if (!checked.ok) throw new Error(checked.problems.join("\n"));
    expect(summaryStamp("V", packsStamp(checked.packs, i18n), i18n)).toBe(expected);
    // The CSV's first row carries it; without packs the stamp is the date and version alone.
    useInEngine(checked.packs);
    const summary = scenarioSummary([{ name: "A", forecast: forecast(parseScenario(pack.examples[4].scenario)) }]);
    expect(summaryCsv(summary, "V", i18n, packsStamp(checked.packs, i18n)).split("\r\n")[0]).toContain(expected);
    expect(summaryStamp("V", packsStamp([], i18n), i18n)).toBe(translate(lang, "scenarioSummary.stamp", { date: today(), version: "V" }));
  });

  test("a pack awaiting approval is not named: nothing rests on it", async () => {
    const i18n = i18nOf("en-US");
    const replacing = { ...stored, json: JSON.stringify(variant((p) => (p.replaces = { entries: ["changping-device/2.1"], because: "示例" }))) };
    const checked = await checkStored([replacing], i18n);
    if (!checked.ok) throw new Error(checked.problems.join("\n"));
    expect(packsStamp(checked.packs, i18n)).toBe("");
    expect(packsStamp([{ ...checked.packs[0], stored: { ...replacing, approved: true } }], i18n)).toMatch(/^Packs: /);
  });
});
