import type { FactDefinition, Topic } from "../catalog/schema";
import { engine, type Engine } from "../rules/evaluate";
import { factsFrom, type FactValue } from "../input/facts";
import type { MatterTitle } from "../explain/trace";
import { ADVANCE_PAID, onceKey } from "../rules/limits";
import { Decimal, formatYuan, ZERO } from "../input/money";
import type { Region } from "../catalog/regions";
import type { Scenario, ScenarioEvent } from "./scenario";

/** One matter of the plan in one year: an event, or a yearly matter derived from the financials. */
export interface Matter {
  readonly year: number;
  readonly label: string;
  /** The label as data, for each language's words (explain/): the user's own label, or what happened. */
  readonly title: MatterTitle;
  readonly topic: Topic;
  readonly facts: Record<string, FactValue>;
  /** Matters of one event happen together or not at all in a draw. */
  readonly event: number;
  readonly probability: number;
  readonly realisation: number;
  /** The product the matter is about, when it is about one. */
  readonly product?: string;
  /** Once-only awards its product already had on the plan as written (ruling 12). */
  readonly onceTaken?: ReadonlySet<string>;
  /** Earlier matters that may not happen whose use of a limit its figure rests on (ruling 24). */
  readonly earlier?: readonly Earlier[];
}

/** The matters of a scenario, in year order: its events, plus R&D and revenue from the financials. */
export function mattersOf(s: Scenario, catalogFacts?: Readonly<Record<string, FactDefinition>>, eng: Engine = engine()): Matter[] {
  const planned = planOf(s, catalogFacts ?? eng.catalog.facts);
  openWindows(planned, eng);
  return firstTimes(planned, s, eng);
}

/** The scenario's matters as written, before windows and first times are settled. */
function planOf(s: Scenario, catalogFacts: Readonly<Record<string, FactDefinition>>): Matter[] {
  const d = (v: string | number) => new Decimal(v);
  const revenue = new Map<number, Decimal>();
  const rd = new Map<number, Decimal>();
  for (const f of s.financials) {
    if (f.revenue !== undefined) revenue.set(f.year, d(f.revenue));
    if (f.rd !== undefined) rd.set(f.year, d(f.rd));
  }
  // Object.assign rather than spreads below: the same objects, but V8 (Node 20) builds a spread
  // followed by more properties on a slow path, and there is one per matter.
  const enterprise: Record<string, FactValue> = { sector: s.enterprise.sector };
  if (s.enterprise.sme !== undefined) enterprise.sme = s.enterprise.sme;
  const matters: Matter[] = [];
  const yearly = s.events.length;
  for (let y = s.horizon.from; y <= s.horizon.to; y++) {
    const event = yearly + (y - s.horizon.from) * 2;
    const base = { year: y, probability: 1, realisation: s.defaults.realisation };
    if (rd.has(y - 1)) {
      const facts: Record<string, FactValue> = Object.assign({}, enterprise, { rdLastYear: rd.get(y - 1)! });
      if (revenue.has(y - 1)) facts.revenueLastYear = revenue.get(y - 1)!;
      if (rd.has(y - 2)) facts.rdYearBefore = rd.get(y - 2)!;
      // 连续三年研发投入保持正增长: growth in each of the three years before this one.
      const r = [1, 2, 3, 4].map((k) => rd.get(y - k));
      if (r.every((x) => x !== undefined)) facts.rdGrowthThreeYears = r[0]!.gt(r[1]!) && r[1]!.gt(r[2]!) && r[2]!.gt(r[3]!);
      matters.push(Object.assign({}, base, { event, label: `R&D of ${y - 1}`, title: { kind: "rd", year: y - 1 } as const, topic: "rd" as const, facts }));
    }
    if (revenue.has(y)) {
      const before = [...revenue].filter(([k]) => k < y).map(([, v]) => v);
      const best = before.reduce((a, b) => (b.gt(a) ? b : a), ZERO);
      matters.push(Object.assign({}, base, { event: event + 1, label: `Revenue of ${y}`, title: { kind: "revenue", year: y } as const, topic: "revenue" as const, facts: Object.assign({}, enterprise, { revenue: revenue.get(y)!, bestRevenueBefore: best }) }));
    }
  }
  const bestOutput = new Map<string, Decimal>();
  const vbpWon = new Set<string>();
  const ordered = s.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.year - b.e.year || a.i - b.i);
  for (const { e, i } of ordered) {
    const base = {
      year: e.year,
      event: i,
      probability: e.probability ?? s.defaults.probability,
      realisation: e.realisation ?? s.defaults.realisation,
    };
    const label = e.label ?? defaultLabel(e);
    const title: MatterTitle = e.label !== undefined ? { kind: "label", text: e.label } : titleOf(e);
    const product = "product" in e ? e.product : undefined;
    const push = (topic: Topic, facts: Record<string, FactValue>) => matters.push(Object.assign({}, base, { label, title, topic, product, facts: Object.assign({}, enterprise, facts) }));
    switch (e.type) {
      case "certificate":
        push("registration", { deviceClass: e.class, pathway: e.pathway, rdCost: d(e.rdCost) });
        if (e.localProduction) push("localProduction", { deviceClass: e.class, pathway: e.pathway, localProduction: true });
        break;
      case "innovativeReview":
        push("innovativeReviewEntry", { inInnovativeReview: true });
        break;
      case "fdaBreakthrough":
        push("fdaBreakthrough", { fdaBreakthrough: true, rdCost: d(e.rdCost) });
        break;
      case "clinical":
        push("clinical", { drugClass: e.drugClass, phase: e.phase, industrialised: e.industrialised ?? true });
        break;
      case "output": {
        const before = Decimal.max(bestOutput.get(e.product) ?? ZERO, e.bestBefore === undefined ? ZERO : d(e.bestBefore));
        const output = d(e.value);
        push("scaleup", { output, bestOutputBefore: before });
        bestOutput.set(e.product, Decimal.max(before, output));
        break;
      }
      case "vbp":
        // 深圳（十五） pays each winning year on that year's procurement (当年采购总金额), the bid value unless stated.
        push("vbp", {
          bidValue: d(e.bidValue),
          firstVbpWin: !e.wonBefore && !vbpWon.has(e.product),
          nationalVbp: e.national ?? true,
          procurementThisYear: d(e.procurementValue ?? e.bidValue),
        });
        vbpWon.add(e.product);
        break;
      case "firstSet":
        push("firstSet", e.recognitionYear === undefined ? { firstSetSales: d(e.sales) } : { firstSetSales: d(e.sales), firstSetRecognitionYear: d(e.recognitionYear) });
        break;
      case "insurance":
        push("insurance", { premium: d(e.premium) });
        break;
      case "facility":
        push("facility", { facilityCost: d(e.cost), areaM2: d(e.areaM2) });
        break;
      case "other":
        push(e.topic, factsFrom(e.facts, catalogFacts));
        break;
    }
  }
  return matters.sort((a, b) => a.year - b.year);
}

