import { Decimal, formatRate, formatYuan, type Catalog, type Clause, type Forecast, type Lang, type PolicyDocument } from "../engine";
import * as z from "zod/mini";
import { readValue, sizePolicy, tooManyBytes, type Format, type Read } from "./stored";
import { escapeXml } from "./xml-text";
import { attrPattern, resolveReferences, tagPattern } from "./xml-scan";

/**
 * The catalog a workbook was computed with, kept in the workbook (a custom XML part) so that a
 * later catalog can say what changed: its version, and the figures of every clause the forecast
 * weighed (rates, amounts, tiers, caps, limits, validity), by clause id. Pure: the CLI writes it
 * into the package, the task pane through Office.js, and the pane compares it with its own.
 */

export const CATALOG_PART_NAMESPACE = "urn:subsidy-forecast:workbook-catalog:1";

export type FigureKind = "rate" | "amount" | "tier" | "cap" | "unitCap" | "annualCap" | "maxYears" | "validFrom" | "validTo" | "validityYears" | "status";

/** One figure of a clause; `key` tells figures of one kind apart (a lookup's code, a tier's threshold, a unit cap's fact). */
export interface Figure {
  readonly kind: FigureKind;
  readonly key?: string;
  readonly value: string;
}

export interface ClauseRecord {
  readonly id: string;
  readonly figures: readonly Figure[];
  /** Figures of a known kind whose value this version could not read (by kind and key): not compared. */
  readonly unread?: readonly string[];
}

export interface CatalogRecord {
  readonly version: string;
  /** The day the figures were computed (YYYY-MM-DD). */
  readonly computed: string;
  readonly clauses: readonly ClauseRecord[];
}

/** The figures a clause's text sets, in a stable order. */
export function clauseFigures(clause: Clause, doc: PolicyDocument): Figure[] {
  const figures: Figure[] = [];
  const f = clause.formula;
  if (f?.kind === "rate") figures.push({ kind: "rate", value: f.rate });
  if (f?.kind === "fixed") figures.push({ kind: "amount", value: f.amount });
  if (f?.kind === "lookup") for (const [key, value] of Object.entries(f.table)) figures.push({ kind: "amount", key, value });
  if (f?.kind === "milestones" || f?.kind === "steps") for (const t of f.tiers) figures.push({ kind: "tier", key: t.threshold, value: t.amount });
  for (const c of clause.caps) figures.push(c.base ? { kind: "unitCap", key: c.base, value: c.amount } : { kind: "cap", value: c.amount });
  if (clause.enterpriseAnnualCap) figures.push({ kind: "annualCap", value: clause.enterpriseAnnualCap });
  if (clause.maxYears) figures.push({ kind: "maxYears", value: String(clause.maxYears) });
  if (doc.validFrom ?? doc.issued) figures.push({ kind: "validFrom", value: (doc.validFrom ?? doc.issued)! });
  if (doc.validTo) figures.push({ kind: "validTo", value: doc.validTo });
  if (doc.validityYears) figures.push({ kind: "validityYears", value: String(doc.validityYears) });
  figures.push({ kind: "status", value: doc.status });
  return figures;
}

/** The record of a forecast: every clause it weighed for the plan's matters (not those of another sector). */
export function catalogRecord(f: Forecast, computed: string): CatalogRecord {
  const seen = new Map<string, ClauseRecord>();
  for (const { evaluation } of f.matters)
    for (const line of evaluation.lines)
      if (line.status !== "other-sector" && !seen.has(line.clause.id)) seen.set(line.clause.id, { id: line.clause.id, figures: clauseFigures(line.clause, line.document) });
  const clauses = [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: f.catalogVersion, computed, clauses };
}

export function catalogRecordXml(r: CatalogRecord): string {
  const figure = (x: Figure) => `<figure kind="${x.kind}"${x.key === undefined ? "" : ` key="${escapeXml(x.key)}"`} value="${escapeXml(x.value)}"/>`;
  const clause = (c: ClauseRecord) => `<clause id="${escapeXml(c.id)}">${c.figures.map(figure).join("")}</clause>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<catalog xmlns="${CATALOG_PART_NAMESPACE}" version="${escapeXml(r.version)}" computed="${escapeXml(r.computed)}">${r.clauses.map(clause).join("")}</catalog>`;
}

