/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { engine } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { FakeExcel } from "./excel-fake";
import { hostileDrafts } from "./hostile-drafts";
import { record, unreadableFigures, unreadableRecords } from "./hostile-records";
import { installJsdomShims } from "./jsdom-shims";

/*
 * Hostile content in what the pane reads back (issue 20, "Never blank"): a saved draft of
 * another shape in the workbook's settings (localStorage in preview mode, the same reader), and
 * a catalog record a newer version, another tool or a person edited. Each opens the pane with a
 * notice in the user's language, keeps what it could not read, and leaves the rest working.
 */

jest.setTimeout(60_000);
beforeAll(installJsdomShims);
beforeEach(() => localStorage.clear());

const renderApp = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

const fixture = (name: string) => readFileSync(join(__dirname, "..", "fixtures", "v1", name), "utf8");
const today = JSON.parse(fixture("saved-work.json")) as { draft: Record<string, unknown>; bench: Record<string, unknown> };
const work = (v: unknown) => JSON.stringify(v);

describe("a saved draft the pane cannot read", () => {
  beforeEach(() => host.set({ mode: "preview", reason: "no-office-js" }));

  test.each(hostileDrafts)("%s: the pane opens on an empty draft with a notice, the text is kept, and the wizard works", async (_what, text) => {
    localStorage.setItem("subsidy-pane:work", text);
    renderApp();
    const notice = screen.getByTestId("stored-aside");
    expect(notice.textContent).toMatch(/^Your saved work could not be read \(.+\)\. It is kept as it was; the pane starts empty\./);
    // Kept, never overwritten: the text itself, under a key of its own, after the pane saved its new work.
    fireEvent.change(field("name"), { target: { value: "Fresh start" } });
    expect(field("name").value).toBe("Fresh start");
    expect(localStorage.getItem("subsidy-pane:work:aside")).toBe(text);
    expect(JSON.parse(localStorage.getItem("subsidy-pane:work")!).draft.name).toBe("Fresh start");
    fireEvent.click(screen.getByTestId("next"));
    expect(screen.getByTestId("step-title").textContent).toMatch(/Step 1 of 5/);
  });

  test("in Chinese", () => {
    localStorage.setItem("subsidy-pane:work", "{oops");
    localStorage.setItem("subsidy-pane:lang", JSON.stringify("zh-CN"));
    renderApp();
    expect(screen.getByTestId("stored-aside").textContent).toMatch(/^无法读取已保存的工作（.+）。已按原样保留；窗格从空白开始。/);
  });

  test("a second unreadable text does not overwrite the first one set aside", () => {
    localStorage.setItem("subsidy-pane:work:aside", "first");
    localStorage.setItem("subsidy-pane:work", "second");
    renderApp();
    expect(localStorage.getItem("subsidy-pane:work:aside")).toBe("first");
    expect(localStorage.getItem("subsidy-pane:work:aside:2")).toBe("second");
  });

  test("a language or unit setting of another shape: the default used, said, kept; the saved work read", () => {
    localStorage.setItem("subsidy-pane:lang", JSON.stringify({ evil: true }));
    localStorage.setItem("subsidy-pane:unit", JSON.stringify("furlongs"));
    localStorage.setItem("subsidy-pane:work", fixture("saved-work.json"));
    renderApp();
    expect(field("name").value).toBe(today.draft.name);
    expect(screen.queryByTestId("stored-aside")).toBeNull();
    expect(screen.getAllByTestId("setting-aside").map((n) => n.textContent)).toEqual([
      expect.stringMatching(/^The saved setting “Language” could not be read \(not in the shape this version writes, at \(value\)\); the default is used and the saved value is kept\.$/),
      expect.stringMatching(/^The saved setting “Show amounts in” could not be read/),
    ]);
    expect(localStorage.getItem("subsidy-pane:unit:aside")).toBe(JSON.stringify("furlongs"));
  });
});

describe("a scenario file imported goes through the same reader", () => {
  beforeEach(() => host.set({ mode: "preview", reason: "no-office-js" }));
  // jsdom's Blob has no text(); browsers have had it since 2019.
  beforeAll(() => {
    Blob.prototype.text ??= function (this: Blob) {
      return new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(this);
      });
    };
  });
  const importFile = async (text: string, name = "plan.json") => {
    const input = screen.getByTestId("import-json");
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
  };

  test("today's example file (schema 1) loads, migrated; a damaged one and one of a newer version are said in the person's language", async () => {
    renderApp();
    await importFile("{oops", "broken.json");
    expect(screen.getByRole("alert").textContent).toBe("broken.json could not be read as a scenario: it is not well-formed");
    await importFile(JSON.stringify({ ...JSON.parse(fixture("changping-drug-developer.json")), schemaVersion: 3 }), "future.json");
    expect(screen.getByRole("alert").textContent).toBe("future.json could not be read as a scenario: written by a newer version of the add-in (format 3)");
    await importFile(fixture("changping-drug-developer.json"));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(field("name").value).toBe(JSON.parse(fixture("changping-drug-developer.json")).name);
  });
});

