/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { SCENARIO_NAMESPACE, scenarioXml } from "../../src/taskpane/workbook/scenarios";
import { FakeExcel, inExcel } from "./excel-fake";
import { installJsdomShims } from "./jsdom-shims";

/*
 * Issue 12, 8, as a person meets it on the workbook step: a stored scenario the pane cannot read
 * can be deleted after a confirm that says so; another writer changing a scenario while this
 * pane's confirm is open is reported, and nothing is lost.
 */

const changping = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
const theirs = scenarioXml({ ...changping, defaults: { probability: 0.5, realisation: 1 } }, "2026-01-02T00:00:00.000Z");
let excel: FakeExcel;
const use = inExcel(host);
beforeAll(installJsdomShims);
// The pane keeps its work and the step it was on (state/storage.ts): each test starts from nothing.
beforeEach(() => localStorage.clear());

async function openWorkbookStep(fake: FakeExcel) {
  excel = use(fake);
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByRole("combobox", { name: "Start from an example" }), { target: { value: "changping-device-startup" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load example" })));
  fireEvent.click(within(screen.getByRole("navigation")).getByRole("button", { name: /Workbook/ }));
  await screen.findByTestId("stored-table");
}

jest.setTimeout(20_000);

test("an unreadable stored scenario can be deleted, after a confirm that says it cannot be recovered", async () => {
  const damaged = `<scenario xmlns="${SCENARIO_NAMESPACE}" schemaVersion="1"><name>Damaged</name><json>{oops</json></scenario>`;
  await openWorkbookStep(new FakeExcel({ parts: [{ id: "{DAMAGED}", xml: damaged }] }));
  fireEvent.click(screen.getByRole("button", { name: "Delete Damaged" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete the saved scenario?" });
  expect(dialog.textContent).toMatch(/cannot be read by this version of the add-in.*cannot be recovered/);
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Delete" })));
  await waitFor(() => expect(screen.queryByTestId("workbook-notice")?.textContent).toBe("Deleted “Damaged”."));
  expect(excel.parts).toEqual([]);
});

test("a save over a scenario another writer changed while the confirm was open keeps both, and says so", async () => {
  await openWorkbookStep(new FakeExcel({ parts: [{ id: "{A}", xml: scenarioXml(changping, "2026-01-01T00:00:00.000Z") }] }));
  fireEvent.click(screen.getByRole("button", { name: `Save “${changping.name}” in the workbook` }));
  const dialog = await screen.findByRole("dialog", { name: "Replace the saved scenario?" });
  excel.parts[0].xml = theirs;
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Replace" })));
  await waitFor(() => expect(screen.queryByTestId("workbook-notice")?.textContent).toMatch(/was changed or deleted in the workbook since the list was read.*Both versions are kept/));
  expect(excel.parts.map((p) => p.xml)).toEqual([theirs, expect.stringContaining(`<name>${changping.name}</name>`)]);
});

test("a delete of a scenario another writer changed while the confirm was open does not delete it, and says so", async () => {
  await openWorkbookStep(new FakeExcel({ parts: [{ id: "{A}", xml: scenarioXml(changping, "2026-01-01T00:00:00.000Z") }] }));
  fireEvent.click(screen.getByRole("button", { name: `Delete ${changping.name}` }));
  const dialog = await screen.findByRole("dialog", { name: "Delete the saved scenario?" });
  excel.parts[0].xml = theirs;
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Delete" })));
  await waitFor(() => expect(screen.queryByTestId("workbook-notice")?.textContent).toMatch(/was changed in the workbook since the list was read, so it was not deleted/));
  expect(excel.parts.map((p) => p.xml)).toEqual([theirs]);
});
