import { factKey, fieldProblems } from "./checks";
import { Decimal, engine, formatAmountIn, parseAmountText, SCENARIO_VERSION, scenarioSchema, type AmountUnit, type Scenario, type ScenarioEvent } from "../engine";

/**
 * The wizard's form state: what the person typed, as text, until the scenario schema accepts
 * it. `toRaw` turns a draft into the scenario object the engine's zod schema checks (the one
 * `parseScenario` uses), and `validate` maps the schema's issues back onto the fields by path
 * (events.3.rdCost), so each message sits next to the field it is about. Nothing here computes
 * an amount: the pane hands the parsed scenario to the engine.
 */

export type EventType = ScenarioEvent["type"];

/** The steps each kind of event belongs to. */
export const productEventTypes = ["certificate", "innovativeReview", "fdaBreakthrough", "clinical", "output", "vbp", "firstSet"] as const satisfies readonly EventType[];
export const investmentEventTypes = ["facility", "insurance", "other"] as const satisfies readonly EventType[];

export interface DraftEvent {
  /** Stable React key; never written to the scenario. */
  readonly key: string;
  readonly type: EventType;
  readonly year: string;
  readonly product: string;
  readonly label: string;
  /** Percentages as typed (80 for 0.8); empty: the scenario's default. */
  readonly probability: string;
  readonly realisation: string;
  readonly deviceClass: string;
  readonly pathway: string;
  readonly localProduction: boolean;
  readonly rdCost: string;
  readonly drugClass: string;
  readonly phase: string;
  readonly value: string;
  readonly bestBefore: string;
  readonly bidValue: string;
  readonly wonBefore: boolean;
  readonly sales: string;
  readonly premium: string;
  readonly cost: string;
  readonly areaM2: string;
  readonly topic: string;
  /** "drugClass=1; industrialised=yes", as the Inputs table's Facts column writes them. */
  readonly facts: string;
  /** A facility's or `other` event's own useful life in years, as typed; empty: the scenario's. */
  readonly usefulLife: string;
  /** When the asset is ready for use ("2027-09" or "2027"), as loaded; empty: the event's year. */
  readonly readyForUse: string;
}

export interface DraftFinancial {
  readonly key: string;
  readonly year: string;
  readonly revenue: string;
  readonly rd: string;
}

export interface DraftAssumption {
  readonly key: string;
  readonly clause: string;
  readonly rate: string;
}

export interface Draft {
  readonly name: string;
  readonly enterpriseName: string;
  readonly region: string;
  readonly sector: string;
  /** "yes", "no" or "" (not stated: the SME clauses then cannot tell). */
  readonly sme: "" | "yes" | "no";
  readonly from: string;
  readonly to: string;
  readonly financials: readonly DraftFinancial[];
  readonly defaultProbability: string;
  readonly defaultRealisation: string;
  readonly assumptions: readonly DraftAssumption[];
  /** Issue dates the texts do not state, by document id (Shenzhen's 有效期5年). */
  readonly issueDates: Readonly<Record<string, string>>;
  readonly events: readonly DraftEvent[];
  /** Kept as loaded: the wizard does not edit the simulation settings. */
  readonly simulation?: Scenario["simulation"];
  /** The CFO's settings (payment lags, asset method, useful lives, tax rates, non-taxable clauses), kept as loaded
   * so that an imported scenario keeps them and exports them back; the accounts section edits some of them. */
  readonly accounting?: Scenario["accounting"];
}

let counter = 0;
export const newKey = (prefix: string): string => `${prefix}${++counter}`;

export function emptyEvent(type: EventType, year = ""): DraftEvent {
  return {
    key: newKey("e"),
    type,
    year,
    product: "",
    label: "",
    probability: "",
    realisation: "",
    deviceClass: "",
    pathway: "standard",
    localProduction: false,
    rdCost: "",
    drugClass: "1",
    phase: "",
    value: "",
    bestBefore: "",
    bidValue: "",
    wonBefore: false,
    sales: "",
    premium: "",
    cost: "",
    areaM2: "",
    topic: "",
    facts: "",
    usefulLife: "",
    readyForUse: "",
  };
}

export const emptyFinancial = (year = ""): DraftFinancial => ({ key: newKey("f"), year, revenue: "", rd: "" });

