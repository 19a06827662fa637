// annealCallback in real model.fit / model.fitDataset runs on a tiny dense regression model. A probe
// callback, listed after it, computes each batch's gradient before the step and measures the rate the
// SGD step actually used; history.history.lr must list the scheduled rates.
import {
  InvalidParameterError,
  SchedulerUsageError,
  cosine,
  exponential,
  oneCycle,
  sgdr,
} from '@anneal/core';
import {
  CosineAnnealingWarmRestarts,
  OneCycleLR,
  ReduceLROnPlateau,
  StepLR,
} from '@anneal/core/schedulers';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedOptimizerError, annealCallback, bindOptimizer, type OptimizerBinding } from '../src/index.js';
import { cpu, denseModel, regressionData, rel, sgdProbe, tf } from './helpers.js';

beforeAll(cpu);

const { x, y } = regressionData(64, 3);
const BATCH = 16; // 4 batches per epoch
const xs = () => tf.tensor2d(x);
const ys = () => tf.tensor2d(y);

type Step = ReturnType<typeof sgdProbe>['steps'][number];

/**
 * Every probed step used `expected(step)` and was a pure SGD step. Tolerance: 1e-4 relative, plus 5e-7
 * absolute for the float32 resolution of a weight change (weights are O(1)).
 */
function expectRates(steps: Step[], expected: (s: Step, index: number) => number): void {
  steps.forEach((s, i) => {
    const want = expected(s, i);
    expect(Math.abs(s.lr - want), `step ${i} (epoch ${s.epoch}, batch ${s.batch}): used ${s.lr}, scheduled ${want}`).toBeLessThan(1e-4 * want + 5e-7);
    expect(s.residual).toBeLessThan(1e-6);
    expect(s.optimizerLr).toBe(want);
  });
}

describe("model.fit, per: 'epoch'", () => {
  it('a pure cosine schedule: history.history.lr equals schedule.lr(epoch), and each step used it', async () => {
    const optimizer = tf.train.sgd(0.2);
    const model = denseModel(optimizer);
    const schedule = cosine({ tMax: 4, etaMin: 0.01 });
    const probe = sgdProbe(model, x, y, BATCH);
    const history = await model.fit(xs(), ys(), {
      epochs: 5,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      callbacks: [annealCallback(tf, { schedule, per: 'epoch' }), probe.callback],
    });
    const expected = [0, 1, 2, 3, 4].map((e) => schedule.lr(e, 0.2));
    expect(history.history.lr).toEqual(expected);
    expect(probe.steps).toHaveLength(20);
    expectRates(probe.steps, (s) => expected[s.epoch]!);
    const loss = history.history.loss as number[];
    expect(loss[4]!).toBeLessThan(loss[0]! / 2);
  });

  it('a stateful StepLR built on the binding continues across two fit() calls with the same callback', async () => {
    const optimizer = tf.train.sgd(0.2);
    const model = denseModel(optimizer);
    const scheduler = new StepLR(bindOptimizer(tf, optimizer), { stepSize: 2, gamma: 0.5 });
    const callback = annealCallback(tf, { scheduler, optimizer, per: 'epoch' });
    const probe = sgdProbe(model, x, y, BATCH);
    const first = await model.fit(xs(), ys(), { epochs: 3, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callback, probe.callback] });
    const second = await model.fit(xs(), ys(), { epochs: 6, initialEpoch: 3, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callback, probe.callback] });
    expect(first.history.lr).toEqual([0.2, 0.2, 0.1]);
    expect(second.history.lr).toEqual([0.1, 0.05, 0.05]);
    expectRates(probe.steps, (s) => 0.2 * 0.5 ** Math.floor(s.epoch / 2));
    expect(scheduler.lastEpoch).toBe(6);
  });

  it('ReduceLROnPlateau halves the rate after patience epochs of a flat val_loss', async () => {
    // No bias and an all-zero validation input: the prediction there is 0 whatever the weights, so
    // val_loss is exactly flat while training proceeds.
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer, 7, false);
    const probe = sgdProbe(model, x, y, BATCH);
    const history = await model.fit(xs(), ys(), {
      epochs: 7,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      validationData: [tf.zeros([8, 3]), tf.ones([8, 1])],
      callbacks: [annealCallback(tf, { scheduler: (b) => new ReduceLROnPlateau(b, { patience: 1, factor: 0.5 }), per: 'epoch' }), probe.callback],
    });
    const valLoss = history.history.val_loss as number[];
    expect(new Set(valLoss).size).toBe(1);
    expect(valLoss[0]).toBeCloseTo(1, 6);
    expect(history.history.lr).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    expectRates(probe.steps, (s) => (history.history.lr as number[])[s.epoch]!);
    expect((optimizer as unknown as { learningRate: number }).learningRate).toBe(0.0125);
  });

  it('ReduceLROnPlateau keeps the rate while val_loss improves', async () => {
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer);
    const val = regressionData(16, 99);
    const history = await model.fit(xs(), ys(), {
      epochs: 4,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      validationData: [tf.tensor2d(val.x), tf.tensor2d(val.y)],
      callbacks: [annealCallback(tf, { scheduler: (b) => new ReduceLROnPlateau(b, { patience: 0 }), per: 'epoch' })],
    });
    const valLoss = history.history.val_loss as number[];
    valLoss.slice(1).forEach((v, i) => expect(v).toBeLessThan(valLoss[i]! * (1 - 1e-4)));
    expect(history.history.lr).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('monitor: val_loss without validation data is refused when training starts', async () => {
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer);
    const callback = annealCallback(tf, { scheduler: (b) => new ReduceLROnPlateau(b), per: 'epoch' });
    await expect(model.fit(xs(), ys(), { epochs: 1, batchSize: BATCH, verbose: 0, callbacks: [callback] })).rejects.toThrow(
      /monitor must be a key of the epoch logs; this fit\(\) has no validation data, so there is no "val_loss"/,
    );
  });
});

