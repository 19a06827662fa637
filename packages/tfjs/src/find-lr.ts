/**
 * `findLr`: the learning-rate range test for a compiled TensorFlow.js model. The sweep, the smoothing, the
 * divergence stop and the suggestions are core's `RangeTest`; this file trains the batches and puts the
 * model's weights and its optimizer's state back.
 *
 * @packageDocumentation
 */
import type * as tf from '@tensorflow/tfjs';
import { InvalidParameterError } from '@anneal/core';
import { RangeTest, type RangeTestOptions, type RangeTestResult } from '@anneal/core/adapter';
import { bindOptimizer } from './bind-optimizer.js';
import { UnsupportedOptimizerError } from './errors.js';
import type { TfCore } from './tf-types.js';

/** Options of {@link findLr}: the range test's (see core's `RangeTestOptions`) and the batching. */
export interface TfFindLrOptions extends RangeTestOptions {
  /** Samples per training step, an integer >= 1. Default `32`. The batches are taken in order, cycling through the data. */
  batchSize?: number;
}

/** The model as {@link findLr} uses it: a compiled `tf.LayersModel` (`tf.sequential()` or `tf.model()`). */
export type TfFindLrModel = Pick<tf.LayersModel, 'trainOnBatch' | 'getWeights' | 'setWeights' | 'optimizer'>;

type Data = tf.Tensor | tf.Tensor[];

function firstDim(name: string, data: unknown): number {
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) throw new InvalidParameterError(name, data, 'a tensor or a non-empty array of tensors');
  const sizes = list.map((t: unknown, i) => {
    const shape = (t as { shape?: unknown } | null)?.shape;
    if (!Array.isArray(shape) || shape.length === 0 || typeof (t as { slice?: unknown }).slice !== 'function') {
      throw new InvalidParameterError(Array.isArray(data) ? `${name}[${i}]` : name, t, 'a tensor with a batch dimension');
    }
    return shape[0] as number;
  });
  if (sizes.some((s) => s !== sizes[0]) || sizes[0]! < 1) throw new InvalidParameterError(name, sizes, 'tensors with the same number (>= 1) of samples');
  return sizes[0]!;
}

function slice(data: Data, start: number, size: number): Data {
  return Array.isArray(data) ? data.map((t) => t.slice(start, size)) : data.slice(start, size);
}

function dispose(data: Data): void {
  for (const t of Array.isArray(data) ? data : [data]) t.dispose();
}

/**
 * The learning-rate range test (Smith 2017) for a compiled TensorFlow.js model, like `lr_find` in other
 * ecosystems: trains `steps` batches of `(x, y)` with `model.trainOnBatch` while the optimizer's rate grows
 * from `startLr` to `endLr` (geometrically by default), records the smoothed loss, stops early when it
 * diverges, and then restores the model's weights, the optimizer's state (its moment buffers and its
 * iteration count, through `optimizer.getWeights()` / `setWeights()`) and its rate. Returns the curve and
 * the suggested rates.
 *
 * Nothing about the model changes: predictions and any later training are exactly those of a model that
 * never ran `findLr`, also when a step throws (the error is re-thrown after the restore).
 *
 * @param tf - the TensorFlow.js namespace (`import * as tf from '@tensorflow/tfjs'`).
 * @param model - a compiled model; its optimizer must be one anneal drives (see `SUPPORTED_OPTIMIZERS`)
 *   and can save its state (every one but Adamax).
 * @param x - the inputs: a tensor (or one per model input) whose first dimension is the sample.
 * @param y - the targets, as `x`.
 * @param options - the sweep (`startLr` 1e-7, `endLr` 10, `steps` 100, `mode` 'exponential'),
 *   `smoothing` (0.98), `divergeFactor` (4), `batchSize` (32).
 * @returns the curve (`points`), why it stopped, `suggestions` (`steepest`, `valley`, `minimumOver10`) and
 *   `suggestion` (the valley when there is one).
 * @throws {@link InvalidParameterError} for a bad option, an uncompiled model, or data without a common
 *   batch dimension.
 * @throws {@link UnsupportedOptimizerError} for an optimizer anneal cannot drive or whose state tfjs cannot
 *   save (Adamax).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: tf.train.momentum(0.01, 0.9), loss: 'binaryCrossentropy' });
 * const { suggestion, points } = await findLr(tf, model, xs, ys, { startLr: 1e-5, endLr: 10, steps: 100 });
 * model.optimizer.learningRate; // unchanged, and so are the weights
 * ```
 */
export async function findLr(tf: TfCore, model: TfFindLrModel, x: Data, y: Data, options: TfFindLrOptions = {}): Promise<RangeTestResult> {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an options object');
  const { batchSize = 32, ...rangeOptions } = options;
  const test = new RangeTest(rangeOptions);
  if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new InvalidParameterError('options.batchSize', batchSize, 'an integer >= 1');
  }
  if (typeof model !== 'object' || model === null || typeof model.trainOnBatch !== 'function') {
    throw new InvalidParameterError('model', model, 'a TensorFlow.js LayersModel');
  }
  if (model.optimizer == null) throw new InvalidParameterError('model.optimizer', model.optimizer, 'an optimizer: compile the model first');
  const n = firstDim('x', x);
  const ny = firstDim('y', y);
  if (ny !== n) throw new InvalidParameterError('y', `${ny} samples`, `as many samples as x (${n})`);
  const binding = bindOptimizer(tf, model.optimizer);
  if (binding.className === 'Adamax') {
    throw new UnsupportedOptimizerError('Adamax', 'findLr cannot restore its state afterwards (tfjs 4.x does not implement Adamax getWeights/setWeights)');
  }
  const group = binding.paramGroups[0]!;
  const rate = group.lr;
  const optimizer = model.optimizer;
  const weights = model.getWeights().map((w) => w.clone());
  const current = await optimizer.getWeights();
  const state = current.map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
  for (const w of current) if (w.name === 'iter') w.tensor.dispose(); // a scalar getWeights() made for us
  const batches = Math.ceil(n / batchSize);
  try {
    while (!test.done) {
      group.lr = test.lr();
      const start = (test.step % batches) * batchSize;
      const size = Math.min(batchSize, n - start);
      const xb = slice(x, start, size);
      const yb = slice(y, start, size);
      let out: number | number[];
      try {
        out = await model.trainOnBatch(xb, yb);
      } finally {
        dispose(xb);
        dispose(yb);
      }
      test.record(Array.isArray(out) ? out[0]! : out);
    }
  } finally {
    // The optimizer's buffers created or replaced during the test are disposed once the saved ones are back.
    const during = await optimizer.getWeights();
    model.setWeights(weights);
    await optimizer.setWeights(state);
    const after = await optimizer.getWeights();
    const kept = new Set(after.map((w) => w.tensor));
    for (const w of during) if (!kept.has(w.tensor) && !w.tensor.isDisposed) w.tensor.dispose();
    for (const w of after) if (w.name === 'iter') w.tensor.dispose(); // a scalar getWeights() made for us
    for (const w of weights) w.dispose();
    for (const w of state) w.tensor.dispose();
    group.lr = rate;
  }
  return test.summary();
}
