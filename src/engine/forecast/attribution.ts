import type { Topic } from "../catalog/schema";
import type { ClauseLine } from "../rules/evaluate";
import type { Bilingual } from "../explain/trace";
import type { FactValue } from "../input/facts";
import { Decimal, ZERO } from "../input/money";
import type { Forecast, ForecastLine } from "./forecast";
import type { Scenario } from "./scenario";
import type { EventRef, ScenarioChange } from "./compare";

/**
 * A what-if's Δ line by line (event × clause × year), each line with the one cause that moved
 * it: its own event edited, a change to the whole plan, or else the shared mechanism through
 * which another event's change reached it (an annual cap, a year limit, a window, a first time,
 * an advance). The lines are the two forecasts' own lines, so their Δs add up to the forecasts'
 * difference by construction.
 */

/** Why a line moved. */
export type DeltaCause =
  /** Its own event was moved, added, removed, edited, or its chance or share changed. */
  | { readonly code: "ownEvent" }
  /** A change to the whole plan reached the line directly (the region, the default chance, the R&D figures…). */
  | { readonly code: "plan"; readonly change: ScenarioChange }
  /**
   * A per-enterprise annual cap (ruling 9) shared with events that changed: `before` and `after`
   * are what the cap let this line keep on the plan as written (undefined: it did not cut the
   * line). Equal or both undefined: the cap is shared differently across the uncertain worlds
   * (another event's chance changed), so only the expected figure moved.
   */
  | {
      readonly code: "annualCap";
      readonly year: number;
      readonly cap: Decimal;
      readonly title: Bilingual;
      readonly article: string;
      readonly sentence: string;
      readonly before?: Decimal;
      readonly after?: Decimal;
    }
  /** "累计不超过N年" (ruling 11): the matter's years of support are used up, or no longer. */
  | { readonly code: "yearLimit"; readonly year: number; readonly maxYears: number; readonly usedUp: boolean }
  /** "连续N年" (ruling 11): the window another event opens now leaves this year out, or takes it in. */
  | { readonly code: "window"; readonly year: number; readonly sentence: string; readonly outside: boolean; readonly from: number; readonly to: number }
  /**
   * "首次获批", "一次性" (ruling 12), a first procurement win: an earlier event of the product now
   * takes the first time, or no longer. `sentence`: the once-only words, where the catalog has them.
   */
  | { readonly code: "firstTime"; readonly sentence?: string; readonly taken: boolean }
  /** An output milestone reads the product's best output before (ruling 7): another output event moved it. */
  | { readonly code: "bestBefore"; readonly before: Decimal; readonly after: Decimal }
  /** "先期给予" (ruling 13): the advance taken off this certificate's award changed. */
  | { readonly code: "advance"; readonly article: string; readonly before: Decimal; readonly after: Decimal }
  /**
   * Nothing moved the line's own figure (no cap over it, the same ceiling, chance and share): a
   * year's expected figure is rounded to the fen and shared among its lines so that they add up,
   * and another line of the year changed, so this one's share of the rounding did (±0.01).
   */
  | { readonly code: "rounding"; readonly year: number }
  /** None of the above could be told apart (several changes to the plan at once). */
  | { readonly code: "other"; readonly changes: readonly ScenarioChange[] };

export interface DeltaLine {
  /** The event's key in the comparison ("e3", "removed 2", "rd 2027"). */
  readonly key: string;
  readonly event?: EventRef;
  readonly topic: Topic;
  readonly year: number;
  readonly clause: string;
  readonly document: string;
  readonly baseline: Decimal;
  readonly variant: Decimal;
  readonly delta: Decimal;
  readonly ceilingDelta: Decimal;
  readonly cause: DeltaCause;
}

/** One line of one forecast, with the clause's trace for that matter whether it paid or not. */
interface Cell {
  readonly key: string;
  readonly event: number;
  readonly topic: Topic;
  readonly year: number;
  readonly trace: ClauseLine;
  readonly line?: ForecastLine;
  readonly facts: Readonly<Record<string, FactValue>>;
}

