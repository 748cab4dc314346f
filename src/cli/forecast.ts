import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  accountedForecast,
  accounts,
  accountsTable,
  forecast,
  forecastTable,
  formatFlag,
  formatLine,
  formatLineAccounts,
  formatNote,
  formatPackNotes,
  formatPlanWarning,
  formatStep,
  formatTitle,
  formatYuan,
  lineView,
  lineWhy,
  parseScenario,
  parseTable,
  parseView,
  planWarnings,
  readerTable,
  ScenarioError,
  engine,
  lossCarryForward,
  lossTable,
  packOriginOf,
  rollForward,
  waitingOver,
  rollForwardTable,
  treatments,
  treatmentsTable,
  tableNames,
  viewCodes,
  wordsFor,
  type Accounts,
  type Forecast,
  type Lang,
  type Quantity,
  type Scenario,
  type Treatments,
} from "../engine";
import type { Io } from "./main";
import { cliWords } from "./words";

const formats = ["table", "csv", "json"] as const;

/** Reads and checks a scenario file; problems come back as lines naming the field, in `lang`. */
export function readScenario(path: string, lang: Lang = "en-US") {
  return parseScenario(readScenarioJson(path, lang));
}

/** A scenario file's JSON, not yet checked (its region may be a place of a pack not yet in use); unreadable text throws a ScenarioError in `lang`. */
export function readScenarioJson(path: string, lang: Lang = "en-US"): unknown {
  const say = cliWords[lang];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const problem = say.cannotRead(path, (e as NodeJS.ErrnoException).code ?? "?", (e as Error).message);
    throw new ScenarioError([problem]);
  }
  const text = scenarioText(bytes, lang);
  if (typeof text !== "string") throw new ScenarioError([`${path}${lang === "zh-CN" ? "：" : ": "}${text.problem}`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // V8 quotes the text around the error; the file is text by now, but its line stays short.
    // eslint-disable-next-line no-control-regex
    const said = (e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
    const where = jsonPosition(said, text);
    throw new ScenarioError([`${path}${lang === "zh-CN" ? "：" : ": "}${say.notJson(said.length > 160 ? `${said.slice(0, 160)}…` : said, where?.line, where?.column)}`]);
  }
  return raw;
}

/** Where V8 stopped reading JSON, from its message ("… at position 40 (line 3 column 5)"). */
function jsonPosition(said: string, text: string): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(said);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(said);
  if (!at) return undefined;
  const before = text.slice(0, Number(at[1])).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A scenario file's bytes as JSON text: UTF-8, with or without the byte-order mark Notepad
 * writes. UTF-16 and binary files are refused in words, never by echoing their bytes.
 */
export function scenarioText(bytes: Uint8Array, lang: Lang = "en-US"): string | { problem: string } {
  const say = cliWords[lang];
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { problem: say.utf16 };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // UTF-16 without a mark has a zero byte beside every ASCII letter; JSON text never has one.
  if (body.includes(0)) return { problem: say.zeroBytes };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { problem: say.notUtf8 };
  }
  // eslint-disable-next-line no-control-regex
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control) return { problem: say.control(control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")) };
  return text;
}

/** `subsidy forecast scenario.json [--view V] [--format table|csv|json] [--draws N] [--seed S] [--lang L]` */
/** What --view takes, in English codes: the views by year, then the tables of their own. */
const viewsAndTables = [...viewCodes, ...Object.keys(tableNames).filter((k) => /^[a-z]+$/.test(k))];

export function forecastCommand(argv: string[], io: Io, lang: Lang = "en-US"): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "table" }, view: { type: "string", default: "entitled" }, draws: { type: "string" }, seed: { type: "string" } },
  });
  const say = cliWords[lang];
  const usage = (problem: string) => {
    io.err(`subsidy forecast: ${problem}\n${say.forecastUsage(viewsAndTables)}`);
    return 2;
  };
  const format = values.format as (typeof formats)[number];
  if (!formats.includes(format)) return usage(say.format(formats));
  if (positionals.length !== 1) return usage(say.oneFile);
  // The roll-forward of the balances and the losses carried forward are tables of their own, not views by year.
  const table = parseTable(values.view as string);
  const view = table ? "deferred" : parseView(values.view as string);
  if (!view) return usage(say.view(viewsAndTables));
  const draws = values.draws === undefined ? undefined : Number(values.draws);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 100000)) return usage(say.draws);
  if (seed !== undefined && !Number.isInteger(seed)) return usage(say.seed);

  let scenario;
  try {
    scenario = readScenario(positionals[0], lang);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    io.err(`subsidy: ${say.notScenario(positionals[0])}`);
    for (const p of e.problemsIn(lang)) io.err(`  ${p}`);
    return 1;
  }
  for (const w of planWarnings(scenario)) io.err(`${say.warning}${formatPlanWarning(w, lang)}`);
  const started = Date.now();
  const options = {
    draws,
    seed,
    // Progress only once a run takes more than a moment, on stderr so stdout stays clean.
    onProgress: (done: number, total: number) => {
      if (Date.now() - started > 500) io.progress?.(`${say.progress(done, total)}${done === total ? "\n" : ""}`);
    },
  };
  if (table && format !== "json") {
    const { forecast: f, accounts: a } = accountedForecast(scenario, options, undefined, []);
    const rows = table === "losses" ? lossCarryForward(scenario, a) : undefined;
    if (table === "losses" && !rows) {
      io.err(`subsidy forecast${lang === "zh-CN" ? "：" : ": "}${say.noProfitBeforeSupport}`);
      return 1;
    }
    const cells = rows ? lossTable(rows, lang) : rollForwardTable(a, lang);
    io.out(format === "csv" ? toCsv(cells) : [f.name, table === "losses" ? say.lossesTitle : say.rollforwardTitle, "", ...columns(cells, lang)].join("\n"));
    return 0;
  }
  // The entitled table alone needs no projections; JSON carries every view.
  if (view === "entitled" && format !== "json") {
    const f = forecast(scenario, options);
    io.out(format === "csv" ? toCsv(forecastTable(f)) : toText(f, accounts(scenario, f), lang));
    return 0;
  }
  const { forecast: f, accounts: a } = accountedForecast(scenario, options, undefined, format === "json" ? undefined : [view]);
  if (format === "json") io.out(JSON.stringify({ ...toJson(f, lang), views: viewsJson(a, lang), rollForward: rollJson(a), ...treatmentsJson(scenario), ...lossesJson(scenario, a) }, null, 2));
  else if (format === "csv") io.out(toCsv(accountsTable(a, view, lang)));
  else io.out(viewText(scenario, f, a, view, lang));
  return 0;
}

