// Every invalid input is refused when the schedule or scheduler is built (or when the bad step or state
// is passed), with a typed error naming the parameter (its path, for JSON) and the value; nothing turns
// into NaN later.
import { describe, expect, it } from 'vitest';
import {
  AnnealError,
  chain,
  constant,
  cosine,
  cyclic,
  exponential,
  InvalidParameterError,
  inverseSqrt,
  linear,
  multiStep,
  NonFiniteRateError,
  oneCycle,
  polynomial,
  sampleSchedule,
  SchedulerUsageError,
  sequence,
  sgdr,
  StateDictError,
  step,
  UnknownScheduleError,
  warmup,
  wsd,
} from '../src/index.js';
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
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  ScheduleLR,
  SequentialLR,
  StepLR,
  type OptimizerLike,
  type SchedulerState,
  type SteppableScheduler,
} from '../src/schedulers.js';
import { scheduleFromJSON, schedulerFromJSON } from '../src/json.js';
import { caught, lrs, sgd } from './helpers.js';

const opt = (): OptimizerLike => sgd([0.1, 0.01]);

/** How an error message spells a refused value. */
function spelled(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return JSON.stringify(value);
}

/** `build(value)` must throw an InvalidParameterError whose path is `path`, holding and naming `value`. */
function expectRefused(build: (value: number) => unknown, path: string, value: number): void {
  const error = caught(() => build(value));
  expect(error, `${path} = ${value}: ${error.message}`).toBeInstanceOf(InvalidParameterError);
  const e = error as InvalidParameterError;
  expect(e.path).toBe(path);
  expect(Object.is(e.value, value)).toBe(true);
  expect(e.code).toBe('invalid-parameter');
  expect(e.message).toContain(path);
  expect(e.message).toContain(`got ${spelled(value)}`);
}

const NON_FINITE = [Number.NaN, Infinity, -Infinity];

describe('periods: zero, negative, NaN and infinite lengths are refused', () => {
  const periods: Array<[string, string, (v: number) => unknown, number[]]> = [
    ['cosine', 'tMax', (v) => cosine({ tMax: v }), [0, -1, -0.5]],
    ['CosineAnnealingLR', 'tMax', (v) => new CosineAnnealingLR(opt(), { tMax: v }), [0, -1]],
    ['sgdr', 't0', (v) => sgdr({ t0: v }), [0, -3]],
    ['CosineAnnealingWarmRestarts', 't0', (v) => new CosineAnnealingWarmRestarts(opt(), { t0: v }), [0, -10]],
    ['step', 'stepSize', (v) => step({ stepSize: v }), [0, -2]],
    ['StepLR', 'stepSize', (v) => new StepLR(opt(), { stepSize: v }), [0, -2]],
    ['oneCycle', 'totalSteps', (v) => oneCycle({ totalSteps: v }), [0, -100]],
    ['OneCycleLR', 'totalSteps', (v) => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: v }), [0, -100]],
    ['OneCycleLR', 'epochs', (v) => new OneCycleLR(opt(), { maxLr: 0.1, epochs: v, stepsPerEpoch: 10 }), [0, -1]],
    ['OneCycleLR', 'stepsPerEpoch', (v) => new OneCycleLR(opt(), { maxLr: 0.1, epochs: 3, stepsPerEpoch: v }), [0, -1]],
    ['linear', 'totalIters', (v) => linear({ totalIters: v }), [0, -5]],
    ['polynomial', 'totalIters', (v) => polynomial({ totalIters: v }), [0, -5]],
    ['PolynomialLR', 'totalIters', (v) => new PolynomialLR(opt(), { totalIters: v }), [0, -5]],
    ['LinearLR', 'totalIters', (v) => new LinearLR(opt(), { totalIters: v }), [-5]],
    ['ConstantLR', 'totalIters', (v) => new ConstantLR(opt(), { totalIters: v }), [-5]],
    ['constant', 'totalIters', (v) => constant({ factor: 0.5, totalIters: v }), [-5]],
    ['cyclic', 'stepSizeUp', (v) => cyclic({ maxLr: 1, stepSizeUp: v }), [0, -4]],
    ['cyclic', 'stepSizeDown', (v) => cyclic({ maxLr: 1, stepSizeDown: v }), [-4]], // 0 is a sawtooth, as in PyTorch
    ['CyclicLR', 'stepSizeUp', (v) => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, stepSizeUp: v }), [0, -4]],
    ['inverseSqrt', 'timescale', (v) => inverseSqrt({ timescale: v }), [0, -1]],
    ['inverseSqrt', 'warmupSteps', (v) => inverseSqrt({ warmupSteps: v }), [-1]],
    ['wsd', 'decaySteps', (v) => wsd({ stableSteps: 10, decaySteps: v }), [-1]],
    ['wsd', 'stableSteps', (v) => wsd({ stableSteps: v, decaySteps: 10 }), [-1]],
    ['warmup', 'steps', (v) => warmup({ steps: v }, cosine({ tMax: 3 })), [-1]],
  ];
  for (const [where, path, build, bad] of periods) {
    it(`${where}: ${path} ∈ {${[...bad, ...NON_FINITE].join(', ')}}`, () => {
      for (const value of [...bad, ...NON_FINITE]) expectRefused(build, path, value);
    });
  }

  it('totalIters = 0 is accepted where PyTorch accepts it and never produces NaN (ConstantLR, LinearLR)', () => {
    const o1 = sgd([0.1]);
    const constantLr = new ConstantLR(o1, { factor: 0.5, totalIters: 0 });
    const o2 = sgd([0.1]);
    const linearLr = new LinearLR(o2, { startFactor: 0.5, totalIters: 0 });
    for (let i = 0; i < 50; i++) {
      constantLr.step();
      linearLr.step();
    }
    // PyTorch's recursive forms: ConstantLR never restores the rate, LinearLR keeps startFactor
    expect(lrs(o1)).toEqual([0.05]);
    expect(lrs(o2)).toEqual([0.05]);
    // LinearLR's closed form divides by totalIters: a typed error, as PyTorch's ZeroDivisionError, not NaN
    expect(() => linearLr.step(3)).toThrow(SchedulerUsageError);
    expect(lrs(o2)).toEqual([0.05]);
    expect(() => new LinearLR(sgd([0.1]), { totalIters: 0, closedForm: true })).toThrow(SchedulerUsageError);
  });
});

