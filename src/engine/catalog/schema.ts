import "../forecast/zod-jitless";
import { z } from "zod";
import { topics } from "./topics";

/**
 * The shape of the clause catalog. Each policy document is one JSON file (entries in the
 * document's article order); this schema is what makes them data a reader can trust: every
 * amount is a decimal string in yuan, every rate a fraction, every entry quotes its sentence.
 */

/** A non-negative decimal written as a string ("0.3", "3000000") so no float ever enters. */
export const decimalString = z.string().regex(/^\d+(\.\d+)?$/, "a non-negative decimal string such as \"0.3\" or \"3000000\"");

export const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

export { topics };
export const topic = z.enum(topics);
export type Topic = z.infer<typeof topic>;

export const factKinds = ["money", "quantity", "code", "flag"] as const;
export const factDefinition = z.strictObject({
  kind: z.enum(factKinds),
  /** The values a code may take, for validation and for the task pane's choices. */
  values: z.array(z.union([z.string(), z.number()])).optional(),
  unit: z.string().optional(),
  en: z.string().min(1),
  zh: z.string().min(1),
});
export type FactDefinition = z.infer<typeof factDefinition>;

const factRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]);

/** A test on the facts. `fact` given as a list is the sum of those facts (上两年研发投入总额). */
const comparison = z.strictObject({
  fact: factRef,
  op: z.enum(["gte", "gt", "lt", "lte"]),
  value: decimalString,
});
const membership = z.strictObject({
  fact: z.string().min(1),
  op: z.literal("in"),
  value: z.array(z.union([z.string(), z.number()])).min(1),
});
const flagTest = z.strictObject({ fact: z.string().min(1), op: z.literal("is"), value: z.boolean() });
export type LeafCondition = z.infer<typeof comparison> | z.infer<typeof membership> | z.infer<typeof flagTest>;
const leaf = z.union([comparison, membership, flagTest]);
/** Any one of several conjunctions: 三类, or 经认定的重大二类. */
const anyOf = z.strictObject({ any: z.array(z.array(leaf).min(1)).min(2) });
export const condition = z.union([leaf, anyOf]);
export type Condition = z.infer<typeof condition>;

const tier = z.strictObject({ threshold: decimalString, amount: decimalString });

export const formula = z.discriminatedUnion("kind", [
  /**
   * rate × base ("按…的30%"). `fallback` is the fact another text of the same matter names for
   * what the plan may state once (器械 项目经费, 医药 活动实际发生费用): read in the base's place
   * when the plan does not state the base, and the figure is marked as resting on that assumption.
   */
  z.strictObject({ kind: z.literal("rate"), rate: decimalString, base: factRef, fallback: z.string().min(1).optional() }),
  /** A fixed amount or, with "最高", the ceiling itself (ruling 2). */
  z.strictObject({ kind: z.literal("fixed"), amount: decimalString }),
  /** An amount chosen by a code (phase Ⅰ/Ⅱ/Ⅲ → 50/100/200万元). */
  z.strictObject({ kind: z.literal("lookup"), fact: z.string().min(1), table: z.record(z.string(), decimalString) }),
  /** First crossing of thresholds (首次突破): the highest threshold crossed this time (ruling 7). */
  z.strictObject({
    kind: z.literal("milestones"),
    fact: z.string().min(1),
    previous: z.string().min(1),
    tiers: z.array(tier).min(1),
  }),
  /** Highest threshold reached (达到10、20、40项以上). */
  z.strictObject({ kind: z.literal("steps"), fact: z.string().min(1), tiers: z.array(tier).min(1) }),
  /** "一定比例" / "一定资金支持" / "定额": no number in the text; 0 unless a rate (with a base) or an amount (without) is assumed (ruling 3). */
  z.strictObject({ kind: z.literal("unspecified"), base: factRef.optional() }),
]);
export type Formula = z.infer<typeof formula>;

