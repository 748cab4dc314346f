import { packHash } from "../../src/cli/pack";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { parseScenario, scenarioToInputs, useCatalog } from "../../src/engine";
import { catalogWithPacks, readPack } from "../../src/engine/packs";
import { PACKS_PART_NAMESPACE, packsPartXml, type StoredPack } from "../../src/workbook/packs-part";
import { readTemplate } from "../support/template-reader";
import { ExcelError, openFunctions, type LoadedFunctions } from "./support";

/*
 * Issue 17 item 5, what the user opens: the BUILT functions.js in a vm, its workbook's packs
 * part handed over as Excel hands it (customXmlParts.getByNamespace(…).items[0].getXml(), the
 * XML text of the .xlsx's customXml/item*.xml). The fixture is an example pack, not a real
 * policy (test/fixtures/suzhou-sip-example, its figures worked by hand in its pack.json).
 */

const root = join(__dirname, "..", "..");
const fixture = join(root, "test", "fixtures", "suzhou-sip-example");
const packJson = readFileSync(join(fixture, "pack.json"), "utf8");
const packText = readFileSync(join(fixture, "text.txt"), "utf8");
const suzhou: StoredPack = { name: "suzhou-sip-example", json: packJson, text: packText };
const scenario = (JSON.parse(packJson) as { examples: { scenario?: Record<string, unknown> }[] }).examples.find((e) => e.scenario)!.scenario!;

/** `f` run by this process's engine with the example pack in use (the scenario's region is its place), then the built-in catalog again. */
function withSuzhou<T>(f: () => T): T {
  const base = useCatalog().catalog;
  const json: unknown = JSON.parse(packJson);
  const read = readPack({ path: "suzhou", json, text: packText, hash: packHash(json, packText) }).pack!;
  useCatalog(catalogWithPacks(base, [read], new Set()));
  try {
    return f();
  } finally {
    useCatalog();
  }
}

/** A fake Excel holding one packs part (or none): what functions.js asks of it is recorded. */
/** `xml`: the workbook's packs part, or its parts in order (the pane may leave one it cannot read beside the one it writes). */
function fakeExcel(xml: string | readonly string[] | undefined) {
  const calls = { runs: 0, calculate: [] as string[] };
  let release: () => void = () => undefined;
  /** Excel answers the read only when the test says so (`answer()`), as a workbook still opening would. */
  const answered = new Promise<void>((resolve) => (release = resolve));
  const Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      calls.runs++;
      const items = (xml === undefined ? [] : typeof xml === "string" ? [xml] : xml).map((value, i) => ({ id: `{part-${i + 1}}`, getXml: () => ({ value }) }));
      const context = {
        workbook: {
          customXmlParts: {
            getByNamespace: (ns: string) => ({ load: () => undefined, items: ns === PACKS_PART_NAMESPACE ? items : [] }),
            getItem: (id: string) => items.find((i) => i.id === id)!,
          },
          application: { calculate: (type: string) => calls.calculate.push(type) },
        },
        sync: async () => answered,
      };
      return batch(context);
    },
  };
  return { Excel, calls, answer: () => release() };
}

function open(xml: string | readonly string[] | undefined, displayLanguage = "en-US") {
  const excel = fakeExcel(xml);
  const page = openFunctions({ displayLanguage, globals: { Excel: excel.Excel } });
  return { page, ...excel, fn: (name: string) => page.functions.get(name)! };
}

const settle = (v: unknown) => Promise.resolve(v);
const single = (v: unknown) => [[v]];
/** REGISTRATION as Excel calls it, one cell. */
const registration = (p: LoadedFunctions, cls: number, rd: number, region: string) => p.functions.get("REGISTRATION")!(single(cls), single(rd), single(region), null, null);

