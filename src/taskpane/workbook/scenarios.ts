import { SCENARIO_VERSION, type Scenario } from "../engine";
import { readJson, tooManyBytes, utf8Bytes } from "../../workbook/stored";
import { scenarioFormat } from "../state/work";

/**
 * Named scenarios kept inside the workbook, one custom XML part each, so they travel with the
 * file and survive save and reopen (ExcelApi 1.5).
 *
 * Why custom XML parts rather than Office settings (Office.context.document.settings): settings
 * belong to one add-in id, and a team build gets its own id (README, "Hosting for a team"), so
 * a consultant's template would lose its scenarios on a client's machine; settings are one JSON
 * blob that needs saveAsync, where a part is one scenario, read, replaced or deleted alone, so
 * a damaged one cannot take the others with it; and parts are reached through Excel.run like
 * the rest of the pane's workbook work, found by namespace, and readable by any tool that opens
 * the .xlsx (customXml/item*.xml).
 *
 *   <scenario xmlns="urn:subsidy-forecast:scenario" schemaVersion="1" savedAt="2026-11-27T10:00:00.000Z">
 *     <name>Changping class III</name>
 *     <json>{"schemaVersion":1,…}</json>
 *   </scenario>
 *
 * The namespace stays the same across schema versions; the version is the attribute (and the
 * JSON's own schemaVersion), so a newer add-in's scenario is recognised and left alone.
 */
export const SCENARIO_NAMESPACE = "urn:subsidy-forecast:scenario";

export type Unreadable =
  | { readonly kind: "xml"; readonly detail: string }
  | { readonly kind: "version"; readonly version: string }
  | { readonly kind: "json"; readonly detail: string }
  | { readonly kind: "schema"; readonly detail: string }
  /** Too large for one request of Excel on the web (see `REQUEST_LIMIT`). */
  | { readonly kind: "size" };

export interface StoredScenario {
  /** The custom XML part's id. */
  readonly id: string;
  readonly name?: string;
  readonly savedAt?: string;
  readonly scenario?: Scenario;
  /** Why it cannot be read; such a part is changed only when the person confirms its deletion. */
  readonly unreadable?: Unreadable;
  /** The part's XML as it was listed: save and delete go ahead only while it is still this. */
  readonly xml?: string;
}

/**
 * Excel on the web refuses a request or response over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", section Excel add-ins:
 * learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization),
 * with the error code RequestPayloadSizeLimitExceeded. A part the pane writes is at most
 * PART_LIMIT bytes of UTF-8, and parts are read PARTS_PER_REQUEST at a time, so a request stays
 * near 4 MiB, under the limit with room for the response's own framing.
 */
export const PART_LIMIT = 1024 * 1024;
export const PARTS_PER_REQUEST = 4;

/** XML 1.0's Char production (§2.2): anything else cannot be in a document, even as &#…;. */
const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * The part's XML. The JSON carries the scenario exactly: JSON.stringify already escapes control
 * characters and lone surrogates, and U+FFFE and U+FFFF are escaped here, so no character XML
 * forbids reaches the part. The <name> element is a label for a part that cannot be read: a
 * character XML forbids is shown there as U+FFFD.
 */
export function scenarioXml(s: Scenario, savedAt: string): string {
  const json = JSON.stringify(s).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return (
    `<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="${SCENARIO_VERSION}" savedAt="${escapeXml(savedAt.replace(notXmlChar, ""))}">` +
    `<name>${escapeXml(s.name.replace(notXmlChar, "\ufffd"))}</name>` +
    `<json>${escapeXml(json)}</json>` +
    `</scenario>`
  );
}

/** A part's XML as a stored scenario, or why it cannot be read. Never throws. */
export function readScenarioXml(xml: string): Omit<StoredScenario, "id" | "xml"> {
  if (tooManyBytes(xml)) return { unreadable: { kind: "size" } };
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, "application/xml");
  } catch (e) {
    return { unreadable: { kind: "xml", detail: e instanceof Error ? e.message : String(e) } };
  }
  const error = doc.getElementsByTagName("parsererror")[0];
  const root = doc.documentElement;
  if (error || !root || root.localName !== "scenario" || root.namespaceURI !== SCENARIO_NAMESPACE) {
    return { unreadable: { kind: "xml", detail: error ? (error.textContent ?? "").trim().split("\n")[0] : `<${root?.localName ?? "?"}> is not a scenario` } };
  }
  const child = (name: string) => Array.from(root.children).find((c) => c.localName === name)?.textContent ?? undefined;
  const name = child("name")?.slice(0, 200);
  const savedAt = root.getAttribute("savedAt")?.slice(0, 40) ?? undefined;
  const version = root.getAttribute("schemaVersion") ?? "";
  if (!/^\d{1,6}$/.test(version) || Number(version) < 1 || Number(version) > SCENARIO_VERSION) return { name, savedAt, unreadable: { kind: "version", version: version.slice(0, 20) } };
  const read = readJson(child("json") ?? "", scenarioFormat);
  // The JSON's name is the exact one; <name> may show U+FFFD for a character XML forbids.
  if (read.ok) return { name: read.value.name, savedAt, scenario: read.value };
  const a = read.aside;
  if (a.kind === "syntax") return { name, savedAt, unreadable: { kind: "json", detail: a.detail } };
  if (a.kind === "newer") return { name, savedAt, unreadable: { kind: "version", version: a.version } };
  if (a.kind === "size") return { name, savedAt, unreadable: { kind: "size" } };
  return { name, savedAt, unreadable: { kind: "schema", detail: a.detail } };
}

