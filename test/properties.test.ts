import DecimalJs from "decimal.js";
import fc from "fast-check";
import { engine, formatYuan, jurisdictionsOf, placesOf, type Clause, type ClauseLine, type Query, type Region } from "../src/engine";
import { CellError, type CellResult } from "../src/functions/cells";
import { amountFunctions, callAmount, definitions, type AmountFunction } from "../src/functions/subsidy";
import { call, explain } from "../src/functions/reports";

/**
 * Properties of the SUBSIDY functions (issue 2, "Done when"), checked with fast-check over
 * every pinned function, through the very entry points Excel and the CLI use: callAmount,
 * explain and call. Every bound and threshold used here is read from the catalog, not written
 * down, so the properties follow the catalog as it is edited.
 *
 * Expected values are computed with decimal.js itself (a clone at 100 digits), not with the
 * engine's Decimal, so that a loss of precision in the engine shows.
 */

const Dec = DecimalJs.clone({ precision: 100 });
type Dec = DecimalJs;

const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: n });

// ---------------------------------------------------------------------------------------------
// The catalog, read once
// ---------------------------------------------------------------------------------------------

const { catalog } = engine();
// A clause's jurisdiction as stacking sees it (ruling 21): 昌平组团's texts pay a matter once with 昌平区's.
const { unitOf } = placesOf(catalog);
const allClauses = catalog.documents.flatMap((d) => d.clauses.map((clause) => ({ clause, jurisdiction: unitOf(d.jurisdiction) })));
const unitsOf = (region: Region) => [...new Set(jurisdictionsOf(region).map(unitOf))];

/** The topic each function asks the engine about, from its own query on plain arguments. */
function topicOf(name: AmountFunction): string {
  const plain: Record<string, unknown> = { class: 3, region: "changping", drugClass: 1, phase: 1, pathway: undefined, year: undefined };
  const args = definitions[name].params.map((p) => (p in plain ? plain[p] : 1));
  const q = definitions[name].query(args as never);
  if (q instanceof CellError) throw new Error(`${name}: plain arguments ${JSON.stringify(args)} give ${q.toString()}`);
  return q.topic;
}

/** The leaf conditions of a clause, with any-of branches flattened. */
function leaves(clause: Clause): { fact: string | string[]; op: string; value: unknown }[] {
  return clause.conditions.flatMap((c) => ("any" in c ? c.any.flat() : [c])) as { fact: string | string[]; op: string; value: unknown }[];
}

/**
 * The most a clause can give on these facts, from its catalog entry: its lowest fixed cap, its
 * per-unit caps times the units, and the fixed amount, table or tiers of its formula.
 * Undefined when the entry bounds nothing (a bare rate).
 */
function ceilingOf(clause: Clause, facts: Query["facts"]): Dec | undefined {
  const bounds: Dec[] = [];
  for (const cap of clause.caps) {
    if (cap.base === undefined) bounds.push(new Dec(cap.amount));
    else {
      const units = facts[cap.base];
      if (units instanceof DecimalJs) bounds.push(new Dec(cap.amount).times(units.toString()));
    }
  }
  const f = clause.formula;
  if (f?.kind === "fixed") bounds.push(new Dec(f.amount));
  if (f?.kind === "lookup") bounds.push(Dec.max(...Object.values(f.table)));
  if (f?.kind === "milestones" || f?.kind === "steps") bounds.push(Dec.max(...f.tiers.map((t) => t.amount)));
  return bounds.length === 0 ? undefined : Dec.min(...bounds);
}

/** The bases at which something changes: thresholds, tier steps, caps, and where a cap starts to bind. */
const breakpoints: number[] = (() => {
  const out = new Set<number>([0, 1]);
  for (const { clause } of allClauses) {
    for (const l of leaves(clause)) if (typeof l.value === "string") out.add(Number(l.value));
    const f = clause.formula;
    if (f?.kind === "milestones" || f?.kind === "steps") for (const t of f.tiers) out.add(Number(t.threshold));
    for (const cap of clause.caps) {
      out.add(Number(cap.amount));
      if (f?.kind === "rate") out.add(new Dec(cap.amount).div(f.rate).toNumber());
    }
  }
  return [...out].filter(Number.isFinite).sort((a, b) => a - b);
})();