/**
 * Ruling 11: a window opens in the year the scenario states for its event (entry, contract,
 * production start: the first such fact of the plan), else in the first year a matter claims a
 * clause the event opens. Every matter then carries the opening year, so each evaluation knows
 * whether its own year falls inside. A window per product (ruling 19: a training project's first
 * three years; 昌平 第十条（一）'s recognition year) opens for each product on its own.
 */
function openWindows(matters: Matter[], eng: Engine): void {
  const windowed = eng.clauses.filter((c) => c.clause.window);
  const kinds = new Map(windowed.map((c) => [`${c.clause.window!.opensWith} ${c.clause.window!.per ?? ""}`, c.clause.window!]));
  for (const { opensWith, per } of kinds.values()) {
    const mine = windowed.filter((c) => c.clause.window!.opensWith === opensWith && c.clause.window!.per === per);
    // Each product's matters gathered in one pass: a filter per product would cost products × matters.
    const owners = new Map<string | undefined, Matter[]>();
    for (const m of matters) {
      const key = per === "product" ? m.product : undefined;
      const own = owners.get(key);
      if (own) own.push(m);
      else owners.set(key, [m]);
    }
    for (const own of owners.values()) {
      const stated = own.find((m) => m.facts[opensWith] !== undefined)?.facts[opensWith];
      const claimed = own.find((m) => mine.some((c) => c.clause.topic === m.topic && c.eligible(m.facts) !== "not-met"))?.year;
      const opens = stated ?? (claimed === undefined ? undefined : new Decimal(claimed));
      if (opens === undefined) continue;
      for (const m of own) if (m.facts[opensWith] === undefined) m.facts[opensWith] = opens;
    }
  }
}

/** An earlier matter of another event that may not happen, whose use of a limit this matter's figure rests on (ruling 24). */
export interface Earlier {
  readonly kind: "advance" | "once";
  /** The once-only key (limits.ts onceKey) it used; none for the advance. */
  readonly key?: string;
  readonly year: number;
  readonly title: MatterTitle;
}

/**
 * Rulings 12 and 13, settled on the plan as written (ruling 24): a product's once-only awards
 * (首次获批, 一次性; the enterprise's, for an award not about a product) are remembered as they
 * are paid, with the matter that took each, and the advance paid on entering a review (先期给予)
 * goes on the product's first certificate under the clause that paid it ahead, which pays what
 * exceeds it; later certificates are paid in full. (Totals per product, ruling 18, are counted
 * by the settlement, on what the plan pays after the annual caps.)
 */
