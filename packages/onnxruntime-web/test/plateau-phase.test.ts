// The feeder hands the metric to a SequentialLR whose second phase is a ReduceLROnPlateau.
import { SchedulerUsageError } from '@anneal/core';
import { LinearLR, ReduceLROnPlateau, SequentialLR } from '@anneal/core/schedulers';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeeder } from '../src/index.js';
import { echoSession } from './support/graphs.js';

let s: ort.InferenceSession;
beforeAll(async () => {
  s = await echoSession([{ name: 'lr', type: 'float32', shape: [] }]);
});
afterAll(async () => {
  await s.release();
});

describe('createFeeder with warmup, then ReduceLROnPlateau', () => {
  it('warms up, hands over at the base rate, and cuts on a flat metric', () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const scheduler = new SequentialLR(optimizer, {
      schedulers: [new LinearLR(optimizer, { startFactor: 0.5, totalIters: 2 }), new ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 })],
      milestones: [2],
    });
    const feeder = createFeeder(ort, s, scheduler, { metricOutput: 'lr_out' }); // as for a bare ReduceLROnPlateau
    const rates = [feeder.lr];
    for (const metric of [1, 1, 1, 1]) {
      feeder.step(metric);
      rates.push(feeder.lr);
    }
    // Warmup 0.05, 0.075; hand-over at step 2 (0.1, the metric is the plateau's first); flat: halved each step.
    expect(rates.map((v) => Number(v.toPrecision(12)))).toEqual([0.05, 0.075, 0.1, 0.05, 0.025]);
    expect(() => feeder.step()).toThrow(SchedulerUsageError);
  });
});