describe("model.fit, per: 'batch'", () => {
  it('ReduceLROnPlateau stepped per batch reads each batch loss (logged by tfjs as a tensor) as a number', async () => {
    // The batch hooks of a pure schedule skip tfjs's log resolution; a plateau per batch must not.
    const optimizer = tf.train.sgd(0.05);
    const model = denseModel(optimizer);
    const losses: number[] = [];
    const rates: number[] = [];
    const recorder = new tf.CustomCallback({
      onBatchEnd: (_b, logs) => {
        losses.push(logs!.loss as number);
        rates.push((optimizer as unknown as { learningRate: number }).learningRate);
      },
    });
    const callback = annealCallback(tf, { scheduler: (b) => new ReduceLROnPlateau(b, { patience: 0, factor: 0.5, threshold: 0.5 }), per: 'batch', monitor: 'loss' });
    await model.fit(xs(), ys(), { epochs: 3, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callback, recorder] });
    expect(losses).toHaveLength(12);
    expect(losses.every((l) => typeof l === 'number' && Number.isFinite(l))).toBe(true);
    // The same plateau on a plain group, fed the losses the recorder saw, gives the rates after each batch.
    const group = { lr: 0.05 };
    const reference = new ReduceLROnPlateau({ paramGroups: [group] }, { patience: 0, factor: 0.5, threshold: 0.5 });
    const expected = losses.map((l) => {
      reference.step(l);
      return group.lr;
    });
    expect(rates).toEqual(expected);
    expect(new Set(expected).size).toBeGreaterThan(1); // the plateau did reduce the rate
  });

  it('the batch hooks return promises, settled at once for a schedule', async () => {
    const model = denseModel(tf.train.sgd(0.1));
    const callback = annealCallback(tf, { schedule: cosine({ tMax: 8 }), per: 'batch' });
    callback.setModel(model as never);
    callback.setParams({ epochs: 1, samples: 64, batchSize: BATCH, steps: null, doValidation: false } as never);
    await callback.onTrainBegin({});
    await callback.onEpochBegin(0, {});
    const begin = callback.onBatchBegin(0, {});
    expect(begin).toBeInstanceOf(Promise);
    await expect(begin).resolves.toBeUndefined();
    const logs: Record<string, number> = { loss: 1 };
    await expect(callback.onBatchEnd(0, logs)).resolves.toBeUndefined();
    expect(logs.lr).toBe(cosine({ tMax: 8 }).lr(0, 0.1));
  });

  it("OneCycleLR from a factory on a model compiled with optimizer: 'sgd'", async () => {
    const model = denseModel('sgd'); // tfjs makes SGD(0.01)
    const probe = sgdProbe(model, x, y, BATCH);
    const reference = { paramGroups: [{ lr: 0.01 }] };
    const refScheduler = new OneCycleLR(reference, { maxLr: 0.3, totalSteps: 12, finalDivFactor: 10, cycleMomentum: false });
    const expected: number[] = [];
    for (let i = 0; i < 12; i++) {
      expected.push(reference.paramGroups[0]!.lr);
      if (i < 11) refScheduler.step();
    }
    const history = await model.fit(xs(), ys(), {
      epochs: 3,
      batchSize: BATCH,
      shuffle: false,
      verbose: 0,
      callbacks: [
        annealCallback(tf, { scheduler: (b) => new OneCycleLR(b, { maxLr: 0.3, totalSteps: 12, finalDivFactor: 10, cycleMomentum: false }), per: 'batch' }),
        probe.callback,
      ],
    });
    expectRates(probe.steps, (_s, i) => expected[i]!);
    expect(probe.steps.map((s) => s.logsLr)).toEqual(expected);
    expect(history.history.lr).toEqual([expected[3], expected[7], expected[11]]);
    expect(new Set(expected).size).toBe(12);
  });

  it("ReduceLROnPlateau per batch watches the batch's loss", async () => {
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer);
    const probe = sgdProbe(model, x, y, BATCH);
    // An absolute threshold no loss can beat: every batch after the first is a bad one, so with
    // patience 0 each one halves the rate for the next.
    const scheduler = (b: OptimizerBinding) => new ReduceLROnPlateau(b, { patience: 0, factor: 0.5, thresholdMode: 'abs', threshold: 1e9 });
    await model.fit(xs(), ys(), { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [annealCallback(tf, { scheduler, per: 'batch', monitor: 'loss' }), probe.callback] });
    expectRates(probe.steps, (_s, i) => [0.1, 0.1, 0.05, 0.025][i]!);
    expect(probe.steps.map((s) => s.logsLr)).toEqual([0.1, 0.1, 0.05, 0.025]);
  });

  it("a pure schedule follows the optimizer's global step across fit() calls", async () => {
    const optimizer = tf.train.sgd(0.1);
    const model = denseModel(optimizer);
    const schedule = exponential({ gamma: 0.8 });
    const probe = sgdProbe(model, x, y, BATCH);
    await model.fit(xs(), ys(), { epochs: 2, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [annealCallback(tf, { schedule, per: 'batch' }), probe.callback] });
    // A new callback: the schedule resumes at optimizer.iterations = 8.
    await model.fit(xs(), ys(), { epochs: 1, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [annealCallback(tf, { schedule, per: 'batch' }), probe.callback] });
    expect(probe.steps).toHaveLength(12);
    expectRates(probe.steps, (_s, t) => schedule.lr(t, 0.1));
    expect(optimizer.iterations).toBe(12);
  });

  it('SGDR per batch with fractional epochs: batch b of epoch e uses the rate at e + b/4 (pure and stateful agree)', async () => {
    const runs: number[][] = [];
    for (const options of [
      { schedule: sgdr({ t0: 1, tMult: 2, etaMin: 0.001 }) },
      { scheduler: (b: OptimizerBinding) => new CosineAnnealingWarmRestarts(b, { t0: 1, tMult: 2, etaMin: 0.001 }) },
    ]) {
      const optimizer = tf.train.sgd(0.2);
      const model = denseModel(optimizer);
      const probe = sgdProbe(model, x, y, BATCH);
      await model.fit(xs(), ys(), {
        epochs: 4,
        batchSize: BATCH,
        shuffle: false,
        verbose: 0,
        callbacks: [annealCallback(tf, { ...options, per: 'batch', fractionalEpochs: true }), probe.callback],
      });
      const reference = sgdr({ t0: 1, tMult: 2, etaMin: 0.001 });
      probe.steps.forEach((s) => {
        expect(rel(s.lr, reference.lr(s.epoch + s.batch / 4, 0.2))).toBeLessThan(1e-4);
        expect(s.optimizerLr).toBeCloseTo(reference.lr(s.epoch + s.batch / 4, 0.2), 14);
      });
      runs.push(probe.steps.map((s) => s.optimizerLr));
    }
    expect(runs[0]).toHaveLength(16);
    runs[0]!.forEach((v, i) => expect(runs[1]![i]).toBeCloseTo(v, 14));
    // Restarts at epochs 1 and 3: the peak comes back.
    expect(runs[0]![4]).toBeCloseTo(0.2, 14);
    expect(runs[0]![12]).toBeCloseTo(0.2, 14);
  });
});

