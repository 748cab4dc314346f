import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { forecastTable, formatTitle, scenarioToInputs, type Decimal, type Forecast, type Scenario } from "../engine";
import { useI18n, type I18n } from "../i18n";
import { clauseName, policyName } from "./words";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: `${tokens.spacingVerticalS} 0`, "@media print": { display: "none" } },
});

const plain = (v: number | Decimal | string | null | boolean | undefined): string => (v === null || v === undefined ? "" : typeof v === "object" ? v.toFixed() : String(v));

/** The year table as tab-separated text (pastes into Excel as cells): amounts in plain yuan, no separators; the total row named by `total`. */
export function yearTableTsv(f: Forecast, header: readonly string[], total: string): string {
  const table = forecastTable(f);
  return [header, ...table.rows.map((r) => r.map((v, c) => (c === 0 && v === "total" ? total : plain(v))))].map((r) => r.join("\t")).join("\n");
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** Rows as CSV, amounts in plain yuan; a byte-order mark so Excel reads the Chinese as UTF-8. */
export const toCsv = (rows: readonly (readonly (number | Decimal | string | null | boolean | undefined)[])[]): string => `\ufeff${rows.map((r) => r.map((c) => csvCell(plain(c))).join(",")).join("\r\n")}`;

/**
 * The scenario as the Inputs table's rows in the reader's language (the engine's scenarioToInputs:
 * in zh-CN its header, items and words are Chinese, as the template's 输入 sheet), which the
 * engine reads back in either language.
 */
export function scenarioCsv(s: Scenario, { lang }: I18n): string {
  return toCsv(scenarioToInputs(s, lang));
}

/**
 * The forecast as CSV, one row per year, policy and clause: the ceiling and expected amount of
 * each line that pays, with its citation; then each year's and the horizon's totals with their
 * P10–P90 band (a band is a year's, not a line's).
 */
export function resultsCsv(f: Forecast, i18n: I18n): string {
  const { t, lang } = i18n;
  const header = [t("col.year"), t("col.policy"), t("results.clause"), t("delta.event"), t("col.ceiling"), t("col.expected"), t("col.p10"), t("col.p90"), t("results.citation")];
  const lines = [...f.lines]
    .filter((l) => l.ceiling.gt(0) || l.expected.gt(0))
    .sort((a, b) => a.year - b.year || a.trace.document.id.localeCompare(b.trace.document.id))
    .map((l) => [l.year, policyName(l.trace.document.id, i18n), clauseName(l.trace.clause.id, i18n), formatTitle(l.title, lang), l.ceiling, l.expected, "", "", `${l.trace.document.title} ${l.trace.clause.article}：${l.trace.clause.sentence}`]);
  const totals = [...f.years.map((y) => [y.year, t("col.total"), "", "", y.ceiling, y.expected, y.p10, y.p90, ""]), [t("col.total"), t("col.total"), "", "", f.total.ceiling, f.total.expected, f.total.p10, f.total.p90, ""]];
  return toCsv([header, ...lines, ...totals]);
}

export function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the scenario's name and what-if ("Pengcheng-Imaging-What-if-2"), letters and digits of any script kept. */
export const fileName = (...parts: readonly (string | undefined)[]) =>
  (
    parts
      .filter(Boolean)
      .join("-")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "scenario"
  ).slice(0, 80);

/** Today (YYYY-MM-DD, local): the date exports and the values sheets are stamped with. */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/**
 * Copy the year table; download the inputs and the results as CSV and the scenario as JSON,
 * each file named for what it holds and for the scenario or what-if it comes from; print.
 */
export function ExportBar({ scenario, f, header, whatIf }: { readonly scenario: Scenario; readonly f: Forecast; readonly header: readonly string[]; readonly whatIf?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    const text = yearTableTsv(f, header, t("col.total"));
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t("export.copied"));
    } catch {
      setCopied(t("export.copyFailed"));
    }
  };
  const base = [scenario.name, whatIf];
  return (
    <div className={styles.row}>
      <Button size="small" onClick={() => void copy()} data-testid="copy-tsv">
        {t("export.copy")}
      </Button>
      <Button size="small" onClick={() => download(`${fileName(...base, t("export.resultsFile"))}.csv`, "text/csv;charset=utf-8", resultsCsv(f, i18n))} data-testid="export-results">
        {t("export.resultsCsv")}
      </Button>
      <Button size="small" onClick={() => download(`${fileName(...base, t("export.inputsFile"))}.csv`, "text/csv;charset=utf-8", scenarioCsv(scenario, i18n))} data-testid="export-inputs">
        {t("export.csv")}
      </Button>
      <Button size="small" onClick={() => download(`${fileName(...base)}.json`, "application/json", JSON.stringify(scenario, null, 2))} data-testid="export-json">
        {t("export.json")}
      </Button>
      <Button size="small" onClick={() => window.print()} data-testid="print">
        {t("export.print")}
      </Button>
      <span role="status">{copied}</span>
    </div>
  );
}
