// Resuming a training loop: a run interrupted after 8 of 20 steps and resumed with a new feeder
// (`state` from JSON text, `initialStep: 8`) feeds the rate of the uninterrupted run at every step, bit for
// bit, and ends with the same weights; every PyTorch scheduler class, given in PyTorch's JSON spelling.
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchedulerUsageError, oneCycle, warmup, cosine } from '@anneal/core';
import { ExponentialLR, ScheduleLR, type SchedulerState } from '@anneal/core/schedulers';
import { TORCH_SCHEDULERS } from '@anneal/core/json';
import { createFeeder, type LrSource } from '../src/index.js';
import { linearRegressionStep } from '../examples/linear-regression-step.js';

const STEPS = 20;
const STOP = 8;
let session: ort.InferenceSession;
beforeAll(async () => {
  ort.env.wasm.numThreads = 1;
  session = await ort.InferenceSession.create(linearRegressionStep({ features: 2, lrType: 'float64' }));
});
afterAll(async () => {
  await session.release();
});

const X = () => new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 1, 2, -1]), [4, 2]);
const y = () => new ort.Tensor('float32', Float32Array.from([3, -2, 1, 8]), [4]);

const SPECS: Record<string, Record<string, unknown>> = {
  StepLR: { step_size: 3, gamma: 0.5 },
  MultiStepLR: { milestones: [2, 9, 14], gamma: 0.3 },
  ConstantLR: { factor: 0.5, total_iters: 10 },
  LinearLR: { start_factor: 0.2, total_iters: 12 },
  ExponentialLR: { gamma: 0.9 },
  PolynomialLR: { total_iters: 15, power: 2 },
  CosineAnnealingLR: { T_max: 20, eta_min: 0.001 },
  CosineAnnealingWarmRestarts: { T_0: 3, T_mult: 2 },
  CyclicLR: { base_lr: 0.01, max_lr: 0.1, step_size_up: 3, mode: 'triangular2' },
  OneCycleLR: { max_lr: 0.2, total_steps: 20 },
  ReduceLROnPlateau: { mode: 'max', patience: 0, factor: 0.7 },
  SequentialLR: { schedulers: [{ scheduler: 'LinearLR', kwargs: { start_factor: 0.2, total_iters: 3 } }, { scheduler: 'ExponentialLR', kwargs: { gamma: 0.8 } }], milestones: [10] },
  ChainedScheduler: { schedulers: [{ scheduler: 'ExponentialLR', kwargs: { gamma: 0.9 } }, { scheduler: 'StepLR', kwargs: { step_size: 4, gamma: 0.5 } }] },
};

interface Trace {
  lr: number[];
  momentum: unknown[];
  W: number[];
}

const momentumOf = (feeder: { scheduler: object }) => (feeder.scheduler as { optimizer?: { paramGroups: Array<{ momentum?: number }> } }).optimizer?.paramGroups[0]?.momentum;

async function train(feeder: ReturnType<typeof createFeeder<ort.InferenceSession>>, from: number, to: number, W0: ort.Tensor, trace: Trace): Promise<ort.Tensor> {
  let W = W0;
  for (let i = from; i < to; i++) {
    trace.lr.push(feeder.lr);
    trace.momentum.push(momentumOf(feeder));
    const out = await feeder.trainStep({ X: X(), y: y(), W });
    W = out.W_new as ort.Tensor;
  }
  trace.W = Array.from(W.data as Float32Array);
  return W;
}

async function both(source: () => LrSource, options: { baseLr?: number; metricOutput?: string }, stateful: boolean) {
  const zero = () => new ort.Tensor('float32', new Float32Array(2), [2]);
  const full: Trace = { lr: [], momentum: [], W: [] };
  await train(createFeeder(ort, session, source(), options), 0, STEPS, zero(), full);
  const parts: Trace = { lr: [], momentum: [], W: [] };
  const first = createFeeder(ort, session, source(), options);
  const W = await train(first, 0, STOP, zero(), parts);
  const saved = stateful ? JSON.stringify((first.scheduler as { stateDict(): SchedulerState }).stateDict()) : undefined;
  const W8 = new ort.Tensor('float32', Float32Array.from(W.data as Float32Array), [2]);
  const resumed = createFeeder(ort, session, source(), { ...options, initialStep: STOP, ...(saved === undefined ? {} : { state: JSON.parse(saved) as SchedulerState }) });
  const rest: Trace = { lr: [], momentum: [], W: [] };
  await train(resumed, STOP, STEPS, W8, rest);
  return { full, resumed: { lr: [...parts.lr, ...rest.lr], momentum: [...parts.momentum, ...rest.momentum], W: rest.W } };
}

