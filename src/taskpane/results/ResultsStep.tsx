import { Badge, Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { accounts as accountsOf, Decimal, forecast, forecastTable, formatCap, formatLineAccounts, policyTotal, expectedFactors, formatNote, formatStep, summarise, toNumber, whyNot, type EventOutcome, type Forecast, type ForecastLine, type LineAccounts, type Scenario } from "../engine";
import { useI18n } from "../i18n";
import { Boundary } from "../Boundary";
import type { Draft } from "../wizard/draft";
import { AccountsSection } from "./AccountsSection";
import { useAmounts } from "./amounts";
import { BarChart, colourOf, type Marker } from "./BarChart";
import { ExportBar } from "./Export";
import { classifyFlags, type Flag } from "./flags";
import { shortDocumentName, useDocuments } from "./documents";
import { FigureTable } from "./FigureTable";
import { OtherMeasures } from "./OtherMeasures";
import { PrintSummary } from "./PrintSummary";
import { SummaryTable, useScenarioSummary } from "./ScenarioSummary";
import { packsStamp } from "../packs/describe";
import { usePacksInUse } from "../packs/state";
import { DeltaDetail, useDiff, VariantList, WhatIfLines, WhatIfPanel, type BenchActions } from "./WhatIf";
import { clauseName, eventTitle, unpaidText, whyNotText } from "./words";

const useStyles = makeStyles({
  sticky: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: `0 -${tokens.spacingHorizontalM}`,
    background: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontVariantNumeric: "tabular-nums",
    "@media print": { position: "static" },
  },
  stickyValue: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  summary: { margin: `${tokens.spacingVerticalS} 0`, "& p": { margin: `${tokens.spacingVerticalXS} 0` } },
  totals: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(9.5em, 1fr))", gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0` },
  total: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, minWidth: 0 },
  totalLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  totalValue: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0`, "& > summary": { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 }, "@media print": { display: "none" } },
  event: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalS} 0` },
  eventHead: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalM, flexWrap: "wrap", margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  line: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  cite: { margin: `${tokens.spacingVerticalXXS} 0`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  product: { margin: `${tokens.spacingVerticalXXS} 0`, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
  flags: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: `${tokens.spacingVerticalXS} 0`, listStyle: "none", padding: 0, "& > li": { minWidth: 0, maxWidth: "100%" } },
  // Fluent's Badge is one line of fixed height: a long flag ("expires 2028-12-31" with its quote)
  // would spill out of its pill at 350 px and cross the next line. It grows with its text instead.
  badge: { height: "auto", minHeight: "20px", maxWidth: "100%", whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "start", paddingTop: "1px", paddingBottom: "1px", lineHeight: tokens.lineHeightBase200 },
  steps: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.2em", overflowWrap: "anywhere" },
  sentence: { margin: `${tokens.spacingVerticalXS} 0`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderLeft: `3px solid ${tokens.colorBrandStroke1}`, background: tokens.colorNeutralBackground2 },
  json: { maxHeight: "16em", overflow: "auto", fontSize: tokens.fontSizeBase200, background: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalS },
  neg: { color: tokens.colorPaletteRedForeground1 },
});

interface Props extends BenchActions {
  readonly scenario: Scenario;
  readonly draft: Draft;
  readonly change: (patch: Partial<Draft>) => void;
}

/**
 * Step 4: what a CFO reads first (the summary), the bench for what-ifs with the Δ against the
 * baseline always in view, then the chart, and the detail on demand: lines grouped by event,
 * what is not paid and why, the tables by policy and by year, export.
 */
export function ResultsStep(props: Props) {
  const { scenario } = props;
  const i18n = useI18n();
  const { t } = i18n;
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
  return <Results {...props} f={result.f} />;
}

