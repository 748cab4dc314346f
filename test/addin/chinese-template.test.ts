import JSZip from "jszip";
import { buildTemplate } from "../../src/cli/template";
import { engine, inputColumns, inputItems, langs, type Lang } from "../../src/engine";
import { examples } from "../explain/support";
import { chineseIn, englishIn } from "./chinese-detector";

/*
 * Issue 21's battery over every string of a written template, as Excel and LibreOffice read the
 * package: sheet and defined names (xl/workbook.xml), shared strings, the text results cached in
 * the cells (the Events sheet's EXPLAIN), table names and column headers (xl/tables/*), the
 * chart's title, series names and its drawing's name (xl/charts/*, xl/drawings/*). A zh-CN
 * template has no English outside the proper names and codes (chinese-detector.ts) and no
 * internal identifier; an en-US template no Chinese outside quotations and glosses.
 */

/** The XML's escapes undone (the strings as a reader sees them). */
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** `kind`: which strings of the part (sheet, definedName, strings, cached, table, column, title, series, drawing). */
type Found = { what: string; kind: string; text: string };

/** Every string a reader of the package can meet, by part. */
export async function packageStrings(bytes: Uint8Array): Promise<Found[]> {
  const zip = await JSZip.loadAsync(bytes);
  const found: Found[] = [];
  const add = (what: string, texts: Iterable<string>) => {
    const [, kind = "strings"] = what.split(" ");
    for (const text of texts) if (text.trim() !== "") found.push({ what, kind, text: unescape(text) });
  };
  const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);
  for (const path of Object.keys(zip.files).sort()) {
    if (!path.endsWith(".xml")) continue;
    const xml = await zip.file(path)!.async("string");
    if (path === "xl/workbook.xml") {
      add(`${path} sheet`, all(xml, /<sheet [^>]*name="([^"]*)"/g));
      // Names of ours (Excel's own _xlnm.Print_Titles is Excel's, shown translated).
      add(`${path} definedName`, all(xml, /<definedName name="([^"_][^"]*)"/g));
    } else if (path === "xl/sharedStrings.xml") add(path, all(xml, /<t(?:\s[^>]*)?>([^<]*)<\/t>/g));
    else if (path.startsWith("xl/worksheets/")) {
      add(`${path} cached`, all(xml, /<c [^>]*t="str"[^>]*>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v>/g));
      add(`${path} inline`, all(xml, /<is>(?:<t[^>]*>([^<]*)<\/t>)<\/is>/g));
    } else if (path.startsWith("xl/tables/")) {
      add(`${path} table`, all(xml, /<table [^>]*displayName="([^"]*)"/g));
      add(`${path} column`, all(xml, /<tableColumn [^>]*name="([^"]*)"/g));
    } else if (path.startsWith("xl/charts/")) {
      add(`${path} title`, all(xml, /<a:t>([^<]*)<\/a:t>/g));
      add(`${path} series`, all(xml, /<c:tx><c:strRef>.*?<c:v>([^<]*)<\/c:v>/g));
    } else if (path.startsWith("xl/drawings/") && !path.includes("_rels")) add(`${path} drawing`, all(xml, /<xdr:cNvPr [^>]*name="([^"]*)"/g));
  }
  return found;
}

/**
 * Codes a template shows as they are: the catalog's source files (a reader opens them by name),
 * and the code values of facts (frontier, chokepoint), typed in an Inputs Facts cell.
 */
const templateCodes = new Set<string>([
  ...engine().catalog.documents.flatMap((d) => d.file.split(/[^A-Za-z]+/)),
  ...Object.values(engine().catalog.facts).flatMap((f) => ("values" in f && f.values ? f.values.filter((v): v is string => typeof v === "string") : [])),
]);
/**
 * en-US: units an English reader of a Chinese finance sheet reads as they are (元, 万元), and the
 * English Inputs table's codes: its columns and items, and the facts by their ids in a Facts cell
 * (the zh-CN table writes a fact by its Chinese label instead).
 */
const enAllowed = new Set(["元", "万元", ...inputColumns, ...inputItems.flatMap((i) => i.split(" ")), ...Object.keys(engine().catalog.facts), "usefulLife", "readyForUse", "recognitionYear"]);
/** A document's number cites the text, as its articles do (京经信发〔2025〕50号): a quotation in English too. */
const docNumbers = engine().catalog.documents.flatMap((d) => (d.docNumber ? [d.docNumber] : []));

/** The scenario's own words (its name, enterprise, labels, products) are the user's, taken out first. */
const userWordsOf = (e: ReturnType<typeof examples>[number]) => [e.scenario.name, e.scenario.enterprise.name ?? "", ...e.userWords].filter((w) => w !== "").sort((a, b) => b.length - a.length);
const without = (text: string, words: readonly string[]) => words.reduce((t, w) => t.split(w).join(" "), text);

