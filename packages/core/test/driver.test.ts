// createScheduleDriver: every kind of source through one interface, checked step by step against the
// schedule's own lr() or a scheduler stepped by hand; the composite schedulers' state dicts; the exported
// argument checks.
import { describe, expect, it } from 'vitest';
import {
  InvalidParameterError,
  SchedulerUsageError,
  StateDictError,
  cosine,
  exponential,
  isSchedule,
  oneCycle,
  sgdr,
  warmup,
} from '../src/index.js';
import {
  ChainedScheduler,
  CosineAnnealingLR,
  ExponentialLR,
  LinearLR,
  ReduceLROnPlateau,
  ScheduleLR,
  SequentialLR,
  StepLR,
  type SchedulerState,
} from '../src/schedulers.js';
import {
  checkBoolean,
  checkFinite,
  checkInteger,
  checkKnownKeys,
  checkNonNegative,
  checkOneOf,
  checkUnitInterval,
  createScheduleDriver,
  isFiniteNumber,
  isScheduler,
} from '../src/adapter.js';
import { expectClose, lrs, sgd } from './helpers.js';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function invalid(fn: () => unknown): InvalidParameterError {
  const error = caught(fn);
  expect(error).toBeInstanceOf(InvalidParameterError);
  return error as InvalidParameterError;
}

describe('a pure schedule', () => {
  it('with a base rate: lr() is schedule.lr(t, baseLr) at every step, bit for bit, before and after the scheduler is handed out', () => {
    const schedule = cosine({ tMax: 10, etaMin: 0.001 });
    const driver = createScheduleDriver(schedule, { baseLr: 0.1 });
    expect(driver.kind).toBe('schedule');
    expect(driver.canJump).toBe(true);
    for (let t = 0; t <= 25; t++) {
      if (t === 13) {
        // Asking for the scheduler brings its ScheduleLR to the current step; it drives from then on.
        expect(driver.scheduler).toBeInstanceOf(ScheduleLR);
        expect(driver.scheduler.lastEpoch).toBe(13);
        expect(lrs(driver.optimizer)).toEqual([schedule.lr(13, 0.1)]);
      }
      expect(driver.lr()).toBe(schedule.lr(t, 0.1));
      expect(driver.lrs()).toEqual([schedule.lr(t, 0.1)]);
      driver.step();
    }
    expect(driver.scheduler.lastEpoch).toBe(26);
    expect(driver.optimizer.paramGroups[0]!.lr).toBe(schedule.lr(26, 0.1));
  });

  it('on an optimizer: each group follows the schedule from its own base rate, momentum included', () => {
    const schedule = oneCycle({ totalSteps: 20, maxLr: 0.5 });
    const optimizer = sgd([0.5, 0.05], 0.9);
    const driver = createScheduleDriver(schedule, { optimizer });
    expect(driver.optimizer).toBe(optimizer);
    for (let t = 0; t < 20; t++) {
      expect(driver.lrs()).toEqual([schedule.lr(t, 0.5), schedule.lr(t, 0.05)]);
      expect(lrs(optimizer)).toEqual(driver.lrs());
      expect(driver.lr(1)).toBe(schedule.lr(t, 0.05));
      expect(optimizer.paramGroups[0]!.momentum).toBe(schedule.momentum!(t, 0.9));
      driver.step();
    }
  });

  it('one schedule per group', () => {
    const schedules = [cosine({ tMax: 8 }), exponential({ gamma: 0.9 })];
    const driver = createScheduleDriver(schedules, { baseLr: [1, 0.2] });
    for (let t = 0; t < 12; t++) {
      expect(driver.lrs()).toEqual([schedules[0]!.lr(t, 1), schedules[1]!.lr(t, 0.2)]);
      driver.step();
    }
  });

  it('stepTo jumps to any step, fractional included, and step() continues from there', () => {
    const schedule = warmup({ steps: 3 }, sgdr({ t0: 4, tMult: 2 }));
    const own = createScheduleDriver(schedule, { baseLr: 0.3 });
    const onOptimizer = createScheduleDriver(schedule, { optimizer: sgd([0.3]) });
    for (const driver of [own, onOptimizer]) {
      for (const t of [0.5, 2.25, 7, 40.125, 3]) {
        driver.stepTo(t);
        expect(driver.lr()).toBe(schedule.lr(t, 0.3));
      }
      driver.step();
      expect(driver.lr()).toBe(schedule.lr(4, 0.3));
      expect(invalid(() => driver.stepTo(-1)).path).toBe('step');
      expect(invalid(() => driver.stepTo(Number.NaN)).path).toBe('step');
      expect(driver.lr()).toBe(schedule.lr(4, 0.3));
      driver.stepTo(10.5);
      expect(driver.scheduler.lastEpoch).toBe(10.5);
      driver.step();
      expect(driver.lr()).toBe(schedule.lr(11.5, 0.3));
    }
  });

  it('refuses a metric: only a ReduceLROnPlateau takes one', () => {
    for (const driver of [createScheduleDriver(cosine({ tMax: 3 }), { baseLr: 1 }), createScheduleDriver(cosine({ tMax: 3 }), { optimizer: sgd([1]) })]) {
      const error = caught(() => driver.step(0.5));
      expect(error).toBeInstanceOf(SchedulerUsageError);
      expect((error as Error).message).toBe('step(metric) is for a ReduceLROnPlateau; a pure schedule is stepped with step()');
      expect(driver.lr()).toBe(1);
    }
  });
});