describe('CosineAnnealingWarmRestarts and sgdr: integer tMult (and integer t0 for the scheduler)', () => {
  it('refuses a fractional or smaller-than-1 tMult and t0', () => {
    expectRefused((v) => new CosineAnnealingWarmRestarts(opt(), { t0: 10, tMult: v }), 'tMult', 1.5);
    expectRefused((v) => new CosineAnnealingWarmRestarts(opt(), { t0: 10, tMult: v }), 'tMult', 0);
    expectRefused((v) => new CosineAnnealingWarmRestarts(opt(), { t0: v }), 't0', 2.5);
    expectRefused((v) => sgdr({ t0: 10, tMult: v }), 'tMult', 0.5); // the pure schedule takes a real tMult >= 1 (timm, Keras)
    expectRefused((v) => sgdr({ t0: 10, tMult: v }), 'tMult', 0);
    for (const v of NON_FINITE) {
      expectRefused((x) => new CosineAnnealingWarmRestarts(opt(), { t0: 10, tMult: x }), 'tMult', v);
      expectRefused((x) => sgdr({ t0: 10, tMult: x }), 'tMult', v);
    }
  });

  it('accepts a fractional t0 in the pure sgdr (a cycle can end between steps)', () => {
    expect(sgdr({ t0: 2.5 }).lr(2.5, 1)).toBe(1);
  });
});

