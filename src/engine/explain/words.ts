import type { PackOrigin } from "../catalog/catalog";
import type { Condition } from "../catalog/schema";
import type { ClauseLine, Status } from "../rules/evaluate";
import type { FlagCode } from "./flags";
import type { PlanWarning } from "../forecast/consistency";
import type { Bilingual, BindingCap, Lang, MatterTitle, Note, Reason, Step } from "./trace";

/**
 * Where a scenario states a fact. A single function's arguments give every fact it reads, so a
 * clause that cannot tell always waits on a fact only a scenario states.
 */
export type Source =
  | "enterprise"
  | "financials"
  | "certificate"
  | "innovativeReview"
  | "fdaBreakthrough"
  | "clinical"
  | "output"
  | "vbp"
  | "firstSet"
  | "insurance"
  | "facility"
  | "eventFacts";

/** The events after a registration a scenario can add (DESIGN "Explanations"). */
export type FurtherEvent = "innovativeReview" | "localProduction";

/**
 * One language's words for the trace. Everything a reader sees is built here from codes and
 * numbers; format.ts only assembles the pieces, so both languages say the same things.
 */
export interface Words {
  readonly lang: Lang;
  /** An amount of yuan with its separators, and the unit where the language writes it. */
  yuan(x: string): string;
  /** A quantity with its unit ("2,000 m²"). */
  quantity(x: string, unit: string | undefined): string;
  /** A fact's name: the catalog's label in this language. */
  fact(name: string): string;
  /** A code's value in words ("class III", "三类"). */
  value(fact: string, value: unknown): string;
  step(step: Step): string;
  /** The cap that bound: "up to 8,000,000 per certificate", "3,000 per m² of plant". */
  cap(cap: BindingCap): string;
  /** A condition of the text as a test on the facts ("上一年度营业收入须不足30,000,000元"). */
  condition(condition: Condition): string;
  reason(reason: Reason): string;
  note(note: Note): string;
  /** A plan that is valid but not consistent (forecast/consistency.ts). */
  planWarning(warning: PlanWarning): string;
  flag(code: FlagCode, value: string, quote?: string): string;
  /** Beside a figure whose document came from a pack: the pack's name, version, author and short hash (DESIGN "Policy packs"). */
  fromPack(origin: PackOrigin): string;
  /** Beside a figure a pack would change once approved (it `replaces` this clause or its document): it waits, the figure is the text in force's. */
  awaitingPack(pack: PackOrigin): string;
  /** A clause's citation: document and article. */
  cite(line: Pick<ClauseLine, "document" | "clause">): string;
  /** What became of a clause; `by` cites the clause that outranked it, `tie` when it pays the same. */
  status(status: Status, amount: string, by: string | undefined, tie: boolean): string;
  title(title: MatterTitle): string;
  /** The first line of an explanation: the call as typed, and its total. */
  total(call: string, amount: string): string;
  /** Under the total, where a name assumed zones (ruling 21: `changping` assumes 昌平组团): the place's path and the zones. */
  assumedZones(path: readonly Bilingual[], zones: readonly Bilingual[]): string;
  /** Between a label and what follows: ": " or "：". */
  readonly colon: string;
  /** Between items of a list of flags: "; " or "；". */
  readonly semicolon: string;
  readonly noClause: string;
  /** Before a forecast line's way from entitlement to cash, profit and tax (lineStory). */
  readonly accountsHeading: string;
  readonly flagsHeading: string;
  readonly furtherHeading: string;
  further(event: FurtherEvent): string;
  /** "ceiling / expected" of a forecast line. */
  lineAmounts(ceiling: string, expected: string): string;
  readonly linesHeading: string;
  /** The line under a forecast's name: region, catalog version, method, unit. */
  forecastHeader(region: string, catalog: string, method: string): string;
  readonly assumedFootnote: string;
  /** How the forecast's band was computed. */
  method(m: { kind: "exact"; worlds: number } | { kind: "monte-carlo"; draws: number; seed: number }): string;
  /** The line that says an explanation was cut at Excel's cell limit. */
  readonly cut: string;
}
