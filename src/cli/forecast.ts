import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { forecast, forecastTable, formatFlag, formatLine, formatNote, formatStep, formatTitle, formatYuan, parseScenario, ScenarioError, wordsFor, type Forecast, type Lang } from "../engine";
import type { Io } from "./main";

const formats = ["table", "csv", "json"] as const;

/** Reads and checks a scenario file; problems come back as lines naming the field. */
export function readScenario(path: string) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ScenarioError([`${path}: ${(e as Error).message}`]);
  }
  const text = scenarioText(bytes);
  if (typeof text !== "string") throw new ScenarioError([`${path}: ${text.problem}`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8 quotes the text around the error; the file is text by now, but its line stays short.
    // eslint-disable-next-line no-control-regex
    const said = (e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
    throw new ScenarioError([`${path}: not valid JSON: ${said.length > 160 ? `${said.slice(0, 160)}…` : said}`]);
  }
  return parseScenario(raw);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A scenario file's bytes as JSON text: UTF-8, with or without the byte-order mark Notepad
 * writes. UTF-16 and binary files are refused in words, never by echoing their bytes.
 */
export function scenarioText(bytes: Uint8Array): string | { problem: string } {
  const saveAsUtf8 = "save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)";
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: `the file is UTF-16 text; ${saveAsUtf8}` };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // UTF-16 without a mark has a zero byte beside every ASCII letter; JSON text never has one.
  if (body.includes(0)) return { problem: `the file holds zero bytes: UTF-16 text or not a text file; a scenario is JSON, ${saveAsUtf8}` };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { problem: `the file is not UTF-8 text (a binary file, or another encoding); a scenario is JSON, ${saveAsUtf8}` };
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) return { problem: `the file holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}) that JSON text never has: not a scenario file` };
  return text;
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
