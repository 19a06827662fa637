/**
 * `annealCallback`: a `model.fit` / `model.fitDataset` callback that drives the model's optimizer with an
 * anneal schedule or scheduler and logs the rate as `lr`.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, SchedulerUsageError } from '@anneal/core';
import { createScheduleDriver, type ScheduleDriver } from '@anneal/core/adapter';
import { bindOptimizer, type OptimizerBinding } from './bind-optimizer.js';
import { checkOptions, checkSchedulerKind, loadInto, type AnnealCallbackOptions, type CheckedOptions, type CoreScheduler } from './callback-options.js';
import { checkEpochUnits, checkSteps } from './step-check.js';
import type { TfCustomCallback, TfOptimizer, TfWithLayers } from './tf-types.js';
import { CycleEndWatcher } from './cycle-end.js';

type Logs = Record<string, unknown>;

/** What `fit()` tells its callbacks through `setParams`. */
interface FitParams {
  epochs?: number | null;
  initialEpoch?: number | null;
  samples?: number | null;
  batchSize?: number | null;
  steps?: number | null;
  doValidation?: boolean;
}

function checkTf(tf: unknown): TfWithLayers {
  const t = tf as Partial<TfWithLayers> | null | undefined;
  if (typeof t?.CustomCallback !== 'function' || typeof t.scalar !== 'function' || typeof t.keep !== 'function' || typeof t.tidy !== 'function') {
    throw new InvalidParameterError('tf', tf, 'the TensorFlow.js namespace with layers (import * as tf from "@tensorflow/tfjs")');
  }
  return t as TfWithLayers;
}

/** The callback's state across `fit()` calls: when to step core's driver, and what to log. */
class FitState {
  private binding: OptimizerBinding | undefined;
  private driver: ScheduleDriver | undefined;
  private stepsPerEpoch = 1;
  private epoch = 0;
  private lastUsedLr: number | undefined;
  /**
   * Added to `optimizer.iterations` for a pure schedule per batch: `initialEpoch · stepsPerEpoch` when a
   * run resumes with `initialEpoch` on a fresh optimizer (0 iterations), else 0.
   */
  private iterationOffset = 0;

  constructor(
    private readonly tf: TfWithLayers,
    private readonly options: CheckedOptions,
  ) {}

  private get plateau(): boolean {
    return this.driver?.kind === 'plateau';
  }

  /** Whether the batch hooks read the logs: a plateau stepped per batch reads its metric there. */
  get readsBatchLogs(): boolean {
    return this.plateau && this.options.per === 'batch' && !this.options.fractionalEpochs;
  }

  /** The scheduler driving the optimizer (undefined before the first `fit()` for a factory). */
  get scheduler(): CoreScheduler | undefined {
    return (this.driver?.scheduler ?? this.options.scheduler) as CoreScheduler | undefined;
  }

  private get pure(): boolean {
    return this.options.schedule !== undefined;
  }

  private get monitor(): string {
    return this.options.monitor ?? (this.options.per === 'epoch' ? 'val_loss' : 'loss');
  }

  trainBegin(modelOptimizer: TfOptimizer | undefined, params: FitParams): void {
    const { options } = this;
    if (modelOptimizer === undefined || modelOptimizer === null) {
      throw new SchedulerUsageError('annealCallback: the model has no optimizer; compile it before fit()');
    }
    if (options.optimizer !== undefined && options.optimizer !== modelOptimizer) {
      throw new SchedulerUsageError("annealCallback: options.optimizer is not the optimizer the model is compiled with");
    }
    const binding = bindOptimizer(this.tf, modelOptimizer);
    if (options.scheduler !== undefined && options.scheduler.optimizer !== binding) {
      throw new SchedulerUsageError(
        `annealCallback: the scheduler drives another optimizer than the one the model is compiled with; pass a factory instead, scheduler: (binding) => new ${options.scheduler.kind}(binding, {...}), and the callback builds it on the model's optimizer when training starts`,
      );
    }
    if (binding !== this.binding) {
      this.binding = binding;
      this.driver = this.build(binding);
    }
    if (this.plateau && this.options.per === 'epoch' && this.monitor.startsWith('val_') && params.doValidation === false) {
      throw new InvalidParameterError(
        'monitor',
        this.monitor,
        `a key of the epoch logs; this fit() has no validation data, so there is no ${JSON.stringify(this.monitor)} (pass validationData or validationSplit, or monitor: "loss")`,
      );
    }
    if (options.fractionalEpochs) this.stepsPerEpoch = this.resolveStepsPerEpoch(params);
    const perEpoch = options.per === 'batch' ? this.knownStepsPerEpoch(params) : undefined;
    const initialEpoch = typeof params.initialEpoch === 'number' ? params.initialEpoch : 0;
    this.checkResume(initialEpoch, perEpoch, binding);
    if (options.stepCheck !== 'off' && typeof params.epochs === 'number') {
      const run = { per: options.per, fractional: options.fractionalEpochs, epochs: params.epochs, stepsPerEpoch: perEpoch, strict: options.stepCheck === 'strict', warn: options.onWarning };
      // fit() reports the batches per epoch whatever `per` is: a length sized in batches, stepped per epoch, shows.
      if (!checkEpochUnits(this.driver!, run, this.knownStepsPerEpoch(params))) checkSteps(this.driver!, run);
    }
  }