describe('a stateful scheduler', () => {
  it('CosineAnnealingLR given as is: the rates of its groups, step by step, within 1e-12 of cosine().lr', () => {
    const optimizer = sgd([0.1, 0.4]);
    const scheduler = new CosineAnnealingLR(optimizer, { tMax: 10, etaMin: 0.001 });
    const reference = new CosineAnnealingLR(sgd([0.1, 0.4]), { tMax: 10, etaMin: 0.001 });
    const schedule = cosine({ tMax: 10, etaMin: 0.001 });
    const driver = createScheduleDriver(scheduler);
    expect(driver.kind).toBe('scheduler');
    expect(driver.scheduler).toBe(scheduler);
    expect(driver.optimizer).toBe(optimizer);
    for (let t = 0; t <= 30; t++) {
      expect(driver.lrs()).toEqual(reference.getLastLr());
      expectClose(driver.lr(0), schedule.lr(t, 0.1), 1e-12, 0.1, `group 0 at ${t}`);
      expectClose(driver.lr(1), schedule.lr(t, 0.4), 1e-12, 0.4, `group 1 at ${t}`);
      driver.step();
      reference.step();
    }
    expect(scheduler.lastEpoch).toBe(31);
  });

  it('a factory builds it on the driver’s own groups (baseLr) or on the optimizer given', () => {
    const schedule = cosine({ tMax: 6 });
    const own = createScheduleDriver((o) => new CosineAnnealingLR(o, { tMax: 6 }), { baseLr: 0.2 });
    const optimizer = sgd([0.2]);
    const onOptimizer = createScheduleDriver((o) => new CosineAnnealingLR(o, { tMax: 6 }), { optimizer });
    expect(onOptimizer.optimizer).toBe(optimizer);
    expect(own.scheduler).toBeInstanceOf(CosineAnnealingLR);
    for (let t = 0; t < 14; t++) {
      expectClose(own.lr(), schedule.lr(t, 0.2), 1e-12, 0.2, `step ${t}`);
      expect(onOptimizer.lr()).toBe(own.lr());
      own.step();
      onOptimizer.step();
    }
  });

  it('stepTo uses the closed form of an LRScheduler; SequentialLR and ChainedScheduler cannot jump', () => {
    const driver = createScheduleDriver(new CosineAnnealingLR(sgd([0.1]), { tMax: 10 }));
    driver.stepTo(4);
    expectClose(driver.lr(), cosine({ tMax: 10 }).lr(4, 0.1), 1e-15, 0.1);
    const o = sgd([0.1]);
    const sequential = createScheduleDriver(new SequentialLR(o, { schedulers: [new LinearLR(o, { startFactor: 0.5, totalIters: 2 }), new ExponentialLR(o, { gamma: 0.5 })], milestones: [2] }));
    expect(sequential.canJump).toBe(false);
    const error = caught(() => sequential.stepTo(3));
    expect(error).toBeInstanceOf(SchedulerUsageError);
    expect((error as Error).message).toBe('SequentialLR cannot jump to a step; call step(...) instead');
    const rates: number[] = [];
    for (let t = 0; t < 5; t++) {
      rates.push(sequential.lr());
      sequential.step();
    }
    // LinearLR's recursive step (PyTorch's arithmetic), then ExponentialLR restarted at its base rate
    expect(rates).toEqual([0.05, 0.05 * 1.5, 0.1, 0.05, 0.025]);
    const c = sgd([1]);
    const chained = createScheduleDriver(new ChainedScheduler([new StepLR(c, { stepSize: 2, gamma: 0.5 }), new ExponentialLR(c, { gamma: 0.9 })]));
    expect(chained.canJump).toBe(false);
    chained.step();
    expectClose(chained.lr(), 0.9, 1e-15);
  });
});

