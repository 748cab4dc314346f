import { parseScenario, ScenarioError, SCENARIO_VERSION, type Scenario } from "../engine";

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
  | { readonly kind: "schema"; readonly detail: string };

export interface StoredScenario {
  /** The custom XML part's id. */
  readonly id: string;
  readonly name?: string;
  readonly savedAt?: string;
  readonly scenario?: Scenario;
  /** Why it cannot be read; such a part is never changed by the pane. */
  readonly unreadable?: Unreadable;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

export function scenarioXml(s: Scenario, savedAt: string): string {
  return (
    `<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="${SCENARIO_VERSION}" savedAt="${escapeXml(savedAt)}">` +
    `<name>${escapeXml(s.name)}</name>` +
    `<json>${escapeXml(JSON.stringify(s))}</json>` +
    `</scenario>`
  );
}

/** A part's XML as a stored scenario, or why it cannot be read. Never throws. */
export function readScenarioXml(xml: string): Omit<StoredScenario, "id"> {
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
  const name = child("name");
  const savedAt = root.getAttribute("savedAt") ?? undefined;
  const version = root.getAttribute("schemaVersion") ?? "";
  if (version !== String(SCENARIO_VERSION)) return { name, savedAt, unreadable: { kind: "version", version } };
  let raw: unknown;
  try {
    raw = JSON.parse(child("json") ?? "");
  } catch (e) {
    return { name, savedAt, unreadable: { kind: "json", detail: e instanceof Error ? e.message : String(e) } };
  }
  try {
    return { name, savedAt, scenario: parseScenario(raw) };
  } catch (e) {
    if (e instanceof ScenarioError) return { name, savedAt, unreadable: { kind: "schema", detail: e.problems.join("; ") } };
    throw e;
  }
}

/** Every scenario stored in the workbook, readable or not, in the workbook's order. */
export async function listScenarios(): Promise<StoredScenario[]> {
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(SCENARIO_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const xml = parts.items.map((part) => ({ id: part.id, xml: part.getXml() }));
    await context.sync();
    return xml.map(({ id, xml }) => ({ id, ...readScenarioXml(xml.value) }));
  });
}

/**
 * Saves a scenario: a new part, or in place of the readable stored scenario `replaceId` (the
 * caller asked the person first). Returns the part's id.
 */
export async function saveScenario(s: Scenario, options: { readonly replaceId?: string; readonly now?: Date } = {}): Promise<string> {
  const xml = scenarioXml(s, (options.now ?? new Date()).toISOString());
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts;
    if (options.replaceId) {
      const part = parts.getItem(options.replaceId);
      // A ClientResult, read after sync (it has no load of its own).
      const current = { xml: part.getXml() };
      await context.sync();
      // Only a part the pane can read is ever replaced.
      if (readScenarioXml(current.xml.value).unreadable) throw new Error(`scenario ${options.replaceId} cannot be read; it is left untouched`);
      part.setXml(xml);
      await context.sync();
      return options.replaceId;
    }
    const part = parts.add(xml);
    part.load("id");
    await context.sync();
    return part.id;
  });
}

export async function deleteScenario(id: string): Promise<void> {
  await Excel.run(async (context) => {
    const part = context.workbook.customXmlParts.getItem(id);
    const current = { xml: part.getXml() };
    await context.sync();
    if (readScenarioXml(current.xml.value).unreadable) throw new Error(`scenario ${id} cannot be read; it is left untouched`);
    part.delete();
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
