// Resuming model.fit: a run interrupted after 3 of 6 epochs and resumed on a fresh model and a fresh
// optimizer (weights copied, the scheduler's state through JSON) trains every batch at the rate, and with
// the momentum, of the uninterrupted run, bit for bit, and ends with the same weights. Every scheduler kind,
// per epoch and per batch, fractional epochs where the kind takes them, by the two recipes: the state
// loaded into a scheduler built on a fresh binding, and the `state` option with a factory.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SchedulerUsageError,
  cosine,
  oneCycle,
  warmup,
  type Schedule,
} from '@anneal/core';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiStepLR,
  MultiplicativeLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  ScheduleLR,
  SequentialLR,
  StepLR,
  type SchedulerState,
} from '@anneal/core/schedulers';
import { TORCH_SCHEDULERS } from '@anneal/core/json';
import { annealCallback, bindOptimizer, type OptimizerBinding } from '../src/index.js';
import type { CoreScheduler } from '../src/callback-options.js';
import { cpu, denseModel, regressionData, tf } from './helpers.js';

const EPOCHS = 6;
const STOP = 3;
const BATCH = 4;
const SAMPLES = 12; // 3 batches per epoch
const BATCHES = SAMPLES / BATCH;

type Mode = 'epoch' | 'batch' | 'fractional';
type Make = (b: OptimizerBinding, mode: Mode) => CoreScheduler;

/** Steps in the whole run, in the scheduler's unit. */
const horizon = (mode: Mode) => (mode === 'batch' ? EPOCHS * BATCHES : EPOCHS);

/** Every kind, built for a mode; `momentum`: needs an optimizer with momentum (it cycles it). */
const KINDS: Record<string, { make: Make; momentum?: boolean; fractional?: boolean; monitor?: string }> = {
  StepLR: { make: (b) => new StepLR(b, { stepSize: 2, gamma: 0.5 }) },
  MultiStepLR: { make: (b, m) => new MultiStepLR(b, { milestones: m === 'batch' ? [4, 10, 13] : [1, 4], gamma: 0.3 }) },
  ConstantLR: { make: (b, m) => new ConstantLR(b, { factor: 0.25, totalIters: m === 'batch' ? 11 : 4 }) },
  LinearLR: { make: (b, m) => new LinearLR(b, { startFactor: 0.1, totalIters: m === 'batch' ? 14 : 5 }) },
  ExponentialLR: { make: (b) => new ExponentialLR(b, { gamma: 0.8 }) },
  PolynomialLR: { make: (b, m) => new PolynomialLR(b, { totalIters: m === 'batch' ? 15 : 5, power: 2 }) },
  CosineAnnealingLR: { make: (b, m) => new CosineAnnealingLR(b, { tMax: horizon(m), etaMin: 0.001 }) },
  CosineAnnealingWarmRestarts: { make: (b) => new CosineAnnealingWarmRestarts(b, { t0: 2, tMult: 2, etaMin: 0.001 }), fractional: true },
  CyclicLR: { make: (b) => new CyclicLR(b, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, mode: 'triangular2' }), momentum: true },
  OneCycleLR: { make: (b, m) => new OneCycleLR(b, { maxLr: 0.2, totalSteps: horizon(m) }), momentum: true },
  ReduceLROnPlateau: { make: (b) => new ReduceLROnPlateau(b, { mode: 'max', patience: 0, factor: 0.5 }), monitor: 'loss' },
  SequentialLR: {
    make: (b, m) => new SequentialLR(b, { schedulers: [new LinearLR(b, { startFactor: 0.2, totalIters: 2 }), new ExponentialLR(b, { gamma: 0.7 })], milestones: [m === 'batch' ? 7 : 2] }),
  },
  ChainedScheduler: { make: (b) => new ChainedScheduler([new ExponentialLR(b, { gamma: 0.9 }), new StepLR(b, { stepSize: 3, gamma: 0.5 })]) },
  LambdaLR: { make: (b) => new LambdaLR(b, { lrLambda: (t) => 1 / (1 + t) }) },
  MultiplicativeLR: { make: (b) => new MultiplicativeLR(b, { lrLambda: (t) => (t % 2 === 0 ? 0.9 : 0.8) }) },
  ScheduleLR: { make: (b, m) => new ScheduleLR(b, warmup({ steps: 2 }, cosine({ tMax: horizon(m) - 2 }))), fractional: true },
  'ScheduleLR (one-cycle momentum)': { make: (b, m) => new ScheduleLR(b, oneCycle({ totalSteps: horizon(m) })), momentum: true, fractional: true },
};

const data = regressionData(SAMPLES, 3);
let xs: tf.Tensor2D;
let ys: tf.Tensor2D;

beforeAll(async () => {
  await cpu();
  xs = tf.tensor2d(data.x);
  ys = tf.tensor2d(data.y);
});

interface Seen {
  lr: number[];
  momentum: number[];
  logsLr: unknown[];
}

