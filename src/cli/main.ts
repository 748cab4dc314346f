import { parseArgs } from "node:util";
import { clauseRecord, Decimal, engine, langOf, listClauses as catalogClauses, parseRegion, topics, type Lang, type Topic } from "../engine";
import { CellError, type CellResult, type Scalar } from "../functions/cells";
import { call, clauses } from "../functions/reports";
import { forecastCommand } from "./forecast";
import { catalogMarkdown } from "./markdown";
import { scenarioJsonSchema } from "./schema";
import { templateCommand } from "./template-command";

const usage = `Usage:
  subsidy call NAME [ARG…] [--lang zh-CN|en-US]
                                     call a SUBSIDY function as Excel would (an empty ARG is omitted)
  subsidy clauses [--region R] [--topic T] [--json | --markdown]
                                     list the clause catalog with citations
  subsidy forecast scenario.json [--format table|csv|json] [--draws N] [--seed S] [--lang zh-CN|en-US]
                                     year-by-year forecast of a scenario file (see examples/)
  subsidy template out.xlsx [--scenario scenario.json] [--force] [--lang zh-CN|en-US]
                 [--store registry|share=PATH|admin|appsource=ID|none] [--manifest manifest.xml]
                                     a shareable workbook: Inputs, live SUBSIDY formulas, 万元 view,
                                     a values sheet, the add-in named so Excel offers it
  subsidy schema                     the scenario file's JSON Schema
Examples:
  subsidy call REGISTRATION 3 5000000 shenzhen
  subsidy call EXPLAIN REGISTRATION 3 40000000 changping innovative
  subsidy call --lang zh-CN EXPLAIN REGISTRATION 3 40000000 changping innovative
Texts (EXPLAIN, forecast lines) are in --lang, else the language of LC_ALL, LC_MESSAGES or LANG, else en-US.
  subsidy clauses --region shenzhen --topic registration`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Transient progress for long runs (stderr, overwritten in place). */
  progress?(text: string): void;
}

const scalarText = (v: Scalar): string =>
  v instanceof CellError ? v.toString() : typeof v === "number" ? new Decimal(v).toFixed() : v;

function printCell(result: CellResult, io: Io): number {
  if (Array.isArray(result)) {
    for (const row of result) io.out(row.map(scalarText).join("\t"));
    return result.some((row) => row.some((v) => v instanceof CellError)) ? 1 : 0;
  }
  io.out(scalarText(result));
  return result instanceof CellError ? 1 : 0;
}

function listClauses(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: { region: { type: "string" }, topic: { type: "string" }, json: { type: "boolean" }, markdown: { type: "boolean" } },
  });
  if (values.markdown) {
    io.out(catalogMarkdown());
    return 0;
  }
  const region = values.region === undefined ? undefined : parseRegion(values.region);
  if (values.region !== undefined && !region) {
    io.err(`--region must be changping, beijing or shenzhen, got "${values.region}"`);
    return 2;
  }
  if (values.topic !== undefined && !topics.includes(values.topic as Topic)) {
    io.err(`--topic must be one of: ${topics.join(", ")}`);
    return 2;
  }
  if (values.json) {
    // Every cap and limit as data beside the words that set it (ruling 14).
    io.out(JSON.stringify(catalogClauses(engine().catalog, region, values.topic as Topic | undefined).map(clauseRecord), null, 2));
    return 0;
  }
  const table = clauses(region, values.topic) as string[][];
  for (const [id, document, article, , , status, topic, , monetary, summary, sentence, limits, workingDays] of table.slice(1)) {
    io.out(`${id}  [${topic}${monetary === "yes" ? "" : ", non-monetary"}${status === "draft" ? ", draft" : ""}]`);
    io.out(`  ${summary}`);
    io.out(`  ${document} ${article}: “${sentence}”`);
    if (limits) io.out(`  limits: ${limits}`);
    if (workingDays) io.out(`  time limit: ${workingDays} working days`);
  }
  return 0;
}

/** The language of texts: --lang (or --lang=…) anywhere among the arguments, else the environment's. */
function takeLang(args: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; rest: string[] } | string {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang") given = args[++i] ?? "";
    else if (args[i].startsWith("--lang=")) given = args[i].slice("--lang=".length);
    else rest.push(args[i]);
  }
  if (given !== undefined) {
    const lang = langOf(given);
    return lang ? { lang, rest } : `--lang must be zh-CN or en-US, got "${given}"`;
  }
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return { lang: langOf(fromEnv) ?? "en-US", rest };
}

const console_: Io = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  progress: (t) => process.stderr.isTTY && process.stderr.write(`\r${t}`),
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], io: Io = console_, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [verb, ...all] = argv;
  const texts = verb === "call" || verb === "forecast" || verb === "template" ? takeLang(all, env) : { lang: "en-US" as const, rest: all };
  if (typeof texts === "string") {
    io.err(`subsidy ${verb}: ${texts}`);
    return 2;
  }
  const { lang, rest } = texts;
  try {
    switch (verb) {
      case "call": {
        const [name, ...args] = rest;
        if (!name) break;
        // EXPLAIN echoes the call as typed: the words after EXPLAIN, an empty one as "".
        const typed = rest.slice(1).map((a) => (a === "" ? '""' : a)).join(" ");
        return printCell(call(name, args.map((a) => (a === "" ? undefined : a)), { lang, typed }), io);
      }
      case "clauses":
        return listClauses(rest, io);
      case "forecast":
        return forecastCommand(rest, io, lang);
      case "template":
        return await templateCommand(rest, io, lang);
      case "schema":
        io.out(scenarioJsonSchema().trimEnd());
        return 0;
      case "help":
      case "--help":
      case "-h":
        io.out(usage);
        return 0;
    }
  } catch (e) {
    io.err(`subsidy: ${(e as Error).message}`);
    return 2;
  }
  io.err(usage);
  return 2;
}
