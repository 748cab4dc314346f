import { useCatalog, type Catalog, type Lang, type RegionProblem } from "../engine";
import { catalogWithPacks, checkPacks, packProblemText, readPack, type LoadedPack, type PackProblem } from "../engine/packs";
import { packHash } from "../workbook/pack-hash";
import { readPacksParts, storedPackJson, type StoredPack } from "../workbook/packs-part";
import type { SetAside } from "../workbook/stored";
import { CellError } from "./cells";
import { packWords } from "./pack-words";

/*
 * The workbook's packs checked and put to use (functions/packs.ts asks, with the rest chunk):
 * each pack read and checked exactly as `subsidy pack check` does it (readPack, then checkPacks
 * over the built-in catalog), then DESIGN's trust rules. A pack that replaces nothing is used at
 * once; one that `replaces` is used only when the workbook marks it approved, and waits
 * otherwise. A pack that fails is left out (the others still checked without it), and the
 * built-in catalog is never changed: the engine's catalog is the built-in one with the packs in
 * use added (useCatalog), or the built-in one itself. Nothing read is run.
 */

/** A pack of the workbook and what became of it. */
export interface PackStatus {
  /** Its folder name, as the part keeps it. */
  readonly name: string;
  readonly status: "used" | "awaitsApproval" | "refused";
  /** What it is, when its pack.json could be read. */
  readonly document?: {
    readonly id: string;
    readonly title: string;
    readonly titleEn: string;
    readonly jurisdiction: string;
    readonly entries: number;
    readonly validFrom?: string;
    readonly validTo?: string;
  };
  readonly version?: string;
  readonly author?: string;
  readonly replaces?: { readonly documents: readonly string[]; readonly entries: readonly string[]; readonly because: string };
}

type Trouble = { readonly kind: "check"; readonly problem: PackProblem } | { readonly kind: "aside"; readonly pack: string; readonly aside: SetAside };

