import { z } from "zod";
import { accountingEntry } from "../accounting/classes";
import { undeclaredOverlaps } from "../rules/stacking";
import { assembleCatalog, mergePlaces } from "./assemble";
import { referencedFacts, type Catalog, type WaitingPack } from "./catalog";
import { originOf } from "./origin";
import { SHA256_HEX } from "./pack-hash";
import { placesOf } from "./places";
import { decimalString, document, placeTree, type Clause, type FactDefinition, type PolicyDocument } from "./schema";

/*
 * A policy pack (DESIGN "Policy packs"): one text and its document record, entries, facts,
 * places and worked examples, as data. Its `document` is a catalog document, checked by the
 * very schema the built-in catalog files are (schema.ts), so a built-in file moves into a pack
 * as it is. Nothing in a pack is ever executed: it is parsed, checked and read.
 */

export const PACK_FORMAT = 1;
const MAX_ENTRIES = 1000;

/** An argument as a cell holds it: text, a number, TRUE/FALSE, or empty. */
const cellValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const exampleName = z.string().min(1).max(300);
const arithmetic = z.string().min(1).max(4000);
/** The entries the example works out: each must pay (or be applied) in it, pack test checks. */
const entries = z.array(z.string().min(1).max(100)).max(500).default([]);
const excelError = z.enum(["#VALUE!", "#NUM!", "#N/A"]);
const byYear = z.record(z.string().regex(/^\d{4}$/, "a year such as 2027"), decimalString);

/**
 * A worked example: a function call as typed in a cell (["REGISTRATION", 3, 5000000, "苏州工业园区"])
 * with its result in yuan or the Excel error it must give, or a small scenario (the scenario
 * file's format) with the ceiling of each year, all policies reaching the enterprise
 * ({"2027": "1500000"}); the figures worked out by hand, the arithmetic beside them.
 */
export const example = z
  .strictObject({
    name: exampleName,
    nameEn: exampleName.optional(),
    call: z.array(cellValue).min(1).max(12).optional(),
    scenario: z.record(z.string(), z.unknown()).optional(),
    expected: z.union([decimalString, excelError, byYear]),
    arithmetic,
    entries,
  })
  .superRefine((e, ctx) => {
    if ((e.call === undefined) === (e.scenario === undefined)) ctx.addIssue({ code: "custom", path: ["call"], message: "give either call (a function call) or scenario, not both" });
    else if (e.call !== undefined && typeof e.expected !== "string") ctx.addIssue({ code: "custom", path: ["expected"], message: "a call's expected result is yuan as a decimal string (\"1500000\") or an Excel error code (\"#VALUE!\")" });
    else if (e.scenario !== undefined && typeof e.expected === "string") ctx.addIssue({ code: "custom", path: ["expected"], message: "a scenario's expected figures are the ceiling by year: {\"2027\": \"1500000\"}" });
  });
export type Example = z.infer<typeof example>;
export type CallExample = Example & { readonly call: readonly (string | number | boolean | null)[]; readonly expected: string };
export type ScenarioExample = Example & { readonly scenario: Record<string, unknown>; readonly expected: Readonly<Record<string, string>> };
export const isCallExample = (e: Example): e is CallExample => e.call !== undefined;

export const pack = z.strictObject({
  /** The editor's hint: the path of schema/pack.schema.json. */
  $schema: z.string().max(500).optional(),
  format: z.literal(PACK_FORMAT),
  /** The pack's own version: a revision of the text or of its encoding raises it. */
  version: z.string().min(1).max(40),
  author: z.strictObject({ name: z.string().min(1).max(200), contact: z.string().max(200).optional() }),
  /** What of the built-in catalog (or another pack) this pack supersedes, and why: it is then left out. */
  replaces: z
    .strictObject({
      documents: z.array(z.string().min(1).max(100)).max(20).default([]),
      entries: z.array(z.string().min(1).max(100)).max(500).default([]),
      because: z.string().min(1).max(2000),
    })
    .optional(),
  /** Places and zones the text applies to that the tree lacks (ruling 21). */
  places: placeTree.partial().optional(),
  /** The catalog document: record, facts and entries, in the built-in catalog's own schema. */
  document,
  /** Each monetary entry's accounting class (CAS 16), by entry id, as catalog/accounting.json has them. */
  accounting: z.record(z.string(), accountingEntry).default({}),
  examples: z.array(example).max(500).default([]),
}).superRefine((p, ctx) => {
  // A text has tens of articles; a bound keeps the pairwise overlap check short whatever a file holds.
  if (p.document.clauses.length > MAX_ENTRIES) ctx.addIssue({ code: "custom", path: ["document", "clauses"], message: `at most ${MAX_ENTRIES} entries in one pack` });
});
export type Pack = z.infer<typeof pack>;

