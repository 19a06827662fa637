/**
 * The options of {@link annealCallback} and their checks (all at construction time).
 *
 * @packageDocumentation
 */
import {
  InvalidParameterError,
  StateDictError,
  isSchedule,
  type Schedule,
} from '@anneal/core';
import { type ReduceLROnPlateau, type SchedulerState, type SteppableScheduler } from '@anneal/core/schedulers';
import { scheduleFromJSON, schedulerFromJSON, type TorchSchedulerSpec } from '@anneal/core/json';
import {
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkOneOf,
  isScheduler,
  type SchedulerFactory,
} from '@anneal/core/adapter';
import { isBinding, type OptimizerBinding } from './bind-optimizer.js';
import type { TfOptimizer } from './tf-types.js';
import type { CycleEndHook } from './cycle-end.js';

/** A core scheduler, as `scheduler` takes it. @internal */
export type CoreScheduler = SteppableScheduler | ReduceLROnPlateau;

/** Builds the scheduler once the callback knows the model's optimizer; it must be built on `binding`. */
type BindingFactory = SchedulerFactory<CoreScheduler, OptimizerBinding>;

/**
 * A scheduler configuration as JSON, in PyTorch's spelling (`{ scheduler: 'CosineAnnealingLR', kwargs:
 * { T_max: 20 } }`) or anneal's (`{ scheduler: 'CosineAnnealingLR', options: { tMax: 20 } }`), as
 * `schedulerFromJSON` reads it; the callback builds it on the model optimizer's binding.
 */
export type SchedulerJSON = TorchSchedulerSpec | { scheduler: string; options?: Record<string, unknown>; kwargs?: Record<string, unknown> };

/**
 * A pure schedule as JSON: anneal's spelling (`{ type: 'cosine', tMax: 20 }`, defaults may be left out) or
 * PyTorch's (`{ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 20 } }`), as `scheduleFromJSON` reads it.
 */
export type ScheduleJSON = { type: string; [option: string]: unknown } | TorchSchedulerSpec;

/** The options every {@link AnnealCallbackOptions} has, whichever source it names. */
export interface AnnealCallbackCommonOptions {
  /**
   * When the schedule advances. `'epoch'`: PyTorch's usual loop, the rate is set before each epoch and
   * stateful schedulers step after it. `'batch'`: once per optimizer step (OneCycleLR, CyclicLR, warmup).
   * Required, and checked when training starts: a schedule whose length (`totalSteps`, `tMax`) matches the
   * number of batches but is stepped per epoch, or matches the epochs but is stepped per batch, stops with
   * an error giving the numbers and the fix (see `stepCheck`).
   */
  per: 'epoch' | 'batch';
  /** The optimizer the model is compiled with; optional, checked against `model.optimizer` when training starts. */
  optimizer?: TfOptimizer;
  /**
   * With `per: 'batch'`: batch `b` of epoch `e` trains with the rate at the fractional epoch
   * `e + b / stepsPerEpoch`, PyTorch's `CosineAnnealingWarmRestarts.step(epoch + i / iters)` idiom.
   * For pure schedules, `ScheduleLR` and `CosineAnnealingWarmRestarts`. Default `false`.
   */
  fractionalEpochs?: boolean;
  /**
   * Batches per epoch, with `per: 'batch'`: for `fractionalEpochs`, the step check and resuming a pure
   * schedule on a fresh optimizer. Default: what `fit()` reports (`ceil(samples / batchSize)`, or
   * `fitDataset`'s `batchesPerEpoch` / dataset size); required with `fractionalEpochs` when `fitDataset`
   * cannot know it.
   */
  stepsPerEpoch?: number;
  /**
   * The metric `ReduceLROnPlateau` watches, a key of the epoch logs (`per: 'epoch'`) or batch logs
   * (`per: 'batch'`). Default `'val_loss'` per epoch, `'loss'` per batch. Only for `ReduceLROnPlateau`.
   */
  monitor?: string;
  /**
   * Called at the end of each SGDR cycle, just before a warm restart (a pure `sgdr(...)` or a
   * `CosineAnnealingWarmRestarts`; refused for other schedules): after the epoch that completes the cycle
   * (`per: 'epoch'`, and `fractionalEpochs`), or after the batch that does (`per: 'batch'`, counted in
   * optimizer steps). Gets `{ cycle, at, epoch, model }`; may be async. The classic use: save a snapshot of
   * the model at each cycle's low rate for a snapshot ensemble.
   */
  onCycleEnd?: CycleEndHook;
  /**
   * A state saved by `callback.scheduler.stateDict()` (JSON round trips allowed), loaded into the scheduler
   * when the callback gets it: at once for a scheduler instance, when a factory has built it at the start
   * of training. The saved rates and momentum go back into the optimizer, so `fit({ initialEpoch })`
   * resumes exactly. Not for a pure schedule: it resumes from `initialEpoch` (per epoch) or from
   * `optimizer.iterations` (per batch) by itself.
   */
  state?: SchedulerState;
  /**
   * What to do when training starts and the schedule's length does not fit the run (`per`, the epochs
   * and the batches per epoch): `'strict'` (default) stops a certain mistake with an `InvalidParameterError`
   * that gives the numbers and the fix (a `OneCycleLR` that would step past `totalSteps`, a horizon sized
   * in batches but stepped per epoch, or sized in epochs but stepped per batch) and reports a likely one
   * through `onWarning` (a cosine whose `tMax` ends before the run, so the rate climbs back; a one-cycle
   * that the run does not finish); `'warn'` reports both through `onWarning`; `'off'` checks nothing.
   */
  stepCheck?: 'strict' | 'warn' | 'off';
  /** Receives the step check's warnings. Default `console.warn`. */
  onWarning?: (message: string) => void;
}

