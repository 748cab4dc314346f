import fc from "fast-check";
import { Decimal } from "../../src/engine/input/money";
import { afterCaps, mostAfterCaps } from "../../src/engine/forecast/settlement";

/**
 * DESIGN ruling 20: among the ways of assigning a year's tied matters to the clauses of their
 * matter, the one the enterprise gets most from once the year's caps apply; no single
 * reassignment may raise the total.
 */
type C = { amount: Decimal; rank: Decimal; cap?: string };

const caps = fc.record({ a: fc.integer({ min: 0, max: 40 }), b: fc.integer({ min: 0, max: 40 }) }).map(
  ({ a, b }) => new Map([["a", { amount: new Decimal(a) }], ["b", { amount: new Decimal(b) }]]),
);
/** One matter's clauses that pay it the same before caps; some net an advance (rank above amount). */
const tied = fc
  .record({ amount: fc.integer({ min: 0, max: 12 }), advance: fc.constantFrom(0, 0, 2), caps: fc.array(fc.constantFrom<string | undefined>("a", "b", undefined), { minLength: 1, maxLength: 3 }) })
  .map(({ amount, advance, caps: keys }) =>
    keys.map((cap, i): C => ({ amount: new Decimal(i === 0 ? Math.max(amount - advance, 0) : amount), rank: new Decimal(amount), cap })),
  );

test("no single reassignment raises a year's total after caps", () => {
  fc.assert(
    fc.property(caps, fc.array(tied, { minLength: 1, maxLength: 14 }), (k, ties) => {
      const pick = mostAfterCaps(ties, k);
      const total = afterCaps(pick, k);
      ties.forEach((t, i) => {
        expect(t).toContain(pick[i]);
        for (const c of t) {
          const moved = [...pick];
          moved[i] = c;
          expect(afterCaps(moved, k).lte(total)).toBe(true);
        }
      });
      // Never below the evaluation's own picks (each matter's first clause).
      expect(total.gte(afterCaps(ties.map((t) => t[0]), k))).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test("within the exhaustive bound it is the best of every assignment", () => {
  fc.assert(
    fc.property(caps, fc.array(tied, { minLength: 1, maxLength: 6 }), (k, ties) => {
      const best = afterCaps(mostAfterCaps(ties, k), k);
      // Every assignment, by brute force.
      let all: C[][] = [[]];
      for (const t of ties) all = all.flatMap((p) => t.map((c) => [...p, c]));
      for (const p of all) expect(afterCaps(p, k).lte(best)).toBe(true);
    }),
    { numRuns: 200 },
  );
});

test("the eleven certificates by hand", () => {
  // （一） 3 each against its 30 a year, or （二） 3 each without a cap: ten and one → 33.
  const one = { amount: new Decimal(3), rank: new Decimal(3), cap: "a" };
  const two = { amount: new Decimal(3), rank: new Decimal(3) };
  const k = new Map([["a", { amount: new Decimal(30) }]]);
  const pick = mostAfterCaps(Array.from({ length: 11 }, () => [one, two]), k);
  expect(afterCaps(pick, k).toFixed()).toBe("33");
  expect(pick.filter((c) => c === two)).toHaveLength(1);
});
