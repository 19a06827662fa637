// findLr on a real problem: two noisy concentric rings (not linearly separable), a 2-16-16-1 network trained
// with SGD + momentum on the CPU backend. The suggestion must train well, rates far above it must not, and
// the model must be exactly as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidParameterError } from '@anneal/core';
import { UnsupportedOptimizerError, findLr } from '@anneal/tfjs';
import { cpu, rng, tf } from './helpers.js';

/** `n` points: label 1 on a ring of radius 2, label 0 inside radius 1, with radial noise. */
function rings(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const r = rng(seed);
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const radius = (label === 1 ? 2 : 0.5) + (r() - 0.5) * 0.8;
    const angle = r() * 2 * Math.PI;
    xs.push([radius * Math.cos(angle), radius * Math.sin(angle)]);
    ys.push([label]);
  }
  return { x: tf.tensor2d(xs), y: tf.tensor2d(ys) };
}

function network(optimizer: tf.Optimizer, seed = 3): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: s });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 16, inputShape: [2], activation: 'relu', kernelInitializer: init(seed) }),
      tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: init(seed + 1) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(seed + 2) }),
    ],
  });
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

const flat = (model: tf.LayersModel): number[][] => model.getWeights().map((w) => Array.from(w.dataSync()));

let train: { x: tf.Tensor2D; y: tf.Tensor2D };
let heldOut: { x: tf.Tensor2D; y: tf.Tensor2D };

beforeAll(async () => {
  await cpu();
  train = rings(512, 1);
  heldOut = rings(512, 2);
});

/** Trains a fresh network for `epochs` at a constant rate; held-out loss and accuracy. */
async function trainAt(lr: number, epochs: number): Promise<{ loss: number; accuracy: number }> {
  const model = network(tf.train.momentum(lr, 0.9));
  await model.fit(train.x, train.y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });
  const [loss, acc] = model.evaluate(heldOut.x, heldOut.y) as tf.Scalar[];
  const out = { loss: loss!.dataSync()[0]!, accuracy: acc!.dataSync()[0]! };
  model.dispose();
  return out;
}

describe('findLr (@anneal/tfjs) on two rings', () => {
  it('suggests a rate that trains to high accuracy; rates far above it do not train', async () => {
    const model = network(tf.train.momentum(0.01, 0.9));
    const result = await findLr(tf, model, train.x, train.y, { startLr: 1e-5, endLr: 100, steps: 120, batchSize: 32 });
    if (process.env.ANNEAL_REPORT) console.log(result.stop, JSON.stringify(result.suggestions), result.points.filter((_, i) => i % 4 === 0).map((p) => `${p.lr.toExponential(1)}:${p.smoothedLoss.toFixed(3)}`).join(' '));
    expect(['diverged', 'non-finite']).toContain(result.stop);
    expect(result.points.length).toBeLessThan(120);
    expect(result.points[0]!.lr).toBe(1e-5);
    const { steepest, valley, minimumOver10 } = result.suggestions;
    for (const s of [steepest!, valley!, minimumOver10!]) {
      expect(s).toBeGreaterThan(1e-3);
      expect(s).toBeLessThan(10);
    }
    const good = await trainAt(result.suggestion!, 20);
    if (process.env.ANNEAL_REPORT) console.log(`tfjs findLr: suggestions ${JSON.stringify(result.suggestions)}, stop ${result.stop} after ${result.points.length}; held-out accuracy ${good.accuracy}, loss ${good.loss}`);
    expect(good.accuracy).toBeGreaterThan(0.95);
    const slow = await trainAt(result.suggestion! / 1000, 20);
    expect(slow.accuracy).toBeLessThan(0.9); // far below it, 20 epochs are not enough
    const bad = await trainAt(100 * result.suggestion!, 20);
    if (process.env.ANNEAL_REPORT) console.log(`at 100x: ${JSON.stringify(bad)}`);
    expect(Number.isNaN(bad.loss) || bad.loss > 0.6).toBe(true); // ln 2 ≈ 0.69 is a coin toss
    expect(bad.accuracy).toBeLessThan(0.7);
    model.dispose();
  }, 60_000);

  for (const [name, make] of [
    ['SGD with momentum', () => tf.train.momentum(0.02, 0.9)],
    ['Adam', () => tf.train.adam(0.003)],
  ] as const) {
    it(`${name}: weights, optimizer state, rate and later training are exactly those of an untouched twin`, async () => {
      const a = network(make());
      const twin = network(make());
      // A few real steps first, so the optimizer has buffers and an iteration count to preserve.
      await a.fit(train.x, train.y, { epochs: 1, batchSize: 128, shuffle: false, verbose: 0 });
      await twin.fit(train.x, train.y, { epochs: 1, batchSize: 128, shuffle: false, verbose: 0 });
      const before = flat(a);
      const lr = (a.optimizer as unknown as { learningRate: number }).learningRate;
      const tensors = tf.memory().numTensors;
      const r = await findLr(tf, a, train.x, train.y, { startLr: 1e-4, endLr: 1e3, steps: 40 });
      expect(r.points.length).toBeGreaterThan(3);
      expect(tf.memory().numTensors).toBe(tensors);
      expect(flat(a)).toEqual(before);
      expect((a.optimizer as unknown as { learningRate: number }).learningRate).toBe(lr);
      expect(a.optimizer.iterations).toBe(twin.optimizer.iterations);
      const stateA = await a.optimizer.getWeights();
      const stateB = await twin.optimizer.getWeights();
      expect(stateA.map((w) => Array.from(w.tensor.dataSync()))).toEqual(stateB.map((w) => Array.from(w.tensor.dataSync())));
      await a.fit(train.x, train.y, { epochs: 2, batchSize: 64, shuffle: false, verbose: 0 });
      await twin.fit(train.x, train.y, { epochs: 2, batchSize: 64, shuffle: false, verbose: 0 });
      expect(flat(a)).toEqual(flat(twin));
      a.dispose();
      twin.dispose();
    }, 60_000);
  }

  it('refuses bad input with the parameter named', async () => {
    const model = network(tf.train.sgd(0.1));
    await expect(findLr(tf, model, train.x, train.y, { batchSize: 0 })).rejects.toThrow(/options\.batchSize must be an integer >= 1, got 0/);
    await expect(findLr(tf, model, train.x, train.y, { endLr: 1e-9 })).rejects.toThrow(InvalidParameterError);
    await expect(findLr(tf, model, train.x, heldOut.y.slice(0, 10))).rejects.toThrow(/^y must be as many samples as x \(512\)/);
    const adamax = network(tf.train.adamax(0.01));
    await expect(findLr(tf, adamax, train.x, train.y)).rejects.toThrow(UnsupportedOptimizerError);
    const uncompiled = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    await expect(findLr(tf, uncompiled, train.x, train.y)).rejects.toThrow(/model\.optimizer/);
  });
});