export const cap = z.strictObject({
  /** A ceiling in yuan, or with `base` a ceiling per unit of that fact (3000元/㎡). */
  amount: decimalString,
  base: z.string().min(1).optional(),
  per: bilingual,
  /** The words that set it, quoted verbatim (ruling 14): a cap never comes without them. */
  sentence: z.string().min(4),
  /**
   * Ruling 18: a cap on one product, variety or project the text does not qualify with 每年,
   * 年度 or 每次 limits its total over all years (单个品种资助最高不超过300万元), not each award.
   */
  total: z.boolean().optional(),
});
export type Cap = z.infer<typeof cap>;

export const flags = ["discretionary", "phased", "one-time", "advance"] as const;

export const clause = z.strictObject({
  /** Stable id: document id / article path, e.g. changping-device/5.1. */
  id: z.string().regex(/^[a-z-]+\/[0-9a-z.-]+$/),
  /** The article as the text numbers it: 第五条（一）, （十五）, 3. */
  article: z.string().min(1),
  /** The original sentence, quoted verbatim from the policy text. */
  sentence: z.string().min(4),
  /** The sentence this one builds on, quoted verbatim with it (深圳（五）'s "上限再提高100万元" raises the base cap). */
  baseSentence: z.string().min(4).optional(),
  topic,
  /** Stacking group: clauses of one jurisdiction with the same matter give the most favourable only. */
  matter: z.string().regex(/^[a-zA-Z-]+$/),
  summary: bilingual,
  conditions: z.array(condition).default([]),
  /** Absent for a non-monetary measure. */
  formula: formula.optional(),
  caps: z.array(cap).default([]),
  /** Per-enterprise ceilings over all matters of this clause in one year (ruling 9). */
  enterpriseAnnualCap: decimalString.optional(),
  /** The words that set it, quoted verbatim: 单个企业每年累计获得资助最高不超过1000万元 (ruling 14). */
  enterpriseAnnualCapSentence: z.string().min(4).optional(),
  /** "累计支持不超过三年": paid years of the matter, consecutive or not (ruling 11). */
  maxYears: z.number().int().positive().optional(),
  /** The words that set it, quoted verbatim (ruling 14). */
  maxYearsSentence: z.string().min(4).optional(),
  /**
   * "连续3年", "自正式投产日起共资助3年": N consecutive calendar years from the year of the event
   * that opens them, a year-valued fact (ruling 11). A year outside pays nothing.
   */
  window: z
    .strictObject({
      years: z.number().int().positive(),
      opensWith: z.string().min(1),
      sentence: z.string().min(2),
      /**
       * Ruling 19: the window is each product's or project's own ("对3年以内的培训费用": a project's
       * first three years), opened by its own start; absent, it is the enterprise's.
       */
      per: z.enum(["product"]).optional(),
    })
    .optional(),
  /**
   * "首次获批", "一次性": paid once per product, or per product and class where the text names the
   * class, or once for the enterprise where the award is not for a product (ruling 12).
   */
  once: z.strictObject({ per: z.enum(["product", "product-class", "enterprise"]), sentence: z.string().min(2) }).optional(),
  /** "先期给予": another clause's award paid ahead of this one's, deducted from it (ruling 13). */
  advance: z.strictObject({ from: z.string().min(1), because: z.string().min(2) }).optional(),
  flags: z.array(z.enum(flags)).default([]),
  /** A matter that adds to another of the same jurisdiction ("再给予"), with the words that say so. */
  additive: z.strictObject({ to: z.array(z.string()).min(1), because: z.string().min(2) }).optional(),
  /** Non-monetary time limits (检验时限), used by the timeline. */
  workingDays: z.number().int().positive().optional(),
  note: z.string().optional(),
})
  .superRefine((c, ctx) => {
    // Ruling 14: a limit is shown with the words that set it, so it cannot come without them.
    if ((c.enterpriseAnnualCap === undefined) !== (c.enterpriseAnnualCapSentence === undefined)) {
      ctx.addIssue({ code: "custom", path: ["enterpriseAnnualCapSentence"], message: "an enterprise annual cap and its sentence come together" });
    }
    if ((c.maxYears === undefined) !== (c.maxYearsSentence === undefined)) {
      ctx.addIssue({ code: "custom", path: ["maxYearsSentence"], message: "a year limit and its sentence come together" });
    }
  });
