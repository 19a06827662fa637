import { createSchedule, type Schedule } from '../schedule.js';
import { nonNegative, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link polynomial}. */
export interface PolynomialOptions {
  /** Steps until the rate reaches 0. Default `5` (PyTorch's default). */
  totalIters?: number;
  /** Exponent of the decay. Default `1` (linear decay). */
  power?: number;
}

/** Checks and defaults of {@link PolynomialOptions} (also `PolynomialLR`'s). */
export const polynomialRules = {
  totalIters: { kind: 'default', check: positive, value: 5 },
  power: { kind: 'default', check: nonNegative, value: 1 },
} satisfies Rules<PolynomialOptions>;

/** JSON form of {@link polynomial}. */
export interface PolynomialSpec extends SpecOf<'polynomial', typeof polynomialRules> {}

/** `(1 - min(t, totalIters) / totalIters) ^ power`: PyTorch `PolynomialLR`'s closed form multiplier. */
export function polynomialFactor(t: number, totalIters: number, power: number): number {
  return (1 - Math.min(totalIters, t) / totalIters) ** power;
}

/** The recursive multiplier of PyTorch's `PolynomialLR.get_lr` at `lastEpoch`; 1 on a step that keeps the rate (`hold`). */
export function polynomialChainFactor(lastEpoch: number, totalIters: number, power: number, hold: boolean): number {
  if (hold || lastEpoch > totalIters) return 1;
  return ((1 - lastEpoch / totalIters) / (1 - (lastEpoch - 1) / totalIters)) ** power;
}

/**
 * Polynomial decay to zero over `totalIters` steps (PyTorch `PolynomialLR`).
 *
 * - Endpoints: `lr(0) = baseLr`, `lr(t) = 0` for `t >= totalIters`.
 * - Bounds: within [0, baseLr], non-increasing.
 */
export function polynomial(options: PolynomialOptions = {}): Schedule {
  const o = resolveOptions(polynomialRules, options, { type: 'polynomial' });
  const { totalIters, power } = o;
  return createSchedule({
    type: 'polynomial',
    spec: specOf('polynomial', o),
    lr: (t, baseLr) => baseLr * polynomialFactor(t, totalIters, power),
  });
}

/** {@link polynomial}'s descriptor. */
export const polynomialDescriptor: ScheduleDescriptor<PolynomialSpec, PolynomialOptions> = {
  type: 'polynomial',
  label: 'Polynomial decay',
  formula: '\\eta_0 \\cdot \\left(1 - \\min(t, T) / T\\right)^{p}',
  rules: polynomialRules,
  create: (spec) => polynomial(spec as never),
  torch: {
    class: 'PolynomialLR',
    kwargs: { totalIters: 'total_iters', power: 'power' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.PolynomialLR.html',
  },
  options: {
    totalIters: { kind: 'number', min: 1, max: 1000, step: 1, sample: 100 },
    power: { kind: 'number', min: 0, max: 5, step: 0.1, sample: 2 },
  },
};
