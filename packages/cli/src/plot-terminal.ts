/**
 * Line charts in the terminal: Unicode braille (2×4 dots per character) or one marker per character,
 * several series overlaid, y labels with the extremes, step ticks, and a legend with each series' min and max.
 *
 * @packageDocumentation
 */
import { compact } from './format.js';
import { stepTicks } from './ticks.js';
import { extremes, stepCount, type Series } from './series.js';
import { makeScale, type ScaleKind } from './scale.js';

/** How {@link renderTerminalChart} draws the curves. */
export type TerminalChartStyle = 'braille' | 'markers';

/** Options of {@link renderTerminalChart}. */
export interface TerminalChartOptions {
  /** Total width in columns, labels included. Default `80`; at least `30`. */
  width?: number;
  /** Height of the plotting area in rows. Default `15`; at least `3`. */
  height?: number;
  /** Color each series with ANSI escapes. Default `false`. */
  color?: boolean;
  /**
   * `braille` draws fine curves (2×4 dots per character); `markers` draws each series with its own character
   * (`•`, `×`, `+`, ...), which keeps overlaid series apart without color. Default: `braille` for a single series
   * or with color, else `markers`.
   */
  style?: TerminalChartStyle;
  /** Name of the x axis. Default `"step"`. */
  xLabel?: string;
  /** Name of the y axis. Default `"lr"`. */
  yLabel?: string;
  /** The x value of index 0 (e.g. `1` for epochs counted from 1). Default `0`. */
  xStart?: number;
  /** A first line above the chart. */
  title?: string;
  /** `linear` (default) or `log` (base 10, for losses; values <= 0 are not drawn). */
  yScale?: ScaleKind;
}

/** The markers of the `markers` style, in series order. */
export const MARKERS: readonly string[] = ['•', '×', '+', 'o', '*', '#', '@', '%'];
/** The ANSI colors of the series, in order (cyan, red, green, magenta, yellow, blue). */
const COLORS: readonly string[] = ['36', '31', '32', '35', '33', '34'];
const RESET = '\u001b[0m';
const paint = (text: string, series: number, color: boolean): string =>
  color && series >= 0 ? `\u001b[${COLORS[series % COLORS.length]}m${text}${RESET}` : text;

/** Braille dot bits by [sub-column][sub-row]. */
const DOTS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

interface Canvas {
  readonly cols: number;
  readonly rows: number;
  /** Braille bits, or a marker index + 1, per cell. */
  readonly cells: Uint16Array;
  /** The series that drew a cell last, or -1. */
  readonly owner: Int16Array;
}

function clampInt(value: number | undefined, fallback: number, min: number): number {
  return Math.max(min, Math.floor(value ?? fallback));
}

/**
 * Renders `series` as a text chart, lines joined with `\n` and ending with one. Series `i` holds the value at
 * x = `xStart + i`, held until the next one, so a restart shows as a vertical jump.
 */
export function renderTerminalChart(series: readonly Series[], options: TerminalChartOptions = {}): string {
  const width = clampInt(options.width, 80, 30);
  const height = clampInt(options.height, 15, 3);
  const color = options.color ?? false;
  const style = options.style ?? (series.length <= 1 || color ? 'braille' : 'markers');
  const xLabel = options.xLabel ?? 'step';
  const yLabel = options.yLabel ?? 'lr';
  const xStart = options.xStart ?? 0;
  const braille = style === 'braille';
  const subCols = braille ? 2 : 1;
  const subRows = braille ? 4 : 1;

  const steps = Math.max(1, stepCount(series));
  const scale = makeScale(series, options.yScale);
  const dotRows = height * subRows;
  /** The dot row of `v` from the top; NaN when it cannot be drawn. */
  const dotRow = (v: number) => Math.round((1 - scale.position(v)) * (dotRows - 1));

  // Y labels: the extremes at the top and bottom rows, nice ticks between them.
  const yLabels = new Map<number, string>([[0, compact(scale.hi, 4)]]);
  yLabels.set(height - 1, compact(scale.lo, 4));
  for (const tick of scale.ticks(Math.max(1, Math.floor(height / 3)))) {
    const row = Math.floor(dotRow(tick) / subRows);
    if (row > 1 && row < height - 2 && !yLabels.has(row - 1) && !yLabels.has(row + 1)) yLabels.set(row, compact(tick, 3));
  }
  const gutter = Math.max(...[...yLabels.values()].map((l) => l.length)) + 1;
  const cols = width - gutter - 1;

  const canvas: Canvas = { cols, rows: height, cells: new Uint16Array(cols * height), owner: new Int16Array(cols * height).fill(-1) };
  series.forEach((s, i) => draw(canvas, s.values, i, { steps, subCols, subRows, braille, dotRow }));

  const lines: string[] = [];
  if (options.title !== undefined) lines.push(options.title);
  lines.push(`${' '.repeat(Math.max(0, gutter - yLabel.length))}${yLabel}`);
  for (let r = 0; r < height; r++) {
    const label = yLabels.get(r);
    let line = `${(label ?? '').padStart(gutter - 1)} ${label === undefined ? '│' : '┤'}`;
    let run = '';
    let runOwner = -1;
    for (let c = 0; c < cols; c++) {
      const cell = canvas.cells[r * cols + c]!;
      const owner = cell === 0 ? -1 : canvas.owner[r * cols + c]!;
      const ch = cell === 0 ? ' ' : braille ? String.fromCharCode(0x2800 + cell) : MARKERS[(cell - 1) % MARKERS.length]!;
      if (owner !== runOwner && run !== '') {
        line += paint(run, runOwner, color);
        run = '';
      }
      runOwner = owner;
      run += ch;
    }
    line += paint(run.trimEnd(), runOwner, color);
    lines.push(line.trimEnd());
  }
  lines.push(...xAxis(steps, cols, gutter, width, xStart, xLabel));
  lines.push(...legend(series, { braille, color, width, xLabel, xStart }));
  return `${lines.join('\n')}\n`;
}