/** Columns a text takes in a terminal: two for a Chinese character or a full-width form, one for the rest. */
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;
const width = (text: string) => text.length + (text.match(wide)?.length ?? 0);
const pad = (text: string, to: number, start: boolean) => (start ? " ".repeat(Math.max(0, to - width(text))) + text : text + " ".repeat(Math.max(0, to - width(text))));

/** A year table in aligned columns; a row whose second cell is text (an assumption) is not padded. */
function columns(table: { header: string[]; rows: (number | string | { toFixed(): string })[][] }, lang: Lang): string[] {
  const cells = [table.header, ...table.rows.map((r) => r.map((v) => (typeof v === "object" ? formatYuan(v as Parameters<typeof formatYuan>[0]) : String(v))))];
  const aligned = cells.filter((r) => r === cells[0] || !/[^\d.,-]/.test(r[1] ?? ""));
  const widths = table.header.map((_, i) => Math.max(...aligned.map((r) => width(r[i]))));
  const colon = lang === "zh-CN" ? "：" : ": ";
  return cells.map((r) => (aligned.includes(r) ? r.map((c, i) => pad(c, widths[i], i !== 0)).join("  ") : `${r[0]}${colon}${r[1]}`));
}

const viewTitles: Record<Lang, Record<Quantity, string>> = {
  "en-US": {
    entitled: "entitled: the year the company becomes entitled",
    cash: "cash: the year the money is received",
    taxBase: "the taxable income the support adds (应纳税所得额): cash where taxable, funded costs not deducted where not",
    vat: "output VAT on support tied to sales (国家税务总局公告2019年第45号 第七条), paid the year it is received",
    surcharges: "surcharges on that VAT (税金及附加), an expense of the year received",
    pl: "profit and loss: what reaches profit each year (其他收益, or depreciation saved under the net method)",
    otherIncome: "other income (其他收益) recognised each year",
    nonOperating: "non-operating income (营业外收入): support not related to daily activities",
    deferred: "deferred income (递延收益) at year end",
    assetReduction: "net method: support still deducted from assets' carrying amount at year end",
    receivable: "grant receivable (应收政府补助) at year end: recognised when receivable, not yet received",
    currentTax: "current tax (当期所得税): on support the year it is received (财税〔2008〕151号), or on the costs non-taxable funds pay",
    deferredTaxAsset: "deferred tax asset (递延所得税资产) at year end: support taxed, not yet in profit, at the rate of the year it reverses",
    deferredTaxLiability: "deferred tax liability (递延所得税负债) at year end: support in profit, not yet taxed",
    tax: "income tax expense (所得税费用) the support brings each year: current tax plus the change in deferred tax",
    nonDeductible: "of the current tax, what non-taxable funds (不征税收入) bring: costs not deductible and R&D super deduction lost",
    lostDeduction: "of it, the costs non-taxable funds pay, not deductible",
    lostSuperDeduction: "of it, the R&D super deduction (研发费用加计扣除) those costs lose",
    aftertax: "after tax: profit less its tax",
    taxPaid: "income tax paid: the current tax in the year it is paid (quarterly prepayment, or 汇算清缴 the next year)",
    netCash: "net cash: received less its VAT, surcharges and income tax paid",
  },
  "zh-CN": {
    entitled: "应享：企业取得资格的年度",
    cash: "现金：资金到账的年度",
    taxBase: "补助增加的应纳税所得额：应税补助为到账金额，不征税收入为不得扣除的支出",
    vat: "增值税：与销售挂钩的补助的销项税额（国家税务总局公告2019年第45号 第七条），于到账年度缴纳",
    surcharges: "附加税费：上述增值税的附加（税金及附加），计入到账年度费用",
    pl: "损益：每年计入利润的金额（其他收益，或净额法下少计的折旧）",
    otherIncome: "每年确认的其他收益",
    nonOperating: "营业外收入：与日常活动无关的补助",
    deferred: "年末递延收益",
    assetReduction: "净额法：年末仍冲减在资产账面价值中的补助",
    receivable: "年末应收政府补助：已按应收确认、尚未到账的补助",
    currentTax: "当期所得税：补助于到账年度计税（财税〔2008〕151号），或不征税收入资助支出不得扣除带来的税",
    deferredTaxAsset: "年末递延所得税资产：已计税、尚未计入损益的补助，按转回年度税率计量",
    deferredTaxLiability: "年末递延所得税负债：已计入损益、尚未计税的补助",
    tax: "补助每年带来的所得税费用：当期所得税加递延所得税的变动",
    nonDeductible: "其中：不征税收入带来的税（资助支出不得扣除及研发费用不得加计扣除）",
    lostDeduction: "其中：不征税收入资助的支出不得扣除",
    lostSuperDeduction: "其中：不征税收入资助的研发费用不得加计扣除",
    aftertax: "税后：损益减去其所得税",
    taxPaid: "所得税缴纳：当期所得税按缴纳年度（按季预缴，或次年汇算清缴）",
    netCash: "现金净额：到账减去其增值税、附加税费及所缴所得税",
  },
};

