import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { Lang } from "../i18n";

/**
 * A small bar chart drawn as SVG: bars stacked (one year's support by policy) or a difference
 * chart (bars above and below zero), with an optional ceiling mark, P10–P90 whisker and
 * markers where a policy expires. Drawn at the pane's own width (a ResizeObserver), so its
 * text stays 12 px at 350 px and at 1280 px. Each bar has a tooltip (SVG <title>). Kept as
 * SVG rather than a charting library: this is all the pane needs, a few kilobytes instead of
 * a library's hundred, and every number it draws is in the table beside it.
 */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

export interface Marker {
  /** The marker is drawn after this category (a policy valid until 2028-12-31: after 2028). */
  readonly after: number;
  readonly label: string;
}

interface Props {
  readonly title: string;
  readonly summary: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly ceiling?: readonly number[];
  readonly band?: { readonly low: readonly number[]; readonly high: readonly number[] };
  readonly markers?: readonly Marker[];
  readonly lang: Lang;
  readonly ceilingLabel?: string;
  readonly bandLabel?: string;
  /** Writes a value for a tooltip ("1,640 万元"). */
  readonly format: (v: number) => string;
  readonly testId?: string;
  /** Side by side instead of stacked (scenarios compared). */
  readonly sideBySide?: boolean;
}

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalM} 0` },
  box: { width: "100%" },
  svg: { display: "block" },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0 0` },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  item: { fontSize: tokens.fontSizeBase200 },
});

