import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { scenarioFile, SEED } from "./arbitraries";

/*
 * `subsidy forecast` over hostile scenario files: the examples with fields set to hostile values,
 * saved as UTF-8 (with and without a byte-order mark), UTF-16, cut short, or noise. Whatever
 * the file, the command exits 0 with well-formed output (JSON that parses, CSV rows as wide as
 * the header, every figure a plain decimal ≥ 0) or 1 with one printable line per problem: never
 * an exception, a stack trace or the file's raw bytes.
 */

const dir = mkdtempSync(join(tmpdir(), "subsidy-fuzz-"));
const example = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8"));
const file = join(dir, "scenario.json");
const figure = /^\d+(\.\d+)?$/;

async function run(format: "json" | "csv") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["forecast", file, "--format", format], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function checkRefusal(err: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/.test(err)) throw new Error(`unprintable refusal: ${JSON.stringify(err.slice(0, 200))}`);
  if (/\n\s+at |DecimalError|TypeError/.test(err)) throw new Error(`a stack or an internal error: ${err.slice(0, 200)}`);
  for (const line of err.split("\n")) if (line.length > 2000) throw new Error(`a refusal line of ${line.length} characters`);
}

test("subsidy forecast --format json: a forecast whose figures are decimals ≥ 0, or a clean refusal", async () => {
  let forecasts = 0;
  await fc.assert(
    fc.asyncProperty(scenarioFile(example), async (bytes) => {
      writeFileSync(file, bytes);
      const r = await run("json");
      if (r.code === 1) return checkRefusal(r.err);
      if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
      forecasts++;
      const f = JSON.parse(r.out) as { years: Record<string, unknown>[]; total: Record<string, unknown>; lines: { ceiling: string; expected: string }[] };
      const bands = [...f.years, f.total];
      for (const b of bands) for (const k of ["ceiling", "expected", "p10", "p50", "p90"]) if (!figure.test(String(b[k]))) throw new Error(`${k} = ${String(b[k])}`);
      for (const l of f.lines) if (!figure.test(l.ceiling) || !figure.test(l.expected)) throw new Error(`a line of ${l.ceiling} / ${l.expected}`);
    }),
    { seed: SEED, numRuns: 120, endOnFailure: true },
  );
  expect(forecasts).toBeGreaterThan(10);
});

test("subsidy forecast --format csv: every row as wide as the header, or a clean refusal", async () => {
  await fc.assert(
    fc.asyncProperty(scenarioFile(example), async (bytes) => {
      writeFileSync(file, bytes);
      const r = await run("csv");
      if (r.code === 1) return checkRefusal(r.err);
      if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
      const rows = r.out.split("\n").map((l) => l.split(","));
      if (rows.some((row) => row.length !== rows[0].length)) throw new Error("ragged CSV");
      for (const row of rows.slice(1)) for (const cell of row.slice(1)) if (!figure.test(cell) && !/^(true|false)$/.test(cell)) throw new Error(`CSV cell ${cell}`);
    }),
    { seed: SEED + 1, numRuns: 60, endOnFailure: true },
  );
});
