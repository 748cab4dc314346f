import { buildCatalog } from "./build";
import type { Catalog } from "./catalog";

/**
 * The catalog the engine runs on. Here (Node: the tests, the CLI) the built-in packs (packs/)
 * are read through the pack schema as they load. In the built add-in webpack replaces this module
 * with the catalog already checked and parsed at build time (scripts/catalog-loader.js), so
 * Excel's runtime never runs the catalog schema; a pack that fails `pack check` fails the build.
 */
export function compiledCatalog(): Catalog {
  return buildCatalog();
}
