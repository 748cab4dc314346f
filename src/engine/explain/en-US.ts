import type { Condition, LeafCondition, Topic } from "../catalog/schema";
import { shortHash } from "../catalog/pack-hash";
import { codeText } from "./codes";
import type { BindingCap } from "./trace";
import { boundText, factName, lowerFirst, rate, refs, sep, valueText, type FactTable } from "./common";
import { sourceOf } from "./sources";
import type { Source, Words } from "./words";

const topicWords: Record<Topic, string> = {
  registration: "registration certificate",
  innovativeReviewEntry: "entry into the innovative or priority review",
  fdaBreakthrough: "FDA Breakthrough Devices Program",
  localProduction: "local production",
  rd: "R&D input",
  insurance: "insurance",
  rdCentre: "R&D centre or key laboratory",
  innovation: "original innovation and technology breakthroughs",
  digital: "AI and digital projects",
  majorProject: "major project",
  specialFundMatching: "matching of national or municipal special funds",
  space: "industrial space and rent",
  scaleup: "single-product output milestone",
  revenue: "main-business revenue milestone",
  platform: "public service platform",
  firstSet: "first-of-its-kind equipment (首台套)",
  vbp: "volume-based procurement",
  clinicalApplication: "application demonstration and post-market evaluation",
  overseas: "going overseas",
  events: "conferences, forums and exhibitions",
  clinical: "new-drug clinical trial",
  drugRegistration: "drug registration certificate",
  mah: "marketing authorisation holder and contract manufacture",
  salesPlatform: "sales platform",
  talent: "talent",
  finance: "funds and credit",
  facility: "GMP plant",
  clinicalService: "clinical-trial services of a hospital",
  institution: "institutions, journals and alliances",
  training: "training",
  regulatory: "review, testing and customs",
  market: "hospital entry and procurement",
  environment: "business environment and land",
};

const sourceWords: Record<Source, string> = {
  enterprise: "the enterprise's details in the scenario",
  financials: "the scenario's yearly financials",
  certificate: "a certificate event in the scenario",
  innovativeReview: "an entry-into-review event in the scenario",
  fdaBreakthrough: "an FDA breakthrough event in the scenario",
  clinical: "a clinical-trial event in the scenario",
  output: "an output event in the scenario",
  vbp: "a procurement event in the scenario",
  firstSet: "a first-of-its-kind event in the scenario",
  insurance: "an insurance event in the scenario",
  facility: "a plant event in the scenario",
  eventFacts: "an event's further facts in the scenario (the Inputs table's Facts column)",
};

const eventWords: Record<string, string> = {
  innovativeReview: "enters the innovative review",
  fdaBreakthrough: "enters the FDA Breakthrough Devices Program",
  vbp: "volume-based procurement",
  firstSet: "first-of-its-kind equipment",
  insurance: "insurance",
  facility: "GMP plant",
};

const ops = { gte: "at least", gt: "above", lt: "below", lte: "at most" } as const;

