import { Decimal, formatRate, formatYuan, type Catalog, type Clause, type Forecast, type Lang, type PolicyDocument } from "../engine";
import { escapeXml, unescapeXml } from "./xml-text";

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

const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], unescapeXml(m[2])]));

/** Our own part read back; undefined when it is not one (another namespace, or not our shape). */
export function parseCatalogRecord(xml: string): CatalogRecord | undefined {
  const root = /<catalog\b([^>]*)>/.exec(xml);
  if (!root || attrs(root[1]).xmlns !== CATALOG_PART_NAMESPACE) return undefined;
  const { version, computed } = attrs(root[1]);
  if (!version) return undefined;
  const clauses = [...xml.matchAll(/<clause\b([^>]*)>([\s\S]*?)<\/clause>/g)].map((m) => ({
    id: attrs(m[1]).id ?? "",
    figures: [...m[2].matchAll(/<figure\b([^>]*)\/>/g)].map((g) => {
      const a = attrs(g[1]);
      return { kind: a.kind as FigureKind, ...(a.key === undefined ? {} : { key: a.key }), value: a.value ?? "" };
    }),
  }));
  return { version, computed: computed ?? "", clauses };
}

/** A figure that differs: before in the workbook, after in the catalog now (undefined: gone). */
export interface FigureChange {
  readonly clause: string;
  readonly kind: FigureKind | "clause";
  readonly key?: string;
  readonly before?: string;
  readonly after?: string;
}

const figureKey = (f: Figure) => `${f.kind}\u0000${f.key ?? ""}`;

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
    const before = new Map(c.figures.map((f) => [figureKey(f), f]));
    const after = new Map(now.map((f) => [figureKey(f), f]));
    for (const [k, f] of before) if (after.get(k)?.value !== f.value) changes.push({ clause: c.id, kind: f.kind, key: f.key, before: f.value, after: after.get(k)?.value });
    for (const [k, f] of after) if (!before.has(k)) changes.push({ clause: c.id, kind: f.kind, key: f.key, after: f.value });
  }
  return changes;
}

/** A clause's figures in a catalog (the one in hand, normally), or undefined when it has no such clause. */
export function figuresIn(catalog: Catalog): (id: string) => Figure[] | undefined {
  return (id) => {
    const clause = catalog.clauses.find((c) => c.id === id);
    const doc = clause && catalog.documents.find((d) => d.clauses.includes(clause));
    return clause && doc ? clauseFigures(clause, doc) : undefined;
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
