import { accounts, CELL_LIMIT, formatLine, langs, wordsFor, type Lang } from "../../src/engine";
import { call } from "../../src/functions/reports";
import { bareNumbers, englishWords, examples, identifiers } from "./support";

/*
 * Issue 8's battery: EXPLAIN over every pinned function with many argument sets, and the
 * forecast lines of the examples (the three issue 8 names, and any other in examples/), in both languages. The zh-CN text carries no English
 * word but proper names; neither language an internal identifier or an amount without its
 * separators; every text fits one Excel cell.
 */

/** Every combination of the given values, in order. */
function product(...lists: readonly (readonly unknown[])[]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((a) => list.map((v) => [...a, v])), [[]]);
}

const regions = ["changping", "beijing", "shenzhen"];
// Values at and around the texts' thresholds and caps (3000万元 revenue, 1000万元 R&D, 5000万元 … 20亿元 output, 5亿元 revenue…).
const argumentSets: Record<string, unknown[][]> = {
  REGISTRATION: product([1, 2, 3], [0, 5000000, 40000000], regions, ["standard", "innovative", "major"], [undefined, 2024, 2029]),
  RESEARCH: product([0, 20000000, 30000000], [0, 8000000, 25000000], [0, 4000000], regions),
  SCALEUP: product([0, 60000000, 120000000, 600000000, 3000000000], [0, 80000000, 1000000000], regions),
  REVENUE: product([400000000, 600000000, 812345678], [0, 500000000], regions),
  VBP: product([0, 50000000, 200000000], regions),
  FIRSTSET: product([0, 30000000, 60000000], regions),
  INSURANCE: product([0, 300000, 1200000], regions),
  FACILITY: product([0, 20000000, 40000000], [0, 2000, 10000], regions),
  CLINICAL: product([1, 2, 5], [1, 2, 3], regions),
};

/** The text without the first line's call, which echoes what the user typed. */
const withoutEcho = (text: string) => text.slice(text.indexOf(" = "));

const explained = Object.entries(argumentSets).flatMap(([name, sets]) =>
  sets.flatMap((args) =>
    langs.map((lang) => {
      const text = call("EXPLAIN", [name, ...args], { lang });
      if (typeof text !== "string") throw new Error(`EXPLAIN ${name}(${args.join(", ")}) is ${String(text)}`);
      return { what: `${lang} ${name}(${args.join(", ")})`, lang, text: withoutEcho(text) };
    }),
  ),
);

// Each line as the CLI and the pane say it: with its way from entitlement to cash and profit.
const forecastTexts = examples().flatMap(({ file, scenario, forecast, userWords }) =>
  langs.flatMap((lang: Lang) => {
    const w = wordsFor(lang);
    const strip = (t: string) => userWords.reduce((acc, u) => acc.split(u).join(" "), t);
    return [
      { what: `${lang} ${file} header`, lang, text: [w.forecastHeader(forecast.region, forecast.catalogVersion, w.method(forecast.method)), w.linesHeading, w.assumedFootnote].join("\n") },
      ...accounts(scenario, forecast).lines.map((l, i) => ({ what: `${lang} ${file} line ${i}`, lang, text: strip(formatLine(l.line, lang, l)) })),
    ];
  }),
);

const all = [...explained, ...forecastTexts];

test("the battery is large: every function, both languages, every line of the examples", () => {
  expect(examples().map((e) => e.file)).toEqual(expect.arrayContaining(["changping-device-startup.json", "changping-drug-developer.json", "shenzhen-imaging-plant.json"]));
  // 243 + 54 + 45 + 18 + 9 + 9 + 9 + 27 + 27 argument sets, each in two languages.
  expect(explained).toHaveLength(2 * 441);
  expect(forecastTexts.length).toBeGreaterThan(2 * 30);
});

test.each(langs)("%s: no internal identifier, no amount without separators, every text within one cell", (lang) => {
  const problems = all
    .filter((x) => x.lang === lang)
    .flatMap((x) => [
      ...identifiers(x.text).map((id) => `${x.what}: identifier ${id}`),
      ...bareNumbers(x.text).map((n) => `${x.what}: bare number ${n}`),
      ...(x.text.length > CELL_LIMIT ? [`${x.what}: ${x.text.length} characters`] : []),
    ]);
  expect([...new Set(problems)].slice(0, 20)).toEqual([]);
});

test("zh-CN: no English word but the proper names", () => {
  const problems = all.filter((x) => x.lang === "zh-CN").flatMap((x) => englishWords(x.text).map((w) => `${x.what}: ${w}`));
  expect([...new Set(problems)].slice(0, 20)).toEqual([]);
});

test("the checks catch what they look for", () => {
  expect(identifiers("missing: nationalProject, sme; changping-device/5.1 in beijing-device")).toEqual(
    expect.arrayContaining(["nationalProject", "sme", "changping-device/5.1", "beijing-device"]),
  );
  expect(identifiers("undefined [object Object]")).toEqual(["undefined", "[object Object]"]);
  expect(bareNumbers("30% × 5000000 = 1,500,000; 2028-12-31; 3000万元")).toEqual(["5000000"]);
  expect(englishWords("美国FDA、欧盟CE认证 discretionary the ceiling")).toEqual(["discretionary", "the", "ceiling"]);
});
