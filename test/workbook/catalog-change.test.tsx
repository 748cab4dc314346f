/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountedForecast, engine, forecast, parseScenario, scenarioToInputs, type Scenario } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { checkStoredCatalog, reenterFormulas, refreshFigures, writeScenario, NoInputs } from "../../src/taskpane/workbook/write";
import { catalogRecord, catalogRecordXml, CATALOG_PART_NAMESPACE, compareCatalog, describeChange, figuresIn, parseCatalogRecord, type CatalogRecord } from "../../src/workbook/catalog-record";
import { figuresLayout } from "../../src/workbook/figures";
import { viewSheets } from "../../src/workbook/layout";

/** The values sheet as both writers lay it out: the forecast with its views, in English. */
const figuresOf = (s: Scenario) => {
  const { forecast: f, accounts } = accountedForecast(s);
  return figuresLayout(f, accounts, "en-US", today);
};
import { FakeExcel, cellsOf } from "../taskpane/excel-fake";

/*
 * A workbook carries the catalog it was computed with (a custom XML part). Opened under another
 * catalog, the pane says which clause changed and how; a command enters every SUBSIDY formula
 * again and rewrites the values sheet. Excel.run runs on office-addin-mock objects (excel-fake.ts).
 */

const changping = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
const today = "2026-12-01";

/**
 * The startup example's record as an older catalog would have written it: 昌平 第五条（一）'s cap
 * per certificate at 2,000,000 yuan instead of the text's "单个注册证给予最高300万元支持"
 * (3,000,000), version 2026.1.0.
 */
function olderRecord(): CatalogRecord {
  const now = catalogRecord(forecast(changping), "2026-03-01");
  return {
    ...now,
    version: "2026.1.0",
    clauses: now.clauses.map((c) => (c.id === "changping-device/5.1" ? { ...c, figures: c.figures.map((f) => (f.kind === "cap" ? { ...f, value: "2000000" } : f)) } : c)),
  };
}

let excel: FakeExcel;
const use = (fake: FakeExcel) => {
  excel = fake;
  (globalThis as unknown as { Excel: unknown }).Excel = fake.global;
};
afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

describe("the comparison (pure)", () => {
  test("one cap changed: one change, said in both languages", () => {
    const changes = compareCatalog(olderRecord(), figuresIn(engine().catalog));
    expect(changes).toEqual([{ clause: "changping-device/5.1", kind: "cap", key: undefined, before: "2000000", after: "3000000" }]);
    expect(describeChange(changes[0], "en-US")).toBe("changping-device/5.1: cap 2,000,000 → 3,000,000");
    expect(describeChange(changes[0], "zh-CN")).toBe("changping-device/5.1：上限 2,000,000 → 3,000,000");
  });

  test("the same catalog: nothing changed; a clause the catalog lost and a rate changed are each said", () => {
    const now = catalogRecord(forecast(changping), today);
    expect(compareCatalog(now, figuresIn(engine().catalog))).toEqual([]);
    const edited: CatalogRecord = {
      ...now,
      clauses: [
        { id: "changping-device/99.9", figures: [{ kind: "amount", value: "1" }] },
        ...now.clauses.map((c) => (c.id === "changping-device/3.1" ? { ...c, figures: c.figures.map((f) => (f.kind === "rate" ? { ...f, value: "0.2" } : f)) } : c)),
      ],
    };
    const lines = compareCatalog(edited, figuresIn(engine().catalog)).map((c) => describeChange(c, "en-US"));
    // 昌平 第三条（一）: "按照…研发投入的10%" (0.1) now, 20% in the edited record.
    expect(lines).toEqual(["changping-device/99.9: no longer in the catalog", "changping-device/3.1: rate 20% → 10%"]);
  });

  test("the record survives XML: names with XML's own marks come back as written", () => {
    const r: CatalogRecord = { version: "1 & <2>", computed: today, clauses: [{ id: "a/1", figures: [{ kind: "amount", key: "\"phase\" 'I'", value: "500000" }] }] };
    const xml = catalogRecordXml(r);
    expect(xml).toContain(`xmlns="${CATALOG_PART_NAMESPACE}"`);
    expect(parseCatalogRecord(xml)).toEqual(r);
  });
});