export function emptyDraft(thisYear: number): Draft {
  return {
    name: "",
    enterpriseName: "",
    region: "",
    sector: "",
    sme: "",
    from: String(thisYear),
    to: String(thisYear + 4),
    financials: [],
    defaultProbability: "100",
    defaultRealisation: "100",
    assumptions: [],
    issueDates: {},
    events: [],
  };
}

// ---- text ⇄ values --------------------------------------------------------------------------

const decimalText = /^\d+(\.\d+)?$/;

/**
 * Money as typed ("15,000,000", "1,500万", "1.5亿"): the engine's parser turns it into yuan;
 * text it cannot read goes to the schema as it is, and fieldProblems says what is wrong with it.
 */
export function moneyText(text: string): string {
  const r = parseAmountText(text);
  return r.ok || r.yuan ? r.yuan!.toFixed() : text.trim();
}

const suffix: Record<AmountUnit, string> = { yuan: "", wan: "万", yi: "亿" };

/** An amount as the fields show it in the chosen unit, with separators: 150000000 → "15,000万". */
export function amountInput(yuan: string | number | Decimal, unit: AmountUnit): string {
  return `${formatAmountIn(new Decimal(yuan), unit)}${suffix[unit]}`;
}

/** The whole part of a typed amount grouped by thousands as it is typed: "1500000" → "1,500,000", "1500万" → "1,500万". */
export function groupDigits(text: string): string {
  const m = /^(\s*)(\d[\d,，]*)(\.\d*)?(\s*(?:万元|亿元|万|亿|元)?\s*)$/.exec(text);
  if (!m) return text;
  const digits = m[2].replace(/[,，]/g, "");
  return `${m[1]}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}${m[4]}`;
}

/** A number field: the number when the text is one, else the text itself (the schema says why). */
function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** 80 → 0.8, by moving the decimal point (no binary rounding on the way). */
function percentToShare(text: string): number | string | undefined {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return undefined;
  return decimalText.test(t) ? new Decimal(t).dividedBy(100).toNumber() : t;
}

export const shareToPercent = (share: number): string => new Decimal(share).times(100).toString();


/**
 * "drugClass=1; industrialised=yes": yes/no are flags; a number is a number, except an amount
 * (a money fact of the catalog), which stays a decimal string as amounts do everywhere.
 */
function parseFacts(text: string): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {};
  for (const part of text.split(/[;；]/)) {
    const [k, ...rest] = part.split(/[=＝]/);
    const key = factKey(k ?? "") ?? k?.trim();
    if (!key) continue;
    const v = rest.join("=").trim();
    const kind = engine().catalog.facts[key]?.kind;
    const number = /^-?\d+(\.\d+)?$/.test(v) && kind !== "money";
    facts[key] = /^(yes|true|是)$/i.test(v) ? true : /^(no|false|否)$/i.test(v) ? false : number ? Number(v) : kind === "money" ? moneyText(v) : v;
  }
  return facts;
}

const formatFacts = (facts: Record<string, string | number | boolean>): string =>
  Object.entries(facts)
    .map(([k, v]) => `${k}=${v === true ? "yes" : v === false ? "no" : v}`)
    .join("; ");

