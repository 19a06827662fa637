// Pins the TensorFlow.js 4.22 optimizer behaviour the adapter is built on (read from
// @tensorflow/tfjs-core/dist/optimizers/*.js). If a tfjs upgrade changes one of these, this file says which.
// Gradients are fed directly (applyGradients with a constant gradient), so every expected step is exact
// arithmetic, up to float32.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpu, tf } from './helpers.js';

type Internals = { learningRate: number; beta1: number; setMomentum(m: number): void };
const EPS = 1e-7; // the CPU backend's epsilon(), used by every optimizer below

beforeAll(cpu);

/** Applies the gradient `g` (same for every element) and returns the change of the first element. */
function step(opt: tf.Optimizer, w: tf.Variable, g = 1): number {
  const before = w.dataSync()[0]!;
  tf.tidy(() => opt.applyGradients({ [w.name]: tf.fill(w.shape, g) }));
  return w.dataSync()[0]! - before;
}

function fresh(): tf.Variable {
  return tf.variable(tf.tensor1d([1, 2]));
}

describe('TensorFlow.js 4.22 optimizer facts', () => {
  it('reports the version these facts were read from', () => {
    expect(tf.version_core).toBe('4.22.0');
    expect(tf.version_layers).toBe('4.22.0');
  });

  it('SGD: writing learningRate alone changes nothing; setLearningRate does and disposes the old scalar', () => {
    const w = fresh();
    const opt = tf.train.sgd(0.1);
    (opt as unknown as Internals).learningRate = 0.5;
    expect(step(opt, w)).toBeCloseTo(-0.1, 6); // still the cached -0.1
    const before = tf.memory().numTensors;
    opt.setLearningRate(0.5);
    expect(tf.memory().numTensors).toBe(before);
    expect(step(opt, w)).toBeCloseTo(-0.5, 6);
  });

  it('Momentum: the learningRate field alone changes nothing, and setMomentum() does not reach the cached momentum scalar', () => {
    const w = fresh();
    const opt = tf.train.momentum(0.1, 0.9);
    expect(step(opt, w)).toBeCloseTo(-0.1, 6); // acc = 1
    (opt as unknown as Internals).setMomentum(0.5);
    expect(opt.getConfig().momentum).toBe(0.5);
    expect(step(opt, w)).toBeCloseTo(-0.1 * 1.9, 6); // acc = 0.9·1 + 1: still 0.9, not 0.5 (0.15)
    (opt as unknown as Internals).learningRate = 1;
    expect(step(opt, w)).toBeCloseTo(-0.1 * 2.71, 5); // acc = 0.9·1.9 + 1, rate still 0.1
    opt.setLearningRate(1);
    expect(step(opt, w)).toBeCloseTo(-1 * 3.439, 5);
  });

  it('Adam: reads the learningRate field on every step', () => {
    const w = fresh();
    const opt = tf.train.adam(0.1);
    // With a constant gradient the bias-corrected moments are both 1: step = -lr / (1 + eps).
    expect(step(opt, w)).toBeCloseTo(-0.1 / (1 + EPS), 5);
    (opt as unknown as Internals).learningRate = 0.05;
    expect(step(opt, w)).toBeCloseTo(-0.05 / (1 + EPS), 5);
  });

  it("Adam: a new beta1 meets accBeta1, the running product of earlier betas, not PyTorch's 1 - beta1^step", () => {
    const w = fresh();
    const opt = tf.train.adam(0.1, 0.9, 0.999);
    step(opt, w); // m = 0.1, accBeta1 becomes 0.9·0.9
    (opt as unknown as Internals).beta1 = 0.5;
    const m = 0.5 * 0.1 + 0.5 * 1;
    expect(step(opt, w)).toBeCloseTo((-0.1 * (m / (1 - 0.81))) / (1 + EPS), 5); // tfjs: 1 - 0.9·0.9
    expect(Math.abs(m / (1 - 0.81) - m / (1 - 0.5 ** 2))).toBeGreaterThan(1); // PyTorch would use 1 - 0.5²
  });

  it('Adamax: its own decay divides the rate by 1 + decay·iteration, compounding with any schedule', () => {
    const w = fresh();
    const opt = tf.train.adamax(0.1, 0.9, 0.999, undefined, 0.5);
    // Constant gradient: m/(1 - beta1^k) = 1 and u = 1, so step = -lr / (1 + decay·(k-1)) / (1 + eps).
    expect(step(opt, w)).toBeCloseTo(-0.1 / (1 + EPS), 6);
    expect(step(opt, w)).toBeCloseTo(-0.1 / 1.5 / (1 + EPS), 6);
    (opt as unknown as Internals).learningRate = 0.2;
    expect(step(opt, w)).toBeCloseTo(-0.2 / 2 / (1 + EPS), 6);
  });

  it('RMSProp with momentum folds the rate into its momentum buffer', () => {
    const w = fresh();
    const opt = tf.train.rmsprop(0.1, 0.9, 0.5);
    const t1 = 1 / Math.sqrt(0.1 + EPS);
    expect(step(opt, w)).toBeCloseTo(-0.1 * t1, 5);
    (opt as unknown as Internals).learningRate = 0.2;
    const t2 = 1 / Math.sqrt(0.19 + EPS);
    // tfjs (and TensorFlow): buf = 0.5·(0.1·t1) + 0.2·t2. PyTorch: 0.2·(0.5·t1 + t2).
    expect(step(opt, w)).toBeCloseTo(-(0.5 * 0.1 * t1 + 0.2 * t2), 5);
    expect(Math.abs(0.5 * 0.1 * t1 + 0.2 * t2 - 0.2 * (0.5 * t1 + t2))).toBeGreaterThan(0.1);
  });

  it('RMSProp without momentum, Adagrad and Adadelta read the learningRate field on every step', () => {
    const rms = tf.train.rmsprop(0.1, 0.9);
    const w1 = fresh();
    expect(step(rms, w1)).toBeCloseTo(-0.1 / Math.sqrt(0.1 + EPS), 5);
    (rms as unknown as Internals).learningRate = 0.2;
    expect(step(rms, w1)).toBeCloseTo(-0.2 / Math.sqrt(0.19 + EPS), 5);

    const ada = tf.train.adagrad(0.1, 0.1);
    const w2 = fresh();
    expect(step(ada, w2)).toBeCloseTo(-0.1 / Math.sqrt(1.1 + EPS), 6);
    (ada as unknown as Internals).learningRate = 0.2;
    expect(step(ada, w2)).toBeCloseTo(-0.2 / Math.sqrt(2.1 + EPS), 6);

    const delta = tf.train.adadelta(1, 0.95);
    const w3 = fresh();
    expect(step(delta, w3)).toBeCloseTo(-1, 4); // update = sqrt(0 + eps)/sqrt(0 + eps) · g
    (delta as unknown as Internals).learningRate = 0.5;
    expect(step(delta, w3)).toBeCloseTo(-0.5, 4); // sqrt(0.05 + eps)/sqrt(0.05 + eps) · g
  });

  it('class names, iteration counter', () => {
    const names = [tf.train.sgd(0.1), tf.train.momentum(0.1, 0.9), tf.train.adam(), tf.train.adamax(), tf.train.adagrad(0.1), tf.train.adadelta(), tf.train.rmsprop(0.1)].map((o) => o.getClassName());
    expect(names).toEqual(['SGD', 'Momentum', 'Adam', 'Adamax', 'Adagrad', 'Adadelta', 'RMSProp']);
    const opt = tf.train.sgd(0.1);
    const w = fresh();
    expect(opt.iterations).toBe(0);
    step(opt, w);
    step(opt, w);
    expect(opt.iterations).toBe(2);
  });
});