const tooLarge = (e: unknown): boolean => /PayloadSizeLimitExceeded/i.test(String((e as { code?: unknown })?.code ?? ""));

/**
 * Every scenario stored in the workbook, readable or not, in the workbook's order: the ids in
 * one request, then the parts PARTS_PER_REQUEST at a time. A batch Excel still finds too large
 * (a part some other writer made huge) is read in halves, and a part too large alone is listed
 * as unreadable for its size.
 */
export async function listScenarios(): Promise<StoredScenario[]> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SCENARIO_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const ids = parts.items.map((part) => part.id);
    const read = async (batch: readonly string[]): Promise<StoredScenario[]> => {
      const xml = batch.map((id) => ({ id, xml: context.workbook.customXmlParts.getItem(id).getXml() }));
      try {
        await context.sync();
      } catch (e) {
        if (!tooLarge(e)) throw e;
        if (batch.length === 1) return [{ id: batch[0], unreadable: { kind: "size" } }];
        const half = Math.ceil(batch.length / 2);
        return [...(await read(batch.slice(0, half))), ...(await read(batch.slice(half)))];
      }
      return xml.map(({ id, xml }) => ({ id, ...readScenarioXml(xml.value), xml: xml.value }));
    };
    const out: StoredScenario[] = [];
    for (let i = 0; i < ids.length; i += PARTS_PER_REQUEST) out.push(...(await read(ids.slice(i, i + PARTS_PER_REQUEST))));
    return out;
  });
}

/** A save or delete that found the part no longer as it was listed: nothing of it was lost. */
export class ScenarioChanged extends Error {
  constructor(
    readonly id: string,
    /** "changed": someone saved over it since; "gone": someone deleted it. */
    readonly how: "changed" | "gone",
  ) {
    super(`scenario ${id} was ${how === "gone" ? "deleted" : "changed"} in the workbook since it was listed`);
    this.name = "ScenarioChanged";
  }
}

export class ScenarioTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the scenario is ${bytes} bytes as stored, more than the ${PART_LIMIT} a workbook part may hold here`);
    this.name = "ScenarioTooLarge";
  }
}

export interface Saved {
  /** The part the scenario is now in. */
  readonly id: string;
  /**
   * Set when the part to replace was no longer as listed: the scenario went to a new part, and
   * the other version stays where it was (or was already deleted), so both are kept.
   */
  readonly conflict?: ScenarioChanged;
}

/** The part's XML now, or undefined when it is gone. */
async function currentXml(context: Excel.RequestContext, id: string): Promise<string | undefined> {
  const parts = context.workbook.customXmlParts.getByNamespace(SCENARIO_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  if (!parts.items.some((p) => p.id === id)) return undefined;
  const xml = context.workbook.customXmlParts.getItem(id).getXml();
  await context.sync();
  // getXml() gives a ClientResult, which has no load(): its value is read after the sync.
  // eslint-disable-next-line office-addins/load-object-before-read
  return xml.value;
}

/**
 * Saves a scenario: a new part, or in place of the listed readable scenario `replace` (the
 * caller asked the person first) while that part is still as listed. If it changed or went
 * since, the scenario is saved as a new part and the result says so. Office.js has no
 * compare-and-swap for parts: between the check and the write there is one round trip in
 * which another writer could still land; the check closes the window a person's confirm opens.
 */
export async function saveScenario(s: Scenario, options: { readonly replace?: StoredScenario; readonly now?: Date } = {}): Promise<Saved> {
  const xml = scenarioXml(s, (options.now ?? new Date()).toISOString());
  const bytes = utf8Bytes(xml);
  if (bytes > PART_LIMIT) throw new ScenarioTooLarge(bytes);
  const replace = options.replace;
  if (replace && (replace.unreadable || replace.xml === undefined)) throw new Error(`scenario ${replace.id} cannot be read; it is left untouched`);
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts;
    let conflict: ScenarioChanged | undefined;
    if (replace) {
      const now = await currentXml(context, replace.id);
      if (now === replace.xml) {
        parts.getItem(replace.id).setXml(xml);
        await context.sync();
        return { id: replace.id };
      }
      conflict = new ScenarioChanged(replace.id, now === undefined ? "gone" : "changed");
    }
    const part = parts.add(xml);
    part.load("id");
    await context.sync();
    return conflict ? { id: part.id, conflict } : { id: part.id };
  });
}

/**
 * Deletes the listed scenario, readable or not (the caller asked the person first, and said
 * when it cannot be read), while its part is still as listed. A part that changed since is kept
 * and ScenarioChanged thrown; one already gone is nothing to do.
 */
export async function deleteScenario(listed: StoredScenario): Promise<void> {
  await Excel.run(async (context) => {
    const now = await currentXml(context, listed.id);
    if (now === undefined) return;
    if (listed.xml === undefined || now !== listed.xml) throw new ScenarioChanged(listed.id, "changed");
    context.workbook.customXmlParts.getItem(listed.id).delete();
    await context.sync();
  });
}

/** A name not yet taken by a stored scenario: "Base (copy)", "Base (copy 2)"… */
export function copyName(name: string, taken: readonly string[], copy: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (${copy})` : `${name} (${copy} ${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}