function viewText(s: Scenario, f: Forecast, a: Accounts, view: Quantity, lang: Lang): string {
  const words = wordsFor(lang);
  const say = cliWords[lang];
  const out = [`${f.name}`, `${say.viewLabel} ${viewTitles[lang][view]}`, words.forecastHeader(f.region, f.catalogVersion, words.method(f.method)), ""];
  out.push(...columns(readerTable(accountsTable(a, view, lang), lang, engine().catalog.documents), lang), "", say.linesByYear);
  for (const l of a.lines) {
    const { years, before, after: later } = lineView(a, l, view);
    if (!years.length && later.isZero() && before.isZero()) continue;
    const shown = years.map(([y, v]) => `${y} ${formatYuan(v)}`);
    if (!before.isZero()) shown.unshift(`${say.before(a.horizon.from)} ${formatYuan(before)}`);
    if (!later.isZero()) shown.push(`${say.after(a.horizon.to)} ${formatYuan(later)}`);
    out.push(`${l.line.year}  ${formatTitle(l.line.title, lang)} — ${words.cite(l.line.trace)}${words.colon}${shown.join(words.semicolon)}`);
    for (const note of formatPackNotes(l.line.trace.document.id, l.line.trace.clause.id, lang)) out.push(`      ${note}`);
    // Why this line shows what it shows in this view: its arithmetic, from its own settings.
    out.push(`      ${lineWhy(a, l, view, lang)}`);
    // The non-taxable view in its two parts: costs not deductible, and the super deduction lost.
    if (view === "nonDeductible") {
      for (const part of ["lostDeduction", "lostSuperDeduction"] as const) {
        const p = lineView(a, l, part);
        const cells = p.years.map(([y, v]) => `${y} ${formatYuan(v)}`);
        if (!p.before.isZero()) cells.unshift(`${say.before(a.horizon.from)} ${formatYuan(p.before)}`);
        if (!p.after.isZero()) cells.push(`${say.after(a.horizon.to)} ${formatYuan(p.after)}`);
        out.push(`      ${viewTitles[lang][part].replace(/^(of it, |其中：)/, "")}${words.colon}${cells.length ? cells.join(words.semicolon) : "0"}`);
      }
    }
    out.push(`      ${formatLineAccounts(l, lang)}`);
  }
  // Both treatments of the non-taxable clauses, with what each costs in cash tax (ruling 17).
  const both = view === "nonDeductible" ? treatments(s) : undefined;
  if (both) {
    out.push("", say.treatmentsTitle(both.clauses));
    out.push(...columns(treatmentsTable(both, a.horizon.to, lang), lang));
  }
  return out.join("\n");
}