describe('ReduceLROnPlateau', () => {
  it('steps with the metric: the rate halves after more than `patience` bad steps, as the scheduler itself does', () => {
    const metrics = [1, 0.9, 0.95, 0.95, 0.95, 0.8, 0.85, 0.85, 0.85, 0.85, Number.NaN, 0.7];
    const driver = createScheduleDriver((o) => new ReduceLROnPlateau(o, { patience: 1, factor: 0.5 }), { baseLr: 0.1 });
    const reference = new ReduceLROnPlateau(sgd([0.1]), { patience: 1, factor: 0.5 });
    expect(driver.kind).toBe('plateau');
    expect(driver.canJump).toBe(false);
    const rates: number[] = [];
    for (const metric of metrics) {
      driver.step(metric);
      reference.step(metric);
      rates.push(driver.lr());
      expect(driver.lrs()).toEqual(reference.getLastLr());
    }
    expect(rates).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125, 0.0125]);
  });

  it('refuses a step without a metric and a jump, changing nothing', () => {
    const scheduler = new ReduceLROnPlateau(sgd([0.1]), { patience: 0 });
    const driver = createScheduleDriver(scheduler);
    const before = JSON.stringify(scheduler.stateDict());
    const error = caught(() => driver.step());
    expect(error).toBeInstanceOf(SchedulerUsageError);
    expect((error as Error).message).toBe('a ReduceLROnPlateau is stepped with the metric of the step just taken: step(metric), got undefined');
    expect(caught(() => driver.stepTo(2))).toBeInstanceOf(SchedulerUsageError);
    expect(JSON.stringify(scheduler.stateDict())).toBe(before);
  });
});

describe('saving through driver.scheduler', () => {
  it('a pure schedule on the driver’s own groups: the ScheduleLR handed out saves the current step', () => {
    const schedule = warmup({ steps: 5 }, cosine({ tMax: 20 }));
    const first = createScheduleDriver(schedule, { baseLr: 0.5 });
    for (let i = 0; i < 7; i++) first.step();
    const saved = JSON.parse(JSON.stringify(first.scheduler.stateDict())) as SchedulerState;
    expect(saved.lastEpoch).toBe(7);
    const second = createScheduleDriver(schedule, { baseLr: 0.5 });
    second.scheduler.loadStateDict(saved);
    second.optimizer.paramGroups[0]!.lr = saved.lastLr[0]!; // as PyTorch: the optimizer's rates are restored with the optimizer
    for (let t = 7; t < 30; t++) {
      expect(second.lr()).toBe(schedule.lr(t, 0.5));
      expect(first.lr()).toBe(second.lr());
      first.step();
      second.step();
    }
  });

  it('a fresh driver loading the state continues exactly where the first one stands', () => {
    const make = () => createScheduleDriver((o) => new CosineAnnealingLR(o, { tMax: 7, etaMin: 0.01 }), { baseLr: 0.3 });
    const first = make();
    for (let i = 0; i < 9; i++) first.step();
    const saved = JSON.parse(JSON.stringify(first.scheduler.stateDict())) as SchedulerState;
    const second = make();
    second.scheduler.loadStateDict(saved);
    second.optimizer.paramGroups[0]!.lr = first.lr(); // the optimizer's own state, restored separately
    for (let i = 0; i < 9; i++) {
      first.step();
      second.step();
      expect(second.lr()).toBe(first.lr());
    }
  });
});