// ---------------------------------------------------------------------------------------------
// Arguments: Excel-like anything, and well-typed ones
// ---------------------------------------------------------------------------------------------

const regionSpellings = ["changping", "beijing", "shenzhen", "昌平", "昌平区", "北京", "北京市", "深圳", "深圳市", " ShenZhen ", "CHANGPING"];
const codeSpellings = [
  "I",
  "ii",
  "III",
  "ⅲ",
  "一类",
  "二类",
  "三类",
  "class iii",
  "standard",
  "innovative",
  "major",
  "Major",
  "优先",
  "重大二类",
  "1类",
  "5类",
  "ⅱ期",
];

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e300, -1e300, 1e-300, 5e-324, -1, 0.5, 2.5, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 2026),
);
const anyString = fc.oneof(
  fc.string(),
  fc.double().map(String),
  fc.integer().map((n) => ` ${n} `),
  fc.constantFrom(...regionSpellings, ...codeSpellings),
  fc.constantFrom(
    "",
    " ",
    "\t",
    "1e400",
    "-1e400",
    "-5",
    "-0",
    "+3",
    ".5",
    "5.",
    "NaN",
    "Infinity",
    "0x10",
    "1,000",
    "５",
    "1e",
    "e5",
    "true",
    "#VALUE!",
    "SUBSIDY.RESEARCH",
  ),
);
const anyCell = fc.oneof(anyNumber, anyString, fc.boolean(), fc.constant(null), fc.constant(undefined));
const anyRange = fc.oneof(
  // rectangles
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([r, c]) => fc.array(fc.array(anyCell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
  // ragged, empty, one-dimensional, three-dimensional
  fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 4 }),
  fc.array(anyCell, { maxLength: 3 }),
  fc.constantFrom([], [[]], [[[1, 2]]], [[[]]], [[["shenzhen"]]]),
);
const anyArg = fc.oneof({ weight: 5, arbitrary: anyCell }, { weight: 1, arbitrary: anyRange as fc.Arbitrary<unknown> });
/** Any number of any arguments, and the right number of any arguments. */
const anyArgs = (name: AmountFunction): fc.Arbitrary<unknown[]> =>
  fc.oneof(fc.array(anyArg, { maxLength: 7 }), fc.array(anyArg, { minLength: definitions[name].required, maxLength: definitions[name].params.length }));

/**
 * Amounts the engine accepts (amounts.ts): around the catalog's breakpoints, wide integers,
 * fractions, up to the 10^15 bound, and as text. Doubles from 10^-4 up have at most 20 decimal
 * places (17 significant digits after 3 zeros); smaller ones are refused, as the bounds say.
 */
const amountNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...breakpoints), fc.constantFrom(-1, -0.01, 0, 0, 0.01, 1)).map(([b, d]) => Math.max(0, b + d)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n * 2) },
  { weight: 1, arbitrary: fc.double({ min: 1e-4, max: 1e12, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 1e-4, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-4, 0.5, 1e15) },
);
const amountArg: fc.Arbitrary<number | string> = fc.oneof(
  { weight: 4, arbitrary: amountNumber },
  { weight: 1, arbitrary: amountNumber.map((n) => (n > 0 && n < 1e21 ? ` ${String(n)} ` : String(n))) },
);

type Kind = "amount" | "deviceClass" | "pathway" | "year" | "region" | "drugClass" | "phase";
const kinds: Record<string, Kind> = {
  class: "deviceClass",
  pathway: "pathway",
  year: "year",
  region: "region",
  drugClass: "drugClass",
  phase: "phase",
};
const valid: Record<Kind, fc.Arbitrary<unknown>> = {
  amount: amountArg,
  deviceClass: fc.constantFrom(1, 2, 3, "1", "I", "ii", "III", "三类", "二类", " iii ", "Class III"),
  pathway: fc.constantFrom(undefined, null, "", "standard", "innovative", "major", "Innovative", "优先", "重大二类"),
  year: fc.constantFrom(undefined, null, "", 2020, 2024, 2025, 2026, 2028, 2029, 2035, "2026"),
  region: fc.constantFrom(...regionSpellings),
  drugClass: fc.constantFrom(1, 2, 3, 4, 5, "1类", "3"),
  phase: fc.constantFrom(1, 2, 3, "I", "ii", "III", "ⅲ期", "2"),
};
const kindOf = (param: string): Kind => kinds[param] ?? "amount";

