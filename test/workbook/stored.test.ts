/**
 * @jest-environment jsdom
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod/mini";
import { parseScenario } from "../../src/engine";
import { workFormat, langFormat } from "../../src/taskpane/state/work";
import { validate } from "../../src/taskpane/wizard/draft";
import { readJson, readValue, sizePolicy, type Format } from "../../src/workbook/stored";

/*
 * The one reader (src/workbook/stored.ts): one size policy, a schema and a version for every
 * format read from a workbook or browser storage; older versions migrated, anything else set
 * aside with the reason. Whatever the text, a result or a reason: never a throw.
 */

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "v1", name), "utf8");

/** A small format with two versions: version 1 held `n` as a text, version 2 as a number. */
const counter: Format<{ version: 2; n: number }> = {
  version: 2,
  versionOf: (raw) => (raw && typeof raw === "object" && typeof (raw as { version?: unknown }).version === "number" ? (raw as { version: number }).version : undefined),
  unversioned: 1,
  migrations: { 1: (raw) => ({ version: 2, n: Number((raw as { n: string }).n) }) },
  schema: z.strictObject({ version: z.literal(2), n: z.number() }),
};

describe("the size policy", () => {
  test("bytes: more than 1 MiB of UTF-8 is set aside before it is parsed (汉 is 3 bytes)", () => {
    // 349,526 × 3 = 1,048,578 bytes > 1,048,576; with the two quotes, 1,048,580.
    expect(readJson(`"${"汉".repeat(349_526)}"`, langFormat)).toEqual({ ok: false, aside: { kind: "size", bound: "bytes", at: "(value)" } });
  });

  test("depth: 32 levels are read, 33 are not", () => {
    const nest = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(readJson(`{"version":2,"n":${nest(31)}}`, counter)).toMatchObject({ ok: false, aside: { kind: "shape" } });
    expect(readJson(`{"version":2,"n":${nest(32)}}`, counter)).toMatchObject({ ok: false, aside: { kind: "size", bound: "depth" } });
  });

  test("a text longer than an Excel cell holds (32,767 characters), an array of more than 100,000 entries", () => {
    expect(readJson(JSON.stringify({ version: 2, n: "x".repeat(sizePolicy.string + 1) }), counter)).toEqual({ ok: false, aside: { kind: "size", bound: "string", at: "n" } });
    expect(readJson(JSON.stringify({ version: 2, n: new Array(sizePolicy.array + 1).fill(0) }), counter)).toEqual({ ok: false, aside: { kind: "size", bound: "array", at: "n" } });
  });
});

describe("versions", () => {
  test("this version is read; an older one migrated; a newer one set aside", () => {
    expect(readJson('{"version":2,"n":5}', counter)).toEqual({ ok: true, value: { version: 2, n: 5 } });
    expect(readJson('{"version":1,"n":"5"}', counter)).toEqual({ ok: true, value: { version: 2, n: 5 }, migratedFrom: 1 });
    expect(readJson('{"n":"7"}', counter)).toEqual({ ok: true, value: { version: 2, n: 7 }, migratedFrom: 1 });
    expect(readJson('{"version":3,"n":5,"m":6}', counter)).toEqual({ ok: false, aside: { kind: "newer", version: "3" } });
  });

  test("not JSON, not a text, not the shape", () => {
    expect(readJson("{oops", counter)).toMatchObject({ ok: false, aside: { kind: "syntax" } });
    expect(readJson(42, counter)).toEqual({ ok: false, aside: { kind: "syntax", detail: "not a text (number)" } });
    expect(readJson('{"version":2,"n":"five"}', counter)).toMatchObject({ ok: false, aside: { kind: "shape", detail: expect.stringMatching(/^n: /) } });
  });
});

describe("the pane's saved work", () => {
  test("today's shape (version 1, no number) migrates: the draft, the baseline and the what-if, and the draft is the same scenario", () => {
    const text = fixture("saved-work.json");
    const raw = JSON.parse(text);
    const read = readJson(text, workFormat);
    if (!read.ok) throw new Error(JSON.stringify(read.aside));
    expect(read.migratedFrom).toBe(1);
    const { key: _k, ...firstEvent } = raw.draft.events[0];
    expect(read.value.draft).toMatchObject({ ...raw.draft, events: expect.any(Array), financials: [] });
    expect(read.value.draft.events[0]).toMatchObject(firstEvent);
    expect(read.value.bench.variants.map((v) => v.name)).toEqual(["What-if 1"]);
    expect(read.value.bench.active).toBe(raw.bench.active);
    // The saved draft is the Shenzhen example with its second event a year later, as saved.
    const shenzhen = parseScenario(JSON.parse(fixture("shenzhen-imaging-plant.json")));
    const scenario = validate(read.value.draft).scenario!;
    expect(scenario.events[1].year).toBe(shenzhen.events[1].year + 1);
    expect({ ...scenario, events: scenario.events.filter((_, i) => i !== 1) }).toEqual({ ...shenzhen, events: shenzhen.events.filter((_, i) => i !== 1) });
    expect(validate(read.value.bench.baseline!.draft).scenario).toEqual(shenzhen);
  });

  test("fields a newer pane of the same version adds are kept; an event of a type this version does not know sets it aside", () => {
    const raw = JSON.parse(fixture("saved-work.json"));
    const read = readJson(JSON.stringify({ version: 2, ...raw, draft: { ...raw.draft, step: 3 } }), workFormat);
    expect(read.ok && (read.value.draft as unknown as { step: number }).step).toBe(3);
    expect(readJson(JSON.stringify({ ...raw, draft: { ...raw.draft, events: [{ type: "teleport" }] } }), workFormat)).toMatchObject({ ok: false, aside: { kind: "shape" } });
  });
});

describe("never a throw (fast-check)", () => {
  const formats = [workFormat, langFormat, counter] as const;

  test("any text, for every format: a value or a reason", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: "binary" })), fc.constantFrom(...formats), (text, format) => {
        const read = readJson(text, format as Format<unknown>);
        expect(read.ok || ["size", "syntax", "newer", "shape"].includes(read.aside.kind)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("any value where the saved work has its parts", () => {
    const raw = JSON.parse(fixture("saved-work.json"));
    fc.assert(
      fc.property(fc.constantFrom("draft", "bench", "version"), fc.anything({ withNullPrototype: true, withMap: false }), fc.jsonValue(), (key, value, json) => {
        const a = readValue({ ...raw, [key]: value }, workFormat);
        const b = readJson(JSON.stringify({ ...raw, draft: { ...raw.draft, events: [json] } }), workFormat);
        expect(typeof a.ok).toBe("boolean");
        expect(typeof b.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
