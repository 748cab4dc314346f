import { Button, Input, Select, Slider, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useMemo, useRef, useState, type PointerEvent } from "react";
import { compareForecasts, explainDelta, Decimal, forecast, regions, toNumber, type Delta, type EventRef, type Forecast, type ForecastDiff, type Scenario } from "../engine";
import { useI18n } from "../i18n";
import type { Bench } from "../state/bench";
import type { Draft } from "../wizard/draft";
import { useAmounts } from "./amounts";
import { BarChart } from "./BarChart";
import { ScrollRegion } from "./ScrollRegion";
import { causeText, eventTitle, policyName, reasonText, regionName } from "./words";

const useStyles = makeStyles({
  panel: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: `${tokens.spacingVerticalM} 0`, "@media print": { display: "none" } },
  h: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", margin: `${tokens.spacingVerticalXS} 0` },
  grow: { flexGrow: 1, minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", flexGrow: 1 },
  slider: { display: "grid", gridTemplateColumns: "minmax(6em, auto) minmax(0, 1fr) 3.5em", alignItems: "center", gap: tokens.spacingHorizontalS },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  lines: { margin: `${tokens.spacingVerticalS} 0`, paddingLeft: "1.2em" },
  reason: { color: tokens.colorNeutralForeground2 },
  neg: { color: tokens.colorPaletteRedForeground1 },
  pos: { color: tokens.colorPaletteGreenForeground1 },
});

export interface BenchActions {
  readonly bench: Bench;
  readonly setBaseline: () => void;
  readonly newWhatIf: () => void;
  readonly backToBaseline: () => void;
  readonly openVariant: (id: string) => void;
  readonly removeVariant: (id: string) => void;
  readonly renameVariant: (id: string, name: string) => void;
  readonly renameBaseline: (name: string) => void;
  /** A draft's scenario, when it is valid. */
  readonly scenarioOf: (d: Draft) => Scenario | undefined;
}

/** A diff against the baseline, for a scenario and its forecast. */
export function useDiff(baseline: Scenario | undefined, scenario: Scenario, f: Forecast): ForecastDiff | undefined {
  const baseF = useMemo(() => (baseline ? forecast(baseline) : undefined), [baseline]);
  return useMemo(() => (baseline && baseF ? compareForecasts(baseline, baseF, scenario, f) : undefined), [baseline, baseF, scenario, f]);
}

/**
 * The what-if lines (the engine's explainDelta): one per edited event or plan change with its Δ,
 * then one per event that moved through a shared cap, year limit, window, first time or
 * advance, saying which. They partition the Δ's lines, so they add up to the header's Δ.
 */
