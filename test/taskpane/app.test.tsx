/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accounts, forecast, formatLineAccounts, formatYuan, parseScenario, summarise } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { SCENARIO_NAMESPACE, scenarioXml } from "../../src/taskpane/workbook/scenarios";
import { forecastFormula } from "../../src/workbook/layout";
import { FakeExcel, inExcel } from "./excel-fake";
import { installJsdomShims } from "./jsdom-shims";

/*
 * The wizard as a person uses it (React Testing Library in jsdom): messages beside the fields as
 * they type, the language switch, results equal to the engine's, and the workbook step in
 * preview mode and in Excel (Excel.run on office-addin-mock objects, excel-fake.ts).
 */

const changping = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));

const renderApp = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );

const field = (name: string) => document.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
/** The validation message Fluent's Field shows beside a control. */
const messageOf = (name: string) => field(name).closest(".fui-Field")?.querySelector(".fui-Field__validationMessage")?.textContent ?? null;

/** Loading replaces the draft once any confirm has been answered (none on an empty wizard). */
const loadExample = async () => {
  fireEvent.change(screen.getByRole("combobox", { name: "Start from an example" }), { target: { value: "changping-device-startup" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load example" })));
};
/** Steps 4 and 5 load their code when first opened (React.lazy): wait for it. */
const goTo = async (step: RegExp) => {
  fireEvent.click(within(screen.getByRole("navigation")).getByRole("button", { name: step }));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};

// Fluent renders slowly in jsdom on a busy machine: a generous limit, never a timing assertion.
jest.setTimeout(60_000);

beforeAll(installJsdomShims);

// The pane keeps its work in localStorage (state/storage.ts): each test starts from nothing.
beforeEach(() => localStorage.clear());

describe("preview mode (a plain browser)", () => {
  beforeEach(() => host.set({ mode: "preview", reason: "no-office-js" }));

  test("says so, and a field's message appears beside it as it is typed", () => {
    renderApp();
    expect(screen.getByTestId("preview-banner").textContent).toMatch(/Preview mode.*Office\.js could not be loaded/);
    expect(messageOf("horizon.from")).toBeNull();
    type("horizon.from", "19x0");
    expect(messageOf("horizon.from")).toBe("A year such as 2027.");
    type("horizon.from", "1980");
    expect(messageOf("horizon.from")).toBe("Must be at least 1990.");
    type("horizon.from", "2026");
    expect(messageOf("horizon.from")).toBeNull();
    // Untouched required fields wait until Next is pressed.
    expect(messageOf("name")).toBeNull();
    fireEvent.click(screen.getByTestId("next"));
    expect(messageOf("name")).toBe("Required.");
    expect(messageOf("enterprise.region")).toBe("Choose one of the options.");
    expect(screen.getByText(/3 field\(s\) on this step need attention/)).toBeTruthy();
    expect(screen.getByTestId("step-title").textContent).toMatch(/Step 1 of 5/);
  });

  test("the language switch: every visible word in Chinese, messages too", () => {
    renderApp();
    fireEvent.click(screen.getByTestId("next"));
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(screen.getByTestId("step-title").textContent).toBe("第 1 步，共 5 步 · 企业信息");
    expect(messageOf("name")).toBe("必填。");
    expect(screen.getByTestId("preview-banner").textContent).toMatch(/预览模式/);
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByTestId("step-title").textContent).toBe("Step 1 of 5 · Enterprise");
  });

  test("an example, then the results: the totals are the engine's", async () => {
    renderApp();
    await loadExample();
    expect(field("name").value).toBe(changping.name);
    await goTo(/Results/);
    const f = forecast(changping);
    expect(screen.getByTestId("total-expected").textContent).toBe(`${formatYuan(f.total.expected)} 元`);
    expect(screen.getByTestId("total-ceiling").textContent).toBe(`${formatYuan(f.total.ceiling)} 元`);
    expect(screen.getByTestId("total-band").textContent).toBe(`${formatYuan(f.total.p10)} – ${formatYuan(f.total.p90)} 元`);
    // One article per event that pays, each clause in it with its citation; the sentence on demand.
    const articles = screen.getAllByRole("article");
    const paying = summarise(changping, f).outcomes.filter((o) => o.lines.length > 0);
    expect(articles).toHaveLength(paying.length);
    const first = paying[0].lines[0];
    expect(articles[0].textContent).toContain(first.trace.document.title);
    expect(articles[0].textContent).toContain(first.trace.clause.article);
    const quote = articles[0].querySelector("blockquote")!;
    expect(quote.hidden).toBe(true);
    fireEvent.click(within(articles[0]).getByRole("button", { name: "Show the original sentence" }));
    expect(quote.hidden).toBe(false);
    expect(quote.textContent).toContain(first.trace.clause.sentence);
    // Under each line, how its amount moves to cash and profit, as the engine says it (the CLI's words).
    const story = accounts(changping, f).lines.find((l) => l.line.trace.clause.id === first.trace.clause.id && l.line.year === first.year)!;
    expect(within(articles[0]).getAllByTestId("line-accounts")[0].textContent).toBe(formatLineAccounts(story, "en-US"));
    expect(within(articles[0]).getAllByTestId("line-accounts")[0].textContent).toMatch(new RegExp(`^cash and profit: entitled ${first.year}: `));
    expect(screen.getAllByText("Draft policy (征求意见稿)").length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Policy expires within the horizon \(2028-12-31\)/).length).toBeGreaterThan(0);
    expect(JSON.parse(screen.getByTestId("scenario-json").textContent!)).toEqual(changping);
  });

  test("the workbook step: actions off, with the reason", async () => {
    renderApp();
    await loadExample();
    await goTo(/Workbook/);
    expect(screen.getByTestId("workbook-off").textContent).toMatch(/Workbook actions are off in preview mode\. Office\.js could not be loaded/);
    expect(screen.getByRole("button", { name: "Write to workbook" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: /Save “.*” in the workbook/ })).toHaveProperty("disabled", true);
  });

  test("results of an incomplete scenario point to the steps to fix", async () => {
    renderApp();
    await goTo(/Results/);
    expect(screen.queryByTestId("total-expected")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Enterprise (3)" }));
    expect(screen.getByTestId("step-title").textContent).toMatch(/Enterprise/);
    expect(messageOf("name")).toBe("Required.");
  });
});

describe("in Excel", () => {
  let excel: FakeExcel;
  const inExcelWith = inExcel(host);
  const use = (fake: FakeExcel) => {
    excel = inExcelWith(fake);
  };

  test("follows Office's display language", async () => {
    use(new FakeExcel());
    host.set({ mode: "excel", displayLanguage: "zh-CN" });
    renderApp();
    expect(screen.getByTestId("step-title").textContent).toMatch(/^第 1 步/);
  });

  test("write: asks before replacing the person's Inputs sheet; Cancel writes nothing, Replace writes", async () => {
    use(new FakeExcel({ sheets: ["Inputs"] }));
    excel.sheet("Inputs").cells.set("A1", { value: "mine" });
    renderApp();
    await loadExample();
    await goTo(/Workbook/);
    await waitFor(() => expect(screen.getByText("No scenarios saved in this workbook yet.")).toBeTruthy());

    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toMatch(/already has Inputs/);
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toBe("Nothing was written."));
    expect(excel.cell("Inputs", "A1")).toEqual({ value: "mine" });

    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Replace" }));
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toMatch(/^Written: the scenario in Inputs!A1:K\d+, the live forecast in Forecast!A1, the figures as plain values in Figures!A1:[A-Z]+\d+\.$/));
    expect(excel.cell("Inputs", "A1")).toEqual({ value: "Item", format: "@" });
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: forecastFormula });
  });

  test("the 万元 option reaches the Forecast sheet", async () => {
    use(new FakeExcel());
    renderApp();
    await loadExample();
    await goTo(/Workbook/);
    await screen.findByText("No scenarios saved in this workbook yet.");
    fireEvent.click(screen.getByRole("radio", { name: "万元 (10,000 yuan)" }));
    fireEvent.click(screen.getByRole("button", { name: "Write to workbook" }));
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toMatch(/^Written/));
    expect(excel.cell("Forecast", "B2")?.format).toMatch(/万元/);
  });

  test("scenarios: save, list (a damaged one reported and left alone), compare two, load one back", async () => {
    const damaged = `<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="1"><name>Damaged</name><json>{oops</json></scenario>`;
    use(new FakeExcel({ parts: [{ id: "{DAMAGED}", xml: damaged }, { id: "{SZ}", xml: scenarioXml({ ...changping, name: "Shenzhen variant", enterprise: { ...changping.enterprise, region: "shenzhen" } }, "2026-01-01T00:00:00.000Z") }] }));
    renderApp();
    await loadExample();
    await goTo(/Workbook/);
    const table = await screen.findByTestId("stored-table");
    expect(table.textContent).toMatch(/Damaged.*cannot be read \(its data is damaged.*\)\. It is left as it is\./);

    fireEvent.click(screen.getByRole("button", { name: `Save “${changping.name}” in the workbook` }));
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toBe(`Saved “${changping.name}” in the workbook.`));
    expect(excel.parts.map((p) => p.id)).toEqual(["{DAMAGED}", "{SZ}", expect.any(String)]);
    expect(excel.parts[0].xml).toBe(damaged);

    fireEvent.click(screen.getByRole("checkbox", { name: "Compare Shenzhen variant" }));
    fireEvent.click(screen.getByRole("checkbox", { name: `Compare ${changping.name}` }));
    const compare = await screen.findByTestId("compare-table");
    const rows = within(compare).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining(formatYuan(forecast({ ...changping, enterprise: { ...changping.enterprise, region: "shenzhen" } }).total.expected)),
      expect.stringContaining(formatYuan(forecast(changping).total.expected)),
    ]);

    // Loading replaces the example typed in the wizard: asked first.
    fireEvent.click(screen.getByRole("button", { name: "Load Shenzhen variant" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace what you typed?" });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Replace" })));
    expect(screen.getByTestId("step-title").textContent).toMatch(/Step 1 of 5/);
    expect(field("name").value).toBe("Shenzhen variant");
    expect(field("enterprise.region").value).toBe("shenzhen");
  });

  test("saving under a name already saved asks first", async () => {
    use(new FakeExcel({ parts: [{ id: "{A}", xml: scenarioXml(changping, "2026-01-01T00:00:00.000Z") }] }));
    renderApp();
    await loadExample();
    await goTo(/Workbook/);
    await screen.findByTestId("stored-table");
    fireEvent.click(screen.getByRole("button", { name: `Save “${changping.name}” in the workbook` }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toMatch(/already saved/);
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Replace" })));
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toMatch(/^Saved/));
    expect(excel.parts.map((p) => p.id)).toEqual(["{A}"]);
  });
});
