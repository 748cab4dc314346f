import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { accountingChanges, accountingChangeText, accountingQuantities, accounts as accountsOf, accountsTable, compareAccounts, forecast, formatSignedIn, lineWhy, treatments, treatmentsTable, yearStatement, type Decimal, type Forecast, type Quantity, type Scenario } from "../engine";
import { useI18n, type MessageKey } from "../i18n";
import { AccountingSettings } from "../wizard/AccountingSettings";
import type { Draft } from "../wizard/draft";
import { clauseName } from "./words";
import { useAmounts } from "./amounts";
import { FigureTable } from "./FigureTable";

const useStyles = makeStyles({
  // A select as wide as its longest view's name would push past a 350 px pane: it shrinks with it.
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%" },
  lines: { paddingLeft: "1.2em", overflowWrap: "anywhere", "& > li": { margin: `${tokens.spacingVerticalXS} 0` } },
  statement: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9em, 1fr))", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: "tabular-nums" },
});

/** The views the switch offers, every one the CLI's --view has (DESIGN rulings 15–17, 22–23); entitled is the results above. */
const views: readonly Quantity[] = accountingQuantities.filter((q) => q !== "entitled");

/** The views whose Δ a what-if shows against its baseline: what the settings move most. */
const deltaViews: readonly Quantity[] = ["cash", "pl", "currentTax", "tax", "aftertax"];

/**
 * The CFO's views of the forecast, one level inside the results' own fold: a small statement of
 * one year (其他收益, deferred income at its end, cash received), opening on the first year with
 * figures; a switch between the views; each line with the engine's arithmetic of its figures in
 * the view shown (lineWhy; the results above give each line's whole story); a what-if's Δ; and,
 * where the draft can be changed, every setting the views rest on.
 * Every figure and every assumption's wording comes from the engine, on the forecast the results
 * already show (the P10–P90 band of these views is the CLI's and FORECAST's); only a what-if's
 * baseline and, where clauses are non-taxable, the other tax treatment take runs of their own.
 */
export function AccountsSection({ scenario, f, draft, change, baseline }: {
  readonly scenario: Scenario;
  readonly f: Forecast;
  readonly draft?: Draft;
  readonly change?: (patch: Partial<Draft>) => void;
  /** The 基准方案 a what-if is compared with, when one is open. */
  readonly baseline?: { readonly name: string; readonly scenario: Scenario };
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const [view, setView] = useState<Quantity>("cash");
  const accounts = useMemo(() => accountsOf(scenario, f), [scenario, f]);
  const base = baseline?.scenario;
  const baseAccounts = useMemo(() => base && accountsOf(base, forecast(base)), [base]);
  // The what-if's Δ in each view's total (expected), to the fen, and the settings it changed, in the engine's words.
  const deltas = baseAccounts && compareAccounts(baseAccounts, accounts, deltaViews);
  const changed = base ? accountingChanges(base, scenario) : [];
  // 不征税收入 beside the taxable treatment (ruling 17: both shown), under the views of the tax those funds bring.
  const both = useMemo(() => {
    const tr = treatments(scenario);
    return tr && treatmentsTable(tr, scenario.horizon.to, lang);
  }, [scenario, lang]);
  const { from, to } = accounts.horizon;
  const shows = (y: number) => {
    const st = yearStatement(accounts, y);
    return !st.otherIncome.expected.isZero() || !st.deferred.expected.isZero() || !st.cash.expected.isZero();
  };
  const years = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  // The statement opens on the first year with figures (the lag puts the first money a year or
  // more after the first award), and stays on a year the reader picks while it is in the horizon.
  const [picked, setPicked] = useState<number>();
  const year = picked !== undefined && picked >= from && picked <= to ? picked : (years.find(shows) ?? from);
  const statement = yearStatement(accounts, year);
  const table = accountsTable(accounts, view, lang);
  const label = lang === "zh-CN" ? "假设" : "assumption";
  const figures = table.rows.filter((r) => r[0] !== label);
  const assumptions = table.rows.filter((r) => r[0] === label).map((r) => String(r[1]));
  const lines = accounts.lines.filter((l) => !l.line.ceiling.isZero() || !l.line.expected.isZero());
  const headers = [t("col.year"), t("col.ceiling"), t("col.expected")];
  const cell = (v: number | Decimal | string) => (typeof v === "object" ? amounts.bare(v) : v === "total" ? t("col.total") : String(v));
  const item = (key: MessageKey, amount: Decimal, testId: string) => (
    <div className={styles.item}>
      <p className={styles.label}>{t(key, { year })}</p>
      <p className={styles.value} data-testid={testId}>
        {amounts.money(amount)}
      </p>
    </div>
  );

  return (
    <div>
      <p>{t("accounts.help")}</p>
      <Field className={styles.field} label={t("accounts.year")}>
        <Select className={styles.select} value={String(year)} onChange={(_, d) => setPicked(Number(d.value))} data-testid="accounts-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.statement}>
        {item("accounts.otherIncome", statement.otherIncome.expected, "statement-other-income")}
        {item("accounts.deferred", statement.deferred.expected, "statement-deferred")}
        {item("accounts.cash", statement.cash.expected, "statement-cash")}
      </div>
      <Field className={styles.field} label={t("accounts.view")}>
        <Select className={styles.select} value={view} onChange={(_, data) => setView(data.value as Quantity)} data-testid="accounts-view">
          {views.map((v) => (
            <option key={v} value={v}>
              {t(`view.${v}` as MessageKey)}
            </option>
          ))}
        </Select>
      </Field>
      <FigureTable label={t(`view.${view}` as MessageKey)} testId="accounts-table" header={headers} rows={figures.map((row) => row.slice(0, 3).map(cell))} />
      {both && (view === "nonDeductible" || view === "lostDeduction" || view === "lostSuperDeduction") && (
        <FigureTable label={t("accounts.treatments")} testId="accounts-treatments" header={both.header} rows={both.rows.map((row) => row.map(cell))} />
      )}
      <p>{t("results.unitNote", { unit: amounts.unitName })}</p>
      <p>{t("accounts.assumptions")}</p>
      <ul data-testid="accounts-assumptions">
        {assumptions.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      {baseline && deltas && (
        <>
          <h4>{t("accounts.delta", { name: baseline.name })}</h4>
          {changed.length > 0 && <p data-testid="accounts-changed">{accountingChangeText(changed, lang)}</p>}
          <FigureTable
            label={t("accounts.delta", { name: baseline.name })}
            testId="accounts-delta"
            header={[t("accounts.deltaView"), t("accounts.deltaBaseline", { name: baseline.name, unit: amounts.unitName }), t("accounts.deltaThis", { unit: amounts.unitName }), t("accounts.deltaChange", { unit: amounts.unitName })]}
            rows={deltaViews.map((q) => {
              const d = deltas[q]!.total;
              return [t(`view.${q}` as MessageKey), amounts.bare(d.baseline), amounts.bare(d.variant), formatSignedIn(d.delta, amounts.unit)];
            })}
          />
        </>
      )}
      <h4>{t("accounts.lines")}</h4>
      <ul className={styles.lines} data-testid="accounts-lines">
        {lines.map((l, k) => (
          <li key={k}>
            <strong>{t("accounts.line", { clause: clauseName(l.line.trace.clause.id, i18n), year: l.line.year })}</strong>
            <br />
            {lineWhy(accounts, l, view, lang)}
          </li>
        ))}
      </ul>
      {draft && change && <AccountingSettings draft={draft} change={change} />}
    </div>
  );
}

