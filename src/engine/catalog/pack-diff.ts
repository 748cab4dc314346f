import type { Forecast } from "../forecast/forecast";
import { ZERO, type Decimal } from "../input/money";
import type { PackOrigin } from "./catalog";
import { canonicalJson } from "./pack-hash";
import { originOf } from "./origin";
import type { LoadedPack, Pack } from "./pack";
import type { Bilingual } from "../explain/trace";
import type { Clause } from "./schema";

/*
 * What a revision of a pack changes (issue 17: `subsidy pack diff`; the task pane shows the same
 * when a workbook carries an older version): entry by entry and field by field, as data. Pure
 * over two packs as read; pack-diff-words.ts says it in each language. With a scenario, its
 * figures under each version, old, new and Δ, by year and by clause.
 */

/** One field that differs; `old` or `new` undefined where the field is absent on that side. */
export interface FieldChange {
  /** The field's path in the pack's own terms: formula.rate, caps[0].amount, validTo. */
  readonly field: string;
  readonly old?: unknown;
  readonly new?: unknown;
  /** For a cap's fields: whom the cap is per (单个产品), so the words can name it. */
  readonly per?: Bilingual;
}

export type EntryChange = { readonly entry: string; readonly article: string; readonly summary: Bilingual } & (
  | { readonly kind: "added" }
  | { readonly kind: "removed" }
  | { readonly kind: "changed"; readonly fields: readonly FieldChange[] }
);

export interface ExampleChange {
  readonly kind: "added" | "removed" | "changed";
  readonly name: string;
}

export interface PackDiff {
  readonly old: PackOrigin;
  readonly new: PackOrigin;
  /** The same content hash: nothing below differs. */
  readonly identical: boolean;
  /** The pack's own record: format, version, author, replaces, places. */
  readonly pack: readonly FieldChange[];
  /** The document record: title, status, validity dates, stacking sentence, … */
  readonly document: readonly FieldChange[];
  readonly textChanged: boolean;
  /** Facts the text defines, by name: added, removed or relabelled. */
  readonly facts: readonly FieldChange[];
  /** In the new version's article order, then the removed ones in the old's. */
  readonly entries: readonly EntryChange[];
  readonly examples: readonly ExampleChange[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** An empty list or record is what the schema defaults an absent one to: no change between them. */
const emptyish = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0) || (isPlain(v) && Object.keys(v).length === 0);

/** A record less the keys compared on their own (entries, examples, accounting). */
const without = (r: object, ...keys: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));

/** The fields of two records that differ, in the new record's key order, then the old's; `deeper` ones compared key by key. */
function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>, prefix = "", deeper: readonly string[] = []): FieldChange[] {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.flatMap((k): FieldChange[] => {
    const [x, y] = [a[k], b[k]];
    if (same(x, y) || (emptyish(x) && emptyish(y))) return [];
    if (deeper.includes(k) && isPlain(x) && isPlain(y)) return fieldChanges(x, y, `${prefix}${k}.`);
    return [{ field: `${prefix}${k}`, old: x, new: y }];
  });
}

/** An entry's fields that differ: formula, summary, window and the like key by key, caps one by one, its accounting class and examples beside. */
function entryChanges(a: Clause, b: Clause, oldPack: Pack, newPack: Pack): FieldChange[] {
  const { caps: oldCaps, ...oldRest } = a;
  const { caps: newCaps, ...newRest } = b;
  const fields = fieldChanges(oldRest, newRest, "", ["formula", "summary", "window", "once", "advance", "additive"]).filter((f) => !(f.field.startsWith("formula.") && a.formula?.kind !== b.formula?.kind));
  // A formula of another kind is one change, not a list of keys that came and went.
  if (a.formula?.kind !== b.formula?.kind && a.formula && b.formula) fields.push({ field: "formula", old: a.formula, new: b.formula });
  const caps: FieldChange[] = [];
  for (let i = 0; i < Math.max(oldCaps.length, newCaps.length); i++) {
    const [x, y] = [oldCaps[i], newCaps[i]];
    if (x && y) caps.push(...fieldChanges(x, y, `caps[${i}].`).map((f) => ({ ...f, per: y.per })));
    else caps.push({ field: `caps[${i}]`, old: x, new: y, per: (x ?? y).per });
  }
  const accounting = same(oldPack.accounting[a.id], newPack.accounting[b.id]) ? [] : [{ field: "accounting", old: oldPack.accounting[a.id], new: newPack.accounting[b.id] }];
  const named = (p: Pack, id: string) => p.examples.filter((e) => e.entries.includes(id)).map((e) => e.name);
  const [oldExamples, newExamples] = [named(oldPack, a.id), named(newPack, b.id)];
  const examples = same(oldExamples, newExamples) && oldExamples.every((n) => same(oldPack.examples.find((e) => e.name === n), newPack.examples.find((e) => e.name === n))) ? [] : [{ field: "examples", old: oldExamples, new: newExamples }];
  return [...fields, ...caps, ...accounting, ...examples];
}

