import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { forecast, forecastTable, formatFlag, formatLine, formatNote, formatStep, formatTitle, formatYuan, parseScenario, ScenarioError, wordsFor, type Forecast, type Lang } from "../engine";
import type { Io } from "./main";

const formats = ["table", "csv", "json"] as const;

/** Reads and checks a scenario file; problems come back as lines naming the field. */
export function readScenario(path: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ScenarioError([`${path}: ${(e as Error).message}`]);
  }
  return parseScenario(raw);
}

/** `subsidy forecast scenario.json [--format table|csv|json] [--draws N] [--seed S] [--lang L]` */
export function forecastCommand(argv: string[], io: Io, lang: Lang = "en-US"): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "table" }, draws: { type: "string" }, seed: { type: "string" } },
  });
  const format = values.format as (typeof formats)[number];
  if (!formats.includes(format)) return usage(io, `--format must be one of ${formats.join(", ")}`);
  if (positionals.length !== 1) return usage(io, "give one scenario file");
  const draws = values.draws === undefined ? undefined : Number(values.draws);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 100000)) return usage(io, "--draws must be a whole number from 1 to 100000");
  if (seed !== undefined && !Number.isInteger(seed)) return usage(io, "--seed must be a whole number");

  let scenario;
  try {
    scenario = readScenario(positionals[0]);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`subsidy: ${positionals[0]} is not a valid scenario:`);
    for (const p of e.problems) io.err(`  ${p}`);
    return 1;
  }
  const started = Date.now();
  const f = forecast(scenario, {
    draws,
    seed,
    // Progress only once a run takes more than a moment, on stderr so stdout stays clean.
    onProgress: (done, total) => {
      if (Date.now() - started > 500) io.progress?.(`forecasting: ${done}/${total} ${done === total ? "\n" : ""}`);
    },
  });
  if (format === "json") io.out(JSON.stringify(toJson(f, lang), null, 2));
  else if (format === "csv") io.out(toCsv(f));
  else io.out(toText(f, lang));
  return 0;
}

function usage(io: Io, problem: string): number {
  io.err(`subsidy forecast: ${problem}\nUsage: subsidy forecast scenario.json [--format table|csv|json] [--draws N] [--seed S]`);
  return 2;
}

function toText(f: Forecast, lang: Lang): string {
  const words = wordsFor(lang);
  const { header, rows } = forecastTable(f);
  const cells = [header, ...rows.map((r) => r.map((v) => (typeof v === "object" ? formatYuan(v) : String(v))))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const out = [`${f.name}`, words.forecastHeader(f.region, f.catalogVersion, words.method(f.method)), ""];
  for (const r of cells) out.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  out.push("", words.linesHeading);
  for (const l of f.lines) out.push(formatLine(l, lang));
  if (f.total.assumed) out.push("", words.assumedFootnote);
  return out.join("\n");
}

function toCsv(f: Forecast): string {
  const { header, rows } = forecastTable(f);
  const cell = (v: unknown) => (typeof v === "object" && v !== null ? (v as { toFixed(): string }).toFixed() : String(v));
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\n");
}

function toJson(f: Forecast, lang: Lang) {
  const s = (d: { toFixed(): string }) => d.toFixed();
  const band = (b: Forecast["total"]) => ({ ceiling: s(b.ceiling), expected: s(b.expected), p10: s(b.p10), p50: s(b.p50), p90: s(b.p90), assumed: b.assumed });
  return {
    name: f.name,
    region: f.region,
    catalogVersion: f.catalogVersion,
    method: f.method,
    years: f.years.map((y) => ({
      year: y.year,
      ...band(y),
      byPolicy: Object.fromEntries(Object.entries(y.byPolicy).map(([k, v]) => [k, { ceiling: s(v.ceiling), expected: s(v.expected) }])),
    })),
    total: band(f.total),
    lines: f.lines.map((l) => ({
      year: l.year,
      matter: formatTitle(l.title, lang),
      clause: l.trace.clause.id,
      document: l.trace.document.title,
      article: l.trace.clause.article,
      sentence: l.trace.clause.sentence,
      ceiling: s(l.ceiling),
      expected: s(l.expected),
      arithmetic: (l.trace.working?.steps ?? []).map((step) => formatStep(step, lang)),
      notes: l.notes.map((n) => ({ code: n.code, text: formatNote(n, lang) })),
      flags: l.flags.map((f) => ({ ...f, text: formatFlag(f, lang) })),
    })),
  };
}
