import { createSchedule, type Schedule } from '../schedule.js';
import { finite, inRange, nonNegative, positive } from '../internal/validate.js';
import { ONE_THIRD, resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link linear}. */
export interface LinearOptions {
  /** Multiplier of the base rate at step 0. Default `1/3` (PyTorch's default). */
  startFactor?: number;
  /** Multiplier reached at `totalIters` and kept afterwards. Default `1`. */
  endFactor?: number;
  /** Length of the ramp in steps. Default `5`. */
  totalIters?: number;
}

const unitFactor = (name: string, value: unknown) => inRange(name, value, 0, 1);

/**
 * Checks and defaults of {@link LinearOptions}. PyTorch's `LinearLR` keeps both factors in [0, 1] and
 * accepts `totalIters = 0`.
 */
export const linearRules = {
  startFactor: { kind: 'default', check: finite, value: ONE_THIRD, torch: { check: unitFactor } },
  endFactor: { kind: 'default', check: finite, value: 1, torch: { check: unitFactor } },
  totalIters: { kind: 'default', check: positive, value: 5, torch: { check: nonNegative } },
} satisfies Rules<LinearOptions>;

/** JSON form of {@link linear}. */
export interface LinearSpec extends SpecOf<'linear', typeof linearRules> {}

/** The multiplier at step `t`; the arithmetic of PyTorch's `LinearLR` closed form. */
export function linearFactor(t: number, startFactor: number, endFactor: number, totalIters: number): number {
  return startFactor + ((endFactor - startFactor) * Math.min(totalIters, t)) / totalIters;
}

/**
 * The recursive multiplier PyTorch's `LinearLR.get_lr` applies at step `lastEpoch`: `startFactor` at step 0,
 * 1 on another step that keeps the rate (`hold`) and past `totalIters`.
 */
export function linearChainFactor(lastEpoch: number, startFactor: number, endFactor: number, totalIters: number, hold: boolean): number {
  if (lastEpoch === 0) return startFactor;
  if (hold || lastEpoch > totalIters) return 1;
  return 1 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
}

/**
 * Linear ramp of the multiplier from `startFactor` to `endFactor` over `totalIters` steps, then flat
 * (PyTorch `LinearLR`). The classic linear warmup is `linear({ startFactor: 0.01, totalIters: w })`.
 *
 * - Endpoints: `lr(0) = startFactor · baseLr`, `lr(t) = endFactor · baseLr` for `t >= totalIters`.
 * - Bounds: between the two factors times `baseLr`.
 */
export function linear(options: LinearOptions = {}): Schedule {
  const o = resolveOptions(linearRules, options, { type: 'linear' });
  const { startFactor, endFactor, totalIters } = o;
  return createSchedule({
    type: 'linear',
    spec: specOf('linear', o),
    lr: (t, baseLr) => baseLr * linearFactor(t, startFactor, endFactor, totalIters),
  });
}

/** {@link linear}'s descriptor. */
export const linearDescriptor: ScheduleDescriptor<LinearSpec, LinearOptions> = {
  type: 'linear',
  label: 'Linear ramp',
  formula: '\\eta_0 \\cdot \\left(f_0 + (f_1 - f_0)\\,\\min(t, T)/T\\right)',
  rules: linearRules,
  create: (spec) => linear(spec as never),
  torch: {
    class: 'LinearLR',
    kwargs: { startFactor: 'start_factor', endFactor: 'end_factor', totalIters: 'total_iters' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.LinearLR.html',
  },
  options: {
    startFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
    endFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 1 },
    totalIters: { kind: 'number', min: 1, max: 500, step: 1, sample: 20 },
  },
};
