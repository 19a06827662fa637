/**
 * The learning-rate range test, framework-free: the sweep of rates (an `exponential` or `linear` schedule
 * from `src/schedules`), the smoothed loss, the divergence stop, and the suggestions read off the curve.
 * The adapters (`@anneal/optim`'s and `@anneal/tfjs`'s `findLr`) only run the training steps it asks for.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from './errors.js';
import type { Schedule } from './schedule.js';
import { exponential } from './schedules/exponential.js';
import { linear } from './schedules/linear.js';
import { integer, positive } from './internal/validate.js';

/** How the rate grows during a range test: geometrically (`'exponential'`, the usual choice) or linearly. */
export type RangeTestMode = 'exponential' | 'linear';

/** Options of a learning-rate range test. */
export interface RangeTestOptions {
  /** The rate of the first step, > 0. Default `1e-7`. */
  startLr?: number;
  /** The rate of the last step, > `startLr`. Default `10`. */
  endLr?: number;
  /** Number of training steps (one batch each), >= 2. Default `100`. */
  steps?: number;
  /** `'exponential'` (default): `startLr · (endLr/startLr)^(i/(steps−1))`; `'linear'`: evenly spaced rates. */
  mode?: RangeTestMode;
  /**
   * Weight of the past in the exponential moving average of the loss, in [0, 1). `0` keeps the raw loss.
   * The average is bias-corrected (divided by `1 − smoothing^(i+1)`), so early points are not pulled to 0.
   * Default `0.98`.
   */
  smoothing?: number;
  /**
   * Stop when the smoothed loss exceeds `divergeFactor` times the lowest smoothed loss seen, > 1.
   * A non-finite loss always stops the test. Default `4`.
   */
  divergeFactor?: number;
}

/** {@link RangeTestOptions} with every default filled in. */
export type ResolvedRangeTestOptions = Required<RangeTestOptions>;

/** One step of a range test. */
export interface RangeTestPoint {
  /** The step, from 0. */
  step: number;
  /** The rate the step trained with. */
  lr: number;
  /** The loss the training step returned. */
  loss: number;
  /** The bias-corrected exponential moving average of the loss up to this step. */
  smoothedLoss: number;
}

/** What the curve suggests. Each is `undefined` when the curve is too short or never descends. */
export interface RangeTestSuggestions {
  /**
   * Where the smoothed loss falls fastest against `log(lr)` (the most negative slope, taken before the
   * loss reaches its minimum).
   */
  steepest: number | undefined;
  /**
   * The middle of the descent: the geometric mean of the rates at which the smoothed loss has covered a
   * quarter and three quarters of its fall from the first point to the minimum. Sits in the broad, low part
   * of the curve, well below the rates where training becomes unstable; anneal's default suggestion.
   */
  valley: number | undefined;
  /** The rate at the lowest smoothed loss, divided by 10. */
  minimumOver10: number | undefined;
  /** The rate at the lowest smoothed loss (itself usually too high to train with). */
  minimum: number | undefined;
}

/** Why a range test ended. */
export type RangeTestStop = 'completed' | 'diverged' | 'non-finite';

/** The outcome of a range test: the curve, why it stopped, and the suggestions. */
export interface RangeTestResult {
  /** Every step taken, in order (the step that diverged included). */
  points: RangeTestPoint[];
  /** `'completed'` (all `steps` ran), `'diverged'` (the smoothed loss passed `divergeFactor` × its minimum) or `'non-finite'`. */
  stop: RangeTestStop;
  /** See {@link RangeTestSuggestions}. */
  suggestions: RangeTestSuggestions;
  /** The suggestion to use when only one is wanted: `valley`, else `steepest`, else `minimumOver10`. */
  suggestion: number | undefined;
  /** The options the test ran with, defaults filled in. */
  options: ResolvedRangeTestOptions;
}

const DEFAULTS: ResolvedRangeTestOptions = { startLr: 1e-7, endLr: 10, steps: 100, mode: 'exponential', smoothing: 0.98, divergeFactor: 4 };
const KEYS = Object.keys(DEFAULTS);