/** American English, for a CFO: amounts in yuan with separators, facts by their labels. */
export function enUS(facts: FactTable): Words {
  const yuan = (x: string) => x;
  const quantity = (x: string, unit: string | undefined) => (unit && unit !== "yuan" ? `${x} ${unit}` : x);
  const code = (fact: string, v: string | number) => codeText(fact, v, "en-US");
  const fact = (name: string) => lowerFirst(factName(facts, name, "en"));
  const value = (f: string, v: unknown) => valueText(facts, f, v, { yuan, quantity, code, yes: "yes", no: "no" });
  const sum = (ref: string | readonly string[]) => refs(ref).map(fact).join(" + ");

  const leaf = (c: LeafCondition): string => {
    if (c.op === "is") return c.value ? fact(c.fact) : `not: ${fact(c.fact)}`;
    if (c.op === "in") return `${fact(c.fact)} is ${c.value.map((v) => code(c.fact, v)).join(" or ")}`;
    return `${sum(c.fact)} ${ops[c.op]} ${boundText(facts, c, { yuan, quantity })}`;
  };
  const cap = (c: BindingCap) => `${c.perUnit ? "" : "up to "}${sep(c.amount)} per ${c.per.en}`;
  const condition = (c: Condition): string => ("any" in c ? c.any.map((b) => b.map(leaf).join(" and ")).join("; or ") : leaf(c));

  return {
    lang: "en-US",
    yuan,
    quantity,
    fact,
    value,
    step(s) {
      switch (s.code) {
        case "rate":
          return `${s.assumed ? "assumed rate " : ""}${rate(s.rate)} × ${sum(s.base)} ${sep(s.value)}${s.standsFor ? ` (ASSUMPTION: taken for ${sum(s.standsFor)}, which the plan does not state)` : ""} = ${sep(s.result)}`;
        case "fixed":
          if (!s.quoted) return `a fixed ${sep(s.amount)}`;
          return s.ceiling ? `up to ${sep(s.amount)} (${s.quoted})` : `${sep(s.amount)} (${s.quoted})`;
        case "lookup":
          return `${fact(s.fact)}: ${value(s.fact, s.key)} → ${sep(s.result)}`;
        case "milestone":
          return s.threshold
            ? `${fact(s.fact)} ${value(s.fact, s.now)} first reaches ${value(s.fact, s.threshold)} (highest before: ${value(s.fact, s.before)}) → ${sep(s.result)}`
            : `${fact(s.fact)} ${value(s.fact, s.now)} reaches no threshold for the first time (highest before: ${value(s.fact, s.before)}) → 0`;
        case "tier":
          return s.threshold
            ? `${fact(s.fact)} ${value(s.fact, s.now)} reaches ${value(s.fact, s.threshold)} → ${sep(s.result)}`
            : `${fact(s.fact)} ${value(s.fact, s.now)} reaches no step → 0`;
        case "unspecified":
          return s.assumes === "amount" ? "the text gives no figure (定额 / 一定支持): 0 unless an amount is assumed" : "the text gives no rate (一定比例): 0 unless a rate is assumed";
        case "assumedAmount":
          return `assumed amount ${sep(s.amount)}`;
        case "unitCap":
          return `cap ${sep(s.amount)} per ${s.per.en} × ${value(s.fact, s.units)} = ${sep(s.limit)}`;
        case "capped":
          return `capped at ${sep(s.result)} (${cap(s.cap)}: “${s.cap.sentence}”)`;
        case "advance":
          return `less the advance already paid for the product on entering the review (先期给予, ${s.article}): ${sep(s.before)} − ${sep(s.advance)} → ${sep(s.result)}`;
      }
    },
    cap,
    condition,
    reason(r) {
      switch (r.code) {
        case "outOfValidity":
          return `not in force in ${r.year} (in force ${r.from ?? "…"} to ${r.to ?? "…"})`;
        case "otherSector":
          return `for ${r.sectors.map((s) => code("sector", s)).join(" and ")}, not ${code("sector", String(r.sector))}`;
        case "notMet": {
          const given = Object.entries(r.given).map(([f, v]) => (Object.keys(r.given).length === 1 ? value(f, v) : `${fact(f)}: ${value(f, v)}`));
          return `condition not met: ${condition(r.condition)}${given.length ? ` (here: ${given.join("; ")})` : ""}`;
        }
        case "unknown": {
          const them = r.facts.length === 1 ? "it" : "them";
          const pays =
            r.wouldPay === undefined
              ? `the amount depends on ${them}`
              : r.unspecified
                ? `even then the text gives no amount (0 unless ${r.unspecified === "amount" ? "an amount" : "a rate"} is assumed)`
                : r.upTo
                  ? `this clause pays up to ${sep(r.wouldPay)}, depending on ${them}`
                  : `should ${r.facts.length === 1 ? "it hold" : "they hold"}, this clause pays ${sep(r.wouldPay)}`;
          const by = r.facts.length === 1 ? sourceWords[sourceOf(r.facts[0])] : r.facts.map((f) => `${fact(f)}: ${sourceWords[sourceOf(f)]}`).join("; ");
          return `not given: ${r.facts.map(fact).join("; ")}; ${pays}. Given by ${by}`;
        }
        case "outsideWindow":
          return `outside its years: “${r.sentence}” runs ${r.from}–${r.to}, not ${r.year}`;
        case "onceTaken":
          return r.perEnterprise
            ? `paid once (“${r.sentence}”): the enterprise already had it`
            : `paid once per product${r.perClass ? " and class" : ""} (“${r.sentence}”): this product already had it`;
      }
    },
    note(n) {
      switch (n.code) {
        case "annualCapReduced":
          return `reduced from ${sep(n.from)} to ${sep(n.to)}: per-enterprise annual cap ${sep(n.cap)} (${n.title.en} ${n.article}: “${n.sentence}”)`;
        case "yearsUsedUp":
          return `not paid: at most ${n.maxYears} years (累计不超过${n.maxYears}年), and the ${n.maxYears} years of this support are used up`;
        case "totalReduced":
          return `reduced from ${sep(n.from)} to ${sep(n.to)}: at most ${sep(n.cap)} per ${n.per.en} over all years${n.sentence ? ` (“${n.sentence}”)` : ""}, of which ${sep(n.paid)} was paid before`;
        case "tieAfterCaps":
          return `paid under this clause: ${n.other} pays the same before caps, but its annual cap ${sep(n.cap)} (“${n.sentence}”) would cut it`;
        case "earlierUncertain": {
          const what = { advance: "the advance this line nets was paid for", once: "this once-only award went to", total: "part of this total cap went to" }[n.kind];
          return `${what} ${this.title(n.title)} (${n.year}), which may not happen; settled on the plan as written, this figure errs low where it does not`;
        }
      }
    },
    planWarning(w) {
      const which = `event ${w.event + 1}, ${w.product}'s certificate through the national innovative or priority review`;
      return w.code === "reviewEntryMissing"
        ? `${which}: the plan has no entry of ${w.product} into that review by the certificate's year; a certificate by that review presupposes it (先期给予 is paid on entry and taken off the certificate)`
        : `${which}: its entry into the review (event ${w.entry + 1}) is less likely (${w.entryProbability}) than the certificate (${w.probability}), which presupposes it`;
    },
    flag(code, v, quote) {
      const q = quote ? ` (“${quote}”)` : "";
      switch (code) {
        case "draft": return "draft policy (征求意见稿)";
        case "discretionary": return "discretionary (经认定/择优/经评审): the ceiling is shown";
        case "oneTime": return "one-time";
        case "phased": return "paid in stages";
        case "advance": return "advance (先期给予) on the same product's certificate award, which then pays only what exceeds it";
        case "unspecified": return `amount unspecified in the text (0 unless ${v === "amount" ? "an amount" : "a rate"} is assumed)`;
        case "assumed":
          return v === "base" ? "ASSUMPTION: rests on another text's base for the same costs, read for this text's own, which the plan does not state" : `ASSUMPTION: rests on an assumed ${v === "amount" ? "amount" : "rate"}`;
        case "annualCap": return `per-enterprise cap ${v} a year${q}, applied by the forecast`;
        case "maxYears": return `at most ${v} years${q}, applied by the forecast`;
        case "window": return v === "1" ? `only the year of the event that opens it${q}` : `${v} consecutive years from the event that opens them${q}`;
        case "once": return v === "enterprise" ? `once${q}` : `once per product${v === "product-class" ? " and class" : ""}${q}`;
        case "inForceFrom": return `in force from ${v}: this year counts from that day`;
        case "validUntil": return `valid until ${v}`;
        case "validityYears": return `valid ${v} years from an issue date the text does not state`;
        case "expiring": return `policy expires within the horizon (${v})`;
      }
    },
    awaitingPack: (o) => `pack ${o.titleEn} v${o.version} by ${o.author} (sha256 ${shortHash(o.hash)}) would replace this clause and waits for approval in the task pane: this figure is still the text in force's`,
    fromPack: (o) => `from pack ${o.titleEn} v${o.version} by ${o.author} (sha256 ${shortHash(o.hash)})`,
    cite: ({ document, clause }) => `${document.titleEn}, ${clause.article}`,
    status(status, amount, by, tie) {
      switch (status) {
        case "applied": return `pays ${amount}`;
        case "outranked":
          if (tie) return `gives the same ${amount}${by ? ` as ${by}` : ""}; paid once (从优不重复 / 就高不就低)`;
          return `would pay ${amount}; not paid: a more favourable clause of the same matter wins (从优不重复 / 就高不就低)${by ? `: ${by}` : ""}`;
        case "not-met": return "does not apply";
        case "unknown": return "cannot tell";
        case "out-of-validity": return "out of validity";
        case "other-sector": return "other sector";
      }
    },
    title(t) {
      switch (t.kind) {
        case "label": return t.text;
        case "rd": return `R&D of ${t.year}`;
        case "revenue": return `Revenue of ${t.year}`;
        case "certificate": return `${t.product}: ${code("deviceClass", t.deviceClass)} certificate (${code("pathway", t.pathway)})`;
        case "clinical": return `${t.product}: enters ${code("phase", t.phase)}`;
        case "output": return `${t.product}: output ${sep(t.value)}`;
        case "other": return topicWords[t.topic as Topic] ?? t.topic;
        case "event": return t.product ? `${t.product}: ${eventWords[t.type] ?? t.type}` : (eventWords[t.type] ?? t.type);
      }
    },
    total: (call, amount) => `${call} = ${amount} yuan`,
    assumedZones: (path, zones) =>
      `Region: ${path.map((p) => p.en).join(" › ")}, taken as a member of ${zones.map((z) => z.en).join(", ")}, as the name given assumes (an enterprise outside it writes the path, ${path.map((p) => p.zh).join("›")})`,
    colon: ": ",
    semicolon: "; ",
    noClause: "No clause of the catalog covers this matter in this region.",
    accountsHeading: "cash and profit",
    flagsHeading: "flags",
    furtherHeading: "Further awards a scenario can reach for this product:",
    further: (e) => (e === "localProduction" ? "if it is produced locally (落地生产)" : "on entering the innovative or priority review"),
    lineAmounts: (ceiling, expected) => `${ceiling} / ${expected}`,
    linesHeading: "Lines (ceiling / expected):",
    forecastHeader: (region, catalog, method) => `region ${region}; catalog ${catalog}; ${method}; yuan`,
    assumedFootnote: "Figures marked as assumptions rest on assumed rates or amounts for clauses the texts leave open, or on another text's base for the same costs where the plan does not state a text's own.",
    method: (m) => (m.kind === "exact" ? `exact over ${m.worlds} combinations of uncertain events` : `Monte Carlo, ${m.draws} draws, seed ${m.seed}`),
    cut: "… (cut at Excel's limit of 32,767 characters in a cell)",
  };
}
