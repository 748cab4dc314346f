/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario } from "../../src/engine";
import { I18nContext, translate, type Lang } from "../../src/taskpane/i18n";
import { AccountsSection } from "../../src/taskpane/results/AccountsSection";

// The pane's view switch and statement over examples/shenzhen-cfo-views.json, whose figures are
// worked by hand in example.test.ts; "this year" is 2027.
const s = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8")));
const renderIn = (lang: Lang) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang, t: (key, params) => translate(lang, key, params) }}>
        <AccountsSection scenario={s} f={forecast(s)} thisYear={2027} />
      </I18nContext.Provider>
    </FluentProvider>,
  );

test("the statement of the year: 其他收益, deferred income at its end, cash received", () => {
  renderIn("en-US");
  // 4,000,000 research + 6,000,000 / 19 = 315,789.47 plant; the plant's 5,684,210.53 deferred; its 6,000,000 received.
  expect(screen.getByTestId("statement-other-income").textContent).toBe("4,315,789.47 元");
  expect(screen.getByTestId("statement-deferred").textContent).toBe("5,684,210.53 元");
  expect(screen.getByTestId("statement-cash").textContent).toBe("6,000,000 元");
});

test("the view switch changes the table, and the settings are listed", () => {
  renderIn("en-US");
  const table = () => screen.getByTestId("accounts-table");
  const row = (year: string) => within(table()).getAllByRole("row").find((r) => r.textContent?.startsWith(year))!;
  expect(row("2028").textContent).toContain("4,000,000");
  fireEvent.change(screen.getByTestId("accounts-view"), { target: { value: "tax" } });
  // 15% × (315,789.47 + 4,000,000 − a fen of rounding): 647,368.42.
  expect(row("2028").textContent).toContain("647,368.42");
  expect(screen.getByTestId("accounts-assumptions").textContent).toContain("income tax rate 15%");
});

test("in Chinese, the labels and the settings too", () => {
  renderIn("zh-CN");
  expect(screen.getByText("2027 年末递延收益")).toBeTruthy();
  expect(screen.getByTestId("accounts-assumptions").textContent).toContain("付款滞后 1 年，默认");
});

test("the tax rate and the default payment lag are changed in the pane; a life set in the scenario is not called a default", () => {
  const changed: unknown[] = [];
  // The example with the plant's life set in the scenario's settings rather than on the event.
  const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
  delete raw.events[0].usefulLife;
  const plain = parseScenario({ ...raw, accounting: { ...raw.accounting, usefulLife: { building: 30 } } });
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang: "en-US", t: (key, params) => translate("en-US", key, params) }}>
        <AccountsSection scenario={plain} f={forecast(plain)} thisYear={2027} onSettings={(a) => changed.push(a)} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  expect((screen.getByTestId("accounts-tax-rate") as HTMLInputElement).value).toBe("15");
  fireEvent.change(screen.getByTestId("accounts-tax-rate"), { target: { value: "25" } });
  expect(changed.pop()).toMatchObject({ taxRate: "0.25", nonTaxable: ["shenzhen-device/3.frontier"] });
  fireEvent.change(screen.getByTestId("accounts-tax-rate"), { target: { value: "125" } });
  expect(changed).toEqual([]);
  expect(screen.getByText("A percentage from 0 to 100, such as 15")).toBeTruthy();
  fireEvent.change(screen.getByTestId("accounts-lag"), { target: { value: "2" } });
  expect(changed.pop()).toMatchObject({ paymentLag: { default: 2, clauses: { "shenzhen-device/3.frontier": 0 } } });
  fireEvent.change(screen.getByTestId("accounts-view"), { target: { value: "pl" } });
  expect(screen.getByTestId("accounts-assumptions").textContent).toContain("useful life 30 years for a building, set in the scenario (Shenzhen devices （七）)");
});

test("the statement opens on the first year with figures when this year has none", () => {
  // Only the certificate, paid in 2028: in 2026 and 2027 nothing has come.
  const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
  const cert = parseScenario({ ...raw, events: raw.events.slice(2), accounting: { taxRate: "0.15" } });
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang: "en-US", t: (key, params) => translate("en-US", key, params) }}>
        <AccountsSection scenario={cert} f={forecast(cert)} thisYear={2026} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  // 40% × 10,000,000 = 4,000,000 × 0.8 = 3,200,000 expected, received 2028.
  expect(screen.getByText("Cash received, 2028")).toBeTruthy();
  expect(screen.getByTestId("statement-cash").textContent).toBe("3,200,000 元");
});

test("a rate changed elsewhere (undo, a scenario loaded) shows in the field", () => {
  const ui = (sc: typeof s) => (
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang: "en-US", t: (key, params) => translate("en-US", key, params) }}>
        <AccountsSection scenario={sc} f={forecast(sc)} thisYear={2027} onSettings={() => undefined} />
      </I18nContext.Provider>
    </FluentProvider>
  );
  const { rerender } = render(ui(s));
  expect((screen.getByTestId("accounts-tax-rate") as HTMLInputElement).value).toBe("15");
  rerender(ui({ ...s, accounting: { ...s.accounting, taxRate: "0.25" } }));
  expect((screen.getByTestId("accounts-tax-rate") as HTMLInputElement).value).toBe("25");
});
