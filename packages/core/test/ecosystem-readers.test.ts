// The ecosystem readers' contract besides the golden values (test/ecosystems.test.ts): recognition by shape,
// typed errors naming the field path, no accepted-but-ignored key, the stateful forms, and the new
// schedule options at hand-computed values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnealError, InvalidParameterError, UnknownScheduleError, step, cosine, inverseSqrt, polynomial, sgdr, warmup, constant, exponential, wsd } from '../src/index.js';
import { ecosystemFromJSON, HF_SCHEDULERS, KERAS_SCHEDULES, OPTAX_SCHEDULES, scheduleFromJSON, schedulerFromJSON, TIMM_SCHEDULERS } from '../src/json.js';
import { ReduceLROnPlateau } from '../src/schedulers/reduce-lr-on-plateau.js';
import { ScheduleLR } from '../src/schedulers/schedule-lr.js';
import { sgd } from './helpers.js';

/** The error `build` throws. */
function errorOf(build: () => unknown): Error {
  try {
    build();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function refusedAt(json: unknown, path: string, type: typeof InvalidParameterError | typeof UnknownScheduleError = InvalidParameterError): void {
  const error = errorOf(() => scheduleFromJSON(json));
  expect(error).toBeInstanceOf(type);
  expect((error as InvalidParameterError).path, error.message).toBe(path);
}

describe('recognised by shape', () => {
  it('each ecosystem, nested in anneal combinators too', () => {
    expect(ecosystemFromJSON({ lr_scheduler_type: 'linear', max_steps: 10 }).ecosystem).toBe('hf');
    expect(ecosystemFromJSON({ name: 'constant' }).ecosystem).toBe('hf');
    expect(ecosystemFromJSON({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 } }).ecosystem).toBe('keras');
    expect(ecosystemFromJSON({ optax: 'constant_schedule', kwargs: { value: 0.1 } }).ecosystem).toBe('optax');
    expect(ecosystemFromJSON({ sched: 'step' }).ecosystem).toBe('timm');
    const nested = scheduleFromJSON({ type: 'sequence', milestones: [5], schedules: [{ type: 'constant' }, { optax: 'exponential_decay', kwargs: { init_value: 1, transition_steps: 1, decay_rate: 0.5 } }] });
    expect(nested.lr(7, 1)).toBe(0.25);
    expect(errorOf(() => ecosystemFromJSON({ foo: 1 }))).toBeInstanceOf(InvalidParameterError);
  });

  it('also from JSON text, and TrainingArguments.lr_scheduler_kwargs as JSON text', () => {
    const r = ecosystemFromJSON('{"lr_scheduler_type":"cosine_with_min_lr","max_steps":100,"lr_scheduler_kwargs":"{\\"min_lr_rate\\": 0.1}"}');
    expect(r.baseLr).toBe(5e-5);
    expect(r.steps).toBe(100);
    expect(scheduleFromJSON(r.schedule).lr(100, 1)).toBeCloseTo(0.1, 15);
  });
});

describe('typed errors name the field path', () => {
  it('HF', () => {
    refusedAt({ lr_scheduler_type: 'cosine', max_steps: 100, lr_scheduler_kwargs: { num_cycle: 1 } }, 'lr_scheduler_kwargs.num_cycle');
    refusedAt({ lr_scheduler_type: 'cosinus', max_steps: 100 }, 'lr_scheduler_type', UnknownScheduleError);
    refusedAt({ lr_scheduler_type: 'cosine' }, 'max_steps');
    refusedAt({ name: 'linear', num_warmup_steps: 10, num_training_steps: 10 }, 'num_training_steps');
    refusedAt({ name: 'cosine', num_warmup_steps: 0, num_training_steps: 10, scheduler_specific_kwargs: { num_cycles: -1 } }, 'scheduler_specific_kwargs.num_cycles');
    refusedAt({ name: 'cosine_with_min_lr', num_warmup_steps: 0, num_training_steps: 10, scheduler_specific_kwargs: { min_lr: 0.1, min_lr_rate: 0.1 } }, 'scheduler_specific_kwargs.min_lr_rate');
    refusedAt({ name: 'constant', num_warmup_steps: 5 }, 'num_warmup_steps');
    refusedAt({ name: 'greedy' }, 'name');
    refusedAt({ name: 'linear', num_warmup_steps: 0, num_training_steps: 10, extra: 1 }, 'extra');
    refusedAt({ type: 'warmup', steps: 2, schedule: { name: 'cosine', num_warmup_steps: 0, num_training_steps: 'x' } }, 'schedule.num_training_steps');
  });
  it('Keras', () => {
    refusedAt({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1 } }, 'config.decay_steps');
    refusedAt({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, warmup_steps: 5 } }, 'config.warmup_steps');
    refusedAt({ class_name: 'InverseTimeDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: 1 } }, 'config.staircase');
    refusedAt({ class_name: 'PiecewiseConstantDecay', config: { boundaries: [1, 2], values: [1, 2] } }, 'config.values');
    refusedAt({ module: 'keras.layers', class_name: 'CosineDecay', config: {} }, 'module');
    refusedAt({ class_name: 'Cosine', config: {} }, 'class_name', UnknownScheduleError);
  });
  it('optax', () => {
    refusedAt({ optax: 'cosine_decay_schedule', kwargs: { init_value: 0.1, decay_steps: 0 } }, 'kwargs.decay_steps');
    refusedAt({ optax: 'piecewise_constant_schedule', kwargs: { init_value: 0.1, boundaries_and_scales: { ten: 0.1 } } }, 'kwargs.boundaries_and_scales.ten');
    refusedAt({ optax: 'join_schedules', kwargs: { schedules: [{ optax: 'constant_schedule', kwargs: { value: 1 } }, { optax: 'constant_schedule', kwargs: { valu: 1 } }], boundaries: [3] } }, 'kwargs.schedules[1].kwargs.value');
    refusedAt({ optax: 'sgdr_schedule', kwargs: { cosine_kwargs: [{ init_value: 0, peak_value: 1, warmup_steps: 5, decay_steps: 5 }] } }, 'kwargs.cosine_kwargs[0].decay_steps');
    refusedAt({ optax: 'cosine', kwargs: {} }, 'optax', UnknownScheduleError);
  });
  it('timm', () => {
    refusedAt({ sched: 'cosine', warmup_epochs: 5 }, 'lr');
    refusedAt({ sched: 'cosine', noise: 'a lot' }, 'noise');
    refusedAt({ sched: 'cosine', noise: 0.5, noise_std: 2 }, 'noise_std');
    refusedAt({ sched: 'step', cycle_limit: 3 }, 'cycle_limit');
    refusedAt({ sched: 'cosine', step_on_epochs: false }, 'updates_per_epoch');
    refusedAt({ sched: 'cosine', cycle_mul: 0.5 }, 'cycle_mul');
    refusedAt({ sched: 'tanh', k_decay: 2 }, 'k_decay');
    refusedAt({ sched: 'plateau' }, 'spec', InvalidParameterError); // scheduleFromJSON: a metric-driven scheduler
  });
});

describe('stateful forms', () => {
  it('HF reduce_lr_on_plateau and timm plateau are ReduceLROnPlateau; the rest drive a ScheduleLR', () => {
    const hf = schedulerFromJSON(sgd([0.1]), { name: 'reduce_lr_on_plateau', scheduler_specific_kwargs: { patience: 2, factor: 0.5 } });
    expect(hf).toBeInstanceOf(ReduceLROnPlateau);
    const timm = schedulerFromJSON(sgd([0.1]), { sched: 'plateau', patience_epochs: 3, plateau_mode: 'min' });
    expect(timm).toBeInstanceOf(ReduceLROnPlateau);
    expect((timm as ReduceLROnPlateau).mode).toBe('min');
    const opt = sgd([0.1]);
    const keras = schedulerFromJSON(opt, { class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 1, decay_rate: 0.5 } });
    expect(keras).toBeInstanceOf(ScheduleLR);
    (keras as ScheduleLR).step();
    expect(opt.paramGroups[0]!.lr).toBe(0.05);
  });
});

