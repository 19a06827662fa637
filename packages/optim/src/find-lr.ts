/**
 * `findLr`: the learning-rate range test for any training step. The sweep, the smoothing, the divergence
 * stop and the suggestions are core's `RangeTest`; this file runs the steps and puts everything back.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { RangeTest, type RangeTestOptions, type RangeTestResult } from '@anneal/core/adapter';
import { Optimizer, type OptimizerParamGroup, type OptimizerState, type ParamState } from './optimizer.js';
import { asOptimizerLike, type BindTarget, type TargetOptions } from './target.js';

/** What the training step of {@link findLr} is told. */
export interface FindLrStep {
  /** The step of the range test, from 0. */
  step: number;
  /** The rate the target now holds, for this step. */
  lr: number;
}

/**
 * One training step at the rate the target holds: compute the loss of a batch and its gradients, apply
 * the optimizer, and return that loss (before the update, as training loops report it). May be async.
 */
export type FindLrTrainStep = (info: FindLrStep) => number | Promise<number>;

/**
 * How {@link findLr} saves what the range test changes and puts it back. Built in for the reference
 * optimizers (SGD, Adam, AdamW): their parameters' values and gradients and their `stateDict()`.
 */
export interface FindLrCheckpoint<T = unknown> {
  /** Called once before the first step: a copy of everything the steps will change (weights, optimizer buffers). */
  save(): T | Promise<T>;
  /** Called once at the end, also when a step threw: puts the copy back. */
  restore(saved: T): void | Promise<void>;
}

/** Options of {@link findLr}: the range test's (see core's `RangeTestOptions`) and how to restore the model. */
export interface FindLrOptions extends RangeTestOptions {
  /**
   * Saves and restores the model and optimizer. Required unless the target is one of `@anneal/optim`'s
   * reference optimizers (whose parameters and state are saved automatically); pass `false` to restore
   * only the rates (you then own the changed weights).
   */
  checkpoint?: FindLrCheckpoint<never> | false;
  /** For field and setter targets: see `TargetOptions.baseLr`. Not needed otherwise. */
  baseLr?: TargetOptions['baseLr'];
}

interface ReferenceSnapshot {
  state: OptimizerState;
  values: Float64Array[];
  grads: Float64Array[];
}

function referenceCheckpoint(optimizer: Optimizer<OptimizerParamGroup, ParamState>): FindLrCheckpoint<ReferenceSnapshot> {
  const params = optimizer.paramGroups.flatMap((g) => g.params);
  return {
    save: () => ({
      state: optimizer.stateDict(),
      values: params.map((p) => Float64Array.from(p.value)),
      grads: params.map((p) => Float64Array.from(p.grad)),
    }),
    restore(saved) {
      params.forEach((p, i) => {
        p.value.set(saved.values[i]!);
        p.grad.set(saved.grads[i]!);
      });
      optimizer.loadStateDict(saved.state);
    },
  };
}

/**
 * The learning-rate range test (Smith 2017): trains `steps` batches while the rate grows from `startLr` to
 * `endLr` (geometrically by default), records the smoothed loss, stops early when it diverges, then puts
 * the model, the optimizer and the rates back as they were. Returns the curve and suggested rates.
 *
 * Every group of the target gets the same rate at each step. The steps run one after the other, never
 * concurrently. Nothing about the model or the optimizer is changed when the promise settles, also when
 * a step throws (the error is re-thrown after the restore).
 *
 * @param target - where the rate lives: a reference optimizer (`SGD`, `Adam`, `AdamW`), any optimizer with
 *   `paramGroups`, an object with an `lr` or `learningRate` field, or a setter (see `BindTarget`).
 * @param trainStep - one training step at the current rate, returning its loss (see {@link FindLrTrainStep}).
 * @param options - the sweep (`startLr` 1e-7, `endLr` 10, `steps` 100, `mode` 'exponential'), `smoothing`
 *   (0.98), `divergeFactor` (4), and `checkpoint`.
 * @returns the curve (`points`), why it stopped, `suggestions` (`steepest`, `valley`, `minimumOver10`) and
 *   `suggestion` (the valley when there is one).
 * @throws {@link InvalidParameterError} for a bad option, a target `asOptimizerLike` refuses, a missing
 *   `checkpoint` for a target other than a reference optimizer, or a step that returns no number.
 *
 * @example
 * ```ts
 * const optimizer = new SGD([w, b], { lr: 0.1 });
 * const { suggestion } = await findLr(optimizer, ({ step }) => {
 *   const loss = lossAndGrad(batch(step), w, b); // writes w.grad, b.grad
 *   optimizer.step();
 *   return loss;
 * }, { startLr: 1e-5, endLr: 10, steps: 100 });
 * // w, b, the optimizer's buffers and its rate are as before; train with lr = suggestion.
 * ```
 */
export async function findLr(target: BindTarget, trainStep: FindLrTrainStep, options: FindLrOptions = {}): Promise<RangeTestResult> {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an options object');
  const { checkpoint, baseLr, ...rangeOptions } = options;
  const test = new RangeTest(rangeOptions);
  if (typeof trainStep !== 'function') throw new InvalidParameterError('trainStep', trainStep, 'a function ({ step, lr }) => loss');
  const optimizer = asOptimizerLike(target, baseLr === undefined ? {} : { baseLr });
  let saver: FindLrCheckpoint<unknown> | undefined;
  if (checkpoint === undefined) {
    if (!(target instanceof Optimizer)) {
      throw new InvalidParameterError(
        'options.checkpoint',
        checkpoint,
        "{ save, restore } for this target (only @anneal/optim's SGD, Adam and AdamW are saved automatically), or false to restore only the rates",
      );
    }
    saver = referenceCheckpoint(target as Optimizer<OptimizerParamGroup, ParamState>) as FindLrCheckpoint<unknown>;
  } else if (checkpoint !== false) {
    if (typeof checkpoint !== 'object' || checkpoint === null || typeof checkpoint.save !== 'function' || typeof checkpoint.restore !== 'function') {
      throw new InvalidParameterError('options.checkpoint', checkpoint, 'an object with save() and restore(saved) functions, or false');
    }
    saver = checkpoint as FindLrCheckpoint<unknown>;
  }
  // The rates (and base rates) are restored in every case.
  const groups = optimizer.paramGroups.map((g) => ({ group: g, lr: g.lr, initialLr: g.initialLr, hadInitial: 'initialLr' in g }));
  const saved = saver === undefined ? undefined : await saver.save();
  try {
    while (!test.done) {
      const lr = test.lr();
      for (const { group } of groups) group.lr = lr;
      const loss = await trainStep({ step: test.step, lr });
      if (typeof loss !== 'number') throw new InvalidParameterError(`trainStep(step ${test.step}) result`, loss, 'a number (the loss of the step)');
      test.record(loss);
    }
  } finally {
    if (saver !== undefined) await saver.restore(saved);
    for (const { group, lr, initialLr, hadInitial } of groups) {
      group.lr = lr;
      if (hadInitial && initialLr !== undefined) group.initialLr = initialLr;
      else delete group.initialLr;
    }
  }
  return test.summary();
}