describe("in Excel (office-addin-mock)", () => {
  test("writing a scenario records the catalog once; writing again replaces the record", async () => {
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    const options = { format: "yuan", replace: ["Inputs", "Forecast", ...viewSheets.map((v) => v.names["en-US"]), "Figures"], chartTitle: "t", api17: true, api15: true, api19: true, lang: "en-US", computed: today } as const;
    await writeScenario(changping, options);
    await writeScenario(changping, options);
    const ours = excel.parts.filter((p) => p.namespace === CATALOG_PART_NAMESPACE);
    expect(ours).toHaveLength(1);
    expect(ours[0].xml).toBe(catalogRecordXml(catalogRecord(forecast(changping), today)));
    // The values sheet: the same layout as the CLI's, cell for cell.
    const layout = figuresOf(changping);
    const block = cellsOf(`A1:${String.fromCharCode(64 + layout.rows[0].length)}${layout.rows.length}`);
    expect(block.map((row) => row.map((a) => excel.cell("Figures", a)?.value))).toEqual(layout.rows);
    expect(block.map((row) => row.map((a) => excel.cell("Figures", a)?.format))).toEqual(layout.formats);
  });

  test("a text XML forbids (a vertical tab pasted into a label) is refused before Excel is touched", async () => {
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    const s = { ...changping, events: [{ ...changping.events[0], label: "Class III\u000Bcertificate" }, ...changping.events.slice(1)] };
    const options = { format: "yuan", replace: [], chartTitle: "t", api17: true, api15: true, api19: true, lang: "en-US", computed: today } as const;
    await expect(writeScenario(s, options)).rejects.toMatchObject({ name: "ForbiddenText", text: "Class III\uFFFDcertificate", character: "U+000B" });
    expect(excel.runs).toBe(0);
  });

  test("checkStoredCatalog: the workbook's older record, compared with the catalog in hand", async () => {
    use(new FakeExcel({ parts: [{ xml: catalogRecordXml(olderRecord()) }] }));
    const check = await checkStoredCatalog();
    expect(check).toMatchObject({ stored: { version: "2026.1.0", computed: "2026-03-01" }, current: engine().catalog.version });
    if (!check || "aside" in check) throw new Error("the record was not read");
    expect(check.changes.map((c) => describeChange(c, "en-US"))).toEqual(["changping-device/5.1: cap 2,000,000 → 3,000,000"]);
    expect(check.skipped).toBe(0);
    use(new FakeExcel());
    await expect(checkStoredCatalog()).resolves.toBeUndefined();
  });

  test("re-entering: every SUBSIDY formula, stored or typed, entered again as typed; other cells untouched", async () => {
    const fake = new FakeExcel({ sheets: ["Forecast", "Notes"] });
    fake.sheet("Forecast").cells.set("A1", { formula: "=_xldudf_SUBSIDY_FORECAST(Inputs[#All])" });
    fake.sheet("Forecast").cells.set("B40", { formula: "=SUM(B2:B6)" });
    fake.sheet("Notes").cells.set("C3", { formula: '=SUBSIDY.EXPLAIN("RD",1,2,3,"changping")' });
    fake.sheet("Notes").cells.set("C4", { value: "SUBSIDY.RD is explained above" });
    use(fake);
    const report = await reenterFormulas();
    expect(report.cells).toEqual(["Forecast!A1", "Notes!C3"]);
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: "=SUBSIDY.FORECAST(Inputs[#All])" });
    expect(excel.cell("Notes", "C3")).toEqual({ formula: '=SUBSIDY.EXPLAIN("RD",1,2,3,"changping")' });
    expect(excel.log.filter((l) => / formula$/.test(l))).toEqual(["Forecast!A1 formula", "Notes!C3 formula"]);
    expect(excel.cell("Forecast", "B40")).toEqual({ formula: "=SUM(B2:B6)" });
  });

  test("refreshing the values sheet reads the workbook's own Inputs; without them it says why", async () => {
    const fake = new FakeExcel({ sheets: ["Inputs", "Figures"] });
    scenarioToInputs(changping).forEach((row, r) => row.forEach((v, c) => fake.sheet("Inputs").cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, { value: v ?? "" })));
    fake.sheet("Figures").cells.set("Z99", { value: "stale" });
    use(fake);
    const address = await refreshFigures({ lang: "en-US", computed: today });
    const layout = figuresOf(changping);
    expect(address).toBe(`Figures!A1:${String.fromCharCode(64 + layout.rows[0].length)}${layout.rows.length}`);
    expect(excel.cell("Figures", "Z99")).toBeUndefined();
    expect(excel.cell("Figures", "B2")?.value).toBe(changping.name);
    use(new FakeExcel({ sheets: ["Sheet1"] }));
    await expect(refreshFigures({ lang: "en-US", computed: today })).rejects.toBeInstanceOf(NoInputs);
  });

  test("a zh-CN workbook's 输入 and 数值 are found from a pane in English: the values sheet is rewritten where it is", async () => {
    const fake = new FakeExcel({ sheets: ["输入", "数值"] });
    scenarioToInputs(changping).forEach((row, r) => row.forEach((v, c) => fake.sheet("输入").cells.set(`${String.fromCharCode(65 + c)}${r + 1}`, { value: v ?? "" })));
    use(fake);
    const address = await refreshFigures({ lang: "en-US", computed: today });
    expect(address).toMatch(/^数值!A1:/);
    expect(excel.sheets.map((s) => s.name)).toEqual(["输入", "数值"]);
    expect(excel.cell("数值", "B2")?.value).toBe(changping.name);
  });
});