describe('refusals name the parameter and the value', () => {
  it('sources', () => {
    const notASource = invalid(() => createScheduleDriver({ lr: 0.1 } as never, { baseLr: 0.1, name: 'schedule' }));
    expect(notASource.path).toBe('schedule');
    expect(notASource.message).toMatch(/^schedule must be a Schedule \(cosine\(\{ tMax: 100 \}\), \.\.\.\), an array of Schedules/);
    expect(invalid(() => createScheduleDriver(42 as never)).path).toBe('source');
    const notAScheduler = invalid(() => createScheduleDriver((() => 3) as never, { baseLr: 0.1, name: 'scheduler' }));
    expect(notAScheduler.message).toBe('scheduler must be a function returning a scheduler (an object with step()), got 3');
    const other = sgd([0.1]);
    expect(invalid(() => createScheduleDriver(() => new StepLR(other, { stepSize: 1 }), { baseLr: 0.1 })).message).toBe(
      'source must be a function returning an anneal scheduler built on the optimizer it is given, got "(a scheduler on another optimizer)"',
    );
    expect(invalid(() => createScheduleDriver(() => new StepLR(other, { stepSize: 1 }), { optimizer: sgd([0.1]), optimizerLabel: 'the binding it receives' })).message).toMatch(
      /built on the binding it receives/,
    );
    const onOther = invalid(() => createScheduleDriver(new StepLR(other, { stepSize: 1 }), { optimizer: sgd([0.1]), name: 'scheduler' }));
    expect(onOther.path).toBe('scheduler.optimizer');
    expect(invalid(() => createScheduleDriver({ step() {} })).path).toBe('source.optimizer');
  });

  it('baseLr', () => {
    expect(invalid(() => createScheduleDriver(cosine({ tMax: 3 }))).message).toBe(
      'baseLr must be a finite number (the base learning rate the schedule scales) when feeding a pure schedule, got undefined',
    );
    expect(invalid(() => createScheduleDriver(cosine({ tMax: 3 }), { baseLr: Number.NaN })).path).toBe('baseLr');
    expect(invalid(() => createScheduleDriver(cosine({ tMax: 3 }), { baseLr: [0.1, Infinity] })).path).toBe('baseLr[1]');
    expect(invalid(() => createScheduleDriver((o) => new StepLR(o, { stepSize: 1 }))).path).toBe('baseLr');
    expect(invalid(() => createScheduleDriver(cosine({ tMax: 3 }), { baseLr: 0.1, optimizer: sgd([0.1]) })).path).toBe('baseLr');
    expect(invalid(() => createScheduleDriver(new StepLR(sgd([0.1]), { stepSize: 1 }), { baseLr: 0.1 })).path).toBe('baseLr');
  });

  it('a group that does not exist', () => {
    const error = invalid(() => createScheduleDriver(cosine({ tMax: 3 }), { baseLr: 0.1 }).lr(1));
    expect(error.message).toBe('group must be an integer from 0 to 0 (the optimizer has 1 param groups), got 1');
  });
});

describe('type guards', () => {
  it('isSchedule tells schedules from schedulers, param groups and factories', () => {
    expect(isSchedule(cosine({ tMax: 3 }))).toBe(true);
    expect(isSchedule(warmup({ steps: 2 }, sgdr({ t0: 3 })))).toBe(true);
    for (const value of [{ lr: 0.1 }, { lr: () => 1 }, new StepLR(sgd([0.1]), { stepSize: 1 }), () => cosine({ tMax: 3 }), null, 'cosine']) {
      expect(isSchedule(value)).toBe(false);
    }
    expect(isScheduler(new ReduceLROnPlateau(sgd([0.1])))).toBe(true);
    expect(isScheduler(cosine({ tMax: 3 }))).toBe(false);
    expect(isScheduler(() => undefined)).toBe(false);
  });
});

