// Finding and checking the lr and step inputs, against real onnxruntime-web sessions.
import { AnnealError, InvalidParameterError, constant, linear } from '@anneal/core';
import * as ort from 'onnxruntime-web';
import { afterAll, describe, expect, it } from 'vitest';
import {
  GraphInputTypeError,
  LR_INPUT_NAMES,
  MissingGraphInputError,
  STEP_INPUT_NAMES,
  createFeeder,
  type SessionLike,
} from '../src/index.js';
import { echoSession, scalarOf } from './support/graphs.js';

const sessions: ort.InferenceSession[] = [];
async function session(...inputs: Parameters<typeof echoSession>[0]): Promise<ort.InferenceSession> {
  const s = await echoSession(inputs);
  sessions.push(s);
  return s;
}
afterAll(async () => {
  for (const s of sessions) await s.release();
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const X = { name: 'X', type: 'float32', shape: ['batch', 2] } as const;
const schedule = linear({ startFactor: 1, endFactor: 0.5, totalIters: 10 });

describe('the learning-rate input', () => {
  it('is found by the conventional names, in order', async () => {
    expect(LR_INPUT_NAMES).toEqual(['lr', 'learning_rate']);
    const s = await session(X, { name: 'learning_rate', type: 'float32', shape: [] });
    const feeder = createFeeder(ort, s, schedule, { baseLr: 0.2 });
    expect(feeder.lrInput).toBe('learning_rate');
    const out = await s.run(feeder.feeds({ X: new ort.Tensor('float32', new Float32Array(2), [1, 2]) }));
    expect(scalarOf(out.learning_rate_out)).toBe(Math.fround(0.2));
  });

  it('is found by the lrInput option under any name', async () => {
    const s = await session({ name: 'alpha', type: 'float64', shape: [] });
    const feeder = createFeeder(ort, s, schedule, { baseLr: 0.2, lrInput: 'alpha' });
    feeder.step();
    const out = await s.run(feeder.feeds());
    expect(scalarOf(out.alpha_out)).toBe(schedule.lr(1, 0.2)); // float64: the exact rate
  });

  it('missing: a MissingGraphInputError that lists what was tried and what the graph has', async () => {
    const s = await session(X, { name: 'alpha', type: 'float32', shape: [] });
    const error = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1 }));
    expect(error).toBeInstanceOf(MissingGraphInputError);
    expect(error).toBeInstanceOf(AnnealError);
    const e = error as MissingGraphInputError;
    expect(e.code).toBe('missing-graph-input');
    expect(e.tried).toEqual(['lr', 'learning_rate']);
    expect(e.available).toEqual(['X', 'alpha']);
    expect(e.message).toBe(
      'the graph has no learning-rate input: looked for "lr", "learning_rate", its inputs are "X", "alpha". ' +
        'Export the graph with a float scalar input named "lr", or pass { lrInput: "<name>" }.',
    );
    const named = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1, lrInput: 'eta' })) as MissingGraphInputError;
    expect(named).toBeInstanceOf(MissingGraphInputError);
    expect(named.tried).toEqual(['eta']);
  });

  it('ambiguous when the graph has both conventional names', async () => {
    const s = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'learning_rate', type: 'float32', shape: [] });
    const error = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1 })) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('lrInput');
    expect(createFeeder(ort, s, schedule, { baseLr: 0.1, lrInput: 'learning_rate' }).lrInput).toBe('learning_rate');
  });

  it('of an integer type: a GraphInputTypeError naming the input and the type', async () => {
    const s = await session({ name: 'lr', type: 'int32', shape: [] });
    const error = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1 })) as GraphInputTypeError;
    expect(error).toBeInstanceOf(GraphInputTypeError);
    expect(error.code).toBe('graph-input-type');
    expect(error.input).toBe('lr');
    expect(error.received).toBe('int32');
    expect(error.message).toBe('graph input "lr" has type int32; the feeder needs float32 or float64');
  });

  it.each([
    [['batch'], '[batch]'],
    [[2], '[2]'],
    [[1, 1], '[1, 1]'],
  ])('of shape %j: a GraphInputTypeError', async (shape, shown) => {
    const s = await session({ name: 'lr', type: 'float32', shape });
    const error = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1 })) as GraphInputTypeError;
    expect(error).toBeInstanceOf(GraphInputTypeError);
    expect(error.received).toBe(shown);
  });

  it('of shape [1] is fed a [1] tensor', async () => {
    const s = await session({ name: 'lr', type: 'float32', shape: [1] });
    const feeds = createFeeder(ort, s, schedule, { baseLr: 0.1 }).feeds();
    expect(feeds.lr!.dims).toEqual([1]);
    const out = await s.run(feeds);
    expect(out.lr_out!.dims).toEqual([1]);
  });
});

