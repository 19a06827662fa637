// The feeder's contract: tensor reuse, step bookkeeping, trainStep, and refusing bad input up front.
import {
  InvalidParameterError,
  SchedulerUsageError,
  constant,
  exponential,
} from '@anneal/core';
import { CosineAnnealingLR, ReduceLROnPlateau, StepLR } from '@anneal/core/schedulers';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeeder, type FeederOptions, type LrSource, type OrtLike, type SessionLike } from '../src/index.js';
import { echoSession, scalarOf } from './support/graphs.js';

let s: ort.InferenceSession; // inputs lr (float32 []), step (int64 []), x (float32 [2])
beforeAll(async () => {
  s = await echoSession([
    { name: 'lr', type: 'float32', shape: [] },
    { name: 'step', type: 'int64', shape: [] },
    { name: 'x', type: 'float32', shape: [2] },
  ]);
});
afterAll(async () => {
  await s.release();
});

const x = () => new ort.Tensor('float32', Float32Array.from([1, 2]), [2]);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function invalid(fn: () => unknown): InvalidParameterError {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

describe('feeds()', () => {
  it('reuses the same lr and step tensors and buffers, rewriting their values', () => {
    const schedule = exponential({ gamma: 0.5 });
    const feeder = createFeeder(ort, s, schedule, { baseLr: 0.8 });
    const first = feeder.feeds({ x: x() });
    const lrData = first.lr!.data;
    const values: number[] = [];
    for (let t = 0; t < 4; t++) {
      const feeds = feeder.feeds({ x: x() });
      expect(feeds.lr).toBe(first.lr);
      expect(feeds.step).toBe(first.step);
      expect(feeds.lr!.data).toBe(lrData);
      values.push((feeds.lr!.data as Float32Array)[0]!, Number((feeds.step!.data as BigInt64Array)[0]));
      feeder.step();
    }
    expect(values).toEqual([0.8, 0, 0.4, 1, 0.2, 2, 0.1, 3].map((v, i) => (i % 2 === 0 ? Math.fround(v) : v)));
  });

  it('keeps the other feeds and does not modify the object passed in', () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    const extra = { x: x() };
    const feeds = feeder.feeds(extra);
    expect(Object.keys(feeds).sort()).toEqual(['lr', 'step', 'x']);
    expect(feeds.x).toBe(extra.x);
    expect(Object.keys(extra)).toEqual(['x']);
  });

  it('allocates a new buffer only when the runtime has detached the old one (onnxruntime-web proxy mode)', () => {
    const feeder = createFeeder(ort, s, exponential({ gamma: 0.5 }), { baseLr: 1 });
    const before = feeder.feeds().lr!;
    const buffer = (before.data as Float32Array).buffer as ArrayBuffer;
    structuredClone(buffer, { transfer: [buffer] }); // what postMessage(..., [buffer]) does
    expect(buffer.byteLength).toBe(0);
    feeder.step();
    const after = feeder.feeds().lr!;
    expect(after === before).toBe(false); // (not .not.toBe: its diff would read the detached array)
    expect((after.data as Float32Array)[0]).toBe(0.5);
    expect(feeder.feeds().lr).toBe(after); // and reuses the new one
  });

  it('refuses feeds that set the lr or step input, and non-object feeds', () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    expect(invalid(() => feeder.feeds({ x: x(), lr: x() })).path).toBe('feeds.lr');
    expect(invalid(() => feeder.feeds({ step: x() })).path).toBe('feeds.step');
    expect(invalid(() => feeder.feeds([] as unknown as Record<string, ort.Tensor>)).path).toBe('feeds');
  });

  it('refuses a rate that is not finite in the input type, naming the input and the value', () => {
    const optimizer = { paramGroups: [{ lr: 0.1 }] };
    const feeder = createFeeder(ort, s, new StepLR(optimizer, { stepSize: 10 }));
    feeder.feeds();
    optimizer.paramGroups[0]!.lr = Number.NaN; // written by something other than the scheduler
    const error = invalid(() => feeder.feeds());
    expect(error.path).toBe('lr');
    expect(error.message).toBe('lr must be a number that is finite in float32, got NaN');
    // 1e39 is finite in float64 but overflows float32
    expect(invalid(() => createFeeder(ort, s, constant(), { baseLr: 1e39 }).feeds()).message).toBe(
      'lr must be a number that is finite in float32, got 1e+39',
    );
  });
});

