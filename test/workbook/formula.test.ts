import fc from "fast-check";
import { storedFormula, subsidyCalls, typedFormula } from "../../src/workbook/formula";

/*
 * The one mapping between the formula a person types and the one Excel stores (see the
 * evidence in src/workbook/formula.ts): `SUBSIDY.NAME(` ⇄ `_xldudf_SUBSIDY_NAME(`, `A1#` ⇄
 * `_xlfn.ANCHORARRAY(A1)`, `SEQUENCE(` ⇄ `_xlfn.SEQUENCE(`, string literals untouched.
 */

test.each([
  ["=SUBSIDY.FORECAST(Inputs[#All])", "_xldudf_SUBSIDY_FORECAST(Inputs[#All])"],
  ["=subsidy.registration(Inputs!E2,Inputs!D2,\"shenzhen\")", "_xldudf_SUBSIDY_REGISTRATION(Inputs!E2,Inputs!D2,\"shenzhen\")"],
  ['=SUBSIDY.EXPLAIN("REGISTRATION",3,5000000,"SUBSIDY.RD(")', '_xldudf_SUBSIDY_EXPLAIN("REGISTRATION",3,5000000,"SUBSIDY.RD(")'],
  ["=IF(ISNUMBER(A1#)*(SEQUENCE(1,COLUMNS(A1#))>1),A1#/10000,A1#)", "IF(ISNUMBER(_xlfn.ANCHORARRAY(A1))*(_xlfn.SEQUENCE(1,COLUMNS(_xlfn.ANCHORARRAY(A1)))>1),_xlfn.ANCHORARRAY(A1)/10000,_xlfn.ANCHORARRAY(A1))"],
  ["='My forecast'!$A$1#", "_xlfn.ANCHORARRAY('My forecast'!$A$1)"],
  ["=SUM(Forecast!B2:B6)", "SUM(Forecast!B2:B6)"],
  ["=MYSUBSIDY.RD(1)", "MYSUBSIDY.RD(1)"],
])("%s is stored as %s, and read back", (typed, stored) => {
  expect(storedFormula(typed)).toBe(stored);
  expect(typedFormula(stored)).toBe(typed.replace(/subsidy\.registration/, "SUBSIDY.REGISTRATION"));
});

test("the calls a formula makes, in either form; a name inside a string is no call", () => {
  expect(subsidyCalls('=SUBSIDY.RESEARCH(A1,B1,C1,"changping")+SUBSIDY.VBP(D1,"SUBSIDY.FIRSTSET(")')).toEqual(["RESEARCH", "VBP"]);
  expect(subsidyCalls("=_xldudf_SUBSIDY_FORECAST(Inputs[#All])")).toEqual(["FORECAST"]);
  expect(subsidyCalls("=SUM(A1:A3)")).toEqual([]);
});

test("an older workbook's SUBSIDY.RD comes back as SUBSIDY.RESEARCH, stored or typed; a name in a string or another namespace stays", () => {
  // RD broke Microsoft's naming rule (at least three characters); DESIGN.md renames it RESEARCH.
  expect(typedFormula('_xldudf_SUBSIDY_RD(A2,B2,C2,"changping")')).toBe('=SUBSIDY.RESEARCH(A2,B2,C2,"changping")');
  expect(typedFormula('=subsidy.rd(A2,B2,C2,"changping")+SUBSIDY.VBP(D2,"shenzhen")')).toBe('=SUBSIDY.RESEARCH(A2,B2,C2,"changping")+SUBSIDY.VBP(D2,"shenzhen")');
  expect(typedFormula('=SUBSIDY.EXPLAIN("RD",1,2,3,"SUBSIDY.RD(")')).toBe('=SUBSIDY.EXPLAIN("RD",1,2,3,"SUBSIDY.RD(")');
  expect(typedFormula("=MYSUBSIDY.RD(1)")).toBe("=MYSUBSIDY.RD(1)");
  expect(subsidyCalls("=_xldudf_SUBSIDY_RD(A2,B2,C2)")).toEqual(["RD"]);
});

test("typed → stored → typed gives the formula back, and nothing typed keeps a SUBSIDY. call in the stored form", () => {
  const name = fc.constantFrom("REGISTRATION", "RESEARCH", "FORECAST", "EXPLAIN", "CLAUSES");
  const ref = fc.constantFrom("A1", "$B$2", "Inputs!D7", "'Sheet one'!C3", "Inputs[#All]", "A1#", "Forecast!$A$1#");
  const literal = fc.string({ maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`);
  const call = fc.tuple(name, fc.array(fc.oneof(ref, literal, fc.nat({ max: 9999 }).map(String)), { maxLength: 4 })).map(([n, args]) => `SUBSIDY.${n}(${args.join(",")})`);
  const formula = fc.array(fc.oneof(call, ref, fc.constantFrom("+", "*", "SUM(B1:B3)", "SEQUENCE(1,3)")), { minLength: 1, maxLength: 5 }).map((parts) => `=${parts.join("+")}`);
  fc.assert(
    fc.property(formula, (typed) => {
      const stored = storedFormula(typed);
      expect(typedFormula(stored)).toBe(typed);
      expect(subsidyCalls(stored)).toEqual(subsidyCalls(typed));
      // Outside string literals, the stored form has no typed call and no spill operator.
      const code = stored.split(/"(?:[^"]|"")*"/).join("");
      expect(code).not.toMatch(/SUBSIDY\./);
      expect(code).not.toMatch(/\d#/);
    }),
    { seed: 9, numRuns: 300 },
  );
});
