import JSZip from "jszip";
import { quoteSheet } from "./sheets";
import { escapeXml } from "./xml-text";

/**
 * What ExcelJS does not write, added to its .xlsx package in this one place:
 *
 * - Dynamic arrays. A cell whose formula spills carries `cm="1"`, pointing at the XLDAPR cell
 *   metadata in xl/metadata.xml (`xda:dynamicArrayProperties fDynamic="1"`), with the part's
 *   content type and the workbook's sheetMetadata relationship. Without it Excel reads
 *   `<f t="array">` as a legacy fixed-size (Ctrl+Shift+Enter) array that cannot grow. Shape as
 *   Excel writes it: [MS-XLSX] 2.6.x (dynamicArrayProperties, in
 *   DocumentFormat.OpenXml.Office2019.Excel.DynamicArray), and the parts other writers emit for
 *   Excel (SheetJS modules/51_xlmeta.js, XlsxWriter's dynamic array support).
 * - The calculation engine id. ExcelJS writes calcId 171027 (Excel 2016); a workbook whose calcId
 *   is below the opening Excel's engine is recalculated in full on open ([MS-XLS] RecalcId, the
 *   same identifier: "If the value is less than the recalculation engine identifier associated
 *   with the application, the application will recalculate the results of all formulas on this
 *   workbook immediately after loading the file"), and a reader without the add-in would then
 *   see #NAME? in place of the cached figures. 191029 is the id Excel 2019 and Microsoft 365 write; a later engine still
 *   recalculates, which only real Excel can show.
 * - The add-in, travelling with the file: xl/webextensions/webextension1.xml (a reference to the
 *   add-in's id, version and store, and Office.AutoShowTaskpaneWithDocument) and taskpanes.xml,
 *   related from the package root, as [MS-OWEXML] 2.2 and Microsoft's "Automatically open a
 *   task pane with a document" describe. The pane's visibility depends on the store: "If you want
 *   to distribute your add-in with the document, so that users are prompted to install it, you
 *   must set the visibility property to 1" (that page), so a file naming a catalog its readers
 *   share (a network share, Centralized Deployment, AppSource) carries 1; a sideloaded add-in
 *   (Registry, store "developer") exists only on the machine that sideloaded it, so its file
 *   carries 0, and the autoopen setting is then ignored where the add-in is not installed ("the
 *   autoopen feature will not work and the setting will be ignored", the same page) instead of
 *   prompting for an add-in nobody else can get. An AppSource reference repeats itself in
 *   alternateReferences with the asset id as its store, as Office-saved files do.
 * - The custom functions the workbook uses, listed as Excel lists them in the web extension's
 *   extLst (an Excel-saved workbook, evelyn-chrono/officejs-custom-functions-name-error-repro,
 *   "Custom Functions Protected Sheet Repro.xlsx": `<a:ext uri="{7C84B067-…}"><we:customFunctionIdList>
 *   <we:customFunctionIds>_xldudf_CONTOSO_ADD</we:customFunctionIds>…`). Undocumented: [MS-OWEXML]
 *   2.2.13 names the type CT_CustomFunctionList ("a list of custom functions of the Office
 *   Add-in") with customFunctionIds children, but not the element name or the ext uri Excel uses.
 *   The list is read from the package's own formulas, so it is exactly what the sheets call.
 * - Honest provenance: docProps/app.xml names this product and its version, not ExcelJS's
 *   default "Microsoft Excel" 16.0300.
 * - Custom XML parts (customXml/itemN.xml with its itemProps), which Office.js reads through
 *   workbook.customXmlParts.
 * - A column chart over a spill. A chart series cannot name `A1#` itself; it names a defined
 *   name whose formula does (OFFSET(…, ROWS(A1#)…)), so the chart grows with the table. Parts
 *   as ECMA-376 Part 1 lays them out: xl/drawings/drawing1.xml (§20.5, a twoCellAnchor holding
 *   the chart's graphicFrame), xl/charts/chart1.xml (§21.2), the sheet's <drawing r:id> and
 *   the names in workbook.xml's <definedNames> (sheet-scoped, localSheetId).
 */

