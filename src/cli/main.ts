import { parseArgs } from "node:util";
import { clauseRecord, Decimal, engine, isRegionProblem, langOf, listClauses as catalogClauses, reachText, readerClauses, regionProblemText, regionReach, topics, useCatalog, type Lang, type Topic } from "../engine";
import { CellError, type CellResult, type Scalar } from "../functions/cells";
import { call } from "../functions/reports";
import { forecastCommand } from "./forecast";
import { catalogMarkdown } from "./markdown";
import { packCommand, usePacks } from "./pack";
import { packJsonSchema, scenarioJsonSchema } from "./schema";
import { templateCommand } from "./template-command";
import { cliWords } from "./words";

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
  const say = cliWords[lang];
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
    io.err(regionProblemText(reach, lang, "--region"));
    return 2;
  }
  const region = values.region?.trim();
  if (values.topic !== undefined && !topics.includes(values.topic as Topic)) {
    io.err(say.topic(topics));
    return 2;
  }
  const topic = values.topic as Topic | undefined;
  if (values.json) {
    // Every cap and limit as data beside the words that set it (ruling 14).
    io.out(JSON.stringify(catalogClauses(engine().catalog, region, topic).map(clauseRecord), null, 2));
    return 0;
  }
  const listed = catalogClauses(engine().catalog, region, topic);
  if (reach) for (const line of reachText(reach, engine().catalog, lang)) io.out(line);
  const [, ...rows] = readerClauses(engine().catalog, lang, region, topic);
  const colon = lang === "zh-CN" ? "：" : ": ";
  rows.forEach(([id, document, article, , , , topicName, , summary, sentence, limits, workingDays], i) => {
    const { clause, document: doc } = listed[i];
    io.out(`${id}  [${topicName}${clause.formula ? "" : `, ${say.nonMonetary}`}${doc.status === "draft" ? `, ${say.draft}` : ""}]`);
    io.out(`  ${summary}`);
    // Chinese sets a title and its article close, as the texts cite them (若干措施（五）).
    io.out(`  ${document}${lang === "zh-CN" ? "" : " "}${article}${colon}“${sentence}”`);
    if (limits) io.out(`  ${say.limits(limits)}`);
    if (workingDays) io.out(`  ${say.workingDays(workingDays)}`);
  });
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
    return lang ? { lang, rest } : cliWords[langFromEnv(env)].lang(given);
  }
  return { lang: langFromEnv(env), rest };
}

/** The environment's language: POSIX order, LC_ALL overrides LC_MESSAGES, which overrides LANG. */
const langFromEnv = (env: NodeJS.ProcessEnv): Lang => langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? "en-US";

const console_: Io = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  progress: (t) => process.stderr.isTTY && process.stderr.write(`\r${t}`),
};

/** Runs one command line; resolves to the exit code. */
export async function main(argv: string[], io: Io = console_, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const texts = takeLang(argv, env);
  if (typeof texts === "string") {
    io.err(`subsidy${argv[0] && !argv[0].startsWith("--") ? ` ${argv[0]}` : ""}: ${texts}`);
    return 2;
  }
  const { lang, rest: [verb, ...args] } = texts;
  const { packs, rest } = verb === "call" || verb === "forecast" || verb === "template" || verb === "clauses" ? takePacks(args) : { packs: [], rest: args };
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
        return await templateCommand(rest, io, lang, packs);
      case "schema":
        io.out((rest[0] === "pack" ? packJsonSchema() : scenarioJsonSchema()).trimEnd());
        return 0;
      case "pack":
        return packCommand(rest, io, lang);
      case "help":
      case "--help":
      case "-h":
        io.out(cliWords[lang].usage);
        return 0;
    }
  } catch (e) {
    io.err(`subsidy: ${(e as Error).message}`);
    return 2;
  } finally {
    // The packs were for this command: the next one (a test's, in the same process) starts from the bundled catalog.
    if (packs.length) useCatalog();
  }
  io.err(cliWords[lang].usage);
  return 2;
}
