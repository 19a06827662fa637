import { createSchedule, type Schedule } from '../schedule.js';
import { finite, knownKeys, milestones as checkMilestones } from '../internal/validate.js';
import { bisectRight } from '../internal/python.js';

/** Options of {@link multiStep}. */
export interface MultiStepOptions {
  /** Steps at which the rate is multiplied by `gamma`; non-decreasing. A repeated milestone counts twice, as in PyTorch. */
  milestones: number[];
  /** Multiplier applied at each milestone. Default `0.1`. */
  gamma?: number;
}

/** JSON form of {@link multiStep}. */
export interface MultiStepSpec extends Required<MultiStepOptions> {
  type: 'multiStep';
}

/** `gamma ^ (number of milestones <= t)`: PyTorch `MultiStepLR`'s closed form multiplier. */
export function multiStepFactor(t: number, sortedMilestones: readonly number[], gamma: number): number {
  return gamma ** bisectRight(sortedMilestones, t);
}

/** The recursive multiplier of PyTorch's `MultiStepLR.get_lr`: `gamma^count` when `lastEpoch` is a milestone `count` times. */
export function multiStepChainFactor(lastEpoch: number, sortedMilestones: readonly number[], gamma: number): number {
  let count = 0;
  for (const m of sortedMilestones) if (m === lastEpoch) count++;
  return count === 0 ? 1 : gamma ** count;
}

/**
 * Multi-step decay: the rate is multiplied by `gamma` at each milestone (PyTorch `MultiStepLR`).
 *
 * - Endpoints: `lr(t) = baseLr` before the first milestone, `baseLr · gamma^k` after the k-th.
 * - Bounds: for `0 <= gamma <= 1`, within [0, baseLr] and non-increasing.
 */
export function multiStep(options: MultiStepOptions): Schedule {
  knownKeys('', options, ['type', 'milestones', 'gamma']);
  const milestones = checkMilestones('milestones', options.milestones);
  const gamma = finite('gamma', options.gamma ?? 0.1);
  return createSchedule({
    type: 'multiStep',
    spec: { type: 'multiStep', milestones: [...milestones], gamma },
    lr: (t, baseLr) => baseLr * multiStepFactor(t, milestones, gamma),
  });
}
