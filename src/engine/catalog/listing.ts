import type { Catalog } from "./catalog";
import type { Clause, PolicyDocument, Topic } from "./schema";
import { isRegionProblem, placesOf } from "./places";
import type { Region } from "./regions";

export const clauseColumns = [
  "id",
  "document",
  "article",
  "jurisdiction",
  "level",
  "status",
  "topic",
  "matter",
  "monetary",
  "summary",
  "sentence",
  "limits",
  "workingDays",
  "validity",
] as const;

export interface ListedClause {
  readonly clause: Clause;
  readonly document: PolicyDocument;
}

/** The catalog filtered by where the enterprise is and what the matter is, in catalog order. */
export function listClauses(catalog: Catalog, region?: Region, topic?: Topic, zones?: readonly string[]): ListedClause[] {
  const resolved = region === undefined ? undefined : placesOf(catalog).resolve(region, zones);
  const reach = resolved === undefined ? undefined : isRegionProblem(resolved) ? [] : resolved.jurisdictions;
  return catalog.documents
    .filter((d) => !reach || reach.includes(d.jurisdiction))
    .flatMap((document) => document.clauses.filter((c) => !topic || c.topic === topic).map((clause) => ({ clause, document })));
}

/**
 * The facts a clause reads, in the order its conditions and formula name them: what the pane's
 * hints say a clause reads ("上一年度研发投入", "上上年度研发投入"), from the catalog itself.
 */
export function factsRead(clause: Clause): string[] {
  const found = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object")
      for (const [k, v] of Object.entries(x)) {
        if ((k === "fact" || k === "base") && (typeof v === "string" || Array.isArray(v))) [v].flat().forEach((f) => typeof f === "string" && found.add(f));
        else walk(v);
      }
  };
  walk(clause.conditions);
  walk(clause.formula);
  return [...found];
}

/**
 * Every cap and limit of a clause with the words that set it (ruling 14): per-unit and plain caps,
 * the enterprise's annual cap, "累计不超过N年", a window, a once-only award.
 */
export function clauseLimits(clause: Clause) {
  return {
    caps: clause.caps.map((c) => ({ amount: c.amount, perUnitOf: c.base, per: c.per, sentence: c.sentence })),
    enterpriseAnnualCap:
      clause.enterpriseAnnualCap === undefined ? undefined : { amount: clause.enterpriseAnnualCap, sentence: clause.enterpriseAnnualCapSentence! },
    maxYears: clause.maxYears === undefined ? undefined : { years: clause.maxYears, sentence: clause.maxYearsSentence! },
    window: clause.window,
    once: clause.once,
    advance: clause.advance,
  };
}

/** The quoted words of every cap and limit, in one cell: “单个注册证给予最高300万元支持” “单个企业每年最高支持3000万元”. */
function limitsCell(clause: Clause): string {
  const l = clauseLimits(clause);
  const quoted = [
    ...l.caps.map((c) => c.sentence),
    l.enterpriseAnnualCap?.sentence,
    l.maxYears?.sentence,
    l.window?.sentence,
    l.once?.sentence,
    l.advance?.because,
  ].filter((q): q is string => q !== undefined);
  return [...new Set(quoted)].map((q) => `“${q}”`).join(" ");
}

/** A document's validity as its dates ("2025-11-24 – 2028-12-31"), or its term from an unstated issue date. */
export function validityCell(document: PolicyDocument): string {
  const from = document.validFrom ?? document.issued;
  if (from || document.validTo) return `${from ?? ""} – ${document.validTo ?? ""}`.trim();
  // The text's own words for a term whose start it does not state (深圳: 有效期5年).
  return document.validityYears ? `有效期${document.validityYears}年` : "";
}

/** One row per clause, in `clauseColumns` order: what CLAUSES spills and `subsidy clauses` prints. */
export function clauseRow({ clause, document }: ListedClause): string[] {
  return [
    clause.id,
    document.title,
    clause.article,
    document.jurisdiction,
    document.level,
    document.status,
    clause.topic,
    clause.matter,
    clause.formula ? "yes" : "no",
    clause.summary.en,
    clause.sentence,
    limitsCell(clause),
    clause.workingDays === undefined ? "" : String(clause.workingDays),
    validityCell(document),
  ];
}

/** A clause for `subsidy clauses --json`: its row, with every cap and limit as data beside its sentence. */
export function clauseRecord(listed: ListedClause): Record<string, unknown> {
  const row = clauseRow(listed);
  const { workingDays } = listed.clause;
  return { ...Object.fromEntries(clauseColumns.map((c, i) => [c, row[i]])), limits: clauseLimits(listed.clause), workingDays };
}