describe("a template written with --pack, opened by the built functions.js", () => {
  const dir = mkdtempSync(join(tmpdir(), "packs-"));
  const out = join(dir, "suzhou.xlsx");
  let partXml: string;
  let cached: { formula: string; result: unknown }[];

  beforeAll(async () => {
    const scenarioFile = join(dir, "suzhou.json");
    writeFileSync(scenarioFile, JSON.stringify(scenario));
    const err: string[] = [];
    expect(await main(["template", out, "--pack", fixture, "--scenario", scenarioFile, "--store", "none", "--lang", "en-US"], { out: () => undefined, err: (t) => err.push(t) })).toBe(0);
    expect(err).toEqual([]);
    const t = await readTemplate(out);
    const parts = Object.entries(t.parts).filter(([name, x]) => /^customXml\/item\d+\.xml$/.test(name) && x.includes(PACKS_PART_NAMESPACE));
    expect(parts).toHaveLength(1);
    partXml = parts[0][1];
    const events = t.workbook.worksheets.find((w) => w.name === "Events")!;
    cached = [];
    events.eachRow((row, n) => {
      const v = row.getCell(4).value as { formula?: string; result?: unknown } | null;
      if (n > 1 && v && typeof v === "object" && v.formula) cached.push({ formula: v.formula, result: v.result });
    });
  });

  test("the part is the packs as written, and Content_Types and rels name it", async () => {
    expect(partXml).toBe(packsPartXml([suzhou]));
    const t = await readTemplate(out);
    const n = Object.entries(t.parts).find(([, x]) => x === partXml)![0].match(/item(\d+)\.xml$/)![1];
    expect(t.parts["xl/_rels/workbook.xml.rels"]).toContain(`Target="../customXml/item${n}.xml"`);
    expect(t.parts["[Content_Types].xml"]).toContain(`/customXml/itemProps${n}.xml`);
  });

  test("a cell evaluated before the part is read waits for it, and answers with the pack's figure", async () => {
    const { page, answer, calls } = open(partXml);
    const first = registration(page, 3, 5_000_000, "苏州工业园区");
    // A Promise of the vm's own realm.
    expect(typeof (first as Promise<unknown>).then).toBe("function");
    answer();
    // 第二条: 25% × 5,000,000 = 1,250,000, under 单个产品最高不超过200万元.
    expect(await first).toEqual([[1250000]]);
    // 25% × 10,000,000 = 2,500,000 > 2,000,000: the cap (the pack's own worked example).
    expect(registration(page, 3, 10_000_000, "苏州工业园区")).toEqual([[2000000]]);
    // It answered from the pack once the part was read, and no other cell had answered before: no recalculation asked.
    expect(calls.calculate).toEqual([]);
  });

  test("beside a part it cannot read (a damaged one, which the pane keeps), the part it can read is used, as the pane reads them", async () => {
    const damaged = partXml.slice(0, -30);
    const { page, answer } = open([partXml, damaged]);
    const first = registration(page, 3, 5_000_000, "苏州工业园区");
    answer();
    // 第二条: 25% × 5,000,000 = 1,250,000, from the part this version reads, whichever comes first.
    expect(await first).toEqual([[1250000]]);
    const other = open([damaged, partXml]);
    const again = registration(other.page, 3, 5_000_000, "苏州工业园区");
    other.answer();
    expect(await again).toEqual([[1250000]]);
  });

  test("a built-in place does not wait: it answers at once, before the part is read; Excel is then asked to recalculate", async () => {
    const { page, answer, calls, fn } = open(partXml);
    // Shenzhen （五）: 40% × 5,000,000 = 2,000,000 (DESIGN's example), not a Promise.
    expect(registration(page, 3, 5_000_000, "shenzhen")).toEqual([[2000000]]);
    answer();
    await settle(fn("EXPLAIN")("REGISTRATION", [3, 5_000_000, "苏州工业园区"]));
    expect(calls.calculate).toEqual(["Full"]);
  });

  test("the template's own formulas answer in the vm as the CLI cached them: its events priced by the pack", async () => {
    const { page, answer } = open(partXml);
    answer();
    const inputs = withSuzhou(() => scenarioToInputs(parseScenario(scenario)));
    // 2027 class III certificate, R&D 6,000,000: 25% × 6,000,000 = 1,500,000 (< 2,000,000);
    // 2028 first-set sales 8,000,000 and 5,000,000: 10% of each, 800,000 and 500,000 (the annual cap is FORECAST's, ruling 9).
    expect(cached.map((c) => c.result)).toEqual([1500000, 800000, 500000]);
    expect(await registration(page, 3, 6_000_000, "苏州工业园区")).toEqual([[1500000]]);
    expect(page.functions.get("FIRSTSET")!(single(8_000_000), single("苏州工业园区"))).toEqual([[800000]]);
    // FORECAST over the Inputs table: the ceiling of 2027 is 1,500,000; of 2028, 800,000 + 500,000 = 1,300,000 capped at 每家企业每年最高不超过100万元 = 1,000,000.
    const table = (await page.functions.get("FORECAST")!(inputs)) as unknown[][];
    expect(table.find((r) => r[0] === 2027)!.slice(0, 2)).toEqual([2027, 1500000]);
    expect(table.find((r) => r[0] === 2028)!.slice(0, 2)).toEqual([2028, 1000000]);
    // EXPLAIN quotes the pack's sentence.
    expect(await page.functions.get("EXPLAIN")!("REGISTRATION", [3, 6_000_000, "苏州工业园区"])).toContain("单个产品最高不超过200万元");
  });

  test("the pane's registry reports the pack in use", async () => {
    const { page, answer } = open(partXml);
    answer();
    const report = await (page.context.SubsidyPacks as { loaded(lang?: string): Promise<{ packs: { name: string; status: string; document?: { jurisdiction: string; entries: number } }[]; catalogVersion: string; problems: string[] }> }).loaded("zh-CN");
    expect(report.packs).toMatchObject([{ name: "suzhou-sip-example", status: "used", document: { jurisdiction: "suzhou-sip", entries: 4 } }]);
    expect(report.catalogVersion).toMatch(/\+suzhou-sip-device@2026\.1$/);
    expect(report.problems).toEqual([]);
  });
});