/** Only what is filled in: an empty optional field is left out, so the schema's default applies. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));
}

function eventToRaw(e: DraftEvent): Record<string, unknown> {
  const common = {
    type: e.type,
    year: numberOrText(e.year),
    label: e.label.trim() || undefined,
    probability: percentToShare(e.probability),
    realisation: percentToShare(e.realisation),
  };
  const product = e.product.trim();
  switch (e.type) {
    case "certificate":
      return compact({
        ...common,
        product,
        class: numberOrText(e.deviceClass),
        pathway: e.pathway,
        rdCost: money(e.rdCost),
        localProduction: e.localProduction || undefined,
      });
    case "innovativeReview":
      return compact({ ...common, product });
    case "fdaBreakthrough":
      return compact({ ...common, product, rdCost: money(e.rdCost) });
    case "clinical": {
      // 实施产业化 (昌平医药 第五条) is presumed; a loaded "industrialised: false" is carried as its fact, not lost.
      const { industrialised } = parseFacts(e.facts);
      return compact({ ...common, product, drugClass: numberOrText(e.drugClass), phase: numberOrText(e.phase), industrialised: typeof industrialised === "boolean" ? industrialised : undefined });
    }
    case "output":
      return compact({ ...common, product, value: money(e.value), bestBefore: money(e.bestBefore) });
    case "vbp":
      return compact({ ...common, product, bidValue: money(e.bidValue), wonBefore: e.wonBefore || undefined });
    case "firstSet":
      return compact({ ...common, product, sales: money(e.sales) });
    case "insurance":
      return compact({ ...common, premium: money(e.premium) });
    case "facility":
      return compact({ ...common, cost: money(e.cost), areaM2: money(e.areaM2), usefulLife: numberOrText(e.usefulLife), readyForUse: e.readyForUse.trim() || undefined });
    case "other":
      return { ...compact({ ...common, product: product || undefined, topic: e.topic, usefulLife: numberOrText(e.usefulLife), readyForUse: e.readyForUse.trim() || undefined }), facts: parseFacts(e.facts) };
  }
}

const money = (text: string) => (text.trim() === "" ? undefined : moneyText(text));

/** The scenario object the schema checks; required fields left empty stay missing, so the schema names them. */
export function toRaw(d: Draft): Record<string, unknown> {
  return {
    schemaVersion: SCENARIO_VERSION,
    name: d.name.trim(),
    enterprise: compact({
      name: d.enterpriseName.trim() || undefined,
      region: d.region || undefined,
      sector: d.sector || undefined,
      sme: d.sme === "" ? undefined : d.sme === "yes",
    }),
    horizon: compact({ from: numberOrText(d.from), to: numberOrText(d.to) }),
    financials: d.financials.map((f) =>
      compact({ year: numberOrText(f.year), revenue: money(f.revenue), rd: money(f.rd) }),
    ),
    defaults: compact({ probability: percentToShare(d.defaultProbability), realisation: percentToShare(d.defaultRealisation) }),
    assumptions: Object.fromEntries(d.assumptions.filter((a) => a.clause).map((a) => [a.clause, a.rate.trim()])),
    issueDates: Object.fromEntries(Object.entries(d.issueDates).filter(([, date]) => date.trim() !== "")),
    ...(d.simulation ? { simulation: d.simulation } : {}),
    ...(d.accounting ? { accounting: d.accounting } : {}),
    events: d.events.map(eventToRaw),
  };
}

/** A scenario (an example, a stored one) as a draft the wizard can show and edit. */
export function fromScenario(s: Scenario, unit: AmountUnit = "yuan"): Draft {
  const amountText = (v: string | number) => amountInput(v, unit);
  const percent = (share: number | undefined) => (share === undefined ? "" : shareToPercent(share));
  const events = s.events.map((e): DraftEvent => {
    const base = { ...emptyEvent(e.type, String(e.year)), label: e.label ?? "", probability: percent(e.probability), realisation: percent(e.realisation) };
    switch (e.type) {
      case "certificate":
        return { ...base, product: e.product, deviceClass: String(e.class), pathway: e.pathway, rdCost: amountText(e.rdCost), localProduction: e.localProduction ?? false };
      case "innovativeReview":
        return { ...base, product: e.product };
      case "fdaBreakthrough":
        return { ...base, product: e.product, rdCost: amountText(e.rdCost) };
      case "clinical":
        return { ...base, product: e.product, drugClass: String(e.drugClass), phase: String(e.phase), facts: e.industrialised === undefined ? "" : formatFacts({ industrialised: e.industrialised }) };
      case "output":
        return { ...base, product: e.product, value: amountText(e.value), bestBefore: e.bestBefore === undefined ? "" : amountText(e.bestBefore) };
      case "vbp":
        return { ...base, product: e.product, bidValue: amountText(e.bidValue), wonBefore: e.wonBefore ?? false };
      case "firstSet":
        return { ...base, product: e.product, sales: amountText(e.sales) };
      case "insurance":
        return { ...base, premium: amountText(e.premium) };
      case "facility":
        return { ...base, cost: amountText(e.cost), areaM2: new Decimal(e.areaM2).toFixed(), usefulLife: e.usefulLife === undefined ? "" : String(e.usefulLife), readyForUse: e.readyForUse ?? "" };
      case "other":
        return { ...base, product: e.product ?? "", topic: e.topic, facts: formatFacts(e.facts), usefulLife: e.usefulLife === undefined ? "" : String(e.usefulLife), readyForUse: e.readyForUse ?? "" };
    }
  });
  return {
    name: s.name,
    enterpriseName: s.enterprise.name ?? "",
    region: s.enterprise.region,
    sector: s.enterprise.sector,
    sme: s.enterprise.sme === undefined ? "" : s.enterprise.sme ? "yes" : "no",
    from: String(s.horizon.from),
    to: String(s.horizon.to),
    financials: [...s.financials]
      .sort((a, b) => a.year - b.year)
      .map((f) => ({ key: newKey("f"), year: String(f.year), revenue: f.revenue === undefined ? "" : amountText(f.revenue), rd: f.rd === undefined ? "" : amountText(f.rd) })),
    defaultProbability: shareToPercent(s.defaults.probability),
    defaultRealisation: shareToPercent(s.defaults.realisation),
    assumptions: Object.entries(s.assumptions).map(([clause, rate]) => ({ key: newKey("a"), clause, rate })),
    issueDates: { ...s.issueDates },
    simulation: s.simulation,
    accounting: s.accounting,
    events,
  };
}

