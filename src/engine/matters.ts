import type { Topic } from "./catalog/schema";
import { engine } from "./evaluate";
import { factsFrom, type FactValue } from "./facts";
import type { MatterTitle } from "./explain/trace";
import { Decimal, formatYuan, ZERO } from "./money";
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
}

/** The matters of a scenario, in year order: its events, plus R&D and revenue from the financials. */
export function mattersOf(s: Scenario, catalogFacts = engine().catalog.facts): Matter[] {
  const d = (v: string | number) => new Decimal(v);
  const revenue = new Map<number, Decimal>();
  const rd = new Map<number, Decimal>();
  for (const f of s.financials) {
    if (f.revenue !== undefined) revenue.set(f.year, d(f.revenue));
    if (f.rd !== undefined) rd.set(f.year, d(f.rd));
  }
  const enterprise: Record<string, FactValue> = { sector: s.enterprise.sector };
  if (s.enterprise.sme !== undefined) enterprise.sme = s.enterprise.sme;
  const matters: Matter[] = [];
  const yearly = s.events.length;
  for (let y = s.horizon.from; y <= s.horizon.to; y++) {
    const event = yearly + (y - s.horizon.from) * 2;
    const base = { year: y, probability: 1, realisation: s.defaults.realisation };
    if (rd.has(y - 1)) {
      const facts: Record<string, FactValue> = { ...enterprise, rdLastYear: rd.get(y - 1)! };
      if (revenue.has(y - 1)) facts.revenueLastYear = revenue.get(y - 1)!;
      if (rd.has(y - 2)) facts.rdYearBefore = rd.get(y - 2)!;
      // 连续三年研发投入保持正增长: growth in each of the three years before this one.
      const r = [1, 2, 3, 4].map((k) => rd.get(y - k));
      if (r.every((x) => x !== undefined)) facts.rdGrowthThreeYears = r[0]!.gt(r[1]!) && r[1]!.gt(r[2]!) && r[2]!.gt(r[3]!);
      matters.push({ ...base, event, label: `R&D of ${y - 1}`, title: { kind: "rd", year: y - 1 }, topic: "rd", facts });
    }
    if (revenue.has(y)) {
      const before = [...revenue].filter(([k]) => k < y).map(([, v]) => v);
      const best = before.reduce((a, b) => (b.gt(a) ? b : a), ZERO);
      matters.push({ ...base, event: event + 1, label: `Revenue of ${y}`, title: { kind: "revenue", year: y }, topic: "revenue", facts: { ...enterprise, revenue: revenue.get(y)!, bestRevenueBefore: best } });
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
    const push = (topic: Topic, facts: Record<string, FactValue>) => matters.push({ ...base, label, title, topic, facts: { ...enterprise, ...facts } });
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
        push("clinical", { drugClass: e.drugClass, phase: e.phase });
        break;
      case "output": {
        const before = Decimal.max(bestOutput.get(e.product) ?? ZERO, e.bestBefore === undefined ? ZERO : d(e.bestBefore));
        push("scaleup", { output: d(e.value), bestOutputBefore: before });
        bestOutput.set(e.product, Decimal.max(before, d(e.value)));
        break;
      }
      case "vbp":
        push("vbp", { bidValue: d(e.bidValue), firstVbpWin: !e.wonBefore && !vbpWon.has(e.product) });
        vbpWon.add(e.product);
        break;
      case "firstSet":
        push("firstSet", { firstSetSales: d(e.sales) });
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