describe('every table entry documents its keys', () => {
  it('HF, Keras, optax, timm', () => {
    for (const e of Object.values(HF_SCHEDULERS)) for (const v of Object.values(e.kwargs)) expect(v.length).toBeGreaterThan(0);
    for (const e of Object.values(KERAS_SCHEDULES)) expect(Object.keys(e.config).length).toBeGreaterThan(0);
    for (const e of Object.values(OPTAX_SCHEDULES)) expect(Object.keys(e.kwargs).length).toBeGreaterThan(0);
    for (const e of Object.values(TIMM_SCHEDULERS)) expect(e.anneal.length).toBeGreaterThan(0);
  });
});

describe('the schedule options the readers need, at hand-computed values', () => {
  it('cosine minFactor and exponent', () => {
    expect(cosine({ tMax: 10, minFactor: 0.2 }).lr(10, 1)).toBeCloseTo(0.2, 15);
    expect(cosine({ tMax: 10, minFactor: 0.2 }).lr(5, 1)).toBeCloseTo(0.6, 15);
    expect(cosine({ tMax: 10, exponent: 2 }).lr(5, 1)).toBeCloseTo(0.25, 15);
    expect(cosine({ tMax: 10, exponent: 2, clamp: true }).lr(30, 1)).toBe(0);
  });
  it('sgdr: real tMult, kDecay, Keras floor', () => {
    const s = sgdr({ t0: 10, tMult: 1.5 });
    expect(s.lr(10, 1)).toBe(1); // restart
    expect(s.lr(25, 1)).toBe(1); // 10 + 15
    expect(s.lr(17.5, 1)).toBeCloseTo(0.5, 14); // the middle of the second cycle
    expect(sgdr({ t0: 10, kDecay: 2 }).lr(Math.SQRT1_2 * 10, 1)).toBeCloseTo(0.5, 14);
    // Keras: floor 0.1·base, the distance above it halves at each restart
    expect(sgdr({ t0: 10, cycleDecay: 0.5, minFactor: 0.1 }).lr(10, 1)).toBeCloseTo(0.55, 15);
  });
  it('polynomial endLr and cycle, exponential period and endLr, inverseSqrt power', () => {
    expect(polynomial({ totalIters: 4, power: 1, endLr: 0.2 }).lr(2, 1)).toBeCloseTo(0.6, 15);
    expect(polynomial({ totalIters: 4, power: 1, endLr: 0.2 }).lr(9, 1)).toBe(0.2);
    expect(polynomial({ totalIters: 4, power: 1, cycle: true }).lr(6, 1)).toBeCloseTo(0.25, 15); // period 8
    expect(exponential({ gamma: 0.5, period: 10 }).lr(20, 1)).toBe(0.25);
    expect(exponential({ gamma: 0.5, endLr: 0.3 }).lr(5, 1)).toBe(0.3);
    expect(inverseSqrt({ warmupSteps: 0, timescale: 10, power: 1 }).lr(10, 1)).toBe(0.5);
    expect(inverseSqrt({ warmupSteps: 0, timescale: 10, power: 1, stepSize: 10 }).lr(19.5, 1)).toBe(0.5);
    expect(step({ stepSize: 2, gamma: 0.5, endLr: 0.3 }).lr(5, 1)).toBe(0.3);
  });
  it('wsd warmupShape and decayCycles; non-prefix warmup', () => {
    expect(wsd({ warmupSteps: 4, stableSteps: 0, decaySteps: 4, warmupShape: 'cosine' }).lr(2, 1)).toBeCloseTo(0.5, 15);
    expect(wsd({ warmupSteps: 4, stableSteps: 0, decaySteps: 4, warmupShape: 'sqrt' }).lr(3, 1)).toBeCloseTo(0.5, 15);
    expect(wsd({ warmupSteps: 0, stableSteps: 0, decaySteps: 4, decayShape: 'cosine', decayCycles: 1 }).lr(2, 1)).toBeCloseTo(0, 15);
    const over = warmup({ steps: 4, startFactor: 0, prefix: false }, cosine({ tMax: 8 }));
    expect(over.lr(2, 1)).toBe(0.5);
    expect(over.lr(4, 1)).toBe(cosine({ tMax: 8 }).lr(4, 1));
    expect(over.toJSON()).toEqual({ type: 'warmup', steps: 4, startFactor: 0, prefix: false, schedule: cosine({ tMax: 8 }).toJSON() });
    expect(warmup({ steps: 4 }, constant()).toJSON()).not.toHaveProperty('prefix');
    // timm: from startFactor·baseLr on a line to the base rate, or to where the curve is when the warmup ends
    expect(warmup({ steps: 4, startFactor: 0.5, warmTo: 'baseLr' }, constant({ factor: 0.5 })).lr(2, 1)).toBe(0.75);
    expect(warmup({ steps: 4, startFactor: 0, warmTo: 'end', prefix: false }, cosine({ tMax: 8 })).lr(2, 1)).toBeCloseTo(0.5 * cosine({ tMax: 8 }).lr(4, 1), 15);
  });
  it('sgdr shape poly (timm)', () => {
    expect(sgdr({ t0: 10, shape: 'poly', power: 2 }).lr(5, 1)).toBe(0.25);
    expect(sgdr({ t0: 10, shape: 'poly', power: 2, cycleDecay: 0.5 }).lr(15, 1)).toBe(0.125);
    expect(sgdr({ t0: 10, power: 2 }).lr(5, 1)).toBe(sgdr({ t0: 10 }).lr(5, 1)); // only the poly shape uses it (descriptor: when)
  });
  it('sgdr shape tanh (timm)', () => {
    const s = sgdr({ t0: 10, shape: 'tanh' });
    expect(s.lr(0, 1)).toBeCloseTo((1 - Math.tanh(-7)) / 2, 15);
    expect(s.lr(7, 1)).toBeCloseTo((1 - Math.tanh(-7 * 0.3 + 3 * 0.7)) / 2, 15); // tanh(0) = 0: the midpoint
    expect(s.lr(7, 1)).toBeCloseTo(0.5, 15);
  });
});

