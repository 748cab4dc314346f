import type { Lang } from "../explain/trace";
import { parsePathway } from "../rules/pathways";
import { issuesText, parseScenario, ScenarioError, SCENARIO_VERSION, type Scenario, type ScenarioEvent } from "../forecast/scenario";

/**
 * The Inputs table: a scenario as rows a consultant can read and edit in a workbook, and that
 * =SUBSIDY.FORECAST reads back. One row per setting, financial figure or event:
 *
 *   Item          Year  Product  Value     Class  Option            Area  Probability  Realisation  Label
 *   region                                       changping
 *   certificate   2028  AI-CT    40000000  3      innovative, local       0.8
 *   revenue       2027           20000000
 *   other         2030                            drugRegistration  …  Facts: drugClass=1; industrialised=yes
 *   payment lag                 0                 shenzhen-device/7
 *   tax rate                    0.15
 *
 * The accounting settings (DESIGN rulings 15–17) are rows too: payment lag (Value in years;
 * Option blank for every clause, or a document or clause id), asset method (Option gross or
 * net), useful life (Option building or equipment, Value in years; one event's own life is
 * usefulLife=N in its Facts cell), tax rate (with a Year, that year's rate), super deduction (Value
 * a share, 1 = 100%), non-taxable (Option a clause id) and cost years.
 * An `other` row's Product is its product or project (once-only awards, a training project's years
 * and ceiling, ruling 19);
 * a first-set row's recognition year is recognitionYear=N in its Facts cell (ruling 18).
 */
export const inputColumns = ["Item", "Year", "Product", "Value", "Class", "Option", "Area", "Probability", "Realisation", "Label", "Facts"] as const;
type Column = (typeof inputColumns)[number];
export type InputCell = string | number | boolean | null | undefined;

const eventItems = {
  certificate: "certificate",
  "innovative review": "innovativeReview",
  "fda breakthrough": "fdaBreakthrough",
  clinical: "clinical",
  output: "output",
  vbp: "vbp",
  "first set": "firstSet",
  insurance: "insurance",
  facility: "facility",
} as const satisfies Record<string, Exclude<ScenarioEvent["type"], "other">>;
const accountingItems = ["payment lag", "asset method", "useful life", "tax rate", "super deduction", "discount rate", "vat rate", "vat surcharges", "deferred tax asset", "tax payment", "profit before support", "qualified year", "non-taxable", "cost years", "recognition", "approval year"] as const;
const settingItems = ["name", "enterprise", "region", "sector", "sme", "from", "to", "default probability", "default realisation", "draws", "seed", "assumption", "issue date", "revenue", "rd", ...accountingItems] as const;
export const inputItems = [...settingItems, ...Object.keys(eventItems), "other"];

/** "drugClass=1; industrialised=yes" ⇄ facts of an `other` event. */
function parseFacts(text: string): Record<string, string | boolean> {
  const facts: Record<string, string | boolean> = {};
  for (const part of text.split(/[;；]/)) {
    const [k, v] = part.split("=").map((x) => x?.trim());
    if (!k) continue;
    facts[k] = /^(yes|true)$/i.test(v ?? "") ? true : /^(no|false)$/i.test(v ?? "") ? false : (v ?? "");
  }
  return facts;
}

function formatFacts(facts: Record<string, string | number | boolean>): string {
  return Object.entries(facts)
    .map(([k, v]) => `${k}=${v === true ? "yes" : v === false ? "no" : v}`)
    .join("; ");
}

const optionWords = (text: string): string[] => text.toLowerCase().split(/[,，\s]+/).filter(Boolean);

/** A certificate row's Option cell: its pathway, and "local" for 落地生产 ("innovative, local"). */
export function certificateOption(text: string): { pathway?: string; localProduction: boolean } {
  const words = optionWords(text);
  // A pathway by any of its aliases (省级创新 → provincial); an unknown word is kept for the schema to name.
  const word = words.find((o) => o !== "local");
  return { pathway: word === undefined ? undefined : (parsePathway(word) ?? word), localProduction: words.includes("local") };
}