  /**
   * Resuming with `fit({ initialEpoch })`: a pure schedule per batch on a fresh optimizer counts the
   * epochs already done; a stateful scheduler must be where the run resumes (its state loaded), or
   * training would silently restart the schedule.
   */
  private checkResume(initialEpoch: number, perEpoch: number | undefined, binding: OptimizerBinding): void {
    const { options } = this;
    if (this.pure) {
      if (options.per !== 'batch' || options.fractionalEpochs || binding.iterations !== 0) return;
      if (initialEpoch > 0 && perEpoch === undefined) {
        throw new InvalidParameterError(
          'stepsPerEpoch',
          undefined,
          `an integer >= 1: fit() resumes at initialEpoch ${initialEpoch} on an optimizer that has taken no step, and cannot tell the batches per epoch, so the schedule's step is unknown`,
        );
      }
      this.iterationOffset = initialEpoch * (perEpoch ?? 0);
      return;
    }
    if (initialEpoch === 0 || options.fractionalEpochs) return;
    const position = (this.driver!.scheduler as { lastEpoch?: unknown }).lastEpoch;
    if (typeof position !== 'number') return;
    const expected = options.per === 'epoch' ? initialEpoch : perEpoch === undefined ? undefined : initialEpoch * perEpoch;
    if (expected === undefined || position === expected) return;
    const kind = (this.driver!.scheduler as { kind?: string }).kind ?? 'scheduler';
    const unit = options.per === 'epoch' ? 'epochs' : `batches (${initialEpoch} epochs × ${perEpoch} batches)`;
    throw new SchedulerUsageError(
      `annealCallback: fit() resumes at initialEpoch ${initialEpoch}, after ${expected} ${unit}, but the ${kind} is at step ${position}` +
        (position === 0 ? ', as built: its saved state was not loaded' : '') +
        `. Save callback.scheduler.stateDict() when the run stops and pass it back as annealCallback(tf, { ..., state: saved }) (or call scheduler.loadStateDict(saved) before fit()); the rates and momentum go back into the optimizer`,
    );
  }

  /** The batches per epoch: the option, or what `fit()` reports; undefined when nobody knows. */
  private knownStepsPerEpoch(params: FitParams): number | undefined {
    try {
      return this.resolveStepsPerEpoch(params);
    } catch {
      return undefined;
    }
  }

  /** A pure schedule drives the binding through a `ScheduleLR` (its base rate: the optimizer's rate when first bound). */
  private build(binding: OptimizerBinding): ScheduleDriver {
    const { options } = this;
    const pure = options.schedule !== undefined;
    const driver = createScheduleDriver(options.schedule ?? options.scheduler ?? options.factory!, {
      optimizer: binding,
      name: pure ? 'schedule' : 'scheduler',
      optimizerLabel: 'the binding it receives',
    });
    if (options.factory !== undefined) {
      checkSchedulerKind(options, driver.scheduler.kind, 'the scheduler built by options.scheduler');
      if (options.state !== undefined) loadInto(driver.scheduler as CoreScheduler, options.state);
    }
    return driver;
  }

  private resolveStepsPerEpoch(params: FitParams): number {
    if (this.options.stepsPerEpoch !== undefined) return this.options.stepsPerEpoch;
    if (typeof params.steps === 'number' && params.steps >= 1) return params.steps;
    if (typeof params.samples === 'number' && typeof params.batchSize === 'number' && params.samples > 0 && params.batchSize > 0) {
      return Math.ceil(params.samples / params.batchSize);
    }
    throw new InvalidParameterError(
      'stepsPerEpoch',
      undefined,
      'an integer >= 1 with fractionalEpochs when fit() cannot tell the batches per epoch (fitDataset without batchesPerEpoch on a dataset of unknown size)',
    );
  }