/** What `revised` changes against `original`: every field of the pack, the text, each entry and example. */
export function diffPacks(original: LoadedPack, revised: LoadedPack): PackDiff {
  const [a, b] = [original.pack, revised.pack];
  const [oldClauses, newClauses] = [a.document.clauses, b.document.clauses];

  const entries: EntryChange[] = [];
  for (const c of newClauses) {
    const before = oldClauses.find((o) => o.id === c.id);
    if (!before) entries.push({ kind: "added", entry: c.id, article: c.article, summary: c.summary });
    else {
      const fields = entryChanges(before, c, a, b);
      if (fields.length) entries.push({ kind: "changed", entry: c.id, article: c.article, summary: c.summary, fields });
    }
  }
  for (const c of oldClauses) if (!newClauses.some((n) => n.id === c.id)) entries.push({ kind: "removed", entry: c.id, article: c.article, summary: c.summary });

  const examples: ExampleChange[] = [];
  for (const e of b.examples) {
    const before = a.examples.find((o) => o.name === e.name);
    if (!before) examples.push({ kind: "added", name: e.name });
    else if (!same(before, e)) examples.push({ kind: "changed", name: e.name });
  }
  for (const e of a.examples) if (!b.examples.some((n) => n.name === e.name)) examples.push({ kind: "removed", name: e.name });

  return {
    old: originOf(original),
    new: originOf(revised),
    identical: original.hash === revised.hash,
    pack: fieldChanges(without(a, "document", "accounting", "examples", "$schema"), without(b, "document", "accounting", "examples", "$schema"), "", ["author"]),
    document: fieldChanges(without(a.document, "clauses", "facts"), without(b.document, "clauses", "facts")),
    textChanged: original.text.replace(/\r\n/g, "\n") !== revised.text.replace(/\r\n/g, "\n"),
    facts: fieldChanges(a.document.facts, b.document.facts),
    entries,
    examples,
  };
}

export interface Figures {
  readonly ceiling: Decimal;
  readonly expected: Decimal;
}
/** A figure under each version, and new − old. */
export interface FigureChange {
  readonly old: Figures;
  readonly new: Figures;
  readonly delta: Figures;
}

export interface ScenarioRevision {
  readonly name: string;
  readonly years: readonly (FigureChange & { readonly year: number })[];
  readonly total: FigureChange;
  /** Each clause that pays under either version, over the horizon, in id order (a text's article order). */
  readonly clauses: readonly (FigureChange & { readonly clause: string; readonly article: string })[];
}

const change = (o: Figures, n: Figures): FigureChange => ({ old: o, new: n, delta: { ceiling: n.ceiling.minus(o.ceiling), expected: n.expected.minus(o.expected) } });
const none: Figures = { ceiling: ZERO, expected: ZERO };

/** A scenario's figures under the old and the new version of a pack (each the engine's own forecast), side by side. */
export function diffFigures(old: Forecast, revised: Forecast): ScenarioRevision {
  const years = [...new Set([...old.years, ...revised.years].map((y) => y.year))].sort((x, y) => x - y);
  const yearOf = (f: Forecast, year: number): Figures => f.years.find((y) => y.year === year) ?? none;
  const byClause = (f: Forecast) => {
    const sums = new Map<string, Figures & { article: string }>();
    for (const l of f.lines) {
      const s = sums.get(l.trace.clause.id) ?? { ...none, article: l.trace.clause.article };
      sums.set(l.trace.clause.id, { article: s.article, ceiling: s.ceiling.plus(l.ceiling), expected: s.expected.plus(l.expected) });
    }
    return sums;
  };
  const [o, n] = [byClause(old), byClause(revised)];
  const clauses = [...new Set([...o.keys(), ...n.keys()])]
    .map((id) => ({ clause: id, article: (n.get(id) ?? o.get(id))!.article, ...change(o.get(id) ?? none, n.get(id) ?? none) }))
    .filter((c) => !(c.old.ceiling.isZero() && c.new.ceiling.isZero() && c.old.expected.isZero() && c.new.expected.isZero()))
    .sort((x, y) => x.clause.localeCompare(y.clause, "en", { numeric: true }));
  return {
    name: revised.name,
    years: years.map((year) => ({ year, ...change(yearOf(old, year), yearOf(revised, year)) })),
    total: change(old.total, revised.total),
    clauses,
  };
}
