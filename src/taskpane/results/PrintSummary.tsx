import { FluentProvider, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { createPortal, flushSync } from "react-dom";
import { formatTitle, type Forecast, type Scenario } from "../engine";
import { useI18n } from "../i18n";
import { packsStamp } from "../packs/describe";
import { usePacksInUse } from "../packs/state";
import { useAmounts } from "./amounts";
import { today } from "./Export";
import { clauseName, regionName } from "./words";

/**
 * What "Print summary" prints: the scenario's (or what-if's) name, the enterprise, the date, the
 * catalog version, the year table, every clause that pays, and the scenario summary when there is
 * one; none of the page's controls. It lives directly under <body> (a portal), so that in print
 * everything else can be taken away whole; it is made only while printing (before the page is laid
 * out for print, synchronously), so the screen's page and what reads it hold no second copy.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia === "function" && matchMedia("print").matches);
  useEffect(() => {
    const set = (on: boolean) => () => flushSync(() => setPrinting(on));
    const [before, after] = [set(true), set(false)];
    const media = typeof matchMedia === "function" ? matchMedia("print") : undefined;
    const change = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    media?.addEventListener("change", change);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
      media?.removeEventListener("change", change);
    };
  }, []);
  return printing;
}

const usePrintOnly = makeStaticStyles(`
@media print { body > :not([data-print-summary]) { display: none !important; } }
`);

const useStyles = makeStyles({
  root: { fontSize: "10pt", color: "#000", "& table": { borderCollapse: "collapse", margin: `${tokens.spacingVerticalS} 0` }, "& th, & td": { padding: "2px 6px", borderBottom: "1px solid #999", textAlign: "left" } },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

interface Props {
  readonly scenario: Scenario;
  readonly f: Forecast;
  readonly whatIf?: string;
  /** The scenario summary (方案摘要), when a baseline has what-ifs. */
  readonly summary?: ReactNode;
}

export function PrintSummary(props: Props) {
  usePrintOnly();
  return usePrinting() ? <Printed {...props} /> : null;
}

function Printed({ scenario, f, whatIf, summary }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  // The packs the figures rest on (name, version, author, hash), as the scenario summary's stamp names them.
  const packs = packsStamp(usePacksInUse().added, i18n);
  const lines = f.lines.filter((l) => l.ceiling.gt(0) || l.expected.gt(0)).sort((a, b) => a.year - b.year);
  // Under <body>, outside the pane's provider: its own, so Fluent's tokens are defined there too.
  return createPortal(
    <FluentProvider theme={webLightTheme} data-print-summary="" data-testid="print-summary" className={styles.root} lang={i18n.lang}>
      <h1>{whatIf ? `${scenario.name} · ${whatIf}` : scenario.name}</h1>
      <p>
        {t("print.enterprise", { name: scenario.enterprise.name ?? "–", region: regionName(f.region, i18n) })}
        <br />
        {t("print.stamp", { date: today(), version: f.catalogVersion, unit: amounts.unitName })}
        {packs && (
          <>
            <br />
            {packs}
          </>
        )}
      </p>
      <h2>{t("results.yearTable")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("col.year")}</th>
            <th className={styles.num}>{t("col.ceiling")}</th>
            <th className={styles.num}>{t("col.expected")}</th>
            <th className={styles.num}>{t("total.band")}</th>
          </tr>
        </thead>
        <tbody>
          {[...f.years.map((y) => ({ label: String(y.year), b: y })), { label: t("col.total"), b: f.total }].map(({ label, b }) => (
            <tr key={label}>
              <td>{label}</td>
              <td className={styles.num}>{amounts.bare(b.ceiling)}</td>
              <td className={styles.num}>{amounts.bare(b.expected)}</td>
              <td className={styles.num}>
                {amounts.bare(b.p10)}–{amounts.bare(b.p90)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("print.clauses")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("col.year")}</th>
            <th>{t("results.clause")}</th>
            <th>{t("delta.event")}</th>
            <th className={styles.num}>{t("col.expected")}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, k) => (
            <tr key={k}>
              <td>{l.year}</td>
              <td>{clauseName(l.trace.clause.id, i18n)}</td>
              <td>{formatTitle(l.title, i18n.lang)}</td>
              <td className={styles.num}>{amounts.bare(l.expected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary}
    </FluentProvider>,
    document.body,
  );
}