/** The support's current tax given the losses, when the scenario gives its profit before support. */
function lossesJson(s: Scenario, a: Accounts) {
  const rows = lossCarryForward(s, a);
  return rows ? { losses: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "number" ? v : v.toFixed()]))) } : {};
}

/** The roll-forward of each balance in the JSON. */
function rollJson(a: Accounts) {
  const pair = (p: { ceiling: { toFixed(): string }; expected: { toFixed(): string } }) => ({ ceiling: p.ceiling.toFixed(), expected: p.expected.toFixed() });
  return Object.fromEntries(Object.entries(rollForward(a)).map(([b, rows]) => [b, rows.map((r) => ({ year: r.year, opening: pair(r.opening), increase: pair(r.increase), decrease: pair(r.decrease), closing: pair(r.closing) }))]));
}

/** Both treatments of the non-taxable clauses in the JSON, when there are any. */
function treatmentsJson(s: Scenario) {
  const t = treatments(s);
  if (!t) return {};
  const pair = (p: { ceiling: { toFixed(): string }; expected: { toFixed(): string } }) => ({ ceiling: p.ceiling.toFixed(), expected: p.expected.toFixed() });
  const both = (x: Treatments["total"]) => ({ nonTaxable: pair(x.nonTaxable), taxed: pair(x.taxed) });
  return { treatments: { clauses: t.clauses, discountRate: t.discountRate, years: t.years.map((y) => ({ year: y.year, ...both(y) })), before: both(t.before), after: both(t.after), total: both(t.total), presentValue: both(t.presentValue) } };
}