describe('composite scheduler state dicts: their own fields, nothing filled in', () => {
  it('SequentialLR, ChainedScheduler and ReduceLROnPlateau save only what they keep', () => {
    const o = sgd([0.1]);
    const sequential = new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 }), new ExponentialLR(o, { gamma: 0.9 })], milestones: [3] });
    expect(Object.keys(sequential.stateDict()).sort()).toEqual(['kind', 'lastEpoch', 'lastLr', 'options', 'schedulers']);
    const c = sgd([0.1]);
    const chained = new ChainedScheduler([new StepLR(c, { stepSize: 2 }), new ExponentialLR(c, { gamma: 0.9 })]);
    expect(Object.keys(chained.stateDict()).sort()).toEqual(['kind', 'lastLr', 'options', 'schedulers']);
    const plateau = new ReduceLROnPlateau(sgd([0.1]));
    expect(Object.keys(plateau.stateDict()).sort()).toEqual(['best', 'cooldownCounter', 'kind', 'lastEpoch', 'lastLr', 'numBadEpochs', 'options']);
    expect(Object.keys(new StepLR(sgd([0.1]), { stepSize: 2 }).stateDict()).sort()).toEqual(['baseLrs', 'kind', 'lastEpoch', 'lastLr', 'options', 'stepCount']);
  });

  it('states saved with the former filler fields (stepCount, baseLrs, a zero lastEpoch) still load', () => {
    const make = () => {
      const c = sgd([0.1]);
      return new ChainedScheduler([new StepLR(c, { stepSize: 2 }), new ExponentialLR(c, { gamma: 0.9 })]);
    };
    const chained = make();
    for (let i = 0; i < 3; i++) chained.step();
    const legacy = { ...chained.stateDict(), lastEpoch: 0, stepCount: 0, baseLrs: [0.1] };
    const fresh = make();
    fresh.loadStateDict(legacy);
    expect(fresh.stateDict()).toEqual(chained.stateDict());
    const plateau = new ReduceLROnPlateau(sgd([0.1]), { patience: 0 });
    plateau.step(1);
    plateau.step(2);
    const restored = new ReduceLROnPlateau(sgd([0.1]), { patience: 0 });
    restored.loadStateDict({ ...plateau.stateDict(), stepCount: 2, baseLrs: [0.1] });
    expect(restored.stateDict()).toEqual(plateau.stateDict());
  });

  it('still load all or nothing: a bad own field after valid sub-scheduler states changes nothing', () => {
    const o = sgd([0.1]);
    const sequential = new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2 }), new ExponentialLR(o, { gamma: 0.9 })], milestones: [3] });
    for (let i = 0; i < 4; i++) sequential.step();
    const state = sequential.stateDict();
    const o2 = sgd([0.1]);
    const fresh = new SequentialLR(o2, { schedulers: [new StepLR(o2, { stepSize: 2 }), new ExponentialLR(o2, { gamma: 0.9 })], milestones: [3] });
    const before = JSON.stringify(fresh.stateDict());
    const error = caught(() => fresh.loadStateDict({ ...state, lastLr: ['x'] as never })) as StateDictError;
    expect(error).toBeInstanceOf(StateDictError);
    expect(error.path).toBe('lastLr');
    expect(JSON.stringify(fresh.stateDict())).toBe(before);
  });
});

describe('argument checks exported for adapters', () => {
  it('return the value or name the parameter and the value', () => {
    expect(checkFinite('lr', 0.5)).toBe(0.5);
    expect(() => checkFinite('lr', Number.NaN)).toThrow(new InvalidParameterError('lr', Number.NaN, 'a finite number'));
    expect(() => checkNonNegative('weightDecay', -1)).toThrow('weightDecay must be a non-negative finite number, got -1');
    expect(() => checkInteger('stepsPerEpoch', 1.5, 1)).toThrow('stepsPerEpoch must be an integer >= 1, got 1.5');
    expect(() => checkUnitInterval('betas[0]', 1)).toThrow('betas[0] must be a number in [0, 1), got 1');
    expect(() => checkBoolean('nesterov', 'yes')).toThrow('nesterov must be true or false, got "yes"');
    expect(checkOneOf('per', 'batch', ['epoch', 'batch'])).toBe('batch');
    expect(() => checkOneOf('per', 'step', ['epoch', 'batch'])).toThrow('per must be one of "epoch", "batch", got "step"');
    const options = { lr: 1 };
    expect(checkKnownKeys('options', options, ['lr'])).toBe(options);
    expect(() => checkKnownKeys('options', { lr: 1, gama: 2 }, ['lr'])).toThrow('options.gama must be absent (unknown option; known: lr), got 2');
    expect(() => checkKnownKeys('options', [], ['lr'])).toThrow('options must be an options object, got []');
    expect([isFiniteNumber(1), isFiniteNumber(Infinity), isFiniteNumber('1')]).toEqual([true, false, false]);
  });
});
