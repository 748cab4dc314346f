import "./zod-jitless";
import * as z from "zod/mini";
import { amountProblemText, checkAmount, isAmountProblem, shown } from "../input/amounts";
import { readAmountText } from "../input/amount-text";
import { topics } from "../catalog/topics";
import { engine } from "../rules/evaluate";
import { checkFact, factProblemText, isFactProblem } from "../input/facts";
import { pathways } from "../rules/pathways";
import type { Lang } from "../explain/trace";
import { pathText, problemText, type Issue, type Place } from "./scenario-words";
import { isRegionProblem } from "../catalog/places";
import { regionProblemText } from "../rules/reach";

/**
 * A scenario: the enterprise and its plan, year by year. Versioned; `schema/scenario.schema.json`
 * is generated from this (npm run schema) so other tools can check files without this code.
 *
 * Version 2 is version 1 with room for optional fields: a file of version 1 is a file of version
 * 2 once its number says so (`migrateScenario`), and a version-1 reader, whose objects are
 * strict, refuses a file that uses any of them by its number instead of by a field it does not
 * know. Optional fields added later within version 2 need no new version.
 */
export const SCENARIO_VERSION = 2;

/** Each older version's step to the next one, applied in turn. */
const migrations: Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (raw) => ({ ...raw, schemaVersion: 2 }),
};

/** The version a raw scenario says it is, when it is a whole number. */
export const scenarioVersionOf = (raw: unknown): number | undefined => {
  const v = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  return typeof v === "number" && Number.isInteger(v) ? v : undefined;
};

/**
 * A raw scenario of an older version brought to this one, step by step; anything else (this
 * version, a newer one, no version at all) comes back as it is for the schema to judge.
 */
export function migrateScenario(raw: unknown): unknown {
  let v = scenarioVersionOf(raw);
  let out = raw as Record<string, unknown>;
  while (v !== undefined && v < SCENARIO_VERSION && migrations[v]) {
    out = migrations[v](out);
    v = scenarioVersionOf(out);
  }
  return out;
}

/**
 * An amount as a file writes it: a number ≥ 0, or a text as a person types one ("5000000",
 * "500万", "1.5亿", "１，５００万": amount-text.ts's grammar, the same as a cell's and the task
 * pane's), then the engine's bounds on size and digits (amounts.ts), reported with the problem's
 * code in `params.amount` so each door can say it in its language.
 */
const bounded = (unit: string) => (v: string | number, ctx: z.core.$RefinementCtx<string | number>) => {
  const typed = typeof v === "string" ? readAmountText(v) : undefined;
  // A text the grammar refuses ("5e6", "abc") is not an amount, whatever JavaScript reads in it.
  const checked = typed && !typed.ok ? ({ code: typed.problem === "negative" ? "negative" : "notAmount", got: shown(v) } as const) : checkAmount(v);
  if (isAmountProblem(checked)) ctx.addIssue({ code: "custom", message: amountProblemText(checked, unit, "en-US"), params: { amount: checked, unit } });
};
/**
 * What the JSON Schema says of an amount (meta only: the checks above say what is wrong, in the
 * reader's language): digits, ASCII or full-width, with separators, an optional ¥ and unit.
 */
const typedAmount = "^\\s*[¥￥]?\\s*[0-9０-９][0-9０-９,，_'’ .．]*\\s*(万元|亿元|万|亿|元|yuan|rmb|cny|YUAN|RMB|CNY)?\\s*$";

/** A typed amount once checked, as the plain decimal text the engine reads ("500万" → "5000000"); a plain one as it was written. */
const plain = (v: string | number): string | number => {
  if (typeof v === "number" || /^\d+(\.\d+)?$/.test(v)) return v;
  const read = readAmountText(v);
  return read.ok ? read.yuan.toFixed() : v;
};
const amountOf = (unit: "yuan" | "m²") =>
  z.pipe(
    z.union([z.string().check(z.maxLength(64)).register(z.globalRegistry, { pattern: typedAmount }), z.number().register(z.globalRegistry, { minimum: 0 })]).check(z.superRefine(bounded(unit))),
    z.transform(plain),
  );