describe('the step input', () => {
  it.each(['int64', 'int32', 'float32', 'float64'] as const)('of type %s receives the 0-based step index', async (type) => {
    const s = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'step', type, shape: [] });
    const feeder = createFeeder(ort, s, constant({ factor: 1, totalIters: 0 }), { baseLr: 0.1, initialStep: 7 });
    expect(STEP_INPUT_NAMES).toEqual(['step']);
    expect(feeder.stepInput).toBe('step');
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const out = await s.run(feeder.feeds());
      seen.push(scalarOf(out.step_out));
      feeder.step();
    }
    expect(seen).toEqual([7, 8, 9]);
  });

  it('is optional, can be named, or turned off', async () => {
    const plain = await session({ name: 'lr', type: 'float32', shape: [] });
    expect(createFeeder(ort, plain, schedule, { baseLr: 0.1 }).stepInput).toBeNull();
    const s = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'iteration', type: 'int64', shape: [1] });
    expect(createFeeder(ort, s, schedule, { baseLr: 0.1 }).stepInput).toBeNull();
    const named = createFeeder(ort, s, schedule, { baseLr: 0.1, stepInput: 'iteration' });
    expect(named.stepInput).toBe('iteration');
    expect(named.feeds().iteration!.dims).toEqual([1]);
    const withStep = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'step', type: 'int64', shape: [] });
    const off = createFeeder(ort, withStep, schedule, { baseLr: 0.1, stepInput: false });
    expect(off.stepInput).toBeNull();
    expect(Object.keys(off.feeds())).toEqual(['lr']);
  });

  it('refuses a missing named input, a bad type, and the lr input itself', async () => {
    const s = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'step', type: 'float32', shape: ['n'] });
    expect(thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1, stepInput: 'iter' }))).toBeInstanceOf(MissingGraphInputError);
    expect(thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1 }))).toBeInstanceOf(GraphInputTypeError);
    const same = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1, stepInput: 'lr' })) as InvalidParameterError;
    expect(same).toBeInstanceOf(InvalidParameterError);
    expect(same.path).toBe('stepInput');
    const bad = thrown(() => createFeeder(ort, s, schedule, { baseLr: 0.1, stepInput: 3 as unknown as string })) as InvalidParameterError;
    expect(bad.path).toBe('stepInput');
  });
});

describe('sessions without input metadata (onnxruntime-web < 1.22)', () => {
  /** The same session with only names, as older runtimes report it. */
  function namesOnly(s: ort.InferenceSession): SessionLike {
    return { inputNames: s.inputNames, outputNames: s.outputNames, run: (feeds) => s.run(feeds as ort.InferenceSession.FeedsType) };
  }

  it('feeds a float32 scalar lr and an int64 scalar step', async () => {
    const s = await session({ name: 'lr', type: 'float32', shape: [] }, { name: 'step', type: 'int64', shape: [] });
    const feeder = createFeeder(ort, namesOnly(s), schedule, { baseLr: 0.3 });
    const feeds = feeder.feeds();
    expect([feeds.lr!.type, feeds.lr!.dims, feeds.step!.type, feeds.step!.dims]).toEqual(['float32', [], 'int64', []]);
    const out = await feeder.trainStep();
    expect(scalarOf(out.lr_out)).toBe(Math.fround(0.3));
    expect(feeder.currentStep).toBe(1);
  });

  it('still refuses a non-tensor input', () => {
    const fake: SessionLike = {
      inputNames: ['lr'],
      outputNames: ['y'],
      inputMetadata: [{ name: 'lr', isTensor: false }],
      run: async () => ({}),
    };
    expect(thrown(() => createFeeder(ort, fake, schedule, { baseLr: 0.1 }))).toBeInstanceOf(GraphInputTypeError);
  });
});
