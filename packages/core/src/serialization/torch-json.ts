/**
 * PyTorch's spelling of schedulers (`{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`):
 * one table maps each PyTorch class to anneal's pure schedule and stateful scheduler.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, UnknownScheduleError } from '../errors.js';
import type { Schedule } from '../schedule.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { resolveOptions } from '../internal/options.js';
import { sequenceDescriptor } from '../combinators/sequence.js';
import { chainDescriptor } from '../combinators/chain.js';
import { SCHEDULE_DESCRIPTORS } from '../registry.js';
import { TORCH_CLASSES } from '../schedulers.js';
import { ReduceLROnPlateau } from '../schedulers/reduce-lr-on-plateau.js';
import { SequentialLR } from '../schedulers/sequential-lr.js';
import { ChainedScheduler } from '../schedulers/chained-scheduler.js';
import { LRScheduler } from '../schedulers/lr-scheduler.js';
import type { SteppableScheduler } from '../schedulers/state.js';
import type { OptimizerLike } from '../schedulers/optimizer.js';
import type { PyTorchVersion } from '../schedulers/pytorch-version.js';
import { arrayAt, join, located, mark, objectAt, own } from './read-helpers.js';

type Options = Record<string, unknown>;
/** Any stateful scheduler the readers build. */
export type AnyScheduler = SteppableScheduler | ReduceLROnPlateau;

/** A PyTorch scheduler class as the readers see it. */
interface TorchClass {
  /** The class name. */
  readonly name: string;
  /** PyTorch keyword → anneal option, every keyword the class takes (`verbose` aside, which only prints). */
  readonly kwargs: Readonly<Record<string, string>>;
  /** Whether PyTorch's constructor takes `verbose` (it only prints: accepted, without effect). */
  readonly verbose: boolean;
  /** The pure schedule's descriptor; absent for ReduceLROnPlateau, which follows a metric. */
  readonly descriptor?: ScheduleDescriptor;
  /** The stateful scheduler on `optimizer`. */
  readonly scheduler: (optimizer: OptimizerLike, options: Options, children: () => AnyScheduler[]) => AnyScheduler;
}

/** The class of a descriptor's PyTorch mapping: its keywords, the class-only ones, `last_epoch` and `schedulers`. */
function fromDescriptor(descriptor: ScheduleDescriptor, scheduler: TorchClass['scheduler'], common = { lastEpoch: true, verbose: true }): TorchClass {
  const torch = descriptor.torch!;
  const kwargs: Record<string, string> = {};
  for (const [option, keyword] of Object.entries(torch.kwargs)) kwargs[keyword as string] = option;
  Object.assign(kwargs, torch.classKwargs);
  if (common.lastEpoch) kwargs.last_epoch = 'lastEpoch';
  if (descriptor.children !== undefined) kwargs.schedulers = 'schedulers';
  return { name: torch.class, kwargs, verbose: common.verbose, descriptor, scheduler };
}

/**
 * The stateful class a descriptor's PyTorch class name stands for ({@link TORCH_CLASSES}): a descriptor
 * naming a class that table lacks fails here, when the readers load (every test of them fails), so a new
 * PyTorch-backed kind needs no line in this file.
 */
function exportedClass(name: string): new (optimizer: OptimizerLike, options: never) => LRScheduler {
  const cls = (TORCH_CLASSES as Record<string, unknown>)[name];
  if (typeof cls !== 'function') throw new Error(`@anneal/core: the descriptor's PyTorch class ${name} is not in TORCH_CLASSES (src/schedulers.ts)`);
  return cls as new (optimizer: OptimizerLike, options: never) => LRScheduler;
}

/**
 * Every PyTorch scheduler class anneal reads: one per registered kind with a PyTorch class (its descriptor
 * gives the keywords, the schedulers entry the class), then ReduceLROnPlateau and the two composites.
 */
const TORCH: readonly TorchClass[] = [
  ...SCHEDULE_DESCRIPTORS.filter((d) => d.torch !== undefined && d.children === undefined).map((d) => {
    const Class = exportedClass(d.torch!.class);
    return fromDescriptor(d, (opt, o) => new Class(opt, o as never));
  }),
  {
    name: 'ReduceLROnPlateau',
    kwargs: {
      mode: 'mode', factor: 'factor', patience: 'patience', threshold: 'threshold', threshold_mode: 'thresholdMode',
      cooldown: 'cooldown', min_lr: 'minLr', eps: 'eps',
    },
    verbose: true,
    scheduler: (opt, o) => new ReduceLROnPlateau(opt, o),
  },
  fromDescriptor(sequenceDescriptor, (opt, o, children) => {
    const list = children();
    list.forEach((s, i) => {
      if (!(s instanceof LRScheduler) && !(s instanceof ReduceLROnPlateau)) throw new InvalidParameterError(`schedulers[${i}]`, s.kind, 'a scheduler SequentialLR can sequence (not SequentialLR or ChainedScheduler)');
    });
    return new SequentialLR(opt, { ...o, schedulers: list as (LRScheduler | ReduceLROnPlateau)[] } as never);
  }),
  // ChainedScheduler takes neither last_epoch nor verbose (1.13: `(schedulers)`; 2: `(schedulers, optimizer)`,
  // whose optimizer JSON cannot carry: the reader's optimizer is every scheduler's).
  fromDescriptor(
    chainDescriptor,
    (_opt, o, children) => {
      const { pytorch, ...others } = o;
      resolveOptions({}, others);
      const list = children();
      return new ChainedScheduler(list, pytorch === undefined ? {} : { pytorch: pytorch as PyTorchVersion });
    },
    { lastEpoch: false, verbose: false },
  ),
];