const foreign = (lang: Lang, text: string) => (lang === "zh-CN" ? englishIn(text, templateCodes) : chineseIn(without(text, docNumbers), enAllowed));

const built = new Map<string, Uint8Array>();
async function template(file: string, lang: Lang): Promise<Uint8Array> {
  const key = `${file} ${lang}`;
  if (!built.has(key)) built.set(key, await buildTemplate(examples().find((e) => e.file === file)!.scenario, { lang, computed: "2026-12-07" }));
  return built.get(key)!;
}

describe.each(langs)("%s template", (lang) => {
  test.each(examples().map((e) => e.file))(`%s: ${lang === "zh-CN" ? "no English but proper names and codes" : "no Chinese outside quotations and glosses"}, no internal identifier`, async (file) => {
    const example = examples().find((e) => e.file === file)!;
    const found = await packageStrings(await template(file, lang));
    // Every part is read: the sheets, the strings, the table, the chart and its drawing.
    for (const kind of ["sheet", "definedName", "strings", "cached", "table", "column", "title", "series", "drawing"]) expect(found.some((f) => f.kind === kind)).toBe(true);
    const words = userWordsOf(example);
    const problems = found.flatMap(({ what, text }) => foreign(lang, without(text, words)).map((w) => `${what}: ${w}   «${text.slice(0, 160)}»`));
    expect([...new Set(problems)].slice(0, 25)).toEqual([]);
  });
});

test("the zh-CN template's tabs, table, chart and headers are Chinese, by name", async () => {
  const found = await packageStrings(await template("shenzhen-imaging-plant.json", "zh-CN"));
  const of = (kind: string) => found.filter((f) => f.kind === kind).map((f) => f.text);
  expect(of("sheet")).toEqual(["输入", "预测", "现金", "损益", "所得税", "税后", "数值", "事件", "说明"]);
  expect(of("definedName")).toEqual(["补贴年份", "补贴上限", "补贴预期"]);
  expect(of("table")).toEqual(["输入表"]);
  expect(of("column")).toEqual(["项目", "年份", "产品", "取值", "类别", "选项", "面积", "概率", "兑现比例", "备注", "事实"]);
  expect(of("title")).toEqual(["各年度支持：上限与预期（元）"]);
  expect(of("series")).toEqual(["上限", "预期"]);
  // About calls the values sheet by its name in the workbook's language.
  expect(of("strings").some((t) => t.includes("“数值”工作表"))).toBe(true);
  expect(of("strings").some((t) => /Figures/.test(t))).toBe(false);
});

test("the checks catch what they look for", async () => {
  const zh = await template("shenzhen-imaging-plant.json", "zh-CN");
  const en = await template("shenzhen-imaging-plant.json", "en-US");
  const plant = async (bytes: Uint8Array, part: string, from: string | RegExp, to: string) => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file(part)!.async("string");
    const planted = xml.replace(from, to);
    expect(planted).not.toBe(xml);
    zip.file(part, planted);
    return packageStrings(await zip.generateAsync({ type: "uint8array" }));
  };
  // The user's words aside (the Shenzhen plant's labels are English), clean as written.
  const words = userWordsOf(examples().find((e) => e.file === "shenzhen-imaging-plant.json")!);
  const findings = (lang: Lang, found: Found[]) => found.flatMap(({ text }) => foreign(lang, without(text, words)));
  expect(findings("zh-CN", await packageStrings(zh))).toEqual([]);
  expect(findings("en-US", await packageStrings(en))).toEqual([]);
  // An English header in the zh-CN table, an English series name, an English tab, an identifier in a shared string.
  expect(findings("zh-CN", await plant(zh, "xl/tables/table1.xml", 'name="年份"', 'name="Year"'))).toEqual(["Year"]);
  expect(findings("zh-CN", await plant(zh, "xl/charts/chart1.xml", "<c:v>预期</c:v>", "<c:v>expected</c:v>"))).toContain("expected");
  expect(findings("zh-CN", await plant(zh, "xl/workbook.xml", 'name="说明"', 'name="About"'))).toContain("About");
  expect(findings("zh-CN", await plant(zh, "xl/sharedStrings.xml", "<t>情景</t>", "<t>情景 rdCost</t>"))).toContain("rdCost");
  // Chinese in the en-US template outside a gloss, and the same word as a gloss (not found).
  expect(findings("en-US", await plant(en, "xl/tables/table1.xml", 'name="Year"', 'name="年份"'))).toContain("年份");
  expect(findings("en-US", await plant(en, "xl/sharedStrings.xml", "<t>Scenario</t>", "<t>Scenario (情景)</t>"))).toEqual(expect.not.arrayContaining(["情景"]));
});
