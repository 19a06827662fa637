/**
 * A hand-written SVG line chart: axes, ticks, grid, legend, guides, and a cursor that reads the
 * exact values under it. It draws what it is given; the numbers come from @anneal/core
 * (see SchedulePlot and the simulation plots). Renders fully during SSR; only the cursor needs JS.
 *
 * For the browser tests the figure exposes its geometry (`data-box`, `data-x-domain`,
 * `data-y-domain`), so a test can map every path vertex back to a (step, value) pair.
 */
import React, { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatExact, formatTick, linearScale, logDomain, logTicks, tickStep, ticks, valueDomain } from './scale';
import styles from './plot.module.css';

export interface PlotSeries {
  label: string;
  /** Abscissas (steps), increasing. */
  xs: ArrayLike<number>;
  /** Values at `xs`. */
  ys: ArrayLike<number>;
  /** Draw as a staircase: the value at `xs[i]` holds until `xs[i + 1]` (a rate set once per step). */
  stepped?: boolean;
  dashed?: boolean;
  /** Palette index (`--plot-N`); default: the series' position. Lets a curve keep its colour when others come and go. */
  colour?: number;
}

export interface PlotGuide {
  x: number;
  label: string;
}

export interface PlotProps {
  series: PlotSeries[];
  xDomain: [number, number];
  yDomain?: [number, number];
  /** Start the value axis at 0 when every value is >= 0. Default true (ignored on a log scale). */
  yFromZero?: boolean;
  /** A logarithmic value axis: values <= 0 are not drawn. */
  yLog?: boolean;
  xLabel?: string;
  yLabel?: string;
  height?: number;
  /** Granularity of the cursor, in steps. Default 1. */
  snap?: number;
  /** The exact value of every series at step `t` (called only for the cursor). */
  exactAt: (t: number) => (number | null)[];
  guides?: PlotGuide[];
  testId?: string;
  /** Extra `data-*` attributes for the figure (without the `data-` prefix). */
  data?: Record<string, string>;
  caption?: ReactNode;
  title: string;
}

const WIDTH = 720;
const MARGIN = { left: 66, right: 18, top: 16, bottom: 44 };
const round = (v: number) => Math.round(v * 100) / 100;

/** The SVG path of a series: straight segments between samples, or a staircase. */
export function seriesPath(s: PlotSeries, x: (v: number) => number, y: (v: number) => number, log = false): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < s.xs.length; i++) {
    const xv = s.xs[i]!;
    const yv = s.ys[i]!;
    if (!Number.isFinite(yv) || (log && !(yv > 0))) {
      pen = false;
      continue;
    }
    const px = round(x(xv));
    const py = round(y(yv));
    if (!pen) d += `M${px},${py}`;
    else {
      if (s.stepped) d += `L${px},${round(y(s.ys[i - 1]!))}`;
      d += `L${px},${py}`;
    }
    pen = true;
  }
  return d;
}