export type StoreType = "Registry" | "FileSystem" | "EXCatalog" | "OMEX";

/** Where Excel finds the add-in's manifest ([MS-OWEXML] 2.2.5 CT_OsfWebExtensionReference). */
export interface AddinReference {
  /** The manifest's <Id> (an AppSource asset id for OMEX). */
  readonly id: string;
  /** The manifest's <Version>. */
  readonly version: string;
  readonly storeType: StoreType;
  /** The catalog: the share's UNC path (FileSystem), "developer" (Registry), "EXCatalog", or a locale (OMEX). */
  readonly store: string;
}

/** A defined name scoped to one sheet, its formula in the stored form (src/workbook/formula.ts). */
export interface SheetName {
  readonly name: string;
  readonly formula: string;
}

export interface ChartSeries {
  /** The series' title, and the cell holding it (sheet-qualified). */
  readonly label: string;
  readonly labelRef: string;
  readonly values: SheetName;
  /** The values as cached, so the chart shows before anything recalculates. */
  readonly cache: readonly number[];
}

export interface ColumnChart {
  readonly sheet: string;
  readonly title: string;
  /** Top-left and bottom-right cells ("M2", "T20"). */
  readonly from: string;
  readonly to: string;
  readonly categories: SheetName;
  readonly categoryCache: readonly number[];
  readonly series: readonly ChartSeries[];
}

export interface PackageAdditions {
  /** Cells whose formula is a dynamic array (a spill, or a custom function's one cell): the anchors, by sheet name. */
  readonly dynamicArrays: readonly { readonly sheet: string; readonly cell: string }[];
  readonly addin?: AddinReference;
  /** Custom XML parts, each a complete XML document. */
  readonly customXml: readonly string[];
  readonly chart?: ColumnChart;
  /** The product that wrote the file, for docProps/app.xml. */
  readonly application: { readonly name: string; readonly version: string };
}

const CURRENT_CALC_ID = "191029";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const partNames = {
  metadata: "xl/metadata.xml",
  webextension: "xl/webextensions/webextension1.xml",
  taskpanes: "xl/webextensions/taskpanes.xml",
  taskpanesRels: "xl/webextensions/_rels/taskpanes.xml.rels",
} as const;

const metadataXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/**
 * The web extension's instance id, a GUID in braces as Office writes it: the add-in's id where it
 * is a GUID (as Microsoft's sideload workbook has it), else (an AppSource asset id, WA…) a GUID
 * derived from it (48-bit FNV-1a), so the same add-in gets the same instance id in every file.
 */
function instanceId(id: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return `{${id}}`;
  let h = 0xcbf29ce484222325n;
  for (const ch of id) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 0x100000001b3n) & 0xffffffffffffn;
  return `{5D1C0A7E-0000-4000-8001-${h.toString(16).toUpperCase().padStart(12, "0")}}`;
}

/**
 * The pane's visibility per store: 1 (open it, prompting a reader who lacks the add-in to trust
 * or install it) where readers can get the add-in from the catalog the file names; 0 for a
 * sideloaded add-in, which no other machine has.
 */
export const visibilityFor = (storeType: StoreType): 0 | 1 => (storeType === "Registry" ? 0 : 1);

/** The ext uri under which Excel writes customFunctionIdList (observed, see above). */
const CUSTOM_FUNCTION_IDS_EXT = "{7C84B067-C214-45C3-A712-C9D94CD141B2}";

function webextensionXml(a: AddinReference, functionIds: readonly string[]): string {
  const reference = (store: string) => `<we:reference id="${escapeXml(a.id)}" version="${escapeXml(a.version)}" store="${escapeXml(store)}" storeType="${a.storeType}"/>`;
  const alternates = a.storeType === "OMEX" ? `<we:alternateReferences>${reference(a.id)}</we:alternateReferences>` : "<we:alternateReferences/>";
  const ids = functionIds.map((id) => `<we:customFunctionIds>${escapeXml(id)}</we:customFunctionIds>`).join("");
  const extLst = functionIds.length
    ? `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="${CUSTOM_FUNCTION_IDS_EXT}"><we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${escapeXml(instanceId(a.id))}">${reference(a.store)}${alternates}<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/>${extLst}</we:webextension>`;
}

