import type { Topic } from "../catalog/schema";
import type { ClauseLine } from "../rules/evaluate";
import type { Note, Reason } from "../explain";
import type { Forecast, ForecastLine } from "./forecast";
import { policyTotal } from "./table";
import type { Matter } from "./matters";
import { Decimal, ZERO } from "../input/money";
import type { Region } from "../catalog/regions";
import type { Scenario, ScenarioEvent } from "./scenario";
import { attributeLines, type DeltaCause, type DeltaLine } from "./attribution";

/**
 * A what-if against its baseline: what the person changed in the scenario, the difference of
 * the two forecasts by year, policy and event, and why each event's amount moved, as codes and
 * numbers (a door puts them in its language). Pure: both forecasts are the engine's, computed
 * by the caller; nothing here evaluates a clause again, it reads the two forecasts' lines and
 * evaluations, so every Δ is the forecasts' own difference.
 */

/** variant − baseline of the expected amount (and the ceiling, everything granted). */
export interface Delta {
  readonly baseline: Decimal;
  readonly variant: Decimal;
  readonly delta: Decimal;
  readonly ceilingDelta: Decimal;
}

/** One thing the person changed, as the scenario records it. */
export type ScenarioChange =
  | { readonly kind: "moved"; readonly event: EventRef; readonly from: number; readonly to: number }
  | { readonly kind: "region"; readonly from: Region; readonly to: Region }
  | { readonly kind: "defaultProbability" | "defaultRealisation"; readonly from: number; readonly to: number }
  | { readonly kind: "probability" | "realisation"; readonly event: EventRef; readonly from?: number; readonly to?: number }
  | { readonly kind: "added" | "removed" | "edited"; readonly event: EventRef }
  | { readonly kind: "horizon"; readonly from: readonly [number, number]; readonly to: readonly [number, number] }
  | { readonly kind: "financials" | "enterprise" | "assumptions" | "issueDates" }
  /** Accounting settings (the tax rate, a lag…): the views move, the entitled forecast does not (accountingChanges names them). */
  | { readonly kind: "accounting" };

/** An event of either scenario: its index in the variant's events (or the baseline's, if removed). */
export interface EventRef {
  readonly index: number;
  readonly type: ScenarioEvent["type"];
  readonly product?: string;
  readonly label?: string;
}

/** Why an amount moved, clause by clause. `delta` is that clause's share of the event's Δ. */
export type DiffReason =
  /** The event now falls in a year the document is not in force (京经信发〔2025〕50号 until 2028-12-31). */
  | { readonly code: "outOfValidity"; readonly clause: string; readonly document: string; readonly year: number; readonly until?: string; readonly since?: string; readonly delta: Decimal }
  /** The event now falls after (or before) the forecast's years: nothing of it is counted. */
  | { readonly code: "beyondHorizon"; readonly year: number; readonly horizon: readonly [number, number]; readonly delta: Decimal }
  /** The region has no clause for the matter at all (Shenzhen's texts say nothing of R&D input). */
  | { readonly code: "noClauseInRegion"; readonly topic: Topic; readonly region: Region; readonly delta: Decimal }
  /** The clause's document does not reach an enterprise in the region (Changping's texts, seen from Shenzhen). */
  | { readonly code: "notInRegion"; readonly clause: string; readonly document: string; readonly region: Region; readonly delta: Decimal }
  /** A clause that paid no longer does: its conditions are not met, or facts are missing. */
  | { readonly code: "notMet"; readonly clause: string; readonly document: string; readonly delta: Decimal }
  /** A clause pays in the variant that did not in the baseline. */
  | { readonly code: "newClause"; readonly clause: string; readonly document: string; readonly delta: Decimal }
  /** The same clause pays a different amount (chance, share granted, a cap, a year limit). */
  | { readonly code: "amountChanged"; readonly clause: string; readonly document: string; readonly delta: Decimal }
  /** A share granted was changed, yet no clause that pays is discretionary: nothing moves. */
  | { readonly code: "noDiscretionaryClause"; readonly delta: Decimal };