const figureKey = (f: Figure) => `${f.kind}\u0000${f.key ?? ""}`;

/** What reading the workbook's catalog record gave: the record, and how many figures it left out. */
export type RecordRead = Read<CatalogRecord> & { readonly skipped?: number };

const decimal = /^\d{1,20}(\.\d{1,20})?$/;
const text = (max: number) => z.string().check(z.maxLength(max));
/**
 * A figure's value as this version writes it for each kind: a plain decimal of at most 20 digits
 * either side of the point for money and rates, so whatever is shown from it is short.
 */
const valueOf: Record<FigureKind, RegExp> = {
  rate: decimal,
  amount: decimal,
  tier: decimal,
  cap: decimal,
  unitCap: decimal,
  annualCap: decimal,
  maxYears: /^\d{1,3}$/,
  validFrom: /^\d{4}-\d{2}-\d{2}$/,
  validTo: /^\d{4}-\d{2}-\d{2}$/,
  validityYears: /^\d{1,3}$/,
  status: /^[a-z-]{1,20}$/,
};
const knownKind = (kind: string): kind is FigureKind => Object.prototype.hasOwnProperty.call(valueOf, kind);
/** A figure as this version writes it: a kind it knows, and the value (and a tier's key) that kind takes. */
const readable = (f: { kind: string; key?: string; value: string }): f is Figure =>
  knownKind(f.kind) && valueOf[f.kind].test(f.value) && (f.kind !== "tier" || decimal.test(f.key ?? ""));
const recordSchema = z.object({
  version: text(100).check(z.minLength(1)),
  computed: text(40),
  clauses: z.array(z.object({ id: text(200).check(z.minLength(1)), figures: z.array(z.object({ kind: text(60), key: z.optional(text(200)), value: text(60) })) })),
});

const format: Format<z.infer<typeof recordSchema>> = { version: 1, versionOf: () => 1, migrations: {}, schema: recordSchema };

type AttributeName = "xmlns" | "version" | "computed" | "id" | "kind" | "key" | "value";
const attributeNames = new Set<string>(["xmlns", "version", "computed", "id", "kind", "key", "value"] satisfies AttributeName[]);

/**
 * The workbook's catalog record read back: in one pass over the text (each character looked at a
 * bounded number of times, whatever the record holds), bounded by the size policy, checked with
 * a schema. A record of a later format (another namespace version) is set aside, as is one that
 * is not well-formed; a figure of a kind this version does not know, or a value that is not what
 * this version writes (a cap of 1e+9000000, a rate of "abc"), is left out of the comparison and
 * counted in `skipped`, so the rest is still compared. Never throws.
 */