/** A pack as read from its folder: where it came from, its JSON, and its text (undefined: not found). */
export interface PackSource {
  readonly path: string;
  readonly json: unknown;
  readonly text: string | undefined;
  /**
   * The SHA-256, lower-case hex, of the UTF-8 of packHashText(json, text), computed by the host
   * (node:crypto, crypto.subtle: RULINGS §77); undefined only where the text was not found.
   */
  readonly hash: string | undefined;
}

export interface LoadedPack {
  readonly path: string;
  readonly pack: Pack;
  readonly text: string;
  /** Its content hash (PackSource.hash): what every figure from it is named by, with its title, author and version. */
  readonly hash: string;
  /** Fields whose English was missing: the Chinese is shown there, marked as the original. */
  readonly untranslated: readonly string[];
}

/** What pack check refuses, as codes: pack-words.ts says each in zh-CN and en-US. */
export type PackProblem = { readonly pack: string; readonly entry?: string; readonly field: string } & (
  | { readonly code: "schema"; readonly message: string }
  | { readonly code: "textMissing"; readonly file: string }
  | { readonly code: "hashMissing" }
  | { readonly code: "awaitingApproval"; readonly replaces: readonly string[]; readonly because: string }
  | { readonly code: "misquoted"; readonly quote: string }
  | { readonly code: "labelMissing"; readonly fact: string }
  | { readonly code: "factUnknown"; readonly fact: string }
  | { readonly code: "noExample" }
  | { readonly code: "noAccounting" }
  | { readonly code: "exampleEntryUnknown"; readonly id: string }
  | { readonly code: "duplicateId"; readonly id: string; readonly other: string }
  | { readonly code: "overlap"; readonly other: string; readonly matter: string; readonly otherMatter: string }
  | { readonly code: "unknownPlace"; readonly place: string }
  | { readonly code: "catalog"; readonly message: string }
  | { readonly code: "replacesUndeclared"; readonly id: string }
  | { readonly code: "replacesUnknown"; readonly id: string }
  | { readonly code: "idPrefix"; readonly id: string; readonly document: string }
);

/** A problem before the pack it is in is named. */
type Found = PackProblem extends infer P ? (P extends unknown ? Omit<P, "pack"> : never) : never;

/** The mark beside Chinese shown where a pack gives no English (DESIGN: the Chinese shown, marked as the original). */
export const ORIGINAL_MARK = " (original Chinese)";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * English is optional in a pack: where a text has zh and no en, en becomes the Chinese marked as
 * the original, before the catalog's schema (which needs both) reads it. A missing zh is a
 * missing label, reported by the field.
 */
function fillEnglish(raw: Record<string, unknown>, packId: string): { filled: string[]; problems: PackProblem[] } {
  const filled: string[] = [];
  const problems: PackProblem[] = [];
  const doc = raw.document;
  if (!isRecord(doc)) return { filled, problems };
  if (nonEmpty(doc.title) && !nonEmpty(doc.titleEn)) {
    doc.titleEn = doc.title + ORIGINAL_MARK;
    filled.push("document.titleEn");
  }
  const bilingual = (node: unknown, field: string, entry?: string) => {
    if (!isRecord(node)) return;
    if (nonEmpty(node.zh) && !nonEmpty(node.en)) {
      node.en = node.zh + ORIGINAL_MARK;
      filled.push(entry ? `${entry}: ${field}.en` : `${field}.en`);
    }
  };
  if (isRecord(doc.facts)) {
    for (const [name, def] of Object.entries(doc.facts)) {
      if (isRecord(def) && !nonEmpty(def.zh)) problems.push({ pack: packId, field: `document.facts.${name}.zh`, code: "labelMissing", fact: name });
      bilingual(def, `document.facts.${name}`);
    }
  }
  if (Array.isArray(doc.clauses)) {
    doc.clauses.forEach((c, i) => {
      if (!isRecord(c)) return;
      const entry = typeof c.id === "string" ? c.id : `clauses[${i}]`;
      if (isRecord(c.summary) && !nonEmpty(c.summary.zh)) problems.push({ pack: packId, entry, field: "summary.zh", code: "labelMissing", fact: "summary" });
      bilingual(c.summary, "summary", entry);
      if (Array.isArray(c.caps)) c.caps.forEach((cap, k) => isRecord(cap) && bilingual(cap.per, `caps[${k}].per`, entry));
    });
  }
  if (isRecord(raw.accounting)) for (const [id, entry] of Object.entries(raw.accounting)) bilingual(entry, `accounting.${id}`);
  return { filled, problems };
}