  private get lr(): number {
    return this.driver!.lr();
  }

  /** What drives the rate: the pure schedule, or the scheduler (once built). For `onCycleEnd`. */
  get source(): object | undefined {
    return this.options.schedule ?? this.driver?.scheduler;
  }

  epochBegin(epoch: number): void {
    this.epoch = epoch;
    if (this.options.per === 'epoch' && this.pure) this.driver!.stepTo(epoch);
  }

  batchBegin(batch: number): void {
    if (this.options.per !== 'batch') return;
    if (this.options.fractionalEpochs) this.driver!.stepTo(this.epoch + batch / this.stepsPerEpoch);
    else if (this.pure) this.driver!.stepTo(this.iterationOffset + this.binding!.iterations);
  }

  batchEnd(logs: Logs): void {
    if (this.options.per !== 'batch') return;
    this.lastUsedLr = this.lr;
    logs.lr = this.lastUsedLr;
    if (this.options.fractionalEpochs || this.pure) return;
    this.stepStateful(logs, 'batch');
  }

  epochEnd(logs: Logs): void {
    // Per batch, a stateful scheduler has already set the next step's rate: log the one last used.
    logs.lr = this.options.per === 'batch' && this.lastUsedLr !== undefined ? this.lastUsedLr : this.lr;
    if (this.options.per === 'epoch' && !this.pure) this.stepStateful(logs, 'epoch');
  }

  private stepStateful(logs: Logs, where: 'batch' | 'epoch'): void {
    if (!this.plateau) {
      this.driver!.step();
      return;
    }
    const metric = logs[this.monitor];
    if (typeof metric !== 'number') {
      throw new InvalidParameterError('monitor', this.monitor, `a key of the ${where} logs with a number (they have: ${Object.keys(logs).join(', ')})`);
    }
    this.driver!.step(metric);
  }
}

/**
 * A `model.fit` / `model.fitDataset` callback that drives the model's optimizer with an anneal schedule
 * or scheduler. It is a `tf.CustomCallback` of the `tf` you pass, so it mixes with other callbacks
 * (`tf.callbacks.earlyStopping()`, tfjs-vis): `callbacks: [annealCallback(tf, {...}), other]`. tfjs takes
 * an array of callback objects or of plain `{ onEpochEnd }` objects, not both: wrap plain ones in
 * `new tf.CustomCallback(...)`.
 *
 * - The rate goes into the optimizer through {@link bindOptimizer} (the model's optimizer, bound when
 *   training starts).
 * - The rate used by the last optimizer step is written into the epoch logs as `lr` (so it appears in
 *   `history.history.lr` and in tfjs-vis), and into the batch logs with `per: 'batch'`. Callbacks listed
 *   after this one see it.
 * - `per: 'epoch'`: a pure schedule sets the rate of epoch `e` to `schedule.lr(e, base)` before it; a
 *   stateful scheduler steps after each epoch (`ReduceLROnPlateau` with the epoch's `monitor` metric).
 * - `per: 'batch'`: a pure schedule is evaluated at the optimizer's global step (`optimizer.iterations`,
 *   so a second `fit()` continues the schedule); a stateful scheduler steps after each batch;
 *   `fractionalEpochs` evaluates at `epoch + batch / stepsPerEpoch` before each batch.
 *
 * @param tf The TensorFlow.js namespace (`import * as tf from '@tensorflow/tfjs'`), the same copy the model uses.
 * @param options See {@link AnnealCallbackOptions}.
 * @returns A `tf.CustomCallback` with the `scheduler` it drives; reuse it across `fit()` calls to continue a
 *   stateful scheduler, or save `callback.scheduler.stateDict()` and pass it back as `state` to resume.
 * @throws {@link InvalidParameterError} at construction for bad options, and from `fit()` when training
 *   starts for what only the model can tell (no validation data for `monitor: 'val_loss'`, unknown
 *   `stepsPerEpoch`, an optimizer that cannot be bound).
 * @throws {@link SchedulerUsageError} from `fit()` when `options.optimizer` or the scheduler's optimizer is
 *   not the model's optimizer.
 */
