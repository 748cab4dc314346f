/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useMemo, useState } from "react";
import { accountingQuantities, forecast, parseScenario, type Scenario } from "../../src/engine";
import { I18nContext, translate, type Lang } from "../../src/taskpane/i18n";
import { AccountsSection } from "../../src/taskpane/results/AccountsSection";
import { fromScenario, toRaw, validate, type Draft } from "../../src/taskpane/wizard/draft";

// The pane's accounts section over examples/shenzhen-cfo-views.json, whose figures are worked by
// hand in example.test.ts: 深圳（七）plant 6,000,000 entitled 2026, received 2027, over the 19 years
// left of 20 (315,789.47 a year); 深圳（三）frontier research 8,000,000 received 2026 (lag 0 for the
// clause), recognised 4,000,000 in 2026 and 2027, non-taxable; 深圳（五）class III 4,000,000 in 2027
// (p = 0.8), received 2028; tax 15%.
const raw = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json"), "utf8"));
const s = parseScenario(raw);

/** The section as the results step holds it: a draft, its scenario when valid, the forecast of that. */
function Harness({ initial, seen }: { readonly initial: Scenario; readonly seen?: (d: Draft) => void }) {
  const [draft, setDraft] = useState(() => fromScenario(initial));
  const scenario = useMemo(() => validate(draft).scenario, [draft]);
  const f = useMemo(() => scenario && forecast(scenario), [scenario]);
  seen?.(draft);
  if (!scenario || !f) return <p data-testid="invalid">{[...validate(draft).problems.keys()].join(", ")}</p>;
  return <AccountsSection scenario={scenario} f={f} draft={draft} change={(patch) => setDraft((d) => ({ ...d, ...patch }))} />;
}

const renderIn = (lang: Lang, initial: Scenario = s, seen?: (d: Draft) => void) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang, t: (key, params) => translate(lang, key, params) }}>
        <Harness initial={initial} seen={seen} />
      </I18nContext.Provider>
    </FluentProvider>,
  );

const table = () => screen.getByTestId("accounts-table");
const row = (year: string) => within(table()).getAllByRole("row").find((r) => r.querySelector("td, th")?.textContent === year)!;
const cells = (year: string) => Array.from(row(year).querySelectorAll("td, th")).map((c) => c.textContent);
const view = (q: string) => fireEvent.change(screen.getByTestId("accounts-view"), { target: { value: q } });

test("the statement opens on the first year with figures, and shows the year picked", () => {
  renderIn("en-US");
  // 2026: research's 8,000,000 arrives (lag 0), half recognised (4,000,000 of 其他收益), half deferred.
  expect(screen.getByText("Cash received, 2026")).toBeTruthy();
  expect(screen.getByTestId("statement-other-income").textContent).toBe("4,000,000 元");
  expect(screen.getByTestId("statement-deferred").textContent).toBe("4,000,000 元");
  expect(screen.getByTestId("statement-cash").textContent).toBe("8,000,000 元");
  fireEvent.change(screen.getByTestId("accounts-year"), { target: { value: "2027" } });
  // 4,000,000 research + 6,000,000 / 19 = 315,789.47 plant; the plant's 5,684,210.53 deferred; its 6,000,000 received.
  expect(screen.getByTestId("statement-other-income").textContent).toBe("4,315,789.47 元");
  expect(screen.getByTestId("statement-deferred").textContent).toBe("5,684,210.53 元");
  expect(screen.getByTestId("statement-cash").textContent).toBe("6,000,000 元");
});

test("with only the certificate, the first year with figures is 2028, not the horizon's 2026 of zeros", () => {
  renderIn("en-US", parseScenario({ ...raw, events: raw.events.slice(2), accounting: { taxRate: "0.15" } }));
  // 40% × 10,000,000 = 4,000,000 × 0.8 = 3,200,000 expected, received 2028.
  expect(screen.getByText("Cash received, 2028")).toBeTruthy();
  expect(screen.getByTestId("statement-cash").textContent).toBe("3,200,000 元");
});

