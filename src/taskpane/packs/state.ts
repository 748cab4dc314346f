import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { StoredPack } from "../../workbook/packs-part";
import { diffPacks, packDiffText } from "../engine";
import { asideReason } from "../aside-text";
import type { HostMode } from "../host";
import type { I18n } from "../i18n";
import { loadPacks } from "../steps-loader";
import type { CheckedPack } from "./check";
import type { PackFile } from "./files";
import { anyKept } from "./kept";

/*
 * The packs the pane has added, as one piece of state over the engine: every change (a pack
 * added, removed or approved; the packs kept found at start) is checked first, kept next, and
 * only then put in the engine. A pack refused, or one that cannot be kept, changes nothing.
 */

export type Outcome = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

/** A newer (or other) version of a pack already added: what it changes, entry by entry (the engine's diffPacks), for the person to accept. */
export interface Revision {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  readonly changes: readonly string[];
}

export interface Packs {
  /** Raised each time the engine's catalog changes: what is computed from it is computed again. */
  readonly version: number;
  /** The packs added (checked), in the order added. */
  readonly added: readonly CheckedPack[];
  /** What the pane found wrong with the packs it kept (set aside, or refused by the check): they are not used. */
  readonly kept: readonly string[];
  /** Adds the pack in `files`; a version of a text already added replaces it only if `accept` says yes to its diff. */
  add(files: readonly PackFile[], accept?: (revision: Revision) => Promise<boolean>): Promise<Outcome>;
  remove(name: string): Promise<Outcome>;
  approve(name: string): Promise<Outcome>;
}

const none: Packs = {
  version: 0,
  added: [],
  kept: [],
  add: async () => ({ ok: false, message: "", problems: [] }),
  remove: async () => ({ ok: false, message: "", problems: [] }),
  approve: async () => ({ ok: false, message: "", problems: [] }),
};

export const PacksContext = createContext<Packs>(none);
export const usePacksInUse = (): Packs => useContext(PacksContext);

/**
 * The shared runtime's registry (src/functions/packs.ts, globalThis.SubsidyPacks), when
 * functions.js is loaded: given the packs the workbook now carries, it checks them as the pane
 * did and asks Excel to recalculate, so cells that rest on a pack compute again.
 */
function tellCells(stored: readonly StoredPack[], lang: I18n["lang"]): void {
  try {
    void globalThis.SubsidyPacks?.apply(stored, lang).catch(() => undefined);
  } catch {
    // Cells keep the packs they had until the workbook is opened again; the pane's figures are right either way.
  }
}

