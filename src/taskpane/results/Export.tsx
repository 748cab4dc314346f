import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { forecastTable, scenarioToInputs, type Decimal, type Forecast, type Scenario } from "../engine";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: `${tokens.spacingVerticalS} 0`, "@media print": { display: "none" } },
});

const plain = (v: number | Decimal | string | null | boolean | undefined): string => (v === null || v === undefined ? "" : typeof v === "object" ? v.toFixed() : String(v));

/** The year table as tab-separated text (pastes into Excel as cells): amounts in plain yuan, no separators. */
export function yearTableTsv(f: Forecast, header: readonly string[]): string {
  const table = forecastTable(f);
  return [header, ...table.rows.map((r) => r.map(plain))].map((r) => r.join("\t")).join("\n");
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The scenario as the Inputs table's rows (the engine's scenarioToInputs), as CSV. */
export function scenarioCsv(s: Scenario): string {
  return scenarioToInputs(s)
    .map((r) => r.map((c) => csvCell(plain(c))).join(","))
    .join("\r\n");
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (s: Scenario) => (s.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "scenario").slice(0, 60);

/** Copy the year table, download the scenario as CSV or JSON, print the one-page summary. */
export function ExportBar({ scenario, f, header }: { readonly scenario: Scenario; readonly f: Forecast; readonly header: readonly string[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    const text = yearTableTsv(f, header);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t("export.copied"));
    } catch {
      setCopied(t("export.copyFailed"));
    }
  };
  return (
    <div className={styles.row}>
      <Button size="small" onClick={() => void copy()} data-testid="copy-tsv">
        {t("export.copy")}
      </Button>
      <Button size="small" onClick={() => download(`${fileName(scenario)}.csv`, "text/csv;charset=utf-8", `\ufeff${scenarioCsv(scenario)}`)}>{t("export.csv")}</Button>
      <Button size="small" onClick={() => download(`${fileName(scenario)}.json`, "application/json", JSON.stringify(scenario, null, 2))}>{t("export.json")}</Button>
      <Button size="small" onClick={() => window.print()}>
        {t("export.print")}
      </Button>
      <span role="status">{copied}</span>
    </div>
  );
}