export interface EventDelta extends Delta {
  /** The event's key in the comparison, as its lines carry it (DeltaLine.key). */
  readonly key: string;
  /** The event in the variant (or, removed, in the baseline); undefined for a yearly matter. */
  readonly event?: EventRef;
  /** For yearly matters (R&D of a year, revenue of a year), the topic and year. */
  readonly topic: Topic;
  readonly year: number;
  readonly reasons: readonly DiffReason[];
}

export interface ForecastDiff {
  readonly total: Delta;
  readonly years: readonly (Delta & { readonly year: number })[];
  readonly byPolicy: readonly (Delta & { readonly document: string })[];
  readonly byEvent: readonly EventDelta[];
  readonly changes: readonly ScenarioChange[];
  /** Reasons that belong to no one event (a share changed with no discretionary clause). */
  readonly reasons: readonly DiffReason[];
  /** Every line (event × clause × year) that moved, with its cause: they add up to `total`. */
  readonly lines: readonly DeltaLine[];
}

const delta = (baseline: Decimal, variant: Decimal, ceilingBase = ZERO, ceilingVariant = ZERO): Delta => ({
  baseline,
  variant,
  delta: variant.minus(baseline),
  ceilingDelta: ceilingVariant.minus(ceilingBase),
});

const sum = (xs: readonly Decimal[]): Decimal => xs.reduce((a, b) => a.plus(b), ZERO);

const refOf = (e: ScenarioEvent, index: number): EventRef => ({
  index,
  type: e.type,
  product: "product" in e ? e.product : undefined,
  label: e.label,
});

/** An event's identity apart from what a what-if moves (its year, chance and share). */
const identity = (e: ScenarioEvent): string => JSON.stringify({ ...e, year: undefined, probability: undefined, realisation: undefined });
const sameKind = (a: ScenarioEvent, b: ScenarioEvent) => a.type === b.type && ("product" in a ? a.product : a.label) === ("product" in b ? b.product : b.label);

/**
 * Pairs each baseline event with a variant event: by index when the lists are as long, else
 * by identity, then by kind and product, so a removed or added card leaves the rest paired.
 */
function pairEvents(base: readonly ScenarioEvent[], variant: readonly ScenarioEvent[]): Map<number, number> {
  const pairs = new Map<number, number>();
  if (base.length === variant.length) {
    base.forEach((_, i) => pairs.set(i, i));
    return pairs;
  }
  const taken = new Set<number>();
  for (const match of [(a: ScenarioEvent, b: ScenarioEvent) => identity(a) === identity(b), sameKind]) {
    base.forEach((b, i) => {
      if (pairs.has(i)) return;
      const j = variant.findIndex((v, k) => !taken.has(k) && match(b, v));
      if (j >= 0) {
        pairs.set(i, j);
        taken.add(j);
      }
    });
  }
  return pairs;
}

