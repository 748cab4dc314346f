import "../engine";
import * as z from "zod/mini";
import { plainFormat, sizePolicy, type Format } from "../../workbook/stored";
import { langs, type Lang } from "../i18n";
import { migrateScenario, SCENARIO_VERSION, scenarioSchema, scenarioVersionOf, type AmountUnit, type Scenario } from "../engine";
import { investmentEventTypes, productEventTypes, rekey, type Draft } from "../wizard/draft";
import type { Bench } from "./bench";

/**
 * The pane's saved work (the draft, the baseline and the what-ifs) as storage.ts keeps it, with
 * its version. Version 1 is what the pane wrote before versions ({draft, bench}, no number);
 * version 2 says its number. Fields a newer pane of the same version adds are kept as they are
 * (loose objects), and a field left out takes the empty form's value, so a draft of an older
 * shape opens; anything of another type (a name that is a number, an event of a kind this
 * version does not know) sets the whole text aside, kept, rather than half-read.
 */
export const WORK_VERSION = 2;

const text = z.string().check(z.maxLength(sizePolicy.string));
const field = (empty = "") => z._default(text, empty);
const flag = z._default(z.boolean(), false);
const list = <T extends z.ZodMiniType>(item: T) => z._default(z.array(item).check(z.maxLength(sizePolicy.array)), []);

const event = z.looseObject({
  key: z.optional(text),
  type: z.enum([...productEventTypes, ...investmentEventTypes]),
  year: field(),
  product: field(),
  label: field(),
  probability: field(),
  realisation: field(),
  deviceClass: field(),
  pathway: field("standard"),
  localProduction: flag,
  rdCost: field(),
  drugClass: field("1"),
  phase: field(),
  value: field(),
  bestBefore: field(),
  bidValue: field(),
  wonBefore: flag,
  sales: field(),
  premium: field(),
  cost: field(),
  areaM2: field(),
  topic: field(),
  facts: field(),
});

const draft = z.looseObject({
  name: field(),
  enterpriseName: field(),
  region: field(),
  sector: field(),
  sme: z._default(z.enum(["", "yes", "no"]), ""),
  from: field(),
  to: field(),
  financials: list(z.looseObject({ key: z.optional(text), year: field(), revenue: field(), rd: field() })),
  defaultProbability: field("100"),
  defaultRealisation: field("100"),
  assumptions: list(z.looseObject({ key: z.optional(text), clause: field(), rate: field() })),
  issueDates: z._default(z.record(text, text), {}),
  events: list(event),
  simulation: z.optional(z.strictObject({ draws: z.number().check(z.int(), z.gte(1), z.lte(100000)), seed: z.number().check(z.int()) })),
});

const named = z.looseObject({ name: text, draft });

const work = z.looseObject({
  version: z.literal(WORK_VERSION),
  draft,
  bench: z._default(z.looseObject({ baseline: z.optional(named), variants: list(z.looseObject({ id: text, name: text, draft })), active: z.optional(text) }), { variants: [] }),
});

/** What a reload must not lose. */
export interface Work {
  readonly draft: Draft;
  readonly bench: Bench;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const workFormat: Format<Work> = {
  version: WORK_VERSION,
  versionOf: (raw) => (isObject(raw) && typeof raw.version === "number" && Number.isInteger(raw.version) ? raw.version : undefined),
  unversioned: 1,
  migrations: { 1: (raw) => (isObject(raw) ? { ...raw, version: 2 } : raw) },
  // The schema's output is a Draft with its keys (made fresh here: React's keys restart on reload).
  schema: z.pipe(
    work,
    z.transform((w): Work => {
      const bench = w.bench as unknown as Bench;
      return {
        draft: rekey(w.draft as unknown as Draft),
        bench: { ...bench, baseline: bench.baseline && { ...bench.baseline, draft: rekey(bench.baseline.draft) }, variants: bench.variants.map((v) => ({ ...v, draft: rekey(v.draft) })) },
      };
    }),
  ) as unknown as z.ZodMiniType<Work>,
};

/** What storage.ts writes: the work with its version. */
export const storedWork = (w: Work) => ({ version: WORK_VERSION, ...w });

/** The language the person chose, and the unit amounts are shown in: one word each. */
export const langFormat = plainFormat<Lang>(z.enum(langs as [Lang, ...Lang[]]));
export const unitFormat = plainFormat<AmountUnit>(z.enum(["yuan", "wan", "yi"]));
/** The wizard's step the person was on, kept across a reload. */
export const stepFormat = plainFormat<number>(z.number().check(z.int(), z.gte(0), z.lte(16)));

/** A scenario (a stored one, a file) as the one reader takes it: the engine's schema and migrations. */
export const scenarioFormat: Format<Scenario> = {
  version: SCENARIO_VERSION,
  versionOf: scenarioVersionOf,
  migrations: Object.fromEntries(Array.from({ length: SCENARIO_VERSION - 1 }, (_, i) => [i + 1, migrateScenario])),
  schema: scenarioSchema,
};
