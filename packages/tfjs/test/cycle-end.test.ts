// onCycleEnd: called once at each SGDR cycle end, per epoch and per batch; refused without restarts; the
// snapshot-ensemble example built on it.
import { InvalidParameterError, cosine, sgdr } from '@anneal/core';
import { CosineAnnealingWarmRestarts } from '@anneal/core/schedulers';
import { beforeAll, describe, expect, it } from 'vitest';
import { annealCallback, type CycleEndInfo } from '../src/index.js';
import { snapshotEnsemble } from '../examples/snapshot-ensemble.js';
import { cpu, denseModel, regressionData, tf } from './helpers.js';

beforeAll(cpu);

const { x, y } = regressionData(64, 3);

describe('annealCallback onCycleEnd', () => {
  it('per epoch: after the epochs that end cycles of 2, 4 and 8, with the low rate just used', async () => {
    const model = denseModel(tf.train.sgd(0.1));
    const seen: Omit<CycleEndInfo, 'model'>[] = [];
    const history = await model.fit(tf.tensor2d(x), tf.tensor2d(y), {
      epochs: 15,
      batchSize: 16,
      verbose: 0,
      callbacks: [
        annealCallback(tf, {
          schedule: sgdr({ t0: 2, tMult: 2 }),
          per: 'epoch',
          onCycleEnd: ({ cycle, at, epoch, model: m }) => {
            expect(m.getWeights().length).toBe(model.getWeights().length); // the model fit() trains (tfjs hands its inner LayersModel)
            seen.push({ cycle, at, epoch });
          },
        }),
      ],
    });
    expect(seen).toEqual([
      { cycle: 0, at: 2, epoch: 1 },
      { cycle: 1, at: 6, epoch: 5 },
      { cycle: 2, at: 14, epoch: 13 },
    ]);
    const lr = history.history.lr as number[];
    for (const { epoch } of seen) {
      expect(lr[epoch]!).toBe(sgdr({ t0: 2, tMult: 2 }).lr(epoch, 0.1)); // the last, lowest rate of the cycle
      expect(lr[epoch]!).toBeLessThan(lr[epoch - 1]!);
      expect(lr[epoch + 1]).toBe(0.1); // the restart
    }
  });

  it('per batch, with a CosineAnnealingWarmRestarts built by a factory, across two fit() calls', async () => {
    const model = denseModel(tf.train.sgd(0.1));
    const ends: number[] = [];
    const callback = annealCallback(tf, {
      scheduler: (b) => new CosineAnnealingWarmRestarts(b, { t0: 3 }),
      per: 'batch',
      onCycleEnd: async ({ at }) => {
        await Promise.resolve();
        ends.push(at);
      },
    });
    await model.fit(tf.tensor2d(x), tf.tensor2d(y), { epochs: 2, batchSize: 16, verbose: 0, callbacks: [callback] }); // 8 steps
    expect(ends).toEqual([3, 6]);
    await model.fit(tf.tensor2d(x), tf.tensor2d(y), { epochs: 1, batchSize: 16, verbose: 0, callbacks: [callback] }); // steps 9-12
    expect(ends).toEqual([3, 6, 9, 12]);
  });

  it('is refused for a schedule without restarts, and when not a function', async () => {
    expect(() => annealCallback(tf, { schedule: cosine({ tMax: 10 }), per: 'epoch', onCycleEnd: () => {} })).toThrow(InvalidParameterError);
    expect(() => annealCallback(tf, { schedule: cosine({ tMax: 10 }), per: 'epoch', onCycleEnd: () => {} })).toThrow(/onCycleEnd must be absent unless the schedule restarts/);
    expect(() => annealCallback(tf, { schedule: sgdr({ t0: 2 }), per: 'epoch', onCycleEnd: 3 as never })).toThrow(/onCycleEnd must be a function/);
  });
});

describe('examples/snapshot-ensemble.ts', () => {
  it('snapshots at epochs 5, 15 and 35; the ensemble is at least as accurate as its best member', async () => {
    const r = await snapshotEnsemble();
    if (process.env.ANNEAL_REPORT) console.log(JSON.stringify(r));
    expect(r.cycleEnds).toEqual([5, 15, 35]);
    expect(r.ensembleAccuracy).toBeGreaterThanOrEqual(Math.max(...r.snapshotAccuracy) - 0.005);
    expect(r.ensembleAccuracy).toBeGreaterThan(0.8);
  }, 120_000);
});