/** Well-typed arguments for a function: every required one, and any number of the optional ones. */
function validArgs(name: AmountFunction): fc.Arbitrary<unknown[]> {
  const { params, required } = definitions[name];
  return fc.tuple(fc.integer({ min: required, max: params.length }), fc.tuple(...params.map((p) => valid[kindOf(p)]))).map(([n, all]) => all.slice(0, n));
}

/**
 * Each argument well-typed or anything (a negative, NaN or Infinity amount, a junk code), so
 * that one bad argument among good ones reaches the engine's side of the coercion.
 */
function mixedArgs(name: AmountFunction): fc.Arbitrary<unknown[]> {
  const { params, required } = definitions[name];
  const one = (p: string): fc.Arbitrary<unknown> =>
    kindOf(p) === "amount"
      ? fc.oneof({ weight: 2, arbitrary: valid.amount }, { weight: 2, arbitrary: anyNumber }, { weight: 1, arbitrary: anyCell })
      : fc.oneof({ weight: 3, arbitrary: valid[kindOf(p)] }, { weight: 1, arbitrary: anyCell });
  return fc.tuple(fc.integer({ min: required, max: params.length }), fc.tuple(...params.map(one))).map(([n, all]) => all.slice(0, n));
}

/** Two amounts lo ≤ hi: independent, close together, or either side of a catalog breakpoint. */
const amountPair: fc.Arbitrary<[number, number]> = fc
  .oneof(
    fc.tuple(amountNumber, amountNumber),
    fc
      .tuple(fc.constantFrom(...breakpoints), fc.constantFrom(0, 0.01, 1, 1000), fc.constantFrom(0, 0.01, 1, 1000))
      .map(([b, below, above]) => [Math.max(0, b - below), b + above] as [number, number]),
    fc.tuple(amountNumber, fc.constantFrom(0.01, 1, 2, 1000)).map(([a, d]) => [a, a + d] as [number, number]),
    fc.tuple(amountNumber, fc.double({ min: 1, max: 4, noNaN: true })).map(([a, k]) => [a, a * k] as [number, number]),
  )
  // Kept within the 10^15 bound the engine accepts.
  .map(([a, b]) => (a <= b ? [a, Math.min(b, 1e15)] : [b, Math.min(a, 1e15)]));

// ---------------------------------------------------------------------------------------------
// What a result may be
// ---------------------------------------------------------------------------------------------

const errorCodes = new Set(["#VALUE!", "#NUM!", "#N/A"]);

/** Why x is not a number, a text or an error value, or undefined if it is one. */
function badScalar(x: unknown): string | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? undefined : `non-finite number ${x}`;
  if (typeof x === "string") return undefined;
  if (x instanceof CellError) {
    return errorCodes.has(x.code) && typeof x.message === "string" && x.message.length > 0 ? undefined : `malformed error ${String(x.code)}`;
  }
  return `not a cell value: ${typeof x} ${String(x)}`;
}

/** Why r is not a cell value or a non-empty rectangle of them, or undefined. */
function badResult(r: unknown): string | undefined {
  if (!Array.isArray(r)) return badScalar(r);
  if (r.length === 0 || !r.every((row) => Array.isArray(row) && row.length === r[0].length && row.length > 0)) return "not a non-empty rectangle";
  for (const row of r as unknown[][]) {
    for (const x of row) {
      const bad = Array.isArray(x) ? "a range inside a range" : badScalar(x);
      if (bad) return bad;
    }
  }
  return undefined;
}

/** Every number in a result. */
const numbersOf = (r: CellResult): number[] => (Array.isArray(r) ? r.flat() : [r]).filter((x): x is number => typeof x === "number");

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof CellError && b instanceof CellError) return a.code === b.code && a.message === b.message;
  return Object.is(a, b);
}

const show = (args: readonly unknown[]): string =>
  JSON.stringify(args, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v === undefined ? "(undefined)" : v));

// ---------------------------------------------------------------------------------------------
// The properties
// ---------------------------------------------------------------------------------------------