const money = amountOf("yuan");
const area = amountOf("m²");
const share = z.number().check(z.gte(0), z.lte(1));
const year = z.number().check(z.int(), z.gte(1990), z.lte(2100));
const isoDate = z.iso.date();

/** What every event may carry: its chance, and the share of a discretionary ceiling expected. */
const uncertain = {
  year,
  label: z.optional(z.string()),
  /** The chance the event happens and is awarded (0–1); the scenario default otherwise. */
  probability: z.optional(share),
  /** The share of a discretionary (经认定/择优) ceiling expected to be granted (0–1). */
  realisation: z.optional(share),
};
const product = z.string().check(z.minLength(1));
/** Years of use of a long-lived asset the event builds or buys (asset-related support, ruling 16). */
const usefulLife = z.optional(z.number().check(z.int(), z.gte(1), z.lte(100)));
/** When the asset the support pays for is ready for use (DESIGN ruling 23), where it is not the event's year:
 * "2027-09" (recognised from the month after, as depreciation starts) or "2027" (whole years from it). */
const readyForUse = z.optional(z.string().check(z.regex(/^(199\d|20\d\d)(-(0[1-9]|1[0-2]))?$/, "a month such as \"2027-09\", or a year such as \"2027\"")));

export const event = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("certificate"),
    ...uncertain,
    product,
    class: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** DESIGN.md's approval pathways; files written with the earlier three codes read the same. */
    pathway: z._default(z.enum(pathways), "standard"),
    rdCost: money,
    /** Produced locally (落地生产): Changping pays a further award for innovative certificates. */
    localProduction: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal("innovativeReview"), ...uncertain, product }),
  z.strictObject({ type: z.literal("fdaBreakthrough"), ...uncertain, product, rdCost: money }),
  z.strictObject({
    type: z.literal("clinical"),
    ...uncertain,
    product,
    drugClass: z.number().check(z.int(), z.gte(1), z.lte(5)),
    phase: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** Industrialised in Changping (实施产业化, 昌平医药 第五条): presumed unless stated false, as CLINICAL presumes it. */
    industrialised: z.optional(z.boolean()),
  }),
  z.strictObject({
    type: z.literal("output"),
    ...uncertain,
    product,
    value: money,
    /** The product's best annual output before the scenario's first output, if any. */
    bestBefore: z.optional(money),
  }),
  z.strictObject({
    type: z.literal("vbp"),
    ...uncertain,
    product,
    bidValue: money,
    wonBefore: z.optional(z.boolean()),
    /** That year's total procurement of the product under the win (当年采购总金额); the bid value if not given. */
    procurementValue: z.optional(money),
    /** National volume-based procurement (国家集中带量采购), which Shenzhen （十五） names; true if not given. */
    national: z.optional(z.boolean()),
  }),
  z.strictObject({
    type: z.literal("firstSet"),
    ...uncertain,
    product,
    sales: money,
    /** The year the product was recognised as first-of-its-kind: 昌平 第十条（一） pays on that year's sales, once (ruling 18). */
    recognitionYear: z.optional(year),
  }),
  z.strictObject({ type: z.literal("insurance"), ...uncertain, premium: money }),
  z.strictObject({ type: z.literal("facility"), ...uncertain, cost: money, areaM2: area, usefulLife, readyForUse }),
  /** Any other clause of the catalog, by topic and the facts its conditions read. */
  z.strictObject({
    type: z.literal("other"),
    ...uncertain,
    /** The product, variety or project it is about, for a rule that counts per product or project (once only, a product's total, a training project's years and ceiling). */
    product: z.optional(product),
    topic: z.enum(topics),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    usefulLife,
    readyForUse,
  }).check(z.superRefine((e, ctx) => {
    // Typed by the catalog's definitions: a flag where money is expected, NaN or −1 is refused here.
    const definitions = engine().catalog.facts;
    for (const [name, value] of Object.entries(e.facts)) {
      const fact = checkFact(name, value, definitions);
      if (isFactProblem(fact)) ctx.addIssue({ code: "custom", path: ["facts", name], message: factProblemText(name, fact, definitions, "en-US"), params: { fact: name, problem: fact } });
    }
  })),
]);
export type ScenarioEvent = z.infer<typeof event>;