describe("in Excel, where the saved work lives in the workbook's settings", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("a damaged draft in the settings: a notice, the text kept in the settings beside the new work", async () => {
    const settings = new Map<string, unknown>([["subsidy-pane:work", work({ draft: { ...today.draft, events: [null] } })]]);
    const saved = jest.fn();
    (globalThis as { Office?: unknown }).Office = {
      context: {
        requirements: { isSetSupported: () => true },
        displayLanguage: "zh-CN",
        document: { settings: { get: (k: string) => settings.get(k) ?? null, set: (k: string, v: unknown) => settings.set(k, v), saveAsync: saved } },
      },
    };
    const original = settings.get("subsidy-pane:work");
    host.set({ mode: "excel", displayLanguage: "zh-CN" });
    renderApp();
    expect(screen.getByTestId("stored-aside").textContent).toMatch(/^无法读取已保存的工作（不符合本版本写入的结构，位置：draft\.events\.0）。/);
    expect(settings.get("subsidy-pane:work:aside")).toBe(original);
    fireEvent.change(field("name"), { target: { value: "新方案" } });
    expect(JSON.parse(settings.get("subsidy-pane:work") as string).draft.name).toBe("新方案");
    expect(settings.get("subsidy-pane:work:aside")).toBe(original);
  });
});

describe("today's saved draft (version 1, no version field) is migrated", () => {
  beforeEach(() => host.set({ mode: "preview", reason: "no-office-js" }));

  test("the draft, the baseline and the what-if come back; the next save says its version", () => {
    localStorage.setItem("subsidy-pane:work", fixture("saved-work.json"));
    renderApp();
    expect(screen.queryByTestId("stored-aside")).toBeNull();
    expect(field("name").value).toBe(today.draft.name);
    fireEvent.change(field("name"), { target: { value: "Renamed" } });
    const saved = JSON.parse(localStorage.getItem("subsidy-pane:work")!);
    expect(saved.version).toBe(2);
    expect(saved.bench.variants.map((v: { name: string }) => v.name)).toEqual(["What-if 1"]);
    expect(saved.bench.baseline.name).toBe((today.bench.baseline as { name: string }).name);
  });
});

describe("a catalog record the pane cannot fully read (Excel)", () => {
  let excel: FakeExcel;
  beforeEach(() => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => true }, displayLanguage: "en-US" } };
  });
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Excel?: unknown }).Excel;
  });
  const open = async (xml: string, lang: "en-US" | "zh-CN" = "en-US") => {
    excel = new FakeExcel({ sheets: ["Forecast"], parts: [{ xml }] });
    excel.sheet("Forecast").cells.set("A1", { formula: "=_xldudf_SUBSIDY_FORECAST(Inputs[#All])" });
    (globalThis as unknown as { Excel: unknown }).Excel = excel.global;
    host.set({ mode: "excel", displayLanguage: lang });
    renderApp();
    fireEvent.click(within(screen.getByRole("navigation")).getAllByRole("button").slice(-1)[0]);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  };
  /** The rest works: the re-enter command runs and reports. */
  const restWorks = async () => {
    const button = screen.getByRole("button", { name: /Re-enter SUBSIDY formulas|重新输入/ }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId("workbook-notice").textContent).toMatch(/1/));
    expect(excel.cell("Forecast", "A1")).toEqual({ formula: "=SUBSIDY.FORECAST(Inputs[#All])" });
  };

  test.each(unreadableFigures)("%s: left out of the comparison and said, the rest compared", async (_what, xml) => {
    await open(xml);
    const notice = await screen.findByTestId("catalog-change");
    expect(notice.textContent).toContain("1 figure(s) of the record could not be read by this version and were not compared.");
    // The figure left out is not compared (nor said to be missing); every other figure matches the catalog.
    expect(within(notice).queryAllByRole("listitem")).toEqual([]);
    expect(notice.textContent!.length).toBeLessThan(2000);
    await restWorks();
  });

  test.each(unreadableRecords)("%s: set aside with a notice, kept, and the rest works", async (_what, xml, reason) => {
    await open(xml);
    const notice = await screen.findByTestId("catalog-aside");
    expect(notice.textContent).toMatch(/^The catalog record in this workbook could not be read/);
    expect(notice.textContent).toMatch(reason);
    expect(notice.textContent).not.toMatch(/Excel reported a problem/);
    expect(excel.parts.map((p) => p.xml)).toEqual([xml]);
    await restWorks();
  });

  test("a 640 KB record of clauses without figures (valid XML) is read, one clause per element; the notice lists the first 20", async () => {
    const clauses = Array.from({ length: 32_000 }, (_, i) => `<clause id="gone/${i}"/>`).join("");
    await open(record.replace("</catalog>", `${clauses}</catalog>`));
    const notice = await screen.findByTestId("catalog-change");
    expect(within(notice).getAllByRole("listitem").map((li) => li.textContent)).toEqual(Array.from({ length: 20 }, (_, i) => `gone/${i}: no longer in the catalog`));
    expect(notice.textContent).toContain("…and 31980 more.");
  });

  test("in Chinese", async () => {
    await open(record.replace('computed="2026-03-01"', 'computed="&#99999999;"'), "zh-CN");
    expect((await screen.findByTestId("catalog-aside")).textContent).toMatch(/^无法读取本工作簿中的条款目录记录/);
    expect(engine().catalog.version).toBeTruthy();
  });
});