describe.each(amountFunctions.map((name) => [name]))("%s", (name) => {
  it("on any Excel-like input returns a number, a text, an error value or a rectangle of them; never throws, never NaN or ±Infinity", () => {
    fc.assert(
      fc.property(fc.oneof(anyArgs(name), mixedArgs(name)), (args) => {
        const r = callAmount(name, args);
        const bad = badResult(r);
        if (bad) throw new Error(`${name}(${show(args)}): ${bad}`);
      }),
      runs(400),
    );
  });

  it("is never negative (nor -0), on any input and on well-typed input", () => {
    fc.assert(
      fc.property(fc.oneof(anyArgs(name), mixedArgs(name), validArgs(name)), (args) => {
        for (const n of numbersOf(callAmount(name, args))) {
          if (!(n >= 0) || Object.is(n, -0)) throw new Error(`${name}(${show(args)}) = ${n}`);
        }
      }),
      runs(300),
    );
  });

  it("on well-typed input returns a number, equal to the trace path's amount; EXPLAIN and call agree with it", () => {
    let paid = 0;
    fc.assert(
      fc.property(validArgs(name), (args) => {
        const r = callAmount(name, args);
        if (typeof r !== "number") throw new Error(`${name}(${show(args)}) = ${String(r)}, not a number`);
        if (r > 0) paid++;
        const q = definitions[name].query(args as never) as Query;
        const ev = engine().evaluate(q);
        expect(r).toBe(ev.amount.toNumber());
        expect(engine().amount(q).eq(ev.amount)).toBe(true);
        expect(call(name.toLowerCase(), args)).toBe(r);
        expect(call(`SUBSIDY.${name}`, args)).toBe(r);
        const text = explain(name, args);
        if (typeof text !== "string") throw new Error(`EXPLAIN ${name}(${show(args)}) = ${String(text)}`);
        expect(text.split("\n")[0]).toContain(`= ${formatYuan(ev.amount)} yuan`);
      }),
      runs(150),
    );
    // Well-typed input must reach the clauses, not only their zeros.
    expect(paid).toBeGreaterThan(0);
  });

  // Non-vacuity: the cap property must have bounded something, wherever the catalog bounds this topic.
  const topic = topicOf(name);
  const bounded = allClauses.some(({ clause }) => clause.topic === topic && clause.formula && ceilingOf(clause, {}) !== undefined);
  it(`never exceeds the caps of the clauses that applied (read from the catalog)${bounded ? "" : " — no clause of this topic has one"}`, () => {
    let checked = 0;
    fc.assert(
      fc.property(validArgs(name), (args) => {
        const q = definitions[name].query(args as never) as Query;
        const applied: ClauseLine[] = engine()
          .evaluate(q)
          .lines.filter((l) => l.status === "applied");
        // ruling 5: one clause per jurisdiction and matter is paid, and the amount is their sum.
        const total = applied.reduce((s, l) => s.plus(l.amount.toString()), new Dec(0));
        const r = callAmount(name, args) as number;
        expect(r).toBe(total.toNumber());
        const ceilings = applied.map((l) => ceilingOf(l.clause, q.facts));
        if (applied.length === 0 || ceilings.some((c) => c === undefined)) return;
        const bound = (ceilings as Dec[]).reduce((s, c) => s.plus(c), new Dec(0));
        if (total.gt(bound))
          throw new Error(`${name}(${show(args)}) = ${total.toFixed()} > ${bound.toFixed()}, the caps of ${applied.map((l) => l.clause.id).join(", ")}`);
        // The cell's number is the total rounded to a double; rounding keeps order, so compare it
        // with the bound rounded the same way.
        if (r > bound.toNumber()) throw new Error(`${name}(${show(args)}) = ${r} > ${bound.toNumber()}`);
        checked++;
      }),
      runs(250),
    );
    if (bounded) expect(checked).toBeGreaterThan(0);
  });

  it("lifts: a range of n rows (or columns) gives n rows (columns), each the scalar call on its row", () => {
    const { params, required } = definitions[name];
    const cellArb = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...params.map((p) => valid[kindOf(p)])) },
      { weight: 1, arbitrary: fc.tuple(...params.map(() => anyCell)) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: required, max: params.length }),
        fc.array(cellArb, { minLength: 1, maxLength: 12 }),
        // which arguments are ranges (one at least); the others are one value for all rows
        fc.array(fc.boolean(), { minLength: params.length, maxLength: params.length }),
        fc.integer({ min: 0, max: params.length - 1 }),
        fc.boolean(),
        fc.boolean(),
        (arity, rows, ranges, forced, horizontal, wrapScalars) => {
          const isRange = ranges.slice();
          isRange[Math.min(forced, arity - 1)] = true;
          const n = rows.length;
          const rowArgs = rows.map((row) => row.slice(0, arity).map((v, j) => (isRange[j] ? v : rows[0][j])));
          const args = Array.from({ length: arity }, (_, j) => {
            if (!isRange[j]) return wrapScalars ? [[rows[0][j]]] : rows[0][j];
            const column = rows.map((row) => row[j]);
            return horizontal ? [column] : column.map((v) => [v]);
          });
          const out = callAmount(name, args);
          if (!Array.isArray(out)) throw new Error(`${name}(${show(args)}) = ${String(out)}, not a range`);
          const shape = horizontal ? [1, n] : [n, 1];
          if (out.length !== shape[0] || out.some((r) => r.length !== shape[1])) {
            throw new Error(`${name}(${show(args)}): ${out.length}×${out[0]?.length} cells, expected ${shape[0]}×${shape[1]}`);
          }
          const cells = horizontal ? out[0] : out.map((r) => r[0]);
          cells.forEach((cell, i) => {
            const scalar = callAmount(name, rowArgs[i]);
            if (!sameCell(cell, scalar)) throw new Error(`${name} row ${i}: lifted ${String(cell)}, scalar ${String(scalar)} for ${show(rowArgs[i])}`);
          });
        },
      ),
      runs(120),
    );
  });
});