describe('NaN and infinities anywhere are refused', () => {
  const options: Array<[string, string, (v: number) => unknown]> = [
    ['constant', 'factor', (v) => constant({ factor: v })],
    ['linear', 'startFactor', (v) => linear({ startFactor: v })],
    ['linear', 'endFactor', (v) => linear({ endFactor: v })],
    ['step', 'gamma', (v) => step({ stepSize: 2, gamma: v })],
    ['multiStep', 'gamma', (v) => multiStep({ milestones: [2], gamma: v })],
    ['multiStep', 'milestones[1]', (v) => multiStep({ milestones: [2, v] })],
    ['exponential', 'gamma', (v) => exponential({ gamma: v })],
    ['polynomial', 'power', (v) => polynomial({ power: v })],
    ['cosine', 'etaMin', (v) => cosine({ tMax: 3, etaMin: v })],
    ['sgdr', 'etaMin', (v) => sgdr({ t0: 3, etaMin: v })],
    ['sgdr', 'cycleDecay', (v) => sgdr({ t0: 3, cycleDecay: v })],
    ['sgdr', 'warmupSteps', (v) => sgdr({ t0: 3, warmupSteps: v })],
    ['sgdr', 'warmupStartFactor', (v) => sgdr({ t0: 3, warmupStartFactor: v })],
    ['oneCycle', 'maxLr', (v) => oneCycle({ totalSteps: 10, maxLr: v })],
    ['oneCycle', 'pctStart', (v) => oneCycle({ totalSteps: 10, pctStart: v })],
    ['oneCycle', 'divFactor', (v) => oneCycle({ totalSteps: 10, divFactor: v })],
    ['oneCycle', 'finalDivFactor', (v) => oneCycle({ totalSteps: 10, finalDivFactor: v })],
    ['oneCycle', 'baseMomentum', (v) => oneCycle({ totalSteps: 10, baseMomentum: v })],
    ['oneCycle', 'maxMomentum', (v) => oneCycle({ totalSteps: 10, maxMomentum: v })],
    ['cyclic', 'maxLr', (v) => cyclic({ maxLr: v })],
    ['cyclic', 'baseLr', (v) => cyclic({ maxLr: 1, baseLr: v })],
    ['cyclic', 'gamma', (v) => cyclic({ maxLr: 1, gamma: v })],
    ['cyclic', 'baseMomentum', (v) => cyclic({ maxLr: 1, baseMomentum: v })],
    ['cyclic', 'maxMomentum', (v) => cyclic({ maxLr: 1, maxMomentum: v })],
    ['wsd', 'warmupSteps', (v) => wsd({ warmupSteps: v, stableSteps: 1, decaySteps: 1 })],
    ['wsd', 'startFactor', (v) => wsd({ stableSteps: 1, decaySteps: 1, startFactor: v })],
    ['wsd', 'minFactor', (v) => wsd({ stableSteps: 1, decaySteps: 1, minFactor: v })],
    ['warmup', 'startFactor', (v) => warmup({ steps: 3, startFactor: v }, cosine({ tMax: 3 }))],
    ['sequence', 'milestones[0]', (v) => sequence([cosine({ tMax: 3 }), cosine({ tMax: 3 })], { milestones: [v] })],
    ['sampleSchedule', 'from', (v) => sampleSchedule(cosine({ tMax: 3 }), { points: 3, from: v })],
    ['sampleSchedule', 'stepSize', (v) => sampleSchedule(cosine({ tMax: 3 }), { points: 3, stepSize: v })],
    ['sampleSchedule', 'baseLr', (v) => sampleSchedule(cosine({ tMax: 3 }), { points: 3, baseLr: v })],
    ['sampleSchedule', 'points', (v) => sampleSchedule(cosine({ tMax: 3 }), { points: v })],
    ['StepLR', 'gamma', (v) => new StepLR(opt(), { stepSize: 2, gamma: v })],
    ['MultiStepLR', 'milestones[1]', (v) => new MultiStepLR(opt(), { milestones: [2, v] })],
    ['MultiStepLR', 'gamma', (v) => new MultiStepLR(opt(), { milestones: [2], gamma: v })],
    ['ConstantLR', 'factor', (v) => new ConstantLR(opt(), { factor: v })],
    ['LinearLR', 'startFactor', (v) => new LinearLR(opt(), { startFactor: v })],
    ['LinearLR', 'endFactor', (v) => new LinearLR(opt(), { endFactor: v })],
    ['ExponentialLR', 'gamma', (v) => new ExponentialLR(opt(), { gamma: v })],
    ['PolynomialLR', 'power', (v) => new PolynomialLR(opt(), { power: v })],
    ['CosineAnnealingLR', 'etaMin', (v) => new CosineAnnealingLR(opt(), { tMax: 3, etaMin: v })],
    ['CosineAnnealingLR', 'lastEpoch', (v) => new CosineAnnealingLR(opt(), { tMax: 3, lastEpoch: v })],
    ['CosineAnnealingWarmRestarts', 'etaMin', (v) => new CosineAnnealingWarmRestarts(opt(), { t0: 3, etaMin: v })],
    ['OneCycleLR', 'maxLr', (v) => new OneCycleLR(opt(), { maxLr: v, totalSteps: 10 })],
    ['OneCycleLR', 'maxLr[1]', (v) => new OneCycleLR(opt(), { maxLr: [0.1, v], totalSteps: 10 })],
    ['OneCycleLR', 'baseMomentum[0]', (v) => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, baseMomentum: [v, 0.8] })],
    ['OneCycleLR', 'divFactor', (v) => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, divFactor: v })],
    ['CyclicLR', 'baseLr', (v) => new CyclicLR(opt(), { baseLr: v, maxLr: 0.1 })],
    ['CyclicLR', 'maxLr[1]', (v) => new CyclicLR(opt(), { baseLr: 0.01, maxLr: [0.1, v] })],
    ['CyclicLR', 'maxMomentum', (v) => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, maxMomentum: v })],
    ['ReduceLROnPlateau', 'factor', (v) => new ReduceLROnPlateau(opt(), { factor: v })],
    ['ReduceLROnPlateau', 'patience', (v) => new ReduceLROnPlateau(opt(), { patience: v })],
    ['ReduceLROnPlateau', 'threshold', (v) => new ReduceLROnPlateau(opt(), { threshold: v })],
    ['ReduceLROnPlateau', 'cooldown', (v) => new ReduceLROnPlateau(opt(), { cooldown: v })],
    ['ReduceLROnPlateau', 'minLr[1]', (v) => new ReduceLROnPlateau(opt(), { minLr: [0, v] })],
    ['ReduceLROnPlateau', 'eps', (v) => new ReduceLROnPlateau(opt(), { eps: v })],
    ['SequentialLR', 'milestones[0]', (v) => {
      const o = opt();
      return new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 }), new StepLR(o, { stepSize: 3 })], milestones: [v] });
    }],
    ['optimizer', 'optimizer.paramGroups[1].lr', (v) => new StepLR(sgd([0.1, v]), { stepSize: 2 })],
    ['Schedule.lr', 'baseLr', (v) => cosine({ tMax: 3 }).lr(1, v)],
    ['Schedule.momentum', 'baseMomentum', (v) => oneCycle({ totalSteps: 10 }).momentum!(1, v)],
  ];
  for (const [where, path, build] of options) {
    it(`${where}: ${path}`, () => {
      for (const value of NON_FINITE) expectRefused(build, path, value);
    });
  }

  it('sgdr cycleLimit: Infinity means no limit; NaN, -Infinity and values below 1 are refused', () => {
    expect(sgdr({ t0: 2, cycleLimit: Infinity }).lr(100, 1)).toBe(1);
    for (const v of [Number.NaN, -Infinity, 0, 0.5]) expectRefused((x) => sgdr({ t0: 2, cycleLimit: x }), 'cycleLimit', v);
  });
});

describe('milestones', () => {
  it('empty milestones are refused where at least one is required', () => {
    for (const build of [() => multiStep({ milestones: [] }), () => new MultiStepLR(opt(), { milestones: [] })]) {
      const error = caught(build) as InvalidParameterError;
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.path).toBe('milestones');
      expect(error.message).toContain('got []');
    }
    const error = caught(() => sequence([cosine({ tMax: 3 }), cosine({ tMax: 4 })], { milestones: [] })) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('milestones');
    expect(error.message).toContain('1 milestones');
    const o = opt();
    expect(() => new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 }), new StepLR(o, { stepSize: 3 })], milestones: [] })).toThrow(InvalidParameterError);
  });

  it('decreasing milestones are refused in multiStep and sequence, naming the offending entry (SequentialLR takes them, as PyTorch)', () => {
    const cases: Array<() => unknown> = [
      () => multiStep({ milestones: [5, 10, 7] }),
      () => sequence([cosine({ tMax: 3 }), cosine({ tMax: 4 }), cosine({ tMax: 5 })], { milestones: [10, 7] }),
    ];
    const paths = ['milestones[2]', 'milestones[1]'];
    const o = opt();
    expect(() => new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 }), new StepLR(o, { stepSize: 3 }), new StepLR(o, { stepSize: 4 })], milestones: [10, 7] })).not.toThrow();
    cases.forEach((build, i) => {
      const error = caught(build) as InvalidParameterError;
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.path).toBe(paths[i]);
      expect(error.value).toBe(7);
      expect(error.message).toContain('got 7');
    });
  });

  it('MultiStepLR takes milestones in any order, as PyTorch counts them (negative ones are refused)', () => {
    const o = sgd([1]);
    const s = new MultiStepLR(o, { milestones: [3, 1, 3], gamma: 0.5 });
    for (let i = 0; i < 3; i++) s.step();
    expect(lrs(o)).toEqual([0.125]);
    expectRefused((v) => new MultiStepLR(opt(), { milestones: [3, v] }), 'milestones[1]', -1);
  });

  it('milestones must be an array', () => {
    expect(caught(() => multiStep({ milestones: 5 as never }))).toBeInstanceOf(InvalidParameterError);
    expect(caught(() => new MultiStepLR(opt(), { milestones: '1,2' as never }))).toBeInstanceOf(InvalidParameterError);
  });
});