describe('step() and the sources', () => {
  it('evaluates a pure schedule at initialStep + the number of steps', () => {
    const schedule = exponential({ gamma: 0.9 });
    const feeder = createFeeder(ort, s, schedule, { baseLr: 0.5, initialStep: 40 });
    expect(feeder.currentStep).toBe(40);
    expect(feeder.lr).toBe(schedule.lr(40, 0.5));
    feeder.step();
    expect(feeder.currentStep).toBe(41);
    expect((feeder.feeds().lr!.data as Float32Array)[0]).toBe(Math.fround(schedule.lr(41, 0.5)));
  });

  it('reads the chosen param group of a scheduler and steps it once per step()', () => {
    const optimizer = { paramGroups: [{ lr: 1 }, { lr: 0.1 }] };
    const scheduler = new StepLR(optimizer, { stepSize: 2, gamma: 0.5 });
    const feeder = createFeeder(ort, s, scheduler, { group: 1 });
    const fed: number[] = [];
    for (let i = 0; i < 5; i++) {
      fed.push(feeder.lr);
      feeder.step();
    }
    expect(fed).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    expect(scheduler.lastEpoch).toBe(5);
  });

  it('requires the metric for ReduceLROnPlateau and refuses it for other sources', () => {
    const plateau = new ReduceLROnPlateau({ paramGroups: [{ lr: 0.1 }] }, { patience: 0 });
    const feeder = createFeeder(ort, s, plateau, { metricOutput: 'lr_out' });
    expect(thrown(() => feeder.step())).toBeInstanceOf(SchedulerUsageError);
    feeder.step(1);
    feeder.step(2); // no improvement, patience 0: cut
    expect(feeder.lr).toBeCloseTo(0.01, 15);
    expect(feeder.currentStep).toBe(2);
    const plain = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    expect(thrown(() => plain.step(1))).toBeInstanceOf(SchedulerUsageError);
    expect(plain.currentStep).toBe(0);
  });
});

describe('a factory source', () => {
  it('builds its scheduler on a param group holding baseLr, and steps it like a scheduler given as is', () => {
    const feeder = createFeeder(ort, s, (optimizer) => new ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 }), { baseLr: 0.2, metricOutput: 'lr_out' });
    const fed: number[] = [];
    for (const metric of [1, 2, 0.5, 0.7]) {
      fed.push((feeder.feeds({ x: x() }).lr!.data as Float32Array)[0]!);
      feeder.step(metric);
    }
    expect(fed).toEqual([0.2, 0.2, 0.1, 0.1].map(Math.fround));
    expect(feeder.lr).toBe(0.05);
    expect(thrown(() => feeder.step())).toBeInstanceOf(SchedulerUsageError);
    // initialStep without the scheduler's state would restart the schedule at step 5: refused, with the recipe
    expect(() => createFeeder(ort, s, (optimizer) => new StepLR(optimizer, { stepSize: 2, gamma: 0.1 }), { baseLr: 1, initialStep: 5 })).toThrow(
      /^createFeeder: initialStep is 5 but the StepLR is at step 0, as built: its saved state was not loaded; save feeder\.scheduler\.stateDict\(\) with your weights and pass it back/,
    );
    expect(invalid(() => createFeeder(ort, s, (optimizer) => new StepLR(optimizer, { stepSize: 2 }))).path).toBe('baseLr');
  });
});