describe("EXPLAIN and call", () => {
  const names = fc.oneof(fc.constantFrom(...amountFunctions, "rd", "Subsidy.Registration", " VBP ", "EXPLAIN", "CLAUSES", "FORECAST", "", "SUBSIDY."), anyCell);

  it("EXPLAIN on any input returns a text or an error value, never throws", () => {
    fc.assert(
      fc.property(names, fc.array(anyArg, { maxLength: 6 }), (fn, args) => {
        const r = explain(fn, args);
        if (!(typeof r === "string" || r instanceof CellError) || badScalar(r)) throw new Error(`EXPLAIN(${show([fn, ...args])}) = ${String(r)}`);
      }),
      runs(400),
    );
  });

  it("EXPLAIN gives the same error value as the function for the same single-value arguments", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amountFunctions).chain((name) => fc.tuple(fc.constant(name), fc.oneof(fc.array(anyCell, { maxLength: 6 }), mixedArgs(name)))),
        ([name, args]) => {
          const r = callAmount(name, args);
          const text = explain(name, args);
          if (r instanceof CellError) expect(sameCell(text, r)).toBe(true);
          else expect(typeof text).toBe("string");
        },
      ),
      runs(400),
    );
  });

  it("call on any name and arguments returns a cell value or a rectangle of them, never throws; it is callAmount and EXPLAIN", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...amountFunctions, "EXPLAIN", "explain", "CLAUSES", "subsidy.scaleup"), fc.string()),
        fc.array(anyArg, { maxLength: 7 }),
        (fn, args) => {
          const r = call(fn, args);
          const bad = badResult(r);
          if (bad) throw new Error(`call ${fn}(${show(args)}): ${bad}`);
          const key = fn
            .trim()
            .toUpperCase()
            .replace(/^SUBSIDY\./, "");
          if ((amountFunctions as string[]).includes(key)) {
            const direct = callAmount(key as AmountFunction, args);
            expect(Array.isArray(r) ? JSON.stringify(r) : r instanceof CellError ? r.toString() : r).toEqual(
              Array.isArray(direct) ? JSON.stringify(direct) : direct instanceof CellError ? direct.toString() : direct,
            );
          }
          if (key === "EXPLAIN") expect(sameCell(r, explain(args[0], args.slice(1)))).toBe(true);
        },
      ),
      runs(400),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Monotone in the base, where the text is
// ---------------------------------------------------------------------------------------------

/**
 * f(…, lo, …) ≤ f(…, hi, …) for lo ≤ hi in argument `at`, the other arguments well-typed and
 * held. Some runs must see the amount actually rise, or the property tested nothing.
 */
