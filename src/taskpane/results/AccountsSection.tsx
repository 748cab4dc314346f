import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { accounts as accountsOf, accountsTable, yearStatement, type Decimal, type Forecast, type Quantity, type Scenario } from "../engine";
import { useI18n, type MessageKey } from "../i18n";
import { useAmounts } from "./amounts";
import { FigureTable } from "./FigureTable";

const useStyles = makeStyles({
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0`, "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 } },
  statement: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9em, 1fr))", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: "tabular-nums" },
});

/** The views the switch offers (DESIGN rulings 15–17); entitled is the results above. */
const views: readonly Quantity[] = ["cash", "pl", "deferred", "tax", "aftertax"];

/**
 * The CFO's views of the forecast, folded like the results' other details: a small statement of
 * one year (其他收益, deferred income at its end, cash received) and a switch between cash, profit
 * and loss, deferred income and tax.
 * Every figure and every assumption's wording comes from the engine, on the forecast the results
 * already show (no second run: the P10–P90 band of these views is the CLI's and FORECAST's).
 */
export function AccountsSection({ scenario, f, thisYear = new Date().getFullYear() }: { readonly scenario: Scenario; readonly f: Forecast; readonly thisYear?: number }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const amounts = useAmounts();
  const [view, setView] = useState<Quantity>("cash");
  const accounts = useMemo(() => accountsOf(scenario, f), [scenario, f]);
  const { from, to } = accounts.horizon;
  // The statement's year: this year, brought within the horizon.
  const year = Math.min(Math.max(thisYear, from), to);
  const statement = yearStatement(accounts, year);
  const table = accountsTable(accounts, view, lang);
  const label = lang === "zh-CN" ? "假设" : "assumption";
  const figures = table.rows.filter((r) => r[0] !== label);
  const assumptions = table.rows.filter((r) => r[0] === label).map((r) => String(r[1]));
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
    <details className={styles.details} data-testid="accounts">
      <summary>{t("accounts.title")}</summary>
      <p>{t("accounts.help")}</p>
      <div className={styles.statement}>
        {item("accounts.otherIncome", statement.otherIncome.expected, "statement-other-income")}
        {item("accounts.deferred", statement.deferred.expected, "statement-deferred")}
        {item("accounts.cash", statement.cash.expected, "statement-cash")}
      </div>
      <Field label={t("accounts.view")}>
        <Select value={view} onChange={(_, data) => setView(data.value as Quantity)} data-testid="accounts-view">
          {views.map((v) => (
            <option key={v} value={v}>
              {t(`view.${v}` as MessageKey)}
            </option>
          ))}
        </Select>
      </Field>
      <FigureTable label={t(`view.${view}` as MessageKey)} testId="accounts-table" header={headers} rows={figures.map((row) => row.slice(0, 3).map(cell))} />
      <p>{t("results.unitNote", { unit: amounts.unitName })}</p>
      <p>{t("accounts.assumptions")}</p>
      <ul data-testid="accounts-assumptions">
        {assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </details>
  );
}
