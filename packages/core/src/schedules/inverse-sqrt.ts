import { createSchedule, type Schedule } from '../schedule.js';
import { nonNegative, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link inverseSqrt}. */
export interface InverseSqrtOptions {
  /** Linear warmup from 0 to the base rate over this many steps. Default `0`. */
  warmupSteps?: number;
  /** Time scale of the decay: after warmup, `lr = baseLr / sqrt((t − warmupSteps + timescale) / timescale)`. Default: `warmupSteps`, or `10000` without warmup. */
  timescale?: number;
  /**
   * Exponent of the decay: after warmup `baseLr / ((t − warmupSteps + timescale) / timescale)^power`.
   * Default `0.5` (inverse square root); `1` is Keras's `InverseTimeDecay` (timescale `decay_steps / decay_rate`). > 0.
   */
  power?: number;
  /**
   * Keras's `staircase`: the steps since the warmup are floored to a multiple of `stepSize` before the decay,
   * `baseLr / ((stepSize·floor((t − warmupSteps)/stepSize) + timescale) / timescale)^power`. Default: none.
   */
  stepSize?: number;
}

/** Checks and defaults of {@link InverseSqrtOptions}. */
export const inverseSqrtRules = {
  warmupSteps: { kind: 'default', check: nonNegative, value: 0 },
  timescale: { kind: 'derived', check: positive, derive: (o) => ((o.warmupSteps as number) > 0 ? (o.warmupSteps as number) : 10_000) },
  power: { kind: 'optional', check: positive },
  stepSize: { kind: 'optional', check: positive },
} satisfies Rules<InverseSqrtOptions>;

/** JSON form of {@link inverseSqrt}. */
export interface InverseSqrtSpec extends SpecOf<'inverseSqrt', typeof inverseSqrtRules> {}

/**
 * Inverse square-root decay, the Transformer schedule (Vaswani et al. 2017, as in Hugging Face's
 * `get_inverse_sqrt_schedule`): linear warmup, then `baseLr · sqrt(timescale / (t − warmupSteps + timescale))`.
 *
 * - Endpoints: `lr(0) = 0` with warmup (`baseLr` without), `lr(warmupSteps) = baseLr`, tends to 0.
 * - Bounds: within [0, baseLr].
 */
export function inverseSqrt(options: InverseSqrtOptions = {}): Schedule {
  const o = resolveOptions(inverseSqrtRules, options, { type: 'inverseSqrt' });
  const { warmupSteps, timescale, stepSize } = o;
  const power = o.power ?? 0.5;
  const decay = power === 0.5 ? Math.sqrt : (x: number) => x ** power;
  return createSchedule({
    type: 'inverseSqrt',
    spec: specOf('inverseSqrt', o),
    lr: (t, baseLr) =>
      // baseLr · (t / warmupSteps), not (baseLr · t) / warmupSteps: the product underflows for a tiny t
      t < warmupSteps ? baseLr * (t / warmupSteps) : baseLr / decay(((stepSize === undefined ? t - warmupSteps : stepSize * Math.floor((t - warmupSteps) / stepSize)) + timescale) / timescale),
  });
}

/** {@link inverseSqrt}'s descriptor. */
export const inverseSqrtDescriptor: ScheduleDescriptor<InverseSqrtSpec, InverseSqrtOptions> = {
  type: 'inverseSqrt',
  label: 'Inverse square root',
  formula: '\\eta_0 \\sqrt{\\tau / (t - w + \\tau)}',
  rules: inverseSqrtRules,
  create: (spec) => inverseSqrt(spec as never),
  options: {
    warmupSteps: { kind: 'number', min: 0, max: 200, step: 1, sample: 10 },
    timescale: { kind: 'number', min: 1, max: 1000, step: 1, sample: 20 },
    power: { kind: 'number', min: 0.25, max: 2, step: 0.05, sample: 1, absentInSample: true },
    stepSize: { kind: 'number', min: 5, max: 100, step: 1, sample: 10, absentInSample: true },
  },
  source: 'Vaswani et al. 2017, arXiv:1706.03762',
};
