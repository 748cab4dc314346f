import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Lang } from "../i18n";

/**
 * A small bar chart drawn as SVG: bars stacked (one year's support by policy) or side by side
 * (scenarios compared), with an optional ceiling mark and P10–P90 whisker per category. Drawn
 * here rather than with a charting library: this is all the pane needs, it costs a few
 * kilobytes instead of a library's hundred, and the numbers it draws are the engine's, already
 * shown in the table beside it (the chart is an image with a summary; the table is for readers).
 */
export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

interface Props {
  readonly title: string;
  readonly summary: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly stacked: boolean;
  readonly ceiling?: readonly number[];
  readonly band?: { readonly low: readonly number[]; readonly high: readonly number[] };
  readonly lang: Lang;
  readonly ceilingLabel?: string;
  readonly bandLabel?: string;
}

export const palette = ["#0f6cbd", "#c239b3", "#ca5010", "#038387", "#8764b8", "#986f0b", "#4f6bed", "#a4262c"];

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalM} 0` },
  svg: { width: "100%", height: "auto", display: "block" },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, listStyle: "none", padding: 0, margin: `${tokens.spacingVerticalS} 0 0` },
  swatch: { display: "inline-block", width: "10px", height: "10px", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  item: { fontSize: tokens.fontSizeBase200 },
});

/** 1, 2, 2.5 or 5 times a power of ten, so that about four steps cover the largest value. */
function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 2.5, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

export function BarChart({ title, summary, categories, series, stacked, ceiling, band, lang, ceilingLabel, bandLabel }: Props) {
  const styles = useStyles();
  const id = useId();
  const W = 360;
  const H = 200;
  const left = 52;
  const right = 8;
  const top = 10;
  const bottom = 24;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const heights = categories.map((_, c) => (stacked ? series.reduce((a, s) => a + (s.values[c] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[c] ?? 0))));
  const max = Math.max(1, ...heights, ...(ceiling ?? []), ...(band?.high ?? []));
  const step = niceStep(max);
  const top_ = Math.ceil(max / step) * step;
  const y = (v: number) => top + plotH - (v / top_) * plotH;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.min(48, slot * 0.6);
  const compact = new Intl.NumberFormat(lang, { notation: "compact", maximumFractionDigits: 1 });
  const ticks: number[] = [];
  for (let v = 0; v <= top_ + step / 2; v += step) ticks.push(v);

  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
            <text x={left - 4} y={y(v) + 3} fontSize="9" textAnchor="end" fill="#424242">
              {compact.format(v)}
            </text>
          </g>
        ))}
        {categories.map((cat, c) => {
          const x0 = left + slot * c + (slot - barW) / 2;
          let base = 0;
          const width = stacked ? barW : barW / Math.max(1, series.length);
          return (
            <g key={cat}>
              {series.map((s, k) => {
                const v = s.values[c] ?? 0;
                if (v <= 0) return null;
                const rect = stacked ? { x: x0, y: y(base + v), h: y(base) - y(base + v) } : { x: x0 + k * width, y: y(v), h: y(0) - y(v) };
                base += stacked ? v : 0;
                return <rect key={s.name} x={rect.x} y={rect.y} width={width} height={Math.max(rect.h, 0.5)} fill={palette[k % palette.length]} />;
              })}
              {band && band.high[c] > 0 && (
                <g stroke="#242424" strokeWidth="1.2">
                  <line x1={x0 + barW / 2} x2={x0 + barW / 2} y1={y(band.low[c])} y2={y(band.high[c])} />
                  <line x1={x0 + barW / 2 - 4} x2={x0 + barW / 2 + 4} y1={y(band.low[c])} y2={y(band.low[c])} />
                  <line x1={x0 + barW / 2 - 4} x2={x0 + barW / 2 + 4} y1={y(band.high[c])} y2={y(band.high[c])} />
                </g>
              )}
              {ceiling && ceiling[c] > 0 && <line x1={x0 - 3} x2={x0 + barW + 3} y1={y(ceiling[c])} y2={y(ceiling[c])} stroke="#a4262c" strokeWidth="2" strokeDasharray="4 2" />}
              <text x={x0 + barW / 2} y={H - 8} fontSize="10" textAnchor="middle" fill="#242424">
                {cat}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s, k) => (
          <li key={s.name} className={styles.item}>
            <span className={styles.swatch} style={{ background: palette[k % palette.length] }} />
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
