/**
 * Hugging Face transformers: `TrainingArguments` fields (`lr_scheduler_type`, `learning_rate`,
 * `warmup_steps`/`warmup_ratio`, `max_steps`, `lr_scheduler_kwargs`) and the arguments of
 * `get_scheduler(name, num_warmup_steps, num_training_steps, scheduler_specific_kwargs)`.
 * One table, {@link HF_SCHEDULERS}: every `SchedulerType` of transformers 5.18, each with its kwargs and
 * the anneal schedule it becomes.
 *
 * @packageDocumentation
 */
import { cosineDescriptor } from '../../schedules/cosine.js';
import { sgdrDescriptor } from '../../schedules/sgdr.js';
import { linearDescriptor } from '../../schedules/linear.js';
import { polynomialDescriptor } from '../../schedules/polynomial.js';
import { constantDescriptor } from '../../schedules/constant.js';
import { inverseSqrtDescriptor } from '../../schedules/inverse-sqrt.js';
import { wsdDescriptor, type WsdDecayShape } from '../../schedules/wsd.js';
import { InvalidParameterError, UnknownScheduleError } from '../../errors.js';
import { mark } from '../read-helpers.js';
import { parseJSON } from '../read-helpers.js';
import { Args, spec, warm, type EcosystemReading, type Translation } from './common.js';

/** What a scheduler entry reads: warmup and training steps (as `get_scheduler` receives them) and its kwargs. */
export interface HfCall {
  /** `num_warmup_steps` (`undefined`: not given). */
  readonly warmup: number | undefined;
  /** `num_training_steps` (`undefined`: not given). */
  readonly total: number | undefined;
  /** `scheduler_specific_kwargs`. */
  readonly kwargs: Args;
  /** Where `num_warmup_steps` and `num_training_steps` sit, for errors. */
  readonly warmupPath: string;
  readonly totalPath: string;
  /** Where the scheduler's name sits. */
  readonly namePath: string;
}

/** One HF scheduler name. */
export interface HfEntry {
  /** The anneal schedule kind it becomes (`ReduceLROnPlateau` for the metric-driven one; `null`: not readable). */
  readonly anneal: string | null;
  /** Each `scheduler_specific_kwargs` key it takes, with what it becomes in anneal. */
  readonly kwargs: Readonly<Record<string, string>>;
  /** Whether it uses `num_warmup_steps` / `num_training_steps`. */
  readonly warmup: boolean;
  readonly training: boolean;
  /** The translation. */
  readonly read: (call: HfCall) => Translation;
}

/** Every `lr_scheduler_type` of transformers 5.18 (`SchedulerType`); the test compares it with the recorded list. */
export type HfSchedulerName =
  | 'linear'
  | 'cosine'
  | 'cosine_with_restarts'
  | 'polynomial'
  | 'constant'
  | 'constant_with_warmup'
  | 'inverse_sqrt'
  | 'reduce_lr_on_plateau'
  | 'cosine_with_min_lr'
  | 'cosine_warmup_with_min_lr'
  | 'warmup_stable_decay'
  | 'greedy';

function need(value: number | undefined, path: string, name: string, what: string): number {
  if (value === undefined) throw mark(new InvalidParameterError(path, value, `given (${name} requires ${what})`));
  return value;
}

/** `num_training_steps − num_warmup_steps`, which must be positive for the decays. */
function decaySpan(call: HfCall, name: string): { w: number; span: number } {
  const w = need(call.warmup, call.warmupPath, name, 'num_warmup_steps');
  const total = need(call.total, call.totalPath, name, 'num_training_steps');
  if (total - w < 1) throw mark(new InvalidParameterError(call.totalPath, total, `a number >= num_warmup_steps + 1 (${w + 1}); with no decay left HF's ${name} is 0 after the warmup`));
  return { w, span: total - w };
}

/** HF's linear warmup `step / w` in front of `child`. */
const hfWarm = (w: number, child: ReturnType<typeof spec>) => warm({ steps: w, startFactor: 0 }, child);

const cycles = (a: Args, fallback: number) => a.number('num_cycles', { fallback, above: 0 });

/** `min_lr` (absolute) or `min_lr_rate` (a fraction of the initial rate): exactly one. */
function minLr(a: Args, name: string): { etaMin?: number; minFactor?: number } {
  const absolute = a.optionalNumber('min_lr');
  const rate = a.optionalNumber('min_lr_rate');
  if (absolute !== undefined && rate !== undefined) a.fail('min_lr_rate', 'absent when min_lr is given (HF takes one of them)');
  if (absolute === undefined && rate === undefined) a.fail('min_lr', `given, or min_lr_rate (${name} requires one)`);
  return absolute !== undefined ? { etaMin: absolute } : { minFactor: rate! };
}