/**
 * Checks range-test options and fills in the defaults.
 * @throws {@link InvalidParameterError} naming the option and its value: `startLr` not > 0, `endLr` not
 * above `startLr`, `steps` not an integer >= 2, an unknown `mode`, `smoothing` outside [0, 1),
 * `divergeFactor` not > 1, or an unknown key.
 */
export function resolveRangeTestOptions(options: RangeTestOptions = {}, path = 'options'): ResolvedRangeTestOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError(path, options, 'an options object');
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) throw new InvalidParameterError(`${path}.${key}`, (options as Record<string, unknown>)[key], `absent (known options: ${KEYS.join(', ')})`);
  }
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ResolvedRangeTestOptions;
  positive(`${path}.startLr`, o.startLr);
  positive(`${path}.endLr`, o.endLr);
  if (!(o.endLr > o.startLr)) throw new InvalidParameterError(`${path}.endLr`, o.endLr, `a rate above startLr (${o.startLr})`);
  integer(`${path}.steps`, o.steps, 2);
  if (o.mode !== 'exponential' && o.mode !== 'linear') throw new InvalidParameterError(`${path}.mode`, o.mode, "'exponential' or 'linear'");
  if (typeof o.smoothing !== 'number' || !(o.smoothing >= 0 && o.smoothing < 1)) {
    throw new InvalidParameterError(`${path}.smoothing`, o.smoothing, 'a number in [0, 1)');
  }
  if (typeof o.divergeFactor !== 'number' || !(o.divergeFactor > 1) || o.divergeFactor === Infinity) {
    throw new InvalidParameterError(`${path}.divergeFactor`, o.divergeFactor, 'a finite number > 1');
  }
  return o;
}

/**
 * The sweep as a schedule of the step, for the base rate `startLr`: `exponential({ gamma })` with
 * `gamma = (endLr/startLr)^(1/(steps−1))`, or `linear({ startFactor: 1, endFactor: endLr/startLr,
 * totalIters: steps − 1 })`. `schedule.lr(i, startLr)` is the rate of step `i`; it can be plotted and
 * serialized like any schedule.
 * @throws {@link InvalidParameterError} as {@link resolveRangeTestOptions}.
 */
export function rangeTestSchedule(options: RangeTestOptions = {}): Schedule {
  const o = resolveRangeTestOptions(options);
  const ratio = o.endLr / o.startLr;
  return o.mode === 'exponential'
    ? exponential({ gamma: ratio ** (1 / (o.steps - 1)) })
    : linear({ startFactor: 1, endFactor: ratio, totalIters: o.steps - 1 });
}

/**
 * A range test in progress, for any training loop: ask {@link RangeTest.lr} for the rate of the next step,
 * train one batch with it, hand the loss to {@link RangeTest.record}, and go on while it returns `true`.
 * {@link RangeTest.summary} reads the curve. The adapters' `findLr` run this loop and restore the model.
 *
 * @example
 * ```ts
 * const test = new RangeTest({ startLr: 1e-6, endLr: 1, steps: 80 });
 * while (!test.done) {
 *   const loss = trainOneBatch(test.lr()); // your training step at that rate
 *   test.record(loss);
 * }
 * test.summary().suggestion;
 * ```
 */
export class RangeTest {
  /** The options, defaults filled in. */
  readonly options: ResolvedRangeTestOptions;
  /** The sweep (see {@link rangeTestSchedule}). */
  readonly schedule: Schedule;
  private readonly points: RangeTestPoint[] = [];
  private average = 0;
  private best = Infinity;
  private stopped: RangeTestStop | undefined;

  /** @throws {@link InvalidParameterError} as {@link resolveRangeTestOptions}. */
  constructor(options: RangeTestOptions = {}) {
    this.options = resolveRangeTestOptions(options);
    this.schedule = rangeTestSchedule(this.options);
  }

  /** The step the next {@link RangeTest.record} records, from 0. */
  get step(): number {
    return this.points.length;
  }