test("Office.js not ready at the first call (no Excel yet): the read waits for Office.onReady, then answers from the pack", async () => {
  const excel = fakeExcel(packsPartXml([suzhou]));
  let ready: () => void = () => undefined;
  const Office = { context: { displayLanguage: "en-US" }, onReady: () => new Promise<void>((resolve) => (ready = resolve)) };
  const page = openFunctions({ globals: { Office } });
  const pending = registration(page, 3, 5_000_000, "苏州工业园区");
  // Office.js defines Excel once its host script has loaded.
  page.context.Excel = excel.Excel;
  ready();
  excel.answer();
  // 25% × 5,000,000 = 1,250,000.
  expect(await pending).toEqual([[1250000]]);
});

describe("a workbook without a packs part", () => {
  test("reads once, loads no chunk for it, and an unknown place says so as before", async () => {
    const { page, answer, calls } = open(undefined);
    const pending = registration(page, 3, 5_000_000, "苏州工业园区");
    answer();
    const [[error]] = (await pending) as ExcelError[][];
    expect(error).toEqual(new ExcelError("#VALUE!", expect.stringContaining('"苏州工业园区" is not a known place')));
    expect(page.requested).toEqual([]);
    expect(calls.runs).toBe(1);
    expect(registration(page, 3, 5_000_000, "shenzhen")).toEqual([[2000000]]);
  });
});

/** A pack.json with `edit` applied to its parsed form. */
const edited = (edit: (p: Record<string, any>) => void): string => {
  const p = JSON.parse(packJson) as Record<string, any>;
  edit(p);
  return JSON.stringify(p);
};

