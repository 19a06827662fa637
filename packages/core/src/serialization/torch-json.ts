/**
 * PyTorch's spelling of schedulers (`{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`):
 * one table maps each PyTorch class to anneal's pure schedule and stateful scheduler.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, UnknownScheduleError } from '../errors.js';
import type { Schedule } from '../schedule.js';
import { constant } from '../schedules/constant.js';
import { linear } from '../schedules/linear.js';
import { step } from '../schedules/step.js';
import { multiStep } from '../schedules/multi-step.js';
import { exponential } from '../schedules/exponential.js';
import { polynomial } from '../schedules/polynomial.js';
import { cosine } from '../schedules/cosine.js';
import { sgdr } from '../schedules/sgdr.js';
import { oneCycle } from '../schedules/one-cycle.js';
import { cyclic } from '../schedules/cyclic.js';
import { sequence } from '../combinators/sequence.js';
import { chain } from '../combinators/chain.js';
import { StepLR } from '../schedulers/step-lr.js';
import { MultiStepLR } from '../schedulers/multi-step-lr.js';
import { ConstantLR } from '../schedulers/constant-lr.js';
import { LinearLR } from '../schedulers/linear-lr.js';
import { ExponentialLR } from '../schedulers/exponential-lr.js';
import { PolynomialLR } from '../schedulers/polynomial-lr.js';
import { CosineAnnealingLR } from '../schedulers/cosine-annealing-lr.js';
import { CosineAnnealingWarmRestarts } from '../schedulers/cosine-annealing-warm-restarts.js';
import { CyclicLR } from '../schedulers/cyclic-lr.js';
import { OneCycleLR } from '../schedulers/one-cycle-lr.js';
import { ReduceLROnPlateau } from '../schedulers/reduce-lr-on-plateau.js';
import { SequentialLR } from '../schedulers/sequential-lr.js';
import { ChainedScheduler } from '../schedulers/chained-scheduler.js';
import { LRScheduler } from '../schedulers/lr-scheduler.js';
import type { SteppableScheduler } from '../schedulers/state.js';
import type { OptimizerLike } from '../schedulers/optimizer.js';
import { arrayAt, join, located, mark, objectAt, own } from './read-helpers.js';

type Options = Record<string, unknown>;
/** Any stateful scheduler the readers build. */
export type AnyScheduler = SteppableScheduler | ReduceLROnPlateau;

interface TorchClass {
  /** PyTorch keyword → anneal option. `last_epoch` and `verbose` are accepted for every class. */
  kwargs: Record<string, string>;
  /** The pure schedule, with PyTorch's defaults; absent when there is none. */
  schedule?: (o: Options, children: () => Schedule[]) => Schedule;
  /** The stateful scheduler on `optimizer`. */
  scheduler: (optimizer: OptimizerLike, o: Options, children: () => AnyScheduler[]) => AnyScheduler;
}

const noPure = (why: string) => (): never => {
  throw new InvalidParameterError('scheduler', why, 'a scheduler with a closed form');
};