/** What the person changed between the two scenarios. */
export function scenarioChanges(base: Scenario, variant: Scenario): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  if (base.enterprise.region !== variant.enterprise.region) changes.push({ kind: "region", from: base.enterprise.region as Region, to: variant.enterprise.region as Region });
  if (base.enterprise.sector !== variant.enterprise.sector || base.enterprise.sme !== variant.enterprise.sme) changes.push({ kind: "enterprise" });
  if (base.horizon.from !== variant.horizon.from || base.horizon.to !== variant.horizon.to)
    changes.push({ kind: "horizon", from: [base.horizon.from, base.horizon.to], to: [variant.horizon.from, variant.horizon.to] });
  if (base.defaults.probability !== variant.defaults.probability) changes.push({ kind: "defaultProbability", from: base.defaults.probability, to: variant.defaults.probability });
  if (base.defaults.realisation !== variant.defaults.realisation) changes.push({ kind: "defaultRealisation", from: base.defaults.realisation, to: variant.defaults.realisation });
  if (JSON.stringify(base.financials) !== JSON.stringify(variant.financials)) changes.push({ kind: "financials" });
  if (JSON.stringify(base.assumptions) !== JSON.stringify(variant.assumptions)) changes.push({ kind: "assumptions" });
  if (JSON.stringify(base.issueDates) !== JSON.stringify(variant.issueDates)) changes.push({ kind: "issueDates" });
  if (JSON.stringify(base.accounting) !== JSON.stringify(variant.accounting)) changes.push({ kind: "accounting" });
  const pairs = pairEvents(base.events, variant.events);
  const paired = new Set(pairs.values());
  base.events.forEach((b, i) => {
    const j = pairs.get(i);
    if (j === undefined) {
      changes.push({ kind: "removed", event: refOf(b, i) });
      return;
    }
    const v = variant.events[j];
    const ref = refOf(v, j);
    if (b.year !== v.year) changes.push({ kind: "moved", event: ref, from: b.year, to: v.year });
    if (b.probability !== v.probability) changes.push({ kind: "probability", event: ref, from: b.probability, to: v.probability });
    if (b.realisation !== v.realisation) changes.push({ kind: "realisation", event: ref, from: b.realisation, to: v.realisation });
    if (identity(b) !== identity(v)) changes.push({ kind: "edited", event: ref });
  });
  variant.events.forEach((v, j) => {
    if (!paired.has(j)) changes.push({ kind: "added", event: refOf(v, j) });
  });
  return changes;
}

/** One event (or yearly matter) of a forecast: what it paid clause by clause and how each clause fared. */
interface Side {
  /** Its matters: a certificate is a registration matter and, produced locally, a second one. */
  readonly matters: Matter[];
  /** Paid lines by clause id (the same trace object the forecast keeps). */
  readonly paid: Map<string, ForecastLine>;
  readonly statuses: Map<string, ClauseLine>;
}

/** Matters keyed by event ("e3": the scenario's 4th event; "rd 2027": a yearly matter). */
function sidesOf(f: Forecast, eventCount: number, eventKey: (index: number) => string): Map<string, Side> {
  const byTrace = new Map<ClauseLine, ForecastLine>(f.lines.map((l) => [l.trace, l]));
  const sides = new Map<string, Side>();
  for (const { matter, evaluation } of f.matters) {
    const key = matter.event < eventCount ? eventKey(matter.event) : `${matter.topic} ${matter.year}`;
    const side = sides.get(key) ?? { matters: [], paid: new Map<string, ForecastLine>(), statuses: new Map<string, ClauseLine>() };
    sides.set(key, side);
    side.matters.push(matter);
    for (const trace of evaluation.lines) {
      side.statuses.set(trace.clause.id, trace);
      const line = byTrace.get(trace);
      if (line) side.paid.set(trace.clause.id, line);
    }
  }
  return sides;
}

const expectedOf = (side: Side | undefined) => sum([...(side?.paid.values() ?? [])].map((l) => l.expected));
const ceilingOf = (side: Side | undefined) => sum([...(side?.paid.values() ?? [])].map((l) => l.ceiling));

