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
  if (!(t >= 0 && t !== Infinity)) refuseArguments(t, 'step', t);
}

/** Throws the error for an invalid step `t`, else for the non-finite value `base` of `name`. */
function refuseArguments(t: number, name: string, base: number): never {
  if (!(t >= 0 && t !== Infinity)) throw new InvalidParameterError('step', t, 'a non-negative finite number');
  throw new InvalidParameterError(name, base, 'a finite number');
}

/**
 * `formula` with the checks every call of a schedule runs: a valid step and a finite base value (`baseLr`
 * or `baseMomentum`) in, a finite value out. The error paths live in helpers of their own, so that the
 * checked function stays small enough to be inlined through several layers of combinators. For a number,
 * `x - x === 0` is `Number.isFinite(x)`, and measurably cheaper here (docs/benchmarks.md).
 */
function guard(type: string, method: 'lr' | 'momentum', formula: Formula, checked: Formula | undefined): Formula {
  const name = method === 'lr' ? 'baseLr' : 'baseMomentum';
  return (t, base) => {
    if (!(t >= 0 && t !== Infinity && base - base === 0)) refuseArguments(t, name, base);
    const value = formula(t, base);
    if (value - value === 0) return value;
    return recompute(type, method, t, base, value, checked);
  };
}

/**
 * The value when the formula gave a non-finite `value`: computed again on the children's checked `lr`
 * (`checked`), where the child at fault throws its own error; else this schedule's error.
 */
function recompute(type: string, method: string, t: number, base: number, value: number, checked: Formula | undefined): number {
  const again = checked === undefined ? value : checked(t, base);
  if (Number.isFinite(again)) return again;
  throw new NonFiniteRateError(`${type}.${method}(${t}, ${base})`, again);
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
  lr: Formula;
  /**
   * For combinators: the same formula computed on the children's checked `lr` (see {@link checkedFormulaOf}).
   * When `lr` gives a value that is not finite, it is computed again with this one, so that the child at
   * fault throws its own error; if none does, the combinator's own {@link NonFiniteRateError} is thrown.
   */
  checked?: Formula;
  /** The momentum, for schedules that cycle it. */
  momentum?: (t: number, baseMomentum: number) => number;
}

/**
 * Builds a frozen {@link Schedule} from its formula, adding the argument checks every schedule
 * shares. Used by each schedule file; also the way to write a custom schedule.
 */
export function createSchedule(parts: ScheduleParts): Schedule {
  const { type, spec, lr, checked, momentum } = parts;
  const json = spec === null || typeof spec === 'function' ? null : JSON.stringify(spec);
  const schedule: Schedule = {
    type,
    lr: guard(type, 'lr', lr, checked),
    ...(momentum === undefined ? {} : { momentum: guard(type, 'momentum', momentum, undefined) }),
    toJSON(): ScheduleSpec {
      if (typeof spec === 'function') return spec();
      if (json === null) throw new NotSerializableError(`the ${type} schedule`);
      return JSON.parse(json) as ScheduleSpec;
    },
  };
  FORMULAS.set(schedule, lr);
  return Object.freeze(schedule);
}

/** A schedule's formula: the rate at step `t >= 0` for a finite base rate `baseLr`, unchecked. */
export type Formula = (t: number, baseLr: number) => number;

/** The unchecked formula behind each schedule {@link createSchedule} built (invisible from outside). */
const FORMULAS = new WeakMap<Schedule, Formula>();

/**
 * The formula behind `schedule.lr`, without the argument and result checks, for combinators: the
 * outermost layer checks the arguments and the result once, and the children are called with arguments
 * known valid (a step >= 0, a finite base rate). A value that is not finite stays not finite through every
 * combinator (`chain` stops at the first), so the outermost layer sees it and computes it again on its
 * children's checked `lr` (`checked` of {@link ScheduleParts}), so that the child that failed throws its
 * own error, exactly as when every layer called `lr`. For a schedule not built by {@link createSchedule}:
 * its `lr`.
 */
export function formulaOf(schedule: Schedule): Formula {
  return FORMULAS.get(schedule) ?? checkedFormulaOf(schedule);
}

/** `schedule.lr` as a {@link Formula}: the checked path of combinators (see {@link formulaOf}). */
export function checkedFormulaOf(schedule: Schedule): Formula {
  return (t, baseLr) => schedule.lr(t, baseLr);
}