/** Every PyTorch scheduler class anneal reads, by name. */
const TORCH: Record<string, TorchClass> = {
  StepLR: {
    kwargs: { step_size: 'stepSize', gamma: 'gamma' },
    schedule: (o) => step(o as never),
    scheduler: (opt, o) => new StepLR(opt, o as never),
  },
  MultiStepLR: {
    kwargs: { milestones: 'milestones', gamma: 'gamma' },
    schedule: (o) => multiStep({ ...o, milestones: sortedCopy(o.milestones) } as never),
    scheduler: (opt, o) => new MultiStepLR(opt, o as never),
  },
  ConstantLR: {
    kwargs: { factor: 'factor', total_iters: 'totalIters' },
    schedule: (o) => constant({ factor: 1 / 3, totalIters: 5, ...o }),
    scheduler: (opt, o) => new ConstantLR(opt, o),
  },
  LinearLR: {
    kwargs: { start_factor: 'startFactor', end_factor: 'endFactor', total_iters: 'totalIters' },
    schedule: (o) => linear(o),
    scheduler: (opt, o) => new LinearLR(opt, o),
  },
  ExponentialLR: {
    kwargs: { gamma: 'gamma' },
    schedule: (o) => exponential(o as never),
    scheduler: (opt, o) => new ExponentialLR(opt, o as never),
  },
  PolynomialLR: {
    kwargs: { total_iters: 'totalIters', power: 'power' },
    schedule: (o) => polynomial(o),
    scheduler: (opt, o) => new PolynomialLR(opt, o),
  },
  CosineAnnealingLR: {
    kwargs: { T_max: 'tMax', eta_min: 'etaMin' },
    schedule: (o) => cosine(o as never),
    scheduler: (opt, o) => new CosineAnnealingLR(opt, o as never),
  },
  CosineAnnealingWarmRestarts: {
    kwargs: { T_0: 't0', T_mult: 'tMult', eta_min: 'etaMin' },
    schedule: (o) => sgdr(o as never),
    scheduler: (opt, o) => new CosineAnnealingWarmRestarts(opt, o as never),
  },
  CyclicLR: {
    kwargs: {
      base_lr: 'baseLr', max_lr: 'maxLr', step_size_up: 'stepSizeUp', step_size_down: 'stepSizeDown', mode: 'mode',
      gamma: 'gamma', scale_mode: 'scaleMode', cycle_momentum: 'cycleMomentum', base_momentum: 'baseMomentum', max_momentum: 'maxMomentum',
    },
    schedule: (o) => cyclic(o as never),
    scheduler: (opt, o) => new CyclicLR(opt, o as never),
  },
  OneCycleLR: {
    kwargs: {
      max_lr: 'maxLr', total_steps: 'totalSteps', epochs: 'epochs', steps_per_epoch: 'stepsPerEpoch', pct_start: 'pctStart',
      anneal_strategy: 'annealStrategy', cycle_momentum: 'cycleMomentum', base_momentum: 'baseMomentum', max_momentum: 'maxMomentum',
      div_factor: 'divFactor', final_div_factor: 'finalDivFactor', three_phase: 'threePhase',
    },
    schedule: (o) => {
      const { epochs, stepsPerEpoch, totalSteps, ...rest } = o;
      const total = totalSteps ?? (typeof epochs === 'number' && typeof stepsPerEpoch === 'number' ? epochs * stepsPerEpoch : undefined);
      return oneCycle({ ...rest, totalSteps: total } as never);
    },
    scheduler: (opt, o) => new OneCycleLR(opt, o as never),
  },
  ReduceLROnPlateau: {
    kwargs: {
      mode: 'mode', factor: 'factor', patience: 'patience', threshold: 'threshold', threshold_mode: 'thresholdMode',
      cooldown: 'cooldown', min_lr: 'minLr', eps: 'eps',
    },
    schedule: /* @__PURE__ */ noPure('ReduceLROnPlateau follows a metric, not the step: build it with schedulerFromJSON'),
    scheduler: (opt, o) => new ReduceLROnPlateau(opt, o),
  },
  SequentialLR: {
    kwargs: { milestones: 'milestones', schedulers: 'schedulers' },
    schedule: (o, children) => sequence(children(), { milestones: o.milestones as number[] }),
    scheduler: (opt, o, children) => {
      const list = children();
      list.forEach((s, i) => {
        if (!(s instanceof LRScheduler)) throw new InvalidParameterError(`schedulers[${i}]`, s.kind, 'a scheduler SequentialLR can sequence (not ReduceLROnPlateau, SequentialLR or ChainedScheduler)');
      });
      return new SequentialLR(opt, { schedulers: list as LRScheduler[], milestones: o.milestones as number[] });
    },
  },
  ChainedScheduler: {
    kwargs: { schedulers: 'schedulers' },
    schedule: (_o, children) => chain(children()),
    scheduler: (_opt, _o, children) => {
      const list = children();
      list.forEach((s, i) => {
        if (s instanceof ReduceLROnPlateau) throw new InvalidParameterError(`schedulers[${i}]`, s.kind, 'a scheduler stepped without a metric (not ReduceLROnPlateau)');
      });
      return new ChainedScheduler(list as SteppableScheduler[]);
    },
  },
};

const NEEDS_FUNCTION = ['LambdaLR', 'MultiplicativeLR'];

/** The PyTorch class names the readers accept. (The calls are marked pure so that bundlers can drop the table when unused.) */
export const TORCH_SCHEDULERS: readonly string[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(TORCH));

function sortedCopy(value: unknown): unknown {
  return Array.isArray(value) && value.every((v) => typeof v === 'number') ? [...(value as number[])].sort((a, b) => a - b) : value;
}

