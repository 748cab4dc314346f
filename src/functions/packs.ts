import { isRegionProblem, regionReach, type Lang } from "../engine/core";
import { PACKS_PART_NAMESPACE } from "../workbook/packs-namespace";
import type { StoredPack } from "../workbook/packs-part";
import { notePlaces } from "./coerce";
import { loadRest } from "./loaded";
import type { Outcome, PackStatus } from "./packs-apply";

/*
 * The policy packs of the workbook this runtime serves (issue 17, DESIGN "Policy packs"), one
 * registry for the SUBSIDY functions and the task pane in the shared runtime.
 *
 * Custom functions calculate as the workbook opens, often before the pane is shown. The first
 * SUBSIDY call starts a one-time read of the workbook's packs part (Office.js
 * customXmlParts.getByNamespace, ExcelApi 1.5); a call whose region the catalog does not know
 * waits for it and answers from the packs, a call whose region it knows answers at once. The
 * reading and checking (packs-apply.ts: readPacksPart, then readPack and checkPacks as `pack
 * check` does) are a chunk loaded after the rest chunk, only when the workbook has a packs part
 * (or the pane installs one): a workbook without packs never loads them. When packs come into use after cells have answered,
 * Excel is asked to recalculate (application.calculate(full): "mark all cells as dirty and then
 * recalculate them", learn.microsoft.com/javascript/api/excel/excel.calculationtype), so cells
 * of a place the built-in catalog also knows take the packs' entries too.
 *
 * The task pane (same runtime) reaches the registry as globalThis.SubsidyPacks:
 *   loaded(lang?)       Promise<PacksReport>: the workbook's packs once read (each "used",
 *                       "awaitsApproval" or "refused"), the catalog version, and every problem in
 *                       `lang` (default en-US).
 *   apply(packs, lang?) Promise<PacksReport>: the packs the workbook now carries (after the pane
 *                       wrote them with packsPartXml: installed, removed or approved), checked
 *                       and put to use in place of the previous ones, then Excel asked to
 *                       recalculate. It does not write the part.
 * A pack's place is known to the cells once it is in use; a replacing pack's is not until the
 * workbook marks it approved and apply is called again.
 */

export interface PacksReport {
  readonly packs: readonly PackStatus[];
  readonly catalogVersion?: string;
  readonly problems: readonly string[];
}

let outcome: Outcome | undefined;
let reading: Promise<void> | undefined;
let read = false;
/** Some cell answered from the catalog before the packs were read: recalculate if they change it. */
let answeredEarly = false;

/** Office.js's Excel, where this runtime has it (not in a JavaScript-only runtime, nor the vm tests without one). */
const excel = (): typeof Excel | undefined => (typeof Excel !== "undefined" && typeof Excel?.run === "function" ? Excel : undefined);

/** Every packs part's XML (the pane writes one; one it cannot read may stay beside it), or undefined when the workbook has none. */
async function partsXml(xl: typeof Excel): Promise<string[] | undefined> {
  return xl.run(async (context) => {
    const parts = context.workbook.customXmlParts.getByNamespace(PACKS_PART_NAMESPACE);
    parts.load("items/id");
    await context.sync();
    if (!parts.items.length) return undefined;
    const xml = parts.items.map((part) => part.getXml());
    await context.sync();
    // getXml() gives a ClientResult, which has no load(): its value is read after the sync.
    // eslint-disable-next-line office-addins/load-object-before-read
    return xml.map((x) => x.value);
  });
}

/** Asks Excel to recalculate every cell, so those that answered before the packs changed answer again. */
async function recalculate(xl: typeof Excel): Promise<void> {
  try {
    await xl.run(async (context) => {
      context.workbook.application.calculate(xl.CalculationType?.full ?? "Full");
      await context.sync();
    });
  } catch (e) {
    // The figures are right for the next calculation either way; the console says why not now.
    console.warn("SUBSIDY: could not ask Excel to recalculate after the policy packs changed", e);
  }
}

/** The pack checks: a chunk loaded from the rest chunk (rest.ts), on first need. */
const checks = () => loadRest().then((rest) => rest.packChecks());

function use(next: Outcome): void {
  outcome = next;
}

/** The one-time read of the workbook's packs; resolves when they are in use (or there are none). */
export function workbookPacks(): Promise<void> {
  if (reading) return reading;
  const office = typeof Office === "undefined" ? undefined : Office;
  if (!excel() && typeof office?.onReady !== "function") {
    // No Office.js at all (a JavaScript-only runtime, the CLI's tests): no workbook to read.
    read = true;
    return (reading = Promise.resolve());
  }
  reading = (async () => {
    // Office.js defines Excel once its host's script has loaded: where it is not there yet, wait for Office.onReady.
    if (!excel()) await office!.onReady();
    const xl = excel();
    if (!xl) return;
    let xml: string[] | undefined;
    try {
      xml = await partsXml(xl);
    } catch (e) {
      // No customXmlParts here (ExcelApi before 1.5), or the request failed: the built-in catalog.
      console.warn("SUBSIDY: the workbook's policy packs could not be read", e);
    }
    if (xml !== undefined) use(await (await checks()).applyParts(xml));
  })()
    .catch((e: unknown) => console.warn("SUBSIDY: the workbook's policy packs could not be used", e))
    .finally(() => {
      read = true;
      const xl = excel();
      if (outcome?.changed && answeredEarly && xl) void recalculate(xl);
    });
  return reading;
}

/** Whether a region argument (one value, or a range's rows) names a place or zone the catalog does not know. */
function unknownPlace(region: unknown): boolean {
  const rows = Array.isArray(region) ? region : [[region]];
  for (const row of rows) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (typeof v !== "string") continue;
      const r = regionReach(v);
      if (isRegionProblem(r) && (r.code === "unknownPlace" || r.code === "unknownZone")) return true;
    }
  }
  return false;
}

/**
 * An amount function's answer with the workbook's packs: at once when they are read, or when the
 * region (`region`: the argument as Excel hands it over) is one the catalog knows; after the
 * one-time read when it is not.
 */
export function withPacks<T>(region: unknown, answer: () => T): T | Promise<T> {
  if (read) return answer();
  const pending = workbookPacks();
  if (read) return answer();
  if (unknownPlace(region)) return pending.then(answer);
  answeredEarly = true;
  return answer();
}

/** A function that needs the rest chunk anyway (EXPLAIN, CLAUSES, FORECAST): after the one-time read. */
export function afterPacks<T>(answer: () => T | Promise<T>): T | Promise<T> {
  if (read) return answer();
  const pending = workbookPacks();
  return read ? answer() : pending.then(answer);
}

// What the workbook's packs say of a region the catalog does not know, if anything.
notePlaces((region, problem, lang, said) => outcome?.note(region, problem, lang, said));

const report = (lang: Lang = "en-US"): PacksReport => ({ packs: outcome?.packs ?? [], catalogVersion: outcome?.catalogVersion, problems: outcome?.problems(lang) ?? [] });

globalThis.SubsidyPacks = {
  loaded: (lang) => workbookPacks().then(() => report(lang)),
  apply: async (packs, lang) => {
    await workbookPacks();
    use(await (await checks()).applyStored(packs));
    const xl = excel();
    if (xl) await recalculate(xl);
    return report(lang);
  },
};

declare global {
  var SubsidyPacks: { loaded(lang?: Lang): Promise<PacksReport>; apply(packs: readonly StoredPack[], lang?: Lang): Promise<PacksReport> } | undefined;
}