/** Zod's issues as problems named by entry and field, the first for each field (a refinement may repeat one). */
function schemaProblems(raw: Record<string, unknown>, error: z.ZodError, packId: string, reported: ReadonlySet<string>): PackProblem[] {
  const doc = isRecord(raw.document) ? raw.document : {};
  const clauses = Array.isArray(doc.clauses) ? doc.clauses : [];
  const skip = new Set(reported);
  return error.issues.flatMap((issue): PackProblem[] => {
    const path = issue.path.map(String);
    if (path[0] === "document" && path[1] === "clauses" && /^\d+$/.test(path[2] ?? "")) {
      const c = clauses[Number(path[2])];
      const entry = isRecord(c) && typeof c.id === "string" ? c.id : `clauses[${path[2]}]`;
      const field = path.slice(3).join(".") || "(entry)";
      if (skip.has(`${entry} ${field}`)) return [];
      skip.add(`${entry} ${field}`);
      return [{ pack: packId, entry, field, code: "schema", message: issue.message }];
    }
    const field = path.join(".") || "(pack)";
    if (skip.has(` ${field}`)) return [];
    skip.add(` ${field}`);
    return [{ pack: packId, field, code: "schema", message: issue.message }];
  });
}

/**
 * A pack's JSON through the schema, English filled where missing: what readPack does before it
 * looks for the text. The built-in catalog reads its packs this way where no file can be read
 * (the engine in Node, build.ts); their texts are checked by pack check and the add-in's build.
 */
export function parsePack(path: string, json: unknown): { pack?: Pack; untranslated: string[]; problems: PackProblem[] } {
  if (!isRecord(json)) return { untranslated: [], problems: [{ pack: path, field: "(pack)", code: "schema", message: "a pack is a JSON object" }] };
  // A copy: the reader fills English into it, never into what the caller holds.
  const raw = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  const { filled, problems } = fillEnglish(raw, path);
  const skip = new Set(problems.map((p) => `${p.entry ?? ""} ${p.field}`));
  const result = pack.safeParse(raw);
  if (!result.success) return { untranslated: filled, problems: [...problems, ...schemaProblems(raw, result.error, path, skip)] };
  return problems.length ? { untranslated: filled, problems } : { pack: result.data, untranslated: filled, problems: [] };
}

/** Reads one pack: its JSON (parsePack), then its text and the hash its host computed. */
export function readPack(source: PackSource): { pack?: LoadedPack; problems: PackProblem[] } {
  const { pack: parsed, untranslated, problems } = parsePack(source.path, source.json);
  if (!parsed) return { problems };
  if (source.text === undefined) return { problems: [{ pack: source.path, field: "document.file", code: "textMissing", file: parsed.document.file }] };
  if (source.hash === undefined || !SHA256_HEX.test(source.hash)) return { problems: [{ pack: source.path, field: "(pack)", code: "hashMissing" }] };
  return { pack: { path: source.path, pack: parsed, text: source.text, hash: source.hash, untranslated }, problems: [] };
}

/**
 * A pack whose document and accounting are the base's own, unchanged: a built-in pack (packs/)
 * loaded again. It replaces nothing and adds nothing; it is checked as itself. Compared as data,
 * so an edited copy under the same ids is a replacement, which must say so (`replaces`).
 */
function isBaseItself(base: Catalog, p: Pack): boolean {
  const own = base.documents.find((d) => d.id === p.document.id);
  if (!own) return false;
  const accountingOf = (entries: Readonly<Record<string, unknown>>) => own.clauses.map((c) => entries[c.id] ?? null);
  try {
    return JSON.stringify(own) === JSON.stringify(p.document) && Object.keys(p.accounting).every((id) => own.clauses.some((c) => c.id === id)) && JSON.stringify(accountingOf(base.accounting)) === JSON.stringify(accountingOf(p.accounting));
  } catch {
    // The add-in's catalog before its texts are loaded cannot be compared: not the same, then.
    return false;
  }
}