  /** Whether the test is over (all steps recorded, or stopped by divergence). */
  get done(): boolean {
    return this.stopped !== undefined;
  }

  /** The rate of step `i` (default: the next step). */
  lr(i: number = this.step): number {
    return this.schedule.lr(i, this.options.startLr);
  }

  /**
   * Records the loss of the step trained at {@link RangeTest.lr}. Returns whether to go on.
   * @throws {@link InvalidParameterError} when `loss` is not a number, or the test is already over.
   */
  record(loss: number): boolean {
    if (typeof loss !== 'number') throw new InvalidParameterError('loss', loss, 'a number (the loss of the training step)');
    if (this.stopped !== undefined) throw new InvalidParameterError('loss', loss, `no further value: the range test is over (${this.stopped})`);
    const step = this.points.length;
    const { smoothing, divergeFactor, steps } = this.options;
    let smoothedLoss = NaN;
    if (Number.isFinite(loss)) {
      this.average = smoothing * this.average + (1 - smoothing) * loss;
      smoothedLoss = this.average / (1 - smoothing ** (step + 1));
    }
    this.points.push({ step, lr: this.lr(step), loss, smoothedLoss });
    if (!Number.isFinite(smoothedLoss)) this.stopped = 'non-finite';
    else {
      this.best = Math.min(this.best, smoothedLoss);
      if (smoothedLoss > divergeFactor * this.best) this.stopped = 'diverged';
      else if (step + 1 >= steps) this.stopped = 'completed';
    }
    return this.stopped === undefined;
  }

  /** The curve so far and its suggestions (see {@link analyzeRangeTest}). */
  summary(): RangeTestResult {
    const suggestions = analyzeRangeTest(this.points);
    return {
      points: this.points.map((p) => ({ ...p })),
      stop: this.stopped ?? 'completed',
      suggestions,
      suggestion: suggestions.valley ?? suggestions.steepest ?? suggestions.minimumOver10,
      options: { ...this.options },
    };
  }
}

/**
 * Reads the suggestions off a range-test curve (see {@link RangeTestSuggestions}); points with a
 * non-finite smoothed loss are ignored. Slopes are taken against `log(lr)` with central differences.
 */
export function analyzeRangeTest(points: readonly Pick<RangeTestPoint, 'lr' | 'smoothedLoss'>[]): RangeTestSuggestions {
  const curve = points.filter((p) => Number.isFinite(p.smoothedLoss) && p.lr > 0);
  const none: RangeTestSuggestions = { steepest: undefined, valley: undefined, minimumOver10: undefined, minimum: undefined };
  if (curve.length === 0) return none;
  let m = 0;
  curve.forEach((p, i) => {
    if (p.smoothedLoss < curve[m]!.smoothedLoss) m = i;
  });
  const minimum = curve[m]!.lr;
  const out: RangeTestSuggestions = { ...none, minimum, minimumOver10: minimum / 10 };
  if (m < 2) return out;
  // Steepest: the most negative slope d(loss)/d(log lr) among the points before the minimum.
  const x = curve.map((p) => Math.log(p.lr));
  let steepest = -1;
  let slopeMin = 0;
  for (let i = 1; i < m; i++) {
    const slope = (curve[i + 1]!.smoothedLoss - curve[i - 1]!.smoothedLoss) / (x[i + 1]! - x[i - 1]!);
    if (slope < slopeMin) {
      slopeMin = slope;
      steepest = i;
    }
  }
  if (steepest >= 0) out.steepest = curve[steepest]!.lr;
  // Valley: the middle (in log lr) of the stretch where the loss covers the 25%-75% band of its fall.
  const top = curve[0]!.smoothedLoss;
  const bottom = curve[m]!.smoothedLoss;
  if (top > bottom) {
    const firstBelow = (level: number): number => curve.findIndex((p, i) => i <= m && p.smoothedLoss <= level);
    const a = firstBelow(top - 0.25 * (top - bottom));
    const b = firstBelow(top - 0.75 * (top - bottom));
    out.valley = Math.sqrt(curve[a]!.lr * curve[b]!.lr);
  }
  return out;
}
