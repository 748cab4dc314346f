import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario, type Forecast } from "../../src/engine";

export function forecastExample(file: string): Forecast {
  return forecast(parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"))));
}

/** The year table as plain strings: year → [ceiling, expected]. */
export function yearTable(f: Forecast): Record<number, [string, string]> {
  return Object.fromEntries(f.years.map((y) => [y.year, [y.ceiling.toFixed(), y.expected.toFixed()]]));
}

/** What each clause paid in a year, at the ceiling: "year clause" → amount. */
export function paidLines(f: Forecast): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of f.lines) {
    if (l.ceiling.isZero()) continue;
    const key = `${l.year} ${l.trace.clause.id}`;
    out[key] = out[key] ? String(Number(out[key]) + l.ceiling.toNumber()) : l.ceiling.toFixed();
  }
  return out;
}