const squeeze = (s: string) => s.replace(/\s+/g, "");

/** Every sentence an entry quotes, with the field it is in (ruling 14). */
function quotesOf(c: Clause): [string, string][] {
  const q: [string, string | undefined][] = [
    ["sentence", c.sentence],
    ["baseSentence", c.baseSentence],
    ["enterpriseAnnualCapSentence", c.enterpriseAnnualCapSentence],
    ["maxYearsSentence", c.maxYearsSentence],
    ["window.sentence", c.window?.sentence],
    ["once.sentence", c.once?.sentence],
    ["advance.because", c.advance?.because],
    ...c.caps.map((cap, i): [string, string | undefined] => [`caps[${i}].sentence`, cap.sentence]),
  ];
  return q.filter((x): x is [string, string] => x[1] !== undefined);
}

/** What a pack supersedes (`replaces`): such a pack is used only once approved (DESIGN "Policy packs"). */
export const replacedIds = (p: LoadedPack): string[] => [...(p.pack.replaces?.documents ?? []), ...(p.pack.replaces?.entries ?? [])];

/** Every pack's hash approved: for pack check and pack test, which try a pack out and use it for nothing else. */
export const allApproved = (packs: readonly LoadedPack[]): ReadonlySet<string> => new Set(packs.map((p) => p.hash));

/** Why a pack was left out: it replaces a text and its hash is not among those approved, in the user's words by packProblemText. */
export function awaitingApproval(packs: readonly LoadedPack[], approved: ReadonlySet<string>): PackProblem[] {
  return packs.filter((p) => replacedIds(p).length && !approved.has(p.hash)).map((p) => ({ pack: p.path, field: "replaces", code: "awaitingApproval", replaces: replacedIds(p), because: p.pack.replaces!.because }));
}

/**
 * `base` (the built-in catalog) with the packs added, less what they replace, checked as one: the
 * catalog the engine then runs on (useCatalog). Its version names the packs. A pack that replaces
 * a text is used only if its hash is in `approved` (RULINGS §78): one that is not is left out,
 * what it would replace stays, and the catalog lists it as waiting, so the figures it would change
 * can say so. Throws a CatalogError if the whole does not fit; checkPacks says why in the user's
 * words first.
 */
export function catalogWithPacks(base: Catalog, all: readonly LoadedPack[], approved: ReadonlySet<string>): Catalog {
  const added = all.filter((p) => !isBaseItself(base, p.pack));
  const packs = added.filter((p) => !replacedIds(p).length || approved.has(p.hash));
  const waiting = added.filter((p) => !packs.includes(p)).map((p): WaitingPack => ({ ...originOf(p), document: p.pack.document.id, replaces: replacedIds(p) }));
  const catalog = addPacks(base, packs);
  const waits = waiting.length ? { waiting: [...(base.waiting ?? []), ...waiting] } : {};
  if (!packs.length) return { ...catalog, ...waits };
  const origins = Object.fromEntries(packs.filter((p) => catalog.documents.some((d) => d.id === p.pack.document.id)).map((p) => [p.pack.document.id, originOf(p)]));
  return { ...catalog, version: `${base.version}+${packs.map((p) => `${p.pack.document.id}@${p.pack.version}`).join("+")}`, packs: { ...base.packs, ...origins }, ...waits };
}

/**
 * The addition itself: `base` with the packs' documents, facts, places and accounting, less what
 * they replace. The built-in texts are added this way (build.ts) and name no pack; a
 * consultant's go through catalogWithPacks, which says whose each figure is.
 */