// ---- validation -----------------------------------------------------------------------------

/** One problem the schema found, on the field at `path` ("events.3.rdCost"). */
export interface Problem {
  readonly path: string;
  readonly code: string;
  /** The schema's own message (the engine's words, in English). */
  readonly message: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** For a custom message with a number in it ("2027 appears twice"). */
  readonly input?: unknown;
  /** The engine's problem code for an amount or a fact (amounts.ts, facts.ts), said in each language. */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface Validation {
  readonly scenario?: Scenario;
  /** The first problem of each field, by path. */
  readonly problems: ReadonlyMap<string, Problem>;
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  errors?: ZodIssueLike[][];
  input?: unknown;
  params?: Record<string, unknown>;
}

/** A union's issue says only "Invalid input": take the branch that says more (the money regex). */
function unwrap(issue: ZodIssueLike): ZodIssueLike {
  if (issue.code !== "invalid_union" || !issue.errors?.length) return issue;
  const inner = issue.errors.flat().find((i) => i.code === "invalid_format") ?? issue.errors.flat().find((i) => i.code === "too_small" || i.code === "too_big");
  if (inner) return { ...inner, path: issue.path };
  const all = issue.errors.flat();
  // A money field left empty or given a wrong type: every branch says so.
  if (all.every((i) => i.code === "invalid_type")) return { ...all[0], path: issue.path };
  // class 1/2/3 and phase 1/2/3 are unions of literals: a choice, not a number.
  return all.every((i) => i.code === "invalid_value") ? { ...issue, code: "invalid_value" } : issue;
}

export function validate(d: Draft): Validation {
  const raw = toRaw(d);
  const result = scenarioSchema.safeParse(raw);
  const problems = new Map<string, Problem>(fieldProblems(d).map((p) => [p.path, p]));
  if (result.success) return problems.size === 0 ? { scenario: result.data, problems } : { problems };
  for (const original of result.error.issues as ZodIssueLike[]) {
    const issue = unwrap(original);
    // A fact's problem (events.3.facts.rdCost) belongs to the event's one Facts field.
    const path = (issue.params?.fact !== undefined ? issue.path.slice(0, -1) : issue.path).map(String).join(".");
    if (problems.has(path)) continue;
    const num = (v: number | bigint | undefined) => (v === undefined ? undefined : Number(v));
    problems.set(path, { path, code: issue.code, message: issue.message, minimum: num(issue.minimum), maximum: num(issue.maximum), input: issue.input, params: issue.params });
  }
  return { problems };
}

/** Paths of the problems a step is about, for "fix these before going on". */
export function problemsUnder(problems: ReadonlyMap<string, Problem>, prefixes: readonly string[], events?: (i: number) => boolean): Problem[] {
  return [...problems.values()].filter((p) => {
    const m = /^events\.(\d+)/.exec(p.path);
    if (m) return events ? events(Number(m[1])) : false;
    return prefixes.some((prefix) => p.path === prefix || p.path.startsWith(`${prefix}.`));
  });
}

/** Nothing typed yet: replacing it loses nothing. */
export function isEmpty(d: Draft): boolean {
  return !d.name.trim() && !d.enterpriseName.trim() && !d.region && d.events.length === 0 && d.financials.length === 0 && d.assumptions.length === 0;
}

/** A draft read back from storage, with fresh React keys (the counter starts again on reload). */
export function rekey(d: Draft): Draft {
  return {
    ...d,
    events: d.events.map((e) => ({ ...emptyEvent(e.type), ...e, key: newKey("e") })),
    financials: d.financials.map((f) => ({ ...f, key: newKey("f") })),
    assumptions: d.assumptions.map((a) => ({ ...a, key: newKey("a") })),
  };
}