/** Why one event's amount moved, clause by clause. */
function reasonsFor(base: Side | undefined, variant: Side | undefined, vScenario: Scenario): DiffReason[] {
  const reasons: DiffReason[] = [];
  const region = vScenario.enterprise.region as Region;
  const year = variant?.matters[0].year;
  const lost = expectedOf(variant).minus(expectedOf(base));
  if (year !== undefined && (year > vScenario.horizon.to || year < vScenario.horizon.from) && expectedOf(base).gt(0)) {
    return [{ code: "beyondHorizon", year, horizon: [vScenario.horizon.from, vScenario.horizon.to], delta: lost }];
  }
  const clauses = new Set([...(base?.paid.keys() ?? []), ...(variant?.paid.keys() ?? [])]);
  const noClause = new Map<Topic, Decimal>();
  for (const id of clauses) {
    const b = base?.paid.get(id);
    const w = variant?.paid.get(id);
    const d = (w?.expected ?? ZERO).minus(b?.expected ?? ZERO);
    if (d.isZero()) continue;
    const { document, clause } = (b ?? w)!.trace;
    const at = { clause: id, document: document.id, delta: d };
    if (!w || w.expected.isZero()) {
      const status = variant?.statuses.get(id);
      if (status?.status === "out-of-validity") reasons.push({ code: "outOfValidity", ...at, year: year!, until: status.window.to, since: status.window.from });
      else if (status && status.status !== "applied" && status.status !== "outranked") reasons.push({ code: "notMet", ...at });
      else if (!status && variant && ![...variant.statuses.values()].some((t) => t.clause.topic === clause.topic))
        noClause.set(clause.topic, (noClause.get(clause.topic) ?? ZERO).plus(d));
      else if (!status && variant) reasons.push({ code: "notInRegion", ...at, region });
      else reasons.push({ code: "amountChanged", ...at });
    } else if (!b || b.expected.isZero()) reasons.push({ code: "newClause", ...at });
    else reasons.push({ code: "amountChanged", ...at });
  }
  for (const [topic, d] of noClause) reasons.push({ code: "noClauseInRegion", topic, region, delta: d });
  return reasons;
}

/** Whether any line that pays, in either forecast, is scaled by a share granted. */
const anyDiscretionaryPays = (...fs: Forecast[]) => fs.some((f) => f.lines.some((l) => l.ceiling.gt(0) && l.trace.clause.flags.includes("discretionary")));

/**
 * The difference of two forecasts of two scenarios (a what-if against its baseline): the
 * caller passes the engine's forecast of each, so Δ is exactly the forecasts' difference.
 */
export function compareForecasts(baseScenario: Scenario, base: Forecast, variantScenario: Scenario, variant: Forecast): ForecastDiff {
  const pairs = pairEvents(baseScenario.events, variantScenario.events);
  const baseKey = (i: number) => {
    const j = pairs.get(i);
    return j === undefined ? `removed ${i}` : `e${j}`;
  };
  const variantKey = (j: number) => `e${j}`;
  const baseSides = sidesOf(base, baseScenario.events.length, baseKey);
  const variantSides = sidesOf(variant, variantScenario.events.length, variantKey);

  const years = [...new Set([...base.years, ...variant.years].map((y) => y.year))].sort((a, b) => a - b).map((year) => {
    const b = base.years.find((y) => y.year === year);
    const v = variant.years.find((y) => y.year === year);
    return { year, ...delta(b?.expected ?? ZERO, v?.expected ?? ZERO, b?.ceiling, v?.ceiling) };
  });

  const documents = [...new Set([...base.lines, ...variant.lines].map((l) => l.trace.document.id))].sort();
  const byPolicy = documents.map((document) => {
    const [b, v] = [policyTotal(base, document), policyTotal(variant, document)];
    return { document, ...delta(b.expected, v.expected, b.ceiling, v.ceiling) };
  });

  const keys = [...new Set([...baseSides.keys(), ...variantSides.keys()])];
  const byEvent: EventDelta[] = keys.map((key) => {
    const b = baseSides.get(key);
    const v = variantSides.get(key);
    const matter = (v ?? b)!.matters[0];
    const fromVariant = v !== undefined && matter.event < variantScenario.events.length;
    const fromBase = !v && matter.event < baseScenario.events.length;
    const event = fromVariant ? refOf(variantScenario.events[matter.event], matter.event) : fromBase ? refOf(baseScenario.events[matter.event], matter.event) : undefined;
    return { key, event, topic: matter.topic, year: matter.year, ...delta(expectedOf(b), expectedOf(v), ceilingOf(b), ceilingOf(v)), reasons: reasonsFor(b, v, variantScenario) };
  });

  const changes = scenarioChanges(baseScenario, variantScenario);
  const shareChanged = changes.some((c) => c.kind === "defaultRealisation" || c.kind === "realisation");
  const reasons: DiffReason[] = shareChanged && !anyDiscretionaryPays(base, variant) ? [{ code: "noDiscretionaryClause", delta: ZERO }] : [];

  return {
    total: delta(base.total.expected, variant.total.expected, base.total.ceiling, variant.total.ceiling),
    years,
    byPolicy,
    byEvent,
    changes,
    reasons,
    lines: attributeLines(baseScenario, base, variantScenario, variant, baseKey, variantKey, changes, (s, i) => refOf(s.events[i], i)),
  };
}