export function addPacks(base: Catalog, packs: readonly { readonly pack: Pack }[]): Catalog {
  // What a pack replaces goes, from the base and from the other packs, never from the pack itself.
  const replacedBy = (d: PolicyDocument, what: "documents" | "entries", id: string) => packs.some((p) => p.pack.document !== d && (p.pack.replaces?.[what] ?? []).includes(id));
  const documents = [...base.documents, ...packs.map((p) => p.pack.document)]
    .filter((d) => !replacedBy(d, "documents", d.id))
    .map((d) => (d.clauses.some((c) => replacedBy(d, "entries", c.id)) ? { ...d, clauses: d.clauses.filter((c) => !replacedBy(d, "entries", c.id)) } : d));
  // The base's facts, less those the documents kept define (assembleCatalog adds them again): a
  // replaced document's facts stay defined for the texts that still read them.
  const defined = new Set(documents.flatMap((d) => Object.keys(d.facts)));
  const shared: Record<string, FactDefinition> = {};
  for (const [name, def] of Object.entries(base.facts)) if (!defined.has(name)) shared[name] = def;
  const tree = mergePlaces([base.places, ...packs.flatMap((p) => (p.pack.places ? [{ places: p.pack.places.places ?? [], zones: p.pack.places.zones ?? [] }] : []))]);
  const accounting = Object.assign({}, base.accounting, ...packs.map((p) => p.pack.accounting));
  return assembleCatalog(documents, shared, tree, accounting);
}

/**
 * Two entries no enterprise can meet at once: one tests a code for values the other's test of
 * the same code excludes (北京 四、10 数据治理平台 / 四、11 人工智能辅助诊疗 by beijingDigitalProject),
 * or one flag true and false. They never pay one matter twice, whatever the texts say of stacking.
 */
function excludeEachOther(a: Clause, b: Clause): boolean {
  return a.conditions.some((p) =>
    b.conditions.some((q) => {
      if (!("fact" in p) || !("fact" in q) || p.fact !== q.fact) return false;
      if (p.op === "in" && q.op === "in") return !p.value.some((v) => q.value.includes(v));
      return p.op === "is" && q.op === "is" && p.value !== q.value;
    }),
  );
}

/**
 * Everything pack check refuses, over every pack loaded together, named by pack, entry and field:
 * quotes verbatim, facts defined and labelled, a worked example for every monetary entry, ids
 * unique, overlaps declared, places known, replacements declared.
 */
