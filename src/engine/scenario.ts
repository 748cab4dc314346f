import { z } from "zod";
import { amountProblemText, checkAmount, isAmountProblem } from "./amounts";
import { topics } from "./catalog/schema";
import { engine } from "./evaluate";
import { checkFact, factProblemText, isFactProblem } from "./facts";
import { regions } from "./regions";

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
const bounded = (unit: string) => (v: string | number, ctx: z.RefinementCtx) => {
  const checked = checkAmount(v);
  if (isAmountProblem(checked)) ctx.addIssue({ code: "custom", message: amountProblemText(checked, unit, "en-US"), params: { amount: checked, unit } });
};
const amountOf = (unit: "yuan" | "m²", example: string) =>
  z.union([z.string().regex(/^\d+(\.\d+)?$/, `an amount in ${unit}, such as "${example}"`), z.number().finite().nonnegative()]).superRefine(bounded(unit));
const money = amountOf("yuan", "5000000");
const area = amountOf("m²", "2000");
const share = z.number().min(0).max(1);
const year = z.number().int().min(1990).max(2100);
const isoDate = z.iso.date();

/** What every event may carry: its chance, and the share of a discretionary ceiling expected. */
const uncertain = {
  year,
  label: z.string().optional(),
  /** The chance the event happens and is awarded (0–1); the scenario default otherwise. */
  probability: share.optional(),
  /** The share of a discretionary (经认定/择优) ceiling expected to be granted (0–1). */
  realisation: share.optional(),
};
const product = z.string().min(1);

export const event = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("certificate"),
    ...uncertain,
    product,
    class: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    pathway: z.enum(["standard", "innovative", "major"]).default("standard"),
    rdCost: money,
    /** Produced locally (落地生产): Changping pays a further award for innovative certificates. */
    localProduction: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("innovativeReview"), ...uncertain, product }),
  z.strictObject({ type: z.literal("fdaBreakthrough"), ...uncertain, product, rdCost: money }),
  z.strictObject({
    type: z.literal("clinical"),
    ...uncertain,
    product,
    drugClass: z.number().int().min(1).max(5),
    phase: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  z.strictObject({
    type: z.literal("output"),
    ...uncertain,
    product,
    value: money,
    /** The product's best annual output before the scenario's first output, if any. */
    bestBefore: money.optional(),
  }),
  z.strictObject({ type: z.literal("vbp"), ...uncertain, product, bidValue: money, wonBefore: z.boolean().optional() }),
  z.strictObject({ type: z.literal("firstSet"), ...uncertain, product, sales: money }),
  z.strictObject({ type: z.literal("insurance"), ...uncertain, premium: money }),
  z.strictObject({ type: z.literal("facility"), ...uncertain, cost: money, areaM2: area }),
  /** Any other clause of the catalog, by topic and the facts its conditions read. */
  z.strictObject({
    type: z.literal("other"),
    ...uncertain,
    topic: z.enum(topics),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  }).superRefine((e, ctx) => {
    // Typed by the catalog's definitions: a flag where money is expected, NaN or −1 is refused here.
    const definitions = engine().catalog.facts;
    for (const [name, value] of Object.entries(e.facts)) {
      const fact = checkFact(name, value, definitions);
      if (isFactProblem(fact)) ctx.addIssue({ code: "custom", path: ["facts", name], message: factProblemText(name, fact, definitions, "en-US"), params: { fact: name, problem: fact } });
    }
  }),
]);
export type ScenarioEvent = z.infer<typeof event>;

export const scenario = z
  .strictObject({
    schemaVersion: z.literal(SCENARIO_VERSION),
    name: z.string().min(1),
    enterprise: z.strictObject({
      name: z.string().optional(),
      region: z.enum(regions as [string, ...string[]]),
      sector: z.enum(["device", "drug"]),
      sme: z.boolean().optional(),
    }),
    horizon: z.strictObject({ from: year, to: year }),
    /** Revenue (主营业务收入 / 营业收入) and R&D spending by year, history and plan alike. */
    financials: z.array(z.strictObject({ year, revenue: money.optional(), rd: money.optional() })).default([]),
    defaults: z.strictObject({ probability: share.default(1), realisation: share.default(1) }).prefault({}),
    /** Assumed rates (or amounts) for clauses the text leaves open ("一定比例"), by clause id. */
    assumptions: z.record(z.string(), z.string().regex(/^\d+(\.\d+)?$/).superRefine(bounded(""))).default({}),
    /** Issue dates the texts do not state, by document id (Shenzhen's 有效期5年). */
    issueDates: z.record(z.string(), isoDate).default({}),
    simulation: z.strictObject({ draws: z.number().int().min(1).max(100000).default(2000), seed: z.number().int().default(1) }).prefault({}),
    events: z.array(event).default([]),
  })
  .superRefine((s, ctx) => {
    if (s.horizon.to < s.horizon.from) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "must not be before horizon.from" });
    if (s.horizon.to - s.horizon.from >= 30) ctx.addIssue({ code: "custom", path: ["horizon", "to"], message: "a horizon is at most 30 years" });
    const seen = new Set<number>();
    s.financials.forEach((f, i) => {
      if (seen.has(f.year)) ctx.addIssue({ code: "custom", path: ["financials", i, "year"], message: `${f.year} appears twice` });
      seen.add(f.year);
    });
  });
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
