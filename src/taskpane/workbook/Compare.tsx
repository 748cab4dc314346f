import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { forecast, formatYuan, toNumber, type Forecast, type Scenario } from "../engine";
import { ScrollRegion } from "../results/ScrollRegion";
import { useI18n } from "../i18n";
import { BarChart } from "../results/BarChart";
import { Decimal } from "../engine";

/** One colour per compared scenario, in the order they are listed. */
const palette = ["#0f6cbd", "#c239b3", "#ca5010", "#038387", "#8764b8", "#986f0b"];

const useStyles = makeStyles({
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  h: { marginTop: tokens.spacingVerticalL },
});

/** Two or more scenarios side by side: totals, expected support by year, and a chart of it. */
export function Compare({ scenarios }: { readonly scenarios: readonly { readonly key: string; readonly scenario: Scenario }[] }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const forecasts = useMemo(() => scenarios.map(({ key, scenario }) => ({ key, scenario, f: forecast(scenario) as Forecast })), [scenarios]);
  const years = [...new Set(forecasts.flatMap(({ f }) => f.years.map((y) => y.year)))].sort((a, b) => a - b);
  const expectedIn = (f: Forecast, year: number) => f.years.find((y) => y.year === year)?.expected;
  return (
    <section aria-labelledby="compare-title">
      <h3 id="compare-title" className={styles.h}>
        {t("compare.title")}
      </h3>
      <ScrollRegion label={t("compare.totals")}>
        <Table size="small" className={styles.table} aria-label={t("compare.totals")} data-testid="compare-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("compare.scenario")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.ceiling")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.expected")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.p10")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.p50")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.p90")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {forecasts.map(({ key, scenario, f }) => (
              <TableRow key={key}>
                <TableCell>{scenario.name}</TableCell>
                {[f.total.ceiling, f.total.expected, f.total.p10, f.total.p50, f.total.p90].map((v, i) => (
                  <TableCell key={i} className={styles.num}>
                    {formatYuan(v)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      <BarChart
        lang={lang}
        title={t("compare.chart")}
        summary={forecasts.map(({ scenario, f }) => `${scenario.name}: ${formatYuan(f.total.expected)}`).join("; ")}
        categories={years.map(String)}
        format={(v) => formatYuan(new Decimal(v))}
        sideBySide
        series={forecasts.map(({ scenario, f }, k) => ({ name: scenario.name, color: palette[k % palette.length], values: years.map((y) => { const v = expectedIn(f, y); return v ? toNumber(v) : 0; }) }))}
      />
      <ScrollRegion label={t("compare.byYear")}>
        <Table size="small" className={styles.table} aria-label={t("compare.byYear")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("col.year")}</TableHeaderCell>
              {forecasts.map(({ key, scenario }) => (
                <TableHeaderCell key={key} scope="col">
                  {t("col.expectedOf", { policy: scenario.name })}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {years.map((year) => (
              <TableRow key={year}>
                <TableCell>{year}</TableCell>
                {forecasts.map(({ key, f }) => {
                  const v = expectedIn(f, year);
                  return (
                    <TableCell key={key} className={styles.num}>
                      {v ? formatYuan(v) : "–"}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