/** {@link annealCallback}'s options with a pure schedule (or its JSON). */
export interface AnnealCallbackScheduleOptions extends AnnealCallbackCommonOptions {
  /**
   * A pure schedule (`cosine({ tMax: 20 })`, `warmup(...)`, ...), evaluated at the epoch (`per: 'epoch'`),
   * at the optimizer's global step `optimizer.iterations` (`per: 'batch'`), or at the fractional epoch
   * (`fractionalEpochs`). Its base rate is the optimizer's rate when first bound. Its JSON is accepted
   * too, in anneal's spelling (`{ type: 'cosine', tMax: 20 }`) or PyTorch's (`{ scheduler:
   * 'CosineAnnealingLR', kwargs: { T_max: 20 } }`), read by `scheduleFromJSON`.
   */
  schedule: Schedule | ScheduleJSON;
  scheduler?: never;
}

/** {@link annealCallback}'s options with a stateful scheduler (or a factory, or its JSON). */
export interface AnnealCallbackSchedulerOptions extends AnnealCallbackCommonOptions {
  schedule?: never;
  /**
   * A core scheduler built on `bindOptimizer(tf, optimizer)` (the optimizer the model is compiled with),
   * or a function that builds one from the binding of the model's optimizer at the start of training
   * (handy when compiling with `optimizer: 'adam'`), or a scheduler's JSON in PyTorch's or anneal's
   * spelling ({@link SchedulerJSON}), built on that binding. It is built once and reused by later
   * `fit()` calls; `callback.scheduler` is it.
   */
  scheduler: CoreScheduler | BindingFactory | SchedulerJSON;
}

/** Options of {@link annealCallback}: exactly one of `schedule` and `scheduler`, and `per`. */
export type AnnealCallbackOptions = AnnealCallbackScheduleOptions | AnnealCallbackSchedulerOptions;

const KNOWN = ['schedule', 'scheduler', 'per', 'optimizer', 'fractionalEpochs', 'stepsPerEpoch', 'monitor', 'onCycleEnd', 'state', 'stepCheck', 'onWarning'];

