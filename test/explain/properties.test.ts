import fc from "fast-check";
import { Decimal, formatYuan, langs } from "../../src/engine";
import { amountFunctions, definitions, type AmountFunction } from "../../src/functions/subsidy";
import { call } from "../../src/functions/reports";
import { bareNumbers, englishWords, identifiers } from "./support";

/*
 * Properties of EXPLAIN over random arguments of every pinned function, in both languages: its
 * first line gives the function's own amount with separators, and its words keep the battery's
 * rules (no identifier, no bare amount; in zh-CN no English word but proper names).
 */

const amount = fc.oneof(fc.integer({ min: 0, max: 3_000_000_000 }), fc.constantFrom(0, 1, 9999, 10000, 1e15));
const codes: Record<string, fc.Arbitrary<unknown>> = {
  class: fc.constantFrom(1, 2, 3, "III", "二类"),
  pathway: fc.constantFrom(undefined, "standard", "innovative", "major", "创新"),
  year: fc.constantFrom(undefined, 2025, 2026, 2029),
  region: fc.constantFrom("changping", "beijing", "shenzhen", "深圳"),
  drugClass: fc.constantFrom(1, 2, 3, 4, 5),
  phase: fc.constantFrom(1, 2, 3, "II"),
};
const argsOf = (name: AmountFunction) => fc.tuple(...definitions[name].params.map((p) => codes[p] ?? amount));

test("EXPLAIN's total is the function's amount, and its words keep the battery's rules", () => {
  fc.assert(
    fc.property(fc.constantFrom(...amountFunctions).chain((name) => fc.tuple(fc.constant(name), argsOf(name), fc.constantFrom(...langs))), ([name, args, lang]) => {
      const value = call(name, args);
      const text = call("EXPLAIN", [name, ...args], { lang });
      if (typeof value !== "number" || typeof text !== "string") throw new Error(`${name}(${args.join(", ")}): ${String(value)} / ${String(text)}`);
      const [first, ...rest] = text.split("\n");
      const total = formatYuan(new Decimal(value));
      expect(first.endsWith(lang === "zh-CN" ? ` = ${total}元` : ` = ${total} yuan`)).toBe(true);
      const body = rest.join("\n");
      expect(identifiers(body)).toEqual([]);
      expect(bareNumbers(body)).toEqual([]);
      if (lang === "zh-CN") expect(englishWords(body)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});
