// A custom training loop (optimizer.minimize on a real tiny model) driven through bindOptimizer: each
// SGD step moves the weights by exactly -lr·grad for the rate the schedule gave at that step.
import { cosine, warmup } from '@anneal/core';
import { OneCycleLR, ScheduleLR } from '@anneal/core/schedulers';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindOptimizer } from '../src/index.js';
import { cpu, denseModel, gradients, impliedRate, regressionData, rel, tf, weights } from './helpers.js';

beforeAll(cpu);

const { x, y } = regressionData(64, 11);
const BATCH = 16;

function lossOn(model: tf.LayersModel, xb: number[][], yb: number[][]): tf.Scalar {
  return tf.losses.meanSquaredError(tf.tensor2d(yb), model.apply(tf.tensor2d(xb)) as tf.Tensor) as tf.Scalar;
}

describe('custom loop with optimizer.minimize', () => {
  it('SGD + ScheduleLR(warmup → cosine): every step uses the scheduled rate, and the model learns', () => {
    const optimizer = tf.train.sgd(0.3);
    const model = denseModel(optimizer);
    const schedule = warmup({ steps: 4, startFactor: 0.1 }, cosine({ tMax: 12, etaMin: 0.01 }));
    const scheduler = new ScheduleLR(bindOptimizer(tf, optimizer), schedule);
    const firstLoss = tf.tidy(() => lossOn(model, x, y).dataSync()[0]!);
    const rates: number[] = [];
    for (let t = 0; t < 16; t++) {
      const b = t % 4;
      const xb = x.slice(b * BATCH, (b + 1) * BATCH);
      const yb = y.slice(b * BATCH, (b + 1) * BATCH);
      const grad = gradients(model, xb, yb);
      const before = weights(model);
      tf.tidy(() => {
        optimizer.minimize(() => lossOn(model, xb, yb));
      });
      const { lr, residual } = impliedRate(before, weights(model), grad);
      const expected = schedule.lr(t, 0.3);
      rates.push(expected);
      expect(rel(lr, expected)).toBeLessThan(1e-4);
      expect(residual).toBeLessThan(1e-6);
      scheduler.step();
    }
    // The rates really vary (warmup up, cosine down), so a one-step lag would have failed above.
    expect(Math.min(...rates)).toBeLessThan(0.05);
    expect(Math.max(...rates)).toBeCloseTo(0.3, 12);
    const lastLoss = tf.tidy(() => lossOn(model, x, y).dataSync()[0]!);
    expect(lastLoss).toBeLessThan(firstLoss / 4);
    expect(optimizer.iterations).toBe(16);
  });

  it('Momentum + OneCycleLR (rate and momentum cycled) trains without leaking tensors', () => {
    const optimizer = tf.train.momentum(0.01, 0.9);
    const model = denseModel(optimizer);
    const scheduler = new OneCycleLR(bindOptimizer(tf, optimizer), { maxLr: 0.2, totalSteps: 40 });
    const firstLoss = tf.tidy(() => lossOn(model, x, y).dataSync()[0]!);
    tf.tidy(() => {
      optimizer.minimize(() => lossOn(model, x.slice(0, BATCH), y.slice(0, BATCH)));
    });
    scheduler.step();
    const tensors = tf.memory().numTensors;
    const momenta = new Set<number>();
    for (let t = 1; t < 40; t++) {
      const b = t % 4;
      tf.tidy(() => {
        optimizer.minimize(() => lossOn(model, x.slice(b * BATCH, (b + 1) * BATCH), y.slice(b * BATCH, (b + 1) * BATCH)));
      });
      momenta.add(optimizer.getConfig().momentum as number);
      if (t < 40 - 1) scheduler.step();
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(momenta.size).toBeGreaterThan(20);
    expect(tf.tidy(() => lossOn(model, x, y).dataSync()[0]!)).toBeLessThan(firstLoss / 4);
  });
});