/** The pane's packs, read from where they are kept once the host is known. */
export function usePacks(mode: HostMode, i18n: I18n): Packs {
  const [added, setAdded] = useState<readonly CheckedPack[]>([]);
  const [kept, setKept] = useState<readonly string[]>([]);
  const [version, setVersion] = useState(0);
  // The latest state for the actions, which run across awaits.
  const current = useRef<readonly CheckedPack[]>(added);
  const words = useRef(i18n);
  words.current = i18n;

  /** Checks `next` as one set of packs, keeps it, then computes with it. */
  const change = useCallback(async (next: readonly StoredPack[], done: string, file?: string): Promise<Outcome> => {
    const { t } = words.current;
    const { checkStored, keep, keepProblem, useInEngine } = await loadPacks();
    const checked = await checkStored(next, words.current);
    if (!checked.ok) return { ok: false, message: t("packs.refused", { file: file ?? next[next.length - 1]?.name ?? "", n: checked.problems.length }), problems: checked.problems };
    try {
      await keep(next);
    } catch (e) {
      return { ok: false, message: t("packs.saveFailed", { message: keepProblem(e) }), problems: [] };
    }
    useInEngine(checked.packs);
    current.current = checked.packs;
    setAdded(checked.packs);
    setVersion((v) => v + 1);
    tellCells(next, words.current.lang);
    return { ok: true, message: done };
  }, []);

  useEffect(() => {
    if (mode === "connecting") return;
    let live = true;
    void (async () => {
      const { t } = words.current;
      if (!(await anyKept().catch(() => true))) return;
      const { checkStored, readKept, useInEngine } = await loadPacks();
      const found = await readKept().catch((e: unknown) => ({ packs: [] as StoredPack[], aside: { kind: "syntax" as const, detail: String(e) } }));
      const notes = found.aside ? [t("packs.keptAside", { reason: asideReason(found.aside, t) })] : [];
      if (found.packs.length) {
        const checked = await checkStored(found.packs, words.current);
        if (!live) return;
        if (checked.ok) {
          useInEngine(checked.packs);
          current.current = checked.packs;
          setAdded(checked.packs);
          setVersion((v) => v + 1);
        } else notes.push(...checked.problems.map((problem) => t("packs.keptRefused", { problem })));
      }
      if (live && notes.length) setKept(notes);
    })();
    return () => {
      live = false;
    };
  }, [mode]);

  return useMemo<Packs>(() => {
    const stored = () => current.current.map((p) => p.stored);
    return {
      version,
      added,
      kept,
      add: async (files, accept = async () => false) => {
        const { t, lang } = words.current;
        const { checkStored, packFromFiles } = await loadPacks();
        const read = await packFromFiles(files, words.current);
        if (!read.ok) return { ok: false, message: t("packs.refused", { file: read.file, n: 1 }), problems: [read.problem] };
        // A version of a text already added (DESIGN "Policy packs"): its diff shown, and it replaces the one in use only if accepted.
        const alone = await checkStored([read.pack], words.current);
        if (!alone.ok) return { ok: false, message: t("packs.refused", { file: read.file, n: alone.problems.length }), problems: alone.problems };
        const revised = alone.packs[0].loaded;
        const older = current.current.find((p) => p.loaded.pack.document.id === revised.pack.document.id);
        if (older) {
          const from = older.loaded.pack.version;
          const to = revised.pack.version;
          if (older.loaded.hash === revised.hash) return { ok: false, message: t("packs.sameVersion", { name: older.stored.name, version: from }), problems: [] };
          const changes = packDiffText(diffPacks(older.loaded, revised), lang);
          if (!(await accept({ title: lang === "zh-CN" ? revised.pack.document.title : revised.pack.document.titleEn, from, to, changes }))) return { ok: false, message: t("packs.revisionKept", { version: from }), problems: [] };
          const outcome = await change([...stored().filter((s) => s !== older.stored), read.pack], "", read.file);
          return outcome.ok ? { ok: true, message: t("packs.revised", { name: read.pack.name, from, to }) } : outcome;
        }
        if (stored().some((s) => s.name === read.pack.name)) return { ok: false, message: t("packs.refused", { file: read.file, n: 1 }), problems: [t("packs.file.sameName", { name: read.pack.name })] };
        const outcome = await change([...stored(), read.pack], "", read.file);
        if (!outcome.ok) return outcome;
        const pack = current.current.find((p) => p.stored.name === read.pack.name)!;
        return { ok: true, message: t("packs.addedOk", { name: read.pack.name, entries: pack.loaded.pack.document.clauses.length, place: placeOf(pack, words.current) }) };
      },
      remove: (name) => change(stored().filter((s) => s.name !== name), words.current.t("packs.removed", { name })),
      approve: (name) => change(stored().map((s) => (s.name === name ? { ...s, approved: true } : s)), words.current.t("packs.approved", { name })),
    };
  }, [version, added, kept, change]);
}

/** A pack's place in the reader's language, from the pack's own places (a place it adds) or its id. */
export function placeOf({ loaded }: CheckedPack, { lang }: I18n): string {
  const id = loaded.pack.document.jurisdiction;
  const own = [...(loaded.pack.places?.places ?? []), ...(loaded.pack.places?.zones ?? [])].find((p) => p.id === id);
  return own ? (lang === "zh-CN" ? own.zh : (own.en ?? own.zh)) : id;
}