describe('one-cycle: the peak must stay the peak (stricter than PyTorch)', () => {
  it('maxLr < 0 is refused (pure and per group); 0 freezes the group, as in PyTorch', () => {
    expect([0, 3, 9].map((t) => oneCycle({ totalSteps: 10, maxLr: 0 }).lr(t, 0.1))).toEqual([0, 0, 0]);
    expect(cyclic({ baseLr: 0, maxLr: 1, stepSizeUp: 4, stepSizeDown: 0 }).lr(6, 0.1)).toBe(0.5); // sawtooth: rising again
    for (const v of [-0.1, -1]) {
      expectRefused((x) => oneCycle({ totalSteps: 10, maxLr: x }), 'maxLr', v);
      expectRefused((x) => new OneCycleLR(opt(), { maxLr: x, totalSteps: 10 }), 'maxLr', v);
      expectRefused((x) => new OneCycleLR(opt(), { maxLr: [0.1, x], totalSteps: 10 }), 'maxLr[1]', v);
    }
  });

  it('divFactor < 1 (start rate, the new base rate, above maxLr) is refused', () => {
    for (const v of [0.5, 0.99]) {
      expectRefused((x) => oneCycle({ totalSteps: 10, divFactor: x }), 'divFactor', v);
      expectRefused((x) => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, divFactor: x }), 'divFactor', v);
    }
    const error = caught(() => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, divFactor: 0.5 }));
    expect(error.message).toContain('exceed maxLr');
    // divFactor = 1 (start at the peak) is fine, as in the recorded PyTorch traces
    expect(new OneCycleLR(sgd([1]), { maxLr: 0.1, totalSteps: 10, divFactor: 1 }).getLastLr()).toEqual([0.1]);
  });

  it('a final rate above maxLr (divFactor · finalDivFactor < 1) is refused; a final rate between start and peak is allowed', () => {
    expectRefused((x) => oneCycle({ totalSteps: 10, divFactor: 2, finalDivFactor: x }), 'finalDivFactor', 0.25);
    expect(oneCycle({ totalSteps: 10, divFactor: 2, finalDivFactor: 0.5, maxLr: 1 }).lr(9, 1)).toBe(1);
    expect(oneCycle({ totalSteps: 10, divFactor: 4, finalDivFactor: 0.5, maxLr: 1 }).lr(9, 1)).toBe(0.5);
  });

  it('threePhase with pctStart > 0.5 is refused (the mirrored phase would not fit)', () => {
    expectRefused((x) => oneCycle({ totalSteps: 10, threePhase: true, pctStart: x }), 'pctStart', 0.6);
    expectRefused((x) => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, threePhase: true, pctStart: x }), 'pctStart', 0.9);
    expect(oneCycle({ totalSteps: 10, threePhase: true, pctStart: 0.5 }).lr(4, 1)).toBe(1);
  });

  it('from JSON the path names the PyTorch keyword', () => {
    const error = caught(() => schedulerFromJSON(opt(), { scheduler: 'OneCycleLR', kwargs: { max_lr: 0.1, total_steps: 10, div_factor: 0.5 } })) as InvalidParameterError;
    expect(error.path).toBe('kwargs.div_factor');
    expect(error.message).toContain('got 0.5');
  });

  it('a zero-length first phase (pctStart · totalSteps = 1) fails at construction, as PyTorch divides by zero', () => {
    const error = caught(() => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, pctStart: 0.1 }));
    expect(error).toBeInstanceOf(SchedulerUsageError);
    expect(error.message).toContain('zero length');
  });
});

