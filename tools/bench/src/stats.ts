/** Order statistics of a sample, used for every figure the suite prints. */
export interface Summary {
  /** The median. */
  median: number;
  /** First quartile (25th percentile, linear interpolation). */
  q1: number;
  /** Third quartile (75th percentile, linear interpolation). */
  q3: number;
  /** The smallest value. */
  min: number;
  /** Number of values. */
  count: number;
}

/**
 * The `p`-quantile (`0 <= p <= 1`) of `values`, by linear interpolation between closest ranks.
 * @throws {RangeError} when `values` is empty or `p` is outside [0, 1].
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/** Median, quartiles and minimum of a non-empty sample. */
export function summarize(values: readonly number[]): Summary {
  return {
    median: quantile(values, 0.5),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    min: Math.min(...values),
    count: values.length,
  };
}

/** A closed interval. */
export interface Interval {
  lo: number;
  hi: number;
}

/** A small deterministic PRNG (mulberry32), so the bootstrap gives the same interval for the same data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resampleMedian(values: readonly number[], random: () => number): number {
  const pick = Array.from(values, () => values[Math.floor(random() * values.length)]!);
  return quantile(pick, 0.5);
}

/**
 * Percentile-bootstrap interval (`level`, default 95%) of `median(a) / median(b)`, resampling each
 * sample independently `rounds` times (default 400).
 */
export function bootstrapRatioOfMedians(a: readonly number[], b: readonly number[], rounds = 400, level = 0.95): Interval {
  const random = mulberry32(0x5eed);
  const ratios: number[] = [];
  for (let k = 0; k < rounds; k++) ratios.push(resampleMedian(a, random) / resampleMedian(b, random));
  return { lo: quantile(ratios, (1 - level) / 2), hi: quantile(ratios, 1 - (1 - level) / 2) };
}
