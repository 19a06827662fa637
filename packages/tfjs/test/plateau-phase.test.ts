// The callback routes the epoch's val_loss to a SequentialLR whose second phase is a ReduceLROnPlateau.
import { LinearLR, ReduceLROnPlateau, SequentialLR } from '@anneal/core/schedulers';
import { beforeAll, describe, expect, it } from 'vitest';
import { annealCallback } from '../src/index.js';
import { cpu, denseModel, regressionData, tf } from './helpers.js';

beforeAll(cpu);

describe('annealCallback with warmup, then ReduceLROnPlateau', () => {
  it('warms up for 2 epochs, hands over at the base rate, then halves on a flat val_loss', async () => {
    const { x, y } = regressionData(64, 3);
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer, 7, false);
    const history = await model.fit(tf.tensor2d(x), tf.tensor2d(y), {
      epochs: 7,
      batchSize: 16,
      shuffle: false,
      verbose: 0,
      // No bias and an all-zero validation input: val_loss is exactly flat.
      validationData: [tf.zeros([8, 3]), tf.ones([8, 1])],
      callbacks: [
        annealCallback(tf, {
          per: 'epoch',
          scheduler: (b) =>
            new SequentialLR(b, {
              schedulers: [new LinearLR(b, { startFactor: 0.5, totalIters: 2 }), new ReduceLROnPlateau(b, { patience: 1, factor: 0.5 })],
              milestones: [2],
            }),
        }),
      ],
    });
    const lr = history.history.lr as number[];
    expect(lr.map((v) => Number(v.toPrecision(12)))).toEqual([0.05, 0.075, 0.1, 0.1, 0.05, 0.05, 0.025]);
  });
});