/** 1, 2, 2.5 or 5 times a power of ten, so that about four steps cover the range. */
function niceStep(range: number): number {
  if (range <= 0) return 1;
  const raw = range / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

function useWidth(): [React.RefObject<HTMLDivElement>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(240, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function BarChart({ title, summary, categories, series: all, ceiling, band, markers = [], lang, ceilingLabel, bandLabel, format, testId, sideBySide = false }: Props) {
  const styles = useStyles();
  const id = useId();
  const [ref, W] = useWidth();
  // A series that is zero in every year says nothing: left out of bars and legend.
  const series = all.filter((s) => s.values.some((v) => v !== 0));
  const H = Math.round(Math.min(320, Math.max(200, W * 0.45)));
  const FONT = 12;
  const compact = new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 });
  // The tallest bar above zero and the deepest below, stacked or side by side.
  const reach = (c: number, pick: (v: number) => number) => {
    const vs = series.map((s) => pick(s.values[c] ?? 0));
    return sideBySide ? vs.reduce((a, v) => (Math.abs(v) > Math.abs(a) ? v : a), 0) : vs.reduce((a, v) => a + v, 0);
  };
  const ups = categories.map((_, c) => reach(c, (v) => Math.max(0, v)));
  const downs = categories.map((_, c) => reach(c, (v) => Math.min(0, v)));
  const max = Math.max(0, ...ups, ...(ceiling ?? []), ...(band?.high ?? []));
  const min = Math.min(0, ...downs);
  const step = niceStep(max - min || 1);
  const hi = Math.max(step, Math.ceil(max / step) * step);
  const lo = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(v);
  const left = Math.max(...ticks.map((v) => compact.format(v).length)) * FONT * 0.62 + 10;
  const right = 8;
  const top = markers.length ? FONT + 8 : 8;
  const bottom = FONT + 12;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.min(56, slot * 0.6);
  // Every other year label when they would touch.
  const labelEvery = slot < FONT * 3.2 ? 2 : 1;

  return (
    <figure className={styles.figure} data-testid={testId}>
      <div ref={ref} className={styles.box}>
        <svg className={styles.svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary}</desc>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#616161" : "#e0e0e0"} />
              <text x={left - 4} y={y(v) + FONT / 3} fontSize={FONT} textAnchor="end" fill="#424242">
                {compact.format(v)}
              </text>
            </g>
          ))}
          {categories.map((cat, c) => {
            const x0 = left + slot * c + (slot - barW) / 2;
            let up = 0;
            let down = 0;
            return (
              <g key={cat}>
                {series.map((s, k) => {
                  const v = s.values[c] ?? 0;
                  if (v === 0) return null;
                  if (sideBySide) {
                    const w = barW / series.length;
                    return (
                      <rect key={s.name} x={x0 + k * w} y={Math.min(y(0), y(v))} width={w} height={Math.max(Math.abs(y(v) - y(0)), 0.5)} fill={s.color}>
                        <title>{`${cat} · ${s.name}: ${format(v)}`}</title>
                      </rect>
                    );
                  }
                  const from = v > 0 ? up : down;
                  const to = from + v;
                  if (v > 0) up = to;
                  else down = to;
                  return (
                    <rect key={s.name} x={x0} y={Math.min(y(from), y(to))} width={barW} height={Math.max(Math.abs(y(to) - y(from)), 0.5)} fill={s.color}>
                      <title>{`${cat} · ${s.name}: ${format(v)}`}</title>
                    </rect>
                  );
                })}
                {band && band.high[c] > 0 && (
                  <g stroke="#242424" strokeWidth="1.2">
                    <title>{`${cat} · ${bandLabel ?? ""}: ${format(band.low[c])} – ${format(band.high[c])}`}</title>
                    <line x1={x0 + barW / 2} x2={x0 + barW / 2} y1={y(band.low[c])} y2={y(band.high[c])} />
                    <line x1={x0 + barW / 2 - 4} x2={x0 + barW / 2 + 4} y1={y(band.low[c])} y2={y(band.low[c])} />
                    <line x1={x0 + barW / 2 - 4} x2={x0 + barW / 2 + 4} y1={y(band.high[c])} y2={y(band.high[c])} />
                  </g>
                )}
                {ceiling && ceiling[c] > 0 && (
                  <line x1={x0 - 3} x2={x0 + barW + 3} y1={y(ceiling[c])} y2={y(ceiling[c])} stroke="#a4262c" strokeWidth="2" strokeDasharray="4 2">
                    <title>{`${cat} · ${ceilingLabel ?? ""}: ${format(ceiling[c])}`}</title>
                  </line>
                )}
                {c % labelEvery === 0 && (
                  <text x={x0 + barW / 2} y={H - 4} fontSize={FONT} textAnchor="middle" fill="#242424">
                    {cat}
                  </text>
                )}
              </g>
            );
          })}
          {markers.map((m) => {
            const x = left + slot * (m.after + 1);
            return (
              <g key={`${m.after}-${m.label}`}>
                <line x1={x} x2={x} y1={top - 2} y2={top + plotH} stroke="#8a3707" strokeDasharray="3 3" />
                <text x={Math.min(x, W - right)} y={FONT} fontSize={FONT} textAnchor={x > W * 0.6 ? "end" : "start"} fill="#8a3707">
                  {m.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.name} className={styles.item}>
            <span className={styles.swatch} style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
        {ceiling && ceilingLabel && (
          <li className={styles.item}>
            <span className={styles.swatch} style={{ background: "#a4262c", height: "2px" }} />
            {ceilingLabel}
          </li>
        )}
        {band && bandLabel && (
          <li className={styles.item}>
            <span className={styles.swatch} style={{ borderLeft: "2px solid #242424", width: "2px" }} />
            {bandLabel}
          </li>
        )}
      </ul>
    </figure>
  );
}

/** One colour per policy document, fixed by its id, so a policy keeps its colour across runs. */
const documentColours: Readonly<Record<string, string>> = {
  "changping-device": "#0f6cbd",
  "changping-pharma": "#038387",
  "beijing-device": "#c239b3",
  "shenzhen-device": "#ca5010",
  zhongguancun: "#8764b8",
};
const spare = ["#986f0b", "#4f6bed", "#a4262c"];
export const colourOf = (documentId: string): string =>
  documentColours[documentId] ?? spare[[...documentId].reduce((a, ch) => a + ch.charCodeAt(0), 0) % spare.length];