function Results(props: Props & { readonly f: Forecast }) {
  const { scenario, f, bench } = props;
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const documents = useDocuments();
  // The packs this forecast computed with, named as the catalog version names them: title, version, author (and hash).
  const packs = packsStamp(usePacksInUse().added, i18n);
  const summary = useMemo(() => summarise(scenario, f), [scenario, f]);
  // Each line's way from entitlement to cash and profit, shown under it (the engine's accounts of f).
  const lineAccounts = useMemo(() => new Map(accountsOf(scenario, f).lines.map((l) => [l.line, l])), [scenario, f]);
  const { scenarioOf } = props;
  const baseline = useMemo(() => (bench.baseline ? scenarioOf(bench.baseline.draft) : undefined), [bench.baseline, scenarioOf]);
  const diff = useDiff(baseline, scenario, f);
  const side = useScenarioSummary(bench, baseline, scenarioOf);
  const whatIf = bench.variants.find((v) => v.id === bench.active)?.name;
  const rename = (i: number, name: string) => {
    const id = side?.ids[i];
    if (id === undefined) props.renameBaseline(name);
    else props.renameVariant(id, name);
  };
  const table = forecastTable(f);
  const policies = table.header.slice(6).map((h) => h.replace(/^expected: /, ""));
  const yearHeader = [t("col.year"), t("col.ceiling"), t("col.expected"), t("col.p10"), t("col.p50"), t("col.p90"), ...policies.map((p) => t("col.expectedOf", { policy: shortDocumentName(documents.get(p), p, i18n) }))];
  const title = (o: EventOutcome) => t("event.inYear", { title: eventTitle(o.event === undefined ? undefined : scenario.events[o.event], o.topic, o.year, i18n), year: o.year });
  const markers: Marker[] = summary.expiries
    .map((e) => ({ after: f.years.findIndex((y) => String(y.year) === e.until.slice(0, 4)), label: t("chart.expires", { policy: shortDocumentName(documents.get(e.document), e.document, i18n), date: e.until }) }))
    .filter((m) => m.after >= 0 && m.after < f.years.length - 1);
  // Clauses whose conditions fail, each with the figure that misses; then events that pay nothing
  // for another reason (no clause in the region, out of validity, capped, beyond the years).
  const failing = useMemo(() => whyNot(scenario, f), [scenario, f]);
  const listed = (o: EventOutcome) => failing.some((w) => w.event === o.event && w.topic === o.topic && w.year === o.year);
  const otherwise = (o: EventOutcome) => o.unpaid.filter((u) => u.code !== "notMet" || !listed(o));
  const notPaid = summary.outcomes.filter((o) => o.lines.length === 0 && (otherwise(o).length > 0 || o.unpaid.length === 0) && (o.event !== undefined || o.unpaid.some((u) => u.code === "capped" || u.code === "outOfValidity")));
  const byPolicy = policies.map((p) => ({ p, ...policyTotal(f, p) }));
  const share = (x: Decimal) => (f.total.expected.isZero() ? "–" : `${x.dividedBy(f.total.expected).times(100).toDecimalPlaces(1).toFixed()}%`);

  return (
    <>
      <div className={styles.sticky} data-testid="sticky" role="status" aria-live="polite">
        <span>
          {t("total.expected")}: <span className={styles.stickyValue} data-testid="sticky-total">{amounts.money(f.total.expected)}</span>
        </span>
        {diff && (
          <span>
            {t("whatif.vsBaseline")}:{" "}
            <span className={`${styles.stickyValue} ${diff.total.delta.isNegative() ? styles.neg : ""}`} data-testid="sticky-delta">
              {amounts.signed(diff.total.delta)}
            </span>
          </span>
        )}
      </div>

      <section className={styles.summary} aria-labelledby="summary-title" data-testid="summary">
        <h3 id="summary-title">{t("summary.title")}</h3>
        <div className={styles.totals}>
          <Total label={t("total.expected")} value={amounts.money(f.total.expected)} testId="total-expected" />
          <Total label={t("total.band")} value={`${amounts.bare(f.total.p10)} – ${amounts.money(f.total.p90)}`} testId="total-band" />
          <Total label={t("total.ceiling")} value={amounts.money(f.total.ceiling)} testId="total-ceiling" />
        </div>
        <p data-testid="summary-draft">{t("summary.draft", { share: share(summary.draftExpected), amount: amounts.money(summary.draftExpected) })}</p>
        {summary.expiries.map((e) => (
          <div key={e.document} data-testid="summary-expiry">
            <Badge appearance="tint" color="warning" className={styles.badge}>
              {t("summary.expires", { policy: shortDocumentName(documents.get(e.document), e.document, i18n), date: e.until })}
            </Badge>
          </div>
        ))}
        <p>{t("summary.drivers")}</p>
        <ol className={styles.list} data-testid="summary-drivers">
          {summary.drivers.map((o, k) => (
            <li key={k}>
              {title(o)}: <strong>{amounts.money(o.expected)}</strong>
            </li>
          ))}
        </ol>
        {summary.unpaid.length > 0 && (
          <>
            <p>{t("summary.unpaid")}</p>
            <ul className={styles.list} data-testid="summary-unpaid">
              {summary.unpaid.map((o, k) => (
                <li key={k}>
                  {title(o)}: {o.unpaid.map((u) => unpaidText(u, i18n)).join("; ")}
                </li>
              ))}
            </ul>
          </>
        )}
        {f.total.assumed && (
          <MessageBar intent="warning">
            <MessageBarBody>{t("results.assumed")}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <Boundary what={t("boundary.section")}>
        <WhatIfPanel {...props} />
      </Boundary>
      {diff && (
        <section aria-labelledby="delta-title" data-testid="delta">
          <h3 id="delta-title">{t("delta.title", { name: bench.baseline?.name ?? "" })}</h3>
          <Boundary what={t("boundary.section")}>
            <WhatIfLines diff={diff} testId="whatif-lines" />
            <details className={styles.details}>
              <summary>{t("delta.detail")}</summary>
              <DeltaDetail diff={diff} />
            </details>
          </Boundary>
        </section>
      )}
      {baseline && (
        <Boundary what={t("boundary.section")}>
          <VariantList {...props} baseline={baseline} />
        </Boundary>
      )}
      {side && (
        <Boundary what={t("boundary.section")}>
          <SummaryTable summary={side.summary} version={f.catalogVersion} scenarioName={scenario.name} rename={rename} />
        </Boundary>
      )}

      <h3>{t("results.byYear")}</h3>
      <Boundary what={t("results.byYear")}>
      <BarChart
        lang={lang}
        title={t("chart.title")}
        summary={t("chart.summary", { from: scenario.horizon.from, to: scenario.horizon.to, total: amounts.money(f.total.expected) })}
        categories={f.years.map((y) => String(y.year))}
        series={policies.map((p) => ({ name: shortDocumentName(documents.get(p), p, i18n), color: colourOf(p), values: f.years.map((y) => (y.byPolicy[p] ? toNumber(y.byPolicy[p].expected) : 0)) }))}
        ceiling={f.years.map((y) => toNumber(y.ceiling))}
        band={{ low: f.years.map((y) => toNumber(y.p10)), high: f.years.map((y) => toNumber(y.p90)) }}
        markers={markers}
        ceilingLabel={t("col.ceiling")}
        bandLabel={t("total.band")}
        format={(v) => amounts.money(new Decimal(v))}
        testId="chart"
      />
      </Boundary>
      <p className={styles.cite}>
        {f.method.kind === "exact" ? t("method.exact", { worlds: f.method.worlds }) : t("method.monteCarlo", { draws: f.method.draws, seed: f.method.seed })}{" "}
        {t("method.catalog", { version: f.catalogVersion })}
        {packs && <span data-testid="results-packs"> {packs}</span>}
      </p>

      <details className={styles.details} data-testid="by-event">
        <summary>{t("results.byEvent", { n: summary.outcomes.filter((o) => o.lines.length > 0).length })}</summary>
        <p>{t("results.byEventHelp")}</p>
        {summary.outcomes
          .filter((o) => o.lines.length > 0)
          .map((o, k) => (
            <Boundary key={k} what={title(o)}>
              <EventView outcome={o} title={title(o)} lineAccounts={lineAccounts} />
            </Boundary>
          ))}
      </details>

      <details className={styles.details} data-testid="not-paid">
        <summary>{t("results.notPaid", { n: notPaid.length + failing.length })}</summary>
        {notPaid.length + failing.length === 0 ? (
          <p>{t("results.allPaid")}</p>
        ) : (
          <ul className={styles.list}>
            {notPaid.map((o, k) => (
              <li key={`o${k}`}>
                {title(o)}: {otherwise(o).map((u) => unpaidText(u, i18n)).join("; ") || t("results.paysNothing")}
              </li>
            ))}
            {failing.map((w, k) => (
              <li key={`w${k}`} data-testid="why-not">
                {eventTitle(w.event === undefined ? undefined : scenario.events[w.event], w.topic, w.year, i18n)} ({w.year}) · {whyNotText(w, i18n, amounts)}
              </li>
            ))}
          </ul>
        )}
      </details>

      <details className={styles.details}>
        <summary>{t("results.byPolicy")}</summary>
        <FigureTable
          label={t("results.byPolicy")}
          testId="policy-table"
          header={[t("col.policy"), t("col.ceilingIn", { unit: amounts.unitName }), t("col.expectedIn", { unit: amounts.unitName }), t("col.share")]}
          rows={[
            ...byPolicy.map(({ p, ceiling, expected }) => [
              `${shortDocumentName(documents.get(p), p, i18n)} · ${documents.get(p)?.status === "draft" ? t("status.draft") : t("status.inForce")}`,
              amounts.bare(ceiling),
              amounts.bare(expected),
              share(expected),
            ]),
            [t("col.total"), amounts.bare(f.total.ceiling), amounts.bare(f.total.expected), share(f.total.expected)],
          ]}
        />
      </details>

      <details className={styles.details}>
        <summary>{t("results.yearTable")}</summary>
        <FigureTable
          label={t("results.yearTable")}
          testId="year-table"
          header={yearHeader}
          rows={table.rows.map((row) => row.map((v) => (typeof v === "object" ? amounts.bare(v) : v === "total" ? t("col.total") : String(v))))}
        />
        <p className={styles.cite}>{t("results.unitNote", { unit: amounts.unitName })}</p>
      </details>

      <details className={styles.details}>
        <summary>{t("results.otherMeasures")}</summary>
        <Boundary what={t("results.otherMeasures")}>
          <OtherMeasures region={f.region} />
        </Boundary>
      </details>

      <details className={styles.details} data-testid="accounts">
        <summary>{t("accounts.title")}</summary>
        <Boundary what={t("accounts.title")}>
          <AccountsSection scenario={scenario} f={f} draft={props.draft} change={props.change} baseline={baseline && bench.active && bench.baseline ? { name: bench.baseline.name, scenario: baseline } : undefined} />
        </Boundary>
      </details>

      <Boundary what={t("boundary.section")}>
        <ExportBar scenario={scenario} f={f} header={yearHeader} whatIf={whatIf} />
      </Boundary>
      <PrintSummary scenario={scenario} f={f} whatIf={whatIf} summary={side && <SummaryTable summary={side.summary} version={f.catalogVersion} scenarioName={scenario.name} />} />

      <details className={styles.details}>
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

/** One event: its total, and each clause that pays, as ceiling × chance (× share) → expected. */
function EventView({ outcome, title, lineAccounts }: { readonly outcome: EventOutcome; readonly title: string; readonly lineAccounts: ReadonlyMap<ForecastLine, LineAccounts> }) {
  const styles = useStyles();
  const amounts = useAmounts();
  return (
    <article className={styles.event} aria-label={title}>
      <h4 className={styles.eventHead}>
        <span>{title}</span>
        <span className={styles.num}>{amounts.money(outcome.expected)}</span>
      </h4>
      {outcome.lines.map((line) => (
        <LineView key={line.trace.clause.id} line={line} outcome={outcome} accounts={lineAccounts.get(line)} />
      ))}
    </article>
  );
}

function LineView({ line, outcome, accounts }: { readonly line: ForecastLine; readonly outcome: EventOutcome; readonly accounts?: LineAccounts }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const [open, setOpen] = useState(false);
  const sentenceId = useId();
  const { clause, document, working } = line.trace;
  const flags = classifyFlags(line.flags, lang);
  const { discretionary, exact } = expectedFactors(line, outcome);
  const factors = [
    `${t("line.ceiling")} ${amounts.money(line.ceiling)}`,
    outcome.probability !== 1 ? `${t("line.chance")} ${new Decimal(outcome.probability).times(100).toFixed()}%` : undefined,
    discretionary && outcome.realisation !== 1 ? `${t("line.share")} ${new Decimal(outcome.realisation).times(100).toFixed()}%` : undefined,
  ].filter(Boolean);
  // "=" only where the product is the expected figure; a cap met in some worlds makes it "→".
  const sign = exact ? "=" : "→";
  return (
    <div className={styles.line}>
      <p className={styles.cite}>
        <strong>{clauseName(clause.id, i18n)}</strong> · {lang === "zh-CN" ? clause.summary.zh : clause.summary.en}
      </p>
      <p className={styles.product} data-testid="line-product">
        {factors.join(" × ")} {sign} <strong>{amounts.money(line.expected)}</strong>
      </p>
      {flags.length > 0 && (
        <ul className={styles.flags} aria-label={t("line.flags")}>
          {flags.map((flag) => (
            <li key={flag.text}>
              <Badge appearance={flag.kind === "info" ? "outline" : "tint"} color={flagColor[flag.kind]} title={flag.text} className={styles.badge}>
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
          {working.bindingCap && <li>{t("line.bindingCap", { cap: formatCap(working.bindingCap, lang), sentence: working.bindingCap.sentence })}</li>}
        </ol>
      )}
      {line.notes.map((n, i) => (
        <p key={i} className={styles.cite}>
          {formatNote(n, lang)}
        </p>
      ))}
      {accounts && (
        <p className={styles.cite} data-testid="line-accounts">
          {formatLineAccounts(accounts, lang)}
        </p>
      )}
      <Button size="small" appearance="secondary" aria-expanded={open} aria-controls={sentenceId} onClick={() => setOpen(!open)}>
        {open ? t("line.hideSentence") : t("line.showSentence")}
      </Button>
      <blockquote id={sentenceId} className={styles.sentence} lang="zh-CN" hidden={!open}>
        <cite>{document.title}</cite> {clause.article}: {clause.sentence}
      </blockquote>
    </div>
  );
}
