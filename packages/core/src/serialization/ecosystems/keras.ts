/**
 * Keras 3: a serialised `LearningRateSchedule` (`{ "module": "keras.optimizers.schedules", "class_name": ...,
 * "config": {...}, "registered_name": null }`, or the bare `{ class_name, config }`). One table,
 * {@link KERAS_SCHEDULES}.
 *
 * Keras schedules carry their rates. anneal's base rate is the schedule's peak: `warmup_target` when
 * CosineDecay warms up, `initial_learning_rate` otherwise, and 1 for PiecewiseConstantDecay (its values are
 * the rates); the reading's `baseLr` says which, and at that base rate anneal's values are Keras's.
 *
 * @packageDocumentation
 */
import { cosineDescriptor } from '../../schedules/cosine.js';
import { sgdrDescriptor } from '../../schedules/sgdr.js';
import { exponentialDescriptor } from '../../schedules/exponential.js';
import { stepDescriptor } from '../../schedules/step.js';
import { piecewiseConstantDescriptor } from '../../schedules/piecewise-constant.js';
import { polynomialDescriptor } from '../../schedules/polynomial.js';
import { inverseSqrtDescriptor } from '../../schedules/inverse-sqrt.js';
import { UnknownScheduleError } from '../../errors.js';
import { mark } from '../read-helpers.js';
import { Args, relative, spec, warm, type EcosystemReading, type Translation } from './common.js';

/** One Keras schedule class. */
export interface KerasEntry {
  /** The anneal schedule kind it becomes. */
  readonly anneal: string;
  /** Each `config` key it takes, with what it becomes in anneal. */
  readonly config: Readonly<Record<string, string>>;
  /** The translation (its `ref` is the base rate). */
  readonly read: (config: Args) => Translation;
}

/** Every `keras.optimizers.schedules` class of Keras 3.15 (the test compares it with the recorded list). */
export type KerasScheduleName =
  | 'CosineDecay'
  | 'CosineDecayRestarts'
  | 'ExponentialDecay'
  | 'PiecewiseConstantDecay'
  | 'PolynomialDecay'
  | 'InverseTimeDecay';

const NAME = 'a label (no effect on the values)';
const init = (c: Args) => c.number('initial_learning_rate', { above: 0 });
const decaySteps = (c: Args, key = 'decay_steps') => c.number(key, { above: 0 });