/** Scheduler kinds whose `step(epoch)` takes a fractional epoch (closed form, no recursion). */
export const FRACTIONAL_KINDS = ['CosineAnnealingWarmRestarts', 'ScheduleLR'] as const;

/** The checked options. @internal */
export interface CheckedOptions {
  schedule: Schedule | undefined;
  scheduler: CoreScheduler | undefined;
  factory: BindingFactory | undefined;
  per: 'epoch' | 'batch';
  optimizer: TfOptimizer | undefined;
  fractionalEpochs: boolean;
  stepsPerEpoch: number | undefined;
  monitor: string | undefined;
  onCycleEnd: CycleEndHook | undefined;
  state: SchedulerState | undefined;
  stepCheck: 'strict' | 'warn' | 'off';
  onWarning: (message: string) => void;
}

/**
 * A JSON object that is neither a schedule nor a scheduler (no `lr`, no `step`) and names a kind (`type`
 * in anneal's spelling, `scheduler` in PyTorch's): a spec to read.
 */
function isSpec(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isSchedule(value) || isScheduler(value)) return false;
  const v = value as { type?: unknown; scheduler?: unknown };
  return typeof v.type === 'string' || typeof v.scheduler === 'string';
}

/**
 * A factory that builds the scheduler `json` describes on the binding; the JSON is read once here, on a
 * stand-in optimizer, so that a bad spec is refused at construction, naming its path.
 */
function factoryFromJSON(json: Record<string, unknown>): BindingFactory {
  schedulerFromJSON({ paramGroups: [{ lr: 0.1 }] }, json);
  return (binding) => schedulerFromJSON(binding, json) as CoreScheduler;
}

/**
 * Loads `state` into `scheduler` (the binding writes the saved rates back); a refused state's error names
 * the option (`state.lastEpoch ...`).
 * @internal
 */
export function loadInto(scheduler: CoreScheduler, state: SchedulerState): void {
  try {
    scheduler.loadStateDict(state);
  } catch (error) {
    if (error instanceof StateDictError) throw error.within('state');
    throw error;
  }
}

/**
 * Checks what depends on the scheduler's kind (known at construction for an instance, at the start of
 * training for a factory).
 * @internal
 */
