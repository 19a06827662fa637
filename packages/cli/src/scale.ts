/**
 * The y scale of a chart: linear, or logarithmic (for losses, which shrink by orders of magnitude).
 *
 * @packageDocumentation
 */
import { niceTicks } from './ticks.js';
import { valueRange, type Series } from './series.js';

/** `linear` or `log` (base 10; values <= 0 are left out of the drawing). */
export type ScaleKind = 'linear' | 'log';

/** Maps values to heights and gives the values worth a tick. */
export interface Scale {
  /** The kind. */
  readonly kind: ScaleKind;
  /** The lowest value on the axis (the bottom). */
  readonly lo: number;
  /** The highest value on the axis (the top). */
  readonly hi: number;
  /** Height of `v` in [0, 1] from the bottom; NaN when `v` cannot be drawn (non-finite, or <= 0 on a log scale). */
  position(v: number): number;
  /** Values for about `count` ticks between `lo` and `hi`. */
  ticks(count: number): number[];
}

/** The scale that fits every finite value of `series` (positive values for `log`). */
export function makeScale(series: readonly Series[], kind: ScaleKind = 'linear'): Scale {
  if (kind === 'linear') {
    const { lo, hi } = valueRange(series);
    return { kind, lo, hi, position: (v) => (Number.isFinite(v) ? (v - lo) / (hi - lo) : NaN), ticks: (count) => niceTicks(lo, hi, count) };
  }
  const positive = series.map((s) => ({ label: s.label, values: Array.from(s.values, (v) => (v > 0 ? v : NaN)) }));
  let { lo, hi } = valueRange(positive);
  if (!(lo > 0)) lo = hi > 0 ? hi / 10 : 0.1;
  if (lo === hi) lo = hi / 10;
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return {
    kind,
    lo,
    hi,
    position: (v) => (v > 0 && Number.isFinite(v) ? (Math.log10(v) - a) / (b - a) : NaN),
    ticks: (count) => logTicks(lo, hi, count),
  };
}

/** Ticks of a log axis: 1, 2, 5 × 10^k inside [lo, hi], thinned to powers of ten when there are more than `2·count`. */
export function logTicks(lo: number, hi: number, count: number): number[] {
  const all: number[] = [];
  const powers: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
        all.push(v);
        if (m === 1) powers.push(v);
      }
    }
  }
  return all.length <= 2 * Math.max(1, count) || powers.length < 2 ? all : powers;
}