export function checkPacks(base: Catalog, packs: readonly LoadedPack[]): PackProblem[] {
  const problems: PackProblem[] = [];
  // A built-in pack checked over the catalog that holds it is checked as itself, not as a replacement.
  const builtins = base.documents.filter((d) => !packs.some((p) => p.pack.document.id === d.id && isBaseItself(base, p.pack)));
  const builtInIds = new Map<string, string>();
  for (const d of builtins) {
    builtInIds.set(d.id, d.id);
    for (const c of d.clauses) builtInIds.set(c.id, d.id);
  }
  const replaced = new Set(packs.flatMap((p) => [...(p.pack.replaces?.documents ?? []), ...(p.pack.replaces?.entries ?? [])]));
  const seen = new Map<string, string>();
  const knownFacts = new Set([...Object.keys(base.facts), ...packs.flatMap((p) => Object.keys(p.pack.document.facts))]);

  for (const { path, pack: p, text } of packs) {
    const doc = p.document;
    const at = (rest: Found) => problems.push({ pack: path, ...rest } as PackProblem);
    const flat = squeeze(text);
    const quoted = (q: string) => flat.includes(squeeze(q));

    // Replacing what ships, or another pack's, must be said: `replaces`, with the reason.
    for (const id of [doc.id, ...doc.clauses.map((c) => c.id)]) {
      const entry = id === doc.id ? undefined : id;
      if (builtInIds.has(id) && !replaced.has(id) && !replaced.has(builtInIds.get(id)!)) at({ entry, field: entry ? "id" : "document.id", code: "replacesUndeclared", id });
      const other = seen.get(id);
      if (other !== undefined) at({ entry, field: entry ? "id" : "document.id", code: "duplicateId", id, other });
      seen.set(id, path);
    }
    for (const id of [...(p.replaces?.documents ?? []), ...(p.replaces?.entries ?? [])]) {
      const elsewhere = packs.some((o) => o.pack !== p && (o.pack.document.id === id || o.pack.document.clauses.some((c) => c.id === id)));
      if (!builtInIds.has(id) && !elsewhere) at({ field: "replaces", code: "replacesUnknown", id });
    }

    for (const c of doc.clauses) {
      if (!c.id.startsWith(`${doc.id}/`)) at({ entry: c.id, field: "id", code: "idPrefix", id: c.id, document: doc.id });
      for (const [field, q] of quotesOf(c)) if (!quoted(q)) at({ entry: c.id, field, code: "misquoted", quote: q });
      for (const fact of referencedFacts(c)) if (!knownFacts.has(fact)) at({ entry: c.id, field: "conditions", code: "factUnknown", fact });
      if (c.formula && !p.examples.some((e) => e.entries.includes(c.id))) at({ entry: c.id, field: "examples", code: "noExample" });
      if (c.formula && !p.accounting[c.id]) at({ entry: c.id, field: "accounting", code: "noAccounting" });
    }
    for (const [id, a] of Object.entries(p.accounting)) {
      if (!quoted(a.words)) at({ entry: id, field: "accounting.words", code: "misquoted", quote: a.words });
      if (a.rdReward !== undefined && !quoted(a.rdReward)) at({ entry: id, field: "accounting.rdReward", code: "misquoted", quote: a.rdReward });
    }
    if (doc.stacking && !quoted(doc.stacking.sentence)) at({ field: "document.stacking.sentence", code: "misquoted", quote: doc.stacking.sentence });
    for (const x of [...(p.places?.places ?? []), ...(p.places?.zones ?? [])]) {
      if (x.combine && x.combine.document === doc.id && !quoted(x.combine.sentence)) at({ field: `places.${x.id}.combine.sentence`, code: "misquoted", quote: x.combine.sentence });
    }
    p.examples.forEach((e, i) => {
      for (const id of e.entries) if (!doc.clauses.some((c) => c.id === id)) at({ field: `examples[${i}].entries`, code: "exampleEntryUnknown", id });
    });
  }
  if (problems.length) return problems;

  // The whole, built: places and jurisdictions first, then overlaps across every text loaded.
  let catalog: Catalog;
  try {
    // Checked as it would be used, approved.
    catalog = catalogWithPacks(base, packs, allApproved(packs));
  } catch (e) {
    const message = (e as Error).message;
    for (const { path, pack: p } of packs) {
      const jurisdiction = p.document.jurisdiction;
      if (message.includes(`jurisdiction "${jurisdiction}"`)) problems.push({ pack: path, field: "document.jurisdiction", code: "unknownPlace", place: jurisdiction });
    }
    if (!problems.length) problems.push({ pack: packs.map((p) => p.path).join(", "), field: message.startsWith("places") ? "places" : "document", code: "catalog", message });
    return problems;
  }
  const mine = new Map(packs.flatMap((p) => p.pack.document.clauses.map((c) => [c.id, p] as const)));
  const { unitOf } = placesOf(catalog);
  for (const line of undeclaredOverlaps(catalog)) {
    const m = /: (\S+) \((\S+)\) and (\S+) \((\S+)\) overlap/.exec(line);
    if (!m) continue;
    const [, a, am, b, bm] = m;
    const owner = mine.get(a) ?? mine.get(b);
    if (owner) problems.push({ pack: owner.path, entry: mine.has(a) ? a : b, field: "matter", code: "overlap", other: mine.has(a) ? b : a, matter: mine.has(a) ? am : bm, otherMatter: mine.has(a) ? bm : am });
  }
  // One matter paid by two entries of one jurisdiction: most favourable only (ruling 5), which a
  // text must say (从优不重复, 就高不就低); a pack whose text does not, beside an entry whose text
  // does not either, is an overlap nobody declared.
  const byUnit = new Map<string, { clause: Clause; doc: PolicyDocument }[]>();
  for (const doc of catalog.documents) {
    for (const clause of doc.clauses) {
      if (!clause.formula) continue;
      const key = `${unitOf(doc.jurisdiction)} ${clause.matter}`;
      byUnit.set(key, [...(byUnit.get(key) ?? []), { clause, doc }]);
    }
  }
  for (const group of byUnit.values()) {
    group.forEach((x, i) => {
      for (const y of group.slice(i + 1)) {
        if (x.doc.stacking || y.doc.stacking) continue;
        // Entries that can never pay together, or one article's alternatives, are no overlap (RULINGS §76).
        if (excludeEachOther(x.clause, y.clause) || (x.doc === y.doc && x.clause.article === y.clause.article)) continue;
        const owner = mine.get(x.clause.id) ?? mine.get(y.clause.id);
        const [me, other] = mine.has(x.clause.id) ? [x, y] : [y, x];
        if (owner) problems.push({ pack: owner.path, entry: me.clause.id, field: "matter", code: "overlap", other: other.clause.id, matter: me.clause.matter, otherMatter: other.clause.matter });
      }
    });
  }
  return problems;
}
