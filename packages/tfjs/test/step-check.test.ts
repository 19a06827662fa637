// The step-unit check when training starts: the schedule's length against per, the epochs and the
// batches per epoch, with the numbers and the fix in the error; warnings through onWarning.
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidParameterError, cosine, oneCycle } from '@anneal/core';
import { CosineAnnealingLR, OneCycleLR } from '@anneal/core/schedulers';
import { annealCallback } from '../src/index.js';
import { cpu, denseModel, regressionData, tf } from './helpers.js';

const data = regressionData(60, 5);
let xs: tf.Tensor2D;
let ys: tf.Tensor2D;
beforeAll(async () => {
  await cpu();
  xs = tf.tensor2d(data.x);
  ys = tf.tensor2d(data.y);
});

// 60 samples, batch 5: 12 batches per epoch; 8 epochs: 96 optimizer steps.
const fit = (callback: tf.CustomCallback, optimizer: tf.Optimizer = tf.train.momentum(0.01, 0.9)) =>
  denseModel(optimizer).fit(xs, ys, { epochs: 8, batchSize: 5, verbose: 0, callbacks: [callback] });

describe('stepCheck: certain mistakes stop before the first batch', () => {
  it('OneCycleLR sized in batches (totalSteps 96) but per: epoch: InvalidParameterError naming per, with the numbers', async () => {
    const optimizer = tf.train.momentum(0.01, 0.9);
    const run = fit(annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.1, epochs: 8, stepsPerEpoch: 12 }), per: 'epoch' }), optimizer);
    await expect(run).rejects.toThrow(InvalidParameterError);
    await expect(fit(annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.1, totalSteps: 96 }), per: 'epoch' }))).rejects.toThrow(
      'per must be "batch" for a OneCycleLR sized in batches: OneCycleLR has totalSteps = 96 = 8 epochs × 12 batches, but per: \'epoch\' steps it 8 times (the rate would stop at 8 % of the schedule); pass per: \'batch\', or totalSteps: 8 to step it per epoch, got "epoch"',
    );
    expect(optimizer.iterations).toBe(0);
  });

  it('OneCycleLR sized too small per batch (totalSteps 90 < 96): the fix gives epochs and stepsPerEpoch', async () => {
    await expect(fit(annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.1, totalSteps: 90 }), per: 'batch' }))).rejects.toThrow(
      /^totalSteps must be >= 96: this fit\(\) steps the OneCycleLR 96 times over 96 optimizer steps \(8 epochs × 12 batches, per: 'batch'\), and it stops with "Tried to step 92 times" past totalSteps; build it with \{ epochs: 8, stepsPerEpoch: 12 \} \(totalSteps = 96\), got 90/,
    );
  });

  it('CosineAnnealingLR with tMax = epochs stepped per batch: InvalidParameterError naming per', async () => {
    await expect(fit(annealCallback(tf, { scheduler: (b) => new CosineAnnealingLR(b, { tMax: 8 }), per: 'batch' }), tf.train.sgd(0.1))).rejects.toThrow(
      /^per must be "epoch" for a CosineAnnealingLR sized in epochs: CosineAnnealingLR has tMax = 8, the number of epochs, but per: 'batch' steps it 96 times \(8 × 12\); pass per: 'epoch', or tMax: 96 to keep stepping per batch, got "batch"/,
    );
  });

  it('a pure cosine({ tMax: 8 }) per batch: the same check', async () => {
    await expect(fit(annealCallback(tf, { schedule: cosine({ tMax: 8 }), per: 'batch' }), tf.train.sgd(0.1))).rejects.toThrow(/^per must be "epoch" for a cosine sized in epochs/);
  });

  it("stepCheck: 'warn' turns them into warnings, and training runs", async () => {
    const warnings: string[] = [];
    const history = await fit(annealCallback(tf, { schedule: oneCycle({ totalSteps: 96 }), per: 'epoch', stepCheck: 'warn', onWarning: (m) => warnings.push(m) }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^annealCallback: per = "epoch": expected "batch" for a oneCycle sized in batches/);
    expect(history.history.lr).toHaveLength(8);
  });
});

describe('stepCheck: likely mistakes are warnings, silenced with stepCheck: off', () => {
  it('CosineAnnealingLR with tMax 6 over 8 epochs: the rate climbs back; one warning with the numbers', async () => {
    const warnings: string[] = [];
    await fit(annealCallback(tf, { scheduler: (b) => new CosineAnnealingLR(b, { tMax: 6 }), per: 'epoch', onWarning: (m) => warnings.push(m) }), tf.train.sgd(0.1));
    expect(warnings).toEqual([
      "annealCallback: CosineAnnealingLR has tMax = 6 but the run takes 8 epochs (per: 'epoch'): past step 6 the rate climbs back up towards the base rate (PyTorch's cosine). Set tMax: 8, or stepCheck: 'off' if this is intended.",
    ]);
  });

  it('OneCycleLR for 96 steps, fit() for 4 of the 8 epochs: the cycle stops at 50 %', async () => {
    const warnings: string[] = [];
    await denseModel(tf.train.momentum(0.01, 0.9)).fit(xs, ys, {
      epochs: 4,
      batchSize: 5,
      verbose: 0,
      callbacks: [annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.1, epochs: 8, stepsPerEpoch: 12 }), per: 'batch', onWarning: (m) => warnings.push(m) })],
    });
    expect(warnings).toEqual([
      "annealCallback: OneCycleLR has totalSteps = 96 but the run takes 48 optimizer steps (4 epochs × 12 batches, per: 'batch'): the cycle stops at 50 % of it. Set totalSteps: 48, or stepCheck: 'off' if you resume the rest later.",
    ]);
  });

  it("stepCheck: 'off' checks nothing", async () => {
    const warnings: string[] = [];
    await fit(annealCallback(tf, { scheduler: (b) => new CosineAnnealingLR(b, { tMax: 6 }), per: 'epoch', stepCheck: 'off', onWarning: (m) => warnings.push(m) }), tf.train.sgd(0.1));
    expect(warnings).toEqual([]);
  });

  it('a run that fits raises nothing', async () => {
    const warnings: string[] = [];
    await fit(annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.1, epochs: 8, stepsPerEpoch: 12 }), per: 'batch', onWarning: (m) => warnings.push(m) }));
    await fit(annealCallback(tf, { scheduler: (b) => new CosineAnnealingLR(b, { tMax: 8 }), per: 'epoch', onWarning: (m) => warnings.push(m) }), tf.train.sgd(0.1));
    expect(warnings).toEqual([]);
  });
});