/**
 * Where a scenario event pays nothing, why, on its own (no baseline): the summary's "what
 * pays nothing" and the plausibility warnings read this.
 */
export type Unpaid =
  | { readonly code: "beyondHorizon"; readonly year: number; readonly horizon: readonly [number, number] }
  | { readonly code: "noClauseInRegion"; readonly topic: Topic; readonly region: Region }
  | { readonly code: "outOfValidity"; readonly clause: string; readonly document: string; readonly until?: string; readonly since?: string }
  | { readonly code: "notMet"; readonly clause: string; readonly document: string; readonly reasons: readonly Reason[] }
  | { readonly code: "capped"; readonly clause: string; readonly document: string; readonly notes: readonly Note[] };

export interface EventOutcome {
  /** Index in the scenario's events; undefined for a yearly matter (R&D, revenue). */
  readonly event?: number;
  /** The first matter's topic (a certificate: registration). */
  readonly topic: Topic;
  readonly year: number;
  readonly ceiling: Decimal;
  readonly expected: Decimal;
  readonly probability: number;
  readonly realisation: number;
  /** Whether a paying line of it is scaled by the share granted. */
  readonly discretionary: boolean;
  /** Its lines that pay something (ceiling or expected above 0). */
  readonly lines: readonly ForecastLine[];
  /** Why it pays nothing; empty when it pays. */
  readonly unpaid: readonly Unpaid[];
}

/**
 * A line's expected figure as its factors: ceiling × chance, × the share granted where the clause
 * is discretionary (ruling 18). `exact` says the product is the expected figure; it is not where an
 * annual cap cut the line in some worlds and not in others.
 */
export function expectedFactors(line: ForecastLine, outcome: Pick<EventOutcome, "probability" | "realisation">) {
  const discretionary = line.trace.clause.flags.includes("discretionary");
  const product = line.ceiling.times(outcome.probability).times(discretionary ? outcome.realisation : 1);
  return { discretionary, product, exact: product.equals(line.expected) };
}

/** A forecast by event (all the lines of one certificate summed): what each pays, and if nothing, why. */
export function outcomesByEvent(s: Scenario, f: Forecast): EventOutcome[] {
  const outcomes: EventOutcome[] = [];
  for (const side of sidesOf(f, s.events.length, (i) => `e${i}`).values()) {
    const matter = side.matters[0];
    const lines = [...side.paid.values()].filter((l) => l.ceiling.gt(0) || l.expected.gt(0));
    const unpaid: Unpaid[] = [];
    if (lines.length === 0) {
      if (matter.year > s.horizon.to || matter.year < s.horizon.from) unpaid.push({ code: "beyondHorizon", year: matter.year, horizon: [s.horizon.from, s.horizon.to] });
      else if (side.statuses.size === 0) unpaid.push({ code: "noClauseInRegion", topic: matter.topic, region: s.enterprise.region as Region });
      else
        for (const t of side.statuses.values()) {
          const at = { clause: t.clause.id, document: t.document.id };
          if (t.status === "out-of-validity") unpaid.push({ code: "outOfValidity", ...at, until: t.window.to, since: t.window.from });
          else if (t.status === "not-met" || t.status === "unknown" || t.status === "other-sector") unpaid.push({ code: "notMet", ...at, reasons: t.reasons });
          else if (side.paid.get(t.clause.id)?.notes.length) unpaid.push({ code: "capped", ...at, notes: side.paid.get(t.clause.id)!.notes });
        }
    }
    outcomes.push({
      event: matter.event < s.events.length ? matter.event : undefined,
      topic: matter.topic,
      year: matter.year,
      ceiling: sum(lines.map((l) => l.ceiling)),
      expected: sum(lines.map((l) => l.expected)),
      probability: matter.probability,
      realisation: matter.realisation,
      discretionary: lines.some((l) => l.trace.clause.flags.includes("discretionary")),
      lines,
      unpaid,
    });
  }
  return outcomes;
}

