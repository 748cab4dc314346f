import { rankOf, type ClauseLine, type Evaluation } from "../rules/evaluate";
import type { Bilingual, MatterTitle, Note } from "../explain/trace";
import { Decimal, ZERO } from "../input/money";
import type { Matter } from "./matters";
import { mostFavourable } from "../rules/stacking";
import { onceKey, totalKey } from "../rules/limits";

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
export interface Candidate {
  readonly line: number;
  /** "累计不超过N年" counts years of the matter in its jurisdiction, whichever clause paid. */
  readonly limitKey: string;
  readonly amount: Decimal;
  /** What ruling 5 compares it by: its whole award, an advance it nets included (ruling 13). */
  readonly rank: Decimal;
  readonly discretionary: boolean;
  readonly maxYears?: number;
  readonly cap?: string;
  /** Ruling 18: its product's total cap over all years, keyed by clause and product. */
  readonly total?: TotalCap;
}

interface TotalCap {
  readonly key: string;
  readonly amount: Decimal;
  readonly per: Bilingual;
  readonly sentence?: string;
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
  const lineMatter: Matter[] = [];
  const caps = new Map<string, AnnualCap>();
  const prepared: Prepared[] = evaluated.map(({ matter, evaluation }) => {
    const byGroup = new Map<string, Candidate[]>();
    for (const trace of evaluation.lines) {
      if (trace.status !== "applied" && trace.status !== "outranked") {
        // A once-only award an uncertain earlier event took is shown, to say so (ruling 24).
        if (earlierNotes(trace, matter).length) {
          lines.push({ year: matter.year, matter: matter.label, title: matter.title, event: matter.event, trace });
          lineMatter.push(matter);
        }
        continue;
      }
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
      const totalCap = clause.caps.find((k) => k.total);
      // A total's events that name no product (a training project unnamed) are one, the enterprise's.
      const total = totalCap && { key: `${totalKey(clause, document)} ${matter.product ?? ""}`, amount: new Decimal(totalCap.amount), per: totalCap.per, sentence: totalCap.sentence };
      const group = byGroup.get(key) ?? [];
      byGroup.set(key, group);
      lineMatter.push(matter);
      group.push({
        line: lines.push({ year: matter.year, matter: matter.label, title: matter.title, event: matter.event, trace }) - 1,
        limitKey: key,
        amount: trace.amount,
        rank: rankOf(trace),
        discretionary: clause.flags.includes("discretionary"),
        maxYears: clause.maxYears,
        cap,
        total,
      });
    }
    // The clause the evaluation paid first, so that a tie keeps its choice (ruling 13: the one netting an advance).
    const paidFirst = (g: Candidate[]) => g.sort((a, b) => (lines[a.line].trace.status === "applied" ? 0 : 1) - (lines[b.line].trace.status === "applied" ? 0 : 1));
    return { matter, groups: [...byGroup.values()].map(paidFirst) };
  });

  const capOf = new Map<number, string>();
  const limitKeyOf = new Map<number, string>();
  const totalOf = new Map<number, TotalCap>();
  for (const p of prepared) {
    for (const group of p.groups) {
      for (const c of group) {
        if (c.cap) capOf.set(c.line, c.cap);
        if (c.total) totalOf.set(c.line, c.total);
        if (c.maxYears !== undefined) limitKeyOf.set(c.line, c.limitKey);
      }
    }
  }
  const byYear = new Map(years.map((y) => [y, prepared.filter((p) => p.matter.year === y)]));

