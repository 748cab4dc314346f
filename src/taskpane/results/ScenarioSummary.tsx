import { Button, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState, useSyncExternalStore } from "react";
import { host } from "../host";
import { writeSummarySheet } from "../workbook/summary-sheet";
import { forecast, scenarioSummary, summaryTable, type Scenario, type ScenarioSummary as Summary, type SummaryRow } from "../engine";
import { useI18n, type I18n } from "../i18n";
import type { Bench } from "../state/bench";
import type { Draft } from "../wizard/draft";
import { useAmounts } from "./amounts";
import { download, fileName, toCsv, today } from "./Export";
import { ScrollRegion } from "./ScrollRegion";
import { policyName } from "./words";
import { packsStamp } from "../packs/describe";
import { usePacksInUse } from "../packs/state";

const useStyles = makeStyles({
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  name: { minWidth: "7em", maxWidth: "12em" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", "@media print": { display: "none" } },
  neg: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The baseline and every what-if that is complete, forecast, side by side, with each column's
 * what-if id (undefined: the baseline); undefined without what-ifs.
 */
export function useScenarioSummary(bench: Bench, baseline: Scenario | undefined, scenarioOf: (d: Draft) => Scenario | undefined): { summary: Summary; ids: (string | undefined)[] } | undefined {
  return useMemo(() => {
    if (!bench.baseline || !baseline || bench.variants.length === 0) return undefined;
    const complete = bench.variants.flatMap((v) => {
      const s = scenarioOf(v.draft);
      return s ? [{ id: v.id, name: v.name, forecast: forecast(s) }] : [];
    });
    return { summary: scenarioSummary([{ name: bench.baseline.name, forecast: forecast(baseline) }, ...complete]), ids: [undefined, ...complete.map((c) => c.id)] };
  }, [bench.baseline, bench.variants, baseline, scenarioOf]);
}

/** The summary as cells, labelled in the reader's language (the CSV and the workbook's values sheet). */
export function summaryCells(summary: Summary, i18n: I18n) {
  const { t } = i18n;
  return summaryTable(summary, { label: t("scenarioSummary.label"), delta: (name) => t("scenarioSummary.delta", { name }), total: t("col.total"), policy: (d) => policyName(d, i18n) });
}

/** The stamp above the summary: the date, the catalog version, and each pack in use (packsStamp: name, version, author, hash). */
export function summaryStamp(version: string, packs: string, { t }: I18n): string {
  const stamp = t("scenarioSummary.stamp", { date: today(), version });
  return packs ? t("packs.stampWith", { stamp, packs }) : stamp;
}

/** The summary as CSV, stamped above the table. */
export function summaryCsv(summary: Summary, version: string, i18n: I18n, packs = ""): string {
  const { header, rows } = summaryCells(summary, i18n);
  return toCsv([[i18n.t("scenarioSummary.title"), summaryStamp(version, packs, i18n)], header, ...rows]);
}

interface Props {
  readonly summary: Summary;
  readonly version: string;
  readonly scenarioName: string;
  /** Names editable in place: the baseline's, then each complete what-if's, in order. */
  readonly rename?: (index: number, name: string) => void;
}

/** 方案摘要: expected support by year and policy, the baseline and each what-if with its Δ. */
export function SummaryTable({ summary, version, scenarioName, rename }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const titleId = useId();
  const hostState = useSyncExternalStore(host.subscribe, host.get);
  const [written, setWritten] = useState<string>();
  const packs = packsStamp(usePacksInUse().added, i18n);
  const toSheet = async () => {
    const { header, rows } = summaryCells(summary, i18n);
    try {
      const address = await writeSummarySheet({ title: t("scenarioSummary.title"), stamp: summaryStamp(version, packs, i18n), header, rows }, i18n.lang);
      setWritten(t("scenarioSummary.written", { address }));
    } catch (e) {
      setWritten(t("scenarioSummary.writeFailed", { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const cells = (row: SummaryRow) =>
    row.expected.flatMap((x, i) => {
      const own = (
        <TableCell key={`e${i}`} className={styles.num}>
          {amounts.bare(x)}
        </TableCell>
      );
      if (i === 0) return [own];
      const d = row.delta[i];
      return [
        own,
        <TableCell key={`d${i}`} className={mergeClasses(styles.num, d.isNegative() && styles.neg)}>
          {amounts.signed(d).replace(` ${amounts.unitName}`, "")}
        </TableCell>,
      ];
    });
  const rows = [
    ...summary.years.map((y) => ({ key: `y${y.year}`, label: String(y.year), row: y })),
    { key: "total", label: t("col.total"), row: summary.total },
    ...summary.policies.map((p) => ({ key: `p${p.document}`, label: policyName(p.document, i18n), row: p })),
  ];
  return (
    <section aria-labelledby={titleId} data-testid={rename ? "scenario-summary" : undefined}>
      <h3 id={titleId}>{t("scenarioSummary.title")}</h3>
      <p>
        {t("scenarioSummary.help", { unit: amounts.unitName, date: today(), version })}
        {packs && <span data-testid="summary-packs"> {packs}</span>}
      </p>
      <ScrollRegion label={t("scenarioSummary.title")}>
        <Table size="small" className={styles.table} aria-label={t("scenarioSummary.title")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("scenarioSummary.label")}</TableHeaderCell>
              {summary.names.flatMap((name, i) => {
                const head = (
                  <TableHeaderCell key={`n${i}`} scope="col" className={styles.num}>
                    {rename ? <Input size="small" className={styles.name} aria-label={t("scenarioSummary.name", { n: i })} value={name} onChange={(_, d) => rename(i, d.value)} data-testid={`summary-name-${i}`} /> : name}
                  </TableHeaderCell>
                );
                return i === 0
                  ? [head]
                  : [
                      head,
                      <TableHeaderCell key={`d${i}`} scope="col" className={styles.num}>
                        Δ
                      </TableHeaderCell>,
                    ];
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map(({ key, label, row }) => (
              <TableRow key={key}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                {cells(row)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      {rename && (
        <div className={styles.row}>
          <Button size="small" onClick={() => download(`${fileName(scenarioName, t("scenarioSummary.file"))}.csv`, "text/csv;charset=utf-8", summaryCsv(summary, version, i18n, packs))} data-testid="export-summary">
            {t("scenarioSummary.csv")}
          </Button>
          {hostState.mode === "excel" && (
            <Button size="small" onClick={() => void toSheet()} data-testid="summary-to-sheet">
              {t("scenarioSummary.toSheet")}
            </Button>
          )}
          <span role="status">{written}</span>
        </div>
      )}
    </section>
  );
}