export default function Plot(props: PlotProps): ReactNode {
  const { series, xDomain, xLabel = 'step', yLabel = 'learning rate', height = 300, snap = 1, exactAt, guides = [], caption, title } = props;
  const uid = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);

  const yLog = props.yLog ?? false;
  const geometry = useMemo(() => {
    const all: number[] = [];
    for (const s of series) for (let i = 0; i < s.ys.length; i++) all.push(s.ys[i]!);
    const yDomain = props.yDomain ?? (yLog ? logDomain(all) : valueDomain(all, props.yFromZero ?? true));
    const box = { left: MARGIN.left, top: MARGIN.top, width: WIDTH - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
    const x = linearScale(xDomain, [box.left, box.left + box.width]);
    const yLinear = linearScale(yLog ? [Math.log10(yDomain[0]), Math.log10(yDomain[1])] : yDomain, [box.top + box.height, box.top]);
    const y = yLog ? (v: number) => yLinear(Math.log10(v)) : yLinear;
    const xTicks = ticks(xDomain[0], xDomain[1], 8);
    const yTicks = yLog ? logTicks(yDomain[0], yDomain[1]) : ticks(yDomain[0], yDomain[1], 5);
    const xStep = tickStep(xDomain[0], xDomain[1], 8);
    const yStep = tickStep(yDomain[0], yDomain[1], 5);
    const paths = series.map((s) => seriesPath(s, x, y, yLog));
    return { yDomain, box, x, y, xTicks, yTicks, xStep, yStep, paths };
  }, [series, xDomain, props.yDomain, props.yFromZero, height, yLog]);
  const { box, x, y } = geometry;

  const snapTo = useCallback(
    (t: number) => {
      const snapped = Math.round(t / snap) * snap;
      const clamped = Math.min(xDomain[1], Math.max(xDomain[0], snapped));
      return Number(clamped.toPrecision(12));
    },
    [snap, xDomain],
  );

  const onPointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const px = ((event.clientX - rect.left) / rect.width) * WIDTH;
    setCursor(snapTo(x.invert(px)));
  };
  const onKeyDown = (event: React.KeyboardEvent<SVGSVGElement>) => {
    const current = cursor ?? xDomain[0];
    const big = Math.max(snap, tickStep(xDomain[0], xDomain[1], 20));
    const next =
      event.key === 'ArrowRight' ? current + snap
      : event.key === 'ArrowLeft' ? current - snap
      : event.key === 'PageUp' ? current + big
      : event.key === 'PageDown' ? current - big
      : event.key === 'Home' ? xDomain[0]
      : event.key === 'End' ? xDomain[1]
      : null;
    if (next === null) return;
    event.preventDefault();
    setCursor(snapTo(next));
  };

  const values = cursor === null ? null : exactAt(cursor);

  return (
    <figure
      className={styles.figure}
      data-testid={props.testId ?? 'plot'}
      data-x-domain={JSON.stringify(xDomain)}
      data-y-domain={JSON.stringify(geometry.yDomain)}
      data-y-scale={yLog ? 'log' : 'linear'}
      data-box={JSON.stringify([box.left, box.top, box.width, box.height])}
      data-viewbox={JSON.stringify([WIDTH, height])}
      {...Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
    >
      <ul className={styles.legend} aria-label="legend">
        {series.map((s, i) => (
          <li key={i} className={styles.legendItem}>
            <svg width="26" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="25" y2="5" className={styles.line} style={{ stroke: `var(--plot-${(s.colour ?? i) % 6})` }} strokeDasharray={s.dashed ? '5 3' : undefined} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        ref={svgRef}
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${uid}-title`}
        tabIndex={0}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setCursor(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setCursor(null)}
      >
        <title id={`${uid}-title`}>{title}</title>
        <g className={styles.grid}>
          {geometry.yTicks.map((v) => (
            <line key={`gy${v}`} x1={box.left} x2={box.left + box.width} y1={round(y(v))} y2={round(y(v))} />
          ))}
          {geometry.xTicks.map((v) => (
            <line key={`gx${v}`} y1={box.top} y2={box.top + box.height} x1={round(x(v))} x2={round(x(v))} />
          ))}
        </g>
        <g className={styles.axis}>
          <line x1={box.left} x2={box.left + box.width} y1={box.top + box.height} y2={box.top + box.height} />
          <line x1={box.left} x2={box.left} y1={box.top} y2={box.top + box.height} />
          {geometry.xTicks.map((v) => (
            <g key={`tx${v}`} transform={`translate(${round(x(v))},${box.top + box.height})`}>
              <line y2="5" />
              <text y="18" textAnchor="middle">{formatTick(v, geometry.xStep)}</text>
            </g>
          ))}
          {geometry.yTicks.map((v) => (
            <g key={`ty${v}`} transform={`translate(${box.left},${round(y(v))})`}>
              <line x2="-5" />
              <text x="-8" dy="0.32em" textAnchor="end">{yLog ? formatTick(v, v) : formatTick(v, geometry.yStep)}</text>
            </g>
          ))}
          <text className={styles.axisLabel} x={box.left + box.width / 2} y={height - 6} textAnchor="middle">{xLabel}</text>
          <text className={styles.axisLabel} transform={`translate(14,${box.top + box.height / 2}) rotate(-90)`} textAnchor="middle">{yLabel}</text>
        </g>
        <g className={styles.guides}>
          {guides.map((g) => (
            <g key={`g${g.x}${g.label}`} transform={`translate(${round(x(g.x))},0)`}>
              <line y1={box.top} y2={box.top + box.height} />
              <text x="4" y={box.top + 10}>{g.label}</text>
            </g>
          ))}
        </g>
        <defs>
          <clipPath id={`${uid}-clip`}>
            <rect x={box.left} y={box.top - 2} width={box.width} height={box.height + 4} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${uid}-clip)`}>
          {series.map((s, i) => (
            <path
              key={i}
              d={geometry.paths[i]}
              className={styles.line}
              style={{ stroke: `var(--plot-${(s.colour ?? i) % 6})` }}
              strokeDasharray={s.dashed ? '7 4' : undefined}
              data-series-index={i}
              data-colour={s.colour ?? i}
              data-label={s.label}
              data-stepped={s.stepped ? 'true' : 'false'}
            />
          ))}
        </g>
        {cursor !== null && values !== null && (
          <g className={styles.cursor} data-testid="plot-cursor">
            <line x1={round(x(cursor))} x2={round(x(cursor))} y1={box.top} y2={box.top + box.height} />
            {values.map((v, i) =>
              v === null || !Number.isFinite(v) || (yLog && !(v > 0)) ? null : (
                <circle key={i} cx={round(x(cursor))} cy={round(y(v))} r="4" style={{ fill: `var(--plot-${(series[i]?.colour ?? i) % 6})` }} />
              ),
            )}
          </g>
        )}
        <rect className={styles.hit} x={box.left} y={box.top} width={box.width} height={box.height} />
      </svg>
      <div
        className={styles.readout}
        data-testid="plot-readout"
        aria-live="polite"
        data-step={cursor === null ? '' : String(cursor)}
        data-values={values === null ? '' : JSON.stringify(values)}
      >
        {cursor === null || values === null ? (
          <span className={styles.hint}>Point at the plot (or focus it and use the arrow keys) to read exact values.</span>
        ) : (
          <>
            <span className={styles.step}>
              {xLabel} {formatExact(cursor)}
            </span>
            {values.map((v, i) => (
              <span key={i} className={styles.value}>
                <span className={styles.swatch} style={{ background: `var(--plot-${(series[i]?.colour ?? i) % 6})` }} />
                {series[i]?.label}: <code>{v === null ? '–' : formatExact(v)}</code>
              </span>
            ))}
          </>
        )}
      </div>
      {caption !== undefined && <figcaption className={styles.caption}>{caption}</figcaption>}
    </figure>
  );
}
