import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, nonNegative, positive } from '../internal/validate.js';
import { pickRules, resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link polynomial}. */
export interface PolynomialOptions {
  /** Steps until the rate reaches 0. Default `5` (PyTorch's default). */
  totalIters?: number;
  /** Exponent of the decay. Default `1` (linear decay). */
  power?: number;
  /**
   * An absolute end rate: the decay runs from `baseLr` to `endLr`,
   * `(baseLr − endLr)·(1 − min(t, T)/T)^power + endLr` (HF `lr_end`, Keras `end_learning_rate`,
   * optax `end_value` as a rate). Default `0`; PyTorch's `PolynomialLR` has no such keyword.
   */
  endLr?: number;
  /**
   * Keras's `cycle=True`: past `totalIters` the decay restarts over a period stretched to the next
   * multiple of `totalIters` (`T·ceil(t/T)`) instead of staying at the end. Default `false`.
   */
  cycle?: boolean;
}

/** Checks and defaults of {@link PolynomialOptions}. */
export const polynomialScheduleRules = {
  totalIters: { kind: 'default', check: positive, value: 5 },
  power: { kind: 'default', check: nonNegative, value: 1 },
  endLr: { kind: 'optional', check: finite },
  cycle: { kind: 'optional', check: bool },
} satisfies Rules<PolynomialOptions>;

/** Checks and defaults of `PolynomialLR`'s options (the PyTorch class has no `endLr` or `cycle`). */
export const polynomialRules = /* @__PURE__ */ pickRules(polynomialScheduleRules, 'totalIters', 'power');

/** JSON form of {@link polynomial}. */
export interface PolynomialSpec extends SpecOf<'polynomial', typeof polynomialScheduleRules> {}

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
 * - Endpoints: `lr(0) = baseLr`, `lr(t) = endLr` for `t >= totalIters` (without `cycle`).
 * - Bounds: between `endLr` and `baseLr`, non-increasing without `cycle`.
 */
export function polynomial(options: PolynomialOptions = {}): Schedule {
  const o = resolveOptions(polynomialScheduleRules, options, { type: 'polynomial' });
  const { totalIters, power, endLr = 0, cycle } = o;
  return createSchedule({
    type: 'polynomial',
    spec: specOf('polynomial', o),
    lr: (t, baseLr) => {
      // Keras's cycle: the period is T·ceil(t/T) (T at t = 0).
      const f = polynomialFactor(t, cycle === true && t > 0 ? totalIters * Math.ceil(t / totalIters) : totalIters, power);
      return endLr === 0 ? baseLr * f : (baseLr - endLr) * f + endLr;
    },
  });
}

/** {@link polynomial}'s descriptor. */
export const polynomialDescriptor: ScheduleDescriptor<PolynomialSpec, PolynomialOptions> = {
  type: 'polynomial',
  label: 'Polynomial decay',
  formula: '\\eta_0 \\cdot \\left(1 - \\min(t, T) / T\\right)^{p}',
  rules: polynomialScheduleRules,
  create: (spec) => polynomial(spec as never),
  torch: {
    class: 'PolynomialLR',
    kwargs: { totalIters: 'total_iters', power: 'power' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.PolynomialLR.html',
  },
  options: {
    totalIters: { kind: 'number', min: 1, max: 1000, step: 1, sample: 100 },
    power: { kind: 'number', min: 0, max: 5, step: 0.1, sample: 2 },
    endLr: { kind: 'number', min: 0.0005, max: 0.01, step: 0.0001, sample: 0.001, absentInSample: true },
    cycle: { kind: 'boolean', sample: false },
  },
};
