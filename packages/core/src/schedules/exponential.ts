import { createSchedule, type Schedule } from '../schedule.js';
import { nonNegative } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link exponential}. */
export interface ExponentialOptions {
  /** Multiplier per step. Required, >= 0. */
  gamma: number;
}

/** Checks of {@link ExponentialOptions}. */
export const exponentialRules = {
  gamma: { kind: 'required', check: nonNegative },
} satisfies Rules<ExponentialOptions>;

/** JSON form of {@link exponential}. */
export interface ExponentialSpec extends SpecOf<'exponential', typeof exponentialRules> {}

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
 * Exponential decay `baseLr · gamma^t` (PyTorch `ExponentialLR`).
 *
 * - Endpoints: `lr(0) = baseLr`; tends to 0 for `gamma < 1`.
 * - Bounds: for `gamma <= 1`, within [0, baseLr].
 */
export function exponential(options: ExponentialOptions): Schedule {
  const o = resolveOptions(exponentialRules, options, { type: 'exponential' });
  const { gamma } = o;
  return createSchedule({
    type: 'exponential',
    spec: specOf('exponential', o),
    lr: (t, baseLr) => baseLr * exponentialFactor(t, gamma),
  });
}

/** {@link exponential}'s descriptor. */
export const exponentialDescriptor: ScheduleDescriptor<ExponentialSpec, ExponentialOptions> = {
  type: 'exponential',
  label: 'Exponential decay',
  formula: '\\eta_0 \\cdot \\gamma^{t}',
  rules: exponentialRules,
  create: (spec) => exponential(spec as never),
  torch: {
    class: 'ExponentialLR',
    kwargs: { gamma: 'gamma' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html',
  },
  options: {
    gamma: { kind: 'number', min: 0.5, max: 1, step: 0.005, sample: 0.95 },
  },
};