describe("the workbook step", () => {
  beforeAll(() => {
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
    (globalThis as { CSS?: unknown }).CSS ??= { escape: (s: string) => s };
    performance.mark ??= (() => undefined) as unknown as typeof performance.mark;
  });
  beforeEach(() => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => true }, displayLanguage: "en-US" } };
  });
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  const open = (lang: "en-US" | "zh-CN") => {
    host.set({ mode: "excel", displayLanguage: lang });
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    fireEvent.click(within(screen.getByRole("navigation")).getAllByRole("button").slice(-1)[0]);
  };

  test("opened on a workbook computed under an older catalog, it says which clause changed and how", async () => {
    use(new FakeExcel({ parts: [{ xml: catalogRecordXml(olderRecord()) }] }));
    open("en-US");
    const notice = await screen.findByTestId("catalog-change");
    expect(notice.textContent).toContain(`This workbook was computed on 2026-03-01 with catalog 2026.1.0; this add-in's catalog is ${engine().catalog.version}.`);
    expect(within(notice).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["changping-device/5.1: cap 2,000,000 → 3,000,000"]);
  });

  test("in Chinese too", async () => {
    use(new FakeExcel({ parts: [{ xml: catalogRecordXml(olderRecord()) }] }));
    open("zh-CN");
    const notice = await screen.findByTestId("catalog-change");
    expect(within(notice).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["changping-device/5.1：上限 2,000,000 → 3,000,000"]);
  });

  test("a workbook of this catalog: no notice; the re-enter button reports what it did", async () => {
    const fake = new FakeExcel({ sheets: ["Forecast"], parts: [{ xml: catalogRecordXml(catalogRecord(forecast(changping), today)) }] });
    fake.sheet("Forecast").cells.set("A1", { formula: "=_xldudf_SUBSIDY_FORECAST(Inputs[#All])" });
    use(fake);
    open("en-US");
    const button = screen.getByRole("button", { name: "Re-enter SUBSIDY formulas and refresh figures" }) as HTMLButtonElement;
    // The pane's first look at the workbook (stored scenarios, the catalog record) is done when it is enabled again.
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(screen.queryByTestId("catalog-change")).toBeNull();
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toBe("Entered 1 SUBSIDY formulas again. The values sheet was not refreshed: there is no Inputs sheet."));
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: "=SUBSIDY.FORECAST(Inputs[#All])" });
  });
});