/** Records, before each batch, the rate and momentum the optimizer holds (what the step uses). */
function probe(optimizer: tf.Optimizer, seen: Seen): tf.CustomCallback {
  const group = bindOptimizer(tf, optimizer).paramGroups[0]!;
  return new tf.CustomCallback({
    onBatchBegin: () => {
      seen.lr.push(group.lr);
      const m = group.momentum ?? group.betas?.[0];
      if (m !== undefined) seen.momentum.push(m);
    },
    onEpochEnd: (_e, logs) => {
      seen.logsLr.push(logs?.lr);
    },
  });
}

const newOptimizer = (momentum: boolean) => (momentum ? tf.train.momentum(0.1, 0.9) : tf.train.sgd(0.1));

interface Source {
  schedule?: Schedule;
  scheduler?: (b: OptimizerBinding) => CoreScheduler;
}

async function fit(model: tf.Sequential, callback: tf.CustomCallback, seen: Seen, optimizer: tf.Optimizer, initialEpoch: number, epochs: number) {
  await model.fit(xs, ys, { epochs, initialEpoch, batchSize: BATCH, shuffle: false, verbose: 0, callbacks: [callback, probe(optimizer, seen)] });
}

const options = (mode: Mode, monitor?: string) => ({
  per: mode === 'epoch' ? ('epoch' as const) : ('batch' as const),
  ...(mode === 'fractional' ? { fractionalEpochs: true } : {}),
  ...(monitor === undefined ? {} : { monitor }),
  onWarning: () => {},
});

/** The uninterrupted run, and the interrupted one resumed by `recipe`; both runs' rates, momenta and weights. */
async function runBoth(source: Source, mode: Mode, momentum: boolean, monitor: string | undefined, recipe: 'load' | 'state') {
  const full: Seen = { lr: [], momentum: [], logsLr: [] };
  const optA = newOptimizer(momentum);
  const modelA = denseModel(optA);
  await fit(modelA, annealCallback(tf, { ...source, ...options(mode, monitor) } as never), full, optA, 0, EPOCHS);

  const parts: Seen = { lr: [], momentum: [], logsLr: [] };
  const optB = newOptimizer(momentum);
  const modelB = denseModel(optB);
  const first = annealCallback(tf, { ...source, ...options(mode, monitor) } as never);
  await fit(modelB, first, parts, optB, 0, STOP);
  // What a checkpoint holds: the weights, the optimizer's slots, the scheduler's state as JSON text.
  const saved = source.schedule === undefined ? JSON.stringify(first.scheduler!.stateDict()) : undefined;
  const weightsB = modelB.getWeights().map((w) => w.clone());
  const slots = momentum ? await optB.getWeights() : [];

  const optC = newOptimizer(momentum);
  const modelC = denseModel(optC, 99); // other initial weights, overwritten below
  modelC.setWeights(weightsB);
  if (momentum) await optC.setWeights(slots);
  let resumed: tf.CustomCallback;
  if (source.schedule !== undefined) resumed = annealCallback(tf, { schedule: source.schedule, ...options(mode, monitor) } as never);
  else if (recipe === 'load') {
    const scheduler = source.scheduler!(bindOptimizer(tf, optC));
    scheduler.loadStateDict(JSON.parse(saved!) as SchedulerState);
    resumed = annealCallback(tf, { scheduler, ...options(mode, monitor) } as never);
  } else resumed = annealCallback(tf, { scheduler: source.scheduler!, state: JSON.parse(saved!) as SchedulerState, ...options(mode, monitor) } as never);
  await fit(modelC, resumed, parts, optC, STOP, EPOCHS);
  return { full, parts, weightsA: modelA.getWeights().map((w) => Array.from(w.dataSync())), weightsC: modelC.getWeights().map((w) => Array.from(w.dataSync())) };
}

/** Bit-for-bit equality of two number lists (Object.is: 0 and -0 differ, NaN equals NaN). */
function expectBits(actual: readonly unknown[], expected: readonly unknown[], what: string) {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((v, i) => expect(Object.is(v, expected[i]), `${what}[${i}]: ${String(v)} vs ${String(expected[i])}`).toBe(true));
}

let checks = 0;

