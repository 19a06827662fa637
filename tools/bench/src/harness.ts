/**
 * The timing harness: interleaved, paired samples of two loops in one process.
 *
 * Each sample times `n` iterations of a loop with `process.hrtime.bigint()` and divides by `n`.
 * Subject and baseline samples alternate (S B B S S B …), so slow phases of the machine hit both
 * alike. Samples are short (about 1 ms) and many: on a busy machine a sample that the OS preempts
 * is an outlier, and the medians ignore outliers as long as fewer than half the samples are hit.
 * The figure reported is the ratio of the two medians, with a bootstrap 95% interval.
 */
import { bootstrapRatioOfMedians, quantile, summarize, type Interval, type Summary } from './stats.js';

/** Size of the ring buffer loops write their values into (a power of two). */
export const RING = 16_384;
/** Mask to index {@link RING}. */
export const RING_MASK = RING - 1;

/**
 * A timed loop: runs `n` iterations and writes each iteration's value into `out[i & RING_MASK]`,
 * which keeps the work observable (no dead-code elimination) at the cost of one store.
 */
export type Loop = (n: number, out: Float64Array) => void | Promise<void>;

/** How long to measure. */
export interface MeasureOptions {
  /** Target duration of one sample, in ms. */
  sampleMs: number;
  /** Time spent running both loops before the first sample, in ms. */
  warmupMs: number;
  /** Number of (subject, baseline) sample pairs. */
  samples: number;
  /**
   * For loops that restart their walk over the steps at every call and whose steps cost unequally (a
   * warmup, then a cosine, then powers): the length of that walk. Every sample then runs whole walks, so
   * subject and baseline time the same mix of steps whatever their speeds (with samples sized by time
   * alone, a baseline calibrated in a slow moment ran 2,254 steps per sample, all in the cheap warmup,
   * and the ratio came out 2.5–3x instead of 1.03x). Default 1.
   */
  period: number;
}

/** Default timing: about 0.6 s per pair of loops. */
export const DEFAULT_MEASURE: MeasureOptions = { sampleMs: 0.3, warmupMs: 250, samples: 301, period: 1 };

/** Per-iteration times of both loops and their paired ratios. */
export interface PairMeasurement {
  /** Iterations per subject sample. */
  subjectIterations: number;
  /** Iterations per baseline sample. */
  baselineIterations: number;
  /** Subject time per iteration, ns. */
  subjectNs: Summary;
  /** Baseline time per iteration, ns. */
  baselineNs: Summary;
  /** `median(subject) / median(baseline)`: the headline figure. */
  ratio: number;
  /** Bootstrap 95% interval of {@link PairMeasurement.ratio}. */
  ratioInterval: Interval;
  /** `subject / baseline` per interleaved sample pair (for drift diagnostics). */
  pairedRatio: Summary;
}

async function timeOnce(loop: Loop, n: number, out: Float64Array): Promise<number> {
  const start = process.hrtime.bigint();
  const done = loop(n, out);
  if (done !== undefined) await done;
  const end = process.hrtime.bigint();
  return Number(end - start) / n;
}

/**
 * Doubles `n` until one call takes at least `ms`, then times that `n` twice more and sizes the
 * samples from the fastest of the three, so a call the OS preempted cannot shrink the samples. Every
 * call runs a whole number of walks (`period`, see {@link MeasureOptions.period}), the timings that size
 * the samples too.
 */
async function calibrate(loop: Loop, ms: number, out: Float64Array, period: number): Promise<number> {
  let n = period;
  for (;;) {
    const perIter = await timeOnce(loop, n, out);
    if (perIter * n >= ms * 1e6 || n >= 2 ** 30) break;
    n *= 2;
  }
  let fastest = Infinity;
  for (let k = 0; k < 3; k++) fastest = Math.min(fastest, await timeOnce(loop, n, out));
  return Math.max(1, Math.round((ms * 1e6) / fastest / period)) * period;
}

/**
 * Measures `subject` against `baseline` in this process: calibrates each so a sample lasts about
 * `sampleMs`, warms both up for `warmupMs`, recalibrates, then takes `samples` interleaved pairs.
 */
export async function measurePair(subject: Loop, baseline: Loop, options: Partial<MeasureOptions> = {}): Promise<PairMeasurement> {
  const o = { ...DEFAULT_MEASURE, ...options };
  const out = new Float64Array(RING);
  let nS = await calibrate(subject, o.sampleMs / 4, out, o.period);
  let nB = await calibrate(baseline, o.sampleMs / 4, out, o.period);
  const warmEnd = performance.now() + o.warmupMs;
  while (performance.now() < warmEnd) {
    await timeOnce(subject, nS, out);
    await timeOnce(baseline, nB, out);
  }
  nS = await calibrate(subject, o.sampleMs, out, o.period);
  nB = await calibrate(baseline, o.sampleMs, out, o.period);
  const s: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let k = 0; k < o.samples; k++) {
    let ts: number;
    let tb: number;
    if (k % 2 === 0) {
      ts = await timeOnce(subject, nS, out);
      tb = await timeOnce(baseline, nB, out);
    } else {
      tb = await timeOnce(baseline, nB, out);
      ts = await timeOnce(subject, nS, out);
    }
    s.push(ts);
    b.push(tb);
    r.push(ts / tb);
  }
  if (!out.some((v) => v !== 0)) throw new Error('the loops wrote nothing into the ring buffer');
  return {
    subjectIterations: nS,
    baselineIterations: nB,
    subjectNs: summarize(s),
    baselineNs: summarize(b),
    ratio: quantile(s, 0.5) / quantile(b, 0.5),
    ratioInterval: bootstrapRatioOfMedians(s, b),
    pairedRatio: summarize(r),
  };
}
