import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { accounts as accountsOf, accountsTable, Decimal as DecimalOf, yearStatement, type Decimal, type Forecast, type Quantity, type Scenario } from "../engine";
import { useI18n, type MessageKey } from "../i18n";
import { useAmounts } from "./amounts";
import { FigureTable } from "./FigureTable";

const useStyles = makeStyles({
  settings: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalS} 0` },
  statement: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9em, 1fr))", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: "tabular-nums" },
});

/** The views the switch offers (DESIGN rulings 15–17); entitled is the results above. */
const views: readonly Quantity[] = ["cash", "pl", "deferred", "currentTax", "deferredTaxAsset", "deferredTaxLiability", "tax", "nonDeductible", "aftertax"];

/** The settings the section edits in place: the tax rate and the default payment lag (the rest stay as loaded). */
type Accounting = Scenario["accounting"];

/**
 * The CFO's views of the forecast, inside the results' own fold: a small statement of one year
 * (其他收益, deferred income at its end, cash received), the two settings most often changed, and
 * a switch between the views. Every figure and every assumption's wording comes from the engine,
 * on the forecast the results already show (no second run: the P10–P90 band of these views is
 * the CLI's and FORECAST's).
 */
export function AccountsSection({ scenario, f, thisYear = new Date().getFullYear(), onSettings }: { readonly scenario: Scenario; readonly f: Forecast; readonly thisYear?: number; readonly onSettings?: (a: Accounting) => void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const amounts = useAmounts();
  const [view, setView] = useState<Quantity>("cash");
  const accounts = useMemo(() => accountsOf(scenario, f), [scenario, f]);
  const { from, to } = accounts.horizon;
  // The statement's year: this year, brought within the horizon; where that year shows nothing
  // (the lag puts the money later), the first year that does.
  const shows = (y: number) => {
    const st = yearStatement(accounts, y);
    return !st.otherIncome.expected.isZero() || !st.deferred.expected.isZero() || !st.cash.expected.isZero();
  };
  const clamped = Math.min(Math.max(thisYear, from), to);
  const year = shows(clamped) ? clamped : (accounts.views.cash.years.map((r) => r.year).find(shows) ?? clamped);
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
  const a = scenario.accounting;
  // A rate typed as a percentage (15 for 15%), kept as text until it is one the schema accepts.
  const [rateText, setRateText] = useState(() => percent(a.taxRate));
  // A rate changed elsewhere (undo, a scenario loaded) replaces what is typed; one typed here does not.
  const sent = useRef(a.taxRate);
  useEffect(() => {
    if (a.taxRate !== sent.current) {
      sent.current = a.taxRate;
      setRateText(percent(a.taxRate));
    }
  }, [a.taxRate]);
  const setRate = (text: string) => {
    setRateText(text);
    const share = shareOf(text);
    if (share !== undefined && onSettings) {
      sent.current = share;
      onSettings({ ...a, taxRate: share });
    }
  };

  return (
    <div>
      <p>{t("accounts.help")}</p>
      <div className={styles.statement}>
        {item("accounts.otherIncome", statement.otherIncome.expected, "statement-other-income")}
        {item("accounts.deferred", statement.deferred.expected, "statement-deferred")}
        {item("accounts.cash", statement.cash.expected, "statement-cash")}
      </div>
      {onSettings && (
        <div className={styles.settings}>
          <Field label={t("accounts.taxRate")} validationMessage={shareOf(rateText) === undefined ? t("accounts.taxRateInvalid") : undefined}>
            <Input value={rateText} onChange={(_, d) => setRate(d.value)} contentAfter="%" data-testid="accounts-tax-rate" inputMode="decimal" />
          </Field>
          <Field label={t("accounts.lag")}>
            <Select value={String(a.paymentLag.default)} onChange={(_, d) => onSettings({ ...a, paymentLag: { ...a.paymentLag, default: Number(d.value) } })} data-testid="accounts-lag">
              {[0, 1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {t("accounts.lagYears", { n })}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
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
        {assumptions.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </div>
  );
}

/** "0.15" → "15", by moving the decimal point (no binary rounding). */
function percent(share: string): string {
  return new DecimalOf(share).times(100).toFixed();
}

/** "15" → "0.15"; undefined unless a percentage from 0 to 100. */
function shareOf(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const share = new DecimalOf(t).dividedBy(100);
  return share.gt(1) ? undefined : share.toFixed();
}