describe('fit() interrupted and resumed equals fit() uninterrupted, bit for bit', () => {
  it('covers every PyTorch scheduler class anneal has', () => {
    for (const name of TORCH_SCHEDULERS) expect(Object.keys(KINDS)).toContain(name);
  });

  for (const [name, kind] of Object.entries(KINDS)) {
    const modes: Mode[] = ['epoch', 'batch', ...(kind.fractional ? (['fractional'] as const) : [])];
    for (const mode of modes) {
      for (const recipe of ['load', 'state'] as const) {
        it(`${name}, ${mode === 'fractional' ? "per: 'batch' + fractionalEpochs" : `per: '${mode}'`}, ${recipe === 'load' ? 'scheduler.loadStateDict(saved) on a fresh binding' : 'factory + state option'}`, async () => {
          const monitor = kind.monitor;
          const { full, parts, weightsA, weightsC } = await runBoth({ scheduler: (b) => kind.make(b, mode) }, mode, kind.momentum === true, monitor, recipe);
          expect(full.lr.length).toBe(EPOCHS * BATCHES);
          expectBits(parts.lr, full.lr, 'rate before each batch');
          expectBits(parts.momentum, full.momentum, 'momentum before each batch');
          expectBits(parts.logsLr, full.logsLr, 'logs.lr of each epoch');
          weightsC.forEach((w, i) => expectBits(w, weightsA[i]!, `weights[${i}]`));
          // the schedule moved: a resumed run at the optimizer's fresh rate would not pass
          expect(new Set(full.lr.slice(STOP * BATCHES)).size).toBeGreaterThan(1);
          checks += 1;
        });
      }
    }
  }

  for (const mode of ['epoch', 'batch', 'fractional'] as const) {
    it(`a pure schedule (warmup → cosine), ${mode}: resumed from initialEpoch on a fresh optimizer`, async () => {
      const schedule = warmup({ steps: 2, startFactor: 0.1 }, cosine({ tMax: horizon(mode) }));
      const { full, parts, weightsA, weightsC } = await runBoth({ schedule }, mode, false, undefined, 'load');
      expectBits(parts.lr, full.lr, 'rate before each batch');
      expectBits(parts.logsLr, full.logsLr, 'logs.lr of each epoch');
      weightsC.forEach((w, i) => expectBits(w, weightsA[i]!, `weights[${i}]`));
      checks += 1;
    });
  }

  it('counts the resumed-vs-uninterrupted checks', () => {
    // 17 kinds × (epoch, batch) + 3 fractional kinds, by 2 recipes; 3 pure schedules
    expect(checks).toBe((17 * 2 + 3) * 2 + 3);
  });
});

describe('resuming wrongly stops before the first batch', () => {
  it('ExponentialLR built fresh, state not loaded, fit({ initialEpoch: 4 }): SchedulerUsageError with the recipe', async () => {
    const optimizer = tf.train.sgd(0.5);
    const model = denseModel(optimizer);
    const scheduler = new ExponentialLR(bindOptimizer(tf, optimizer), { gamma: 0.8 });
    const run = model.fit(xs, ys, { epochs: 8, initialEpoch: 4, batchSize: BATCH, verbose: 0, callbacks: [annealCallback(tf, { scheduler, per: 'epoch' })] });
    await expect(run).rejects.toThrow(SchedulerUsageError);
    await expect(
      denseModel(tf.train.sgd(0.5)).fit(xs, ys, {
        epochs: 8,
        initialEpoch: 4,
        verbose: 0,
        callbacks: [annealCallback(tf, { scheduler: (b) => new ExponentialLR(b, { gamma: 0.8 }), per: 'epoch' })],
      }),
    ).rejects.toThrow(/fit\(\) resumes at initialEpoch 4, after 4 epochs, but the ExponentialLR is at step 0, as built: its saved state was not loaded\. Save callback\.scheduler\.stateDict\(\)/);
    expect(optimizer.iterations).toBe(0);
  });

  it('the issue\'s case: ExponentialLR(gamma 0.8) resumed after 4 of 8 epochs trains epoch 4 at 0.5 · 0.8^4 = 0.2048', async () => {
    const optimizer = tf.train.sgd(0.5);
    const model = denseModel(optimizer);
    const first = annealCallback(tf, { scheduler: (b) => new ExponentialLR(b, { gamma: 0.8 }), per: 'epoch' });
    await model.fit(xs, ys, { epochs: 4, batchSize: BATCH, verbose: 0, callbacks: [first] });
    const saved = JSON.stringify(first.scheduler!.stateDict());
    const fresh = tf.train.sgd(0.5);
    const resumed = denseModel(fresh);
    const scheduler = new ExponentialLR(bindOptimizer(tf, fresh), { gamma: 0.8 });
    scheduler.loadStateDict(JSON.parse(saved) as SchedulerState);
    expect((fresh as unknown as { learningRate: number }).learningRate).toBe(0.5 * 0.8 * 0.8 * 0.8 * 0.8);
    const history = await resumed.fit(xs, ys, { epochs: 8, initialEpoch: 4, batchSize: BATCH, verbose: 0, callbacks: [annealCallback(tf, { scheduler, per: 'epoch' })] });
    expect(history.history.lr![0]).toBeCloseTo(0.2048, 15);
  });

  it('a factory callback exposes its scheduler once training starts', async () => {
    const callback = annealCallback(tf, { scheduler: (b) => new StepLR(b, { stepSize: 1, gamma: 0.5 }), per: 'epoch' });
    expect(callback.scheduler).toBeUndefined();
    await denseModel(tf.train.sgd(0.4)).fit(xs, ys, { epochs: 2, batchSize: BATCH, verbose: 0, callbacks: [callback] });
    expect(callback.scheduler!.kind).toBe('StepLR');
    expect(callback.scheduler!.stateDict().lastEpoch).toBe(2);
    expect(callback.scheduler!.getLastLr()).toEqual([0.1]);
  });
});