/** One event's own useful life and ready-for-use month, written usefulLife=N; readyForUse=2027-09 in its Facts cell. */
const lifeOf = (v: string | boolean | undefined, ready?: string | boolean) => ({
  ...(v === undefined || v === "" ? {} : { usefulLife: Number(v) }),
  ...(ready === undefined || ready === "" ? {} : { readyForUse: String(ready) }),
});
/** The same, written back. */
const assetFacts = (e: { usefulLife?: number; readyForUse?: string }) => ({ ...(e.usefulLife === undefined ? {} : { usefulLife: e.usefulLife }), ...(e.readyForUse === undefined ? {} : { readyForUse: e.readyForUse }) });

/** Reads an Inputs range (header row first) into a scenario; problems name the row. */
export function scenarioFromInputs(rows: readonly (readonly InputCell[])[]): Scenario {
  const [header, ...body] = rows;
  const index = new Map<Column, number>();
  for (const col of inputColumns) {
    const i = (header ?? []).findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === col.toLowerCase());
    if (i >= 0) index.set(col, i);
  }
  if (!index.has("Item")) {
    const header = `the first row must be the header: ${inputColumns.join(", ")}`;
    throw new ScenarioError([header], (lang) => [lang === "zh-CN" ? `首行须为表头：${inputColumns.join(", ")}` : header]);
  }

  const raw: Record<string, unknown> & { events: Record<string, unknown>[] } = {
    schemaVersion: SCENARIO_VERSION,
    name: "Inputs",
    enterprise: {},
    horizon: {},
    financials: [],
    defaults: {},
    assumptions: {},
    issueDates: {},
    simulation: {},
    events: [],
    accounting: { paymentLag: { documents: {}, clauses: {} }, usefulLife: {}, nonTaxable: [], costYears: {} },
  };
  const accounting = raw.accounting as { paymentLag: Record<string, Record<string, unknown>>; usefulLife: Record<string, unknown>; nonTaxable: string[]; costYears: Record<string, unknown> } & Record<string, unknown>;
  const enterprise = raw.enterprise as Record<string, unknown>;
  const financials = new Map<number, Record<string, unknown>>();
  const eventRows: number[] = [];
  const problems: string[] = [];
  const said: Record<Lang, string>[] = [];

  body.forEach((row, r) => {
    const at = (col: Column): InputCell => (index.has(col) ? row[index.get(col)!] : undefined);
    const text = (col: Column) => (at(col) === null || at(col) === undefined ? "" : String(at(col)).trim());
    const present = (col: Column) => text(col) !== "";
    const num = (col: Column) => (typeof at(col) === "number" ? at(col) : Number(text(col)));
    const money = (col: Column) => (typeof at(col) === "number" ? at(col) : text(col));
    const item = text("Item").toLowerCase();
    const rowNo = r + 2;
    if (item === "") return;
    const common = () => {
      const e: Record<string, unknown> = { year: num("Year") };
      if (present("Probability")) e.probability = num("Probability");
      if (present("Realisation")) e.realisation = num("Realisation");
      if (present("Label")) e.label = text("Label");
      if (present("Product")) e.product = text("Product");
      return e;
    };
    switch (item) {
      case "name":
        raw.name = text("Label") || text("Option");
        return;
      case "enterprise":
        enterprise.name = text("Label");
        return;
      case "region":
      case "sector":
        enterprise[item] = text("Option").toLowerCase();
        return;
      case "sme":
        enterprise.sme = at("Option") === true || /^(true|yes|是|y)$/i.test(text("Option"));
        return;
      case "from":
      case "to":
        (raw.horizon as Record<string, unknown>)[item] = num("Year");
        return;
      case "default probability":
        (raw.defaults as Record<string, unknown>).probability = num("Probability");
        return;
      case "default realisation":
        (raw.defaults as Record<string, unknown>).realisation = num("Realisation");
        return;
      case "draws":
      case "seed":
        (raw.simulation as Record<string, unknown>)[item] = num("Value");
        return;
      case "assumption":
        (raw.assumptions as Record<string, unknown>)[text("Option")] = text("Value");
        return;
      case "issue date":
        (raw.issueDates as Record<string, unknown>)[text("Option")] = text("Value");
        return;
      case "payment lag": {
        const target = text("Option");
        if (!target) (accounting.paymentLag as Record<string, unknown>).default = num("Value");
        else accounting.paymentLag[target.includes("/") ? "clauses" : "documents"][target] = num("Value");
        return;
      }
      case "asset method":
        accounting.assetMethod = text("Option").toLowerCase();
        return;
      case "useful life":
        accounting.usefulLife[text("Option").toLowerCase()] = num("Value");
        return;
      case "tax rate":
        // With a Year, the rate of that year (高新技术企业 status lasts three years); without, every other year's.
        if (present("Year")) accounting.taxRates = { ...(accounting.taxRates as Record<string, unknown> | undefined), [text("Year")]: text("Value") };
        else accounting.taxRate = text("Value");
        return;
      case "super deduction":
        accounting.superDeduction = text("Value");
        return;
      case "discount rate":
        accounting.discountRate = text("Value");
        return;
      case "profit before support":
        // Year and Value: taxable profit, negative for a loss, before support.
        accounting.profitBeforeSupport = { ...(accounting.profitBeforeSupport as Record<string, unknown> | undefined), [text("Year")]: text("Value") };
        return;
      case "qualified year":
        accounting.qualifiedYears = [...((accounting.qualifiedYears as unknown[] | undefined) ?? []), num("Year")];
        return;
      case "deferred tax asset":
        // Option yes or no: taxable profit is probable, so a deferred tax asset is recognised.
        accounting.deferredTaxAsset = at("Option") === true || /^(true|yes|是|y)$/i.test(text("Option"));
        return;
      case "tax payment":
        // Option quarterly (prepaid the year it arises) or annual (汇算清缴 the next year).
        accounting.taxPayment = text("Option").toLowerCase();
        return;
      case "vat rate":
      case "vat surcharges":
        accounting.vat = { ...(accounting.vat as Record<string, unknown> | undefined), [item === "vat rate" ? "rate" : "surcharges"]: text("Value") };
        return;
      case "recognition": {
        // Option: a document or clause id; Value: received or receivable.
        const target = text("Option");
        const r = (accounting.recognition ??= {}) as Record<string, Record<string, unknown>>;
        const kind = target.includes("/") ? "clauses" : "documents";
        r[kind] = { ...r[kind], [target]: text("Value").toLowerCase() };
        return;
      }
      case "approval year": {
        const r = (accounting.recognition ??= {}) as Record<string, Record<string, unknown>>;
        r.approvalYears = { ...r.approvalYears, [text("Option")]: num("Year") };
        return;
      }
      case "non-taxable":
        accounting.nonTaxable.push(text("Option"));
        return;
      case "cost years":
        accounting.costYears[text("Option")] = num("Value");
        return;
      case "revenue":
      case "rd": {
        const y = num("Year") as number;
        financials.set(y, { ...(financials.get(y) ?? { year: y }), [item]: money("Value") });
        return;
      }
    }
    if (item === "other") {
      eventRows.push(rowNo);
      const { usefulLife, readyForUse, ...facts } = parseFacts(text("Facts"));
      raw.events.push({ type: "other", ...common(), topic: text("Option"), facts, ...lifeOf(usefulLife, readyForUse) });
      return;
    }
    const type = Object.prototype.hasOwnProperty.call(eventItems, item) ? eventItems[item as keyof typeof eventItems] : undefined;
    if (!type) {
      problems.push(`row ${rowNo}: Item "${text("Item")}" is not one of: ${inputItems.join(", ")}`);
      said.push({ "en-US": problems[problems.length - 1], "zh-CN": `第 ${rowNo} 行：Item “${text("Item")}”应为以下之一：${inputItems.join("、")}` });
      return;
    }
    const e = { type, ...common() };
    const options = optionWords(text("Option"));
    if (type === "certificate") {
      Object.assign(e, { class: num("Class"), rdCost: money("Value") });
      const { pathway, localProduction } = certificateOption(text("Option"));
      if (pathway) Object.assign(e, { pathway });
      if (localProduction) Object.assign(e, { localProduction });
    } else if (type === "fdaBreakthrough") Object.assign(e, { rdCost: money("Value") });
    else if (type === "clinical") {
      // 实施产业化 (昌平医药 第五条) is presumed; "industrialised=no" in the Facts cell states otherwise.
      const { industrialised } = parseFacts(text("Facts"));
      Object.assign(e, { drugClass: num("Class"), phase: Number(options[0]) }, industrialised === undefined ? {} : { industrialised });
    }
    else if (type === "output") Object.assign(e, { value: money("Value") });
    else if (type === "vbp") Object.assign(e, { bidValue: money("Value") });
    else if (type === "firstSet") {
      const { recognitionYear } = parseFacts(text("Facts"));
      Object.assign(e, { sales: money("Value") }, recognitionYear === undefined || recognitionYear === "" ? {} : { recognitionYear: Number(recognitionYear) });
    }
    else if (type === "insurance") Object.assign(e, { premium: money("Value") });
    else if (type === "facility") {
      const f = parseFacts(text("Facts"));
      Object.assign(e, { cost: money("Value"), areaM2: money("Area"), ...lifeOf(f.usefulLife, f.readyForUse) });
    }
    eventRows.push(rowNo);
    raw.events.push(e);
  });
  raw.financials = [...financials.values()];
  if (problems.length) throw new ScenarioError(problems, (lang) => said.map((p) => p[lang]));
  try {
    return parseScenario(raw);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // events[3].rdCost → row 7 (certificate): rdCost; for a reader, 第 7 行（certificate）：研发投入：…
    const row = (i: number) => eventRows[i];
    const type = (i: number) => String(raw.events[i].type);
    const place = (path: readonly PropertyKey[], lang: Lang) =>
      path[0] === "events" && typeof path[1] === "number" ? (lang === "zh-CN" ? `第 ${row(path[1])} 行（${type(path[1])}）` : `row ${row(path[1])} (${type(path[1])})`) : undefined;
    const issues = e.issues ?? [];
    throw new ScenarioError(
      e.problems.map((p) => p.replace(/^events\[(\d+)\]\.?([^:]*):/, (_m, i: string, field: string) => `row ${row(Number(i))} (${type(Number(i))})${field ? `: ${field}` : ""}:`)),
      (lang) => issuesText(issues, lang, place),
      issues,
    );
  }
}

