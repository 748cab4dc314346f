import fc from "fast-check";
import { engine, inputColumns, inputItems, topics } from "../../src/engine";

/**
 * What a hostile workbook or file can hand the add-in, as fast-check arbitraries shared by the
 * fuzz tests (bounded runs, fixed seed) and by test/fuzz/measure.ts (the worst input's time and
 * memory, measured, never asserted).
 */

/** One seed for every fuzz property, so a failure is the same failure on every machine. */
export const SEED = 20261201;

/** Excel's own limit on a cell's text. */
export const TEXT_LIMIT = 32767;

const hostileNumbers = [0, -0, -1, 0.5, 1e-300, 5e-324, 1e15, 1e15 + 2, 1e300, Number.MAX_VALUE, Number.NaN, Infinity, -Infinity, 2026, 3];
const hostileTexts = [
  "",
  " ",
  "-0",
  "+3",
  ".5",
  "1e-10000000",
  "1e+100000",
  "1e-99999999999999999999",
  "123456789012345678901234567890",
  "NaN",
  "Infinity",
  "0x10",
  "1,000",
  "５",
  "true",
  "#VALUE!",
  "\u0000\u0001\u000b\ufffe\uffff",
  "\ud800",
  "shenzhen",
  "昌平",
  "innovative",
  "III",
  "REGISTRATION",
];

/** A number, a text, a flag or a blank as a cell holds it, hostile ones included. */
export const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...hostileNumbers), fc.integer({ min: 0, max: 100_000_000 })) },
  { weight: 3, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...hostileTexts), fc.double().map(String)) },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null)) },
  // A long text, as a pasted cell can be (Excel keeps up to 32,767 characters).
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: TEXT_LIMIT }).map((n) => "9".repeat(n)) },
  // Excel's data-type values and odd objects (a cell's value arrives as an object with data types on).
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.oneof(fc.double(), fc.integer({ min: 0, max: 50_000_000 }), fc.string({ maxLength: 8 })).map((basicValue) => ({ type: "Double", basicValue, numberFormat: "#,##0" })),
      fc.constantFrom("shenzhen", "changping", 3, "x").map((basicValue) => ({ type: "Entity", text: String(basicValue), basicValue, properties: {} })),
      fc.constant(null).map(() => Object.create(null) as object),
      fc.constant({ type: "Error", errorType: "Value", basicValue: "#VALUE!" }),
    ),
  },
);

/** An argument as Excel hands an any[][] parameter: one cell as [[x]], a rectangle, or odd shapes. */
export const matrix: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar.map((x) => [[x]]) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
      .chain(([r, c]) => fc.array(fc.array(scalar, { minLength: c, maxLength: c }), { minLength: r, maxLength: r })),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constantFrom([], [[]], [[1], [2, 3]]), fc.array(scalar, { maxLength: 3 })) },
);

/** The argument lists of one amount function: the right number mostly, sometimes not. */
export const argumentsFor = (required: number, most: number): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: required, max: most }).chain((n) => fc.array(matrix, { minLength: n, maxLength: n })) },
    { weight: 1, arbitrary: fc.array(matrix, { maxLength: most + 2 }) },
  );

const factNames = Object.keys(engine().catalog.facts);
const factValue = fc.oneof(fc.constantFrom("yes", "no", "-40000000", "NaN", "1e-10000000", "1e+100000", "3", "innovative", "standard", ""), fc.integer({ min: 0, max: 100_000_000 }).map(String));
/** The Facts cell of an `other` row: catalog facts (and unknown ones) with hostile values. */
export const factsText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...factNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), factValue), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("; "));

const options = ["changping", "beijing", "shenzhen", "device", "drug", "innovative", "standard", "major", "innovative, local", "1", "2", "3", ...topics];
const items = [...inputItems, "lottery", ""];