export function WhatIfLines({ diff, testId }: { readonly diff: ForecastDiff; readonly testId?: string }) {
  const i18n = useI18n();
  const amounts = useAmounts();
  const styles = useStyles();
  const title = (e: EventRef) => eventTitle(e, "registration", 0, i18n);
  const items = explainDelta(diff).map((g, k) => {
    const delta = <strong className={g.delta.isNegative() ? styles.neg : g.delta.gt(0) ? styles.pos : undefined}>{amounts.signed(g.delta)}</strong>;
    const edited = g.cause.code === "ownEvent" || g.cause.code === "plan";
    return (
      <li key={k} data-testid="delta-cause" data-cause={g.cause.code}>
        {edited ? (
          <>
            <span>{causeText(g, i18n, amounts, title)}</span>: {delta}
          </>
        ) : (
          <>
            <span>{g.event ? title(g.event) : eventTitle(undefined, g.topic!, g.year!, i18n)}</span> {delta}: {causeText(g, i18n, amounts, title)}
          </>
        )}
        {edited && g.causes.length > 0 && (
          <ul className={styles.reason}>
            {g.causes.map((c, j) => (
              <li key={j}>
                {reasonText(c.reason, i18n, amounts)}
                {c.events > 1 && ` ${i18n.t("reason.events", { n: c.events })}`}
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  });
  return (
    <ul className={styles.lines} data-testid={testId} aria-label={i18n.t("whatif.causes")}>
      {items.length ? items : <li>{i18n.t("whatif.noChange")}</li>}
    </ul>
  );
}

interface PanelProps extends BenchActions {
  readonly draft: Draft;
  readonly scenario: Scenario;
  readonly change: (patch: Partial<Draft>) => void;
}

/** The bench on the results step: baseline, what-ifs, and the quick changes that recompute live. */
export function WhatIfPanel(props: PanelProps) {
  const { draft, scenario, change, bench } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const ids = { event: useId("shift"), chance: useId("chance"), share: useId("share"), region: useId("region") };
  const active = bench.variants.find((v) => v.id === bench.active);
  const events = draft.events.map((e, i) => ({ e, i, s: scenario.events[i] }));
  const shiftable = events.filter((x) => x.s);
  // The first certificate by default: the milestone a what-if most often moves.
  const [chosen, setChosen] = useState<number>();
  const target = chosen !== undefined && shiftable.some((x) => x.i === chosen) ? chosen : (shiftable.find((x) => x.e.type === "certificate") ?? shiftable[0])?.i;
  const shift = (n: number) => {
    if (target === undefined) return;
    const e = draft.events[target];
    change({ events: draft.events.map((x, k) => (k === target ? { ...x, year: String(Number(e.year) + n) } : x)) });
  };
  const pct = (text: string) => Math.max(0, Math.min(100, Number(text) || 0));
  // A press on the track away from the thumb focuses the slider without moving it (a click meant
  // to pick it up for the arrow keys set 50%): the value it would jump to is not taken until the
  // press ends; the thumb drags and the arrow keys step as ever. React puts the input back.
  const held = useRef(false);
  const press = (e: PointerEvent<HTMLInputElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const thumb = box.left + (box.width * Number(e.currentTarget.value)) / 100;
    held.current = Math.abs(e.clientX - thumb) > 12;
  };
  const release = () => {
    held.current = false;
  };
  const steady = { onPointerDown: press, onPointerUp: release, onKeyDown: release, onBlur: release };
  return (
    <section className={styles.panel} aria-labelledby="whatif-title" data-testid="whatif-panel">
      <h3 className={styles.h} id="whatif-title">
        {t("whatif.title")}
      </h3>
      <div className={styles.row}>
        <Button size="small" appearance={bench.baseline ? "secondary" : "primary"} onClick={props.setBaseline} data-testid="set-baseline">
          {t("whatif.setBaseline")}
        </Button>
        <Button size="small" disabled={!bench.baseline} onClick={props.newWhatIf} data-testid="new-whatif">
          {t("whatif.new")}
        </Button>
        <Button size="small" disabled={!bench.baseline} onClick={props.backToBaseline} data-testid="back-to-baseline">
          {t("whatif.back")}
        </Button>
      </div>
      <p>{bench.baseline ? (active ? t("whatif.editing", { name: active.name, baseline: bench.baseline.name }) : t("whatif.baselineIs", { name: bench.baseline.name })) : t("whatif.noBaseline")}</p>

      <div className={styles.row}>
        <label htmlFor={ids.event}>{t("whatif.shift")}</label>
        <Select id={ids.event} className={styles.select} value={target === undefined ? "" : String(target)} onChange={(_, d) => setChosen(Number(d.value))} data-testid="shift-event">
          {shiftable.map(({ e, i, s }) => (
            <option key={e.key} value={String(i)}>
              {eventTitle(s, "registration", s!.year, i18n)} ({s!.year})
            </option>
          ))}
        </Select>
        <Button size="small" onClick={() => shift(-1)} data-testid="shift-earlier">
          {t("whatif.earlier")}
        </Button>
        <Button size="small" onClick={() => shift(1)} data-testid="shift-later">
          {t("whatif.later")}
        </Button>
      </div>
      <div className={styles.slider}>
        <label htmlFor={ids.chance}>{t("field.defaultProbability")}</label>
        <Slider id={ids.chance} min={0} max={100} step={5} value={pct(draft.defaultProbability)} onChange={(_, d) => held.current || change({ defaultProbability: String(d.value) })} {...steady} data-testid="chance-slider" />
        <span className={styles.num}>{pct(draft.defaultProbability)}%</span>
        <label htmlFor={ids.share}>{t("field.defaultRealisation")}</label>
        <Slider id={ids.share} min={0} max={100} step={5} value={pct(draft.defaultRealisation)} onChange={(_, d) => held.current || change({ defaultRealisation: String(d.value) })} {...steady} data-testid="share-slider" />
        <span className={styles.num}>{pct(draft.defaultRealisation)}%</span>
      </div>
      <div className={styles.row}>
        <label htmlFor={ids.region}>{t("field.region")}</label>
        <Select id={ids.region} className={styles.select} value={draft.region} onChange={(_, d) => change({ region: d.value })} data-testid="region-switch">
          {regions.map((r) => (
            <option key={r} value={r}>
              {regionName(r, i18n)}
            </option>
          ))}
        </Select>
      </div>
    </section>
  );
}

/** Δ against the baseline by year, policy and event, and the chart of it. */
export function DeltaDetail({ diff }: { readonly diff: ForecastDiff }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const amounts = useAmounts();
  const styles = useStyles();
  const row = (label: string, d: Delta, key: string) => (
    <TableRow key={key}>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.num}>{amounts.bare(d.baseline)}</TableCell>
      <TableCell className={styles.num}>{amounts.bare(d.variant)}</TableCell>
      <TableCell className={styles.num}>{amounts.signed(d.delta).replace(` ${amounts.unitName}`, "")}</TableCell>
    </TableRow>
  );
  const head = (first: string) => (
    <TableHeader>
      <TableRow>
        <TableHeaderCell scope="col">{first}</TableHeaderCell>
        <TableHeaderCell scope="col" className={styles.num}>
          {t("delta.baseline", { unit: amounts.unitName })}
        </TableHeaderCell>
        <TableHeaderCell scope="col" className={styles.num}>
          {t("delta.variant", { unit: amounts.unitName })}
        </TableHeaderCell>
        <TableHeaderCell scope="col" className={styles.num}>
          Δ
        </TableHeaderCell>
      </TableRow>
    </TableHeader>
  );
  const moved = diff.byEvent.filter((e) => !e.delta.isZero());
  return (
    <>
      <BarChart
        lang={lang}
        title={t("delta.chart")}
        summary={t("delta.chartSummary", { delta: amounts.signed(diff.total.delta) })}
        categories={diff.years.map((y) => String(y.year))}
        series={[{ name: "Δ", color: "#0f6cbd", values: diff.years.map((y) => toNumber(y.delta)) }]}
        format={(v) => amounts.signed(new Decimal(v))}
        testId="delta-chart"
      />
      <ScrollRegion label={t("delta.byYear")}>
        <Table size="small" className={styles.table} aria-label={t("delta.byYear")} data-testid="delta-years">
          {head(t("col.year"))}
          <TableBody>
            {diff.years.map((y) => row(String(y.year), y, String(y.year)))}
            {row(t("col.total"), diff.total, "total")}
          </TableBody>
        </Table>
      </ScrollRegion>
      <ScrollRegion label={t("delta.byPolicy")}>
        <Table size="small" className={styles.table} aria-label={t("delta.byPolicy")}>
          {head(t("col.policy"))}
          <TableBody>{diff.byPolicy.map((p) => row(policyName(p.document, i18n), p, p.document))}</TableBody>
        </Table>
      </ScrollRegion>
      <ScrollRegion label={t("delta.byEvent")}>
        <Table size="small" className={styles.table} aria-label={t("delta.byEvent")}>
          {head(t("delta.event"))}
          <TableBody>{moved.map((e, k) => row(i18n.t("event.inYear", { title: eventTitle(e.event, e.topic, e.year, i18n), year: e.year }), e, `${k}`))}</TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}

/** Every what-if against the baseline: name (editable), Δ total, open, remove. */
export function VariantList(props: BenchActions & { readonly baseline: Scenario }) {
  const { bench } = props;
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const amounts = useAmounts();
  const baseF = useMemo(() => forecast(props.baseline), [props.baseline]);
  const rows = useMemo(
    () =>
      bench.variants.map((v) => {
        const s = props.scenarioOf(v.draft);
        const f = s ? forecast(s) : undefined;
        return { v, s, diff: s && f ? compareForecasts(props.baseline, baseF, s, f) : undefined };
      }),
    [bench.variants, props.baseline, props.scenarioOf, baseF],
  );
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="variants-title" data-testid="variants">
      <h3 id="variants-title">{t("variants.title", { baseline: bench.baseline?.name ?? "" })}</h3>
      {rows.map(({ v, diff }) => (
        <div key={v.id} className={styles.panel} data-testid="variant">
          <div className={styles.row}>
            <Input className={styles.grow} aria-label={t("variants.name")} value={v.name} onChange={(_, d) => props.renameVariant(v.id, d.value)} />
            <strong className={styles.num}>{diff ? amounts.signed(diff.total.delta) : t("variants.invalid")}</strong>
          </div>
          {diff && <WhatIfLines diff={diff} />}
          <div className={styles.row}>
            <Button size="small" disabled={v.id === bench.active} onClick={() => props.openVariant(v.id)}>
              {v.id === bench.active ? t("variants.open") : t("variants.edit", { name: v.name })}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => props.removeVariant(v.id)} aria-label={t("variants.removeOne", { name: v.name })}>
              {t("remove")}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
