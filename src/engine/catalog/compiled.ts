import { buildCatalog, catalogFiles } from "./build";
import type { Catalog } from "./catalog";

/**
 * The catalog the engine runs on. Here (Node: the tests, the CLI) the files are checked against
 * the schema as they load. In the built add-in webpack replaces this module with the catalog
 * already checked and parsed at build time (scripts/catalog-loader.js), so Excel's runtime never
 * runs the catalog schema; a catalog that fails it fails the build.
 */
export function compiledCatalog(): Catalog {
  return buildCatalog(catalogFiles);
}