test("every view of the CLI is offered; the switch changes the table; the settings are listed", () => {
  renderIn("en-US");
  // accountingQuantities less entitled (the results above): every view the CLI's --view has.
  expect(within(screen.getByTestId("accounts-view")).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(accountingQuantities.filter((q) => q !== "entitled"));
  expect(cells("2028")).toEqual(["2028", "4,000,000", "3,200,000"]);
  view("tax");
  // 15% × (315,789.48 + 4,000,000) = 647,368.42; expected 15% × (315,789.48 + 3,200,000) = 527,368.42.
  expect(cells("2028")).toEqual(["2028", "647,368.42", "527,368.42"]);
  expect(screen.getByTestId("accounts-assumptions").textContent).toContain("income tax rate 15%");
});

test("one level: no fold inside the section", () => {
  const { container } = renderIn("en-US");
  expect(container.querySelectorAll("details")).toHaveLength(0);
});

test("each line says why in the view shown, in the engine's words, the clause by its title", () => {
  renderIn("en-US");
  const lines = () => screen.getByTestId("accounts-lines").textContent;
  expect(lines()).toContain("Shenzhen devices （七）, entitled 2026");
  expect(lines()).toContain("entitled 2026 + payment lag of 1 year (default): 6,000,000 received 2027");
  view("pl");
  // 6,000,000 received 2027 over the 19 years left of a 20-year plant in use from 2026.
  expect(lines()).toContain("6,000,000 ÷ 19 remaining years of a 20-year building in use from 2026 (the award year), from 2027 when the money came");
  view("tax");
  // 15% × 6,000,000 = 900,000 current tax; deferred tax asset 15% × 5,684,210.53 = 852,631.58.
  expect(lines()).toContain("current tax + change in deferred tax: 2027 900,000 − 852,631.58 = 47,368.42");
  expect(lines()).not.toMatch(/shenzhen-device\//);
});

test("in Chinese, the labels, the settings and the lines too", () => {
  renderIn("zh-CN");
  expect(screen.getByText("2026 年末递延收益")).toBeTruthy();
  expect(screen.getByTestId("accounts-assumptions").textContent).toContain("付款滞后 1 年，默认");
  expect(screen.getByTestId("accounts-lines").textContent).toContain("2026 年取得资格，付款滞后 0 年（按条款设定），2026 年到账 8,000,000 元");
  expect(screen.getByText("会计与税务设置")).toBeTruthy();
});

test("the tax rate typed in the pane changes the tax as worked by hand; a rate that is none is said and not sent", () => {
  renderIn("en-US");
  view("tax");
  expect((screen.getByTestId("accounts-tax-rate") as HTMLInputElement).value).toBe("15");
  fireEvent.change(screen.getByTestId("accounts-tax-rate"), { target: { value: "25" } });
  // 2027 at 25%: research 25% × 4,000,000 not deductible + 25% × 100% × 4,000,000 super deduction lost
  // = 2,000,000; plant current 25% × 6,000,000 = 1,500,000 less the deferred tax asset 25% ×
  // 5,684,210.53 = 1,421,052.6325 → 1,421,052.63: 78,947.37. Total 2,078,947.37.
  expect(cells("2027")).toEqual(["2027", "2,078,947.37", "2,078,947.37"]);
  fireEvent.change(screen.getByTestId("accounts-tax-rate"), { target: { value: "125" } });
  expect(screen.getByText("A percentage from 0 to 100, such as 15")).toBeTruthy();
  expect(cells("2027")).toEqual(["2027", "2,078,947.37", "2,078,947.37"]);
});

test("a payment lag set for one clause, chosen by its title, moves its cash", () => {
  let last: Draft | undefined;
  renderIn("en-US", s, (d) => (last = d));
  const lags = screen.getByTestId("settings-lag-clauses");
  fireEvent.click(within(lags).getByRole("button", { name: "Add" }));
  // The row added is after the research clause's: its clause and its years.
  const [clause] = within(lags).getAllByRole("combobox").slice(-2);
  const option = within(clause).getAllByRole("option").find((o) => o.textContent?.startsWith("Shenzhen devices （五）") && (o as HTMLOptionElement).value === "shenzhen-device/5.class3")!;
  expect(option.textContent).not.toContain("shenzhen-device/");
  fireEvent.change(clause, { target: { value: "shenzhen-device/5.class3" } });
  fireEvent.change(within(lags).getAllByRole("combobox").slice(-1)[0], { target: { value: "0" } });
  expect(last!.accounting!.paymentLag.clauses).toEqual({ "shenzhen-device/3.frontier": 0, "shenzhen-device/5.class3": 0 });
  // Cash of 2027: the plant's 6,000,000 and now the certificate's 4,000,000 (expected 0.8 × 4,000,000 = 3,200,000).
  expect(cells("2027")).toEqual(["2027", "10,000,000", "9,200,000"]);
  expect(cells("2028")).toEqual(["2028", "0", "0"]);
});

test("non-taxable funds for a reward of costs already incurred: the catalog's warning, in the engine's words", () => {
  renderIn("en-US");
  const box = screen.getByTestId("settings-non-taxable");
  expect(box.textContent).not.toContain("warning");
  fireEvent.click(within(box).getByRole("button", { name: "Add" }));
  fireEvent.change(within(box).getAllByRole("combobox")[1], { target: { value: "shenzhen-device/5.class3" } });
  expect(box.textContent).toContain("warning: this support rewards costs already incurred and rarely meets 财税〔2011〕70号's conditions");
});

test("defaults are shown as defaults, and a setting emptied returns to its default", () => {
  let last: Draft | undefined;
  renderIn("en-US", s, (d) => (last = d));
  expect(screen.getByText("default: 100%")).toBeTruthy();
  expect(screen.getByText("default: 8%")).toBeTruthy();
  expect(screen.getByText("default: 13%")).toBeTruthy();
  expect(screen.getByText("default: 25%")).toBeTruthy();
  expect((screen.getByTestId("accounts-lag") as HTMLSelectElement).selectedOptions[0].textContent).toBe("1 year (default)");
  fireEvent.change(screen.getByTestId("settings-super-deduction"), { target: { value: "50" } });
  expect(last!.accounting!.superDeduction).toBe("0.5");
  fireEvent.change(screen.getByTestId("settings-super-deduction"), { target: { value: "" } });
  expect(last!.accounting!.superDeduction).toBeUndefined();
  fireEvent.change(screen.getByTestId("settings-dta"), { target: { value: "no" } });
  expect(last!.accounting!.deferredTaxAsset).toBe(false);
  fireEvent.change(screen.getByTestId("settings-tax-payment"), { target: { value: "annual" } });
  expect(last!.accounting!.taxPayment).toBe("annual");
  fireEvent.change(screen.getByTestId("settings-tax-payment"), { target: { value: "" } });
  expect(last!.accounting!.taxPayment).toBeUndefined();
  fireEvent.change(screen.getByTestId("settings-event-ready-0"), { target: { value: "2026-0" } });
  expect(screen.getByText("A month such as 2027-09, or a year such as 2027")).toBeTruthy();
  fireEvent.change(screen.getByTestId("settings-event-ready-0"), { target: { value: "2026-06" } });
  expect(last!.events[0].readyForUse).toBe("2026-06");
});

test("every setting set in the pane reaches the scenario as the schema writes it", () => {
  let last: Draft | undefined;
  renderIn("en-US", s, (d) => (last = d));
  const add = (id: string) => fireEvent.click(within(screen.getByTestId(id)).getByRole("button", { name: "Add" }));
  add("settings-tax-rates");
  add("settings-profit");
  fireEvent.change(within(screen.getByTestId("settings-profit")).getAllByRole("textbox")[0], { target: { value: "-5,000,000" } });
  fireEvent.change(screen.getByTestId("settings-qualified-years"), { target: { value: "2026, 2027" } });
  fireEvent.change(screen.getByTestId("settings-discount-rate"), { target: { value: "6" } });
  fireEvent.change(screen.getByTestId("settings-vat-rate"), { target: { value: "6" } });
  fireEvent.change(screen.getByTestId("settings-asset-method"), { target: { value: "net" } });
  fireEvent.change(screen.getByTestId("settings-life-building"), { target: { value: "30" } });
  add("settings-recognition-clauses");
  add("settings-approval-years");
  add("settings-lag-documents");
  const a = last!.accounting!;
  // The horizon's first year, at the scenario's rate; the five years before it for a loss.
  expect(a.taxRates).toEqual({ 2026: "0.15" });
  expect(a.profitBeforeSupport).toEqual({ 2021: "-5000000" });
  expect(a.qualifiedYears).toEqual([2026, 2027]);
  expect(a).toMatchObject({ discountRate: "0.06", vat: { rate: "0.06" }, assetMethod: "net", usefulLife: { building: 30 } });
  expect(Object.values(a.recognition!.clauses!)).toEqual(["receivable"]);
  expect(Object.values(a.recognition!.approvalYears!)).toEqual([2026]);
  expect(Object.values(a.paymentLag.documents)).toEqual([1]);
  // And the scenario of that draft is valid and keeps them.
  expect(parseScenario(toRaw(last!)).accounting).toEqual(validate(last!).scenario!.accounting);
  expect(screen.queryByTestId("invalid")).toBeNull();
});

test("import and export keep the accounting block of the example exactly", () => {
  const back = parseScenario(JSON.parse(JSON.stringify(toRaw(fromScenario(s)))));
  expect(back.accounting).toEqual(s.accounting);
  expect(back.events[0]).toEqual(s.events[0]);
});

test("a what-if on the tax rate: Δ in tax and after tax against the baseline, and the setting named", () => {
  const at25 = parseScenario({ ...raw, accounting: { ...raw.accounting, taxRate: "0.25" } });
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang: "en-US", t: (key, params) => translate("en-US", key, params) }}>
        <AccountsSection scenario={at25} f={forecast(at25)} baseline={{ name: "Baseline", scenario: s }} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  const delta = (view: string) => Array.from(within(screen.getByTestId("accounts-delta")).getAllByRole("row").find((r) => r.textContent?.startsWith(view))!.querySelectorAll("td, th")).map((c) => c.textContent);
  // Tax, expected, in total: at 15% research 15% × (4,000,000 + 4,000,000) × 2 years = 2,400,000, plant
  // 15% × 6,000,000 = 900,000, certificate 15% × 3,200,000 = 480,000: 3,780,000. At 25%: 4,000,000 +
  // 1,500,000 + 800,000 = 6,300,000. Δ +2,520,000; profit does not move, so after tax −2,520,000.
  expect(delta("Income tax expense")).toEqual(["Income tax expense", "3,780,000", "6,300,000", "+2,520,000"]);
  expect(delta("After tax")).toEqual(["After tax", "13,420,000", "10,900,000", "−2,520,000"]);
  expect(delta("Profit and loss")).toEqual(["Profit and loss", "17,200,000", "17,200,000", "0"]);
  expect(screen.getByTestId("accounts-changed").textContent).toBe("accounting settings changed: income tax rate");
});

