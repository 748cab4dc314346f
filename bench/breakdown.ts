import { Decimal, engine, inForceDuring, ZERO, type Query, type Topic } from "../src/engine";
import { CellError, type CellResult } from "../src/functions/cells";
import { code, deviceClasses, region } from "../src/functions/coerce";
import { callAmount, definitions, evaluateCell } from "../src/functions/subsidy";
import { measure, ratioOf, type Batch, type Options } from "./harness";
import { makeRegistration, verifyPrototype, type Undo } from "./prototype";
import { toNumberFast } from "./tonumber";

/**
 * `node lib/bench/run.js --breakdown`: where one REGISTRATION(3, 5e6, "shenzhen") call spends
 * its time, piece by piece, and what-if measurements of cheaper ways to do some of those
 * pieces. The what-ifs are written here, against the same inputs, so a suggestion for src/
 * comes with a measured saving; nothing in src/ is changed.
 */

const M = 1023;
const fill = <T>(v: T): T[] => new Array<T>(M + 1).fill(v);
const use = (r: CellResult): number => (typeof r === "number" ? r : 1);
const useD = (d: Decimal): number => d.e + d.d[0];

/** Where the facts objects go, so that neither what-if variant can have them optimised away. */
let escape: unknown;

export function breakdown(opts: Options): void {
  const xs = fill(5e6);
  const big = fill(4e7);
  const rate = new Decimal("0.4");
  const cap = new Decimal("5000000");
  const def = definitions.REGISTRATION;
  const cls = fill(3);
  const regionsIn = fill<string>("shenzhen");
  const q = def.query([3, 5e6, "shenzhen"]) as Query;
  const e = engine();
  const twoM = e.amount(q);

  // toNumberFast must agree with toNumber before it is worth timing.
  for (const s of ["0", "2000000", "1500000", "10000000", "123456789012345", "700000000", "1200000", "999999999999999", "1e14"]) {
    const d = new Decimal(s);
    if (toNumberFast(d) !== d.toNumber()) throw new Error(`toNumberFast(${s}) = ${toNumberFast(d)}, toNumber ${d.toNumber()}`);
  }

  const pieces: [string, Batch][] = [
    [
      "new Decimal(5e6)  (decimal.js's small-integer path)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(new Decimal(xs[i & M]));
        return s;
      },
    ],
    [
      "new Decimal(4e7)  (≥ 1e7: through a string)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(new Decimal(big[i & M]));
        return s;
      },
    ],
    [
      "hand: Decimal.min(rate.times(new Decimal(x)), cap)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(Decimal.min(rate.times(new Decimal(xs[i & M])), cap));
        return s;
      },
    ],
    [
      "Decimal#toNumber()  (evaluateCell's last step)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += (i & 1 ? twoM : cap).toNumber();
        return s;
      },
    ],
    [
      "definitions.REGISTRATION.query(args)  (coerce.ts)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const r = def.query([3, xs[i & M], "shenzhen"]);
          s += r instanceof CellError ? 1 : r.region.length;
        }
        return s;
      },
    ],
    [
      '  of which region("shenzhen") + code(class 3)',
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const r = region(regionsIn[i & M]);
          const c = code("class", cls[i & M], deviceClasses, "1, 2 or 3");
          s += (typeof r === "string" ? r.length : 0) + (typeof c === "number" ? c : 0);
        }
        return s;
      },
    ],
    [
      "engine().amount(query)  (evaluate.ts fast path)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(e.amount(q));
        return s;
      },
    ],
    [
      "evaluateCell = query + amount + toNumber",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += use(evaluateCell("REGISTRATION", [3, xs[i & M], "shenzhen"]));
        return s;
      },
    ],
    [
      "callAmount = evaluateCell + arity + lift + try",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += use(callAmount("REGISTRATION", [3, xs[i & M], "shenzhen"]));
        return s;
      },
    ],
    [
      "engine().evaluate(query)  (the trace path)",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(e.evaluate(q).amount);
        return s;
      },
    ],
  ];
  const ms = measure(
    pieces.map(([, b]) => b),
    opts,
  );
  const f = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7);
  console.log('\nWhere REGISTRATION(3, 5e6, "shenzhen") spends its time (median ns per call):');
  pieces.forEach(([label], i) => console.log(`  ${label.padEnd(52)} ${f(ms[i].ns)}  ±${(ms[i].spread * 100).toFixed(0)}%`));

  // What-ifs: the current way and a cheaper way, measured together.
  const topicsList: Topic[] = ["registration", "rd", "scaleup", "revenue", "vbp", "firstSet", "insurance", "facility", "clinical"];
  const regionsList = ["changping", "beijing", "shenzhen"] as const;
  const flat = new Map<string, number>();
  const nested: Record<string, Record<string, number>> = {};
  topicsList.forEach((t, i) =>
    regionsList.forEach((r, j) => {
      flat.set(`${t}|${r}`, i * 3 + j);
      (nested[t] ??= {})[r] = i * 3 + j;
    }),
  );
  const topicsIn = fill<Topic>("registration");

  // The clauses REGISTRATION(…, "shenzhen") walks: every one of the group is tested, though the
  // device class and pathway codes alone rule out all but one.
  const walked = e.clauses.filter((c) => c.clause.topic === "registration" && c.clause.formula && c.document.jurisdiction === "shenzhen");
  const matching = walked.filter((c) => c.eligible(q.facts) === "met");
  const factsIn = fill(q.facts);

  const whatIf: [string, Batch, Batch][] = [
    [
      `amount(): test all ${walked.length} clauses of the group → only the ${matching.length} its codes select`,
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const f = factsIn[i & M];
          for (const c of walked) if (inForceDuring(c.window, undefined) && c.eligible(f) === "met") s++;
        }
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const f = factsIn[i & M];
          for (const c of matching) if (inForceDuring(c.window, undefined) && c.eligible(f) === "met") s++;
        }
        return s;
      },
    ],
    [
      "result to number: toNumber() → integer fast path",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += (i & 1 ? twoM : cap).toNumber();
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += toNumberFast(i & 1 ? twoM : cap);
        return s;
      },
    ],
    [
      "groups(): Map.get(`${topic}|${region}`) → nested object",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += flat.get(`${topicsIn[i & M]}|${regionsIn[i & M]}`) ?? 0;
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += nested[topicsIn[i & M]]?.[regionsIn[i & M]] ?? 0;
        return s;
      },
    ],
    [
      "amount(): total = ZERO.plus(best) → best when one group",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) s += useD(ZERO.plus(i & 1 ? twoM : cap));
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const best = i & 1 ? twoM : cap;
          let total: Decimal | undefined;
          total = total === undefined ? best : total.plus(best);
          s += useD(total);
        }
        return s;
      },
    ],
    [
      "matter(): Object.values(facts) scan → test each argument",
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const facts: Record<string, Decimal | number | string | CellError> = { deviceClass: 3, rdCost: i & 1 ? twoM : cap, pathway: "standard" };
          for (const v of Object.values(facts)) if (v instanceof CellError) s++;
          escape = facts;
          s += facts.deviceClass as number;
        }
        return s;
      },
      (n) => {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const rdCost: Decimal | CellError = i & 1 ? twoM : cap;
          if (rdCost instanceof CellError) s++;
          const facts = { deviceClass: 3, rdCost, pathway: "standard" };
          escape = facts;
          s += facts.deviceClass;
        }
        return s;
      },
    ],
  ];
  console.log("\nWhat-ifs, measured together (median ns per call; saving = now − instead):");
  let saved = 0;
  for (const [label, now, instead] of whatIf) {
    const [a, b] = measure([now, instead], opts);
    const r = ratioOf(a, b);
    saved += Math.max(0, a.ns - b.ns);
    console.log(`  ${label.padEnd(72)} ${f(a.ns)} → ${f(b.ns)}  (saves ${f(a.ns - b.ns).trim()} ns, ${r.toFixed(1)}× faster)`);
  }
  if (escape === undefined) console.log("(no facts escaped)");
  console.log(`  together about ${saved.toFixed(0)} ns per call, of callAmount's ${ms[8].ns.toFixed(0)} ns`);

  // All but the clause pre-selection, applied together in bench/prototype.ts and timed end to end,
  // then each undone on its own: what each is worth in context.
  const undos: [string, Undo][] = [
    ["prototype, every suggestion applied", {}],
    ["  but Decimal#toNumber", { toNumber: true }],
    ["  but the `${topic}|${region}` Map key", { mapKey: true }],
    ["  but ZERO.plus(best)", { zeroPlus: true }],
    ["  but the Object.values scan", { scan: true }],
    ["  but engine().amount(query) itself", { engineAmount: true }],
    ["  but all four (≈ evaluateCell)", { toNumber: true, mapKey: true, zeroPlus: true, scan: true }],
  ];
  const variants = undos.map(([, u]) => makeRegistration(u));
  verifyPrototype(variants);
  const loops: Batch[] = variants.map(
    (v) =>
      new Function("v", "xs", "M", "return (n) => { let s = 0; for (let i = 0; i < n; i++) s += v([3, xs[i & M], 'shenzhen']); return s; };")(
        v,
        xs,
        M,
      ) as Batch,
  );
  loops.push((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += use(callAmount("REGISTRATION", [3, xs[i & M], "shenzhen"]));
    return s;
  });
  loops.push((n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += useD(Decimal.min(rate.times(new Decimal(xs[i & M])), cap));
    return s;
  });
  const pm = measure(loops, opts);
  const hand = pm[pm.length - 1];
  const base = pm[0];
  console.log('\nPrototype of the cell path (bench/prototype.ts, same answers as callAmount), REGISTRATION(3, 5e6, "shenzhen"):');
  undos.forEach(([label], i) =>
    console.log(
      `  ${label.padEnd(44)} ${f(pm[i].ns)} ns  ${ratioOf(pm[i], hand).toFixed(2)}× hand${i === 0 ? "" : `  (+${(pm[i].ns - base.ns).toFixed(0)} ns)`}`,
    ),
  );
  const fn = pm[pm.length - 2];
  console.log(`  ${"callAmount today".padEnd(44)} ${f(fn.ns)} ns  ${ratioOf(fn, hand).toFixed(2)}× hand`);
  console.log(`  ${"hand-written decimal.js".padEnd(44)} ${f(hand.ns)} ns`);
}
