import { createSchedule, type Schedule } from '../schedule.js';
import { finite, nonNegative, positive } from '../internal/validate.js';
import { pickRules, resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link exponential}. */
export interface ExponentialOptions {
  /** Multiplier per step. Required, >= 0. */
  gamma: number;
  /**
   * Steps over which the rate is multiplied by `gamma` once: `baseLr · gamma^(t/period)` (Keras and optax
   * `decay_steps`/`transition_steps` without staircase). Default `1`, > 0; PyTorch's `ExponentialLR` has no such keyword.
   */
  period?: number;
  /**
   * An absolute bound the rate does not pass: for `gamma < 1` the rate never falls below it, for
   * `gamma >= 1` never rises above it (optax `end_value`). Default: no bound.
   */
  endLr?: number;
}

/** Checks and defaults of {@link ExponentialOptions}. */
export const exponentialScheduleRules = {
  gamma: { kind: 'required', check: nonNegative },
  period: { kind: 'optional', check: positive },
  endLr: { kind: 'optional', check: finite },
} satisfies Rules<ExponentialOptions>;

/** Checks of `ExponentialLR`'s options (`gamma`). */
export const exponentialRules = /* @__PURE__ */ pickRules(exponentialScheduleRules, 'gamma');

/** JSON form of {@link exponential} (`endLr` absent: no bound). */
export interface ExponentialSpec extends SpecOf<'exponential', typeof exponentialScheduleRules> {}

/** `gamma ^ t`: PyTorch `ExponentialLR`'s closed form multiplier (continuous in `t`). */
export function exponentialFactor(t: number, gamma: number): number {
  return gamma ** t;
}

/**
 * The recursive multiplier of PyTorch's `ExponentialLR.get_lr`: `gamma`, or 1 on a step that keeps the rate
 * (`hold`: which steps do is the stepping semantics, see the scheduler's `holdsRate`).
 */
export function exponentialChainFactor(gamma: number, hold: boolean): number {
  return hold ? 1 : gamma;
}

/**
 * Exponential decay `baseLr · gamma^(t/period)` (PyTorch `ExponentialLR` with the default `period` 1),
 * bounded by `endLr` when given.
 *
 * - Endpoints: `lr(0) = baseLr`; tends to 0 for `gamma < 1`.
 * - Bounds: for `gamma <= 1`, within [0, baseLr].
 */
export function exponential(options: ExponentialOptions): Schedule {
  const o = resolveOptions(exponentialScheduleRules, options, { type: 'exponential' });
  const { gamma, endLr, period = 1 } = o;
  return createSchedule({
    type: 'exponential',
    spec: specOf('exponential', o),
    lr: (t, baseLr) => {
      const value = baseLr * exponentialFactor(t / period, gamma); // t / 1 is t exactly
      return endLr === undefined ? value : gamma < 1 ? Math.max(value, endLr) : Math.min(value, endLr);
    },
  });
}

/** {@link exponential}'s descriptor. */
export const exponentialDescriptor: ScheduleDescriptor<ExponentialSpec, ExponentialOptions> = {
  type: 'exponential',
  label: 'Exponential decay',
  formula: '\\eta_0 \\cdot \\gamma^{t}',
  rules: exponentialScheduleRules,
  create: (spec) => exponential(spec as never),
  torch: {
    class: 'ExponentialLR',
    kwargs: { gamma: 'gamma' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html',
  },
  options: {
    gamma: { kind: 'number', min: 0.5, max: 1, step: 0.005, sample: 0.95 },
    period: { kind: 'number', min: 2, max: 100, step: 1, sample: 10, absentInSample: true },
    endLr: { kind: 'number', min: 0.0005, max: 0.01, step: 0.0001, sample: 0.001, absentInSample: true },
  },
};