describe('unknown names', () => {
  it('an unknown schedule type or PyTorch class, with its path', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ type: 'cosinus', tMax: 3 }, 'type', '"cosinus"'],
      [{ type: 'sequence', milestones: [3], schedules: [{ type: 'constant' }, { type: 'cosinus', tMax: 3 }] }, 'schedules[1].type', '"cosinus"'],
      [{ type: 'warmup', steps: 2, schedule: { type: 'chain', schedules: [{ type: 'constant' }, { type: 'nope' }] } }, 'schedule.schedules[1].type', '"nope"'],
      [{ scheduler: 'CosineLR', kwargs: {} }, 'scheduler', '"CosineLR"'],
      [{ scheduler: 'SequentialLR', kwargs: { milestones: [5], schedulers: [{ scheduler: 'ConstantLR' }, { scheduler: 'Nope' }] } }, 'kwargs.schedulers[1].scheduler', '"Nope"'],
      [{ scheduler: 'ChainedScheduler', kwargs: { schedulers: [{ scheduler: 'StepLR', kwargs: { step_size: 2 } }, { scheduler: 'Nope' }] } }, 'kwargs.schedulers[1].scheduler', '"Nope"'],
    ];
    for (const [json, path, value] of cases) {
      for (const read of [() => scheduleFromJSON(json), () => schedulerFromJSON(opt(), json)]) {
        const error = caught(read) as UnknownScheduleError;
        expect(error, JSON.stringify(json)).toBeInstanceOf(UnknownScheduleError);
        expect(error.path).toBe(path);
        expect(error.message).toContain(value);
        expect(error.message).toContain(path);
      }
    }
  });

  it('an unknown option or keyword argument, with its full path (PyTorch spelling keeps PyTorch names)', () => {
    const nested = (child: Record<string, unknown>) => ({ scheduler: 'SequentialLR', kwargs: { milestones: [5], schedulers: [{ scheduler: 'ConstantLR', kwargs: {} }, child] } });
    const cases: Array<[unknown, string]> = [
      [{ type: 'cosine', tMax: 3, tmax: 4 }, 'tmax'],
      [{ type: 'sequence', milestones: [3], schedules: [{ type: 'constant' }, { type: 'cosine', tMax: 3, etamin: 0 }] }, 'schedules[1].etamin'],
      [{ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 3, eta_mn: 0 } }, 'kwargs.eta_mn'],
      [nested({ scheduler: 'CosineAnnealingLR', kwargs: { T_maxx: 3 } }), 'kwargs.schedulers[1].kwargs.T_maxx'],
      [{ scheduler: 'ChainedScheduler', kwargs: { schedulers: [{ scheduler: 'StepLR', kwargs: { step_size: 2, gama: 0.5 } }] } }, 'kwargs.schedulers[0].kwargs.gama'],
      [{ scheduler: 'StepLR', options: { stepSize: 3, gama: 0.5 } }, 'options.gama'],
      [{ scheduler: 'StepLR', kwargs: { step_size: 3 }, extra: 1 }, 'extra'],
    ];
    for (const [json, path] of cases) {
      for (const read of [() => scheduleFromJSON(json), () => schedulerFromJSON(opt(), json)]) {
        const error = caught(read) as InvalidParameterError;
        expect(error, JSON.stringify(json)).toBeInstanceOf(InvalidParameterError);
        expect(error.path).toBe(path);
        expect(error.message).toContain(path);
      }
    }
  });

  it('a bad value nested in PyTorch spelling names the PyTorch keyword at its full path', () => {
    const json = { scheduler: 'SequentialLR', kwargs: { milestones: [5], schedulers: [{ scheduler: 'ConstantLR', kwargs: {} }, { scheduler: 'CosineAnnealingLR', kwargs: { T_max: 0 } }] } };
    for (const read of [() => scheduleFromJSON(json), () => schedulerFromJSON(opt(), json)]) {
      const error = caught(read) as InvalidParameterError;
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.path).toBe('kwargs.schedulers[1].kwargs.T_max');
      expect(error.message).toBe('kwargs.schedulers[1].kwargs.T_max must be a positive finite number, got 0');
    }
    const deep = caught(() => scheduleFromJSON({ type: 'warmup', steps: 2, schedule: { type: 'sequence', milestones: [4], schedules: [{ type: 'constant' }, { type: 'chain', schedules: [{ type: 'cosine', tMax: -1 }] }] } })) as InvalidParameterError;
    expect(deep.path).toBe('schedule.schedules[1].schedules[0].tMax');
    expect(deep.message).toContain('got -1');
  });

  it('unknown option keys are refused by the factories and the scheduler classes (typos do not pass silently)', () => {
    const cases: Array<[() => unknown, string]> = [
      [() => cosine({ tMax: 3, etamin: 0 } as never), 'etamin'],
      [() => new StepLR(opt(), { stepSize: 3, gama: 0.5 } as never), 'gama'],
      [() => new MultiStepLR(opt(), { milestones: [2], gama: 0.5 } as never), 'gama'],
      [() => new ConstantLR(opt(), { factr: 0.5 } as never), 'factr'],
      [() => new LinearLR(opt(), { start_factor: 0.5 } as never), 'start_factor'],
      [() => new ExponentialLR(opt(), { gamma: 0.9, step: 1 } as never), 'step'],
      [() => new PolynomialLR(opt(), { pow: 2 } as never), 'pow'],
      [() => new CosineAnnealingLR(opt(), { tMax: 3, T_max: 3 } as never), 'T_max'],
      [() => new CosineAnnealingWarmRestarts(opt(), { t0: 3, tmult: 2 } as never), 'tmult'],
      [() => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, pct: 0.3 } as never), 'pct'],
      [() => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, stepSize: 3 } as never), 'stepSize'],
      [() => new LambdaLR(opt(), { lrLambda: () => 1, last_epoch: 2 } as never), 'last_epoch'],
      [() => new ScheduleLR(opt(), cosine({ tMax: 3 }), { lastepoch: 2 } as never), 'lastepoch'],
      [() => new ReduceLROnPlateau(opt(), { patiance: 3 } as never), 'patiance'],
      [() => {
        const o = opt();
        return new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 })], milestones: [], milestone: [3] } as never);
      }, 'milestone'],
    ];
    for (const [build, path] of cases) {
      const error = caught(build) as InvalidParameterError;
      expect(error, path).toBeInstanceOf(InvalidParameterError);
      expect(error.path).toBe(path);
      expect(error.message).toContain('unknown option');
    }
    // a missing options object is a typed error, not a TypeError
    expect(caught(() => new StepLR(opt(), undefined as never))).toBeInstanceOf(InvalidParameterError);
    expect(caught(() => new OneCycleLR(opt(), null as never))).toBeInstanceOf(InvalidParameterError);
  });

  it('schedulers that hold user functions cannot come from JSON, and ReduceLROnPlateau is not a pure schedule', () => {
    for (const name of ['LambdaLR', 'MultiplicativeLR']) {
      const error = caught(() => schedulerFromJSON(opt(), { scheduler: name, kwargs: {} })) as InvalidParameterError;
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect(error.path).toBe('scheduler');
    }
    const error = caught(() => scheduleFromJSON({ scheduler: 'ReduceLROnPlateau', kwargs: {} })) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('scheduler');
  });

  it('invalid JSON text is a typed error', () => {
    const error = caught(() => scheduleFromJSON('{"type": "cosine", tMax: 3}')) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('json');
  });
});

