import { createSchedule, type Schedule } from '../schedule.js';
import { inRange, nonNegative } from '../internal/validate.js';
import { ONE_THIRD, resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link constant}. */
export interface ConstantOptions {
  /** Multiplier of the base rate before `totalIters`. Default `1`. Must lie in [0, 1] as in PyTorch. */
  factor?: number;
  /** Step from which the full base rate applies. Default: never (the factor applies forever). */
  totalIters?: number;
}

/** Checks and defaults of {@link ConstantOptions}; PyTorch's `ConstantLR` defaults to `factor = 1/3, totalIters = 5`. */
export const constantRules = {
  factor: { kind: 'default', check: (name, value) => inRange(name, value, 0, 1), value: 1, torch: { value: ONE_THIRD } },
  totalIters: { kind: 'optional', check: nonNegative, torch: { value: 5 } },
} satisfies Rules<ConstantOptions>;

/** JSON form of {@link constant}. */
export interface ConstantSpec extends SpecOf<'constant', typeof constantRules> {}

/**
 * The multiplier of the base rate at step `t`: `factor` before `totalIters`, `1` from then on.
 * Same arithmetic as PyTorch's `ConstantLR` closed form.
 */
export function constantFactor(t: number, factor: number, totalIters: number): number {
  return factor + (t >= totalIters ? 1 - factor : 0);
}

/**
 * The chainable (recursive) multiplier PyTorch's `ConstantLR.get_lr` applies to the current rate
 * when stepping from `lastEpoch - 1` to `lastEpoch`.
 */
export function constantChainFactor(lastEpoch: number, factor: number, totalIters: number): number {
  if (lastEpoch === 0) return factor;
  if (lastEpoch !== totalIters) return 1;
  return 1 / factor;
}

/**
 * Constant learning rate: `baseLr · factor` until `totalIters`, then `baseLr`
 * (PyTorch `ConstantLR`). With no options, the base rate itself.
 *
 * - Endpoints: `lr(0) = factor · baseLr`; `lr(t) = baseLr` for `t >= totalIters`.
 * - Bounds: between `factor · baseLr` and `baseLr`.
 */
export function constant(options: ConstantOptions = {}): Schedule {
  const o = resolveOptions(constantRules, options, { type: 'constant' });
  const { factor } = o;
  const totalIters = o.totalIters ?? Infinity;
  return createSchedule({
    type: 'constant',
    spec: specOf('constant', o),
    lr: (t, baseLr) => baseLr * constantFactor(t, factor, totalIters),
  });
}

/** {@link constant}'s descriptor. */
export const constantDescriptor: ScheduleDescriptor<ConstantSpec, ConstantOptions> = {
  type: 'constant',
  label: 'Constant factor',
  formula: '\\eta_0 \\cdot (t < T \\;?\\; f : 1)',
  rules: constantRules,
  create: (spec) => constant(spec as never),
  torch: {
    class: 'ConstantLR',
    kwargs: { factor: 'factor', totalIters: 'total_iters' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ConstantLR.html',
  },
  options: {
    factor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.5 },
    totalIters: { kind: 'number', min: 0, max: 500, step: 1, sample: 20 },
  },
};
