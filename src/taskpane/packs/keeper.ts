import { PacksPartRefused, packsPartXml, readPacksPart, readPacksParts, type StoredPack } from "../../workbook/packs-part";
import type { SetAside } from "../../workbook/stored";
import { loadWith, saveText } from "../state/storage";
import { inExcel, KEY, PACKS_PART_NAMESPACE } from "./kept";

/*
 * Where the added packs are kept. In Excel: the workbook's packs part (custom XML, beside the
 * catalog record), so whoever opens the workbook with the add-in computes the same figures and
 * the custom functions read the same packs (src/functions/packs.ts). In a plain browser
 * (preview): the pane's storage, holding the same XML. Both are read back by the part's one
 * bounded reader (readPacksPart); what it cannot read is kept as it was and said, never
 * overwritten: in the workbook the part stays beside the one written, in storage it is set aside.
 */

export interface Kept {
  readonly packs: readonly StoredPack[];
  readonly aside?: SetAside;
}

/** The packs kept in the workbook (the last part it can read) or, outside Excel, in storage. */
export async function readKept(): Promise<Kept> {
  if (!inExcel()) {
    const loaded = loadWith(KEY, readPacksPart);
    return { packs: loaded.value ?? [], aside: loaded.aside };
  }
  return Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PACKS_PART_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const xml = parts.items.map((p) => p.getXml());
    await context.sync();
    const read = readPacksParts(xml.map((x) => x.value));
    if (!read) return { packs: [] };
    return read.ok ? { packs: read.value } : { packs: [], aside: read.aside };
  });
}

/** Keeps these packs in place of those kept. Throws (PacksPartRefused, or Excel's error) when they cannot be kept: nothing is changed then. */
export async function keep(packs: readonly StoredPack[]): Promise<void> {
  const xml = packsPartXml(packs);
  if (!inExcel()) {
    if (!saveText(KEY, xml)) throw new Error("storage refused");
    return;
  }
  await Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PACKS_PART_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
    await context.sync();
    // The parts this version reads are replaced; one it cannot read (a newer, a damaged one) stays as it is.
    xmls.filter(({ xml }) => readPacksPart(xml.value).ok).forEach(({ p }) => p.delete());
    if (packs.length) context.workbook.customXmlParts.add(xml);
    await context.sync();
  });
}

/** Why packs could not be kept, as the notice quotes it: the pack and field the part refused, or Excel's own message. */
export const keepProblem = (e: unknown): string => (e instanceof PacksPartRefused ? `${e.pack}: ${e.field} (${e.detail})` : e instanceof Error ? e.message : String(e));