  // The ceiling: every matter, every ceiling granted, limits counted as they are used.
  const notes = lines.map(({ trace }, i) => earlierNotes(trace, lineMatter[i]));
  const ceiling = lines.map(() => ZERO);
  const yearsPaid = new Map<string, number>();
  /** "key year": the years the ceiling pays a limited matter, its years of support in every world. */
  const supportYears = new Set<string>();
  /** Per stacking group: the clause the plan as written pays (ruling 20), which every world pays too. */
  const chosen = new Map<readonly Candidate[], Candidate>();
  /** Ruling 18: what each product's total cap has paid on the plan as written, after the annual caps, and by which lines. */
  const totalPaid = new Map<string, { paid: Decimal; by: number[] }>();
  /** A line's amount within its product's total, which every world pays at most (ruling 24). */
  const withinTotal = new Map<number, Decimal>();
  for (const y of years) {
    const thisYear = new Map<number, Decimal>();
    const ties: { group: readonly Candidate[]; tied: Candidate[] }[] = [];
    for (const { groups } of byYear.get(y)!) {
      for (const group of groups) {
        const usable = group.length === 1 && group[0].maxYears === undefined ? group : group.filter((c) => c.maxYears === undefined || (yearsPaid.get(c.limitKey) ?? 0) < c.maxYears);
        for (const c of group) if (!usable.includes(c)) notes[c.line].push({ code: "yearsUsedUp", maxYears: c.maxYears! });
        const best = mostFavourable(usable, (c) => c.rank);
        if (!best || best.rank.isZero()) continue;
        ties.push({ group, tied: usable.length === 1 ? usable : usable.filter((c) => c.rank.eq(best.rank)) });
      }
    }
    const picks = mostAfterCaps(
      ties.map((t) => t.tied),
      caps,
    );
    ties.forEach(({ group, tied }, i) => {
      chosen.set(group, picks[i]);
      const first = tied[0];
      if (picks[i] !== first && first.cap) {
        const { amount, sentence } = caps.get(first.cap)!;
        notes[picks[i].line].push({ code: "tieAfterCaps", other: lines[first.line].trace.clause.article, cap: amount, sentence });
      }
      if (!picks[i].amount.isZero()) thisYear.set(picks[i].line, picks[i].amount);
    });
    const totalled = applyTotals(thisYear, totalOf, totalPaid, notes);
    applyCaps(thisYear, capOf, caps, notes);
    for (const [line, { within, cut }] of totalled) {
      withinTotal.set(line, within);
      const t = totalPaid.get(totalOf.get(line)!.key)!;
      t.paid = t.paid.minus(within).plus(thisYear.get(line)!);
      // Ruling 24: a total an uncertain earlier event used up is said where it cut this line.
      if (cut) {
        const earlier = t.by.filter((l) => l !== line && lines[l].event !== lines[line].event && lineMatter[l].probability < 1);
        for (const l of new Set(earlier.map((i) => lines[i].event))) {
          const by = earlier.find((i) => lines[i].event === l)!;
          notes[line].push({ code: "earlierUncertain", kind: "total", year: lines[by].year, title: lines[by].title });
        }
      }
    }
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
        const usable = group.filter((c) => c.maxYears === undefined || supportYears.has(`${c.limitKey} ${y}`));
        const pick = chosen.get(group);
        const best = pick && usable.includes(pick) ? pick : mostFavourable(usable, (c) => c.rank);
        if (!best || best.amount.isZero()) continue;
        const within = withinTotal.get(best.line);
        const settledAmount = within === undefined ? best.amount : Decimal.min(best.amount, within);
        if (settledAmount.isZero()) continue;
        const amount = best.discretionary ? settledAmount.times(matter.realisation) : settledAmount;
        payers.push({ line: best.line, event: matter.event, year: y, amount, cap: best.cap });
      }
    }
  }
  payers.sort((a, b) => a.line - b.line);
  const probability = new Map(evaluated.map(({ matter }) => [matter.event, matter.probability]));
  return { lines, ceiling, notes, payers, caps, probability };
}

/** Ruling 24: where an earlier matter that may not happen took what this line would otherwise get, it says so. */
function earlierNotes(trace: ClauseLine, matter: Matter): Note[] {
  if (!matter.earlier?.length) return [];
  const { clause, document } = trace;
  const kinds = new Set<string>();
  if (trace.working?.steps.some((s) => s.code === "advance")) kinds.add("advance ");
  if (trace.reasons.some((r) => r.code === "onceTaken")) kinds.add(`once ${onceKey(clause, document, matter.facts)}`);
  const seen = new Set<string>();
  return matter.earlier
    .filter((e) => kinds.has(`${e.kind} ${e.key ?? ""}`))
    .filter((e) => !seen.has(`${e.kind} ${e.year} ${JSON.stringify(e.title)}`) && seen.add(`${e.kind} ${e.year} ${JSON.stringify(e.title)}`))
    .map((e) => ({ code: "earlierUncertain" as const, kind: e.kind, year: e.year, title: e.title }));
}

/** Assignments of a year's tied matters tried one by one, at most; beyond, single reassignments until none helps. */
const EXHAUSTIVE = 4096;

/**
 * Ruling 20: "most favourable" after the year's caps. Each entry is a matter's clauses that pay it
 * the same before caps (the first is the evaluation's pick); the answer picks one per matter so
 * that the year's total after the per-enterprise annual caps is the largest: exhaustively when the
 * ties allow at most EXHAUSTIVE assignments, else by single reassignments until none raises it.
 * Only a strict gain moves a matter off its first clause, so a tie that costs nothing changes nothing.
 */