function monotone(
  name: AmountFunction,
  at: number,
  others: fc.Arbitrary<unknown[]> = validArgs(name),
  base: fc.Arbitrary<[number, number]> = amountPair,
  examples: [unknown[], [number, number]][] = [],
): void {
  let rose = 0;
  fc.assert(
    fc.property(others, base, (args, [lo, hi]) => {
      const at2 = args.slice();
      const withLo = Object.assign(at2.slice(), { [at]: lo });
      const withHi = Object.assign(at2.slice(), { [at]: hi });
      const fLo = callAmount(name, withLo);
      const fHi = callAmount(name, withHi);
      if (typeof fLo !== "number" || typeof fHi !== "number") throw new Error(`${name}: ${String(fLo)} / ${String(fHi)} for ${show(withLo)}`);
      if (fLo > fHi) throw new Error(`${name} falls in ${definitions[name].params[at]}: ${show(withLo)} → ${fLo}, but ${show(withHi)} → ${fHi}`);
      if (fLo < fHi) rose++;
    }),
    { numRuns: 300, examples },
  );
  expect(rose).toBeGreaterThan(0);
}

/** Well-typed arguments with the ones named fixed. */
const holding = (name: AmountFunction, fixed: Record<number, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown[]> => {
  const { params } = definitions[name];
  return fc.tuple(...params.map((p, i) => fixed[i] ?? valid[kindOf(p)]));
};

/** The threshold of a catalog condition on `fact` with operator `op`, among the clauses of a topic. */
function thresholds(topic: string, fact: string | string[], op: string): number[] {
  const key = JSON.stringify(fact);
  return allClauses
    .filter(({ clause }) => clause.topic === topic && clause.formula)
    .flatMap(({ clause }) => leaves(clause).filter((l) => JSON.stringify(l.fact) === key && l.op === op))
    .map((l) => Number(l.value));
}

describe("monotone in the base where the text is", () => {
  it("REGISTRATION in rdCost", () =>
    monotone("REGISTRATION", 1, validArgs("REGISTRATION"), amountPair, [
      [
        [3, 0, "shenzhen"],
        [1e6, 2e6],
      ],
    ]));

  it("RESEARCH in rdLastYear, any other arguments held", () =>
    monotone("RESEARCH", 1, validArgs("RESEARCH"), amountPair, [
      [
        [2e7, 0, 4e6, "changping"],
        [6e6, 8e6],
      ],
    ]));

  it("RESEARCH in rdLastYear with the conditions held (revenue under the threshold, two years' R&D over it; from the catalog)", () => {
    const under = Math.min(...thresholds("rd", "revenueLastYear", "lt"));
    const twoYears = Math.max(...thresholds("rd", ["rdLastYear", "rdYearBefore"], "gte"));
    expect(Number.isFinite(under) && Number.isFinite(twoYears)).toBe(true);
    monotone(
      "RESEARCH",
      1,
      holding("RESEARCH", {
        0: fc.integer({ min: 0, max: under - 1 }),
        // the year before alone meets the two-year sum, so every rdLastYear does
        2: fc.integer({ min: twoYears, max: 10 * twoYears }),
        3: fc.constantFrom("changping", "昌平"),
      }),
      fc
        .tuple(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }))
        .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]),
    );
  });

  it("VBP in bidValue", () => monotone("VBP", 0));
  it("FIRSTSET in sales", () => monotone("FIRSTSET", 0));
  it("INSURANCE in premium", () => monotone("INSURANCE", 0));
  it("FACILITY in cost", () =>
    monotone("FACILITY", 0, validArgs("FACILITY"), amountPair, [
      [
        [0, 2000, "shenzhen"],
        [1e6, 2e6],
      ],
    ]));
  it("FACILITY in area", () =>
    monotone("FACILITY", 1, validArgs("FACILITY"), amountPair, [
      [
        [2e7, 0, "shenzhen"],
        [100, 200],
      ],
    ]));
});

// ---------------------------------------------------------------------------------------------
// First crossings (SCALEUP, REVENUE): not monotone in the previous best; what holds instead
// ---------------------------------------------------------------------------------------------