const lag = z.number().check(z.int(), z.gte(0), z.lte(10));
const life = z.number().check(z.int(), z.gte(1), z.lte(100));
const rate = z.string().check(z.regex(/^(0(\.\d+)?|1(\.0+)?)$/, "a rate from 0 to 1, such as \"0.25\""));

/**
 * The CFO's settings (DESIGN rulings 15–17): when cash arrives, how asset-related support is
 * booked, the income tax rate, and which clauses' funds are non-taxable. Every one has a default,
 * and the views built on them say so.
 */
export const accountingSettings = z.prefault(
  z.strictObject({
    /** Years from entitlement to cash: by default 1 (applied for in the next annual round). */
    paymentLag: z.prefault(z.strictObject({ default: z._default(lag, 1), documents: z._default(z.record(z.string(), lag), {}), clauses: z._default(z.record(z.string(), lag), {}) }), {}),
    /** Asset-related support: gross (总额法, deferred income) or net (净额法, deducted from the asset's cost). */
    assetMethod: z._default(z.enum(["gross", "net"]), "gross"),
    /** Default useful life in years by kind of asset, where the event does not set its own. */
    /** The scenario's useful life in years by kind of asset, where the event does not set its own;
     * a kind not set here takes the engine's default (accounting/kinds.ts: building 20, equipment 10). */
    usefulLife: z.prefault(z.strictObject({ building: z.optional(life), equipment: z.optional(life) }), {}),
    /** Enterprise income tax rate: 25%; 15% for a high-tech enterprise (高新技术企业). */
    taxRate: z._default(rate, "0.25"),
    /** The rate of particular years, by year ("2027": "0.15" for the years of 高新技术企业 status); other years take taxRate. */
    taxRates: z.optional(z.record(z.string().check(z.regex(/^(19[9]\d|20\d\d|2100)$/, "a year such as \"2027\"")), rate)),
    /** Output VAT on support tied to sales (国家税务总局公告2019年第45号 第七条): its rate (13% unless set) and the surcharges on it (12% unless set). */
    vat: z.optional(z.strictObject({ rate: z.optional(rate), surcharges: z.optional(rate) })),
    /** Taxable profit (or, negative, loss) before support by year ("2026": "-5000000"): losses are carried
     * forward 5 years, 10 where a year of 高新技术企业 or 科技型中小企业 status follows within 5 (财税〔2018〕76号). */
    profitBeforeSupport: z.optional(z.record(z.string().check(z.regex(/^(199\d|20\d\d|2100)$/, "a year such as \"2027\"")), z.string().check(z.regex(/^-?\d{1,15}(\.\d{1,2})?$/, "an amount in yuan, negative for a loss, such as \"-5000000\"")))),
    /** The years the enterprise holds 高新技术企业 or 科技型中小企业 status, for the 10-year carry-forward. */
    qualifiedYears: z.optional(z.array(year)),
    /** Whether taxable profit is probable against which a deferred tax asset can be used (企业会计准则第18号 第十三条): yes unless set. */
    deferredTaxAsset: z.optional(z.boolean()),
    /** When the current tax on support is paid (企业所得税法 第五十四条): by quarterly prepayment in the year it
     * arises (the default), or at the annual settlement (汇算清缴) by 31 May of the next year, where the
     * prepayments follow the year before's income (实施条例 第一百二十八条) and so leave the support out. */
    taxPayment: z.optional(z.enum(["quarterly", "annual"])),
    /** The discount rate at which the two tax treatments of non-taxable clauses are compared (8% unless set). */
    discountRate: z.optional(rate),
    /** The super deduction of R&D costs (研发费用加计扣除) as a share of them: 100% (财政部 税务总局公告2023年第7号) unless set. */
    superDeduction: z.optional(rate),
    /** Clauses whose funds are treated as non-taxable income (不征税收入, 财税〔2011〕70号), by clause id. */
    nonTaxable: z._default(z.array(z.string().check(z.minLength(1))), []),
    /** When support compensating costs already incurred is recognised (DESIGN ruling 23): when received
     * (the default) or when receivable, per document or clause (the clause's setting wins); a discretionary
     * award is receivable no earlier than its approval year, by clause id. */
    recognition: z.optional(
      z.strictObject({
        documents: z.optional(z.record(z.string(), z.enum(["received", "receivable"]))),
        clauses: z.optional(z.record(z.string(), z.enum(["received", "receivable"]))),
        approvalYears: z.optional(z.record(z.string(), year)),
      }),
    ),
    /** Years over which the later costs an income-related clause compensates fall, by clause id (default 1). */
    costYears: z._default(z.record(z.string(), z.number().check(z.int(), z.gte(1), z.lte(50))), {}),
  }).check(z.superRefine((a, ctx) => {
    // A document or clause the catalog does not have would silently do nothing.
    const { catalog } = engine();
    const documents = new Set(catalog.documents.map((d) => d.id));
    const clauses = new Set(catalog.clauses.map((c) => c.id));
    const unknown = (path: (string | number)[], id: string, what: string) => ctx.addIssue({ code: "custom", path, message: `no ${what} "${id}" in the catalog`, params: { unknownId: id, what } });
    for (const id of Object.keys(a.paymentLag.documents)) if (!documents.has(id)) unknown(["paymentLag", "documents", id], id, "document");
    for (const id of Object.keys(a.paymentLag.clauses)) if (!clauses.has(id)) unknown(["paymentLag", "clauses", id], id, "clause");
    a.nonTaxable.forEach((id, i) => clauses.has(id) || unknown(["nonTaxable", i], id, "clause"));
    for (const id of Object.keys(a.costYears)) if (!clauses.has(id)) unknown(["costYears", id], id, "clause");
    for (const id of Object.keys(a.recognition?.documents ?? {})) if (!documents.has(id)) unknown(["recognition", "documents", id], id, "document");
    for (const id of Object.keys(a.recognition?.clauses ?? {})) if (!clauses.has(id)) unknown(["recognition", "clauses", id], id, "clause");
    for (const id of Object.keys(a.recognition?.approvalYears ?? {})) if (!clauses.has(id)) unknown(["recognition", "approvalYears", id], id, "clause");
  })),
  {},
);
export type AccountingSettings = z.infer<typeof accountingSettings>;

