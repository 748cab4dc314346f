import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { engine, forecast, forecastTable, formatCap, formatNote, formatStep, formatTitle, formatYuan, toNumber, type Decimal, type Forecast, type ForecastLine, type PolicyDocument, type Scenario } from "../engine";
import { ScrollRegion } from "./ScrollRegion";
import { catalogs, useI18n, type I18n, type MessageKey } from "../i18n";
import { BarChart } from "./BarChart";
import { classifyFlags, type Flag } from "./flags";

const useStyles = makeStyles({
  totals: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9em, 1fr))", gap: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0` },
  total: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM },
  totalLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  totalValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: "tabular-nums" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  /** Columns as wide as their numbers; the region around the table scrolls in a narrow pane. */
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  line: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0` },
  lineHead: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  lineTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  cite: { margin: `${tokens.spacingVerticalXS} 0`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  flags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: `${tokens.spacingVerticalXS} 0` },
  steps: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em" },
  sentence: { margin: `${tokens.spacingVerticalXS} 0`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderLeft: `3px solid ${tokens.colorBrandStroke1}`, background: tokens.colorNeutralBackground2 },
  json: { maxHeight: "16em", overflow: "auto", fontSize: tokens.fontSizeBase200, background: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS },
});

/** An amount as the pane shows it: the engine's formatting, and the unit. */
export const yuan = (x: Decimal, t: I18n["t"]): string => t("amount.yuan", { amount: formatYuan(x) });

export function documentName(doc: PolicyDocument | undefined, id: string, lang: I18n["lang"]): string {
  if (!doc) return id;
  return lang === "zh-CN" ? doc.title : doc.titleEn;
}

/** A short name for a narrow column: the pane's own (policy.<id>), else the full title. */
export function shortDocumentName(doc: PolicyDocument | undefined, id: string, i18n: I18n): string {
  const key = `policy.${id}`;
  return key in catalogs[i18n.lang] ? i18n.t(key as MessageKey) : documentName(doc, id, i18n.lang);
}

export function useDocuments(): ReadonlyMap<string, PolicyDocument> {
  return useMemo(() => new Map(engine().catalog.documents.map((d) => [d.id, d])), []);
}

/** Step 4: the engine's forecast of the scenario, by year, by policy and clause by clause. */
export function ResultsStep({ scenario }: { readonly scenario: Scenario }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const documents = useDocuments();
  const result = useMemo((): { f: Forecast } | { error: string } => {
    try {
      return { f: forecast(scenario) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [scenario]);
  if ("error" in result) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{t("results.failed", { message: result.error })}</MessageBarBody>
      </MessageBar>
    );
  }
  const { f } = result;
  const table = forecastTable(f);
  const policies = table.header.slice(6).map((h) => h.replace(/^expected: /, ""));
  const totalRow = table.rows[table.rows.length - 1];
  const headerText = [t("col.year"), t("col.ceiling"), t("col.expected"), "P10", "P50", "P90"];
  const cell = (v: number | Decimal | string) => (typeof v === "object" ? formatYuan(v) : v === "total" ? t("col.total") : String(v));

  return (
    <>
      <div className={styles.totals}>
        <Total label={t("total.expected")} value={yuan(f.total.expected, t)} testId="total-expected" />
        <Total label={t("total.ceiling")} value={yuan(f.total.ceiling, t)} testId="total-ceiling" />
        <Total label={t("total.band")} value={`${formatYuan(f.total.p10)} – ${formatYuan(f.total.p90)}`} testId="total-band" />
        <Total label={t("total.p50")} value={yuan(f.total.p50, t)} testId="total-p50" />
      </div>
      <p>
        {f.method.kind === "exact" ? t("method.exact", { worlds: f.method.worlds }) : t("method.monteCarlo", { draws: f.method.draws, seed: f.method.seed })}{" "}
        {t("method.catalog", { version: f.catalogVersion })}
      </p>
      {f.total.assumed && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("results.assumed")}</MessageBarBody>
        </MessageBar>
      )}

      <h3>{t("results.byYear")}</h3>
      <BarChart
        lang={lang}
        title={t("chart.title")}
        summary={t("chart.summary", { from: scenario.horizon.from, to: scenario.horizon.to, total: formatYuan(f.total.expected) })}
        categories={f.years.map((y) => String(y.year))}
        series={policies.map((p) => ({ name: shortDocumentName(documents.get(p), p, i18n), values: f.years.map((y) => (y.byPolicy[p] ? toNumber(y.byPolicy[p].expected) : 0)) }))}
        stacked
        ceiling={f.years.map((y) => toNumber(y.ceiling))}
        band={{ low: f.years.map((y) => toNumber(y.p10)), high: f.years.map((y) => toNumber(y.p90)) }}
        ceilingLabel={t("col.ceiling")}
        bandLabel={t("total.band")}
      />
      <ScrollRegion label={t("results.byYear")}>
        <Table size="small" className={styles.table} aria-label={t("results.byYear")} data-testid="year-table">
          <TableHeader>
            <TableRow>
              {table.header.map((h, i) => (
                <TableHeaderCell key={h} scope="col" className={i > 0 ? styles.num : undefined} title={i < 6 ? undefined : documentName(documents.get(policies[i - 6]), policies[i - 6], lang)}>
                  {i < 6 ? headerText[i] : t("col.expectedOf", { policy: shortDocumentName(documents.get(policies[i - 6]), policies[i - 6], i18n) })}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.rows.map((row) => (
              <TableRow key={String(row[0])}>
                {row.map((v, i) => (
                  <TableCell key={i} className={i > 0 ? styles.num : undefined}>
                    {cell(v)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>

      <h3>{t("results.byPolicy")}</h3>
      <ScrollRegion label={t("results.byPolicy")}>
        <Table size="small" className={styles.table} aria-label={t("results.byPolicy")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t("col.policy")}</TableHeaderCell>
              <TableHeaderCell scope="col">{t("col.status")}</TableHeaderCell>
              <TableHeaderCell scope="col" className={styles.num}>
                {t("col.expected")}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {policies.map((p, i) => (
              <TableRow key={p}>
                <TableCell>{documentName(documents.get(p), p, lang)}</TableCell>
                <TableCell>{documents.get(p)?.status === "draft" ? t("status.draft") : t("status.inForce")}</TableCell>
                <TableCell className={styles.num}>{cell(totalRow[6 + i])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>

      <h3>{t("results.byClause")}</h3>
      <p>{t("results.byClauseHelp")}</p>
      {f.lines.length === 0 && <p>{t("results.noLines")}</p>}
      {f.lines.map((line, i) => (
        <ClauseLineView key={`${line.year}-${line.trace.clause.id}-${i}`} line={line} />
      ))}

      <details>
        <summary>{t("results.json")}</summary>
        <pre className={styles.json} data-testid="scenario-json">
          {JSON.stringify(scenario, null, 2)}
        </pre>
      </details>
    </>
  );
}

function Total({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.total}>
      <p className={styles.totalLabel}>{label}</p>
      <p className={styles.totalValue} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

const flagColor: Record<Flag["kind"], "danger" | "warning" | "important" | "informative"> = {
  draft: "warning",
  discretionary: "important",
  unspecified: "danger",
  assumed: "danger",
  expiring: "warning",
  info: "informative",
};

function ClauseLineView({ line }: { readonly line: ForecastLine }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { clause, document, working } = line.trace;
  const flags = classifyFlags(line.flags);
  const sentenceId = `sentence-${clause.id.replace(/[^a-z0-9]/gi, "-")}-${line.year}-${line.matter.length}`;
  return (
    <article className={styles.line} aria-label={`${line.year} ${formatTitle(line.title, lang)}`}>
      <div className={styles.lineHead}>
        <h4 className={styles.lineTitle}>
          {line.year} · {formatTitle(line.title, lang)}
        </h4>
        <span className={styles.num}>
          {t("line.amounts", { expected: formatYuan(line.expected), ceiling: formatYuan(line.ceiling) })}
        </span>
      </div>
      <p className={styles.cite}>
        {lang === "zh-CN" ? clause.summary.zh : clause.summary.en} — <cite lang="zh-CN">{document.title}</cite> {clause.article}
        {lang === "en-US" && ` (${document.titleEn})`} · {document.status === "draft" ? t("status.draft") : t("status.inForce")}
      </p>
      {flags.length > 0 && (
        <ul className={styles.flags} aria-label={t("line.flags")} style={{ listStyle: "none", padding: 0 }}>
          {flags.map((flag) => (
            <li key={flag.text}>
              <Badge appearance={flag.kind === "info" ? "outline" : "tint"} color={flagColor[flag.kind]} title={flag.text}>
                {t(flag.key, flag.params)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {working && working.steps.length > 0 && (
        <ol className={styles.steps} aria-label={t("line.arithmetic")}>
          {working.steps.map((s, i) => (
            <li key={i}>{formatStep(s, lang)}</li>
          ))}
          {working.bindingCap && <li>{t("line.bindingCap", { cap: formatCap(working.bindingCap, lang) })}</li>}
        </ol>
      )}
      {line.notes.map((n, i) => (
        <p key={i} className={styles.cite}>
          {formatNote(n, lang)}
        </p>
      ))}
      <Button size="small" appearance="secondary" aria-expanded={open} aria-controls={sentenceId} onClick={() => setOpen(!open)}>
        {open ? t("line.hideSentence") : t("line.showSentence")}
      </Button>
      <blockquote id={sentenceId} className={styles.sentence} lang="zh-CN" hidden={!open}>
        {clause.sentence}
      </blockquote>
    </article>
  );
}