describe('model.fitDataset', () => {
  const dataset = () => tf.data.zip({ xs: tf.data.array(x), ys: tf.data.array(y) }).batch(BATCH) as tf.data.Dataset<tf.TensorContainer>;
  const unsized = () =>
    tf.data
      .generator(function* () {
        for (let i = 0; i < x.length; i++) yield { xs: x[i]!, ys: y[i]! };
      })
      .batch(BATCH) as tf.data.Dataset<tf.TensorContainer>;

  it('fractional epochs with the batch count taken from the dataset, and from stepsPerEpoch', async () => {
    const schedule = sgdr({ t0: 2 });
    for (const [ds, extra] of [
      [dataset(), {}],
      [unsized(), { stepsPerEpoch: 4 }],
    ] as const) {
      const optimizer = tf.train.sgd(0.2);
      const model = denseModel(optimizer);
      const probe = sgdProbe(model, x, y, BATCH);
      const history = await model.fitDataset(ds, { epochs: 2, verbose: 0, callbacks: [annealCallback(tf, { schedule, per: 'batch', fractionalEpochs: true, ...extra }), probe.callback] });
      expect(probe.steps).toHaveLength(8);
      expectRates(probe.steps, (s) => schedule.lr(s.epoch + s.batch / 4, 0.2));
      expect(history.history.lr).toEqual([schedule.lr(0.75, 0.2), schedule.lr(1.75, 0.2)]);
    }
  });

  it('a dataset of unknown size without stepsPerEpoch is refused when training starts', async () => {
    const model = denseModel(tf.train.sgd(0.2));
    await expect(
      model.fitDataset(unsized(), { epochs: 1, verbose: 0, callbacks: [annealCallback(tf, { schedule: sgdr({ t0: 2 }), per: 'batch', fractionalEpochs: true })] }),
    ).rejects.toThrow(/^stepsPerEpoch must be an integer >= 1 with fractionalEpochs/);
  });
});

