/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../../src/engine";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { installJsdomShims } from "./jsdom-shims";

/*
 * The what-if bench in jsdom: baseline and a what-if with the Δ and its reason, work kept
 * across a reload (localStorage), a removed card asked for and brought back by undo, amounts
 * in 万元, amounts typed in 万, and the warning on an event outside the forecast's years.
 */

const example = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
const renderApp = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
const byId = (id: string) => screen.getByTestId(id);

// Fluent renders slowly in jsdom on a busy machine: a generous limit, never a timing assertion.
jest.setTimeout(60_000);

beforeAll(installJsdomShims);
beforeEach(() => {
  localStorage.clear();
  host.set({ mode: "preview", reason: "no-office-js" });
});

/** Step 4 loads its code when first opened (React.lazy): wait for it. */
async function openResults() {
  fireEvent.click(byId("step-4"));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function loadExample() {
  fireEvent.change(screen.getByRole("combobox", { name: "Start from an example" }), { target: { value: "changping-device-startup" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Load example" })));
}

test("baseline, a what-if one year later: Δ −1,600,000 元 and Beijing's expiry; kept across a reload", async () => {
  renderApp();
  await loadExample();
  await openResults();
  fireEvent.click(byId("set-baseline"));
  fireEvent.click(byId("new-whatif"));
  fireEvent.click(byId("shift-later"));
  // 2028 → 2029: Beijing's 一、3 award (2M × 80%) is gone, its measures valid until 2028-12-31.
  expect(byId("sticky-delta").textContent).toBe("−1,600,000 元");
  expect(byId("whatif-lines").textContent).toContain("Registration certificate · AI-CT 2028 → 2029: −1,600,000 元");
  expect(byId("whatif-lines").textContent).toContain("Beijing devices 一、3 expires 2028-12-31, before 2029");

  cleanup();
  renderApp();
  await openResults();
  expect(byId("sticky-delta").textContent).toBe("−1,600,000 元");
  expect(screen.getAllByTestId("variant")).toHaveLength(1);
  // Back to the baseline: Δ 0. The example's expected total, 16,400,000 (its 2028 certificate less
  // the 2M advance of 2027, ruling 13: test/forecast/changping-device-startup.test.ts).
  fireEvent.click(byId("back-to-baseline"));
  expect(byId("sticky-total").textContent).toBe("16,400,000 元");
});

test("a removed card is asked for, and undo brings it back", async () => {
  renderApp();
  await loadExample();
  fireEvent.click(byId("step-2"));
  const before = screen.getAllByTestId("remove-event").length;
  fireEvent.click(screen.getAllByTestId("remove-event")[0]);
  const dialog = await screen.findByRole("dialog", { name: "Remove this card?" });
  await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Remove" })));
  expect(screen.getAllByTestId("remove-event")).toHaveLength(before - 1);
  fireEvent.click(byId("undo"));
  expect(screen.getAllByTestId("remove-event")).toHaveLength(before);
  expect(field("events.0.product").value).toBe("AI-CT");
  fireEvent.click(byId("redo"));
  expect(screen.getAllByTestId("remove-event")).toHaveLength(before - 1);
});

test("amounts in 万元 everywhere; 15,000万 typed is 150,000,000 yuan", async () => {
  renderApp();
  await loadExample();
  fireEvent.change(byId("unit"), { target: { value: "wan" } });
  // 2029's revenue 150,000,000 typed as 15,000万, in the 万元 unit.
  fireEvent.change(field("financials.6.revenue"), { target: { value: "15,000万" } });
  expect(field("financials.6.revenue").closest(".fui-Field")!.textContent).toContain("= 150,000,000 元");
  await openResults();
  // 16,400,000 / 10,000 = 1,640.
  expect(byId("sticky-total").textContent).toBe("1,640 万元");
  expect(JSON.parse(byId("scenario-json").textContent!).financials[6]).toEqual(example.financials[6]);
});

test("an event outside the forecast's years is flagged on its card", async () => {
  renderApp();
  await loadExample();
  fireEvent.click(byId("step-2"));
  await act(async () => fireEvent.change(field("events.6.year"), { target: { value: "2040" } }));
  expect((await screen.findAllByTestId("event-warning", {}, { timeout: 20_000 })).map((w) => w.textContent)).toContain("Check: 2040 is outside the forecast's years 2026–2030: this event counts for nothing.");
  // The step button says nothing is wrong: a warning is not an error.
  expect(screen.queryByTestId("step-badge-2")).toBeNull();
  await act(async () => fireEvent.change(field("events.6.year"), { target: { value: "2026.5" } }));
  fireEvent.click(byId("step-1"));
  expect(byId("step-badge-2").textContent).toBe("1");
});