describe('state dicts', () => {
  it('a state of another scheduler kind is refused, naming `kind`, and nothing changes', () => {
    const pairs: Array<[() => { stateDict(): SchedulerState; loadStateDict(s: SchedulerState): void }, () => { stateDict(): SchedulerState }]> = [
      [() => new StepLR(opt(), { stepSize: 2 }), () => new ExponentialLR(opt(), { gamma: 0.9 })],
      [() => new ReduceLROnPlateau(opt()), () => new StepLR(opt(), { stepSize: 2 })],
      [() => new CosineAnnealingLR(opt(), { tMax: 3 }), () => new ReduceLROnPlateau(opt())],
    ];
    for (const [target, source] of pairs) {
      const scheduler = target();
      const before = JSON.stringify(scheduler.stateDict());
      const state = source().stateDict();
      const error = caught(() => scheduler.loadStateDict(state)) as StateDictError;
      expect(error).toBeInstanceOf(StateDictError);
      expect(error.path).toBe('kind');
      expect(error.message).toContain(JSON.stringify(state.kind));
      expect(JSON.stringify(scheduler.stateDict())).toBe(before);
    }
  });

  it('a sub-scheduler state of another kind names its place; the composite is left as it was', () => {
    const o = opt();
    const chained = new ChainedScheduler([new StepLR(o, { stepSize: 2 }), new ExponentialLR(o, { gamma: 0.9 })]);
    for (let i = 0; i < 3; i++) chained.step();
    const state = chained.stateDict();
    const o2 = opt();
    const fresh = new ChainedScheduler([new StepLR(o2, { stepSize: 2 }), new ExponentialLR(o2, { gamma: 0.9 })]);
    const before = JSON.stringify(fresh.stateDict());
    const bad = JSON.parse(JSON.stringify(state)) as SchedulerState & { schedulers: SchedulerState[] };
    bad.schedulers[1] = new StepLR(opt(), { stepSize: 2 }).stateDict();
    const error = caught(() => fresh.loadStateDict(bad)) as StateDictError;
    expect(error).toBeInstanceOf(StateDictError);
    expect(error.path).toBe('schedulers[1].kind');
    expect(JSON.stringify(fresh.stateDict())).toBe(before);

    const o3 = opt();
    const sequential = new SequentialLR(o3, { schedulers: [new StepLR(o3, { stepSize: 2 }), new ExponentialLR(o3, { gamma: 0.9 })], milestones: [3] });
    const seqBefore = JSON.stringify(sequential.stateDict());
    const seqState = JSON.parse(seqBefore) as SchedulerState & { schedulers: SchedulerState[] };
    seqState.lastEpoch = 2;
    seqState.schedulers[0]!.lastEpoch = 2;
    seqState.schedulers[1]!.lastEpoch = 'two' as never;
    const seqError = caught(() => sequential.loadStateDict(seqState)) as StateDictError;
    expect(seqError.path).toBe('schedulers[1].lastEpoch');
    expect(JSON.stringify(sequential.stateDict())).toBe(seqBefore);
  });

  it('wrong-typed fields are refused, naming the field and showing the value; nothing changes', () => {
    const cases: Array<[() => { stateDict(): SchedulerState; loadStateDict(s: SchedulerState): void }, string, unknown]> = [
      [() => new StepLR(opt(), { stepSize: 2 }), 'lastEpoch', '3'],
      [() => new StepLR(opt(), { stepSize: 2 }), 'stepCount', null],
      [() => new StepLR(opt(), { stepSize: 2 }), 'baseLrs', [0.1]],
      [() => new StepLR(opt(), { stepSize: 2 }), 'lastLr', [0.1, Number.NaN]],
      [() => new CosineAnnealingWarmRestarts(opt(), { t0: 3 }), 'tI', 'x'],
      [() => new CosineAnnealingWarmRestarts(opt(), { t0: 3 }), 'tCur', Infinity],
      [() => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1 }), 'baseMomentums', undefined],
      [() => new ScheduleLR(opt(), cosine({ tMax: 3 })), 'baseMomentums', 'none'],
      [() => new ReduceLROnPlateau(opt()), 'best', 'x'],
      [() => new ReduceLROnPlateau(opt()), 'numBadEpochs', -Infinity],
      [() => new ReduceLROnPlateau(opt()), 'lastLr', [1]],
    ];
    for (const [make, field, value] of cases) {
      const scheduler = make();
      const state = scheduler.stateDict();
      const before = JSON.stringify(state);
      if (field === 'tCur') state.tI = 99; // the valid field read first must not be applied either
      const error = caught(() => scheduler.loadStateDict({ ...state, [field]: value })) as StateDictError;
      expect(error, field).toBeInstanceOf(StateDictError);
      expect(error.path).toBe(field);
      expect(error.code).toBe('invalid-state-dict');
      expect(error.message).toContain(field);
      expect(JSON.stringify(scheduler.stateDict())).toBe(before);
    }
    expect(caught(() => new StepLR(opt(), { stepSize: 2 }).loadStateDict(null as never))).toBeInstanceOf(StateDictError);
    expect(caught(() => new StepLR(opt(), { stepSize: 2 }).loadStateDict([] as never))).toBeInstanceOf(StateDictError);
  });

  it('a state saved with other options is refused, naming `options`', () => {
    const state = new StepLR(opt(), { stepSize: 2 }).stateDict();
    const error = caught(() => new StepLR(opt(), { stepSize: 3 }).loadStateDict(state)) as StateDictError;
    expect(error.path).toBe('options');
    expect(error.message).toContain('"stepSize":2');
  });
});

