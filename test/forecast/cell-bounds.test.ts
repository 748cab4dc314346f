import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, ForecastTimeout, parseScenario, scenarioFromInputs, scenarioToInputs } from "../../src/engine";
import { CellError } from "../../src/functions/cells";
import { CELL_DRAWS, forecastCells } from "../../src/functions/reports";

// Issue 12 item 4: a cell's forecast is bounded in draws and time (no minutes of frozen Excel).
const load = (f: string) => parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", f), "utf8")));

/** Fourteen uncertain policies in fourteen years: the total's band is drawn (2^14 points). */
const drawn = (draws: number) =>
  parseScenario({
    schemaVersion: 1,
    name: "drawn",
    enterprise: { region: "changping", sector: "device" },
    horizon: { from: 2026, to: 2039 },
    simulation: { draws },
    events: Array.from({ length: 14 }, (_, i) => ({ type: "insurance", year: 2026 + i, premium: String(100 * 2 ** i), probability: 0.5 })),
  });

test("past its deadline a forecast stops with a ForecastTimeout, not a partial result", () => {
  expect(() => forecast(load("changping-device-startup.json"), { deadline: Date.now() - 1 })).toThrow(ForecastTimeout);
});

test("FORECAST in a cell past its time budget answers #N/A with a message saying what to do", () => {
  const out = forecastCells(scenarioToInputs(load("changping-device-startup.json")), undefined, undefined, { budgetMs: -1 });
  expect(out).toBeInstanceOf(CellError);
  expect((out as CellError).code).toBe("#N/A");
  expect((out as CellError).message).toMatch(/FORECAST stopped after .* fewer Inputs rows or draws .*subsidy forecast/);
});

test("FORECAST in a cell draws at most CELL_DRAWS, whatever the Inputs table asks; the CLI's forecast draws them all", () => {
  const inputs = scenarioToInputs(drawn(2000));
  inputs.push(["draws", null, null, 100_000, null, null, null, null, null, null, null]);
  const s = scenarioFromInputs(inputs);
  expect(s.simulation.draws).toBe(100_000);
  // The cell's answer is the forecast of the same scenario at CELL_DRAWS draws.
  const cell = forecastCells(inputs) as unknown[][];
  const capped = forecast(s, { draws: CELL_DRAWS });
  expect(capped.method).toEqual({ kind: "monte-carlo", draws: CELL_DRAWS, seed: 1 });
  const total = cell[cell.length - 1];
  expect(total.slice(0, 6)).toEqual(["total", ...[capped.total.ceiling, capped.total.expected, capped.total.p10, capped.total.p50, capped.total.p90].map((d) => d.toNumber())]);
  expect(forecast(s).method).toEqual({ kind: "monte-carlo", draws: 100_000, seed: 1 });
});