export const scenario = z
  .strictObject({
    schemaVersion: z.literal(SCENARIO_VERSION),
    name: z.string().check(z.minLength(1)),
    enterprise: z
      .strictObject({
        name: z.optional(z.string()),
        /** A place the tree knows (changping, beijing, shenzhen, 昌平区, a pack's place, 北京市›昌平区), optionally +zone. */
        region: z.string().check(z.minLength(1), z.maxLength(200)),
        sector: z.enum(["device", "drug"]),
        sme: z.optional(z.boolean()),
        /** Zones the enterprise belongs to (中关村示范区, 昌平组团): a zone's texts reach only its members (ruling 21). */
        zones: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(20))),
      })
      .check(
        z.superRefine((e, ctx) => {
          const reach = engine().reach(e.region, e.zones);
          if (isRegionProblem(reach)) ctx.addIssue({ code: "custom", path: [reach.code === "unknownPlace" ? "region" : "zones"], message: regionProblemText(reach, "en-US"), params: { region: reach } });
        }),
      ),
    horizon: z.strictObject({ from: year, to: year }),
    /** Revenue (主营业务收入 / 营业收入) and R&D spending by year, history and plan alike. */
    financials: z._default(z.array(z.strictObject({ year, revenue: z.optional(money), rd: z.optional(money) })), []),
    defaults: z.prefault(z.strictObject({ probability: z._default(share, 1), realisation: z._default(share, 1) }), {}),
    /** Assumed rates (or amounts) for clauses the text leaves open ("一定比例"), by clause id. */
    assumptions: z._default(z.record(z.string(), z.string().check(z.regex(/^\d+(\.\d+)?$/), z.superRefine(bounded("")))), {}),
    /** Issue dates the texts do not state, by document id (Shenzhen's 有效期5年). */
    issueDates: z._default(z.record(z.string(), isoDate), {}),
    simulation: z.prefault(z.strictObject({ draws: z._default(z.number().check(z.int(), z.gte(1), z.lte(100000)), 2000), seed: z._default(z.number().check(z.int()), 1) }), {}),
    events: z._default(z.array(event), []),
    accounting: accountingSettings,
  })
  .check(z.superRefine((s, ctx) => {
    if (s.horizon.to < s.horizon.from) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "must not be before horizon.from", params: { beforeFrom: true } });
    if (s.horizon.to - s.horizon.from >= 30) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "a horizon is at most 30 years", params: { horizonYears: 30 } });
    const seen = new Set<number>();
    s.financials.forEach((f, i) => {
      if (seen.has(f.year)) ctx.addIssue({ code: "custom", path: ["financials", i, "year"], message: `${f.year} appears twice`, params: { twice: f.year } });
      seen.add(f.year);
    });
  }));