function cellsOf(f: Forecast, eventCount: number, eventKey: (index: number) => string): Map<string, Cell> {
  const byTrace = new Map<ClauseLine, ForecastLine>(f.lines.map((l) => [l.trace, l]));
  const cells = new Map<string, Cell>();
  for (const { matter, evaluation } of f.matters) {
    const key = matter.event < eventCount ? eventKey(matter.event) : `${matter.topic} ${matter.year}`;
    for (const trace of evaluation.lines) {
      const id = `${key}|${matter.topic}|${trace.clause.id}|${matter.year}`;
      const line = byTrace.get(trace);
      // A clause evaluated twice for one matter cannot happen; the paid trace wins if it did.
      if (!cells.has(id) || line) cells.set(id, { key, event: matter.event, topic: matter.topic, year: matter.year, trace, line, facts: matter.facts });
    }
  }
  return cells;
}

/** Changes of one event, by its key in the comparison. */
const eventKeyOf = (c: ScenarioChange): string | undefined => ("event" in c ? (c.kind === "removed" ? `removed ${c.event.index}` : `e${c.event.index}`) : undefined);

const capNote = (c: Cell | undefined) => c?.line?.notes.find((n) => n.code === "annualCapReduced");
const usedUp = (c: Cell | undefined) => c?.line?.notes.find((n) => n.code === "yearsUsedUp");
const reasonOf = <C extends "outsideWindow" | "onceTaken">(c: Cell | undefined, code: C) => c?.trace.reasons.find((r) => r.code === code) as Extract<ClauseLine["reasons"][number], { code: C }> | undefined;
const advanceOf = (c: Cell | undefined) => c?.trace.working?.steps.find((s) => s.code === "advance");
const assumed = (c: Cell | undefined) => c?.trace.working?.assumed !== undefined;

/** A change to the whole plan that reaches this line directly, if one does. */
function planCause(plan: readonly ScenarioChange[], b: Cell | undefined, v: Cell | undefined, bs: Scenario, vs: Scenario): ScenarioChange | undefined {
  const cell = (v ?? b)!;
  const yearly = cell.topic === "rd" || cell.topic === "revenue";
  const ownOf = (s: Scenario, c: Cell | undefined) => (c && !yearly && c.event < s.events.length ? s.events[c.event] : undefined);
  const events = [ownOf(bs, b), ownOf(vs, v)];
  for (const c of plan) {
    switch (c.kind) {
      case "region":
      case "enterprise":
        return c;
      case "horizon":
        if ([bs, vs].some((s) => cell.year < s.horizon.from || cell.year > s.horizon.to)) return c;
        break;
      case "defaultProbability":
        if (!yearly && events.some((e) => e && e.probability === undefined)) return c;
        break;
      case "defaultRealisation":
        if (cell.trace.clause.flags.includes("discretionary") && (yearly || events.some((e) => e && e.realisation === undefined))) return c;
        break;
      case "financials":
        if (yearly) return c;
        break;
      case "assumptions":
        if (assumed(b) || assumed(v)) return c;
        break;
      case "issueDates":
        if (bs.issueDates[cell.trace.document.id] !== vs.issueDates[cell.trace.document.id]) return c;
        break;
    }
  }
  return undefined;
}

