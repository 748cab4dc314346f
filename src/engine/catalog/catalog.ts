import type { AccountingEntry } from "../accounting/classes";
import type { Clause, FactDefinition, PlaceTree, PolicyDocument } from "./schema";

/*
 * The clause catalog's shape and the rules every door may use. Reading and checking the files
 * against the schema is build.ts's (the tests, the CLI, the add-in's build); the engine runs on
 * compiled.ts, which in the built add-in is the catalog checked at build time.
 */

/** Bump when an entry's amount, condition or citation changes: templates name the version they used. */
export const CATALOG_VERSION = "2026.12.1";

export interface Catalog {
  readonly version: string;
  readonly documents: readonly PolicyDocument[];
  readonly clauses: readonly Clause[];
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** The tree of places and zones its documents' jurisdictions are in (ruling 21). */
  readonly places: PlaceTree;
  /** Each monetary clause's accounting class, by clause id (accounting.json). */
  readonly accounting: Readonly<Record<string, AccountingEntry>>;
  /** The pack each added document came from, by document id; a built-in document has none. */
  readonly packs?: Readonly<Record<string, PackOrigin>>;
  /** Packs left out because they replace a text and were not approved: what they would replace still computes, and says so. */
  readonly waiting?: readonly WaitingPack[];
}

/** A pack that replaces a text and waits for the user's approval (DESIGN "Policy packs"). */
export interface WaitingPack extends PackOrigin {
  /** Its own document's id. */
  readonly document: string;
  /** The document and entry ids it would replace. */
  readonly replaces: readonly string[];
}

/** What names a pack beside every figure from it (DESIGN "Policy packs"): its document's title, author, version and content hash. */
export interface PackOrigin {
  readonly title: string;
  readonly titleEn: string;
  readonly author: string;
  readonly version: string;
  /** SHA-256 hex of its content (pack-hash.ts); shown shortened. */
  readonly hash: string;
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CatalogError";
  }
}

/** Every fact name a clause reads, in its conditions, formula and caps. */
export function referencedFacts(clause: Clause): string[] {
  const names: string[] = [];
  const add = (ref: string | string[] | undefined) => {
    if (ref === undefined) return;
    names.push(...(Array.isArray(ref) ? ref : [ref]));
  };
  const visit = (c: Clause["conditions"][number]) => {
    if ("any" in c) c.any.forEach((branch) => branch.forEach(visit));
    else add(c.fact);
  };
  clause.conditions.forEach(visit);
  const f = clause.formula;
  if (f) {
    if (f.kind === "rate") {
      add(f.base);
      add(f.fallback);
    }
    if (f.kind === "unspecified") add(f.base);
    if (f.kind === "lookup" || f.kind === "steps") add(f.fact);
    if (f.kind === "milestones") add([f.fact, f.previous]);
  }
  clause.caps.forEach((cap) => add(cap.base));
  return names;
}

export type { Clause, FactDefinition, PolicyDocument } from "./schema";
