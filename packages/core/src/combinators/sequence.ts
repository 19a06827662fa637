import { checkedFormulaOf, createSchedule, formulaOf, type Formula, type Schedule } from '../schedule.js';
import { milestones as checkMilestones } from '../internal/validate.js';
import { resolveOptions, type Resolved, type Rules } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { bisectRight } from '../internal/python.js';
import { InvalidParameterError } from '../errors.js';
import type { ScheduleSpec } from '../serialization/spec.js';

/** Options of {@link sequence}. */
export interface SequenceOptions {
  /** Steps at which the next schedule takes over; one fewer than the schedules, non-decreasing. */
  milestones: number[];
}

/** Checks of {@link SequenceOptions}. */
export const sequenceRules = {
  milestones: { kind: 'required', check: (name, value) => checkMilestones(name, value, { allowEmpty: true }) },
} satisfies Rules<SequenceOptions>;

/** JSON form of {@link sequence}. */
export interface SequenceSpec extends Resolved<typeof sequenceRules> {
  type: 'sequence';
  schedules: ScheduleSpec[];
}

/**
 * Runs schedules one after another: schedule `i` runs from milestone `i − 1` (or 0) and sees its own
 * step count from 0 (`lr(t) = schedules[i].lr(t − milestones[i − 1])`), like optax's `join_schedules`
 * and PyTorch's `SequentialLR`, whose stateful quirks `SequentialLR` in anneal reproduces.
 */
export function sequence(schedules: readonly Schedule[], options: SequenceOptions): Schedule {
  const { milestones } = resolveOptions(sequenceRules, options, { type: 'sequence', extra: ['schedules'] });
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new InvalidParameterError('schedules', schedules, 'a non-empty array of schedules');
  }
  if (milestones.length !== schedules.length - 1) {
    throw new InvalidParameterError('milestones', options.milestones, `an array of ${schedules.length - 1} milestones (one fewer than the ${schedules.length} schedules)`);
  }
  const parts = [...schedules];
  const momentumParts = parts.every((s) => s.momentum !== undefined);
  /**
   * The formula, on the schedules' formulas `fs`. The shape is chosen here, once: two schedules (the
   * common case) need one comparison, more a bisection (docs/benchmarks.md).
   */
  const sequenced = (fs: readonly Formula[]): Formula => {
    const [f0, f1] = fs as [Formula, Formula?];
    const m0 = milestones[0]!;
    if (f1 === undefined) return f0;
    if (fs.length === 2) return (t, baseLr) => (t < m0 ? f0(t, baseLr) : f1(t - m0, baseLr));
    return (t, baseLr) => {
      const i = bisectRight(milestones, t);
      return i === 0 ? f0(t, baseLr) : fs[i]!(t - milestones[i - 1]!, baseLr);
    };
  };
  const fast = sequenced(parts.map(formulaOf));
  const checked = sequenced(parts.map(checkedFormulaOf));
  /** Schedule `i`'s own step at `t`. */
  const local = (i: number, t: number) => (i === 0 ? t : t - milestones[i - 1]!);
  return createSchedule({
    type: 'sequence',
    spec: () => ({ type: 'sequence', milestones: [...milestones], schedules: parts.map((s) => s.toJSON()) }),
    lr: fast,
    checked,
    ...(momentumParts
      ? {
          momentum: (t: number, m: number) => {
            const i = bisectRight(milestones, t);
            return parts[i]!.momentum!(local(i, t), m);
          },
        }
      : {}),
  });
}

/** {@link sequence}'s descriptor. */
export const sequenceDescriptor: ScheduleDescriptor<SequenceSpec, SequenceOptions> = {
  type: 'sequence',
  label: 'Sequence',
  formula: 's_i(t - m_{i-1}) \\text{ for } m_{i-1} \\le t < m_i',
  rules: sequenceRules,
  children: 'schedules',
  create: ({ schedules: _children, ...options }, children) => sequence(children, options as never),
  torch: {
    class: 'SequentialLR',
    kwargs: { milestones: 'milestones' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.SequentialLR.html',
  },
  options: {
    milestones: { kind: 'steps', max: 300, sample: [20] },
  },
};