describe("first-crossing milestones (SCALEUP, REVENUE)", () => {
  const scaleupTiers = (region: Region): Dec[][] =>
    unitsOf(region).map((j) => [
      new Dec(0),
      ...allClauses
        .filter(({ clause, jurisdiction }) => jurisdiction === j && clause.topic === "scaleup" && clause.formula?.kind === "milestones")
        .flatMap(({ clause }) => (clause.formula?.kind === "milestones" ? clause.formula.tiers.map((t) => new Dec(t.amount)) : [])),
    ]);

  it("the catalog's milestone awards rise with the threshold (the premise of the properties below)", () => {
    for (const { clause } of allClauses) {
      if (clause.formula?.kind !== "milestones") continue;
      const tiers = clause.formula.tiers.map((t) => [new Dec(t.threshold), new Dec(t.amount)] as const).sort((a, b) => a[0].cmp(b[0]));
      tiers.slice(1).forEach(([, amount], i) => expect(amount.gte(tiers[i][1])).toBe(true));
    }
  });

  it("SCALEUP is 0 or a sum of one tier award (or 0) per jurisdiction, as the catalog lists them", () => {
    fc.assert(
      fc.property(validArgs("SCALEUP"), (args) => {
        const r = callAmount("SCALEUP", args) as number;
        const q = definitions.SCALEUP.query(args as never) as Query;
        const sums = scaleupTiers(q.region).reduce<Dec[]>((acc, options) => acc.flatMap((s) => options.map((o) => s.plus(o))), [new Dec(0)]);
        if (!sums.some((s) => s.toNumber() === r)) throw new Error(`SCALEUP(${show(args)}) = ${r}, not one of ${sums.map((s) => s.toFixed()).join(", ")}`);
      }),
      runs(300),
    );
  });

  for (const name of ["SCALEUP", "REVENUE"] as const) {
    it(`${name} is 0 when the previous best is at least this year's figure`, () => {
      fc.assert(
        fc.property(validArgs(name), amountNumber, (args, extra) => {
          const now = Number(args[0]);
          // A best at or above this year's figure, within the 10^15 bound.
          const r = callAmount(name, [args[0], Math.min(now + extra, 1e15), args[2]]);
          expect(r).toBe(0);
        }),
        runs(200),
      );
    });

    it(`${name} does not rise with the previous best (a higher best can only undo a first crossing)`, () =>
      monotoneDown(name, 1, [
        [
          [1.2e8, 0, "changping"],
          [4e7, 1.5e8],
        ],
        [
          [6e8, 0, "changping"],
          [1e8, 5e8],
        ],
      ]));

    it(`${name} rises with this year's figure, the previous best held`, () =>
      monotone(name, 0, validArgs(name), amountPair, [
        [
          [0, 4e7, "changping"],
          [4e7, 1.2e8],
        ],
        [
          [0, 4e8, "changping"],
          [4e8, 6e8],
        ],
      ]));
  }

  it("REVENUE pays only on a first crossing of the catalog's threshold", () => {
    const at = Math.min(...thresholds("revenue", "revenue", "gte"));
    const before = Math.min(...thresholds("revenue", "bestRevenueBefore", "lt"));
    expect(Number.isFinite(at) && Number.isFinite(before)).toBe(true);
    fc.assert(
      fc.property(validArgs("REVENUE"), (args) => {
        const r = callAmount("REVENUE", args) as number;
        if (r > 0) {
          expect(Number(args[0])).toBeGreaterThanOrEqual(at);
          expect(Number(args[1])).toBeLessThan(before);
        }
      }),
      // at the thresholds themselves: "达 X 以上" and "首次突破" are inclusive, "不足" is not (ruling 6)
      { numRuns: 300, examples: [[[at, before, "changping"]], [[at - 1, 0, "changping"]], [[String(at), String(before - 1), "昌平"]]] },
    );
  });

  /** f(…, lo, …) ≥ f(…, hi, …) for lo ≤ hi in argument `at`; some runs must see it fall. */
  function monotoneDown(name: AmountFunction, at: number, examples: [unknown[], [number, number]][]): void {
    let fell = 0;
    fc.assert(
      fc.property(validArgs(name), amountPair, (args, [lo, hi]) => {
        const fLo = callAmount(name, Object.assign(args.slice(), { [at]: lo }));
        const fHi = callAmount(name, Object.assign(args.slice(), { [at]: hi }));
        if (typeof fLo !== "number" || typeof fHi !== "number") throw new Error(`${name}: ${String(fLo)} / ${String(fHi)}`);
        if (fLo < fHi) throw new Error(`${name} rises in ${definitions[name].params[at]}: ${show(args)} at ${lo} → ${fLo}, at ${hi} → ${fHi}`);
        if (fLo > fHi) fell++;
      }),
      { numRuns: 200, examples },
    );
    expect(fell).toBeGreaterThan(0);
  }
});

