import { checkedFormulaOf, createSchedule, formulaOf, type Formula, type Schedule } from '../schedule.js';
import { InvalidParameterError } from '../errors.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { resolveOptions } from '../internal/options.js';
import type { ScheduleSpec } from '../serialization/spec.js';

/** JSON form of {@link chain}. */
export interface ChainSpec {
  type: 'chain';
  schedules: ScheduleSpec[];
}

/**
 * Applies schedules on top of each other: each one receives the previous one's rate as its base rate,
 * `lr(t) = sₙ(t, … s₂(t, s₁(t, baseLr)))`. For multiplicative schedules (step, exponential, linear,
 * constant, polynomial, multi-step) that is the product of their multipliers, which is what PyTorch's
 * `ChainedScheduler` computes.
 */
export function chain(schedules: readonly Schedule[]): Schedule {
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new InvalidParameterError('schedules', schedules, 'a non-empty array of schedules');
  }
  const parts = [...schedules];
  /**
   * The formula, on the schedules' formulas `fs`. It stops at the first value that is not finite: the
   * unchecked formulas must not turn it into a finite one (an `endLr` bound would), so that the checked
   * path takes over (see formulaOf) and the schedule at fault throws. The shape is chosen here, once: two
   * schedules (the common case) without a loop (docs/benchmarks.md).
   */
  const chained = (fs: readonly Formula[]): Formula => {
    const [f0, f1] = fs as [Formula, Formula?];
    if (f1 === undefined) return f0;
    if (fs.length === 2) {
      return (t, baseLr) => {
        const lr = f0(t, baseLr);
        return Number.isFinite(lr) ? f1(t, lr) : lr;
      };
    }
    return (t, baseLr) => {
      let lr = baseLr;
      for (let i = 0; i < fs.length && Number.isFinite(lr); i++) lr = fs[i]!(t, lr);
      return lr;
    };
  };
  const fast = chained(parts.map(formulaOf));
  const checked = chained(parts.map(checkedFormulaOf));
  return createSchedule({
    type: 'chain',
    spec: () => ({ type: 'chain', schedules: parts.map((s) => s.toJSON()) }),
    lr: fast,
    checked,
  });
}

/** {@link chain}'s descriptor. */
export const chainDescriptor: ScheduleDescriptor<ChainSpec, Record<never, never>> = {
  type: 'chain',
  label: 'Chain',
  formula: 's_n(t, \\dots s_2(t, s_1(t, \\eta_0)))',
  rules: {},
  children: 'schedules',
  create: ({ schedules: _children, ...options }, children) => {
    resolveOptions({}, options, { type: 'chain' });
    return chain(children);
  },
  torch: {
    class: 'ChainedScheduler',
    kwargs: {},
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ChainedScheduler.html',
  },
  options: {},
};