describe('steps', () => {
  const bad = [-1, -0.5, Number.NaN, Infinity, -Infinity];

  it('step(epoch) with a negative, NaN or infinite epoch is refused and changes nothing', () => {
    const makers: Array<() => { step(epoch?: number): void; stateDict(): SchedulerState }> = [
      () => new StepLR(opt(), { stepSize: 2 }),
      () => new CosineAnnealingLR(opt(), { tMax: 5 }),
      () => new CosineAnnealingWarmRestarts(opt(), { t0: 5, tMult: 2 }),
      () => new ScheduleLR(opt(), sgdr({ t0: 5 })),
      () => new LambdaLR(opt(), { lrLambda: (t) => 1 / (t + 1) }),
    ];
    for (const make of makers) {
      for (const epoch of bad) {
        const scheduler = make();
        scheduler.step();
        const before = JSON.stringify(scheduler.stateDict());
        const error = caught(() => scheduler.step(epoch)) as InvalidParameterError;
        expect(error).toBeInstanceOf(InvalidParameterError);
        expect(error.path).toBe('step');
        expect(error.message).toContain(`got ${epoch}`);
        expect(JSON.stringify(scheduler.stateDict())).toBe(before);
      }
    }
  });

  it('Schedule.lr and momentum refuse a negative, NaN or infinite step', () => {
    const schedules = [cosine({ tMax: 3 }), oneCycle({ totalSteps: 10 }), chain([step({ stepSize: 2 })]), sequence([constant(), linear()], { milestones: [3] })];
    for (const s of schedules) {
      for (const t of bad) {
        const error = caught(() => s.lr(t, 0.1)) as InvalidParameterError;
        expect(error).toBeInstanceOf(InvalidParameterError);
        expect(error.path).toBe('step');
      }
    }
    expect(caught(() => oneCycle({ totalSteps: 10 }).momentum!(-1, 0.9))).toBeInstanceOf(InvalidParameterError);
  });

  it('ReduceLROnPlateau.step needs a number (NaN counts as no improvement, as in PyTorch)', () => {
    const o = sgd([1]);
    const plateau = new ReduceLROnPlateau(o, { patience: 0 });
    expect(caught(() => plateau.step('0.5' as never))).toBeInstanceOf(InvalidParameterError);
    plateau.step(1);
    plateau.step(Number.NaN);
    expect(lrs(o)).toEqual([0.1]);
  });

  it('stepping OneCycleLR past totalSteps is refused and leaves the rates alone', () => {
    const o = sgd([0.1]);
    const s = new OneCycleLR(o, { maxLr: 0.1, totalSteps: 5 });
    for (let i = 0; i < 5; i++) s.step();
    const last = lrs(o);
    const error = caught(() => s.step());
    expect(error).toBeInstanceOf(SchedulerUsageError);
    expect(error).toBeInstanceOf(AnnealError);
    expect(error.message).toContain('total steps is 5');
    expect(lrs(o)).toEqual(last);
    expect(s.getLastLr()).toEqual(last);
  });
});