function viewsJson(a: Accounts, lang: Lang) {
  const pair = (p: { ceiling: { toFixed(): string }; expected: { toFixed(): string } }) => ({ ceiling: p.ceiling.toFixed(), expected: p.expected.toFixed() });
  const label = lang === "zh-CN" ? "假设" : "assumption";
  return Object.fromEntries(
    Object.entries(a.views).map(([q, v]) => [
      q,
      {
        balance: v.balance,
        years: v.years.map((y) => ({
          year: y.year,
          ...pair(y),
          ...(y.band ? { p10: y.band.p10.toFixed(), p50: y.band.p50.toFixed(), p90: y.band.p90.toFixed() } : {}),
          byPolicy: Object.fromEntries(Object.entries(y.byPolicy).map(([k, p]) => [k, pair(p)])),
          byClause: Object.fromEntries(Object.entries(y.byClause).map(([k, p]) => [k, pair(p)])),
        })),
        ...(v.before.ceiling.isZero() && v.before.expected.isZero() ? {} : { before: pair(v.before) }),
        after: pair(v.after),
        total: pair(v.total),
        assumptions: accountsTable(a, q as Quantity, lang).rows.filter((r) => r[0] === label).map((r) => r[1]),
      },
    ]),
  );
}

/** The entitled table, then each line with its trace and its way to cash and profit (`a`: the lines' accounts, in the forecast's order). */
function toText(f: Forecast, a: Accounts, lang: Lang): string {
  const words = wordsFor(lang);
  const out = [`${f.name}`, words.forecastHeader(f.region, f.catalogVersion, words.method(f.method)), ""];
  out.push(...columns(readerTable(forecastTable(f), lang, engine().catalog.documents), lang));
  out.push("", words.linesHeading);
  for (const l of a.lines) out.push(formatLine(l.line, lang, l));
  if (f.total.assumed) out.push("", words.assumedFootnote);
  return out.join("\n");
}

/** The pack a line's document came from (name, author, version, SHA-256), or null for a built-in text. */
function packJson(documentId: string) {
  const o = packOriginOf(documentId);
  return o ? { title: o.title, titleEn: o.titleEn, author: o.author, version: o.version, sha256: o.hash } : null;
}

/** A pack waiting for approval that would replace the line's clause: the line says so. */
function waitingJson(documentId: string, clauseId: string) {
  const w = waitingOver(documentId, clauseId);
  return w ? { awaitingApproval: { title: w.title, titleEn: w.titleEn, author: w.author, version: w.version, sha256: w.hash } } : {};
}

/**
 * The year table as CSV, then a row for each of its policy columns that came from a pack: "pack",
 * the document id, title, version, author and SHA-256 (the CSV has no lines; its columns are
 * the documents). Only those rows are quoted where they need it: a pack's words are its author's.
 */
function toCsv({ header, rows }: { header: string[]; rows: unknown[][] }): string {
  const cell = (v: unknown) => (typeof v === "object" && v !== null ? (v as { toFixed(): string }).toFixed() : String(v));
  const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const packs = header.flatMap((h) => {
    const id = /^expected: (.+)$/.exec(h)?.[1];
    const o = id === undefined ? undefined : packOriginOf(id);
    return o ? [["pack", id!, o.title, o.version, o.author, o.hash].map(quoted).join(",")] : [];
  });
  return [...[header, ...rows].map((r) => r.map(cell).join(",")), ...packs].join("\n");
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
      pack: packJson(l.trace.document.id),
      ...waitingJson(l.trace.document.id, l.trace.clause.id),
      ceiling: s(l.ceiling),
      expected: s(l.expected),
      arithmetic: (l.trace.working?.steps ?? []).map((step) => formatStep(step, lang)),
      notes: l.notes.map((n) => ({ code: n.code, text: formatNote(n, lang) })),
      flags: l.flags.map((f) => ({ ...f, text: formatFlag(f, lang) })),
    })),
  };
}
