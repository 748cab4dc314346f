import { readMetadata, type MetadataFunction } from "./support";

/*
 * Microsoft's rules for a custom function's id and name, as "Custom functions naming and
 * localization" states them (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming):
 * "Both must start with a letter and be at least three characters." "id: Only A–Z, 0–9,
 * underscore, and period characters are allowed." "name: Any Unicode alphabetic characters,
 * underscore, and period characters are allowed." "Avoid names that match: A cell reference (A1
 * to XFD1048576 or R1C1 to R1048576C16384). An Excel 4.0 Macro Function (such as RUN, ECHO)."
 * A name that breaks them can keep Excel from registering the add-in's functions, so the built
 * metadata and its every translation are held to them.
 */

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384; // XFD

const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** A1 to XFD1048576, or R1C1 to R1048576C16384. `VBP` alone is no reference: a column needs a row. */
export function isCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})([1-9]\d{0,6})$/.exec(name);
  if (a1) return columnNumber(a1[1]) <= MAX_COLUMN && Number(a1[2]) <= MAX_ROW;
  const r1c1 = /^[Rr]([1-9]\d{0,6})[Cc]([1-9]\d{0,4})$/.exec(name);
  return r1c1 !== null && Number(r1c1[1]) <= MAX_ROW && Number(r1c1[2]) <= MAX_COLUMN;
}

/**
 * Excel 4.0 macro functions a custom function could plausibly be called. Microsoft's page points
 * to its "Excel Macro Functions Reference" for the whole list, which is not in reach here: these
 * are the ones that read as ordinary words (from that reference as we know it); the list is
 * partial, and the note says so.
 */
const macroFunctions = new Set(
  `ABSREF ACTIVE.CELL ADD.BAR ADD.COMMAND ADD.MENU ADD.TOOLBAR ALERT ARGUMENT BEEP BREAK CALLER CANCEL.KEY CHECK.COMMAND CREATE.OBJECT
  CUSTOM.REPEAT CUSTOM.UNDO DEREF DIRECTORY DIRECTORIES DOCUMENTS ECHO ELSE ELSE.IF END.IF ENABLE.COMMAND ERROR EVALUATE EXEC EXECUTE
  FCLOSE FILES FOPEN FOR FOR.CELL FORMULA FORMULA.CONVERT FPOS FREAD FREADLN FSIZE FWRITE FWRITELN GET.BAR GET.CELL GET.CHART.ITEM
  GET.DEF GET.DOCUMENT GET.FORMULA GET.LINK.INFO GET.NAME GET.NOTE GET.OBJECT GET.TOOL GET.TOOLBAR GET.WINDOW GET.WORKBOOK
  GET.WORKSPACE GOTO GROUP HALT HELP HIDE IF INITIATE INPUT LAST.ERROR LINKS MESSAGE MOVIE NAMES NEXT NOTE OPEN.DIALOG PAUSE POKE
  PRESS.TOOL REFTEXT REGISTER REGISTER.ID RELREF RENAME.COMMAND REQUEST RESTART RESULT RESUME RETURN RUN SAVE.DIALOG SAVE.TOOLBAR
  SELECTION SET.NAME SET.VALUE SHOW.BAR SPELLING.CHECK STEP TERMINATE TEXTREF UNREGISTER VOLATILE WAIT WHILE WINDOW.TITLE WINDOWS`.split(/\s+/),
);

/** What breaks Microsoft's naming rules in one metadata file, one line a problem. */
export function namingProblems(metadata: { functions: Pick<MetadataFunction, "id" | "name">[] }): string[] {
  const problems: string[] = [];
  const seen = { id: new Set<string>(), name: new Set<string>() };
  for (const { id, name } of metadata.functions) {
    for (const [field, value] of [["id", id], ["name", name]] as const) {
      if (!/^\p{L}/u.test(value)) problems.push(`${field} ${value}: does not start with a letter`);
      if ([...value].length < 3) problems.push(`${field} ${value}: fewer than three characters`);
      if (isCellReference(value)) problems.push(`${field} ${value}: reads as a cell reference`);
      if (macroFunctions.has(value.toUpperCase())) problems.push(`${field} ${value}: is an Excel 4.0 macro function`);
      if (seen[field].has(value.toUpperCase())) problems.push(`${field} ${value}: used twice`);
      seen[field].add(value.toUpperCase());
    }
    if (!/^[A-Z0-9_.]+$/.test(id)) problems.push(`id ${id}: has a character other than A–Z, 0–9, underscore and period`);
    // Digits too: the page allows them in an id and advises a name equal to its id.
    if (!/^[\p{L}\p{N}_.]+$/u.test(name)) problems.push(`name ${name}: has a character other than letters, digits, underscore and period`);
  }
  return problems;
}

describe("the built metadata keeps Microsoft's naming rules", () => {
  test.each(["functions.json", "functions-zh-cn.json"])("%s", (file) => {
    const metadata = readMetadata(file);
    expect(metadata.functions.length).toBeGreaterThan(10);
    expect(namingProblems(metadata)).toEqual([]);
  });

  test("the zh-CN names are Chinese (注册证 is a valid name: any Unicode letter)", () => {
    expect(readMetadata("functions-zh-cn.json").functions.find((f) => f.id === "REGISTRATION")?.name).toBe("注册证");
  });
});

describe("the check refuses what the rules refuse", () => {
  const one = (id: string, name = id) => namingProblems({ functions: [{ id, name }] });

  test("a two-character id or name (the old SUBSIDY.RD)", () => {
    expect(one("RD")).toEqual(["id RD: fewer than three characters", "name RD: fewer than three characters"]);
    expect(one("RESEARCH", "研发")).toEqual(["name 研发: fewer than three characters"]);
  });

  test("a first character that is not a letter, and an id outside A–Z, 0–9, _ and .", () => {
    expect(one("_RESEARCH")).toContain("id _RESEARCH: does not start with a letter");
    expect(one("3RD")).toContain("id 3RD: does not start with a letter");
    expect(one("研发投入", "研发投入")).toEqual(["id 研发投入: has a character other than A–Z, 0–9, underscore and period"]);
    expect(one("SCALE-UP", "SCALEUP")).toEqual(["id SCALE-UP: has a character other than A–Z, 0–9, underscore and period"]);
    expect(one("SCALEUP", "SCALE UP")).toEqual(["name SCALE UP: has a character other than letters, digits, underscore and period"]);
  });

  test("a cell reference in A1 or R1C1 form, within the sheet's bounds only", () => {
    for (const ref of ["ABC1", "XFD1048576", "R1C1", "R1048576C16384", "vbp12"]) expect(isCellReference(ref)).toBe(true);
    for (const word of ["VBP", "XFE1", "ABC1048577", "R1048577C1", "R1C16385", "ABCD1", "A01"]) expect(isCellReference(word)).toBe(false);
    expect(one("TAX2026")).toEqual(["id TAX2026: reads as a cell reference", "name TAX2026: reads as a cell reference"]);
  });

  test("an Excel 4.0 macro function, and a name used twice", () => {
    expect(one("RUN")).toContain("id RUN: is an Excel 4.0 macro function");
    expect(namingProblems({ functions: [{ id: "VBP", name: "VBP" }, { id: "VBP", name: "vbp" }] })).toEqual(["id VBP: used twice", "name vbp: used twice"]);
  });
});
