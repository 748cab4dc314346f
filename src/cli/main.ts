import { parseArgs } from "node:util";
import { clauseRecord, Decimal, engine, isRegionProblem, langOf, listClauses as catalogClauses, reachText, regionProblemText, regionReach, topics, useCatalog, type Lang, type Topic } from "../engine";
import { CellError, type CellResult, type Scalar } from "../functions/cells";
import { call, clauses } from "../functions/reports";
import { forecastCommand } from "./forecast";
import { catalogMarkdown } from "./markdown";
import { packCommand, usePacks } from "./pack";
import { packJsonSchema, scenarioJsonSchema } from "./schema";
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
  subsidy schema [pack]              the scenario file's (or a policy pack's) JSON Schema
  subsidy pack new DIR               scaffold a policy pack: an example text and one entry of each formula kind
  subsidy pack check PATH…           check packs: schema, quotes verbatim, facts labelled, examples, overlaps, places
  subsidy pack test PATH…            run the packs' worked examples, expected beside actual
  --pack PATH (repeatable) on call, clauses, forecast and template adds a checked pack to the catalog;
  a region is a place of the tree (changping, 昌平区, 北京市›昌平区, a pack's place), optionally +zone
  (beijing+中关村示范区). See docs/PACKS.md.
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

function listClauses(argv: string[], io: Io, lang: Lang): number {
  const { values } = parseArgs({
    args: argv,
    options: { region: { type: "string" }, topic: { type: "string" }, json: { type: "boolean" }, markdown: { type: "boolean" } },
  });
  if (values.markdown) {
    io.out(catalogMarkdown());
    return 0;
  }
  const reach = values.region === undefined ? undefined : regionReach(values.region);
  if (reach !== undefined && isRegionProblem(reach)) {
    io.err(`--${regionProblemText(reach, "en-US")}`);
    return 2;
  }
  const region = values.region?.trim();
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
  if (reach) for (const line of reachText(reach, engine().catalog, lang)) io.out(line);
  for (const [id, document, article, , , status, topic, , monetary, summary, sentence, limits, workingDays] of table.slice(1)) {
    io.out(`${id}  [${topic}${monetary === "yes" ? "" : ", non-monetary"}${status === "draft" ? ", draft" : ""}]`);
    io.out(`  ${summary}`);
    io.out(`  ${document} ${article}: “${sentence}”`);
    if (limits) io.out(`  limits: ${limits}`);
    if (workingDays) io.out(`  time limit: ${workingDays} working days`);
  }
  return 0;
}

/** `--pack PATH` (or --pack=PATH), repeatable, taken out of the arguments. */
function takePacks(args: readonly string[]): { packs: string[]; rest: string[] } {
  const packs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--pack") packs.push(args[++i] ?? "");
    else if (args[i].startsWith("--pack=")) packs.push(args[i].slice("--pack=".length));
    else rest.push(args[i]);
  }
  return { packs, rest };
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
  const texts = verb === "call" || verb === "forecast" || verb === "template" || verb === "pack" || verb === "clauses" ? takeLang(all, env) : { lang: "en-US" as const, rest: all };
  if (typeof texts === "string") {
    io.err(`subsidy ${verb}: ${texts}`);
    return 2;
  }
  const { lang } = texts;
  const { packs, rest } = verb === "call" || verb === "forecast" || verb === "template" || verb === "clauses" ? takePacks(texts.rest) : { packs: [], rest: texts.rest };
  if (packs.length && !usePacks(packs, io, lang)) return 1;
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
        return listClauses(rest, io, lang);
      case "forecast":
        return forecastCommand(rest, io, lang);
      case "template":
        return await templateCommand(rest, io, lang);
      case "schema":
        io.out((rest[0] === "pack" ? packJsonSchema() : scenarioJsonSchema()).trimEnd());
        return 0;
      case "pack":
        return packCommand(rest, io, lang);
      case "help":
      case "--help":
      case "-h":
        io.out(usage);
        return 0;
    }
  } catch (e) {
    io.err(`subsidy: ${(e as Error).message}`);
    return 2;
  } finally {
    // The packs were for this command: the next one (a test's, in the same process) starts from the bundled catalog.
    if (packs.length) useCatalog();
  }
  io.err(usage);
  return 2;
}
