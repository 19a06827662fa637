/**
 * The stateful layer's base class: PyTorch's `_LRScheduler`, step for step.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, NonFiniteRateError, NotSerializableError, StateDictError } from '../errors.js';
import { checkOptimizer, type OptimizerLike } from './optimizer.js';
import { checkStep } from '../schedule.js';
import { knownKeys } from '../internal/validate.js';

/** A scheduler configuration as plain JSON: the PyTorch class name and its options in anneal's camelCase. */
export interface SchedulerConfig {
  /** PyTorch class name (`"CosineAnnealingLR"`), or `"ScheduleLR"` for a pure schedule. */
  scheduler: string;
  /** The constructor options, as JSON. */
  options: Record<string, unknown>;
}

/** A scheduler's state as plain JSON (`JSON.stringify` round-trips it exactly). */
export interface SchedulerState {
  /** The scheduler class that saved it. */
  kind: string;
  /** The options it was built with; `loadStateDict` refuses a state saved with other options. */
  options: Record<string, unknown> | null;
  /** The step counter (`last_epoch`). */
  lastEpoch: number;
  /** How many times `step()` ran. */
  stepCount: number;
  /** The base learning rate of each group. */
  baseLrs: number[];
  /** The rates set by the last step. */
  lastLr: number[];
  /** Scheduler-specific fields. */
  [field: string]: unknown;
}

/** Anything `SequentialLR` and `ChainedScheduler` can hold. */
export interface SteppableScheduler {
  /** The PyTorch class name. */
  readonly kind: string;
  readonly optimizer: OptimizerLike;
  step(): void;
  getLastLr(): number[];
  stateDict(): SchedulerState;
  loadStateDict(state: SchedulerState): void;
  toJSON(): SchedulerConfig;
}

/**
 * Checks a scheduler's options object: a plain object whose keys are all in `allowed` (so a typo such as
 * `gama` is refused instead of silently using the default), and returns its `lastEpoch` for the base class.
 * @throws {@link InvalidParameterError} naming the unknown key, or `options` when it is not an object.
 */
export function schedulerOptions(options: unknown, allowed: readonly string[]): number | undefined {
  knownKeys('', options, allowed);
  return (options as { lastEpoch?: number }).lastEpoch;
}

/** Checks a state dict's generic shape and kind. */
export function checkState(state: unknown, kind: string): SchedulerState {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new StateDictError('', `expected an object, got ${state === null ? 'null' : typeof state}`);
  }
  const s = state as Partial<SchedulerState>;
  if (s.kind !== kind) {
    throw new StateDictError('kind', `this state was saved by ${JSON.stringify(s.kind)}, not by a ${kind}`);
  }
  return s as SchedulerState;
}

