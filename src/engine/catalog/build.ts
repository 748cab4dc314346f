import type { ZodError } from "zod";
import { parseAccounting } from "../accounting/classes";
import accountingFile from "./accounting.json";
import beijingDevice from "./beijing-device.json";
import changpingDevice from "./changping-device.json";
import changpingPharma from "./changping-pharma.json";
import sharedFacts from "./facts.json";
import { assembleCatalog, mergePlaces } from "./assemble";
import { CatalogError, type Catalog } from "./catalog";
import builtInPlaces from "./jurisdictions.json";
import shenzhenDevice from "./shenzhen-device.json";
import zhongguancun from "./zhongguancun.json";
import { document, factDefinition, type FactDefinition, type PlaceTree, type PolicyDocument } from "./schema";

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

/** The built-in tree of places and zones with those packs add, checked as one (ruling 21). */
export function buildPlaces(added: readonly unknown[] = []): PlaceTree {
  return mergePlaces([builtInPlaces, ...added]);
}

/**
 * Validates every file and the references between them; throws a CatalogError naming the entry.
 * `places`: trees of places and zones added to the built-in one (a pack's).
 */
export function buildCatalog(files: readonly unknown[], places: readonly unknown[] = []): Catalog {
  const shared: Record<string, FactDefinition> = {};
  for (const [name, def] of Object.entries(sharedFacts)) shared[name] = factDefinition.parse(def);
  return assembleCatalog(files.map(parseDocument), shared, buildPlaces(places), parseAccounting(accountingFile));
}