test("under the tax non-taxable funds bring, both treatments side by side, by year, in total and discounted", () => {
  renderIn("en-US");
  expect(screen.queryByTestId("accounts-treatments")).toBeNull();
  view("nonDeductible");
  const rows = within(screen.getByTestId("accounts-treatments"))
    .getAllByRole("row")
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent));
  // Research's 8,000,000, received 2026, its costs over 2026–27. As set (non-taxable): 15% × 4,000,000 not
  // deductible + 15% × 100% × 4,000,000 super deduction lost = 1,200,000 in each of 2026 and 2027. Taxed
  // instead: 15% × 8,000,000 = 1,200,000 when received in 2026, its costs deducted and super-deducted as
  // usual (none of that in this view). Present value at the default 8% to 2026: 1,200,000 + 1,200,000 ÷
  // 1.08 = 2,311,111.11 against 1,200,000.
  expect(rows[0]).toEqual(["2026", "1,200,000", "1,200,000", "0"]);
  expect(rows[1]).toEqual(["2027", "1,200,000", "0", "1,200,000"]);
  expect(rows.find((r) => r[0] === "Total")).toEqual(["Total", "2,400,000", "1,200,000", "1,200,000"]);
  expect(rows[rows.length - 1]).toEqual(["present value (discount rate 8%, default)", "2,311,111.11", "1,200,000", "1,111,111.11"]);
});