export type Scenario = z.infer<typeof scenario>;

/** The event types of the format, for the message that refuses another. */
const eventTypes = ["certificate", "innovativeReview", "fdaBreakthrough", "clinical", "output", "vbp", "firstSet", "insurance", "facility", "other"];

export class ScenarioError extends Error {
  /**
   * `problems`: each problem in English after its path (events[2].rdCost: …), as the bundle and
   * the tests compare them; `said`, where known, the same problems as a reader sees them in each
   * language (problemsIn).
   */
  constructor(
    readonly problems: readonly string[],
    private readonly said?: (lang: Lang) => readonly string[],
    /** The check's own issues, for a door that places them itself (the Inputs table, by row). */
    readonly issues?: readonly Issue[],
  ) {
    super(problems.join("\n"));
    this.name = "ScenarioError";
  }

  /** The problems as a reader sees them: the field by its name in `lang`, where it is beside it. */
  problemsIn(lang: Lang): readonly string[] {
    return this.said?.(lang) ?? this.problems;
  }
}

/** Issues of the check in `lang`; `place` writes where each is, when a door has its own words for it (a row). */
export function issuesText(issues: readonly Issue[], lang: Lang, place?: Place): string[] {
  const facts = engine().catalog.facts;
  return issues.map((issue) => problemText(issue, lang, facts, eventTypes, place));
}

/** Checks a parsed JSON value, of this version or an older one; every problem names its field by path (events[2].rdCost). */
export function parseScenario(raw: unknown): Scenario {
  const version = scenarioVersionOf(raw);
  if (version !== undefined && version > SCENARIO_VERSION)
    throw new ScenarioError([`schemaVersion: written by a newer version of this tool (schema ${version}); this version reads schemas 1 to ${SCENARIO_VERSION}`]);
  const result = scenario.safeParse(migrateScenario(raw));
  if (result.success) return result.data;
  const issues = result.error.issues as unknown as readonly Issue[];
  throw new ScenarioError(
    issues.map((issue) => `${pathText(issue.path) || "(scenario)"}: ${issue.message}`),
    (lang) => issuesText(issues, lang),
    issues,
  );
}