/** Reads a finite number field of a state dict. */
export function stateNumber(state: SchedulerState, field: string, options: { allowInfinity?: boolean } = {}): number {
  const v = state[field];
  if (typeof v !== 'number' || Number.isNaN(v) || (!options.allowInfinity && !Number.isFinite(v))) {
    throw new StateDictError(field, `expected a ${options.allowInfinity ? '' : 'finite '}number, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Reads an array of `length` finite numbers from a state dict. */
export function stateNumbers(state: SchedulerState, field: string, length: number): number[] {
  const v = state[field];
  if (!Array.isArray(v) || v.length !== length || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new StateDictError(field, `expected an array of ${length} finite numbers, got ${JSON.stringify(v)}`);
  }
  return [...(v as number[])];
}

/** Refuses a state saved with other options than this scheduler's. */
export function checkSameOptions(state: SchedulerState, options: Record<string, unknown> | null): void {
  if (JSON.stringify(state.options ?? null) !== JSON.stringify(options)) {
    throw new StateDictError('options', `saved with ${JSON.stringify(state.options)}, but this scheduler has ${JSON.stringify(options)}`);
  }
}

/**
 * Base of every stateful scheduler: PyTorch's `_LRScheduler` semantics.
 *
 * - Construction performs the initial step (`lastEpoch` goes from -1 to 0 and the groups get the rate at 0).
 * - `step()` advances `lastEpoch` by one and applies the scheduler's recursive (chainable) update, as
 *   PyTorch does; `step(epoch)` jumps to `epoch` and uses the closed form where the scheduler has one.
 * - `stateDict()` / `loadStateDict()` are plain JSON; a restored scheduler continues bit-identically.
 */
export abstract class LRScheduler implements SteppableScheduler {
  /** The PyTorch class name. */
  abstract readonly kind: string;
  /** The optimizer whose groups this scheduler drives. */
  readonly optimizer: OptimizerLike;
  /** Index of the last step taken (PyTorch `last_epoch`); -1 before the initial step. */
  lastEpoch: number;
  /** The base rate of each group (PyTorch `base_lrs`). */
  baseLrs: number[] = [];
  /** Number of `step()` calls, the initial one included (PyTorch `_step_count`). */
  protected stepCount = 0;
  /** Rates set by the last step. */
  protected lastLr: number[] = [];

  protected constructor(optimizer: OptimizerLike, lastEpoch: number | undefined) {
    this.optimizer = checkOptimizer(optimizer);
    if (lastEpoch !== undefined && (typeof lastEpoch !== 'number' || !Number.isFinite(lastEpoch) || lastEpoch < -1)) {
      throw new InvalidParameterError('lastEpoch', lastEpoch, 'a finite number >= -1');
    }
    this.lastEpoch = lastEpoch ?? -1;
  }

  /** The constructor options as JSON, or `null` when they hold a user function. */
  protected abstract options(): Record<string, unknown> | null;

  /** The rates of the next step, PyTorch's `get_lr` (recursive where PyTorch's is). */
  protected abstract computeLr(): number[];

  /** The closed-form rates at `lastEpoch`, for schedulers that have one (PyTorch `_get_closed_form_lr`). */
  protected closedFormLr(): number[] | undefined {
    return undefined;
  }

  /** Extra state fields of a subclass. */
  protected extraState(): Record<string, unknown> {
    return {};
  }

  /** Restores the extra fields written by {@link LRScheduler.extraState}. */
  protected loadExtraState(_state: SchedulerState): void {}

  /** The tail of PyTorch's `_LRScheduler.__init__`: record `initialLr`, read `baseLrs`, take the initial step. */
  protected start(): void {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === -1) {
      for (const group of groups) if (group.initialLr === undefined) group.initialLr = group.lr;
    } else {
      groups.forEach((group, i) => {
        if (group.initialLr === undefined) {
          throw new InvalidParameterError(`optimizer.paramGroups[${i}].initialLr`, undefined, `set when resuming with lastEpoch = ${this.lastEpoch} (a finite number)`);
        }
      });
    }
    this.baseLrs = groups.map((g) => g.initialLr as number);
    this.initialStep();
  }

  /** Resets the step counter and takes a step (PyTorch `_initial_step`); used by `SequentialLR`. */
  initialStep(): void {
    this.stepCount = 0;
    this.step();
  }

  /**
   * Advances the schedule: with no argument by one step (the recursive update, exactly PyTorch's
   * arithmetic); with `epoch`, jumps there using the closed form where there is one.
   */
  step(epoch?: number): void {
    if (epoch !== undefined) checkStep(epoch); // before any change: a refused call leaves the state as it was
    this.stepCount += 1;
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch += 1;
      values = this.computeLr();
    } else {
      this.lastEpoch = epoch;
      values = this.closedFormLr() ?? this.computeLr();
    }
    this.apply(values);
  }

  /** Writes rates into the groups and records them. */
  protected apply(values: readonly number[]): void {
    const groups = this.optimizer.paramGroups;
    for (let i = 0; i < groups.length; i++) {
      const v = values[i]!;
      if (!(v - v === 0)) throw new NonFiniteRateError(`${this.kind} at step ${this.lastEpoch}, param group ${i}`, v);
    }
    for (let i = 0; i < groups.length; i++) groups[i]!.lr = values[i]!;
    this.lastLr = groups.map((g) => g.lr);
  }

  /** The rates the last step set, one per group (PyTorch `get_last_lr()`). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** The scheduler's state as plain JSON. */
  stateDict(): SchedulerState {
    return {
      kind: this.kind,
      options: this.options(),
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: [...this.baseLrs],
      lastLr: [...this.lastLr],
      ...this.extraState(),
    };
  }

  /**
   * Restores a state saved by {@link LRScheduler.stateDict} of the same kind and options.
   * It does not touch the optimizer's rates (restore the optimizer's own state for that), as in PyTorch.
   * @throws {@link StateDictError} for another kind, other options or a malformed field.
   */
  loadStateDict(state: SchedulerState): void {
    const s = checkState(state, this.kind);
    checkSameOptions(s, this.options());
    const n = this.optimizer.paramGroups.length;
    const lastEpoch = stateNumber(s, 'lastEpoch');
    const stepCount = stateNumber(s, 'stepCount');
    const baseLrs = stateNumbers(s, 'baseLrs', n);
    const lastLr = stateNumbers(s, 'lastLr', n);
    this.loadExtraState(s);
    this.lastEpoch = lastEpoch;
    this.stepCount = stepCount;
    this.baseLrs = baseLrs;
    this.lastLr = lastLr;
  }

  /** The configuration as JSON, accepted back by `schedulerFromJSON`. */
  toJSON(): SchedulerConfig {
    const options = this.options();
    if (options === null) throw new NotSerializableError(`this ${this.kind}`);
    return { scheduler: this.kind, options };
  }
}