export type Clause = z.infer<typeof clause>;

/** A place or zone id (ruling 21): lower-case words joined by hyphens, e.g. changping, suzhou-sip. */
export const placeId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, "a place id: lower-case letters, digits and hyphens, such as suzhou-sip");
/** A document's jurisdiction: a place of the tree or a zone (jurisdictions.json, or a pack's places). */
export type Jurisdiction = string;

/**
 * How one jurisdiction's texts combine with another's, as a text says, quoted: `add` (昌平
 * 第十六条: 可申请同时享受市、区两级政策支持), or `most-favourable` (one matter paid once across
 * both, as one jurisdiction: 昌平组团 第十七条's 昌平区其他扶持政策 … 从优不重复).
 */
export const combine = z.strictObject({
  with: placeId,
  rule: z.enum(["add", "most-favourable"]),
  /** The document whose text says so (a catalog document id) and its article. */
  document: z.string().regex(/^[a-z-]+$/),
  article: z.string().min(1),
  sentence: z.string().min(4),
});
export type Combine = z.infer<typeof combine>;

const placeName = z.string().min(1).max(120);
export const placeKinds = ["country", "province", "municipality", "city", "district"] as const;
/** A place in the tree: a country, a province or municipality, a city, a district. */
export const place = z.strictObject({
  id: placeId,
  /** Absent only for the country. */
  parent: placeId.optional(),
  kind: z.enum(placeKinds),
  zh: placeName,
  en: placeName.optional(),
  /** Other names a user types (昌平, 昌平区, changping); matched trimmed and case-insensitively. */
  aliases: z.array(placeName).max(20).default([]),
  /** Zones an enterprise named by this place's name or alias is assumed to belong to (`changping`: 昌平组团). */
  assumes: z.array(placeId).max(10).optional(),
  /** How its texts combine with the levels above; absent: they add (ruling 5). */
  combine: combine.optional(),
});
export type Place = z.infer<typeof place>;

/** A zone that cuts across the tree (中关村示范区): its texts reach only its members. */
export const zone = z.strictObject({
  id: placeId,
  /** The place the zone lies in: a member's place must be it or below it. */
  within: placeId,
  zh: placeName,
  en: placeName.optional(),
  aliases: z.array(placeName).max(20).default([]),
  /** A zone's texts combine as they say: a zone has no level of its own. */
  combine,
});
export type Zone = z.infer<typeof zone>;

export const placeTree = z.strictObject({ places: z.array(place).max(500), zones: z.array(zone).max(200).default([]) });
export type PlaceTree = z.infer<typeof placeTree>;

export const document = z.strictObject({
  id: z.string().regex(/^[a-z-]+$/),
  file: z.string().min(1),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  /** The issuing body (北京市经济和信息化局), where the record names it. */
  issuer: z.string().min(1).max(200).optional(),
  /** The document's own number (京经信发〔2025〕50号); a draft has none. */
  docNumber: z.string().optional(),
  /** The number of a document this one replaces (同时废止). */
  replaces: z.string().optional(),
  /** A place or zone id (ruling 21), known to the tree. */
  jurisdiction: placeId,
  level: z.enum(["national", "provincial", "municipal", "district"]),
  status: z.enum(["draft", "in-force"]),
  sectors: z.array(z.enum(["device", "drug"])).min(1),
  issued: z.iso.date().optional(),
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().optional(),
  /** "有效期5年" where the issue date is unknown: the window starts at a date the user sets. */
  validityYears: z.number().int().positive().optional(),
  stacking: z.strictObject({ article: z.string(), sentence: z.string() }).optional(),
  facts: z.record(z.string(), factDefinition).default({}),
  clauses: z.array(clause),
});
export type PolicyDocument = z.infer<typeof document>;
