import { engine, placesOf, type PolicyDocument } from "../engine";
import type { I18n } from "../i18n";
import type { CheckedPack } from "./check";

/*
 * The packs in use as the pane lists them and stamps them on what it exports: the built-in texts
 * and each pack added, by document title, place in the reader's language, entries, validity,
 * version and author (and the pack's content hash where the engine gives one).
 */

export interface PackRow {
  readonly key: string;
  /** An added pack's name (what remove and approve take); undefined for a built-in text. */
  readonly name?: string;
  readonly title: string;
  readonly place: string;
  readonly entries: number;
  readonly validity: string;
  readonly version: string;
  readonly author: string;
  readonly hash?: string;
  /** A pack that replaces part of the catalog, not approved yet: what it replaces, and why. */
  readonly awaiting?: { readonly what: string; readonly because: string };
}

/** Whether a pack is used: checked, and approved if it replaces anything (DESIGN "Policy packs"). */
export const used = (p: CheckedPack): boolean => !p.loaded.pack.replaces || p.stored.approved === true;

const titleOf = (d: PolicyDocument, { lang }: I18n): string => (lang === "zh-CN" ? d.title : d.titleEn);

/** A place or zone by id, in the reader's language: from the catalog in use, else from a pack's own places. */
export function placeName(id: string, { lang }: I18n, packs: readonly CheckedPack[] = []): string {
  const index = placesOf(engine().catalog);
  const own = packs.flatMap((p) => [...(p.loaded.pack.places?.places ?? []), ...(p.loaded.pack.places?.zones ?? [])]);
  const x = index.place(id) ?? index.zone(id) ?? own.find((p) => p.id === id);
  return x ? (lang === "zh-CN" ? x.zh : (x.en ?? x.zh)) : id;
}

function validity(d: PolicyDocument, { t }: I18n): string {
  if (d.validFrom && d.validTo) return t("packs.validRange", { from: d.validFrom, to: d.validTo });
  if (d.validFrom) return t("packs.validFrom", { from: d.validFrom });
  if (d.validTo) return t("packs.validUntil", { to: d.validTo });
  return t("packs.validOpen");
}

/** The pack's content hash, shortened as figures cite it (RULINGS §77: its first 8 hex digits). */
export const hashOf = (p: CheckedPack): string => p.loaded.hash.slice(0, 8);

/** Every text in use: the built-in ones, then each pack added (used or awaiting approval). */
export function packRows(added: readonly CheckedPack[], i18n: I18n): PackRow[] {
  const { t } = i18n;
  const fromPacks = new Set(added.map((p) => p.loaded.pack.document.id));
  const builtIn = engine()
    .catalog.documents.filter((d) => !fromPacks.has(d.id))
    .map(
      (d): PackRow => ({
        key: `built-in ${d.id}`,
        title: titleOf(d, i18n),
        place: placeName(d.jurisdiction, i18n),
        entries: d.clauses.length,
        validity: validity(d, i18n),
        version: engine().catalog.version.split("+")[0],
        author: t("packs.builtInAuthor"),
      }),
    );
  const packs = added.map((p): PackRow => {
    const { pack } = p.loaded;
    const replaces = pack.replaces;
    return {
      key: `pack ${p.stored.name}`,
      name: p.stored.name,
      title: titleOf(pack.document, i18n),
      place: placeName(pack.document.jurisdiction, i18n, added),
      entries: pack.document.clauses.length,
      validity: validity(pack.document, i18n),
      version: pack.version,
      author: pack.author.name,
      hash: hashOf(p),
      awaiting: replaces && !used(p) ? { what: [...replaces.documents, ...replaces.entries].join(i18n.lang === "zh-CN" ? "、" : ", "), because: replaces.because } : undefined,
    };
  });
  return [...builtIn, ...packs];
}

/** "Packs: 苏州工业园区…（示例） v2026.1 by 测试用示例 (sha256 3268d18f)": the packs a figure rests on, for the stamp of what is exported; empty without packs. */
export function packsStamp(added: readonly CheckedPack[], i18n: I18n): string {
  const { t } = i18n;
  const list = added.filter(used).map((p) => {
    const { pack } = p.loaded;
    return t("packs.stampItem", { name: titleOf(pack.document, i18n), version: pack.version, author: pack.author.name }) + t("packs.stampHash", { hash: hashOf(p) });
  });
  return list.length ? t("packs.inUse", { list: list.join(i18n.lang === "zh-CN" ? "；" : "; ") }) : "";
}

/** The region a pack's place is chosen by (its Chinese name, as a cell or a scenario file writes it), for each pack in use. */
export function packRegions(added: readonly CheckedPack[]): string[] {
  const index = placesOf(engine().catalog);
  return [
    ...new Set(
      added.filter(used).flatMap((p) => {
        const place = index.place(p.loaded.pack.document.jurisdiction);
        return place ? [place.zh] : [];
      }),
    ),
  ];
}