// ---------------------------------------------------------------------------------------------
// Exact decimals
// ---------------------------------------------------------------------------------------------

describe("amounts are exact decimals", () => {
  /** Decimal digits as text: integers and fractions with up to 25 significant digits. */
  const digits = (min: number): fc.Arbitrary<string> =>
    // Up to 10^15 with at most 5 decimals: within the 20 significant digits the engine accepts.
    fc.tuple(fc.bigInt({ min: BigInt(min), max: 10n ** 15n - 1n }), fc.stringMatching(/^[0-9]{0,5}$/)).map(([i, f]) => (f === "" ? i.toString() : `${i}.${f}`));

  it('REVENUE(x, 0, "changping") for x at or over the threshold is x × the catalog\'s rate, computed in decimal from x as written', () => {
    const reach = unitsOf("changping");
    const clauses = allClauses.filter(
      ({ clause, jurisdiction }) => reach.includes(jurisdiction) && clause.topic === "revenue" && clause.formula?.kind === "rate",
    );
    const rates = [...new Set(clauses.map(({ clause }) => (clause.formula?.kind === "rate" ? clause.formula.rate : "")))];
    const groups = new Set(clauses.map(({ clause, jurisdiction }) => `${jurisdiction} ${clause.matter}`));
    // The premise: one rate, one jurisdiction and matter (most favourable of equals), so x × rate.
    expect(rates).toHaveLength(1);
    expect(groups.size).toBe(1);
    const rate = rates[0];
    const at = Math.min(...thresholds("revenue", "revenue", "gte"));
    const x = fc.oneof(
      fc.integer({ min: at, max: 1e15 }),
      fc.double({ min: at, max: 1e15, noNaN: true }),
      fc.double({ min: at, max: 1e12, noNaN: true }),
      digits(at),
    );
    fc.assert(
      fc.property(x, (v) => {
        const expected = new Dec(String(v)).times(rate);
        const r = callAmount("REVENUE", [v, 0, "changping"]);
        if (r !== expected.toNumber())
          throw new Error(`REVENUE(${String(v)}, 0, "changping") = ${String(r)}, exactly ${expected.toFixed()} (${expected.toNumber()})`);
      }),
      // 500,000,035 × 0.002 = 1,000,000.07 exactly; in binary floating point 1000000.0700000001.
      { numRuns: 300, examples: [[500000035], ["500000001.85"], ["123456789012345.12345"]] },
    );
  });

  it("a single-amount function's number is Σ min(rate × amount, caps) of the clauses that applied, in decimal from the amount as written", () => {
    const base: Partial<Record<AmountFunction, number>> = { REGISTRATION: 1, VBP: 0, FIRSTSET: 0, INSURANCE: 0, REVENUE: 0 };
    const names = Object.keys(base) as AmountFunction[];
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), validArgs(name), fc.oneof(amountNumber.map(String), digits(0)))),
        ([name, args, x]) => {
          const at = base[name] as number;
          const withX = Object.assign(args.slice(), { [at]: x });
          const q = definitions[name].query(withX as never) as Query;
          let expected = new Dec(0);
          for (const line of engine()
            .evaluate(q)
            .lines.filter((l) => l.status === "applied")) {
            const f = line.clause.formula;
            if (f?.kind === "fixed") expected = expected.plus(f.amount);
            else if (f?.kind === "rate") {
              const caps = line.clause.caps.filter((c) => c.base === undefined).map((c) => new Dec(c.amount));
              expected = expected.plus(Dec.min(new Dec(x).times(f.rate), ...caps));
            } else return; // another kind of formula: not this property's business
          }
          compared++;
          const r = callAmount(name, withX);
          if (r !== expected.toNumber()) throw new Error(`${name}(${show(withX)}) = ${String(r)}, exactly ${expected.toFixed()}`);
        },
      ),
      runs(300),
    );
    expect(compared).toBeGreaterThan(0);
  });
});