export function mostAfterCaps<C extends Pick<Candidate, "amount" | "rank" | "cap">>(tied: readonly (readonly C[])[], caps: ReadonlyMap<string, Pick<AnnualCap, "amount">>): C[] {
  const pick = tied.map((t) => t[0]);
  // Only a matter whose clauses count against different caps, or pay different balances, can move the total.
  const open = tied.flatMap((t, i) => (t.length > 1 && t.some((c) => c.cap !== t[0].cap || !c.amount.eq(t[0].amount)) ? [i] : []));
  if (open.length === 0) return pick;
  // The total kept as each cap's load and what no cap touches, so a move costs one pass over the caps.
  const load = new Map<string, Decimal>();
  let free = ZERO;
  const count = (c: C, sign: 1 | -1) => {
    const over = c.rank.minus(c.amount);
    if (c.cap) load.set(c.cap, (load.get(c.cap) ?? ZERO).plus(sign === 1 ? c.amount : c.amount.neg()));
    free = free.plus(c.cap ? over.times(sign) : c.rank.times(sign));
  };
  pick.forEach((c) => count(c, 1));
  const score = () => {
    let sum = free;
    for (const [key, amount] of load) sum = sum.plus(Decimal.min(amount, caps.get(key)!.amount));
    return sum;
  };
  const move = (i: number, c: C) => {
    count(pick[i], -1);
    count(c, 1);
    pick[i] = c;
  };
  let best = score();
  const combinations = open.reduce((n, i) => Math.min(n * tied[i].length, EXHAUSTIVE + 1), 1);
  if (combinations <= EXHAUSTIVE) {
    let kept = open.map((i) => pick[i]);
    const digits = open.map(() => 0);
    for (let k = 1; k < combinations; k++) {
      // The next assignment, counting in mixed radix over the open matters.
      for (let d = 0; ; d++) {
        digits[d] = (digits[d] + 1) % tied[open[d]].length;
        move(open[d], tied[open[d]][digits[d]]);
        if (digits[d] !== 0) break;
      }
      const t = score();
      if (t.gt(best)) {
        best = t;
        kept = open.map((i) => pick[i]);
      }
    }
    open.forEach((i, d) => move(i, kept[d]));
    return pick;
  }
  for (let improved = true; improved; ) {
    improved = false;
    for (const i of open) {
      for (const c of tied[i]) {
        if (c === pick[i]) continue;
        const was = pick[i];
        move(i, c);
        const t = score();
        if (t.gt(best)) {
          best = t;
          improved = true;
        } else move(i, was);
      }
    }
  }
  return pick;
}

/** What a year's picks pay the enterprise once the annual caps are applied, advances they net included. */
export function afterCaps(picks: readonly Pick<Candidate, "amount" | "rank" | "cap">[], caps: ReadonlyMap<string, Pick<AnnualCap, "amount">>): Decimal {
  const load = new Map<string, Decimal>();
  let sum = ZERO;
  for (const c of picks) {
    // An advance it nets was paid in an earlier year, outside this year's caps.
    sum = sum.plus(c.rank.minus(c.amount));
    if (c.cap) load.set(c.cap, (load.get(c.cap) ?? ZERO).plus(c.amount));
    else sum = sum.plus(c.amount);
  }
  for (const [key, amount] of load) sum = sum.plus(Decimal.min(amount, caps.get(key)!.amount));
  return sum;
}

/**
 * Ruling 18: a product's total cap over all years. In line order, each line keeps what its
 * product's total has left after the plan's earlier payments; the answer is each such line's
 * amount within its total, before the year's annual caps (the caller counts what they leave).
 */
function applyTotals(thisYear: Map<number, Decimal>, totalOf: ReadonlyMap<number, TotalCap>, totalPaid: Map<string, { paid: Decimal; by: number[] }>, notes: Note[][]): Map<number, { within: Decimal; cut: boolean }> {
  const within = new Map<number, { within: Decimal; cut: boolean }>();
  for (const [line, amount] of [...thisYear].sort(([a], [b]) => a - b)) {
    const total = totalOf.get(line);
    if (!total) continue;
    const t = totalPaid.get(total.key) ?? { paid: ZERO, by: [] };
    totalPaid.set(total.key, t);
    const to = Decimal.min(amount, Decimal.max(total.amount.minus(t.paid), ZERO));
    if (to.lt(amount)) {
      thisYear.set(line, to);
      notes[line].push({ code: "totalReduced", from: amount, to, cap: total.amount, paid: t.paid, per: total.per, sentence: total.sentence });
    }
    t.paid = t.paid.plus(to);
    t.by.push(line);
    within.set(line, { within: to, cut: to.lt(amount) });
  }
  return within;
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
