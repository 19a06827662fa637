import { createSchedule, type Schedule } from '../schedule.js';
import { InvalidParameterError } from '../errors.js';
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
  return createSchedule({
    type: 'chain',
    spec: () => ({ type: 'chain', schedules: parts.map((s) => s.toJSON()) }),
    lr: (t, baseLr) => {
      let lr = baseLr;
      for (const s of parts) lr = s.lr(t, lr);
      return lr;
    },
  });
}