describe('trainStep()', () => {
  it('runs, then steps, and resolves with the outputs of the run', async () => {
    const schedule = exponential({ gamma: 0.5 });
    const feeder = createFeeder(ort, s, schedule, { baseLr: 1 });
    const seen: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const out = await feeder.trainStep({ x: x() });
      seen.push([scalarOf(out.lr_out), scalarOf(out.step_out)]);
    }
    expect(seen).toEqual([[1, 0], [0.5, 1], [0.25, 2]]);
    expect(feeder.currentStep).toBe(3);
  });

  it('passes run options through', async () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    const out = await feeder.trainStep({ x: x() }, { tag: 'anneal', logSeverityLevel: 3 });
    expect(scalarOf(out.step_out)).toBe(0);
  });

  it('does not advance when the run fails', async () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    await expect(feeder.trainStep({})).rejects.toThrow(/x/); // input x is missing
    expect(feeder.currentStep).toBe(0);
  });

  it('refuses overlapping calls: each step must be awaited', async () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    const first = feeder.trainStep({ x: x() });
    await expect(feeder.trainStep({ x: x() })).rejects.toBeInstanceOf(SchedulerUsageError);
    expect(thrown(() => feeder.step())).toBeInstanceOf(SchedulerUsageError);
    await first;
    expect(feeder.currentStep).toBe(1);
  });

  it('types feeds and outputs as the session does', async () => {
    const feeder = createFeeder(ort, s, constant(), { baseLr: 0.1 });
    const feeds: ort.InferenceSession.FeedsType = feeder.feeds({ x: x() });
    const out: ort.InferenceSession.ReturnType = await feeder.trainStep({ x: x() });
    const runtime: OrtLike = ort;
    const session: SessionLike = s;
    expect([Object.keys(feeds).length, Object.keys(out).length, typeof runtime.Tensor, session.inputNames]).toEqual([3, 3, 'function', ['lr', 'step', 'x']]);
  });
});

describe('construction refuses bad arguments, naming them', () => {
  const schedule = constant();
  const cases: [string, () => unknown, string][] = [
    ['a schedule without baseLr', () => createFeeder(ort, s, schedule), 'baseLr'],
    ['a NaN baseLr', () => createFeeder(ort, s, schedule, { baseLr: Number.NaN }), 'baseLr'],
    ['a group with a schedule', () => createFeeder(ort, s, schedule, { baseLr: 0.1, group: 0 }), 'group'],
    ['baseLr with a scheduler', () => createFeeder(ort, s, new CosineAnnealingLR({ paramGroups: [{ lr: 0.1 }] }, { tMax: 10 }), { baseLr: 0.1 }), 'baseLr'],
    ['a group out of range', () => createFeeder(ort, s, new CosineAnnealingLR({ paramGroups: [{ lr: 0.1 }] }, { tMax: 10 }), { group: 1 }), 'group'],
    ['an unknown option', () => createFeeder(ort, s, schedule, { baseLr: 0.1, baseLR: 0.1 } as FeederOptions), 'baseLR'],
    ['a negative initialStep', () => createFeeder(ort, s, schedule, { baseLr: 0.1, initialStep: -1 }), 'initialStep'],
    ['a fractional initialStep', () => createFeeder(ort, s, schedule, { baseLr: 0.1, initialStep: 1.5 }), 'initialStep'],
    ['metricOutput without a plateau scheduler', () => createFeeder(ort, s, schedule, { baseLr: 0.1, metricOutput: 'lr_out' }), 'metricOutput'],
    ['a plateau metric that is no output', () => createFeeder(ort, s, new ReduceLROnPlateau({ paramGroups: [{ lr: 0.1 }] })), 'metricOutput'],
    ['something that is no schedule', () => createFeeder(ort, s, { lr: 0.1 } as unknown as LrSource, { baseLr: 0.1 }), 'source'],
    ['no ort module', () => createFeeder({} as OrtLike, s, schedule, { baseLr: 0.1 }), 'ort'],
    ['no session', () => createFeeder(ort, {} as SessionLike, schedule, { baseLr: 0.1 }), 'session'],
    ['an empty lrInput', () => createFeeder(ort, s, schedule, { baseLr: 0.1, lrInput: '' }), 'lrInput'],
  ];
  it.each(cases)('%s', (_, fn, path) => {
    expect(invalid(fn).path).toBe(path);
  });

  it('says what it expected', () => {
    expect(invalid(() => createFeeder(ort, s, schedule)).message).toBe(
      'baseLr must be a finite number (the base learning rate the schedule scales) when feeding a pure schedule, got undefined',
    );
  });
});