describe('nothing yields NaN later', () => {
  it('ConstantLR factor 0 is refused in the recursive form (it would divide by 0 at totalIters) and fine in closed form', () => {
    const error = caught(() => new ConstantLR(opt(), { factor: 0 })) as InvalidParameterError;
    expect(error.path).toBe('factor');
    expect(error.message).toContain('got 0');
    const o = sgd([0.1]);
    const s = new ConstantLR(o, { factor: 0, totalIters: 2, closedForm: true });
    const seen = [o.paramGroups[0]!.lr];
    for (let i = 0; i < 4; i++) {
      s.step();
      seen.push(o.paramGroups[0]!.lr);
    }
    expect(seen).toEqual([0, 0, 0.1, 0.1, 0.1]);
  });

  it('LinearLR startFactor 0 is refused in the recursive form (x/0 or 0/0 at step 1, even with endFactor 0), accepted in closed form', () => {
    expectRefused((v) => new LinearLR(opt(), { startFactor: v }), 'startFactor', 0);
    expectRefused((v) => new LinearLR(opt(), { startFactor: v, endFactor: 0 }), 'startFactor', 0);
    const o = sgd([1]);
    const s = new LinearLR(o, { startFactor: 0, totalIters: 4, closedForm: true });
    s.step();
    expect(lrs(o)).toEqual([0.25]);
    const flat = sgd([1]);
    const zero = new LinearLR(flat, { startFactor: 0, endFactor: 0, closedForm: true });
    for (let i = 0; i < 10; i++) zero.step();
    expect(lrs(flat)).toEqual([0]);
  });

  it('factors outside PyTorch’s ranges are refused (ConstantLR, LinearLR factors in [0, 1]; plateau factor in [0, 1))', () => {
    expectRefused((v) => new ConstantLR(opt(), { factor: v }), 'factor', 1.5);
    expectRefused((v) => new LinearLR(opt(), { endFactor: v }), 'endFactor', -0.1);
    expectRefused((v) => new ReduceLROnPlateau(opt(), { factor: v }), 'factor', 1);
    expectRefused((v) => constant({ factor: v }), 'factor', 2);
  });

  it('cyclic gamma < 0 is refused (gamma^t is NaN at fractional steps)', () => {
    expectRefused((v) => cyclic({ maxLr: 1, mode: 'exp_range', gamma: v }), 'gamma', -0.5);
    expectRefused((v) => new CyclicLR(opt(), { baseLr: 0.01, maxLr: 0.1, mode: 'exp_range', gamma: v }), 'gamma', -0.5);
  });

  it('a rate that overflows throws NonFiniteRateError instead of returning Infinity or NaN', () => {
    const error = caught(() => exponential({ gamma: 2 }).lr(2 ** 20, 1)) as NonFiniteRateError;
    expect(error).toBeInstanceOf(NonFiniteRateError);
    expect(error.path).toContain('exponential.lr(1048576');
    expect(caught(() => sgdr({ t0: 1, cycleDecay: 2 }).lr(2 ** 40, 1))).toBeInstanceOf(NonFiniteRateError);
    const o = sgd([1]);
    const s = new ExponentialLR(o, { gamma: 1e100 });
    for (let i = 0; i < 3; i++) s.step();
    expect(caught(() => s.step())).toBeInstanceOf(NonFiniteRateError);
    expect(Number.isFinite(o.paramGroups[0]!.lr)).toBe(true);
  });

  it('OneCycleLR refuses groups that disagree on their momentum (betas[0] in one, momentum in another)', () => {
    const mixed = { paramGroups: [{ lr: 0.1, betas: [0.9, 0.999] }, { lr: 0.1, momentum: 0.9 }] };
    const error = caught(() => new OneCycleLR(mixed, { maxLr: 0.1, totalSteps: 10 })) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('optimizer.paramGroups[1].betas');
    expect(mixed.paramGroups[1]!.lr).toBe(0.1); // refused before anything was written
    // without cycling the momentum, nothing to agree on
    expect(() => new OneCycleLR({ paramGroups: [{ lr: 0.1, betas: [0.9, 0.999] }, { lr: 0.1 }] }, { maxLr: 0.1, totalSteps: 10, cycleMomentum: false })).not.toThrow();
  });

  it('a step whose rate for a later group is not finite is refused before any group is written (checked while computed)', () => {
    // Each is spoiled after construction so that group 1's next rate overflows (or is NaN).
    const cases: [string, { step(): void }, ReturnType<typeof sgd>][] = [];
    const o1 = sgd([0.1, 0.1]);
    const cal = new CosineAnnealingLR(o1, { tMax: 10 });
    o1.paramGroups[1]!.lr = Number.POSITIVE_INFINITY; // the recursive form works on the group's rate
    cases.push(['CosineAnnealingLR', cal, o1]);
    const o2 = sgd([0.1, 0.1]);
    const cawr = new CosineAnnealingWarmRestarts(o2, { t0: 10, etaMin: -1e307 });
    cawr.baseLrs[1] = 1e308;
    cases.push(['CosineAnnealingWarmRestarts', cawr, o2]);
    const o3 = sgd([0.1, 0.1]);
    const ocl = new OneCycleLR(o3, { maxLr: 0.1, totalSteps: 10 });
    o3.paramGroups[1]!.maxLr = Number.NaN;
    cases.push(['OneCycleLR', ocl, o3]);
    for (const [name, scheduler, o] of cases) {
      const before = lrs(o);
      const error = caught(() => scheduler.step());
      expect(error, name).toBeInstanceOf(NonFiniteRateError);
      expect((error as NonFiniteRateError).path, name).toContain('param group 1');
      expect(lrs(o), name).toEqual(before);
    }
  });

  it('a combinator whose child overflows throws the child’s own error, with the child’s own step and base rate', () => {
    const overflowing = exponential({ gamma: 2 });
    const path = (f: () => unknown) => (caught(f) as NonFiniteRateError).path;
    expect(path(() => warmup({ steps: 10 }, overflowing).lr(2 ** 20, 1))).toBe('exponential.lr(1048566, 1)');
    expect(path(() => sequence([cosine({ tMax: 5 }), overflowing], { milestones: [5] }).lr(2 ** 20, 1))).toBe('exponential.lr(1048571, 1)');
    expect(path(() => chain([constant({ factor: 0.5 }), overflowing, constant()]).lr(2 ** 20, 1))).toBe('exponential.lr(1048576, 0.5)');
    const nested = warmup({ steps: 3 }, sequence([constant(), chain([overflowing, constant()])], { milestones: [2] }));
    expect(path(() => nested.lr(2 ** 20, 1))).toBe('exponential.lr(1048571, 1)');
    // The second child overflows on the first one's finite value.
    const huge = exponential({ gamma: 1e200 });
    expect(path(() => chain([huge, huge]).lr(1, 1))).toBe('exponential.lr(1, 1e+200)');
    // The warmup's own product overflows: the warmup's error.
    expect(path(() => warmup({ steps: 10, startFactor: 1e308 }, constant({ factor: 1 })).lr(5, 1e10))).toBe('warmup.lr(5, 10000000000)');
    // SGDR's warmup is a warmup over the cycles: the cycles' error.
    expect(path(() => sgdr({ t0: 1, cycleDecay: 2, warmupSteps: 5 }).lr(2 ** 40, 1))).toBe('sgdr.lr(1099511627771, 1)');
  });

  it('a user function returning NaN is refused with the step it was called at', () => {
    const error = caught(() => new LambdaLR(opt(), { lrLambda: (t) => (t === 0 ? Number.NaN : 1) })) as InvalidParameterError;
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error.path).toBe('lrLambda[0](0)');
  });

  it('schedulers need an optimizer with groups and finite rates', () => {
    expect((caught(() => new StepLR({ paramGroups: [] }, { stepSize: 2 })) as InvalidParameterError).path).toBe('optimizer.paramGroups');
    expect((caught(() => new StepLR({} as never, { stepSize: 2 })) as InvalidParameterError).path).toBe('optimizer.paramGroups');
    const o = opt();
    const error = caught(() => new ChainedScheduler([new StepLR(o, { stepSize: 2 }), new StepLR(opt(), { stepSize: 2 })] as SteppableScheduler[])) as InvalidParameterError;
    expect(error.path).toBe('schedulers[1].optimizer');
    expect((caught(() => new ScheduleLR(opt(), [cosine({ tMax: 3 })])) as InvalidParameterError).path).toBe('schedule');
  });
});
