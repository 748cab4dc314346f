import { catalogWithPacks, checkPacks, packProblemText, readPack, type LoadedPack } from "../../engine/packs";
import { packHash } from "../../workbook/pack-hash";
import { storedPackJson, type StoredPack } from "../../workbook/packs-part";
import { asideReason } from "../aside-text";
import { CATALOG_VERSION, engine, useCatalog, type Catalog } from "../engine";
import type { I18n } from "../i18n";
import { used } from "./describe";

/*
 * The pane's pack check: exactly what `subsidy pack check` does (readPack, then checkPacks over
 * every pack together against the built-in catalog), for packs the pane holds as their texts
 * (StoredPack: from a file chosen, the workbook's packs part or the pane's storage). Part of the
 * packs chunk (chunk.ts), loaded after the first render: the pack schema is not on the way to it.
 */

/** A stored pack that passed, with its reading. */
export interface CheckedPack {
  readonly stored: StoredPack;
  readonly loaded: LoadedPack;
}

export type Checked = { readonly ok: true; readonly packs: readonly CheckedPack[] } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The built-in catalog, whatever the engine uses now: the packs in use are left as they are. A
 * catalog with packs names them in its version (catalogWithPacks), so the bundled one is the one
 * whose version is the catalog's own; otherwise it is fetched and the catalog in use put back at
 * once (one synchronous turn: no cell computes in between).
 */
export function builtInCatalog(): Catalog {
  const now = engine().catalog;
  if (now.version === CATALOG_VERSION) return now;
  const base = useCatalog().catalog;
  useCatalog(now);
  return base;
}

/** Every pack checked together, as `pack check` with each --pack: the problems in the reader's language, or the packs read. */
export async function checkStored(stored: readonly StoredPack[], { t, lang }: I18n, base: Catalog = builtInCatalog()): Promise<Checked> {
  const problems: string[] = [];
  const read: CheckedPack[] = [];
  for (const s of stored) {
    // Parsed within the one reader's bounds (depth, strings, arrays) before the schema walks it.
    const json = storedPackJson(s.json);
    if (!("value" in json)) {
      problems.push(t("packs.file.unreadable", { file: s.name, reason: asideReason(json, t) }));
      continue;
    }
    const one = readPack({ path: s.name, json: json.value, text: s.text, hash: await packHash(json.value, s.text) });
    problems.push(...one.problems.map((p) => packProblemText(p, lang)));
    if (one.pack) read.push({ stored: s, loaded: one.pack });
  }
  if (problems.length) return { ok: false, problems };
  const found = checkPacks(
    base,
    read.map((r) => r.loaded),
  );
  return found.length ? { ok: false, problems: found.map((p) => packProblemText(p, lang)) } : { ok: true, packs: read };
}

/** The engine computes with the built-in catalog and the packs in use from now on (every door: the pane's and, in Excel, the cells'). */
export function useInEngine(packs: readonly CheckedPack[], base: Catalog = builtInCatalog()): void {
  // Approval is of a content (RULINGS §78): the hashes of the packs the workbook marks approved.
  const approved = new Set(packs.filter(used).map((p) => p.loaded.hash));
  useCatalog(packs.length ? catalogWithPacks(base, packs.map((p) => p.loaded), approved) : undefined);
}
