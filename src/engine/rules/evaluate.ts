import { referencedFacts, type Catalog } from "../catalog/catalog";
import { compiledCatalog } from "../catalog/compiled";
import type { Clause, Jurisdiction, PolicyDocument } from "../catalog/schema";
import { topics, type Topic } from "../catalog/topics";
import { allMet, allOf, compileCondition, type CompiledCondition } from "./conditions";
import type { Reason } from "../explain/trace";
import type { Facts, FactValue, Tri } from "../input/facts";
import { compileAmount, type AmountFn, type Working } from "./formula";
import { ADVANCE_PAID, lessAdvance, onceKey, outsideWindow } from "./limits";
import { compare, Decimal, ZERO } from "../input/money";
import { isRegionProblem, placesOf, type Reach, type RegionProblem } from "../catalog/places";
import type { Region } from "../catalog/regions";
import { mostFavourable } from "./stacking";
import { inForceDuring, validityWindow, type Window } from "./validity";

/** One matter put to the engine: what happened, to whom, where and when. */
export interface Query {
  readonly topic: Topic;
  readonly region: Region;
  /** Zones the enterprise belongs to beyond those its region names (ruling 21: a fact it states). */
  readonly zones?: readonly string[];
  readonly facts: Facts;
  /** The year the matter falls in, for validity windows (ruling 8). Omitted: no filter. */
  readonly year?: number;
  /** Assumed rates (or amounts, for a clause without a base) for "一定比例" clauses, by clause id. */
  readonly assumptions?: Readonly<Record<string, Decimal>>;
  /** Issue dates the texts do not state (Shenzhen), by document id. */
  readonly issueDates?: Readonly<Record<string, string>>;
  /** Once-only awards (limits.ts onceKey) the matter's product already had on the plan (ruling 12). */
  readonly onceTaken?: ReadonlySet<string>;
}

export type Status = "applied" | "outranked" | "not-met" | "unknown" | "out-of-validity" | "other-sector";

/** What became of one clause, with its reasons and arithmetic. */
export interface ClauseLine {
  readonly clause: Clause;
  readonly document: PolicyDocument;
  readonly window: Window;
  readonly status: Status;
  /** What the clause allows; for an outranked clause, what it would have allowed. */
  readonly amount: Decimal;
  readonly working?: Working;
  /** Conditions not met, or facts missing, as codes (explain/ words them). */
  readonly reasons: readonly Reason[];
  readonly outrankedBy?: string;
  /** Outranked by a clause paying the same amount: the texts give the same (a tie, cited once). */
  readonly sameAmount?: boolean;
  /** The policy came into force during the matter's year (Beijing: 2025-11-24): a figure for it counts from that day. */
  readonly inForceFrom?: string;
  /**
   * Ruling 13: the clause's whole award for the matter, the advance already paid included, where
   * `amount` is only the balance; ruling 5 compares the other clauses with this.
   */
  readonly whole?: Decimal;
}

export interface Evaluation {
  readonly amount: Decimal;
  readonly lines: readonly ClauseLine[];
  /** Where the texts were looked for: the place, its path and zones, and which zones were assumed. */
  readonly reach?: Reach;
}

/** A clause made ready to run: decimals parsed and conditions turned into closures once. */
export interface CompiledClause {
  readonly clause: Clause;
  readonly document: PolicyDocument;
  readonly conditions: readonly CompiledCondition[];
  readonly eligible: (facts: Facts) => Tri;
  /** eligible(facts) === "met", answered as early as possible. */
  readonly met: (facts: Facts) => boolean;
  readonly amount: AmountFn;
  readonly window: Window;
  /** The most it can pay (see ceilingOf), to skip it once a better amount is in hand. */
  readonly ceiling?: Decimal;
  /** It has a window or pays once (rulings 11, 12): checked per matter. */
  readonly limited: boolean;
}