/** The class entry for `spec.scheduler`, or a typed error. */
function lookup(spec: Options, path: string): { name: string; cls: TorchClass } {
  const name = spec.scheduler;
  if (typeof name === 'string' && NEEDS_FUNCTION.includes(name)) {
    throw mark(new InvalidParameterError(join(path, 'scheduler'), name, 'a scheduler without a user function (build LambdaLR/MultiplicativeLR in code)'));
  }
  const cls = own(TORCH, name);
  if (cls === undefined) throw mark(new UnknownScheduleError(join(path, 'scheduler'), name, TORCH_SCHEDULERS));
  return { name: name as string, cls };
}

/**
 * Translates `kwargs` (PyTorch spelling) or `options` (anneal spelling) into anneal options.
 * Returns the options, where they sit, and how to rename an option back to the caller's spelling.
 */
function translate(spec: Options, path: string, name: string, cls: TorchClass) {
  for (const key of Object.keys(spec)) {
    if (key !== 'scheduler' && key !== 'kwargs' && key !== 'options') {
      throw mark(new InvalidParameterError(join(path, key), spec[key], 'absent (a scheduler spec has "scheduler" and "kwargs" or "options")'));
    }
  }
  if ('kwargs' in spec && 'options' in spec) {
    throw mark(new InvalidParameterError(join(path, 'options'), spec.options, 'absent when "kwargs" is given (one spelling at a time)'));
  }
  if ('options' in spec) {
    const where = join(path, 'options');
    return { options: { ...objectAt(where, spec.options) }, where, rename: (n: string) => n, childKey: 'schedulers' };
  }
  const where = join(path, 'kwargs');
  const kwargs = spec.kwargs === undefined ? {} : objectAt(where, spec.kwargs);
  const options: Options = {};
  const back: Record<string, string> = { lastEpoch: 'last_epoch' };
  for (const [k, v] of Object.entries(cls.kwargs)) back[v] = k;
  for (const [key, value] of Object.entries(kwargs)) {
    if (key === 'verbose') continue;
    if (key === 'last_epoch') {
      options.lastEpoch = value;
      continue;
    }
    const option = own(cls.kwargs, key);
    if (option === undefined) {
      throw mark(new InvalidParameterError(join(where, key), value, `absent (not a keyword argument of ${name}; known: ${Object.keys(cls.kwargs).join(', ')})`));
    }
    options[option] = value;
  }
  return { options, where, rename: (n: string) => own(back, n) ?? n, childKey: 'schedulers' };
}

/** Reads a PyTorch-spelled spec as a pure schedule (used by `scheduleFromJSON`). */
export function torchSchedule(spec: Options, path: string, read: (value: unknown, path: string) => Schedule): Schedule {
  const { name, cls } = lookup(spec, path);
  const { options, where, rename } = translate(spec, path, name, cls);
  const { lastEpoch, schedulers, ...rest } = options;
  if (lastEpoch !== undefined && lastEpoch !== -1) {
    throw mark(new InvalidParameterError(join(where, rename('lastEpoch')), lastEpoch, '-1 for a pure schedule (resuming is a scheduler concept)'));
  }
  const children = () => arrayAt(join(where, 'schedulers'), schedulers).map((c, i) => read(c, `${where.slice(path === '' ? 0 : path.length + 1)}.schedulers[${i}]`));
  if (name === 'ReduceLROnPlateau') {
    throw mark(new InvalidParameterError(join(path, 'scheduler'), name, 'a scheduler with a closed form (ReduceLROnPlateau follows a metric: use schedulerFromJSON)'));
  }
  return located(where, () => cls.schedule!(rest, children), rename);
}

/** Reads a PyTorch-spelled (or anneal-spelled `{scheduler, options}`) spec as a stateful scheduler on `optimizer`. */
export function torchScheduler(
  optimizer: OptimizerLike,
  spec: Options,
  path: string,
  readChild: (value: unknown, path: string) => AnyScheduler,
): AnyScheduler {
  const { name, cls } = lookup(spec, path);
  const { options, where, rename } = translate(spec, path, name, cls);
  const { schedulers, ...rest } = options;
  const children = () => arrayAt(join(where, 'schedulers'), schedulers).map((c, i) => readChild(c, join(where, `schedulers[${i}]`)));
  return located(where, () => cls.scheduler(optimizer, rest, children), rename);
}