interface DrawContext {
  steps: number;
  subCols: number;
  subRows: number;
  braille: boolean;
  dotRow: (v: number) => number;
}

/** Draws one series: per sub-column the span of its values there, joined to the previous sub-column. */
function draw(canvas: Canvas, values: ArrayLike<number>, index: number, ctx: DrawContext): void {
  const width = canvas.cols * ctx.subCols;
  let previous: number | undefined;
  for (let x = 0; x < width; x++) {
    const first = Math.floor((x * ctx.steps) / width);
    if (first >= values.length) break;
    const last = Math.min(values.length - 1, Math.max(first, Math.ceil(((x + 1) * ctx.steps) / width) - 1));
    let top = Infinity;
    let bottom = -Infinity;
    let end: number | undefined;
    for (let k = first; k <= last; k++) {
      const row = ctx.dotRow(values[k]!);
      if (Number.isNaN(row)) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      end = row;
    }
    if (end === undefined) {
      previous = undefined;
      continue;
    }
    if (previous !== undefined) {
      top = Math.min(top, previous);
      bottom = Math.max(bottom, previous);
    }
    previous = end;
    for (let row = top; row <= bottom; row++) {
      const cell = Math.floor(row / ctx.subRows) * canvas.cols + Math.floor(x / ctx.subCols);
      if (ctx.braille) {
        // Dots of every series stay; the cell takes the color of the last series drawn there.
        canvas.cells[cell] = canvas.cells[cell]! | DOTS[x % 2 as 0 | 1][row % 4]!;
      } else {
        canvas.cells[cell] = index + 1;
      }
      canvas.owner[cell] = index;
    }
  }
}

/** The x axis line with ticks, its labels, and the axis name. */
function xAxis(steps: number, cols: number, gutter: number, width: number, xStart: number, xLabel: string): string[] {
  const axis = [...'─'.repeat(cols)];
  let labels = ' '.repeat(gutter + 1);
  for (const t of stepTicks(steps, xStart, Math.max(1, Math.floor(cols / 12)))) {
    const col = Math.floor((t * cols) / steps);
    axis[col] = '┬';
    const text = compact(xStart + t, 6);
    const start = Math.max(gutter + 1 + col - Math.floor((text.length - 1) / 2), 0);
    if (start < labels.length + 1 && labels.trim() !== '') continue;
    // Tick labels keep clear of the axis name at the right end.
    if (start + text.length + 2 + xLabel.length > width) continue;
    labels = labels.padEnd(start) + text;
  }
  return [`${' '.repeat(gutter)}└${axis.join('')}`, `${labels.padEnd(width - xLabel.length)}${xLabel}`];
}

interface LegendContext {
  braille: boolean;
  color: boolean;
  width: number;
  xLabel: string;
  xStart: number;
}

/** One legend entry per series: swatch, label, min and max with where they are reached. */
function legend(series: readonly Series[], ctx: LegendContext): string[] {
  const lines: string[] = [];
  const maxLabel = ctx.width - 4;
  const labelWidth = Math.min(maxLabel, Math.max(...series.map((s) => s.label.length)));
  series.forEach((s, i) => {
    const swatch = paint(ctx.braille ? '⣿' : MARKERS[i % MARKERS.length]!, i, ctx.color);
    const cut = s.label.length > maxLabel ? `${s.label.slice(0, maxLabel - 3)}...` : s.label;
    const label = cut.padEnd(labelWidth);
    const e = extremes(s.values);
    const stats =
      e === undefined
        ? 'no finite values'
        : `min ${compact(e.min, 4)} (${ctx.xLabel} ${ctx.xStart + e.minIndex}), max ${compact(e.max, 4)} (${ctx.xLabel} ${ctx.xStart + e.maxIndex})`;
    const head = `  ${swatch} ${label}`;
    const plainLength = 4 + label.length;
    if (plainLength + 3 + stats.length <= ctx.width) lines.push(`${head}   ${stats}`);
    else lines.push(head.trimEnd(), `      ${stats}`);
  });
  return lines;
}