/**
 * Clauses of one jurisdiction and matter: the most favourable one is paid (ruling 5). The
 * jurisdiction is the stacking unit: a zone whose text says a matter is paid once with its
 * district's (昌平组团 第十七条) stacks with that district.
 */
interface Group {
  readonly jurisdiction: Jurisdiction;
  readonly matter: string;
  readonly clauses: readonly CompiledClause[];
  /** The clauses the amount path must try, highest ceiling first: a clause another one repeats
   * word for word, with at least its reach, can never pay more (the two texts' identical
   * milestones, say). */
  readonly distinct: readonly CompiledClause[];
}

/** The most a clause can ever pay, when its text bounds it: its lowest fixed cap or amount. */
function ceilingOf(clause: Clause): Decimal | undefined {
  const f = clause.formula;
  const bounds = clause.caps.filter((c) => c.base === undefined).map((c) => new Decimal(c.amount));
  if (f?.kind === "fixed") bounds.push(new Decimal(f.amount));
  if (f?.kind === "lookup") bounds.push(Decimal.max(...Object.values(f.table)));
  if (f?.kind === "milestones" || f?.kind === "steps") bounds.push(Decimal.max(...f.tiers.map((t) => t.amount)));
  return bounds.length ? Decimal.min(...bounds) : undefined;
}

/** Whether `a` pays whatever `b` pays: the same rule, for at least the same sectors and years. */
function covers(a: CompiledClause, b: CompiledClause): boolean {
  // The rule's numbers, not its words: an engine may be built before the catalog's texts load.
  const rule = (c: CompiledClause) => JSON.stringify([c.clause.conditions, c.clause.formula, c.clause.caps.map((k) => [k.amount, k.base])]);
  return (
    a !== b &&
    b.clause.formula?.kind !== "unspecified" &&
    rule(a) === rule(b) &&
    b.document.sectors.every((s) => a.document.sectors.includes(s)) &&
    a.window.from === b.window.from &&
    a.window.to === b.window.to &&
    a.document.validityYears === b.document.validityYears
  );
}

export interface Engine {
  readonly catalog: Catalog;
  /** The amount only: nothing else is built, for the cell-by-cell path. */
  amount(query: Query): Decimal;
  /** The amount with every clause considered and why. */
  evaluate(query: Query): Evaluation;
  /** One clause on its own, before stacking: for tests written clause by clause. */
  evaluateClause(id: string, query: Omit<Query, "topic" | "region">): ClauseLine;
  readonly clauses: readonly CompiledClause[];
  /** A region as typed, resolved against the catalog's places; a problem names what is unknown. */
  reach(region: Region, zones?: readonly string[]): Reach | RegionProblem;
}

function compileClause(clause: Clause, document: PolicyDocument): CompiledClause {
  const conditions = clause.conditions.map(compileCondition);
  return {
    clause,
    document,
    conditions,
    eligible: allOf(conditions),
    met: allMet(conditions),
    amount: clause.formula ? compileAmount(clause.formula, clause.caps, () => clause.sentence) : () => ZERO,
    window: validityWindow(document),
    ceiling: ceilingOf(clause),
    limited: clause.window !== undefined || clause.once !== undefined,
  };
}