const NO_KWARGS = {} as const;

/** Every HF scheduler name: the compiler asks for an entry per {@link HfSchedulerName}. */
export const HF_SCHEDULERS: Readonly<Record<HfSchedulerName, HfEntry>> = {
  linear: {
    anneal: 'warmup + linear',
    kwargs: NO_KWARGS,
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'linear');
      return { schedule: hfWarm(w, spec(linearDescriptor, { startFactor: 1, endFactor: 0, totalIters: span })) };
    },
  },
  cosine: {
    anneal: 'warmup + cosine',
    kwargs: { num_cycles: 'cosine waves over the decay: tMax = (num_training_steps − num_warmup_steps) / (2·num_cycles); default 0.5' },
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'cosine');
      return { schedule: hfWarm(w, spec(cosineDescriptor, { tMax: span / (2 * cycles(c.kwargs, 0.5)) })) };
    },
  },
  cosine_with_restarts: {
    anneal: 'warmup + sgdr',
    kwargs: { num_cycles: 'hard restarts: t0 = decay steps / num_cycles, cycleLimit = num_cycles (an integer >= 1; default 1)' },
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'cosine_with_restarts');
      const n = c.kwargs.number('num_cycles', { fallback: 1, min: 1, integer: true });
      return { schedule: hfWarm(w, spec(sgdrDescriptor, { t0: span / n, cycleLimit: n })) };
    },
  },
  polynomial: {
    anneal: 'warmup + polynomial',
    kwargs: { lr_end: 'endLr, an absolute rate (default 1e-7)', power: 'power (default 1)' },
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'polynomial');
      const lrEnd = c.kwargs.number('lr_end', { fallback: 1e-7 });
      const power = c.kwargs.number('power', { fallback: 1, min: 0 });
      return { schedule: hfWarm(w, spec(polynomialDescriptor, { totalIters: span, power, endLr: lrEnd })) };
    },
  },
  constant: {
    anneal: 'constant',
    kwargs: NO_KWARGS,
    warmup: false,
    training: false,
    read: () => ({ schedule: spec(constantDescriptor, {}) }),
  },
  constant_with_warmup: {
    anneal: 'warmup + constant',
    kwargs: NO_KWARGS,
    warmup: true,
    training: false,
    read: (c) => {
      const w = need(c.warmup, c.warmupPath, 'constant_with_warmup', 'num_warmup_steps');
      return { schedule: hfWarm(w, spec(constantDescriptor, {})) };
    },
  },
  inverse_sqrt: {
    anneal: 'inverseSqrt',
    kwargs: { timescale: 'timescale (default num_warmup_steps, or 10000 without warmup)' },
    warmup: true,
    training: false,
    read: (c) => {
      const w = need(c.warmup, c.warmupPath, 'inverse_sqrt', 'num_warmup_steps');
      const timescale = c.kwargs.optionalNumber('timescale', { above: 0 });
      return { schedule: spec(inverseSqrtDescriptor, { warmupSteps: w, timescale }) };
    },
  },
  reduce_lr_on_plateau: {
    anneal: 'ReduceLROnPlateau',
    kwargs: {
      mode: 'mode', factor: 'factor', patience: 'patience', threshold: 'threshold', threshold_mode: 'thresholdMode',
      cooldown: 'cooldown', min_lr: 'minLr', eps: 'eps',
    },
    warmup: false,
    training: false,
    read: (c) => {
      const kwargs: Record<string, unknown> = {};
      for (const key of Object.keys(HF_SCHEDULERS.reduce_lr_on_plateau.kwargs)) {
        const v = c.kwargs.raw(key);
        if (v !== undefined) kwargs[key] = v;
      }
      return { scheduler: { scheduler: 'ReduceLROnPlateau', kwargs } };
    },
  },
  cosine_with_min_lr: {
    anneal: 'warmup + cosine (floor)',
    kwargs: {
      num_cycles: 'as for cosine (default 0.5)',
      min_lr: 'etaMin, an absolute floor',
      min_lr_rate: 'minFactor, the floor as a fraction of the initial rate',
    },
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'cosine_with_min_lr');
      const n = cycles(c.kwargs, 0.5);
      return { schedule: hfWarm(w, spec(cosineDescriptor, { tMax: span / (2 * n), ...minLr(c.kwargs, 'cosine_with_min_lr') })) };
    },
  },
  cosine_warmup_with_min_lr: {
    anneal: 'warmup (w − 1 steps) + cosine (floor)',
    kwargs: {
      num_cycles: 'as for cosine (default 0.5)',
      min_lr: 'etaMin, an absolute floor',
      min_lr_rate: 'minFactor, the floor as a fraction of the initial rate',
      warmup_lr_rate: 'the warmup starts at this fraction (default: 1/num_warmup_steps, HF\'s (step + 1)/w)',
    },
    warmup: true,
    training: true,
    read: (c) => {
      const { w, span } = decaySpan(c, 'cosine_warmup_with_min_lr');
      const n = cycles(c.kwargs, 0.5);
      const start = c.kwargs.optionalNumber('warmup_lr_rate');
      const decay = spec(cosineDescriptor, { tMax: span / (2 * n), ...minLr(c.kwargs, 'cosine_warmup_with_min_lr') });
      if (w === 0) {
        throw mark(new InvalidParameterError(c.warmupPath, w, 'at least 1 for cosine_warmup_with_min_lr (with no warmup HF evaluates the decay one step ahead, (step + 1)/T, which anneal does not express)'));
      }
      // HF reaches 1 at step w − 1 and decays on (step − w + 1): a warmup of w − 1 steps in front.
      if (start === undefined) return { schedule: warm({ steps: w - 1, startFactor: 1 / w }, decay) };
      if (w === 1) return { schedule: warm({ steps: 1, startFactor: start, prefix: false }, decay) };
      return { schedule: warm({ steps: w - 1, startFactor: start }, decay) };
    },
  },
  warmup_stable_decay: {
    anneal: 'wsd',
    kwargs: {
      num_decay_steps: 'decaySteps (required)',
      num_stable_steps: 'stableSteps (default: num_training_steps − num_warmup_steps − num_decay_steps)',
      warmup_type: 'warmupShape: linear, cosine, 1-sqrt (default linear)',
      decay_type: 'decayShape: linear, cosine, 1-sqrt (default cosine)',
      min_lr_ratio: 'startFactor and minFactor (default 0)',
      num_cycles: 'decayCycles of the cosine decay (default 0.5)',
    },
    warmup: true,
    training: true,
    read: (c) => {
      const name = 'warmup_stable_decay';
      const w = need(c.warmup, c.warmupPath, name, 'num_warmup_steps');
      const a = c.kwargs;
      const decaySteps = a.number('num_decay_steps', { min: 0 });
      const given = a.optionalNumber('num_stable_steps', { min: 0 });
      let stable = given;
      if (stable === undefined) {
        const total = need(c.total, c.totalPath, name, 'num_training_steps or num_stable_steps');
        stable = total - w - decaySteps;
        if (stable < 0) throw mark(new InvalidParameterError(c.totalPath, total, `at least num_warmup_steps + num_decay_steps (${w + decaySteps})`));
      }
      const shapes = ['linear', 'cosine', '1-sqrt'] as const;
      const shape = (s: (typeof shapes)[number]): WsdDecayShape => (s === '1-sqrt' ? 'sqrt' : s);
      const m = a.number('min_lr_ratio', { fallback: 0 });
      return {
        schedule: spec(wsdDescriptor, {
          warmupSteps: w,
          stableSteps: stable,
          decaySteps,
          warmupShape: shape(a.choice('warmup_type', shapes, 'linear')),
          decayShape: shape(a.choice('decay_type', shapes, 'cosine')),
          decayCycles: a.number('num_cycles', { fallback: 0.5, above: 0 }),
          startFactor: m,
          minFactor: m,
        }),
      };
    },
  },
  greedy: {
    anneal: null,
    kwargs: NO_KWARGS,
    warmup: false,
    training: false,
    read: (c) => {
      throw mark(new InvalidParameterError(c.namePath, 'greedy', 'a scheduler anneal has (GreedyLR follows the loss with its own state: not read yet)'));
    },
  },
};

