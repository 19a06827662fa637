/**
 * A standalone SVG line chart: axes with ticks, grid, axis names, a legend, and one `<path>` per series
 * (every other shape is a `<line>`, `<rect>` or `<text>`). No scripts, no external fonts or styles.
 *
 * @packageDocumentation
 */
import { compact } from './format.js';
import { stepTicks } from './ticks.js';
import { stepCount, type Series } from './series.js';
import { makeScale, type ScaleKind } from './scale.js';

/** Options of {@link renderSvgChart}. */
export interface SvgChartOptions {
  /** Width in pixels. Default `800`. */
  width?: number;
  /** Height in pixels, legend included. Default `450`. */
  height?: number;
  /** A heading above the plot (also the SVG's `<title>`). */
  title?: string;
  /** Name of the x axis. Default `"step"`. */
  xLabel?: string;
  /** Name of the y axis. Default `"learning rate"`. */
  yLabel?: string;
  /** The x value of index 0. Default `0`. */
  xStart?: number;
  /** `linear` (default) or `log` (base 10; values <= 0 are not drawn). */
  yScale?: ScaleKind;
}

/** Series colors (Okabe–Ito, readable by color-blind readers), in order. */
export const SVG_COLORS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
/** Dash patterns, so series stay apart in grayscale too. */
const DASHES: readonly (string | undefined)[] = [undefined, '7 4', '2 3', '10 3 2 3'];
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Renders `series` as an SVG document (with the XML declaration), each value held until the next step, so
 * restarts show as vertical jumps. Long series are reduced per pixel column to their first, lowest, highest
 * and last values, which draws the same picture.
 */
