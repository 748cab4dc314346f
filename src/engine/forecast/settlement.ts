import type { ClauseLine, Evaluation } from "../rules/evaluate";
import type { Bilingual, MatterTitle, Note } from "../explain/trace";
import { Decimal, ZERO } from "../input/money";
import type { Matter } from "./matters";
import { mostFavourable } from "../rules/stacking";

/** One clause line of one matter: what the forecast shows a row for. */
export interface PlanLine {
  readonly year: number;
  readonly matter: string;
  readonly title: MatterTitle;
  readonly event: number;
  readonly trace: ClauseLine;
}

/** A line that pays in a world where its event happens, and how much before the annual caps. */
export interface Payer {
  readonly line: number;
  readonly event: number;
  readonly year: number;
  /** The clause's amount, times the realisation factor where the clause is discretionary. */
  readonly amount: Decimal;
  /** The per-enterprise annual cap it counts against, if any (a key of `caps`). */
  readonly cap?: string;
}

export interface AnnualCap {
  readonly amount: Decimal;
  /** The document and article that set it, for the note. */
  readonly title: Bilingual;
  readonly article: string;
  /** The words that set it, quoted (ruling 14). */
  readonly sentence: string;
}

/** The plan settled as written: what is fixed before any draw (rulings 5, 9, 16, 17, 18). */
export interface Settlement {
  readonly lines: readonly PlanLine[];
  /** Per line: what it pays when everything happens and every ceiling is granted. */
  readonly ceiling: readonly Decimal[];
  /** Per line: what the portfolio did to it, in the plan as written. */
  readonly notes: readonly Note[][];
  /** In line order: the only amounts a world can pay; which of them it pays is its events. */
  readonly payers: readonly Payer[];
  readonly caps: ReadonlyMap<string, AnnualCap>;
  /** Each event's probability (matters of one event happen together, ruling 18). */
  readonly probability: ReadonlyMap<number, number>;
}

/** A clause that may pay for a matter. */
interface Candidate {
  readonly line: number;
  /** "累计不超过N年" counts years of the matter in its jurisdiction, whichever clause paid. */
  readonly limitKey: string;
  readonly amount: Decimal;
  readonly discretionary: boolean;
  readonly maxYears?: number;
  readonly cap?: string;
}

interface Prepared {
  readonly matter: Matter;
  /** Stacking groups (one jurisdiction, one matter), each a list of candidates. */
  readonly groups: readonly Candidate[][];
}

/**
 * Every clause line of every matter, evaluated once, then the plan as written: ruling 5 within
 * each matter, "累计不超过N年" counted on the ceiling (RULINGS 17), the annual caps in plan order
 * (RULINGS 16). What a world pays follows from it: the same clause per matter (a limited one only
 * in its settled years), scaled by the realisation factor if discretionary, then the caps.
 */