export function readCatalogRecord(xml: unknown): RecordRead {
  if (typeof xml !== "string") return { ok: false, aside: { kind: "syntax", detail: "not a text" } };
  if (tooManyBytes(xml)) return { ok: false, aside: { kind: "size", bound: "bytes", at: "(record)" } };
  const syntax = (detail: string): RecordRead => ({ ok: false, aside: { kind: "syntax", detail } });
  const open: string[] = [];
  let root: Partial<Record<AttributeName, string>> | undefined;
  const clauses: { id: string; figures: { kind: string; key?: string; value: string }[] }[] = [];
  let skipped = 0;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    if (xml.startsWith("<?", lt) || xml.startsWith("<!--", lt)) {
      const close = xml.startsWith("<?", lt) ? "?>" : "-->";
      const end = xml.indexOf(close, lt + 2);
      if (end < 0) return syntax(`unclosed ${close === "?>" ? "declaration" : "comment"}`);
      i = end + close.length;
      continue;
    }
    tagPattern.lastIndex = lt;
    const tag = tagPattern.exec(xml);
    if (!tag) return syntax(`not a tag at ${lt}`);
    i = tagPattern.lastIndex;
    const [, closing, name, attrSource, selfClosing] = tag;
    if (closing) {
      if (open.pop() !== name) return syntax(`</${name.slice(0, 40)}> does not close what is open`);
      continue;
    }
    const attrs: Partial<Record<AttributeName, string>> = {};
    attrPattern.lastIndex = 0;
    for (let a = attrPattern.exec(attrSource); a; a = attrPattern.exec(attrSource)) {
      // Only the attributes this version reads (never one named __proto__).
      if (!attributeNames.has(a[1])) continue;
      const value = resolveReferences(a[2] ?? a[3] ?? "");
      if (value === undefined) return syntax(`a character reference XML does not allow in ${name.slice(0, 40)}`);
      if (value.length > sizePolicy.string) return { ok: false, aside: { kind: "size", bound: "string", at: name } };
      attrs[a[1] as AttributeName] = value;
    }
    if (open.length >= sizePolicy.depth) return { ok: false, aside: { kind: "size", bound: "depth", at: name } };
    if (root && open.length === 0) return syntax("more than one root element");
    if (!root) {
      if (name !== "catalog") return syntax(`<${name.slice(0, 40)}> is not a catalog record`);
      const ns = attrs.xmlns ?? "";
      const version = /^urn:subsidy-forecast:workbook-catalog:(\d{1,6})$/.exec(ns)?.[1];
      if (version && Number(version) > 1) return { ok: false, aside: { kind: "newer", version } };
      if (ns !== CATALOG_PART_NAMESPACE) return syntax("not a catalog record of this add-in");
      root = attrs;
    } else if (open.length === 1 && name === "clause") {
      if (clauses.length >= sizePolicy.array) return { ok: false, aside: { kind: "size", bound: "array", at: "clauses" } };
      clauses.push({ id: attrs.id ?? "", figures: [] });
    } else if (open.length === 2 && open[1] === "clause" && name === "figure") {
      const figures = clauses[clauses.length - 1].figures;
      if (figures.length >= sizePolicy.array) return { ok: false, aside: { kind: "size", bound: "array", at: "figures" } };
      figures.push({ kind: attrs.kind ?? "", ...(attrs.key === undefined ? {} : { key: attrs.key }), value: attrs.value ?? "" });
    } else skipped++; // an element a later version may add: not compared
    if (!selfClosing) open.push(name);
  }
  if (!root) return syntax("no catalog record");
  if (open.length > 0) return syntax(`<${open[open.length - 1].slice(0, 40)}> is not closed`);
  const read = readValue({ version: root.version, computed: root.computed ?? "", clauses }, format);
  if (!read.ok) return read;
  const record: CatalogRecord = {
    version: read.value.version,
    computed: read.value.computed,
    clauses: read.value.clauses.map((c) => {
      const unread: string[] = [];
      const figures = c.figures.flatMap((f) => {
        if (readable(f)) return [f];
        skipped++;
        if (knownKind(f.kind)) unread.push(figureKey(f as Figure));
        return [];
      });
      return unread.length > 0 ? { id: c.id, figures, unread } : { id: c.id, figures };
    }),
  };
  return { ok: true, value: record, skipped };
}

/** Our own part read back; undefined when it cannot be read (readCatalogRecord says why). */
export function parseCatalogRecord(xml: string): CatalogRecord | undefined {
  const read = readCatalogRecord(xml);
  return read.ok ? read.value : undefined;
}

/** A figure that differs: before in the workbook, after in the catalog now (undefined: gone). */
export interface FigureChange {
  readonly clause: string;
  readonly kind: FigureKind | "clause";
  readonly key?: string;
  readonly before?: string;
  readonly after?: string;
}


/**
 * What changed between the catalog a workbook recorded and the one in hand, clause by clause:
 * figures changed, added or removed, and clauses the catalog no longer has. `current` gives a
 * clause's figures now, or undefined when the catalog has no such clause.
 */