export function createEngine(catalog: Catalog): Engine {
  const compiled = catalog.documents.flatMap((doc) => doc.clauses.map((c) => compileClause(c, doc)));
  const places = placesOf(catalog);
  const reached = (reach: Reach): Map<Topic, readonly Group[]> => {
    // The units in order from the place up to the country, each zone joining the one its text names.
    const units = [...new Set(reach.jurisdictions.map(places.unitOf))];
    const within = new Set(reach.jurisdictions);
    const byTopic = new Map<Topic, readonly Group[]>();
    for (const topic of topics) {
      const found: Group[] = [];
      for (const jurisdiction of units) {
        const mine = compiled.filter((c) => c.clause.topic === topic && c.clause.formula && within.has(c.document.jurisdiction) && places.unitOf(c.document.jurisdiction) === jurisdiction);
        for (const matter of new Set(mine.map((c) => c.clause.matter))) {
          const clauses = mine.filter((c) => c.clause.matter === matter);
          const distinct = clauses
            .filter((b, i) => !clauses.some((a, j) => covers(a, b) && (!covers(b, a) || j < i)))
            .sort((a, b) => (b.ceiling === undefined ? 1 : 0) - (a.ceiling === undefined ? 1 : 0) || (b.ceiling && a.ceiling ? b.ceiling.comparedTo(a.ceiling) : 0));
          found.push({ jurisdiction, matter, clauses, distinct });
        }
      }
      byTopic.set(topic, found);
    }
    return byTopic;
  };
  // Each reach's stacking groups, built on first use; the cell path then only looks them up, in
  // Maps, by the region as typed: a Map's lookup by a string's hash costs the same however many
  // regions a workbook uses (an object indexed by a variable name goes through V8's shared
  // megamorphic cache, which a spreadsheet engine's own code keeps evicting between cells).
  const byKey = new Map<string, Map<Topic, readonly Group[]>>();
  const byTyped = new Map<string, { reach: Reach; groups: Map<Topic, readonly Group[]> }>();
  function located(region: Region, zones: readonly string[] | undefined): { reach: Reach; groups: Map<Topic, readonly Group[]> } | RegionProblem {
    const typed = zones && zones.length ? `${region}\u0000${zones.join("\u0000")}` : region;
    let found = byTyped.get(typed);
    if (found === undefined) {
      const reach = places.resolve(region, zones);
      if (isRegionProblem(reach)) return reach;
      let groups = byKey.get(reach.key);
      if (groups === undefined) byKey.set(reach.key, (groups = reached(reach)));
      if (byTyped.size >= 1000) byTyped.clear();
      byTyped.set(typed, (found = { reach, groups }));
    }
    return found;
  }
  const none: readonly Group[] = [];
  const reachOf = (region: Region, zones?: readonly string[]): Reach | RegionProblem => {
    const found = located(region, zones);
    return "code" in found ? found : found.reach;
  };
  // The doors check a region (reachOf) before they ask: an unknown one here is a caller's mistake.
  const groups = (query: Query): readonly Group[] => {
    const found = located(query.region, query.zones);
    if ("code" in found) throw new Error(`unknown region: ${query.region}`);
    return found.groups.get(query.topic) ?? none;
  };

  const windowOf = (c: CompiledClause, query: Query): Window => {
    const date = query.issueDates?.[c.document.id];
    return date ? validityWindow(c.document, date) : c.window;
  };
  const otherSector = (c: CompiledClause, facts: Facts): boolean => {
    const sector = facts.sector;
    return typeof sector === "string" && !c.document.sectors.includes(sector as "device" | "drug");
  };

  /** The matter's product already had this once-only award on the plan (ruling 12). */
  function onceHad(c: CompiledClause, query: Query): boolean {
    const key = query.onceTaken && onceKey(c.clause, c.document, query.facts);
    return key !== undefined && query.onceTaken!.has(key);
  }
  /** Why a window or a once-only award keeps the clause from paying this matter, if it does. */
  function limitReason(c: CompiledClause, query: Query): Reason | undefined {
    const w = outsideWindow(c.clause, query.facts, query.year);
    if (w) return { code: "outsideWindow", sentence: c.clause.window!.sentence, from: w.from, to: w.to, year: query.year! };
    if (onceHad(c, query)) {
      const per = c.clause.once!.per;
      return { code: "onceTaken", perClass: per === "product-class", perEnterprise: per === "enterprise", sentence: c.clause.once!.sentence };
    }
    return undefined;
  }
  // The same test without the words, for the amount path (which runs before the texts load).
  const limitedOut = (c: CompiledClause, query: Query): boolean => outsideWindow(c.clause, query.facts, query.year) !== undefined || onceHad(c, query);

  function amount(query: Query): Decimal {
    const { facts, year, assumptions } = query;
    const sector = facts.sector !== undefined;
    let total: Decimal | undefined;
    for (const group of groups(query)) {
      // Ruling 5 inline, without allocating: the largest amount of the group (mostFavourable).
      let best: Decimal | undefined;
      // Ruling 13: a clause paid in advance is compared whole and pays its balance (facts set only by a forecast's plan).
      let advanced: Decimal | undefined;
      for (const c of group.distinct) {
        if (year !== undefined && !inForceDuring(windowOf(c, query), year)) continue;
        if ((sector && otherSector(c, facts)) || !c.met(facts)) continue;
        // A window needs the matter's year, a once-only award the awards already taken. The test
        // is also what keeps a cell (neither) off outsideWindow and onceKey: called from cells
        // with no year, they lose the forecast's type feedback, and the forecast in the same
        // runtime ran 2–3× slower (npm run bench: 4.3× its floor with this test, 9.6–13.7× without).
        if (c.limited && (year !== undefined || query.onceTaken !== undefined) && limitedOut(c, query)) continue;
        if (c.clause.advance && facts[ADVANCE_PAID] !== undefined) {
          advanced = c.amount(facts, assumptions && assumptions[c.clause.id]);
          continue;
        }
        if (best !== undefined && c.ceiling !== undefined && compare(c.ceiling, best) <= 0) continue;
        const y = c.amount(facts, assumptions && assumptions[c.clause.id]);
        if (y !== undefined && (best === undefined || compare(y, best) > 0)) best = y;
      }
      // It wins a tie: the other clause would pay beside an advance 从优不重复 counts as this clause's.
      if (advanced !== undefined && (best === undefined || compare(advanced, best) >= 0)) best = lessAdvance(advanced, facts);
      if (best) total = total === undefined ? best : total.plus(best);
    }
    return total ?? ZERO;
  }

  function line(c: CompiledClause, query: Query): ClauseLine {
    const { facts } = query;
    const window = windowOf(c, query);
    const startsWithin = query.year !== undefined && window.from?.startsWith(`${query.year}-`) && !window.from.endsWith("-01-01");
    const base: Pick<ClauseLine, "clause" | "document" | "window" | "amount"> & { inForceFrom?: string } = { clause: c.clause, document: c.document, window, amount: ZERO };
    if (startsWithin) base.inForceFrom = window.from;
    // Object.assign rather than `{ ...base, status }`: the same keys in the same order, but V8
    // (Node 20) builds a spread followed by more properties on a slow path, once per clause line.
    const done = (rest: Pick<ClauseLine, "status" | "reasons"> & Partial<ClauseLine>): ClauseLine => Object.assign({}, base, rest);
    if (!inForceDuring(window, query.year)) {
      return done({ status: "out-of-validity", reasons: [{ code: "outOfValidity", year: query.year, from: window.from, to: window.to }] });
    }
    if (otherSector(c, facts)) {
      return done({ status: "other-sector", reasons: [{ code: "otherSector", sectors: c.document.sectors, sector: facts.sector! }] });
    }
    const limit = c.limited ? limitReason(c, query) : undefined;
    if (limit) return done({ status: "not-met", reasons: [limit] });
    const given = (reads: readonly string[]) => {
      const out: Record<string, FactValue> = {};
      for (const f of reads) if (facts[f] !== undefined) out[f] = facts[f];
      return out;
    };
    const tests = c.conditions.map((k) => k.test(facts));
    const notMet = c.conditions.filter((_, i) => tests[i] === "not-met");
    if (notMet.length > 0) return done({ status: "not-met", reasons: notMet.map((k) => ({ code: "notMet", condition: k.condition, given: given(k.reads) })) });
    const unknown = c.conditions.filter((_, i) => tests[i] === "unknown");
    const working: Working = { steps: [] };
    const assumption = query.assumptions?.[c.clause.id];
    const y = unknown.length > 0 ? undefined : c.amount(facts, assumption, working);
    if (y === undefined) {
      const missing = [...new Set([...unknown.flatMap((k) => k.reads), ...referencedFacts(c.clause)])].filter((f) => facts[f] === undefined);
      // What it pays should the missing facts go its way: its amount if the facts given work it
      // out, else the most its text allows.
      const would: Working = { steps: [] };
      const wouldPay = c.amount(facts, assumption, would);
      const reason: Reason = { code: "unknown", facts: missing, wouldPay: wouldPay ?? c.ceiling, upTo: wouldPay === undefined, unspecified: would.unspecified };
      return done({ status: "unknown", reasons: [reason] });
    }
    return done({ status: "applied", amount: y, working, reasons: [] });
  }

  function evaluate(query: Query): Evaluation {
    const lines: ClauseLine[] = [];
    let total = ZERO;
    for (const group of groups(query)) {
      const mine = lessAdvanceLines(
        group.clauses.map((c) => line(c, query)),
        query.facts,
      );
      // Compared whole (ruling 13), the clause that nets an advance first so that it wins a tie.
      const best = mostFavourable(
        mine.filter((l) => l.status === "applied").sort((a, b) => (a.whole ? 0 : 1) - (b.whole ? 0 : 1)),
        rankOf,
      );
      for (const l of mine) {
        lines.push(l.status === "applied" && l !== best ? Object.assign({}, l, { status: "outranked" as const, outrankedBy: best?.clause.id, sameAmount: rankOf(l).eq(rankOf(best!)) }) : l);
      }
      if (best) total = total.plus(best.amount);
    }
    return { amount: total, lines, reach: reachOf(query.region, query.zones) as Reach };
  }

  /**
   * Ruling 13 as amended: the advance is part of the award of the clause that paid it ahead
   * (第五条（二）), so only that clause's line nets it, and keeps its whole award for ruling 5.
   */
  function lessAdvanceLines(lines: ClauseLine[], facts: Facts): ClauseLine[] {
    const paid = facts[ADVANCE_PAID] as Decimal | undefined;
    if (paid === undefined) return lines;
    return lines.map((l) => {
      const from = l.status === "applied" ? l.clause.advance?.from : undefined;
      const article = from && catalog.clauses.find((c) => c.id === from)?.article;
      if (!article) return l;
      const net = lessAdvance(l.amount, facts);
      const steps = [...(l.working?.steps ?? []), { code: "advance" as const, article, advance: paid, before: l.amount, result: net }];
      return { ...l, amount: net, whole: l.amount, working: { ...l.working, steps, advance: paid } };
    });
  }

  function evaluateClause(id: string, query: Omit<Query, "topic" | "region">): ClauseLine {
    const c = compiled.find((x) => x.clause.id === id);
    if (!c) throw new Error(`no clause ${id} in the catalog`);
    return line(c, { ...query, topic: c.clause.topic, region: "changping" });
  }

  return { catalog, amount, evaluate, evaluateClause, clauses: compiled, reach: reachOf };
}

/** What ruling 5 compares a line by: its whole award (ruling 13). */
export const rankOf = (l: ClauseLine): Decimal => l.whole ?? l.amount;

let bundled: Engine | undefined;
let withPacks: Engine | undefined;

/** The engine in use: over the bundled catalog, built once on first use, or over it with packs (useCatalog). */
export function engine(): Engine {
  return withPacks ?? (bundled ??= createEngine(compiledCatalog()));
}

/** The engine every door uses from now on: over `catalog` (the bundled one with packs added), or, given none, the bundled one again. */
export function useCatalog(catalog?: Catalog): Engine {
  withPacks = catalog && createEngine(catalog);
  return engine();
}

export { Decimal };