export function annealCallback(tf: TfWithLayers, options: AnnealCallbackOptions): AnnealCallback {
  const checkedTf = checkTf(tf);
  const checked = checkOptions(options);
  if (checked.optimizer !== undefined) bindOptimizer(checkedTf, checked.optimizer);
  const state = new FitState(checkedTf, checked);
  let model: { optimizer?: TfOptimizer } | undefined;
  // onCycleEnd: the restarts are read from the schedule when training starts (a factory builds it then).
  const cycles = checked.onCycleEnd === undefined ? undefined : new CycleEndWatcher(checked.onCycleEnd);
  if (cycles !== undefined && (checked.schedule ?? checked.scheduler) !== undefined) cycles.use(checked.schedule ?? checked.scheduler);
  // Per step, the cycle position is the optimizer's iteration count; only read when onCycleEnd is given.
  const cyclesPerStep = cycles !== undefined && checked.per === 'batch' && !checked.fractionalEpochs;
  const cyclesPerEpoch = cycles !== undefined && (checked.per === 'epoch' || checked.fractionalEpochs);
  let epochNow = 0;
  const batchEnd = (_batch: number, logs: Logs | undefined) => {
    state.batchEnd((logs ?? {}) as Logs);
    return cyclesPerStep ? cycles!.reach(bindOptimizer(checkedTf, model!.optimizer!).iterations, epochNow, model as never) : undefined;
  };
  const callback: TfCustomCallback = new checkedTf.CustomCallback(
    {
      onTrainBegin: () => {
        state.trainBegin(model?.optimizer, (callback.params ?? {}) as FitParams);
        cycles?.use(state.source);
      },
      onEpochBegin: (epoch) => {
        epochNow = epoch;
        state.epochBegin(epoch);
      },
      onBatchBegin: (batch) => state.batchBegin(batch),
      // Synchronous unless an onCycleEnd hook may have to be awaited (tfjs awaits what a hook returns).
      onBatchEnd: batchEnd,
      onEpochEnd: (epoch, logs) => {
        state.epochEnd((logs ?? {}) as Logs);
        return cyclesPerEpoch ? cycles!.reach(epoch + 1, epoch, model as never) : undefined;
      },
    },
    'never',
  );
  // tfjs's CustomCallback runs each hook inside an async method that first awaits every tensor of the logs
  // into a number. The batch hooks read nothing from the logs but a plateau's metric, so they are called
  // directly, and return a promise already settled (the wrapper cost more than the hook per batch:
  // docs/benchmarks.md); a plateau stepped per batch keeps the wrapper, which gives it the metric as a number.
  const wrappedBatchEnd = callback.onBatchEnd.bind(callback);
  callback.onBatchBegin = (batch: number) => {
    state.batchBegin(batch);
    return SETTLED;
  };
  callback.onBatchEnd = (batch: number, logs?: Logs) => {
    if (state.readsBatchLogs) return wrappedBatchEnd(batch, logs as never);
    return batchEnd(batch, logs) ?? SETTLED;
  };
  // tfjs's BaseCallback.setModel is a no-op (only tf.Callback keeps the model): keep it here.
  callback.setModel = (m: Parameters<TfCustomCallback['setModel']>[0]) => {
    model = m as unknown as { optimizer?: TfOptimizer };
  };
  Object.defineProperty(callback, 'scheduler', { enumerable: true, get: () => state.scheduler });
  // When a plain { onEpochEnd } object comes first in `callbacks`, tfjs takes every entry for a plain
  // object and wraps it in a new CustomCallback, reading its onYield (which only that wrapping reads):
  // this callback would then never run. Stop there, with the fix.
  Object.defineProperty(callback, 'onYield', {
    get: () => {
      throw new SchedulerUsageError(MIXED_CALLBACKS);
    },
  });
  return callback as AnnealCallback;
}

/** What a batch hook with nothing to wait for returns. */
const SETTLED: Promise<void> = Promise.resolve();

/** The message for an annealCallback listed with plain callback objects. */
const MIXED_CALLBACKS =
  'annealCallback: model.fit() got callbacks mixing plain objects ({ onEpochEnd() {...} }) and callback objects, and then runs neither kind properly (tfjs wraps or calls them as the first entry is). Wrap each plain object: callbacks: [annealCallback(tf, {...}), new tf.CustomCallback({ onEpochEnd() {...} })]';

/**
 * What {@link annealCallback} returns: a `tf.CustomCallback`, plus the scheduler it drives, to save its
 * state (`callback.scheduler.stateDict()`) and resume later with the `state` option.
 */
export interface AnnealCallback extends TfCustomCallback {
  /**
   * The scheduler driving the optimizer: the one given, the one the factory or the JSON built (from the
   * start of the first `fit()`; `undefined` before), or the `ScheduleLR` of a pure schedule (from the
   * first `fit()`).
   */
  readonly scheduler: CoreScheduler | undefined;
}