export function settle(evaluated: readonly { matter: Matter; evaluation: Evaluation }[], years: readonly number[], unitOf: (jurisdiction: string) => string = (j) => j): Settlement {
  const lines: PlanLine[] = [];
  const caps = new Map<string, AnnualCap>();
  const prepared: Prepared[] = evaluated.map(({ matter, evaluation }) => {
    const byGroup = new Map<string, Candidate[]>();
    for (const trace of evaluation.lines) {
      if (trace.status !== "applied" && trace.status !== "outranked") continue;
      const { clause, document } = trace;
      let cap: string | undefined;
      if (clause.enterpriseAnnualCap) {
        // One article's cap covers all the entries split from it (深圳（五）'s class II and III).
        cap = `${document.id} ${clause.article} ${clause.enterpriseAnnualCap}`;
        caps.set(cap, {
          amount: new Decimal(clause.enterpriseAnnualCap),
          title: { en: document.titleEn, zh: document.title },
          article: clause.article,
          sentence: clause.enterpriseAnnualCapSentence!,
        });
      }
      // The stacking unit: 昌平组团's texts pay a matter once with 昌平区's (places.ts unitOf).
      const key = `${unitOf(document.jurisdiction)} ${clause.matter}`;
      const group = byGroup.get(key) ?? [];
      byGroup.set(key, group);
      group.push({
        line: lines.push({ year: matter.year, matter: matter.label, title: matter.title, event: matter.event, trace }) - 1,
        limitKey: key,
        amount: trace.amount,
        discretionary: clause.flags.includes("discretionary"),
        maxYears: clause.maxYears,
        cap,
      });
    }
    return { matter, groups: [...byGroup.values()] };
  });

  const capOf = new Map<number, string>();
  const limitKeyOf = new Map<number, string>();
  for (const p of prepared) {
    for (const group of p.groups) {
      for (const c of group) {
        if (c.cap) capOf.set(c.line, c.cap);
        if (c.maxYears !== undefined) limitKeyOf.set(c.line, c.limitKey);
      }
    }
  }
  const byYear = new Map(years.map((y) => [y, prepared.filter((p) => p.matter.year === y)]));

  // The ceiling: every matter, every ceiling granted, limits counted as they are used.
  const notes = lines.map(() => [] as Note[]);
  const ceiling = lines.map(() => ZERO);
  const yearsPaid = new Map<string, number>();
  /** "key year": the years the ceiling pays a limited matter, its years of support in every world. */
  const supportYears = new Set<string>();
  for (const y of years) {
    const thisYear = new Map<number, Decimal>();
    for (const { groups } of byYear.get(y)!) {
      for (const group of groups) {
        const usable = group.filter((c) => c.maxYears === undefined || (yearsPaid.get(c.limitKey) ?? 0) < c.maxYears);
        for (const c of group) if (!usable.includes(c)) notes[c.line].push({ code: "yearsUsedUp", maxYears: c.maxYears! });
        const best = mostFavourable(usable, (c) => c.amount);
        if (best && !best.amount.isZero()) thisYear.set(best.line, best.amount);
      }
    }
    applyCaps(thisYear, capOf, caps, notes);
    const counted = new Set<string>();
    for (const [line, amount] of thisYear) {
      if (amount.isZero()) continue;
      const key = limitKeyOf.get(line);
      if (key !== undefined && !counted.has(key)) {
        yearsPaid.set(key, (yearsPaid.get(key) ?? 0) + 1);
        supportYears.add(`${key} ${y}`);
        counted.add(key);
      }
      ceiling[line] = amount;
    }
  }

  // What a world pays if the matter's event happens, before the caps.
  const payers: Payer[] = [];
  for (const y of years) {
    for (const { matter, groups } of byYear.get(y)!) {
      for (const group of groups) {
        const best = mostFavourable(
          group.filter((c) => c.maxYears === undefined || supportYears.has(`${c.limitKey} ${y}`)),
          (c) => c.amount,
        );
        if (!best || best.amount.isZero()) continue;
        const amount = best.discretionary ? best.amount.times(matter.realisation) : best.amount;
        payers.push({ line: best.line, event: matter.event, year: y, amount, cap: best.cap });
      }
    }
  }
  payers.sort((a, b) => a.line - b.line);
  const probability = new Map(evaluated.map(({ matter }) => [matter.event, matter.probability]));
  return { lines, ceiling, notes, payers, caps, probability };
}

/** Per-enterprise annual caps (ruling 9): lines keep their amounts in plan order until a cap is reached. */
function applyCaps(thisYear: Map<number, Decimal>, capOf: ReadonlyMap<number, string>, caps: ReadonlyMap<string, AnnualCap>, notes: Note[][]): void {
  const used = new Map<string, Decimal>();
  for (const [line, amount] of [...thisYear].sort(([a], [b]) => a - b)) {
    const key = capOf.get(line);
    if (!key) continue;
    const { amount: cap, title, article, sentence } = caps.get(key)!;
    const before = used.get(key) ?? ZERO;
    const room = Decimal.max(cap.minus(before), ZERO);
    if (amount.gt(room)) {
      thisYear.set(line, room);
      notes[line].push({ code: "annualCapReduced", from: amount, to: room, cap, title, article, sentence });
    }
    used.set(key, before.plus(Decimal.min(amount, room)));
  }
}
