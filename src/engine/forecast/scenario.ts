import "./zod-jitless";
import * as z from "zod/mini";
import { amountProblemText, checkAmount, isAmountProblem } from "../input/amounts";
import { topics } from "../catalog/topics";
import { engine } from "../rules/evaluate";
import { checkFact, factProblemText, isFactProblem } from "../input/facts";
import { pathways } from "../rules/pathways";
import { regions } from "../catalog/regions";

/**
 * A scenario: the enterprise and its plan, year by year. Versioned; `schema/scenario.schema.json`
 * is generated from this (npm run schema) so other tools can check files without this code.
 */
export const SCENARIO_VERSION = 1;

/**
 * An amount as a file writes it: a plain decimal text or a number ≥ 0 (the JSON schema says
 * so), then the engine's bounds on size and digits (amounts.ts), reported with the problem's
 * code in `params.amount` so each door can say it in its language.
 */
const bounded = (unit: string) => (v: string | number, ctx: z.core.$RefinementCtx<string | number>) => {
  const checked = checkAmount(v);
  if (isAmountProblem(checked)) ctx.addIssue({ code: "custom", message: amountProblemText(checked, unit, "en-US"), params: { amount: checked, unit } });
};
const amountOf = (unit: "yuan" | "m²", example: string) =>
  z.union([z.string().check(z.regex(/^\d+(\.\d+)?$/, `an amount in ${unit}, such as "${example}"`)), z.number().check(z.nonnegative())]).check(z.superRefine(bounded(unit)));
const money = amountOf("yuan", "5000000");
const area = amountOf("m²", "2000");
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
  z.strictObject({ type: z.literal("firstSet"), ...uncertain, product, sales: money }),
  z.strictObject({ type: z.literal("insurance"), ...uncertain, premium: money }),
  z.strictObject({ type: z.literal("facility"), ...uncertain, cost: money, areaM2: area, usefulLife, readyForUse }),
  /** Any other clause of the catalog, by topic and the facts its conditions read. */
  z.strictObject({
    type: z.literal("other"),
    ...uncertain,
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
    const unknown = (path: (string | number)[], id: string, what: string) => ctx.addIssue({ code: "custom", path, message: `no ${what} "${id}" in the catalog` });
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
    enterprise: z.strictObject({
      name: z.optional(z.string()),
      region: z.enum(regions as [string, ...string[]]),
      sector: z.enum(["device", "drug"]),
      sme: z.optional(z.boolean()),
    }),
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
    if (s.horizon.to < s.horizon.from) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "must not be before horizon.from" });
    if (s.horizon.to - s.horizon.from >= 30) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "a horizon is at most 30 years" });
    const seen = new Set<number>();
    s.financials.forEach((f, i) => {
      if (seen.has(f.year)) ctx.addIssue({ code: "custom", path: ["financials", i, "year"], message: `${f.year} appears twice` });
      seen.add(f.year);
    });
  }));
export type Scenario = z.infer<typeof scenario>;

export class ScenarioError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ScenarioError";
  }
}

/** Checks a parsed JSON value; every problem names its field by path (events[2].rdCost). */
export function parseScenario(raw: unknown): Scenario {
  const result = scenario.safeParse(raw);
  if (result.success) return result.data;
  throw new ScenarioError(
    result.error.issues.map((issue) => {
      const path = issue.path.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${String(k)}` : String(k)), "");
      return `${path || "(scenario)"}: ${issue.message}`;
    }),
  );
}