function expectBits(a: readonly unknown[], b: readonly unknown[], what: string) {
  expect(a.length, what).toBe(b.length);
  a.forEach((v, i) => expect(Object.is(v, b[i]), `${what}[${i}]: ${String(v)} vs ${String(b[i])}`).toBe(true));
}

describe('feeder resumed with state + initialStep equals uninterrupted, bit for bit', () => {
  it('covers every PyTorch class', () => expect(Object.keys(SPECS).sort()).toEqual([...TORCH_SCHEDULERS].sort()));
  for (const [kind, kwargs] of Object.entries(SPECS)) {
    it(`${kind} (PyTorch JSON source)`, async () => {
      const plateau = kind === 'ReduceLROnPlateau';
      const { full, resumed } = await both(() => ({ scheduler: kind, kwargs }), { baseLr: 0.1, ...(plateau ? { metricOutput: 'loss' } : {}) }, true);
      expectBits(resumed.lr, full.lr, 'lr');
      expectBits(resumed.momentum, full.momentum, 'momentum');
      expectBits(resumed.W, full.W, 'W');
      expect(new Set(full.lr.slice(STOP)).size).toBeGreaterThan(1);
    });
  }
  it('ScheduleLR (one-cycle, momentum) built by a factory', async () => {
    const { full, resumed } = await both(() => (o) => new ScheduleLR(o, oneCycle({ totalSteps: STEPS })), { baseLr: 0.1 }, true);
    expectBits(resumed.lr, full.lr, 'lr');
    expectBits(resumed.momentum, full.momentum, 'momentum');
    expectBits(resumed.W, full.W, 'W');
  });
  it('a pure schedule resumes from initialStep alone', async () => {
    const { full, resumed } = await both(() => warmup({ steps: 3 }, cosine({ tMax: 17 })), { baseLr: 0.1 }, false);
    expectBits(resumed.lr, full.lr, 'lr');
    expectBits(resumed.W, full.W, 'W');
  });
});

describe('resuming wrongly stops at createFeeder', () => {
  it('a scheduler whose state was loaded without the rates (a plain param group): SchedulerUsageError with the fix', () => {
    const a = { paramGroups: [{ lr: 0.5 }] };
    const s = new ExponentialLR(a, { gamma: 0.8 });
    for (let i = 0; i < 4; i++) s.step();
    const b = { paramGroups: [{ lr: 0.5 }] };
    const t = new ExponentialLR(b, { gamma: 0.8 });
    t.loadStateDict(s.stateDict());
    expect(() => createFeeder(ort, session, t, { initialStep: 4 })).toThrow(SchedulerUsageError);
    expect(() => createFeeder(ort, session, t, { initialStep: 4 })).toThrow(
      "createFeeder: param group 0 holds lr 0.5, but the ExponentialLR's last step set 0.20480000000000007: its state was loaded without the rates",
    );
    t.restoreGroups();
    expect(createFeeder(ort, session, t, { initialStep: 4 }).lr).toBe(0.5 * 0.8 * 0.8 * 0.8 * 0.8);
  });

  it('the state option on a scheduler given as is writes the rates back', () => {
    const s = new ExponentialLR({ paramGroups: [{ lr: 0.5 }] }, { gamma: 0.8 });
    for (let i = 0; i < 4; i++) s.step();
    const feeder = createFeeder(ort, session, new ExponentialLR({ paramGroups: [{ lr: 0.5 }] }, { gamma: 0.8 }), { initialStep: 4, state: JSON.parse(JSON.stringify(s.stateDict())) as SchedulerState });
    expect(feeder.lr).toBe(s.getLastLr()[0]);
  });
});
