import type { ZodError } from "zod";
import { parseAccounting } from "../accounting/classes";
import accountingFile from "./accounting.json";
import beijingDevice from "./beijing-device.json";
import changpingDevice from "./changping-device.json";
import changpingPharma from "./changping-pharma.json";
import sharedFacts from "./facts.json";
import { CATALOG_VERSION, CatalogError, referencedFacts, type Catalog } from "./catalog";
import shenzhenDevice from "./shenzhen-device.json";
import zhongguancun from "./zhongguancun.json";
import { document, factDefinition, type Clause, type FactDefinition, type PolicyDocument } from "./schema";

/** The raw catalog files, in the order of DESIGN.md's table. */
export const catalogFiles: readonly unknown[] = [changpingDevice, changpingPharma, shenzhenDevice, beijingDevice, zhongguancun];

/** Where in a document file a schema problem is, named by the entry's id when there is one. */
function describeIssues(raw: unknown, error: ZodError): string {
  const doc = raw as { id?: string; clauses?: { id?: string }[] };
  return error.issues
    .map((issue) => {
      const [head, index, ...rest] = issue.path;
      if (head === "clauses" && typeof index === "number") {
        const id = doc.clauses?.[index]?.id ?? `clauses[${index}]`;
        return `${id}: ${rest.join(".") || "(entry)"}: ${issue.message}`;
      }
      return `${doc.id ?? "(document)"}: ${issue.path.join(".") || "(document)"}: ${issue.message}`;
    })
    .join("\n");
}

export function parseDocument(raw: unknown): PolicyDocument {
  const result = document.safeParse(raw);
  if (!result.success) throw new CatalogError(describeIssues(raw, result.error));
  return result.data;
}

/** Validates every file and the references between them; throws a CatalogError naming the entry. */
export function buildCatalog(files: readonly unknown[]): Catalog {
  const documents = files.map(parseDocument);
  const facts: Record<string, FactDefinition> = {};
  for (const [name, def] of Object.entries(sharedFacts)) facts[name] = factDefinition.parse(def);
  for (const doc of documents) {
    for (const [name, def] of Object.entries(doc.facts)) {
      if (facts[name]) throw new CatalogError(`${doc.id}: fact "${name}" is already defined`);
      facts[name] = def;
    }
  }
  const clauses: Clause[] = [];
  const ids = new Set<string>();
  for (const doc of documents) {
    for (const clause of doc.clauses) {
      if (!clause.id.startsWith(`${doc.id}/`)) throw new CatalogError(`${clause.id}: id must start with "${doc.id}/"`);
      if (ids.has(clause.id)) throw new CatalogError(`${clause.id}: duplicate id`);
      ids.add(clause.id);
      for (const name of referencedFacts(clause)) {
        if (!facts[name]) throw new CatalogError(`${clause.id}: unknown fact "${name}"`);
      }
      clauses.push(clause);
    }
  }
  return { version: CATALOG_VERSION, documents, clauses, facts, accounting: parseAccounting(accountingFile) };
}