/** Every Keras schedule class: the compiler asks for an entry per {@link KerasScheduleName}. */
export const KERAS_SCHEDULES: Readonly<Record<KerasScheduleName, KerasEntry>> = {
  CosineDecay: {
    anneal: 'cosine (clamped), warmup in front with warmup_target',
    config: {
      initial_learning_rate: 'the base rate; with warmup_target, the warmup\'s start (startFactor = initial / target)',
      decay_steps: 'tMax',
      alpha: 'minFactor',
      warmup_target: 'the base rate (the peak) when given',
      warmup_steps: 'warmup steps (only with warmup_target, as in Keras)',
      name: NAME,
    },
    read: (c) => {
      c.raw('name');
      const i = c.has('warmup_target') ? c.number('initial_learning_rate', { min: 0 }) : init(c);
      const decay = spec(cosineDescriptor, { tMax: decaySteps(c), clamp: true, minFactor: c.number('alpha', { fallback: 0 }) });
      const target = c.optionalNumber('warmup_target', { above: 0 });
      if (target === undefined) {
        c.onlyAt('warmup_steps', 0, 'Keras ignores warmup_steps without warmup_target');
        return { schedule: decay, ref: i };
      }
      const w = c.number('warmup_steps', { fallback: 0, min: 0 });
      return { schedule: warm({ steps: w, startFactor: relative(i, target) }, decay), ref: target };
    },
  },
  CosineDecayRestarts: {
    anneal: 'sgdr',
    config: {
      initial_learning_rate: 'the base rate',
      first_decay_steps: 't0',
      t_mul: 'tMult (a real number >= 1; default 2)',
      m_mul: 'cycleDecay (default 1)',
      alpha: 'minFactor (Keras\'s form: m_mul shrinks the distance above the floor)',
      name: NAME,
    },
    read: (c) => {
      c.raw('name');
      const i = init(c);
      return {
        schedule: spec(sgdrDescriptor, {
          t0: decaySteps(c, 'first_decay_steps'),
          tMult: c.number('t_mul', { fallback: 2, min: 1 }),
          cycleDecay: c.number('m_mul', { fallback: 1, min: 0 }),
          minFactor: c.number('alpha', { fallback: 0 }),
        }),
        ref: i,
      };
    },
  },
  ExponentialDecay: {
    anneal: 'exponential (period), or step with staircase',
    config: { initial_learning_rate: 'the base rate', decay_steps: 'period (stepSize with staircase)', decay_rate: 'gamma', staircase: 'step instead of exponential', name: NAME },
    read: (c) => {
      c.raw('name');
      const i = init(c);
      const period = decaySteps(c);
      const gamma = c.number('decay_rate', { min: 0 });
      const schedule = c.bool('staircase', false) ? spec(stepDescriptor, { stepSize: period, gamma }) : spec(exponentialDescriptor, { gamma, period });
      return { schedule, ref: i };
    },
  },
  PiecewiseConstantDecay: {
    anneal: 'piecewiseConstant (atBoundary previous)',
    config: { boundaries: 'boundaries', values: 'values (rates: the base rate is 1)', name: NAME },
    read: (c) => {
      c.raw('name');
      const boundaries = c.numbers('boundaries');
      const values = c.numbers('values');
      if (values.length !== boundaries.length + 1) c.fail('values', `${boundaries.length + 1} values (one more than boundaries)`);
      return { schedule: spec(piecewiseConstantDescriptor, { boundaries, values, atBoundary: 'previous' }), ref: 1 };
    },
  },
  PolynomialDecay: {
    anneal: 'polynomial',
    config: {
      initial_learning_rate: 'the base rate', decay_steps: 'totalIters', end_learning_rate: 'endLr (default 0.0001)',
      power: 'power (default 1)', cycle: 'cycle', name: NAME,
    },
    read: (c) => {
      c.raw('name');
      const i = init(c);
      return {
        schedule: spec(polynomialDescriptor, {
          totalIters: decaySteps(c),
          endLr: c.number('end_learning_rate', { fallback: 0.0001 }),
          power: c.number('power', { fallback: 1, min: 0 }),
          ...(c.bool('cycle', false) ? { cycle: true } : {}),
        }),
        ref: i,
      };
    },
  },
  InverseTimeDecay: {
    anneal: 'inverseSqrt with power 1',
    config: { initial_learning_rate: 'the base rate', decay_steps: 'timescale = decay_steps / decay_rate', decay_rate: 'see decay_steps (> 0)', staircase: 'stepSize = decay_steps', name: NAME },
    read: (c) => {
      c.raw('name');
      const i = init(c);
      const steps = decaySteps(c);
      const rate = c.number('decay_rate', { above: 0 });
      const stairs = c.bool('staircase', false);
      return { schedule: spec(inverseSqrtDescriptor, { warmupSteps: 0, timescale: steps / rate, power: 1, ...(stairs ? { stepSize: steps } : {}) }), ref: i };
    },
  },
};

/** The class names. */
export const KERAS_SCHEDULE_NAMES = Object.keys(KERAS_SCHEDULES) as KerasScheduleName[];

/** Reads a serialised Keras schedule. */
export function readKeras(value: Record<string, unknown>, path: string): EcosystemReading {
  const top = new Args(path, value, 'a serialised Keras schedule');
  const module = top.raw('module');
  if (module !== undefined && module !== 'keras.optimizers.schedules' && module !== 'keras.src.optimizers.schedules.learning_rate_schedule') {
    top.fail('module', '"keras.optimizers.schedules"');
  }
  const name = top.raw('class_name');
  const registered = top.raw('registered_name');
  if (registered !== undefined && registered !== name) top.fail('registered_name', `null (a built-in schedule), or ${JSON.stringify(name)}`);
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(KERAS_SCHEDULES, name)) {
    throw mark(new UnknownScheduleError(top.at('class_name'), name, KERAS_SCHEDULE_NAMES));
  }
  const entry = KERAS_SCHEDULES[name as KerasScheduleName];
  const config = new Args(top.at('config'), top.raw('config') ?? {}, `Keras's ${name}`);
  top.finish(['module', 'class_name', 'config', 'registered_name']);
  const t = entry.read(config);
  config.finish(Object.keys(entry.config));
  return { ecosystem: 'keras', name, ...('schedule' in t ? { schedule: t.schedule } : { scheduler: t.scheduler }), ...(t.ref === undefined ? {} : { baseLr: t.ref }) };
}
