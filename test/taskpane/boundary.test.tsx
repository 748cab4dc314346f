/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/app";
import { host } from "../../src/taskpane/host";
import { installJsdomShims } from "./jsdom-shims";

/*
 * Error boundaries (issue 20, "Never blank"): a results section that throws while it draws shows
 * what failed, in the pane's language, with a button to draw it again; the rest of the results,
 * the steps and the header keep working. The section made to fail here is the list of
 * non-monetary measures: it throws until the test mends it, then Reset draws it again.
 */

/** While set, the section throws whenever it draws (React tries a failed draw again once). */
let mockBroken = true;
jest.mock("../../src/taskpane/results/OtherMeasures", () => ({
  OtherMeasures: () => {
    if (mockBroken) throw new Error("the list of measures could not be drawn");
    return jest.requireActual("react").createElement("p", { "data-testid": "other-measures" }, "drawn");
  },
}));

jest.setTimeout(60_000);
beforeAll(installJsdomShims);
beforeEach(() => {
  localStorage.clear();
  host.set({ mode: "preview", reason: "no-office-js" });
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

const open = async (lang: "en-US" | "zh-CN") => {
  localStorage.setItem("subsidy-pane:lang", JSON.stringify(lang));
  render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
  fireEvent.change(screen.getByRole("combobox", { name: lang === "en-US" ? "Start from an example" : "从示例开始" }), { target: { value: "changping-device-startup" } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: lang === "en-US" ? "Load example" : "载入示例" })));
  fireEvent.click(screen.getByTestId("step-4"));
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};

test("a results section that throws: its notice and a reset, the rest of the results shown", async () => {
  mockBroken = true;
  await open("en-US");
  const notice = screen.getByTestId("boundary");
  expect(notice.textContent).toContain("Non-monetary support in this region could not be shown: the list of measures could not be drawn. The rest of the pane works.");
  // The rest: the total, the other sections, the steps.
  expect(screen.getByTestId("sticky-total").textContent).toMatch(/\d/);
  expect(screen.getByTestId("summary")).toBeTruthy();
  mockBroken = false;
  fireEvent.click(within(notice).getByRole("button", { name: "Reset this part" }));
  expect(screen.queryByTestId("boundary")).toBeNull();
  expect(screen.getByTestId("other-measures").textContent).toBe("drawn");
  fireEvent.click(screen.getByTestId("step-1"));
  expect(screen.getByTestId("step-title").textContent).toMatch(/Step 1 of 5/);
});

test("in Chinese", async () => {
  mockBroken = true;
  await open("zh-CN");
  const notice = screen.getByTestId("boundary");
  expect(notice.textContent).toContain("本地区的非资金支持措施无法显示：the list of measures could not be drawn。窗格的其余部分仍可使用。");
  expect(within(notice).getByRole("button", { name: "重置此部分" })).toBeTruthy();
});
