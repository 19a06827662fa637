import { createSchedule, type Schedule } from '../schedule.js';
import { knownKeys, milestones as checkMilestones } from '../internal/validate.js';
import { bisectRight } from '../internal/python.js';
import { InvalidParameterError } from '../errors.js';
import type { ScheduleSpec } from '../serialization/spec.js';

/** Options of {@link sequence}. */
export interface SequenceOptions {
  /** Steps at which the next schedule takes over; one fewer than the schedules, non-decreasing. */
  milestones: number[];
}

/** JSON form of {@link sequence}. */
export interface SequenceSpec extends Required<SequenceOptions> {
  type: 'sequence';
  schedules: ScheduleSpec[];
}

/**
 * Runs schedules one after another: schedule `i` runs from milestone `i − 1` (or 0) and sees its own
 * step count from 0 (`lr(t) = schedules[i].lr(t − milestones[i − 1])`), like optax's `join_schedules`
 * and PyTorch's `SequentialLR`, whose stateful quirks `SequentialLR` in anneal reproduces.
 */
export function sequence(schedules: readonly Schedule[], options: SequenceOptions): Schedule {
  knownKeys('', options, ['type', 'milestones', 'schedules']);
  if (!Array.isArray(schedules) || schedules.length === 0) {
    throw new InvalidParameterError('schedules', schedules, 'a non-empty array of schedules');
  }
  const milestones = checkMilestones('milestones', options.milestones, { allowEmpty: true });
  if (milestones.length !== schedules.length - 1) {
    throw new InvalidParameterError('milestones', options.milestones, `an array of ${schedules.length - 1} milestones (one fewer than the ${schedules.length} schedules)`);
  }
  const parts = [...schedules];
  const momentumParts = parts.every((s) => s.momentum !== undefined);
  const locate = (t: number) => {
    const i = bisectRight(milestones, t);
    return { schedule: parts[i]!, local: i === 0 ? t : t - milestones[i - 1]! };
  };
  return createSchedule({
    type: 'sequence',
    spec: () => ({ type: 'sequence', milestones: [...milestones], schedules: parts.map((s) => s.toJSON()) }),
    lr: (t, baseLr) => {
      const { schedule, local } = locate(t);
      return schedule.lr(local, baseLr);
    },
    ...(momentumParts
      ? {
          momentum: (t: number, m: number) => {
            const { schedule, local } = locate(t);
            return schedule.momentum!(local, m);
          },
        }
      : {}),
  });
}