/** What applying gave: the packs, what went wrong in words, and what a cell says of a place the catalog does not know. */
export interface Outcome {
  readonly packs: readonly PackStatus[];
  /** The engine's catalog version now (the built-in one's, with the packs in use named). */
  readonly catalogVersion: string;
  /** Whether any pack is in use: the catalog is not the built-in one. */
  readonly changed: boolean;
  problems(lang: Lang): string[];
  /**
   * A cell's error for a region the catalog does not know (`said`: what it would say anyway),
   * when the workbook's packs explain it: a place of a pack that awaits approval or was refused,
   * or packs that could not be read at all. Undefined when the packs have nothing to say.
   */
  note(region: string, problem: RegionProblem, lang: Lang, said: string): CellError | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/**
 * The names of the places and zones a pack.json adds, read leniently (a pack refused for its
 * schema still names its places, so its cells can say which pack they come from): ids, Chinese
 * and English names, aliases. Only strings are taken; nothing else is followed.
 */
function placeNames(json: unknown): string[] {
  if (!isRecord(json) || !isRecord(json.places)) return [];
  const out: string[] = [];
  for (const list of [json.places.places, json.places.zones]) {
    if (!Array.isArray(list)) continue;
    for (const p of list) if (isRecord(p)) out.push(...strings(p.id), ...strings(p.zh), ...strings(p.en), ...strings(p.aliases));
  }
  return out;
}

const key = (name: string) => name.trim().toLowerCase();

/** The stored packs checked against the built-in catalog and, as the trust rules allow, put to use. Never rejects. */
export async function applyStored(stored: readonly StoredPack[], partAside?: SetAside): Promise<Outcome> {
  try {
    // Each pack's content hash first (Web Crypto answers asynchronously); the check itself is one synchronous turn.
    const hashes = new Map<StoredPack, string>();
    for (const s of stored) {
      const json = storedPackJson(s.json);
      if ("value" in json) hashes.set(s, await packHash(json.value, s.text));
    }
    return checkAndUse(stored, hashes, partAside);
  } catch (e) {
    // A check that fails on a value nobody foresaw is a fault of ours: none of the packs is used.
    useCatalog();
    return checkAndUse([], new Map(), partAside ?? { kind: "shape", at: "(packs)", detail: e instanceof Error ? e.message.slice(0, 200) : "unreadable" });
  }
}

function checkAndUse(stored: readonly StoredPack[], hashes: ReadonlyMap<StoredPack, string>, partAside?: SetAside): Outcome {
  // The built-in catalog: useCatalog() with nothing goes back to it first.
  const base = useCatalog().catalog;
  const troubles: Trouble[] = [];
  const status = new Map<string, PackStatus["status"]>();
  const read = new Map<string, LoadedPack>();
  const places = new Map<string, string>();
  for (const s of stored) {
    const json = storedPackJson(s.json);
    if ("kind" in json) {
      troubles.push({ kind: "aside", pack: s.name, aside: json });
      status.set(s.name, "refused");
      continue;
    }
    for (const name of placeNames(json.value)) if (!places.has(key(name))) places.set(key(name), s.name);
    const r = readPack({ path: s.name, json: json.value, text: s.text, hash: hashes.get(s) });
    troubles.push(...r.problems.map((problem): Trouble => ({ kind: "check", problem })));
    if (r.pack) read.set(s.name, r.pack);
    else status.set(s.name, "refused");
  }
  // Approval is of a content (RULINGS §78): the hash of what the workbook marks approved.
  const approved = new Set([...read.values()].filter((p) => stored.some((s) => s.name === p.path && s.approved)).map((p) => p.hash));
  let use = [...read.values()].filter((p) => !p.pack.replaces || approved.has(p.hash));
  const waiting = [...read.values()].filter((p) => p.pack.replaces && !approved.has(p.hash));

  // A pack with a problem is left out and the rest checked again without it, until none has one.
  const refuse = (problems: readonly PackProblem[], among: readonly LoadedPack[]): LoadedPack[] => {
    troubles.push(...problems.map((problem): Trouble => ({ kind: "check", problem })));
    const named = new Set(problems.map((p) => p.pack));
    const left = among.filter((p) => !named.has(p.path));
    // A problem over several packs together (named "a, b") leaves none of them in use.
    const out = left.length === among.length ? [] : left;
    for (const p of among) if (!out.includes(p)) status.set(p.path, "refused");
    return out;
  };
  for (let problems = checkPacks(base, use); problems.length && use.length; problems = checkPacks(base, use)) use = refuse(problems, use);
  for (const p of waiting) {
    const problems = checkPacks(base, [...use, p]);
    if (problems.length) refuse(problems, [p]);
    else status.set(p.path, "awaitsApproval");
  }
  let catalog: Catalog | undefined;
  try {
    // The packs awaiting approval go in too, to be left out and listed (catalog.waiting): the
    // figures of what they would replace then say that a revision waits in the pane.
    const awaiting = waiting.filter((p) => status.get(p.path) === "awaitsApproval");
    catalog = use.length || awaiting.length ? catalogWithPacks(base, [...use, ...awaiting], approved) : undefined;
  } catch (e) {
    // checkPacks built this very catalog: a throw here is a fault of ours, and nothing is used.
    troubles.push({ kind: "aside", pack: use.map((p) => p.path).join(", "), aside: { kind: "shape", at: "(packs)", detail: (e as Error).message.slice(0, 200) } });
    for (const p of use) status.set(p.path, "refused");
    use = [];
  }
  for (const p of use) status.set(p.path, "used");
  const version = useCatalog(catalog).catalog.version;

  const packs: PackStatus[] = stored.map((s) => {
    const loaded = read.get(s.name);
    const p = loaded?.pack;
    return {
      name: s.name,
      status: status.get(s.name) ?? "refused",
      ...(p
        ? {
            document: {
              id: p.document.id,
              title: p.document.title,
              titleEn: p.document.titleEn,
              jurisdiction: p.document.jurisdiction,
              entries: p.document.clauses.length,
              ...(p.document.validFrom ? { validFrom: p.document.validFrom } : {}),
              ...(p.document.validTo ? { validTo: p.document.validTo } : {}),
            },
            version: p.version,
            author: p.author.name,
            ...(p.replaces ? { replaces: { documents: p.replaces.documents, entries: p.replaces.entries, because: p.replaces.because } } : {}),
          }
        : {}),
    };
  });
  const byName = new Map(packs.map((p) => [p.name, p]));
  const replacedText = (p: PackStatus, lang: Lang) => {
    const titles = (p.replaces?.documents ?? []).map((id) => {
      const d = base.documents.find((x) => x.id === id);
      return d ? (lang === "zh-CN" ? `《${d.title}》` : d.titleEn) : id;
    });
    return [...titles, ...(p.replaces?.entries ?? [])].join(lang === "zh-CN" ? "、" : ", ");
  };
  const troubleText = (t: Trouble, lang: Lang) => (t.kind === "check" ? packProblemText(t.problem, lang) : packWords[lang].packAside(t.pack, t.aside));
  const firstTrouble = (pack: string, lang: Lang) => {
    const t = troubles.find((x) => (x.kind === "check" ? x.problem.pack : x.pack) === pack);
    return t ? troubleText(t, lang) : "";
  };
  const refusedUnnamed = packs.filter((p) => p.status === "refused" && ![...places.values()].includes(p.name)).map((p) => p.name);

  return {
    packs,
    catalogVersion: version,
    changed: catalog !== undefined,
    problems: (lang) => [...(partAside ? [packWords[lang].aside(partAside)] : []), ...troubles.map((t) => troubleText(t, lang))],
    note(region, problem, lang, said) {
      if (problem.code !== "unknownPlace" && problem.code !== "unknownZone") return undefined;
      const words = packWords[lang];
      // The place as typed, a path (北京市›昌平区) or with its zone (+中关村示范区): any of its names.
      for (const name of region.split(/[+›>]/)) {
        const pack = byName.get(places.get(key(name)) ?? "");
        if (pack?.status === "awaitsApproval") return new CellError("#N/A", words.awaitsApproval(name.trim(), pack.name, replacedText(pack, lang)));
        if (pack?.status === "refused") return new CellError("#VALUE!", words.refused(name.trim(), pack.name, firstTrouble(pack.name, lang)));
      }
      if (partAside) return new CellError("#VALUE!", words.partAside(said, words.aside(partAside)));
      if (refusedUnnamed.length) return new CellError("#VALUE!", words.someRefused(said, refusedUnnamed.map((n) => `“${n}”`).join(lang === "zh-CN" ? "、" : ", ")));
      return undefined;
    },
  };
}

/** The workbook's packs parts (their XML as Excel hands it over) read as the pane reads them, checked and applied. Never rejects. */
export function applyParts(xmls: readonly unknown[]): Promise<Outcome> {
  const read = readPacksParts(xmls);
  return !read ? applyStored([]) : read.ok ? applyStored(read.value) : applyStored([], read.aside);
}