const NEEDS_FUNCTION = ['LambdaLR', 'MultiplicativeLR'];

/** The PyTorch class names the readers accept. */
export const TORCH_SCHEDULERS: readonly string[] = /* @__PURE__ */ TORCH.map((c) => c.name);

/** The class entry for `spec.scheduler`, or a typed error. */
function lookup(spec: Options, path: string): TorchClass {
  const name = spec.scheduler;
  if (typeof name === 'string' && NEEDS_FUNCTION.includes(name)) {
    throw mark(new InvalidParameterError(join(path, 'scheduler'), name, 'a scheduler without a user function (build LambdaLR/MultiplicativeLR in code)'));
  }
  const cls = TORCH.find((c) => c.name === name);
  if (cls === undefined) throw mark(new UnknownScheduleError(join(path, 'scheduler'), name, TORCH_SCHEDULERS));
  return cls;
}

/** `verbose` only prints in PyTorch: a boolean (or 2.x's `"deprecated"`) is accepted and has no effect. */
function checkVerbose(path: string, value: unknown): void {
  if (typeof value !== 'boolean' && value !== 'deprecated') throw mark(new InvalidParameterError(path, value, 'true or false'));
}

/**
 * Translates `kwargs` (PyTorch spelling) or `options` (anneal spelling) into anneal options.
 * Returns the options, where they sit, and how to rename an option back to the caller's spelling.
 */
function translate(spec: Options, path: string, cls: TorchClass) {
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
    return { options: { ...objectAt(where, spec.options) }, where, rename: (n: string) => n, torch: false };
  }
  const where = join(path, 'kwargs');
  const kwargs = spec.kwargs === undefined ? {} : objectAt(where, spec.kwargs);
  const options: Options = {};
  const back: Record<string, string> = {};
  for (const [k, v] of Object.entries(cls.kwargs)) back[v] = k;
  for (const [key, value] of Object.entries(kwargs)) {
    if (key === 'verbose' && cls.verbose) {
      checkVerbose(join(where, key), value);
      continue;
    }
    const option = own(cls.kwargs, key);
    if (option === undefined) {
      const known = [...Object.keys(cls.kwargs), ...(cls.verbose ? ['verbose'] : [])];
      throw mark(new InvalidParameterError(join(where, key), value, `absent (not a keyword argument of ${cls.name}; known: ${known.join(', ')})`));
    }
    options[option] = value;
  }
  return { options, where, rename: (n: string) => own(back, n) ?? n, torch: true };
}

/**
 * `options` with the reader's `pytorch` added (a copy); `options` naming another one is refused, so the
 * reader's choice is never silently overridden.
 */
export function withPyTorch(where: string, options: Options, pytorch: PyTorchVersion | undefined): Options {
  if (pytorch === undefined) return options;
  if (options.pytorch !== undefined && options.pytorch !== pytorch) {
    throw mark(new InvalidParameterError(join(where, 'pytorch'), options.pytorch, `absent or ${JSON.stringify(pytorch)}, the reader's pytorch option`));
  }
  return { ...options, pytorch };
}

/** Reads a PyTorch-spelled spec as a pure schedule (used by `scheduleFromJSON`). */
export function torchSchedule(spec: Options, path: string, read: (value: unknown, path: string) => Schedule): Schedule {
  const cls = lookup(spec, path);
  const { options, where, rename, torch } = translate(spec, path, cls);
  const { lastEpoch, schedulers, ...rest } = options;
  if (lastEpoch !== undefined && lastEpoch !== -1) {
    throw mark(new InvalidParameterError(join(where, rename('lastEpoch')), lastEpoch, '-1 for a pure schedule (resuming is a scheduler concept)'));
  }
  const descriptor = cls.descriptor;
  if (descriptor === undefined) {
    throw mark(new InvalidParameterError(join(path, 'scheduler'), cls.name, 'a scheduler with a closed form (ReduceLROnPlateau follows a metric: use schedulerFromJSON)'));
  }
  const children = () => arrayAt(join(where, 'schedulers'), schedulers).map((c, i) => read(c, `${where.slice(path === '' ? 0 : path.length + 1)}.schedulers[${i}]`));
  return located(
    where,
    () => {
      const pure = descriptor.torch?.toPure?.(rest) ?? rest;
      // PyTorch's defaults and checks where they differ from the pure schedule's (ConstantLR's 1/3 for 5 steps).
      const resolved = torch ? resolveOptions(descriptor.rules, pure, { torch: true }) : pure;
      return descriptor.create(resolved, descriptor.children === undefined ? [] : children());
    },
    rename,
  );
}

/** Reads a PyTorch-spelled (or anneal-spelled `{scheduler, options}`) spec as a stateful scheduler on `optimizer`. */
export function torchScheduler(
  optimizer: OptimizerLike,
  spec: Options,
  path: string,
  readChild: (value: unknown, path: string) => AnyScheduler,
  pytorch?: PyTorchVersion,
): AnyScheduler {
  const cls = lookup(spec, path);
  const { options, where, rename } = translate(spec, path, cls);
  const { schedulers, ...rest } = withPyTorch(where, options, pytorch);
  const children = () => arrayAt(join(where, 'schedulers'), schedulers).map((c, i) => readChild(c, join(where, `schedulers[${i}]`)));
  return located(where, () => cls.scheduler(optimizer, rest, children), rename);
}