/** The shared mechanism through which another event's change moved this line. */
function sharedCause(b: Cell | undefined, v: Cell | undefined): DeltaCause | undefined {
  const year = (v ?? b)!.year;
  const [bw, vw] = [reasonOf(b, "outsideWindow"), reasonOf(v, "outsideWindow")];
  if (!bw !== !vw) {
    const w = (vw ?? bw)!;
    return { code: "window", year, sentence: w.sentence, outside: vw !== undefined, from: w.from, to: w.to };
  }
  const [bo, vo] = [reasonOf(b, "onceTaken"), reasonOf(v, "onceTaken")];
  if (!bo !== !vo) return { code: "firstTime", sentence: (vo ?? bo)!.sentence, taken: vo !== undefined };
  const [ba, va] = [advanceOf(b), advanceOf(v)];
  if ((ba || va) && !(ba?.advance ?? ZERO).equals(va?.advance ?? ZERO)) {
    return { code: "advance", article: (va ?? ba)!.article, before: ba?.advance ?? ZERO, after: va?.advance ?? ZERO };
  }
  // Facts the plan derives from the product's other events (matters.ts): a first win, the best output before.
  if (b && v && b.facts.firstVbpWin !== v.facts.firstVbpWin) return { code: "firstTime", taken: v.facts.firstVbpWin === false };
  const [bb, vb] = [b?.facts.bestOutputBefore, v?.facts.bestOutputBefore];
  if (bb instanceof Decimal && vb instanceof Decimal && !bb.equals(vb)) return { code: "bestBefore", before: bb, after: vb };
  const [bu, vu] = [usedUp(b), usedUp(v)];
  if (!bu !== !vu) return { code: "yearLimit", year, maxYears: (vu ?? bu)!.maxYears, usedUp: vu !== undefined };
  const clause = (v ?? b)!.trace.clause;
  if (clause.enterpriseAnnualCap) {
    const [bn, vn] = [capNote(b), capNote(v)];
    const n = vn ?? bn;
    const sentence = n?.sentence ?? clause.enterpriseAnnualCapSentence ?? "";
    const document = (v ?? b)!.trace.document;
    return {
      code: "annualCap",
      year,
      cap: new Decimal(clause.enterpriseAnnualCap),
      title: n?.title ?? { en: document.titleEn, zh: document.title },
      article: clause.article,
      sentence,
      before: bn?.to,
      after: vn?.to,
    };
  }
  const ceiling = (c: Cell | undefined) => c?.line?.ceiling ?? ZERO;
  if (b && v && ceiling(b).equals(ceiling(v))) return { code: "rounding", year };
  return undefined;
}

/**
 * Every line of either forecast whose expected or ceiling differs, with its cause. `baseKey` and
 * `variantKey` name each scenario event as compare.ts pairs them, so an event's lines meet.
 */
export function attributeLines(
  bs: Scenario,
  base: Forecast,
  vs: Scenario,
  variant: Forecast,
  baseKey: (index: number) => string,
  variantKey: (index: number) => string,
  changes: readonly ScenarioChange[],
  refOf: (s: Scenario, index: number) => EventRef,
): DeltaLine[] {
  const bc = cellsOf(base, bs.events.length, baseKey);
  const vc = cellsOf(variant, vs.events.length, variantKey);
  const edited = new Set(changes.map(eventKeyOf).filter((k): k is string => k !== undefined));
  const plan = changes.filter((c) => !("event" in c));
  const lines: DeltaLine[] = [];
  for (const id of new Set([...bc.keys(), ...vc.keys()])) {
    const b = bc.get(id);
    const v = vc.get(id);
    const [be, ve] = [b?.line?.expected ?? ZERO, v?.line?.expected ?? ZERO];
    const [bcl, vcl] = [b?.line?.ceiling ?? ZERO, v?.line?.ceiling ?? ZERO];
    if (be.equals(ve) && bcl.equals(vcl)) continue;
    const cell = (v ?? b)!;
    const fromVariant = v !== undefined && v.event < vs.events.length;
    const event = fromVariant ? refOf(vs, v.event) : b && b.event < bs.events.length ? refOf(bs, b.event) : undefined;
    const change = edited.has(cell.key) ? undefined : planCause(plan, b, v, bs, vs);
    const cause: DeltaCause = edited.has(cell.key)
      ? { code: "ownEvent" }
      : change
        ? { code: "plan", change }
        : (sharedCause(b, v) ?? (plan.length === 1 ? { code: "plan", change: plan[0] } : { code: "other", changes }));
    lines.push({
      key: cell.key,
      event,
      topic: cell.topic,
      year: cell.year,
      clause: cell.trace.clause.id,
      document: cell.trace.document.id,
      baseline: be,
      variant: ve,
      delta: ve.minus(be),
      ceilingDelta: vcl.minus(bcl),
      cause,
    });
  }
  return lines;
}