/** One Inputs row, in inputColumns order. */
const inputRow: fc.Arbitrary<unknown[]> = fc
  .record({
    item: fc.constantFrom(...items),
    year: fc.oneof(fc.integer({ min: 2024, max: 2031 }), scalar),
    product: fc.constantFrom("A", "B", null, "\ufffe"),
    value: fc.oneof(fc.integer({ min: 0, max: 200_000_000 }).map((n) => n * 5), scalar),
    class: fc.oneof(fc.constantFrom(1, 2, 3, null), scalar),
    option: fc.oneof(fc.constantFrom(...options), scalar),
    area: fc.oneof(fc.integer({ min: 0, max: 10_000 }), scalar),
    probability: fc.oneof(fc.constantFrom(null, 0, 0.5, 1), scalar),
    realisation: fc.oneof(fc.constantFrom(null, 1, 0.6), scalar),
    label: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 })),
    facts: fc.oneof(fc.constant(null), factsText),
  })
  .map((r) => {
    // Draws stay small here: FORECAST's time at its documented limits is the perf issue's.
    const value = r.item === "draws" ? 50 : r.value;
    return [r.item, r.year, r.product, value, r.class, r.option, r.area, r.probability, r.realisation, r.label, r.facts];
  });

/** An Inputs table as Excel hands FORECAST its range: the header, a plausible base, hostile rows. */
export const inputsTable: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.constantFrom("changping", "beijing", "shenzhen", "mars"), fc.integer({ min: 0, max: 4 }), fc.array(inputRow, { maxLength: 12 }))
  .map(([region, span, rows]) => {
    const row = (item: string, at: Partial<Record<(typeof inputColumns)[number], unknown>>) => inputColumns.map((c) => (c === "Item" ? item : (at[c] ?? null)));
    return [
      [...inputColumns],
      row("region", { Option: region }),
      row("sector", { Option: "device" }),
      row("from", { Year: 2026 }),
      row("to", { Year: 2026 + span }),
      row("draws", { Value: 50 }),
      ...rows,
    ];
  });

/** A JSON value at some depth, to put where a scenario file's field is. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, 1e300, "1e-10000000", "123456789012345678901234567890", "-40000000", true, null, [], {}, "\ufffe", "5000000"),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);

/** Sets `value` at a path of `target` chosen by `pick` (a copy; the original is kept). */
function mutate(target: unknown, picks: readonly number[], value: unknown): unknown {
  if (picks.length === 0 || typeof target !== "object" || target === null) return value;
  const keys = Object.keys(target);
  if (keys.length === 0) return value;
  const key = keys[picks[0] % keys.length];
  const copy = (Array.isArray(target) ? [...(target as unknown[])] : { ...(target as Record<string, unknown>) }) as Record<string, unknown>;
  copy[key] = mutate((target as Record<string, unknown>)[key], picks.slice(1), value);
  return copy;
}

/** The bytes of a scenario file: an example with hostile fields, as UTF-8 (BOM or not), UTF-16, or noise. */
export const scenarioFile = (example: unknown): fc.Arbitrary<Uint8Array> =>
  fc
    .tuple(
      fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), hostileJson), { maxLength: 3 }),
      fc.constantFrom("utf8", "utf8", "utf8", "bom", "utf16le", "cut", "noise"),
      fc.uint8Array({ maxLength: 64 }),
    )
    .map(([edits, encoding, noise]) => {
      let s = example;
      for (const [picks, value] of edits) s = mutate(s, picks, value);
      // Draws stay small (the perf issue's), whatever a mutation set them to.
      if (typeof s === "object" && s !== null) s = { ...(s as object), simulation: { draws: 50, seed: 1 } };
      const text = JSON.stringify(s);
      if (encoding === "bom") return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
      if (encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      if (encoding === "cut") return Buffer.from(text.slice(0, Math.floor(text.length / 2)));
      if (encoding === "noise") return Buffer.from(noise);
      return Buffer.from(text);
    });
