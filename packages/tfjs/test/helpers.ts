// Shared test helpers: the CPU backend, seeded synthetic data, a tiny dense model, and a probe that
// measures the learning rate an SGD step actually used.
import * as tf from '@tensorflow/tfjs';

export { tf };

/** Pure-JS CPU backend (no tfjs-node, no WebGL). */
export async function cpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` samples of y = x·[1.5, −2, 0.5] + 0.3 + small noise, x uniform in [−1, 1)³. Plain arrays. */
export function regressionData(n: number, seed: number): { x: number[][]; y: number[][] } {
  const r = rng(seed);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = [r() * 2 - 1, r() * 2 - 1, r() * 2 - 1];
    x.push(row);
    y.push([1.5 * row[0]! - 2 * row[1]! + 0.5 * row[2]! + 0.3 + (r() - 0.5) * 0.1]);
  }
  return { x, y };
}

/** A dense 3 → 1 regression model with seeded weights, compiled with `optimizer` and MSE. */
export function denseModel(optimizer: tf.Optimizer | string, seed = 7, useBias = true): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 1,
        inputShape: [3],
        kernelInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed }),
        biasInitializer: 'zeros',
        useBias,
      }),
    ],
  });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

/** The model's trainable weights as flat arrays. */
export function weights(model: tf.LayersModel): Float32Array[] {
  return model.trainableWeights.map((w) => w.read().dataSync() as Float32Array);
}

/** Gradients of the model's MSE on (x, y) w.r.t. its trainable weights, as flat arrays. */
export function gradients(model: tf.LayersModel, x: number[][], y: number[][]): Float32Array[] {
  return tf.tidy(() => {
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(
      () => tf.losses.meanSquaredError(tf.tensor2d(y), model.apply(tf.tensor2d(x)) as tf.Tensor) as tf.Scalar,
      vars,
    );
    value.dispose();
    return vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
  });
}

/**
 * The rate a plain gradient step used: the least-squares `lr` in `after − before = −lr · grad`, and the
 * largest deviation of the step from exactly that form (0 for a pure SGD step, up to float32 rounding).
 */
export function impliedRate(before: Float32Array[], after: Float32Array[], grad: Float32Array[]): { lr: number; residual: number } {
  let dot = 0;
  let norm = 0;
  for (let k = 0; k < grad.length; k++) {
    for (let i = 0; i < grad[k]!.length; i++) {
      dot += (after[k]![i]! - before[k]![i]!) * grad[k]![i]!;
      norm += grad[k]![i]! ** 2;
    }
  }
  const lr = -dot / norm;
  let residual = 0;
  for (let k = 0; k < grad.length; k++) {
    for (let i = 0; i < grad[k]!.length; i++) {
      residual = Math.max(residual, Math.abs(after[k]![i]! - before[k]![i]! + lr * grad[k]![i]!));
    }
  }
  return { lr, residual };
}

/**
 * A callback (list it after the anneal callback) that, around each training batch of `model.fit` with
 * `shuffle: false`, computes the batch's gradient before the step and records the rate the step used
 * (`lr`, measured from the weights), the optimizer's `learningRate` just before the step, and `logs.lr`.
 */
export function sgdProbe(model: tf.LayersModel, x: number[][], y: number[][], batchSize: number) {
  const steps: { epoch: number; batch: number; lr: number; residual: number; optimizerLr: number; logsLr: unknown }[] = [];
  let epoch = 0;
  let before: Float32Array[] = [];
  let grad: Float32Array[] = [];
  let optimizerLr = Number.NaN;
  const callback = new tf.CustomCallback({
    onEpochBegin: (e) => {
      epoch = e;
    },
    onBatchBegin: (b) => {
      optimizerLr = (model.optimizer as unknown as { learningRate: number }).learningRate;
      before = weights(model);
      grad = gradients(model, x.slice(b * batchSize, (b + 1) * batchSize), y.slice(b * batchSize, (b + 1) * batchSize));
    },
    onBatchEnd: (b, logs) => {
      const { lr, residual } = impliedRate(before, weights(model), grad);
      steps.push({ epoch, batch: b, lr, residual, optimizerLr, logsLr: logs?.lr });
    },
  });
  return { callback, steps };
}

/** Relative difference. */
export function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}
