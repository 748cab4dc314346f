/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { FakeExcel, cellsOf, inExcel } from "./excel-fake";
import { installJsdomShims } from "./jsdom-shims";

/*
 * In Excel, the scenario summary of the Changping example against its certificate a year later
 * goes into the workbook as a values sheet: baseline 16,400,000, what-if 14,800,000, Δ −1,600,000
 * (test/compare.test.ts works them out).
 */
const use = inExcel(host);
beforeAll(installJsdomShims);
beforeEach(() => localStorage.clear());
jest.setTimeout(60_000);

test("the summary written to the workbook as plain values, with its names", async () => {
  const excel = use(new FakeExcel({ sheets: ["Sheet1"] }));
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByRole("combobox", { name: "Start from an example" }), { target: { value: "changping-device-startup" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load example" })));
  fireEvent.click(screen.getByTestId("step-4"));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  fireEvent.click(await screen.findByTestId("set-baseline"));
  fireEvent.click(screen.getByTestId("new-whatif"));
  fireEvent.click(screen.getByTestId("shift-later"));
  fireEvent.change(await screen.findByTestId("summary-name-1"), { target: { value: "Slip a year" } });
  await act(async () => fireEvent.click(screen.getByTestId("summary-to-sheet")));
  await waitFor(() => expect(screen.getByText(/^Written to Subsidy scenario summary!A1:D\d+\.$/)).toBeTruthy());
  const sheet = excel.sheet("Subsidy scenario summary");
  const rows = Math.max(...[...sheet.cells.keys()].map((a) => Number(a.replace(/^[A-Z]+/, ""))));
  const values = cellsOf(`A1:D${rows}`).map((row) => row.map((a) => excel.cell("Subsidy scenario summary", a)?.value));
  expect(values[3]).toEqual(["Year / policy", "Baseline", "Slip a year", "Slip a year Δ"]);
  expect(values.find((r) => r[0] === "Total")).toEqual(["Total", 16_400_000, 14_800_000, -1_600_000]);
});