function firstTimes(matters: Matter[], s: Scenario, eng: Engine): Matter[] {
  const topicsWhere = (pick: (c: Engine["clauses"][number]) => boolean) => new Set(eng.clauses.filter(pick).map((c) => c.clause.topic));
  const productTopics = topicsWhere((c) => (c.clause.once !== undefined && c.clause.once.per !== "enterprise") || c.clause.advance !== undefined);
  const enterpriseTopics = topicsWhere((c) => c.clause.once?.per === "enterprise");
  const advanceFrom = new Set(eng.clauses.filter((c) => c.clause.advance).map((c) => c.clause.advance!.from));
  const advanceTopics = topicsWhere((c) => c.clause.advance !== undefined);
  /** Per product, or undefined for the enterprise: each once-only award paid and the matter that took it. */
  const had = new Map<string | undefined, Map<string, Matter>>();
  const hadBy = (owner: string | undefined) => had.get(owner) ?? had.set(owner, new Map()).get(owner)!;
  const advances = new Map<string, { paid: Decimal; by: Matter }>();
  const ownerOf = (m: Matter): (string | undefined)[] => {
    const owners: (string | undefined)[] = enterpriseTopics.has(m.topic) ? [undefined] : [];
    if (m.product !== undefined && productTopics.has(m.topic)) owners.push(m.product);
    return owners;
  };
  // A matter with nothing after it to remember for (its owners' last) is not evaluated here.
  const last = new Map<string | undefined, number>();
  matters.forEach((m, i) => ownerOf(m).forEach((o) => last.set(o, i)));
  return matters.map((m, i) => {
    const owners = ownerOf(m);
    if (owners.length === 0) return m;
    const product = m.product;
    const facts = { ...m.facts };
    const advance = product === undefined || !advanceTopics.has(m.topic) ? undefined : advances.get(product);
    if (advance !== undefined) facts[ADVANCE_PAID] = advance.paid;
    const mine = owners.map(hadBy);
    const earlier: Earlier[] = [];
    const uncertain = (by: Matter, kind: Earlier["kind"], key?: string) => {
      if (by.event !== m.event && by.probability < 1) earlier.push({ kind, key, year: by.year, title: by.title });
    };
    if (advance) uncertain(advance.by, "advance");
    for (const h of mine) for (const [key, by] of h) uncertain(by, "once", key);
    const matter: Matter = Object.assign({}, m, { facts, onceTaken: new Set(mine.flatMap((h) => [...h.keys()])), earlier });
    if (owners.every((o) => last.get(o) === i)) return matter;
    const { lines } = eng.evaluate({
      topic: m.topic,
      region: s.enterprise.region as Region,
      zones: s.enterprise.zones,
      facts,
      year: m.year,
      issueDates: s.issueDates,
      onceTaken: matter.onceTaken,
    });
    for (const l of lines) {
      if (l.status !== "applied" && l.status !== "outranked") continue;
      const perEnterprise = l.clause.once?.per === "enterprise";
      const h = hadBy(perEnterprise ? undefined : product);
      const key = onceKey(l.clause, l.document, facts);
      if (key && (perEnterprise || product !== undefined) && !h.has(key)) h.set(key, m);
      if (l.status !== "applied" || product === undefined) continue;
      if (advanceFrom.has(l.clause.id) && l.amount.gt(0)) advances.set(product, { paid: (advances.get(product)?.paid ?? ZERO).plus(l.amount), by: m });
      // Recovered once (ruling 13): the certificate that netted it leaves nothing for the next.
      if (l.whole !== undefined) advances.delete(product);
    }
    return matter;
  });
}

function defaultLabel(e: ScenarioEvent): string {
  switch (e.type) {
    case "certificate":
      return `${e.product}: class ${e.class} certificate (${e.pathway})`;
    case "clinical":
      return `${e.product}: enters phase ${e.phase}`;
    case "output":
      return `${e.product}: output ${formatYuan(new Decimal(e.value))}`;
    case "other":
      return `${e.topic}`;
    default:
      return "product" in e ? `${e.product}: ${e.type}` : e.type;
  }
}

function titleOf(e: ScenarioEvent): MatterTitle {
  switch (e.type) {
    case "certificate":
      return { kind: "certificate", product: e.product, deviceClass: e.class, pathway: e.pathway };
    case "clinical":
      return { kind: "clinical", product: e.product, phase: e.phase };
    case "output":
      return { kind: "output", product: e.product, value: new Decimal(e.value) };
    case "other":
      return { kind: "other", topic: e.topic };
    default:
      return { kind: "event", type: e.type, product: "product" in e ? e.product : undefined };
  }
}
