// PyTorch-spelled (and anneal-spelled) JSON wherever the callback takes a schedule or a scheduler, and
// plain callback objects listed beside it.
import { beforeAll, describe, expect, it } from 'vitest';
import { SchedulerUsageError } from '@anneal/core';
import { annealCallback } from '../src/index.js';
import { cpu, denseModel, regressionData, tf } from './helpers.js';

const data = regressionData(8, 2);
let xs: tf.Tensor2D;
let ys: tf.Tensor2D;
beforeAll(async () => {
  await cpu();
  xs = tf.tensor2d(data.x);
  ys = tf.tensor2d(data.y);
});

const fit = (callbacks: unknown, epochs = 3) => denseModel(tf.train.sgd(0.1)).fit(xs, ys, { epochs, batchSize: 4, verbose: 0, callbacks: callbacks as tf.CustomCallback[] });

describe('JSON sources', () => {
  it("scheduler: PyTorch's { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }", async () => {
    const callback = annealCallback(tf, { scheduler: { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }, per: 'epoch' });
    const history = await fit([callback]);
    expect(history.history.lr).toEqual([0.1, 0.05, 0.025]);
    expect(callback.scheduler!.kind).toBe('ExponentialLR');
  });

  it("schedule: PyTorch's { scheduler: 'CosineAnnealingLR', kwargs: { T_max: 2 } } and anneal's { type: 'cosine', tMax: 2 }", async () => {
    for (const schedule of [{ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 2 } }, { type: 'cosine', tMax: 2 }] as const) {
      const history = await fit([annealCallback(tf, { schedule, per: 'epoch', stepCheck: 'off' })]);
      expect(history.history.lr![0]).toBe(0.1);
      expect(history.history.lr![1]).toBeCloseTo(0.05, 15);
      expect(history.history.lr![2]).toBe(0);
    }
  });

  it('schedule and scheduler together: a type error, and an InvalidParameterError at run time', () => {
    expect(() =>
      // @ts-expect-error: the options are a union, schedule xor scheduler
      annealCallback(tf, { schedule: { type: 'cosine', tMax: 2 }, scheduler: { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }, per: 'epoch' }),
    ).toThrow(/^schedule must be given, or scheduler given, but not both/);
  });

  it('a bad spec is refused at construction, naming its path', () => {
    expect(() => annealCallback(tf, { scheduler: { scheduler: 'ExponentialLR', kwargs: { gama: 0.5 } }, per: 'epoch' })).toThrow(/gama/);
    expect(() => annealCallback(tf, { schedule: { type: 'cosine', tMax: -1 }, per: 'epoch' })).toThrow(/tMax/);
  });
});

describe('plain callback objects beside annealCallback', () => {
  it('a plain object first: SchedulerUsageError saying to wrap it in tf.CustomCallback, before any step', async () => {
    const run = fit([{ onEpochEnd: () => {} }, annealCallback(tf, { scheduler: { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }, per: 'epoch' })]);
    await expect(run).rejects.toThrow(SchedulerUsageError);
    await expect(fit([{ onEpochEnd: () => {} }, annealCallback(tf, { schedule: { type: 'cosine', tMax: 3 }, per: 'epoch' })])).rejects.toThrow(
      /mixing plain objects .* Wrap each plain object: callbacks: \[annealCallback\(tf, \{\.\.\.\}\), new tf\.CustomCallback\(\{ onEpochEnd\(\) \{\.\.\.\} \}\)\]/,
    );
  });

  it('wrapped in tf.CustomCallback, both run', async () => {
    const seen: number[] = [];
    const history = await fit([
      annealCallback(tf, { scheduler: { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }, per: 'epoch' }),
      new tf.CustomCallback({ onEpochEnd: (_e, logs) => void seen.push(logs!.lr as number) }),
    ]);
    expect(seen).toEqual(history.history.lr);
  });
});
