import type { Catalog } from "./catalog";
import { forecast, type Forecast } from "../forecast/forecast";
import { parseScenario } from "../forecast/scenario";
import { useCatalog } from "../rules/evaluate";

/**
 * A scenario's forecast on `catalog` (one version of a pack added): parsed there too, since its
 * region may be a place only the pack adds. Throws the ScenarioError the scenario earns. The
 * engine in use is then `after` (undefined: the bundled catalog), whatever happened.
 */
export function forecastOn(catalog: Catalog, scenario: unknown, after?: Catalog): Forecast {
  useCatalog(catalog);
  try {
    return forecast(parseScenario(scenario));
  } finally {
    useCatalog(after);
  }
}
