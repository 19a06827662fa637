// End to end: a linear-regression SGD step exported as standard ONNX ops (examples/), run by
// onnxruntime-web's wasm backend under Node, with the learning rate fed by the feeder each step.
import { sgdr } from '@anneal/core';
import { CosineAnnealingWarmRestarts, ReduceLROnPlateau } from '@anneal/core/schedulers';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { linearRegressionStep } from '../examples/linear-regression-step.js';
import { createFeeder } from '../src/index.js';
import { gradient, makeDataset, miniBatch, updateError as checkUpdate } from './support/regression.js';

const W_TRUE = [0.75, -0.5, 0.25];
const D = W_TRUE.length;
const BATCH = 16;
const data = makeDataset({ n: 512, wTrue: W_TRUE, noise: 0.3, seed: 7 });
const NOISE_FLOOR = 0.3 ** 2;

interface StepRecord {
  t: number;
  fedLr: number;
  wOld: Float32Array;
  wNew: Float32Array;
  G: Float64Array;
  loss: number;
}

/** The update check of support/regression.ts on one recorded step. */
function updateError(r: StepRecord, lr: number): number {
  return checkUpdate(r.wOld, r.wNew, r.G, lr);
}

function tensor(data: Float32Array, dims: number[]): ort.Tensor {
  return new ort.Tensor('float32', data, dims);
}

describe('training a linear regression with an SGDR-fed learning rate', () => {
  it('applies W_new = W − lr·G with the scheduled lr at every one of 300 steps, and the loss falls', async () => {
    const session = await ort.InferenceSession.create(linearRegressionStep({ features: D }));
    const schedule = sgdr({ t0: 50, tMult: 2, etaMin: 0.002 });
    const baseLr = 0.1;
    const feeder = createFeeder(ort, session, schedule, { baseLr });
    expect(feeder.lrInput).toBe('lr');
    expect(feeder.stepInput).toBeNull();

    let W: Float32Array = new Float32Array(D);
    const records: StepRecord[] = [];
    for (let t = 0; t < 300; t++) {
      const { X, y } = miniBatch(data, t, BATCH);
      expect(feeder.currentStep).toBe(t);
      const feeds = feeder.feeds({ X: tensor(X, [BATCH, D]), y: tensor(y, [BATCH]), W: tensor(W, [D]) });
      const fedLr = (feeds.lr!.data as Float32Array)[0]!;
      const out = await session.run(feeds);
      feeder.step();
      const wNew = out.W_new!.data as Float32Array;
      records.push({ t, fedLr, wOld: W, wNew, G: gradient(X, y, W), loss: (out.loss!.data as Float32Array)[0]! });
      W = wNew;
    }

    // the rate fed is the schedule's, rounded to the float32 input; restarts at 50 and 150
    for (const r of records) expect(r.fedLr).toBe(Math.fround(schedule.lr(r.t, baseLr)));
    expect(records[49]!.fedLr).toBeLessThan(0.003);
    expect(records[50]!.fedLr).toBe(Math.fround(baseLr));
    expect(records[150]!.fedLr).toBe(Math.fround(baseLr));

    // every step: W_new − W_old == −lr·G within float32 rounding, G recomputed here from the same batch
    const errors = records.map((r) => updateError(r, r.fedLr));
    expect(Math.max(...errors)).toBeLessThanOrEqual(1);
    // and the check is sharp: the neighbouring step's rate would fail it on most steps
    const offByOne = records.slice(0, -1).filter((r) => updateError(r, records[r.t + 1]!.fedLr) > 1).length;
    expect(offByOne).toBeGreaterThan(0.9 * 299);

    // the loss falls from ~1.5 at W = 0 to the noise floor 0.09, and W reaches the true weights
    const lastLosses = records.slice(-50).map((r) => r.loss);
    expect(records[0]!.loss).toBeGreaterThan(10 * NOISE_FLOOR);
    expect(lastLosses.reduce((a, b) => a + b, 0) / lastLosses.length).toBeLessThan(1.5 * NOISE_FLOOR);
    for (let j = 0; j < D; j++) expect(W[j]).toBeCloseTo(W_TRUE[j]!, 1);
    await session.release();
  });

  it('drives a stateful CosineAnnealingWarmRestarts into a float64 [1] lr input and an int64 step input', async () => {
    const session = await ort.InferenceSession.create(
      linearRegressionStep({ features: D, lrName: 'learning_rate', lrType: 'float64', lrShape: [1], withStep: true }),
    );
    const optimizer = { paramGroups: [{ lr: 0.08 }] };
    const scheduler = new CosineAnnealingWarmRestarts(optimizer, { t0: 25, etaMin: 0.001 });
    const feeder = createFeeder(ort, session, scheduler);
    expect(feeder.lrInput).toBe('learning_rate');
    expect(feeder.stepInput).toBe('step');

    let W: Float32Array = new Float32Array(D);
    const losses: number[] = [];
    for (let t = 0; t < 100; t++) {
      const { X, y } = miniBatch(data, t, BATCH);
      const lrBefore = optimizer.paramGroups[0]!.lr;
      expect(feeder.lr).toBe(lrBefore);
      const out = await feeder.trainStep({ X: tensor(X, [BATCH, D]), y: tensor(y, [BATCH]), W: tensor(W, [D]) });
      // the graph saw this step's index and the scheduler's rate (cast to float32 inside the graph)
      expect(out.step_seen!.data).toEqual(BigInt64Array.from([BigInt(t)]));
      const wNew = out.W_new!.data as Float32Array;
      const r = { t, fedLr: lrBefore, wOld: W, wNew, G: gradient(X, y, W), loss: 0 };
      expect(updateError(r, Math.fround(lrBefore))).toBeLessThanOrEqual(1);
      // trainStep stepped the scheduler: the group now holds the next rate
      expect(scheduler.lastEpoch).toBe(t + 1);
      losses.push((out.loss!.data as Float32Array)[0]!);
      W = wNew;
    }
    expect(scheduler.getLastLr()[0]).toBeCloseTo(0.08, 12); // 100 = 4 · 25: a restart
    expect(losses.slice(-25).reduce((a, b) => a + b, 0) / 25).toBeLessThan(1.5 * NOISE_FLOOR);
    await session.release();
  });

  it('passes the loss output to ReduceLROnPlateau, which cuts the rate once training stalls', async () => {
    const session = await ort.InferenceSession.create(linearRegressionStep({ features: D }));
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const plateau = new ReduceLROnPlateau(optimizer, { patience: 5, factor: 0.5 });
    const feeder = createFeeder(ort, session, plateau);
    let W: Float32Array = new Float32Array(D);
    const fed: number[] = [];
    for (let t = 0; t < 120; t++) {
      const { X, y } = miniBatch(data, t, BATCH);
      fed.push(feeder.lr);
      const out = await feeder.trainStep({ X: tensor(X, [BATCH, D]), y: tensor(y, [BATCH]), W: tensor(W, [D]) });
      W = out.W_new!.data as Float32Array;
    }
    // starts at 0.1, only ever halves, and has halved at least twice by the end
    expect(fed[0]).toBe(0.1);
    expect(fed.findIndex((lr) => lr < 0.1)).toBeGreaterThan(5); // not before `patience` bad steps
    for (let i = 1; i < fed.length; i++) expect([fed[i - 1], fed[i - 1]! * 0.5]).toContain(fed[i]);
    expect(fed[fed.length - 1]).toBeLessThanOrEqual(0.025);
    expect(plateau.lastEpoch).toBe(120);
    await session.release();
  });
});