/** A scenario as Inputs rows, header first: what the template and the task pane write. */
export function scenarioToInputs(s: Scenario): InputCell[][] {
  const row = (values: Partial<Record<Column, InputCell>>): InputCell[] => inputColumns.map((c) => values[c] ?? null);
  const rows: InputCell[][] = [[...inputColumns]];
  rows.push(row({ Item: "name", Label: s.name }));
  if (s.enterprise.name) rows.push(row({ Item: "enterprise", Label: s.enterprise.name }));
  rows.push(row({ Item: "region", Option: s.enterprise.region }));
  rows.push(row({ Item: "sector", Option: s.enterprise.sector }));
  if (s.enterprise.sme !== undefined) rows.push(row({ Item: "sme", Option: s.enterprise.sme ? "yes" : "no" }));
  rows.push(row({ Item: "from", Year: s.horizon.from }), row({ Item: "to", Year: s.horizon.to }));
  rows.push(row({ Item: "default probability", Probability: s.defaults.probability }));
  rows.push(row({ Item: "default realisation", Realisation: s.defaults.realisation }));
  for (const [clause, rate] of Object.entries(s.assumptions)) rows.push(row({ Item: "assumption", Option: clause, Value: rate }));
  for (const [doc, date] of Object.entries(s.issueDates)) rows.push(row({ Item: "issue date", Option: doc, Value: date }));
  const a = s.accounting;
  rows.push(row({ Item: "payment lag", Value: a.paymentLag.default }));
  for (const [id, years] of [...Object.entries(a.paymentLag.documents), ...Object.entries(a.paymentLag.clauses)]) rows.push(row({ Item: "payment lag", Option: id, Value: years }));
  rows.push(row({ Item: "asset method", Option: a.assetMethod }));
  for (const [kind, years] of Object.entries(a.usefulLife)) rows.push(row({ Item: "useful life", Option: kind, Value: years }));
  rows.push(row({ Item: "tax rate", Value: Number(a.taxRate) }));
  for (const [year, rate] of Object.entries(a.taxRates ?? {})) rows.push(row({ Item: "tax rate", Year: Number(year), Value: Number(rate) }));
  if (a.superDeduction !== undefined) rows.push(row({ Item: "super deduction", Value: Number(a.superDeduction) }));
  if (a.discountRate !== undefined) rows.push(row({ Item: "discount rate", Value: Number(a.discountRate) }));
  for (const [year, amount] of Object.entries(a.profitBeforeSupport ?? {})) rows.push(row({ Item: "profit before support", Year: Number(year), Value: amount }));
  for (const year of a.qualifiedYears ?? []) rows.push(row({ Item: "qualified year", Year: year }));
  if (a.deferredTaxAsset !== undefined) rows.push(row({ Item: "deferred tax asset", Option: a.deferredTaxAsset ? "yes" : "no" }));
  if (a.taxPayment !== undefined) rows.push(row({ Item: "tax payment", Option: a.taxPayment }));
  if (a.vat?.rate !== undefined) rows.push(row({ Item: "vat rate", Value: Number(a.vat.rate) }));
  if (a.vat?.surcharges !== undefined) rows.push(row({ Item: "vat surcharges", Value: Number(a.vat.surcharges) }));
  for (const id of a.nonTaxable) rows.push(row({ Item: "non-taxable", Option: id }));
  for (const [id, years] of Object.entries(a.costYears)) rows.push(row({ Item: "cost years", Option: id, Value: years }));
  for (const [id, on] of [...Object.entries(a.recognition?.documents ?? {}), ...Object.entries(a.recognition?.clauses ?? {})]) rows.push(row({ Item: "recognition", Option: id, Value: on }));
  for (const [id, year] of Object.entries(a.recognition?.approvalYears ?? {})) rows.push(row({ Item: "approval year", Option: id, Year: year }));
  const amount = (v: string | number) => Number(v);
  for (const f of [...s.financials].sort((a, b) => a.year - b.year)) {
    if (f.revenue !== undefined) rows.push(row({ Item: "revenue", Year: f.year, Value: amount(f.revenue) }));
    if (f.rd !== undefined) rows.push(row({ Item: "rd", Year: f.year, Value: amount(f.rd) }));
  }
  const item = Object.fromEntries(Object.entries(eventItems).map(([k, v]) => [v, k]));
  for (const e of s.events) {
    if (e.type === "other") {
      const facts = { ...e.facts, ...assetFacts(e) };
      rows.push(row({ Item: "other", Year: e.year, Product: e.product, Option: e.topic, Facts: formatFacts(facts), Probability: e.probability, Realisation: e.realisation, Label: e.label }));
      continue;
    }
    const base = { Item: item[e.type], Year: e.year, Probability: e.probability, Realisation: e.realisation, Label: e.label, Product: "product" in e ? e.product : undefined };
    switch (e.type) {
      case "certificate":
        rows.push(row({ ...base, Value: amount(e.rdCost), Class: e.class, Option: [e.pathway, e.localProduction ? "local" : ""].filter(Boolean).join(", ") }));
        break;
      case "fdaBreakthrough":
        rows.push(row({ ...base, Value: amount(e.rdCost) }));
        break;
      case "clinical":
        rows.push(row({ ...base, Class: e.drugClass, Option: String(e.phase), Facts: e.industrialised === undefined ? undefined : formatFacts({ industrialised: e.industrialised }) }));
        break;
      case "output":
        rows.push(row({ ...base, Value: amount(e.value) }));
        break;
      case "vbp":
        rows.push(row({ ...base, Value: amount(e.bidValue) }));
        break;
      case "firstSet":
        rows.push(row({ ...base, Value: amount(e.sales), Facts: e.recognitionYear === undefined ? undefined : formatFacts({ recognitionYear: e.recognitionYear }) }));
        break;
      case "insurance":
        rows.push(row({ ...base, Value: amount(e.premium) }));
        break;
      case "facility":
        rows.push(row({ ...base, Value: amount(e.cost), Area: amount(e.areaM2), Facts: Object.keys(assetFacts(e)).length ? formatFacts(assetFacts(e)) : undefined }));
        break;
      case "innovativeReview":
        rows.push(row(base));
        break;
    }
  }
  return rows;
}
