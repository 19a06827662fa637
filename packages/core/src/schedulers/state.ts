/**
 * What every stateful scheduler shares besides its base class: the JSON shapes of its configuration and
 * state, and the checks that read them back.
 *
 * @packageDocumentation
 */
import { StateDictError } from '../errors.js';
import { knownKeys } from '../internal/validate.js';
import type { OptimizerLike } from './optimizer.js';
import { checkPyTorch, type PyTorchVersion } from './pytorch-version.js';
import { InvalidParameterError } from '../errors.js';

/** A scheduler configuration as plain JSON: the PyTorch class name and its options in anneal's camelCase. */
export interface SchedulerConfig {
  /** PyTorch class name (`"CosineAnnealingLR"`), or `"ScheduleLR"` for a pure schedule. */
  scheduler: string;
  /** The constructor options, as JSON. */
  options: Record<string, unknown>;
}

/**
 * A scheduler's state as plain JSON (`JSON.stringify` round-trips it exactly). Every scheduler saves its
 * kind, its options and the rates of its last step; the other fields are those the scheduler has (see
 * {@link saveState}): none is filled in for a scheduler that does not keep it.
 */
export interface SchedulerState {
  /** The scheduler class that saved it. */
  kind: string;
  /** The options it was built with; `loadStateDict` refuses a state saved with other options. */
  options: Record<string, unknown> | null;
  /** The rates set by the last step. */
  lastLr: number[];
  /** The step counter (`last_epoch`); every scheduler but `ChainedScheduler`, which steps its sub-schedulers' counters. */
  lastEpoch?: number;
  /** How many times `step()` ran (PyTorch `_step_count`); `LRScheduler` subclasses. */
  stepCount?: number;
  /** The base learning rate of each group (PyTorch `base_lrs`); `LRScheduler` subclasses. */
  baseLrs?: number[];
  /** Scheduler-specific fields (`schedulers`: the sub-schedulers' states of a composite). */
  [field: string]: unknown;
}

/** Anything `SequentialLR` and `ChainedScheduler` can hold. */
export interface SteppableScheduler {
  /** The PyTorch class name. */
  readonly kind: string;
  readonly optimizer: OptimizerLike;
  /** The PyTorch whose stepping it reproduces (every anneal scheduler has it; a scheduler of your own may not). */
  readonly pytorch?: PyTorchVersion;
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
function checkState(state: unknown, kind: string): SchedulerState {
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
function checkSameOptions(state: SchedulerState, options: Record<string, unknown> | null): void {
  if (JSON.stringify(state.options ?? null) !== JSON.stringify(options)) {
    throw new StateDictError('options', `saved with ${JSON.stringify(state.options)}, but this scheduler has ${JSON.stringify(options)}`);
  }
}

/**
 * A state dict as every scheduler writes it: its kind and options, then its own fields as they are.
 * The shape asks for nothing else, so a scheduler without a step counter or base rates saves none.
 */
export function saveState(kind: string, options: Record<string, unknown> | null, fields: { lastLr: number[]; [field: string]: unknown }): SchedulerState {
  return { kind, options, ...fields };
}

/** How {@link loadState} reads a scheduler's own fields back and applies them. */
export interface StateLoader<T> {
  /** Reads and checks every own field of `state` (a {@link StateDictError} names the first one refused); writes nothing. */
  read(state: SchedulerState): T;
  /** Writes what `read` returned; called only once everything, the sub-schedulers' states included, was accepted. */
  apply(fields: T): void;
  /** The sub-schedulers of a composite: their states are the `schedulers` field, loaded all or nothing. */
  children?: readonly SteppableScheduler[];
}

/**
 * Loads a state dict all or nothing, the same way for every scheduler: checks the kind and the options,
 * reads every field, loads the sub-schedulers' states (putting back those already loaded when one refuses
 * its state), and only then applies the fields read. Fields the scheduler does not read are ignored.
 * @throws {@link StateDictError} naming the first field refused (`schedulers[i]....` inside a
 *   sub-scheduler's state); nothing has changed then.
 */
export function loadState<T>(state: unknown, kind: string, options: Record<string, unknown> | null, loader: StateLoader<T>): void {
  const s = checkState(state, kind);
  checkSameOptions(s, options);
  const children = loader.children ?? [];
  const childList = children.length === 0 ? [] : childStates(s, children.length);
  const fields = loader.read(s);
  if (children.length > 0) loadChildStates(children, childList);
  loader.apply(fields);
}

/** The `schedulers` field of a composite scheduler's state: one state per sub-scheduler. */
function childStates(state: SchedulerState, count: number): SchedulerState[] {
  const children = state.schedulers;
  if (!Array.isArray(children) || children.length !== count) {
    throw new StateDictError('schedulers', `expected ${count} sub-scheduler states`);
  }
  return children as SchedulerState[];
}

/**
 * Loads each sub-scheduler's state, all or nothing: when one refuses its state, the ones already
 * loaded are put back as they were, and its error names it (`schedulers[i]...`).
 */
function loadChildStates(schedulers: readonly SteppableScheduler[], states: readonly SchedulerState[]): void {
  const backup = schedulers.map((child) => child.stateDict());
  schedulers.forEach((child, i) => {
    try {
      child.loadStateDict(states[i]!);
    } catch (error) {
      schedulers.forEach((c, j) => c.loadStateDict(backup[j]!));
      if (error instanceof StateDictError) throw error.within(`schedulers[${i}]`);
      throw error;
    }
  });
}

/**
 * The `pytorch` option of a composite (SequentialLR, ChainedScheduler): the given one, or by default its
 * first scheduler's. Every scheduler that names one must name the same: one setup, one PyTorch.
 * @throws {@link InvalidParameterError} for a bad value, or naming the first scheduler with another version.
 */
export function compositePyTorch(value: unknown, schedulers: readonly { readonly pytorch?: PyTorchVersion }[]): PyTorchVersion {
  const version = checkPyTorch('pytorch', value, schedulers.find((s) => s.pytorch !== undefined)?.pytorch);
  schedulers.forEach((s, i) => {
    if (s.pytorch !== undefined && s.pytorch !== version) {
      throw new InvalidParameterError(`schedulers[${i}].pytorch`, s.pytorch, `'${version}' as the composite's`);
    }
  });
  return version;
}