/** What a CFO reads first: how much rests on drafts, what expires, the biggest events, what pays nothing. */
export interface ForecastSummary {
  /** Expected support from draft-for-comment texts (征求意见稿). */
  readonly draftExpected: Decimal;
  /** draftExpected / total expected, 0–1 (0 when nothing is expected). */
  readonly draftShare: Decimal;
  /** Documents whose validity ends within the horizon, with the date, once each. */
  readonly expiries: readonly { readonly document: string; readonly until: string }[];
  /** The events that pay most, largest first (at most three). */
  readonly drivers: readonly EventOutcome[];
  /** The scenario's events that pay nothing, each with why. */
  readonly unpaid: readonly EventOutcome[];
  readonly outcomes: readonly EventOutcome[];
}

export function summarise(s: Scenario, f: Forecast): ForecastSummary {
  const outcomes = outcomesByEvent(s, f);
  const draftExpected = sum(f.lines.filter((l) => l.trace.document.status === "draft").map((l) => l.expected));
  const expiries = new Map<string, string>();
  for (const l of f.lines) {
    const until = l.flags.find((x) => x.code === "expiring")?.value;
    if (until && (l.ceiling.gt(0) || l.expected.gt(0))) expiries.set(l.trace.document.id, until);
  }
  return {
    draftExpected,
    draftShare: f.total.expected.isZero() ? ZERO : draftExpected.dividedBy(f.total.expected),
    expiries: [...expiries].map(([document, until]) => ({ document, until })),
    drivers: outcomes
      .filter((o) => o.expected.gt(0))
      .sort((a, b) => b.expected.comparedTo(a.expected))
      .slice(0, 3),
    unpaid: outcomes.filter((o) => o.event !== undefined && o.lines.length === 0),
    outcomes,
  };
}

/** One cause of a Δ, over however many events share it (five insurance policies, one missing clause). */
export interface Cause {
  /** The reason with the Δ of every event it covers summed. */
  readonly reason: DiffReason;
  readonly events: number;
}

const causeKey = (r: DiffReason): string => {
  switch (r.code) {
    case "noClauseInRegion":
      return `${r.code} ${r.topic} ${r.region}`;
    case "beyondHorizon":
      return `${r.code} ${r.year}`;
    case "noDiscretionaryClause":
      return r.code;
    case "outOfValidity":
      return `${r.code} ${r.clause} ${r.year}`;
    default:
      return `${r.code} ${r.clause}`;
  }
};

/** Reasons that say the same thing merged, their Δ summed, largest |Δ| first. */
export function causesOf(reasons: readonly DiffReason[]): Cause[] {
  const merged = new Map<string, { reason: DiffReason; events: number }>();
  for (const r of reasons) {
    const key = causeKey(r);
    const seen = merged.get(key);
    merged.set(key, seen ? { reason: { ...seen.reason, delta: seen.reason.delta.plus(r.delta) }, events: seen.events + 1 } : { reason: r, events: 1 });
  }
  return [...merged.values()].sort((a, b) => b.reason.delta.abs().comparedTo(a.reason.delta.abs()));
}

/**
 * One line of a what-if's explanation: an edited event (with its changes, even when its Δ is 0),
 * a change to the whole plan, or one event that moved through a shared cap, year limit, window,
 * first time or advance. The groups partition the diff's lines, so their Δs add up to the total.
 */
export interface DeltaGroup {
  readonly cause: DeltaCause;
  /** The event the group is about: the one edited, or the one whose lines moved (undefined for a plan change or a yearly matter). */
  readonly event?: EventRef;
  readonly topic?: Topic;
  readonly year?: number;
  /** The changes it stands for: the event's own, or the plan change. */
  readonly changes: readonly ScenarioChange[];
  readonly delta: Decimal;
  readonly lines: readonly DeltaLine[];
  /** Clause by clause, what the engine says of the lines (compare.ts's reasons), merged. */
  readonly causes: readonly Cause[];
}