/** The names, in the order of HF's `SchedulerType`. */
export const HF_SCHEDULER_NAMES = Object.keys(HF_SCHEDULERS) as HfSchedulerName[];

function entryOf(name: unknown, path: string): [HfSchedulerName, HfEntry] {
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(HF_SCHEDULERS, name)) return [name as HfSchedulerName, HF_SCHEDULERS[name as HfSchedulerName]];
  throw mark(new UnknownScheduleError(path, name, HF_SCHEDULER_NAMES));
}

function run(name: HfSchedulerName, entry: HfEntry, call: HfCall): Translation {
  if (!entry.warmup && call.warmup !== undefined && call.warmup !== 0) {
    throw mark(new InvalidParameterError(call.warmupPath, call.warmup, `0 or absent (HF's ${name} has no warmup and ignores it)`));
  }
  const out = entry.read(call);
  call.kwargs.finish(Object.keys(entry.kwargs));
  return out;
}

/** Reads `get_scheduler`'s arguments: `{ name, num_warmup_steps, num_training_steps, scheduler_specific_kwargs }`. */
export function readHfGetScheduler(value: Record<string, unknown>, path: string): EcosystemReading {
  const top = new Args(path, value, "HF's get_scheduler");
  const [name, entry] = entryOf(top.raw('name'), top.at('name'));
  const warmup = top.optionalNumber('num_warmup_steps', { min: 0, integer: true });
  const total = top.optionalNumber('num_training_steps', { min: 1, integer: true });
  const kwargs = new Args(top.at('scheduler_specific_kwargs'), top.raw('scheduler_specific_kwargs'), `HF's ${name} scheduler`);
  top.finish(['name', 'num_warmup_steps', 'num_training_steps', 'scheduler_specific_kwargs']);
  const call: HfCall = { warmup, total, kwargs, warmupPath: top.at('num_warmup_steps'), totalPath: top.at('num_training_steps'), namePath: top.at('name') };
  const t = run(name, entry, call);
  return { ecosystem: 'hf', name, ...('schedule' in t ? { schedule: t.schedule } : { scheduler: t.scheduler }), ...(total === undefined ? {} : { steps: total }) };
}