export function checkSchedulerKind(options: CheckedOptions, kind: string | undefined, where: string): void {
  const plateau = kind === 'ReduceLROnPlateau';
  if (options.fractionalEpochs && kind !== undefined && !(FRACTIONAL_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidParameterError(
      'fractionalEpochs',
      true,
      `false for ${where} of kind ${kind} (fractional epochs need a closed form: a pure schedule, ${FRACTIONAL_KINDS.join(' or ')})`,
    );
  }
  if (options.monitor !== undefined && !plateau) {
    throw new InvalidParameterError('monitor', options.monitor, `absent: only ReduceLROnPlateau reads a metric, and ${where} is ${kind === undefined ? 'a pure schedule' : `a ${kind}`}`);
  }
}

/**
 * Checks the options of {@link annealCallback}.
 * @throws {@link InvalidParameterError} naming the offending option.
 * @internal
 */
export function checkOptions(options: unknown): CheckedOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidParameterError('options', options, 'an options object ({ schedule | scheduler, per, ... })');
  }
  const { schedule: scheduleOption, scheduler, per, optimizer, fractionalEpochs, stepsPerEpoch, monitor, onCycleEnd, state, stepCheck, onWarning } = checkKnownKeys('', options, KNOWN);
  if (onCycleEnd !== undefined && typeof onCycleEnd !== 'function') throw new InvalidParameterError('onCycleEnd', onCycleEnd, 'a function ({ cycle, at, epoch, model }) => void');
  if ((scheduleOption === undefined) === (scheduler === undefined)) {
    throw new InvalidParameterError('schedule', scheduleOption, 'given, or scheduler given, but not both and not neither');
  }
  let schedule = scheduleOption;
  if (isSpec(schedule)) schedule = scheduleFromJSON(schedule);
  if (schedule !== undefined && !isSchedule(schedule)) {
    throw new InvalidParameterError('schedule', schedule, 'a pure anneal schedule (cosine({ tMax: 20 }), ...) or its JSON');
  }
  let instance: CoreScheduler | undefined;
  let factory: BindingFactory | undefined;
  if (typeof scheduler === 'function') factory = scheduler as BindingFactory;
  else if (isSpec(scheduler) && typeof (scheduler as { scheduler?: unknown }).scheduler === 'string') factory = factoryFromJSON(scheduler);
  else if (scheduler !== undefined) {
    if (!isScheduler(scheduler) || typeof scheduler.kind !== 'string') {
      throw new InvalidParameterError('scheduler', scheduler, 'an anneal scheduler or a function (binding) => scheduler');
    }
    if (!isBinding(scheduler.optimizer)) {
      throw new InvalidParameterError(
        'scheduler.optimizer',
        scheduler.optimizer,
        'a binding from bindOptimizer(tf, optimizer); or pass a factory, scheduler: (binding) => new ' + scheduler.kind + '(binding, {...}), which the callback builds on the model\'s optimizer',
      );
    }
    instance = scheduler as CoreScheduler;
  }
  const every = checkOneOf('per', per, ['epoch', 'batch'] as const);
  if (optimizer !== undefined && (typeof optimizer !== 'object' || optimizer === null)) {
    throw new InvalidParameterError('optimizer', optimizer, 'the TensorFlow.js optimizer the model is compiled with');
  }
  if (fractionalEpochs !== undefined) checkBoolean('fractionalEpochs', fractionalEpochs);
  if (fractionalEpochs === true && per !== 'batch') {
    throw new InvalidParameterError('fractionalEpochs', true, 'false unless per is "batch"');
  }
  if (stepsPerEpoch !== undefined) {
    checkInteger('stepsPerEpoch', stepsPerEpoch, 1);
    if (per !== 'batch') throw new InvalidParameterError('stepsPerEpoch', stepsPerEpoch, 'absent unless per is "batch"');
  }
  if (state !== undefined) {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw new InvalidParameterError('state', state, "a scheduler's state, as callback.scheduler.stateDict() returned it");
    }
    if (schedule !== undefined) {
      throw new InvalidParameterError('state', '(a state)', 'absent with a pure schedule: it resumes from fit({ initialEpoch }) per epoch, and from optimizer.iterations per batch');
    }
  }
  const check = stepCheck === undefined ? 'strict' : checkOneOf('stepCheck', stepCheck, ['strict', 'warn', 'off'] as const);
  if (onWarning !== undefined && typeof onWarning !== 'function') {
    throw new InvalidParameterError('onWarning', onWarning, 'a function (message: string) => void');
  }
  if (monitor !== undefined) {
    if (typeof monitor !== 'string' || monitor === '') throw new InvalidParameterError('monitor', monitor, 'a non-empty string (a key of the logs)');
    if (per === 'batch' && monitor.startsWith('val_')) {
      throw new InvalidParameterError('monitor', monitor, 'a key of the batch logs ("loss", a metric): validation metrics exist only per epoch');
    }
  }
  const checked: CheckedOptions = {
    schedule: schedule as Schedule | undefined,
    scheduler: instance,
    factory,
    per: every,
    optimizer: optimizer as TfOptimizer | undefined,
    fractionalEpochs: fractionalEpochs === true,
    stepsPerEpoch: stepsPerEpoch as number | undefined,
    monitor: monitor as string | undefined,
    onCycleEnd: onCycleEnd as CycleEndHook | undefined,
    state: state as SchedulerState | undefined,
    stepCheck: check,
    onWarning: (onWarning as ((message: string) => void) | undefined) ?? ((message: string) => console.warn(message)),
  };
  if (instance !== undefined && checked.state !== undefined) loadInto(instance, checked.state);
  if (schedule !== undefined) checkSchedulerKind(checked, undefined, 'the schedule');
  if (instance !== undefined) checkSchedulerKind(checked, instance.kind, 'the scheduler');
  return checked;
}
