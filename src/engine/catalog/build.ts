import beijingDevice from "../../../packs/beijing-device/pack.json";
import changpingDevice from "../../../packs/changping-device/pack.json";
import changpingPharma from "../../../packs/changping-pharma/pack.json";
import shenzhenDevice from "../../../packs/shenzhen-device/pack.json";
import zhongguancun from "../../../packs/zhongguancun/pack.json";
import sharedFacts from "./facts.json";
import { assembleCatalog, mergePlaces } from "./assemble";
import { CATALOG_VERSION, CatalogError, type Catalog } from "./catalog";
import builtInPlaces from "./jurisdictions.json";
import { addPacks, checkPacks, parsePack, readPack, type Pack, type PackProblem, type PackSource } from "./pack";
import { packProblemText } from "./pack-words";
import { factDefinition, type FactDefinition } from "./schema";

/** For the add-in's build (scripts/catalog-loader.js), which hashes each built-in pack as any host does. */
export { packHashText } from "./pack-hash";

/*
 * The built-in catalog is the five texts' packs (packs/, issue 17) added to what they share (the
 * facts several texts read, facts.json, and the tree of places, jurisdictions.json; RULINGS §75),
 * by the very reader and the very addition a consultant's pack goes through (pack.ts).
 */

/** The built-in packs' JSON (packs/<document id>/pack.json), in the order of DESIGN.md's table. */
export const builtInPacks: readonly unknown[] = [changpingDevice, changpingPharma, shenzhenDevice, beijingDevice, zhongguancun];

/** What every pack builds on: the shared facts and the tree of places, with no text yet. */
export function baseCatalog(): Catalog {
  const shared: Record<string, FactDefinition> = {};
  for (const [name, def] of Object.entries(sharedFacts)) shared[name] = factDefinition.parse(def);
  return assembleCatalog([], shared, mergePlaces([builtInPlaces]), {});
}

const refuse = (problems: readonly PackProblem[]) => new CatalogError(problems.map((p) => packProblemText(p, "en-US")).join("\n"));

/** The base with `packs` added, under the catalog's own version (templates and records name it). */
const withPacks = (base: Catalog, packs: readonly { readonly pack: Pack }[]): Catalog => ({ ...addPacks(base, packs), version: CATALOG_VERSION });

/**
 * The catalog from packs' JSON (the built-in ones by default), each through the pack schema;
 * throws a CatalogError naming pack, entry and field. The texts are not read here (the engine
 * reads no file): checkedCatalog, run by the add-in's build and the tests, checks them too.
 */
export function buildCatalog(packs: readonly unknown[] = builtInPacks): Catalog {
  const read = packs.map((json, i) => parsePack((json as { document?: { id?: unknown } })?.document?.id?.toString() ?? `packs[${i}]`, json));
  const problems = read.flatMap((r) => r.problems);
  if (problems.length) throw refuse(problems);
  return withPacks(baseCatalog(), read.map((r) => ({ pack: r.pack! })));
}

/**
 * The catalog from packs read with their texts and checked exactly as `subsidy pack check`
 * checks a consultant's (quotes, labels, worked examples, overlaps, places); throws a
 * CatalogError listing every problem. scripts/catalog-loader.js builds the add-in's catalog
 * with it, so a built-in pack that fails the check fails the build.
 */
export function checkedCatalog(sources: readonly PackSource[]): Catalog {
  const base = baseCatalog();
  const read = sources.map(readPack);
  const packs = read.flatMap((r) => (r.pack ? [r.pack] : []));
  const problems = read.flatMap((r) => r.problems);
  if (!problems.length) problems.push(...checkPacks(base, packs));
  if (problems.length) throw refuse(problems);
  return withPacks(base, packs);
}
