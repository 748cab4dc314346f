import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { manifestIdentity } from "../../src/cli/template-command";
import { Decimal, engine } from "../../src/engine";
import { CATALOG_PART_NAMESPACE, parseCatalogRecord } from "../../src/workbook/catalog-record";
import { sheetRegistry } from "../../src/workbook/sheets";
import { malformedParts, readTemplate, type Template } from "../support/template-reader";

/*
 * The template's package, unzipped: what Excel reads that ExcelJS cannot show (formulas in the
 * stored form, dynamic-array metadata, the web extension parts, the catalog record), and every
 * XML part well formed.
 */

const dir = mkdtempSync(join(tmpdir(), "package-"));
const root = join(__dirname, "..", "..");
const manifest = manifestIdentity(readFileSync(join(root, "manifest.xml"), "utf8"))!;
const examples = ["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"];

async function template(file: string, ...args: string[]): Promise<Template> {
  const out = join(dir, `${file}-${args.join("_").replace(/\W/g, "")}.xlsx`);
  const err: string[] = [];
  expect(await main(["template", out, "--scenario", join(root, "examples", file), "--force", ...args], { out: () => undefined, err: (t) => err.push(t) })).toBe(0);
  expect(err).toEqual([]);
  return readTemplate(out);
}

/** Every <f> of every worksheet part, unescaped. */
const formulas = (t: Template) =>
  Object.entries(t.parts)
    .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .flatMap(([, xml]) => [...xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&")));

const sheetPart = (t: Template, name: string) => {
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(t.parts["xl/workbook.xml"])![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(t.parts["xl/_rels/workbook.xml.rels"])![1];
  return t.parts[`xl/${target}`];
};

describe.each(examples)("the package of %s", (file) => {
  let t: Template;
  beforeAll(async () => {
    t = await template(file);
  });

  test("every part is well-formed XML", async () => {
    expect(await malformedParts(t.parts)).toEqual([]);
  });

  test("every SUBSIDY formula is in the stored form: _xldudf_SUBSIDY_NAME, none typed", () => {
    const all = formulas(t);
    const code = all.map((f) => f.split(/"(?:[^"]|"")*"/).join(""));
    expect(code.filter((f) => /SUBSIDY\./.test(f))).toEqual([]);
    const names = new Set(all.flatMap((f) => [...f.matchAll(/_xldudf_SUBSIDY_([A-Z]+)\(/g)].map((m) => m[1])));
    expect(names.has("FORECAST")).toBe(true);
    expect(names.has("EXPLAIN")).toBe(true);
  });

  test("the Forecast's A1 and the 万元 view are dynamic arrays: cm=1 on the cell, XLDAPR cell metadata, its content type and relationship", () => {
    const forecast = sheetPart(t, "Forecast");
    expect(forecast).toMatch(/<c r="A1" cm="1"[^>]*><f t="array" ref="A1:[A-Z]+\d+">_xldudf_SUBSIDY_FORECAST\(Inputs\[#All\]\)<\/f>/);
    expect(forecast).toMatch(/<c r="A35" cm="1"[^>]*><f t="array" ref="A35:[A-Z]+\d+">IF\(ISNUMBER\(_xlfn\.ANCHORARRAY\(A1\)\)/);
    const metadata = t.parts["xl/metadata.xml"];
    expect(metadata).toContain('<metadataType name="XLDAPR"');
    expect(metadata).toMatch(/<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"\/>/);
    expect(metadata).toMatch(/<cellMetadata count="1"><bk><rc t="1" v="0"\/><\/bk><\/cellMetadata>/);
    expect(t.parts["[Content_Types].xml"]).toContain('<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>');
    expect(t.parts["xl/_rels/workbook.xml.rels"]).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"/);
    // Excel 2019/365's engine id, so an Excel without the add-in keeps the cached figures.
    expect(t.parts["xl/workbook.xml"]).toContain('<calcPr calcId="191029"');
  });

  test("the chart reads the spill through sheet names over A1#, with the figures cached", () => {
    const workbook = t.parts["xl/workbook.xml"];
    for (const [name, column] of [["SubsidyYears", "A"], ["SubsidyCeiling", "B"], ["SubsidyExpected", "C"]])
      expect(workbook).toContain(`<definedName name="${name}" localSheetId="1">OFFSET(Forecast!$${column}$2,0,0,ROWS(_xlfn.ANCHORARRAY(Forecast!$A$1))-2,1)</definedName>`);
    const chart = t.parts["xl/charts/chart1.xml"];
    expect([...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1])).toEqual(["Forecast!$B$1", "Forecast!SubsidyYears", "Forecast!SubsidyCeiling", "Forecast!$C$1", "Forecast!SubsidyYears", "Forecast!SubsidyExpected"]);
    expect(sheetPart(t, "Forecast")).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(t.parts["xl/drawings/_rels/drawing1.xml.rels"]).toContain('Target="../charts/chart1.xml"');
    // The cached years are the forecast's horizon.
    const years = [...chart.matchAll(/<c:cat>.*?<\/c:cat>/g)][0][0];
    const scenario = JSON.parse(readFileSync(join(root, "examples", file), "utf8"));
    expect([...years.matchAll(/<c:v>(\d+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(Array.from({ length: scenario.horizon.to - scenario.horizon.from + 1 }, (_, i) => scenario.horizon.from + i));
  });

  test("the web extension names the manifest's add-in, opens its pane with the document, and is related from the package root", () => {
    const we = t.parts["xl/webextensions/webextension1.xml"];
    expect(we).toContain(`<we:reference id="${manifest.id}" version="${manifest.version}" store="developer" storeType="Registry"/><we:alternateReferences/>`);
    expect(we).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    // A sideloaded add-in is on no reader's machine: visibility 0, so elsewhere the setting is ignored rather than prompting.
    expect(t.parts["xl/webextensions/taskpanes.xml"]).toMatch(/<wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref [^>]*r:id="rId1"\/>/);
    expect(t.parts["xl/webextensions/_rels/taskpanes.xml.rels"]).toContain('Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"');
    expect(t.parts["_rels/.rels"]).toContain('Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"');
    expect(t.parts["[Content_Types].xml"]).toContain('ContentType="application/vnd.ms-office.webextension+xml"');
    expect(t.parts["[Content_Types].xml"]).toContain('ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"');
  });

  test("the web extension lists exactly the custom functions the sheets call, in Excel's customFunctionIdList", () => {
    // Read from the formulas themselves, independently of the writer: every _xldudf_SUBSIDY_ name.
    const used = [...new Set(formulas(t).flatMap((f) => [...f.matchAll(/_xldudf_SUBSIDY_([A-Z]+)\(/g)].map((m) => `_xldudf_SUBSIDY_${m[1]}`)))].sort();
    expect(used).toEqual(expect.arrayContaining(["_xldudf_SUBSIDY_EXPLAIN", "_xldudf_SUBSIDY_FORECAST"]));
    const we = t.parts["xl/webextensions/webextension1.xml"];
    const list = /<we:extLst><a:ext xmlns:a="http:\/\/schemas\.openxmlformats\.org\/drawingml\/2006\/main" uri="\{7C84B067-C214-45C3-A712-C9D94CD141B2\}"><we:customFunctionIdList>(.*?)<\/we:customFunctionIdList><\/a:ext><\/we:extLst><\/we:webextension>$/.exec(we);
    expect(list).not.toBeNull();
    expect([...list![1].matchAll(/<we:customFunctionIds>([^<]+)<\/we:customFunctionIds>/g)].map((m) => m[1])).toEqual(used);
  });

  test("every custom-function cell is stored as Excel 365 stores it: cm=\"1\" and a t=\"array\" formula", () => {
    const cells = Object.entries(t.parts)
      .filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .flatMap(([, xml]) => [...xml.matchAll(/<c (?:[^>/]|\/(?!>))*>(?:(?!<\/c>).)*<\/c>/g)].map((m) => m[0]).filter((c) => c.includes("_xldudf_")));
    // The Events sheet alone has two per priced event, so there are more than the five view anchors and the Forecast's.
    expect(cells.length).toBeGreaterThan(6);
    for (const c of cells) expect(c).toMatch(/^<c r="[A-Z]+\d+" cm="1"[^>]*><f t="array" ref="[A-Z]+\d+(:[A-Z]+\d+)?">/);
  });

  test("the workbook opens on the values sheet, which comes right after the live sheets it mirrors", () => {
    const names = t.workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(["Inputs", "Forecast", "Cash", "Profit and loss", "Tax", "After tax", "Figures", "Events", "About"]);
    expect(t.parts["xl/workbook.xml"]).toMatch(/<workbookView [^>]*activeTab="6"/);
    const selected = names.filter((n) => /<sheetView [^>]*tabSelected="1"/.test(sheetPart(t, n)));
    expect(selected).toEqual(["Figures"]);
  });

  test("every live sheet has a line pointing to the values sheet, clear of what its formulas spill", () => {
    for (const spec of sheetRegistry.filter((s) => s.kind === "live")) {
      expect(t.workbook.getWorksheet(spec.names["en-US"])!.getCell(spec.pointer!).value).toMatch(/the figures as computed, as plain values, are on the sheet “Figures”/);
    }
    // Below the largest table each formula can spill: Forecast's 32 rows, a view's 33.
    expect(Number(sheetRegistry.find((s) => s.id === "forecast")!.pointer!.slice(1))).toBe(33);
    for (const id of ["cash", "pl", "tax", "aftertax"]) expect(Number(sheetRegistry.find((s) => s.id === id)!.pointer!.slice(1))).toBe(34);
  });

  test("every sheet prints fitted to the page's width, title rows repeated, live sheets with a page header pointing to the values sheet", () => {
    for (const spec of sheetRegistry) {
      const xml = sheetPart(t, spec.names["en-US"]);
      expect(xml).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(new RegExp(`<pageSetup [^>]*orientation="${spec.print.orientation}"[^>]*fitToWidth="1" fitToHeight="0"`));
      if (spec.kind === "live" || spec.kind === "inputs") expect(xml).toMatch(/<oddHeader>&amp;CWithout the Subsidy Forecast add-in these formulas show #NAME\?: the figures as computed, as plain values, are on the sheet “Figures”\.<\/oddHeader>/);
      else expect(xml).not.toContain("<oddHeader>");
    }
    const titles = [...t.parts["xl/workbook.xml"].matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]+)<\/definedName>/g)].map((m) => [Number(m[1]), m[2].replace(/&apos;/g, "'")]);
    expect(titles).toEqual(sheetRegistry.flatMap((s, i) => (s.print.titleRows ? [[i, `'${s.names["en-US"]}'!$1:$1`]] : [])));
  });

  test("docProps name this product and its version as the application, not Microsoft Excel", () => {
    const app = t.parts["docProps/app.xml"];
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(app).toContain(`<Application>subsidy-forecast ${pkg.version}</Application>`);
    expect(app).not.toMatch(/Microsoft|<AppVersion>/);
    expect(t.parts["docProps/core.xml"]).toContain("<dc:creator>subsidy-forecast</dc:creator>");
    expect(t.parts["docProps/core.xml"]).toContain("<cp:lastModifiedBy>subsidy-forecast</cp:lastModifiedBy>");
  });

  test("the catalog part records the catalog version and the figures of the clauses used", () => {
    const part = Object.entries(t.parts).find(([name, xml]) => /^customXml\/item\d+\.xml$/.test(name) && xml.includes(CATALOG_PART_NAMESPACE));
    expect(part).toBeDefined();
    const record = parseCatalogRecord(part![1])!;
    expect(record.version).toBe(engine().catalog.version);
    expect(record.computed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(record.clauses.length).toBeGreaterThan(0);
    expect(t.parts["xl/_rels/workbook.xml.rels"]).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);
  });
});

test("the manifest's pane button is the one a document opens: TaskpaneId Office.AutoShowTaskpaneWithDocument", () => {
  // [MS-OWEMXML]: a ShowTaskpane action with this TaskpaneId is shown when a file whose web
  // extension references the add-in and sets Office.AutoShowTaskpaneWithDocument to true opens.
  expect(readFileSync(join(root, "manifest.xml"), "utf8")).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Office\.AutoShowTaskpaneWithDocument<\/TaskpaneId>/);
});

test("the Changping startup's record holds 第五条（一）'s figures as the text sets them: 30%, 300万元 a certificate, 3000万元 a year", async () => {
  // 昌平 第五条（一）: "按照不超过取证产品研发投入的30%，单个注册证给予最高300万元支持，单个企业每年最高支持3000万元"; a draft.
  const t = await template("changping-device-startup.json");
  const record = parseCatalogRecord(Object.values(t.parts).find((x) => x.includes(CATALOG_PART_NAMESPACE))!)!;
  expect(record.clauses.find((c) => c.id === "changping-device/5.1")?.figures).toEqual([
    { kind: "rate", value: "0.3" },
    { kind: "cap", value: "3000000" },
    { kind: "annualCap", value: "30000000" },
    { kind: "status", value: "draft" },
  ]);
});

test.each([
  ["share=\\\\fileserver\\addins", 'store="\\\\fileserver\\addins" storeType="FileSystem"/><we:alternateReferences/>'],
  ["admin", 'store="EXCatalog" storeType="EXCatalog"/><we:alternateReferences/>'],
  // AppSource: the reference repeated with the asset id as its store, as Office-saved files carry it.
  ["appsource=WA200000001", 'id="WA200000001" version="0.1.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences><we:reference id="WA200000001" version="0.1.0.0" store="WA200000001" storeType="OMEX"/></we:alternateReferences>'],
])("--store %s names the add-in in that catalog, with the pane visible so a reader without the add-in is prompted", async (store, expected) => {
  const t = await template("changping-device-startup.json", "--store", store);
  expect(t.parts["xl/webextensions/webextension1.xml"]).toContain(expected);
  // Microsoft: "If you want to distribute your add-in with the document, so that users are prompted to install it, you must set the visibility property to 1."
  expect(t.parts["xl/webextensions/taskpanes.xml"]).toMatch(/<wetp:taskpane dockstate="right" visibility="1" /);
  expect(t.parts["xl/webextensions/webextension1.xml"]).toContain("<we:customFunctionIdList>");
  // The instance id is a GUID in braces, as Office writes it, whatever the reference's id (an AppSource asset id is none).
  expect(t.parts["xl/webextensions/webextension1.xml"]).toMatch(/<we:webextension [^>]*id="\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}"/i);
  expect(await malformedParts(t.parts)).toEqual([]);
});

test("--store none writes no web extension; a wrong --store is refused", async () => {
  const t = await template("changping-device-startup.json", "--store", "none");
  expect(Object.keys(t.parts).filter((p) => p.includes("webextension"))).toEqual([]);
  expect(t.parts["_rels/.rels"]).not.toContain("webextension");
  const err: string[] = [];
  expect(await main(["template", join(dir, "x.xlsx"), "--store", "sharepoint"], { out: () => undefined, err: (e) => err.push(e) })).toBe(2);
  expect(err.join("\n")).toMatch(/--store must be registry, share=PATH, admin, appsource=ASSETID or none/);
});

test("--lang zh-CN names every tab in Chinese and writes the values sheet in Chinese; formulas name the sheets as they are called", async () => {
  const t = await template("changping-device-startup.json", "--lang", "zh-CN");
  expect(t.workbook.worksheets.map((w) => w.name)).toEqual(["输入", "预测", "现金", "损益", "所得税", "税后", "数值", "事件", "说明"]);
  expect(t.workbook.getWorksheet("数值")!.getCell("A2").value).toBe("情景");
  expect(t.parts["xl/workbook.xml"].replace(/&apos;/g, "'")).toContain(`<definedName name="补贴年份" localSheetId="1">OFFSET('预测'!$A$2,0,0,ROWS(_xlfn.ANCHORARRAY('预测'!$A$1))-2,1)</definedName>`);
  expect(formulas(t).filter((f) => f.includes("_xldudf_SUBSIDY_REGISTRATION"))[0]).toMatch(/^_xldudf_SUBSIDY_REGISTRATION\('输入'!E\d+,'输入'!D\d+,'输入'!\$F\$\d+,/);
  expect(formulas(t).join("\n")).not.toMatch(/\b(Inputs|Forecast)!/);
  expect(t.workbook.getWorksheet("预测")!.getCell("A33").value).toBe("未安装“政策补贴测算”加载项时，本表的公式显示 #NAME?：计算时的数值（纯数值）见“数值”工作表。");
});

test("the values sheet carries the year table in 万元 too: every amount ÷ 10,000, 2028's expected 1,000 万元", async () => {
  // changping-device-startup: 2028's expected is 10,000,000 yuan (test/forecast/changping-device-startup.test.ts) = 1,000 万元.
  const t = await template("changping-device-startup.json", "--lang", "en-US");
  const ws = t.workbook.getWorksheet("Figures")!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as unknown[]).slice(1)));
  const yuanHeader = rows.findIndex((r) => r?.[0] === "Year" && r[1] === "Ceiling (yuan)");
  const wanHeader = rows.findIndex((r) => r?.[0] === "Year" && r[1] === "Ceiling (万元)");
  expect(rows[wanHeader - 1]?.[0]).toBe("The same table in 万元 (yuan ÷ 10,000)");
  const block = (at: number) => rows.slice(at + 1, rows.findIndex((r, i) => i > at && r?.[0] === "Total") + 1);
  const yuan = block(yuanHeader);
  const wan = block(wanHeader);
  expect(wan.length).toBe(yuan.length);
  wan.forEach((row, i) => row.forEach((v, c) => expect(v).toEqual(c === 0 ? yuan[i][c] : new Decimal(String(yuan[i][c])).dividedBy(10000).toNumber())));
  expect(wan.find((r) => r[0] === 2028)![2]).toBe(1000);
  expect(ws.getCell(wanHeader + 2, 2).numFmt).toBe("#,##0.00####");
});
