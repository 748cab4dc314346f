import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario } from "../../src/engine";
import { classifyFlag, classifyFlags } from "../../src/taskpane/results/flags";

/*
 * The results show the engine's flags in the pane's language: every flag the engine writes for
 * the examples must be one the pane knows (a new wording in the engine fails here, not silently
 * in English on a Chinese screen).
 */

const example = (file: string) => forecast(parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", file), "utf8"))));

test.each(["changping-device-startup.json", "shenzhen-imaging-plant.json", "changping-drug-developer.json"])("%s: every flag has the pane's words", (file) => {
  const flags = example(file).lines.flatMap((l) => l.flags);
  expect(flags.length).toBeGreaterThan(0);
  for (const f of flags) expect(classifyFlag(f).key).toMatch(/^flag\./);
});

test("the Changping startup: draft Changping texts, Beijing's measures expiring in 2028", () => {
  const kinds = new Set(example("changping-device-startup.json").lines.flatMap((l) => classifyFlags(l.flags).map((f) => f.kind)));
  expect([...kinds].sort()).toEqual(expect.arrayContaining(["draft", "expiring"]));
  expect(classifyFlag({ code: "expiring", value: "2028-12-31" })).toMatchObject({
    kind: "expiring",
    key: "flag.expiring",
    params: { value: "2028-12-31" },
    text: "policy expires within the horizon (2028-12-31)",
  });
});

test("a cap is shown with the words that set it (ruling 14)", () => {
  const cap = classifyFlag({ code: "annualCap", value: "2,000,000", quote: "每年最高支持200万元" });
  expect(cap).toMatchObject({ key: "flag.annualCap", params: { value: "2,000,000", quote: "“每年最高支持200万元”" } });
});

test("the four kinds a reader must not miss come first", () => {
  const sorted = classifyFlags([{ code: "oneTime" }, { code: "expiring", value: "2028-12-31" }, { code: "draft" }, { code: "assumed" }]);
  expect(sorted.map((f) => f.kind)).toEqual(["draft", "assumed", "expiring", "info"]);
});