export function renderSvgChart(series: readonly Series[], options: SvgChartOptions = {}): string {
  const width = Math.max(200, options.width ?? 800);
  const height = Math.max(150, options.height ?? 450);
  const xLabel = options.xLabel ?? 'step';
  const yLabel = options.yLabel ?? 'learning rate';
  const xStart = options.xStart ?? 0;
  const steps = Math.max(1, stepCount(series));
  const scale = makeScale(series, options.yScale);

  const legendRows = series.length;
  const left = 72;
  const right = 24;
  const top = options.title === undefined ? 20 : 44;
  const bottom = 52 + 20 * legendRows;
  const plotW = Math.max(10, width - left - right);
  const plotH = Math.max(10, height - top - bottom);
  const x = (i: number) => left + (i / steps) * plotW;
  /** NaN for values the scale cannot draw. */
  const y = (v: number) => top + (1 - scale.position(v)) * plotH;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`);
  out.push(`<title>${escapeXml(options.title ?? `${yLabel} by ${xLabel}`)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title !== undefined) {
    out.push(`<text x="${fmt(width / 2)}" y="26" text-anchor="middle" font-size="16" font-weight="600">${escapeXml(options.title)}</text>`);
  }

  // Grid and ticks.
  for (const t of scale.ticks(Math.max(2, Math.floor(plotH / 50)))) {
    const ty = fmt(y(t));
    out.push(`<line x1="${left}" y1="${ty}" x2="${fmt(left + plotW)}" y2="${ty}" stroke="#e5e5e5"/>`);
    out.push(`<line x1="${left - 5}" y1="${ty}" x2="${left}" y2="${ty}" stroke="#333333"/>`);
    out.push(`<text x="${left - 8}" y="${ty}" dy="0.32em" text-anchor="end">${escapeXml(compact(t, 4))}</text>`);
  }
  for (const t of stepTicks(steps, xStart, Math.max(2, Math.floor(plotW / 80)))) {
    const tx = fmt(x(t));
    out.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${fmt(top + plotH)}" stroke="#e5e5e5"/>`);
    out.push(`<line x1="${tx}" y1="${fmt(top + plotH)}" x2="${tx}" y2="${fmt(top + plotH + 5)}" stroke="#333333"/>`);
    out.push(`<text x="${tx}" y="${fmt(top + plotH + 18)}" text-anchor="middle">${escapeXml(compact(xStart + t, 6))}</text>`);
  }
  // Axes.
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${fmt(top + plotH)}" stroke="#333333"/>`);
  out.push(`<line x1="${left}" y1="${fmt(top + plotH)}" x2="${fmt(left + plotW)}" y2="${fmt(top + plotH)}" stroke="#333333"/>`);
  out.push(`<text x="${fmt(left + plotW / 2)}" y="${fmt(top + plotH + 38)}" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  out.push(
    `<text x="16" y="${fmt(top + plotH / 2)}" text-anchor="middle" transform="rotate(-90 16 ${fmt(top + plotH / 2)})">${escapeXml(yLabel)}</text>`,
  );

  // One path per series, then the legend.
  series.forEach((s, i) => {
    const stroke = SVG_COLORS[i % SVG_COLORS.length]!;
    const dash = DASHES[i % DASHES.length];
    const dashAttr = dash === undefined ? '' : ` stroke-dasharray="${dash}"`;
    out.push(
      `<path d="${pathData(s.values, x, y, plotW)}" fill="none" stroke="${stroke}" stroke-width="2" stroke-linejoin="round"${dashAttr}><title>${escapeXml(s.label)}</title></path>`,
    );
    const ly = fmt(top + plotH + 58 + 20 * i);
    out.push(`<line x1="${left}" y1="${ly}" x2="${left + 28}" y2="${ly}" stroke="${stroke}" stroke-width="3"${dashAttr}/>`);
    out.push(`<text x="${left + 36}" y="${ly}" dy="0.32em">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * The staircase path of one series: `M x0 y0`, then `H` along a held value and `V` where it changes, broken at
 * values that cannot be drawn.
 */
function pathData(values: ArrayLike<number>, x: (i: number) => number, y: (v: number) => number, plotW: number): string {
  const n = values.length;
  const parts: string[] = [];
  let penX: string | undefined; // where the pen is; undefined while no subpath is open
  let penY: string | undefined;
  let runEnd: string | undefined; // how far the held value reaches
  const flush = () => {
    if (runEnd !== undefined && runEnd !== penX) parts.push(`H${runEnd}`);
    penX = runEnd;
  };
  // Indices grouped per pixel column when the series is much longer than the plot is wide.
  const buckets = n > 4 * plotW ? Math.ceil(plotW) : n;
  for (let b = 0; b < buckets; b++) {
    const first = Math.floor((b * n) / buckets);
    const last = Math.floor(((b + 1) * n) / buckets) - 1;
    const ys = bucketValues(values, first, last, y).map(fmt);
    const x0 = fmt(x(first));
    if (ys.length === 0) {
      flush();
      penX = penY = runEnd = undefined;
      continue;
    }
    for (const py of ys) {
      if (penY === undefined) {
        parts.push(`M${x0} ${py}`);
        [penX, penY] = [x0, py];
      } else if (py !== penY) {
        if (penX !== x0) parts.push(`H${x0}`);
        parts.push(`V${py}`);
        [penX, penY] = [x0, py];
      }
    }
    runEnd = fmt(x(last + 1));
  }
  flush();
  return parts.join('');
}

/**
 * The heights (`y` of the values) of `values[first..last]` that shape the drawing: first, min and max in order,
 * last; cut at the first value that cannot be drawn.
 */
function bucketValues(values: ArrayLike<number>, first: number, last: number, y: (v: number) => number): number[] {
  let firstV: number | undefined;
  let lastV = 0;
  let min = Infinity;
  let max = -Infinity;
  let minAt = 0;
  let maxAt = 0;
  for (let k = first; k <= last; k++) {
    const v = y(values[k]!);
    if (!Number.isFinite(v)) return firstV === undefined ? [] : [firstV];
    if (firstV === undefined) firstV = v;
    if (v < min) [min, minAt] = [v, k];
    if (v > max) [max, maxAt] = [v, k];
    lastV = v;
  }
  if (firstV === undefined) return [];
  if (first === last) return [firstV];
  const middle = minAt <= maxAt ? [min, max] : [max, min];
  return [firstV, ...middle, lastV];
}
