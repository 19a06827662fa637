/**
 * The core abstraction: a schedule is a pure function of the step.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, NonFiniteRateError, NotSerializableError } from './errors.js';
import type { ScheduleSpec } from './serialization/spec.js';

/**
 * A learning-rate schedule: a pure, closed-form function of the (possibly fractional)
 * step `t >= 0` and the base learning rate of a parameter group. No hidden state:
 * calling `lr(t, baseLr)` twice gives the same number, in any order.
 */
export interface Schedule {
  /** The schedule kind, as written in JSON (`"cosine"`, `"sgdr"`, ...). */
  readonly type: string;
  /**
   * The learning rate at step `t` for a group whose base (initial) learning rate is `baseLr`.
   * @throws {@link InvalidParameterError} when `t` is negative, NaN or infinite, or `baseLr` is not finite.
   * @throws {@link NonFiniteRateError} when the value would overflow (e.g. `exponential` with `gamma > 1` at a huge step).
   */
  lr(t: number, baseLr: number): number;
  /**
   * The momentum (SGD momentum, or Adam's beta1) at step `t`, for schedules that cycle it
   * (one-cycle, cyclic). Absent on every other schedule.
   */
  readonly momentum?: (t: number, baseMomentum: number) => number;
  /**
   * The plain-JSON description of this schedule, accepted back by `scheduleFromJSON`.
   * @throws {@link NotSerializableError} when the schedule holds a user function.
   */
  toJSON(): ScheduleSpec;
}

/** Throws unless `t` is a finite number >= 0. */
export function checkStep(t: number): void {
  if (!(t >= 0 && t !== Infinity)) throw new InvalidParameterError('step', t, 'a non-negative finite number');
}

function checkBase(name: string, value: number): void {
  if (!(value - value === 0)) throw new InvalidParameterError(name, value, 'a finite number');
}

/** What {@link createSchedule} needs to build a {@link Schedule}. */
export interface ScheduleParts {
  /** The schedule kind. */
  type: string;
  /**
   * Its JSON description; a function for combinators (their children may refuse);
   * `null` when the schedule holds a user function.
   */
  spec: ScheduleSpec | (() => ScheduleSpec) | null;
  /** The learning rate; called only with a valid step and a finite base rate. */
  lr: (t: number, baseLr: number) => number;
  /** The momentum, for schedules that cycle it. */
  momentum?: (t: number, baseMomentum: number) => number;
}

/**
 * Builds a frozen {@link Schedule} from its formula, adding the argument checks every schedule
 * shares. Used by each schedule file; also the way to write a custom schedule.
 */
export function createSchedule(parts: ScheduleParts): Schedule {
  const { type, spec, lr, momentum } = parts;
  const json = spec === null || typeof spec === 'function' ? null : JSON.stringify(spec);
  const schedule: Schedule = {
    type,
    lr(t: number, baseLr: number): number {
      checkStep(t);
      checkBase('baseLr', baseLr);
      const value = lr(t, baseLr);
      if (!(value - value === 0)) throw new NonFiniteRateError(`${type}.lr(${t}, ${baseLr})`, value);
      return value;
    },
    ...(momentum === undefined
      ? {}
      : {
          momentum(t: number, baseMomentum: number): number {
            checkStep(t);
            checkBase('baseMomentum', baseMomentum);
            const value = momentum(t, baseMomentum);
            if (!(value - value === 0)) throw new NonFiniteRateError(`${type}.momentum(${t}, ${baseMomentum})`, value);
            return value;
          },
        }),
    toJSON(): ScheduleSpec {
      if (typeof spec === 'function') return spec();
      if (json === null) throw new NotSerializableError(`the ${type} schedule`);
      return JSON.parse(json) as ScheduleSpec;
    },
  };
  return Object.freeze(schedule);
}