describe("hostile or untrusted parts: a clear error in the user's language, nothing run, the built-in catalog untouched", () => {
  const script = "<script>globalThis.pwned = 1</script>";
  const cases: [string, string, RegExp, RegExp][] = [
    ["oversized (more than 4 MiB)", packsPartXml([suzhou]).replace("</text>", `${"x".repeat(4 * 1024 * 1024)}</text>`), /could not be read \(beyond what the add-in reads/, /无法读取（超出本加载项可读取的上限/],
    ["deep (a pack.json nested 100,000 arrays deep)", packsPartXml([{ ...suzhou, json: `${"[".repeat(100_000)}${"]".repeat(100_000)}` }]), /could not be read \(beyond what the add-in reads \(depth/, /无法读取/],
    ["&#99999999; in the text", packsPartXml([suzhou]).replace("</text>", "&#99999999;</text>"), /could not be read \(not well-formed: a character reference/, /无法读取（格式不正确/],
    ["wrong types (a rate that is a number)", packsPartXml([{ ...suzhou, json: edited((p) => (p.document.clauses[1].formula.rate = 0.25)) }]), /pack "suzhou-sip-example", which did not pass the pack check and is not used: suzhou-sip-example: suzhou-sip-device\/2\.3: formula/, /未通过政策包检查，未被使用：suzhou-sip-example: suzhou-sip-device\/2\.3: formula/],
    ["script-like text in a title and a JSON that is a function", packsPartXml([{ ...suzhou, json: edited((p) => ((p.document.title = script), (p.examples[0].call = script as unknown))) }]), /did not pass the pack check and is not used: suzhou-sip-example: examples/, /未通过政策包检查/],
    // 第二条's whole sentence holds the changed words, so it is the first quote the check finds missing.
    ["a quote not in its text", packsPartXml([{ ...suzhou, text: packText.replace("单个产品最高不超过200万元", "单个产品最高不超过300万元") }]), /did not pass the pack check and is not used: suzhou-sip-example: suzhou-sip-device\/2\.2: sentence: the quote "对首次取得第二类/, /未通过政策包检查，未被使用：suzhou-sip-example: suzhou-sip-device\/2\.2: sentence：引文“对首次取得第二类/],
  ];

  test.each(cases)("%s", async (_what, xml, english, chinese) => {
    for (const [lang, words] of [["en-US", english], ["zh-CN", chinese]] as const) {
      const { page, answer } = open(xml, lang);
      const pending = registration(page, 3, 5_000_000, "苏州工业园区");
      answer();
      const [[error]] = (await pending) as ExcelError[][];
      expect(error).toBeInstanceOf(ExcelError);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(words);
      expect(page.context.pwned).toBeUndefined();
      // The built-in catalog is as it was: Shenzhen （五） 40% × 5,000,000 = 2,000,000; Changping 30% × 5,000,000 = 1,500,000.
      expect(registration(page, 3, 5_000_000, "shenzhen")).toEqual([[2000000]]);
      expect(registration(page, 3, 5_000_000, "changping")).toEqual([[1500000]]);
    }
  });
});

describe("trust: a pack that replaces waits for approval", () => {
  const replacing = { ...suzhou, json: edited((p) => (p.replaces = { entries: ["changping-device/5.1"], because: "示例：测试批准流程" })) };

  test("not approved: its place's cells say it awaits approval in the pane, in the user's language; the replaced entry still pays", async () => {
    for (const [lang, words] of [
      ["en-US", /苏州工业园区 comes from the workbook's policy pack "suzhou-sip-example", which replaces changping-device\/5\.1: it is used once approved in the task pane/],
      ["zh-CN", /苏州工业园区来自本工作簿所带的政策包“suzhou-sip-example”，该包将取代changping-device\/5\.1：须在任务窗格（政策包）中批准后才会使用/],
    ] as const) {
      const { page, answer } = open(packsPartXml([replacing]), lang);
      const pending = registration(page, 3, 5_000_000, "苏州工业园区");
      answer();
      const [[error]] = (await pending) as ExcelError[][];
      expect(error.code).toBe("#N/A");
      expect(error.message).toMatch(words);
      // Changping 第五条（一）: 30% × 5,000,000 = 1,500,000, as built in.
      expect(registration(page, 3, 5_000_000, "changping")).toEqual([[1500000]]);
    }
  });

  test("approved in the workbook: used; the pane's apply switches back when the approval is taken away", async () => {
    const { page, answer, calls } = open(packsPartXml([{ ...replacing, approved: true }]));
    const pending = registration(page, 3, 5_000_000, "苏州工业园区");
    answer();
    expect(await pending).toEqual([[1250000]]);
    const packs = page.context.SubsidyPacks as { apply(p: StoredPack[], lang?: string): Promise<{ packs: { status: string }[] }> };
    const report = await packs.apply([replacing]);
    expect(report.packs).toMatchObject([{ status: "awaitsApproval" }]);
    expect(calls.calculate).toEqual(["Full"]);
    const [[error]] = registration(page, 3, 5_000_000, "苏州工业园区") as ExcelError[][];
    expect(error.code).toBe("#N/A");
    // Removing every pack: the built-in catalog, and the place unknown again.
    await packs.apply([]);
    const [[gone]] = registration(page, 3, 5_000_000, "苏州工业园区") as ExcelError[][];
    expect(gone.message).toMatch(/is not a known place/);
  });
});
