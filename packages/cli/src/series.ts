/**
 * What the charts draw: named sequences of values, one per step (or epoch).
 *
 * @packageDocumentation
 */

/** One curve of a chart: `values[i]` is the value at step `xStart + i`, held until the next step. */
export interface Series {
  /** Legend text. */
  readonly label: string;
  /** The values, one per step. Non-finite values are left out of the drawing. */
  readonly values: ArrayLike<number>;
}

/** The extremes of a series, with the first index where each is reached. */
export interface Extremes {
  min: number;
  minIndex: number;
  max: number;
  maxIndex: number;
}

/** The smallest and largest finite value of `values` (first occurrence); `undefined` when there is none. */
export function extremes(values: ArrayLike<number>): Extremes | undefined {
  let result: Extremes | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (result === undefined) result = { min: v, minIndex: i, max: v, maxIndex: i };
    else {
      if (v < result.min) Object.assign(result, { min: v, minIndex: i });
      if (v > result.max) Object.assign(result, { max: v, maxIndex: i });
    }
  }
  return result;
}

/**
 * The value range shared by several series, widened when flat so a constant still gets an axis
 * (`[0, v]` for a constant `v > 0`, `[v, 0]` for `v < 0`, `[0, 1]` for zero).
 */
export function valueRange(series: readonly Series[]): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const e = extremes(s.values);
    if (e === undefined) continue;
    lo = Math.min(lo, e.min);
    hi = Math.max(hi, e.max);
  }
  if (lo === Infinity) return { lo: 0, hi: 1 };
  if (lo === hi) return lo > 0 ? { lo: 0, hi } : lo < 0 ? { lo, hi: 0 } : { lo: 0, hi: 1 };
  return { lo, hi };
}

/** The longest series length (the number of steps on the x axis). */
export function stepCount(series: readonly Series[]): number {
  return series.reduce((n, s) => Math.max(n, s.values.length), 0);
}