describe('mixing with other callbacks', () => {
  it('works next to tf.callbacks.earlyStopping and a plain tf.CustomCallback, which sees logs.lr', async () => {
    const optimizer = tf.train.sgd(0.2);
    const model = denseModel(optimizer);
    const schedule = cosine({ tMax: 3 });
    const seen: unknown[] = [];
    const history = await model.fit(xs(), ys(), {
      epochs: 3,
      batchSize: BATCH,
      verbose: 0,
      callbacks: [
        annealCallback(tf, { schedule, per: 'epoch' }),
        tf.callbacks.earlyStopping({ monitor: 'loss', patience: 10 }),
        new tf.CustomCallback({ onEpochEnd: (_e, logs) => void seen.push(logs?.lr) }),
      ],
    });
    const expected = [0, 1, 2].map((e) => schedule.lr(e, 0.2));
    expect(seen).toEqual(expected);
    expect(history.history.lr).toEqual(expected);
  });
});

describe('errors', () => {
  const sched = cosine({ tMax: 3 });
  it('bad options are refused at construction, naming the option and the value', () => {
    const bad: [unknown, RegExp][] = [
      [{ schedule: sched }, /^per must be one of "epoch", "batch", got undefined/],
      [{ per: 'epoch' }, /^schedule must be given, or scheduler given/],
      [{ schedule: sched, scheduler: () => null, per: 'epoch' }, /^schedule must be given, or scheduler given, but not both/],
      [{ schedule: sched, per: 'step' }, /^per must be one of "epoch", "batch", got "step"/],
      [{ schedule: sched, per: 'epoch', warmup: 3 }, /^warmup must be absent \(unknown option; known: /],
      [{ schedule: sched, per: 'epoch', fractionalEpochs: true }, /^fractionalEpochs must be false unless per is "batch"/],
      [{ schedule: sched, per: 'epoch', stepsPerEpoch: 4 }, /^stepsPerEpoch must be absent unless per is "batch"/],
      [{ schedule: sched, per: 'batch', fractionalEpochs: true, stepsPerEpoch: 0 }, /^stepsPerEpoch must be an integer >= 1, got 0/],
      [{ schedule: sched, per: 'epoch', monitor: 'val_loss' }, /^monitor must be absent: only ReduceLROnPlateau reads a metric/],
      [{ schedule: { lr: 1 }, per: 'epoch' }, /^schedule must be a pure anneal schedule \(cosine\({ tMax: 20 }\), ...\) or its JSON/],
      [{ scheduler: new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 1 }), per: 'epoch' }, /^scheduler\.optimizer must be a binding from bindOptimizer/],
    ];
    for (const [options, message] of bad) {
      expect(() => annealCallback(tf, options as never)).toThrow(InvalidParameterError);
      expect(() => annealCallback(tf, options as never)).toThrow(message);
    }
    const binding = bindOptimizer(tf, tf.train.sgd(0.1));
    expect(() => annealCallback(tf, { scheduler: new StepLR(binding, { stepSize: 1 }), per: 'batch', fractionalEpochs: true })).toThrow(
      /^fractionalEpochs must be false for the scheduler of kind StepLR/,
    );
    expect(() => annealCallback(tf, { scheduler: new ReduceLROnPlateau(binding), per: 'batch', monitor: 'val_loss' })).toThrow(/^monitor must be a key of the batch logs/);
    expect(() => annealCallback({ scalar: tf.scalar } as never, { schedule: sched, per: 'epoch' })).toThrow(/^tf must be the TensorFlow\.js namespace/);
  });

  it('a callback for another optimizer, or a momentum schedule on plain SGD, fails fit() with a typed error', async () => {
    const model = denseModel(tf.train.sgd(0.1));
    const fit = (callback: tf.CustomCallback) => model.fit(xs(), ys(), { epochs: 1, batchSize: BATCH, verbose: 0, callbacks: [callback] });
    const other = tf.train.sgd(0.1);
    await expect(fit(annealCallback(tf, { schedule: sched, optimizer: other, per: 'epoch' }))).rejects.toThrow(SchedulerUsageError);
    await expect(fit(annealCallback(tf, { scheduler: new StepLR(bindOptimizer(tf, other), { stepSize: 1 }), per: 'epoch' }))).rejects.toThrow(
      /the scheduler drives another optimizer/,
    );
    await expect(fit(annealCallback(tf, { schedule: oneCycle({ maxLr: 0.1, totalSteps: 4 }), per: 'batch' }))).rejects.toThrow(UnsupportedOptimizerError);
    await expect(fit(annealCallback(tf, { scheduler: () => new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 1 }), per: 'epoch' }))).rejects.toThrow(
      /^scheduler must be a function returning an anneal scheduler built on the binding it receives/,
    );
    const adamax = denseModel(tf.train.adamax(0.002, 0.9, 0.999, undefined, 0.1));
    await expect(
      adamax.fit(xs(), ys(), { epochs: 1, verbose: 0, callbacks: [annealCallback(tf, { schedule: sched, per: 'epoch' })] }),
    ).rejects.toThrow(/^optimizer\.decay must be 0/);
  });
});