const sharedKey = (c: DeltaCause): string => {
  switch (c.code) {
    case "annualCap":
      return `${c.code} ${c.year} ${c.article} ${c.cap} ${c.before} ${c.after}`;
    case "yearLimit":
      return `${c.code} ${c.year} ${c.usedUp}`;
    case "rounding":
      return `${c.code} ${c.year}`;
    case "window":
      return `${c.code} ${c.year} ${c.outside}`;
    case "firstTime":
      return `${c.code} ${c.taken}`;
    case "advance":
    case "bestBefore":
      return `${c.code} ${c.before} ${c.after}`;
    default:
      return c.code;
  }
};

/** The reasons of an event's Δ that speak of the given lines only. */
function reasonsOfLines(e: EventDelta | undefined, lines: readonly DeltaLine[]): DiffReason[] {
  if (!e) return [];
  const clauses = new Set(lines.map((l) => l.clause));
  const whole = sum(lines.map((l) => l.delta)).equals(e.delta);
  return e.reasons.filter((r) => ("clause" in r ? clauses.has(r.clause) : whole));
}

/** A what-if's Δ explained: the diff's lines grouped by cause, edited events first. */
export function explainDelta(diff: ForecastDiff): DeltaGroup[] {
  const byKey = new Map(diff.byEvent.map((e) => [e.key, e]));
  const own = new Map<string, { event: EventRef; changes: ScenarioChange[]; lines: DeltaLine[] }>();
  for (const c of diff.changes) {
    if (!("event" in c)) continue;
    const key = c.kind === "removed" ? `removed ${c.event.index}` : `e${c.event.index}`;
    const g = own.get(key) ?? { event: c.event, changes: [], lines: [] };
    own.set(key, g);
    g.changes.push(c);
  }
  const plan = new Map<ScenarioChange, DeltaLine[]>(diff.changes.filter((c) => !("event" in c)).map((c) => [c, []]));
  const shared = new Map<string, DeltaLine[]>();
  for (const l of diff.lines) {
    if (l.cause.code === "ownEvent") own.get(l.key)!.lines.push(l);
    else if (l.cause.code === "plan") plan.get(l.cause.change)!.push(l);
    else {
      const key = `${sharedKey(l.cause)}|${l.key}`;
      shared.set(key, [...(shared.get(key) ?? []), l]);
    }
  }
  const causesFor = (lines: readonly DeltaLine[]) => {
    const keys = [...new Set(lines.map((l) => l.key))];
    return causesOf(keys.flatMap((k) => reasonsOfLines(byKey.get(k), lines.filter((l) => l.key === k))));
  };
  const groups: DeltaGroup[] = [];
  for (const [key, g] of own) {
    const e = byKey.get(key);
    groups.push({ cause: { code: "ownEvent" }, event: g.event, topic: e?.topic, year: e?.year, changes: g.changes, delta: sum(g.lines.map((l) => l.delta)), lines: g.lines, causes: causesFor(g.lines) });
  }
  for (const [change, lines] of plan) {
    const causes = causesFor(lines);
    // A share changed that no paying clause is scaled by: the diff's own reason says so.
    if (change.kind === "defaultRealisation" || change.kind === "realisation") causes.push(...causesOf(diff.reasons));
    groups.push({ cause: { code: "plan", change }, changes: [change], delta: sum(lines.map((l) => l.delta)), lines, causes });
  }
  const rest = [...shared.values()].map((lines): DeltaGroup => {
    const [first] = lines;
    const c = first.cause;
    return { cause: c, event: first.event, topic: first.topic, year: first.year, changes: c.code === "other" ? c.changes : [], delta: sum(lines.map((l) => l.delta)), lines, causes: causesFor(lines) };
  });
  return groups.concat(rest.sort((a, b) => b.delta.abs().comparedTo(a.delta.abs())));
}
