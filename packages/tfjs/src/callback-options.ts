/**
 * The options of {@link annealCallback} and their checks (all at construction time).
 *
 * @packageDocumentation
 */
import {
  InvalidParameterError,
  isSchedule,
  type ReduceLROnPlateau,
  type Schedule,
  type SteppableScheduler,
} from '@anneal/core';
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

/** A core scheduler, as `scheduler` takes it. */
type CoreScheduler = SteppableScheduler | ReduceLROnPlateau;

/** Builds the scheduler once the callback knows the model's optimizer; it must be built on `binding`. */
type BindingFactory = SchedulerFactory<CoreScheduler, OptimizerBinding>;

/** Options of {@link annealCallback}. Give exactly one of `schedule` and `scheduler`. */
export interface AnnealCallbackOptions {
  /**
   * A pure schedule (`cosine({ tMax: 20 })`, `warmup(...)`, ...), evaluated at the epoch (`per: 'epoch'`),
   * at the optimizer's global step `optimizer.iterations` (`per: 'batch'`), or at the fractional epoch
   * (`fractionalEpochs`). Its base rate is the optimizer's rate when first bound.
   */
  schedule?: Schedule;
  /**
   * A core scheduler built on `bindOptimizer(tf, optimizer)` (the optimizer the model is compiled with),
   * or a function that builds one from the binding of the model's optimizer at the start of training
   * (handy when compiling with `optimizer: 'adam'`). It is built once and reused by later `fit()` calls.
   */
  scheduler?: CoreScheduler | BindingFactory;
  /**
   * When the schedule advances. `'epoch'`: PyTorch's usual loop, the rate is set before each epoch and
   * stateful schedulers step after it. `'batch'`: once per optimizer step (OneCycleLR, CyclicLR, warmup).
   * Required: stepping a per-batch schedule per epoch is a classic silent bug.
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
   * Batches per epoch, for `fractionalEpochs`. Default: what `fit()` reports (`ceil(samples / batchSize)`,
   * or `fitDataset`'s `batchesPerEpoch` / dataset size); required when `fitDataset` cannot know it.
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
}

const KNOWN = ['schedule', 'scheduler', 'per', 'optimizer', 'fractionalEpochs', 'stepsPerEpoch', 'monitor', 'onCycleEnd'];

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
  const { schedule, scheduler, per, optimizer, fractionalEpochs, stepsPerEpoch, monitor, onCycleEnd } = checkKnownKeys('', options, KNOWN);
  if (onCycleEnd !== undefined && typeof onCycleEnd !== 'function') throw new InvalidParameterError('onCycleEnd', onCycleEnd, 'a function ({ cycle, at, epoch, model }) => void');
  if ((schedule === undefined) === (scheduler === undefined)) {
    throw new InvalidParameterError('schedule', schedule, 'given, or scheduler given, but not both and not neither');
  }
  if (schedule !== undefined && !isSchedule(schedule)) {
    throw new InvalidParameterError('schedule', schedule, 'a pure anneal schedule (cosine({ tMax: 20 }), ...)');
  }
  let instance: CoreScheduler | undefined;
  let factory: BindingFactory | undefined;
  if (typeof scheduler === 'function') factory = scheduler as BindingFactory;
  else if (scheduler !== undefined) {
    if (!isScheduler(scheduler) || typeof scheduler.kind !== 'string') {
      throw new InvalidParameterError('scheduler', scheduler, 'an anneal scheduler or a function (binding) => scheduler');
    }
    if (!isBinding(scheduler.optimizer)) {
      throw new InvalidParameterError('scheduler.optimizer', scheduler.optimizer, 'a binding from bindOptimizer(tf, optimizer)');
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
    if (fractionalEpochs !== true) throw new InvalidParameterError('stepsPerEpoch', stepsPerEpoch, 'absent unless fractionalEpochs is true');
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
  };
  if (schedule !== undefined) checkSchedulerKind(checked, undefined, 'the schedule');
  if (instance !== undefined) checkSchedulerKind(checked, instance.kind, 'the scheduler');
  return checked;
}