describe('hostile input', () => {
  const HF_KEYS = ['name', 'num_warmup_steps', 'num_training_steps', 'scheduler_specific_kwargs', 'lr_scheduler_type', 'learning_rate', 'warmup_steps', 'warmup_ratio', 'max_steps', 'lr_scheduler_kwargs', 'num_cycles', 'min_lr', 'min_lr_rate', 'warmup_lr_rate', 'num_decay_steps', 'num_stable_steps', 'lr_end', 'power', 'timescale'];
  const KERAS_KEYS = ['class_name', 'config', 'module', 'registered_name', 'initial_learning_rate', 'decay_steps', 'alpha', 'warmup_target', 'warmup_steps', 't_mul', 'm_mul', 'boundaries', 'values', 'staircase', 'cycle'];
  const OPTAX_KEYS = ['optax', 'kwargs', 'init_value', 'peak_value', 'end_value', 'transition_steps', 'decay_steps', 'warmup_steps', 'boundaries_and_scales', 'cosine_kwargs', 'schedules', 'boundaries', 'exponent', 'decay_rate'];
  const TIMM_KEYS = ['sched', 'num_epochs', 'warmup_epochs', 'warmup_lr', 'lr', 'cycle_mul', 'cycle_limit', 'k_decay', 'noise', 'noise_pct', 'decay_milestones', 'step_on_epochs', 'updates_per_epoch', 'min_lr'];
  const NAMES = [...Object.keys(HF_SCHEDULERS), ...Object.keys(KERAS_SCHEDULES), ...Object.keys(OPTAX_SCHEDULES), ...Object.keys(TIMM_SCHEDULERS)];
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.double(), fc.integer({ min: -5, max: 500 }), fc.constantFrom(...NAMES), fc.boolean(), fc.constant(null), fc.string()),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('leaf'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...HF_KEYS, ...KERAS_KEYS, ...OPTAX_KEYS, ...TIMM_KEYS, '10', '__proto__'), tie('node'), { maxKeys: 5 })),
  })).node;
  for (const [label, keys, head] of [
    ['HF', HF_KEYS, fc.constantFrom('name', 'lr_scheduler_type')],
    ['Keras', KERAS_KEYS, fc.constant('class_name')],
    ['optax', OPTAX_KEYS, fc.constant('optax')],
    ['timm', TIMM_KEYS, fc.constant('sched')],
  ] as const) {
    it(`${label}: any object of its shape gives a schedule or an AnnealError, never a raw exception`, () => {
      fc.assert(
        fc.property(head, fc.constantFrom(...NAMES), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }), (key, name, rest) => {
          const spec = { ...rest, [key]: name };
          try {
            const s = scheduleFromJSON(spec);
            for (const t of [0, 1, 7.5, 100, 1e6]) s.lr(t, 0.1);
          } catch (error) {
            expect(error).toBeInstanceOf(AnnealError);
          }
        }),
        { numRuns: 400 },
      );
    });
  }
});
