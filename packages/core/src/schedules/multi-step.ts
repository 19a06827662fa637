import { createSchedule, type Schedule } from '../schedule.js';
import { finite, milestones as checkMilestones, nonNegative } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { bisectRight } from '../internal/python.js';

/** Options of {@link multiStep}. */
export interface MultiStepOptions {
  /** Steps at which the rate is multiplied by `gamma`; non-decreasing. A repeated milestone counts twice, as in PyTorch. */
  milestones: number[];
  /** Multiplier applied at each milestone. Default `0.1`. */
  gamma?: number;
}

/** Milestones in any order: each entry checked where it stands, then sorted. */
function anyOrder(name: string, value: unknown): number[] {
  if (!Array.isArray(value)) return checkMilestones(name, value);
  return checkMilestones(name, value.map((v, i) => nonNegative(`${name}[${i}]`, v)).sort((a, b) => a - b));
}

/** Checks and defaults of {@link MultiStepOptions}; PyTorch's `MultiStepLR` takes the milestones in any order. */
export const multiStepRules = {
  // PyTorch counts milestones in a Counter, so their order does not matter there.
  milestones: { kind: 'required', check: (name, value) => checkMilestones(name, value), torch: { check: anyOrder } },
  gamma: { kind: 'default', check: finite, value: 0.1 },
} satisfies Rules<MultiStepOptions>;

/** JSON form of {@link multiStep}. */
export interface MultiStepSpec extends SpecOf<'multiStep', typeof multiStepRules> {}

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
  const o = resolveOptions(multiStepRules, options, { type: 'multiStep' });
  const { milestones, gamma } = o;
  return createSchedule({
    type: 'multiStep',
    spec: specOf('multiStep', o),
    lr: (t, baseLr) => baseLr * multiStepFactor(t, milestones, gamma),
  });
}

/** {@link multiStep}'s descriptor. */
export const multiStepDescriptor: ScheduleDescriptor<MultiStepSpec, MultiStepOptions> = {
  type: 'multiStep',
  label: 'Multi-step decay',
  formula: '\\eta_0 \\cdot \\gamma^{\\#\\{m_i \\le t\\}}',
  rules: multiStepRules,
  create: (spec) => multiStep(spec as never),
  torch: {
    class: 'MultiStepLR',
    kwargs: { milestones: 'milestones', gamma: 'gamma' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiStepLR.html',
  },
  options: {
    milestones: { kind: 'steps', max: 500, sample: [30, 60, 80] },
    gamma: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
  },
};