/** The fields of `TrainingArguments` the reader takes. */
export const HF_TRAINING_ARGUMENTS = ['lr_scheduler_type', 'learning_rate', 'warmup_steps', 'warmup_ratio', 'max_steps', 'lr_scheduler_kwargs'] as const;

/**
 * Reads `TrainingArguments` fields: `lr_scheduler_type` (default `linear`), `learning_rate` (default 5e-5, the
 * base rate), `warmup_steps` (an integer, or a ratio of `max_steps` below 1, as in transformers 5),
 * `warmup_ratio` (transformers 4), `max_steps`, `lr_scheduler_kwargs` (an object or its JSON text).
 */
export function readHfTrainingArguments(value: Record<string, unknown>, path: string): EcosystemReading {
  const top = new Args(path, value, "HF's TrainingArguments (schedule fields)");
  const [name, entry] = entryOf(top.raw('lr_scheduler_type') ?? 'linear', top.at('lr_scheduler_type'));
  const lr = top.number('learning_rate', { fallback: 5e-5, above: 0 });
  const maxSteps = top.optionalNumber('max_steps', { integer: true });
  const total = maxSteps === undefined || maxSteps <= 0 ? undefined : maxSteps;
  const stepsField = top.optionalNumber('warmup_steps', { min: 0 });
  const ratio = top.optionalNumber('warmup_ratio', { min: 0 });
  if (ratio !== undefined && ratio > 1) top.fail('warmup_ratio', 'a number in [0, 1]');
  if (ratio !== undefined && ratio > 0 && stepsField !== undefined && stepsField > 0) top.fail('warmup_ratio', '0 or absent when warmup_steps is given (one of them)');
  let warmup: number | undefined;
  const needTotal = (what: string) => need(total, top.at('max_steps'), name, `max_steps > 0 to turn ${what} into steps`);
  if (stepsField !== undefined && stepsField > 0) {
    if (stepsField >= 1) {
      if (!Number.isInteger(stepsField)) top.fail('warmup_steps', 'an integer, or a ratio below 1');
      warmup = stepsField;
    } else warmup = Math.ceil(needTotal('a warmup ratio') * stepsField);
  } else if (ratio !== undefined && ratio > 0) warmup = Math.ceil(needTotal('warmup_ratio') * ratio);
  else warmup = 0;
  const rawKwargs = top.raw('lr_scheduler_kwargs');
  const kwargsValue = typeof rawKwargs === 'string' ? (rawKwargs.trim() === '' ? {} : parseJSON(rawKwargs)) : rawKwargs;
  const kwargs = new Args(top.at('lr_scheduler_kwargs'), kwargsValue, `HF's ${name} scheduler`);
  top.finish(HF_TRAINING_ARGUMENTS);
  if (entry.training && total === undefined) need(total, top.at('max_steps'), name, 'max_steps > 0');
  const call: HfCall = { warmup: entry.warmup ? warmup : warmup === 0 ? undefined : warmup, total, kwargs, warmupPath: top.at('warmup_steps'), totalPath: top.at('max_steps'), namePath: top.at('lr_scheduler_type') };
  if (name === 'polynomial') {
    const end = kwargs.has('lr_end') ? (kwargs.values.lr_end as number) : 1e-7;
    if (typeof end === 'number' && !(lr > end)) top.fail('learning_rate', `a rate above lr_end (${end}), as HF requires`, lr);
  }
  const t = run(name, entry, call);
  return {
    ecosystem: 'hf',
    name,
    ...('schedule' in t ? { schedule: t.schedule } : { scheduler: t.scheduler }),
    baseLr: lr,
    ...(total === undefined ? {} : { steps: total }),
  };
}