export function compareCatalog(stored: CatalogRecord, current: (id: string) => readonly Figure[] | undefined): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const c of stored.clauses) {
    const now = current(c.id);
    if (!now) {
      changes.push({ clause: c.id, kind: "clause", before: c.id });
      continue;
    }
    const unread = new Set(c.unread);
    const before = new Map(c.figures.map((f) => [figureKey(f), f]));
    const after = new Map(now.map((f) => [figureKey(f), f]));
    for (const [k, f] of before) if (after.get(k)?.value !== f.value) changes.push({ clause: c.id, kind: f.kind, key: f.key, before: f.value, after: after.get(k)?.value });
    for (const [k, f] of after) if (!before.has(k) && !unread.has(k)) changes.push({ clause: c.id, kind: f.kind, key: f.key, after: f.value });
  }
  return changes;
}

/** A clause's figures in a catalog (the one in hand, normally), or undefined when it has no such clause. */
export function figuresIn(catalog: Catalog): (id: string) => Figure[] | undefined {
  // By id, once: a record may name many clauses, and each is looked up.
  const byId = new Map(catalog.documents.flatMap((doc) => doc.clauses.map((clause) => [clause.id, { clause, doc }] as const)));
  return (id) => {
    const found = byId.get(id);
    return found ? clauseFigures(found.clause, found.doc) : undefined;
  };
}

/** A fact's name for a reader, from the catalog's definitions. */
export const factLabel = (catalog: Catalog, lang: Lang) => (id: string) => (catalog.facts[id] ? catalog.facts[id][lang === "zh-CN" ? "zh" : "en"] : id);

const labels: Record<Lang, Record<FigureKind, (key: string, fact: (id: string) => string) => string>> = {
  "en-US": {
    rate: () => "rate",
    amount: (k) => (k ? `amount for ${k}` : "amount"),
    tier: (k) => `award at ${formatYuan(new Decimal(k))}`,
    cap: () => "cap",
    unitCap: (k, fact) => `cap per unit of ${fact(k)}`,
    annualCap: () => "annual cap per enterprise",
    maxYears: () => "years at most",
    validFrom: () => "in force from",
    validTo: () => "in force until",
    validityYears: () => "years of validity",
    status: () => "status",
  },
  "zh-CN": {
    rate: () => "比例",
    amount: (k) => (k ? `${k} 的金额` : "金额"),
    tier: (k) => `达到 ${formatYuan(new Decimal(k))} 的奖励`,
    cap: () => "上限",
    unitCap: (k, fact) => `每单位${fact(k)}的上限`,
    annualCap: () => "每个企业每年上限",
    maxYears: () => "最多年数",
    validFrom: () => "施行日期",
    validTo: () => "有效期至",
    validityYears: () => "有效年数",
    status: () => "状态",
  },
};

const statusText: Record<Lang, Record<string, string>> = {
  "en-US": { draft: "draft for comment", "in-force": "in force" },
  "zh-CN": { draft: "征求意见稿", "in-force": "正式施行" },
};

function valueText(kind: FigureKind, value: string | undefined, lang: Lang): string {
  if (value === undefined) return lang === "zh-CN" ? "（无）" : "(none)";
  if (kind === "rate") return formatRate(new Decimal(value));
  if (kind === "status") return statusText[lang][value] ?? value;
  if (kind === "amount" || kind === "tier" || kind === "cap" || kind === "unitCap" || kind === "annualCap") return formatYuan(new Decimal(value));
  return value;
}

/** "changping-device/5.1: cap 3,000,000 → 2,000,000", in either language; `fact` names a fact for a reader. */
export function describeChange(c: FigureChange, lang: Lang, fact: (id: string) => string = (id) => id): string {
  if (c.kind === "clause") return lang === "zh-CN" ? `${c.clause}：当前目录中已无此条款` : `${c.clause}: no longer in the catalog`;
  const label = labels[lang][c.kind](c.key ?? "", fact);
  const sep = lang === "zh-CN" ? "：" : ": ";
  return `${c.clause}${sep}${label} ${valueText(c.kind, c.before, lang)} → ${valueText(c.kind, c.after, lang)}`;
}
