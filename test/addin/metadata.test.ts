import { definitions, type AmountFunction } from "../../src/functions/subsidy";
import { readMetadata, type MetadataFunction } from "./support";

/*
 * dist/functions.json is what Excel's Insert Function dialog shows; dist/functions-zh-cn.json is
 * its zh-CN translation (the manifest's metadata Override). Both are generated at build time.
 */

const en = readMetadata("functions.json");
const zh = readMetadata("functions-zh-cn.json");
const byId = (m: { functions: MetadataFunction[] }, id: string) => {
  const f = m.functions.find((x) => x.id === id);
  if (!f) throw new Error(`${id} is not in the metadata`);
  return f;
};

const amountFunctions = Object.keys(definitions) as AmountFunction[];
const pinned = ["REGISTRATION", "RESEARCH", "SCALEUP", "REVENUE", "VBP", "FIRSTSET", "INSURANCE", "FACILITY", "CLINICAL", "EXPLAIN", "CLAUSES"];

describe("functions.json", () => {
  test("lists every pinned function, each id once", () => {
    const ids = en.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(pinned));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every function and every parameter has help for the Insert Function dialog, on one line", () => {
    for (const f of en.functions) {
      expect(f.description).toMatch(/\w.{20,}/);
      expect(f.description).not.toContain("\n");
      for (const p of f.parameters) {
        expect(`${f.id}(${p.name}): ${p.description ?? ""}`).toMatch(/: \S.{8,}/);
        expect(p.description).not.toContain("\n");
      }
    }
  });

  test.each(amountFunctions)("%s takes DESIGN.md's parameters, as matrices so ranges lift, and spills", (id) => {
    const f = byId(en, id);
    const { params, required } = definitions[id];
    expect(f.name).toBe(id);
    expect(f.parameters.map((p) => p.name)).toEqual([...params]);
    expect(f.parameters.map((p) => p.optional === true)).toEqual(params.map((_, i) => i >= required));
    for (const p of f.parameters) expect(p.dimensionality).toBe("matrix");
    expect(f.result.dimensionality).toBe("matrix");
  });

  test("enum-like arguments list their values in their help", () => {
    const registration = byId(en, "REGISTRATION");
    const help = (name: string) => registration.parameters.find((p) => p.name === name)?.description ?? "";
    expect(help("class")).toMatch(/1, 2 or 3/);
    expect(help("region")).toMatch(/changping.*beijing.*shenzhen/);
    expect(help("pathway")).toMatch(/standard.*innovative.*major/);
  });

  test("EXPLAIN(functionName, args…) has one repeating argument and returns text", () => {
    const f = byId(en, "EXPLAIN");
    expect(f.parameters.map((p) => p.name)).toEqual(["functionName", "args"]);
    expect(f.parameters[1].repeating).toBe(true);
    expect(f.result).toEqual({ type: "string" });
  });

  test("CLAUSES([region], [topic], [language]) has three optional arguments and spills", () => {
    const f = byId(en, "CLAUSES");
    expect(f.parameters.map((p) => [p.name, p.optional])).toEqual([
      ["region", true],
      ["topic", true],
      ["language", true],
    ]);
    expect(f.result.dimensionality).toBe("matrix");
  });

  test("FORECAST(inputs, [view], [language]): the language is an optional last argument, as for CLAUSES", () => {
    const f = byId(en, "FORECAST");
    expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual([
      ["inputs", false],
      ["view", true],
      ["language", true],
    ]);
    for (const id of ["CLAUSES", "FORECAST"]) expect(byId(en, id).parameters.at(-1)?.description).toMatch(/"zh-CN".*"en-US"/);
  });
});

describe("functions-zh-cn.json", () => {
  const cjk = /[\u4e00-\u9fff]/;

  test("lists the same functions and parameters, with the same types and shapes", () => {
    const strip = (m: { functions: MetadataFunction[] }) =>
      m.functions.map((f) => ({ id: f.id, result: f.result, parameters: f.parameters.map(({ name: _n, description: _d, ...shape }) => shape) }));
    expect(strip(zh)).toEqual(strip(en));
  });

  test("gives every function and parameter a Chinese name and description", () => {
    for (const f of zh.functions) {
      expect(`${f.id}: ${f.name} ${f.description}`).toMatch(cjk);
      expect(f.name).toMatch(cjk);
      expect(f.description).toMatch(cjk);
      for (const p of f.parameters) {
        expect(`${f.id}(${p.name})`).toMatch(cjk);
        expect(`${f.id}(${p.name}): ${p.description}`).toMatch(cjk);
      }
    }
  });

  test("Chinese function names follow Excel's rule: a letter first, then letters, digits, . or _; at least 3", () => {
    for (const f of zh.functions) expect(f.name).toMatch(/^\p{L}[\p{L}\p{N}._]{2,}$/u);
    const names = zh.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