const taskpanesXml = (visibility: 0 | 1) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="${visibility}" width="350" row="4"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;

/** Every custom function the worksheets call, in the stored form (`_xldudf_SUBSIDY_FORECAST`), sorted. */
async function customFunctionIds(zip: JSZip): Promise<string[]> {
  const ids = new Set<string>();
  for (const part of (await sheetParts(zip)).values()) {
    const xml = await text(zip, part);
    for (const f of xml.matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) for (const m of f[1].matchAll(/(?<![\w.])(_xldudf_[A-Za-z0-9_.]+)\(/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

/** docProps/app.xml naming the product that wrote the file, in place of ExcelJS's "Microsoft Excel" 16.0300. */
function applicationXml(xml: string, app: { name: string; version: string }): string {
  // AppVersion is optional and has Excel's form (XX.YYYY): an Excel version, not ours, so it is left out.
  return xml.replace(/<Application>[^<]*<\/Application>/, `<Application>${escapeXml(`${app.name} ${app.version}`)}</Application>`).replace(/<AppVersion>[^<]*<\/AppVersion>/, "");
}

const rels = (items: readonly { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;

/** Add a relationship to a .rels part, with the next free rId. */
function addRelationship(xml: string, type: string, target: string): string {
  const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return xml.replace("</Relationships>", `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`);
}

const addOverride = (types: string, part: string, contentType: string) => types.replace("</Types>", `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the package has no ${name}`);
  return file.async("string");
}

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const relsXml = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map([...relsXml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) out.set(m[1], `xl/${targets.get(m[2])}`);
  return out;
}

const guid = (n: number) => `{5D1C0A7E-0000-4000-8000-${String(n).padStart(12, "0")}}`;

const DRAWING = "http://schemas.openxmlformats.org/drawingml/2006";

/** "M2" → 0-based column and row, as a drawing anchor counts them. */
function cellIndex(address: string): { col: number; row: number } {
  const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { col: [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(row) - 1 };
}

const numCache = (values: readonly number[], format: string) =>
  `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;

function chartXml(chart: ColumnChart): string {
  const ref = (n: SheetName) => escapeXml(`${quoteSheet(chart.sheet)}!${n.name}`);
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${escapeXml(s.labelRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.label)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/><c:cat><c:numRef><c:f>${ref(chart.categories)}</c:f>${numCache(chart.categoryCache, "General")}</c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(s.values)}</c:f>${numCache(s.cache, "#,##0")}</c:numRef></c:val></c:ser>`,
    )
    .join("");
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${DRAWING}/chart" xmlns:a="${DRAWING}/main" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>${axes}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}

/** The chart's drawing, named by its title (Excel's Selection Pane shows the name: in the workbook's language). */
function drawingXml(chart: ColumnChart): string {
  const anchor = (tag: string, at: { col: number; row: number }) => `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${DRAWING}/spreadsheetDrawing" xmlns:a="${DRAWING}/main"><xdr:twoCellAnchor editAs="oneCell">${anchor("from", cellIndex(chart.from))}${anchor("to", cellIndex(chart.to))}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${DRAWING}/chart"><c:chart xmlns:c="${DRAWING}/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

/** Put the chart's parts in the package and its names in workbook.xml. */
async function addChart(zip: JSZip, chart: ColumnChart, types: string): Promise<string> {
  const parts = await sheetParts(zip);
  const part = parts.get(chart.sheet);
  if (!part) throw new Error(`no sheet ${chart.sheet} in the package`);
  const sheetIndex = [...parts.keys()].indexOf(chart.sheet);
  zip.file("xl/charts/chart1.xml", chartXml(chart));
  zip.file("xl/drawings/drawing1.xml", drawingXml(chart));
  zip.file("xl/drawings/_rels/drawing1.xml.rels", rels([{ id: "rId1", type: `${REL}/chart`, target: "../charts/chart1.xml" }]));
  const relsName = part.replace(/([^/]+)$/, "_rels/$1.rels");
  const sheetRels = zip.file(relsName) ? await text(zip, relsName) : rels([]);
  const withDrawing = addRelationship(sheetRels, `${REL}/drawing`, "../drawings/drawing1.xml");
  const id = [...withDrawing.matchAll(/Id="([^"]+)"[^>]*Target="\.\.\/drawings\/drawing1\.xml"/g)][0][1];
  zip.file(relsName, withDrawing);
  const sheet = await text(zip, part);
  // In CT_Worksheet's sequence <drawing> follows the page setup and precedes legacyDrawing, tableParts and extLst.
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheet);
  const at = before ? before.index : sheet.lastIndexOf("</worksheet>");
  zip.file(part, `${sheet.slice(0, at)}<drawing r:id="${id}"/>${sheet.slice(at)}`);
  const names = [chart.categories, ...chart.series.map((s) => s.values)]
    .map((n) => `<definedName name="${escapeXml(n.name)}" localSheetId="${sheetIndex}">${escapeXml(n.formula)}</definedName>`)
    .join("");
  const workbook = await text(zip, "xl/workbook.xml");
  zip.file(
    "xl/workbook.xml",
    workbook.includes("<definedNames>") ? workbook.replace("<definedNames>", `<definedNames>${names}`) : workbook.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`),
  );
  return addOverride(addOverride(types, "xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"), "xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
}

export async function completePackage(xlsx: Uint8Array, add: PackageAdditions): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  let types = await text(zip, "[Content_Types].xml");
  let workbookRels = await text(zip, "xl/_rels/workbook.xml.rels");

  if (add.dynamicArrays.length) {
    const parts = await sheetParts(zip);
    for (const { sheet, cell } of add.dynamicArrays) {
      const part = parts.get(sheet);
      if (!part) throw new Error(`no sheet ${sheet} in the package`);
      const xml = await text(zip, part);
      const anchor = new RegExp(`<c r="${cell}"(?=[ >])`);
      if (!anchor.test(xml) || !new RegExp(`<c r="${cell}"[^>]*><f t="array"`).test(xml)) throw new Error(`${sheet}!${cell} holds no array formula`);
      zip.file(part, xml.replace(anchor, `<c r="${cell}" cm="1"`));
    }
    zip.file(partNames.metadata, metadataXml);
    types = addOverride(types, partNames.metadata, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml");
    workbookRels = addRelationship(workbookRels, `${REL}/sheetMetadata`, "metadata.xml");
  }

  const workbook = await text(zip, "xl/workbook.xml");
  zip.file("xl/workbook.xml", workbook.replace(/<calcPr calcId="\d+"/, `<calcPr calcId="${CURRENT_CALC_ID}"`));

  if (add.addin) {
    zip.file(partNames.webextension, webextensionXml(add.addin, await customFunctionIds(zip)));
    zip.file(partNames.taskpanes, taskpanesXml(visibilityFor(add.addin.storeType)));
    zip.file(partNames.taskpanesRels, rels([{ id: "rId1", type: "http://schemas.microsoft.com/office/2011/relationships/webextension", target: "webextension1.xml" }]));
    types = addOverride(types, partNames.webextension, "application/vnd.ms-office.webextension+xml");
    types = addOverride(types, partNames.taskpanes, "application/vnd.ms-office.webextensiontaskpanes+xml");
    const root = await text(zip, "_rels/.rels");
    zip.file("_rels/.rels", addRelationship(root, "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", partNames.taskpanes));
  }

  if (add.chart) types = await addChart(zip, add.chart, types);

  add.customXml.forEach((xml, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, xml);
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid(n)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
    );
    zip.file(`customXml/_rels/item${n}.xml.rels`, rels([{ id: "rId1", type: `${REL}/customXmlProps`, target: `itemProps${n}.xml` }]));
    types = addOverride(types, `customXml/itemProps${n}.xml`, "application/vnd.openxmlformats-officedocument.customXmlProperties+xml");
    workbookRels = addRelationship(workbookRels, `${REL}/customXml`, `../customXml/item${n}.xml`);
  });

  zip.file("docProps/app.xml", applicationXml(await text(zip, "docProps/app.xml"), add.application));
  zip.file("[Content_Types].xml", types);
  zip.file("xl/_rels/workbook.xml.rels", workbookRels);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
