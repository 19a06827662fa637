/**
 * timm: the arguments of `timm.scheduler.create_scheduler_v2` (`{ "sched": "cosine", "num_epochs": 300, ... }`,
 * what `scheduler_kwargs(args)` returns), plus `lr`, the optimizer's base rate (timm takes it from the
 * optimizer; the reader needs it to express the absolute `warmup_lr` relative to it). One table,
 * {@link TIMM_SCHEDULERS}. A step of the anneal schedule is timm's `t`: an epoch, or an update when
 * `step_on_epochs` is false (then every length is multiplied by `updates_per_epoch`, as timm does).
 *
 * @packageDocumentation
 */
import { sgdrDescriptor } from '../../schedules/sgdr.js';
import { stepDescriptor } from '../../schedules/step.js';
import { multiStepDescriptor } from '../../schedules/multi-step.js';
import { InvalidParameterError, UnknownScheduleError } from '../../errors.js';
import type { ScheduleSpec } from '../spec.js';
import { mark } from '../read-helpers.js';
import { Args, spec, warm, type EcosystemReading, type Translation } from './common.js';

/** `create_scheduler_v2`'s keyword arguments and their defaults (timm 1.0.29). */
export const TIMM_DEFAULTS = {
  sched: 'cosine',
  num_epochs: 300,
  decay_epochs: 90,
  decay_milestones: [90, 180, 270],
  cooldown_epochs: 0,
  patience_epochs: 10,
  decay_rate: 0.1,
  min_lr: 0,
  warmup_lr: 1e-5,
  warmup_epochs: 0,
  warmup_prefix: false,
  noise: null,
  noise_pct: 0.67,
  noise_std: 1,
  noise_seed: 42,
  cycle_mul: 1,
  cycle_decay: 0.1,
  cycle_limit: 1,
  k_decay: 1,
  plateau_mode: 'max',
  step_on_epochs: true,
  updates_per_epoch: 0,
} as const;

/** A `create_scheduler_v2` keyword. */
export type TimmArgument = keyof typeof TIMM_DEFAULTS;

/** What the schedulers read: lengths already in steps (`t` units). */
export interface TimmCall {
  readonly a: Args;
  /** `t_initial`, warmup, decay, cooldown lengths and milestones, in steps. */
  readonly tInitial: number;
  readonly warmupT: number;
  readonly scale: number;
  /** The warmup in front of (or over, without `warmup_prefix`) `child`. */
  readonly warmed: (child: ScheduleSpec) => ScheduleSpec;
}

/** One `sched` value. */
export interface TimmEntry {
  /** The anneal schedule kind it becomes. */
  readonly anneal: string;
  /** The keywords it uses besides the common ones (warmup, epochs, lr), with what they become. */
  readonly uses: Partial<Readonly<Record<TimmArgument, string>>>;
  readonly read: (call: TimmCall) => Translation;
}

/** Every `sched` of `create_scheduler_v2` (timm 1.0.29). */
export type TimmSchedulerName = 'cosine' | 'tanh' | 'step' | 'multistep' | 'plateau' | 'poly';

const CYCLES = { cycle_mul: 'tMult (>= 1)', cycle_decay: 'cycleDecay', cycle_limit: 'cycleLimit' } as const;

/** The cycle options timm's cosine, tanh and poly schedulers share (their `CYCLES`, `min_lr` and length). */
function cycleOptions(a: Args, tInitial: number) {
  return {
    t0: tInitial,
    tMult: a.number('cycle_mul', { fallback: 1, min: 1 }),
    cycleDecay: a.number('cycle_decay', { fallback: 0.1, min: 0 }),
    cycleLimit: a.number('cycle_limit', { fallback: 1, min: 1, integer: true }),
    etaMin: a.number('min_lr', { fallback: 0, min: 0 }),
  };
}

/** Every timm scheduler: the compiler asks for an entry per {@link TimmSchedulerName}. */
export const TIMM_SCHEDULERS: Readonly<Record<TimmSchedulerName, TimmEntry>> = {
  cosine: {
    anneal: 'sgdr (warmup in front or over it)',
    uses: { ...CYCLES, min_lr: 'etaMin', k_decay: 'kDecay', num_epochs: 't0' },
    read: ({ a, tInitial, warmed }) => ({
      schedule: warmed(
        spec(sgdrDescriptor, {
          ...cycleOptions(a, tInitial),
          kDecay: nonUnit(a.number('k_decay', { fallback: 1, above: 0 })),
        }),
      ),
    }),
  },
  tanh: {
    anneal: 'sgdr with shape tanh (warmup in front or over it)',
    uses: { ...CYCLES, min_lr: 'etaMin', num_epochs: 't0' },
    read: ({ a, tInitial, warmed }) => ({
      schedule: warmed(
        spec(sgdrDescriptor, {
          ...cycleOptions(a, tInitial),
          shape: 'tanh',
        }),
      ),
    }),
  },
  step: {
    anneal: 'step',
    uses: { decay_epochs: 'stepSize', decay_rate: 'gamma' },
    read: ({ a, scale, warmed }) => ({
      schedule: warmed(spec(stepDescriptor, { stepSize: a.number('decay_epochs', { fallback: 90, above: 0 }) * scale, gamma: a.number('decay_rate', { fallback: 0.1 }) })),
    }),
  },
  multistep: {
    anneal: 'multiStep (milestones one step earlier: timm decays at t + 1 >= milestone)',
    uses: { decay_milestones: 'milestones − 1', decay_rate: 'gamma' },
    read: ({ a, scale, warmed }) => {
      const given = a.has('decay_milestones') ? a.numbers('decay_milestones') : (a.raw('decay_milestones'), [...TIMM_DEFAULTS.decay_milestones]);
      for (let i = 1; i < given.length; i++) {
        if (given[i]! < given[i - 1]!) throw mark(new InvalidParameterError(`${a.at('decay_milestones')}[${i}]`, given[i], 'non-decreasing milestones (timm bisects them)'));
      }
      // timm counts the milestones at or below t + 1 (bisect_right(milestones, t + 1)): at whole steps, the milestone moves one step earlier.
      const milestones = given.map((m) => Math.max(0, m * scale - 1));
      return { schedule: warmed(spec(multiStepDescriptor, { milestones, gamma: a.number('decay_rate', { fallback: 0.1 }) })) };
    },
  },
  plateau: {
    anneal: 'ReduceLROnPlateau (stateful)',
    uses: { decay_rate: 'factor', patience_epochs: 'patience', min_lr: 'min_lr', plateau_mode: 'mode' },
    read: ({ a, warmupT }) => {
      if (warmupT > 0) a.fail('warmup_epochs', '0 (a plateau scheduler with timm\'s warmup is not read yet)');
      return {
        scheduler: {
          scheduler: 'ReduceLROnPlateau',
          kwargs: {
            mode: a.choice('plateau_mode', ['min', 'max'] as const, 'max'),
            factor: a.number('decay_rate', { fallback: 0.1 }),
            patience: a.number('patience_epochs', { fallback: 10, min: 0, integer: true }),
            threshold: 1e-4,
            threshold_mode: 'rel',
            cooldown: 0,
            min_lr: a.number('min_lr', { fallback: 0, min: 0 }),
          },
        },
      };
    },
  },
  poly: {
    anneal: 'sgdr with shape poly (warmup in front or over it)',
    uses: { decay_rate: 'power (timm overloads decay_rate)', min_lr: 'etaMin', num_epochs: 't0', ...CYCLES, k_decay: 'kDecay' },
    read: ({ a, tInitial, warmed }) => ({
      schedule: warmed(
        spec(sgdrDescriptor, {
          ...cycleOptions(a, tInitial),
          kDecay: nonUnit(a.number('k_decay', { fallback: 1, above: 0 })),
          shape: 'poly',
          power: a.number('decay_rate', { fallback: 0.1, min: 0 }),
        }),
      ),
    }),
  },
};

const nonUnit = (k: number) => (k === 1 ? undefined : k);

/** The names. */
export const TIMM_SCHEDULER_NAMES = Object.keys(TIMM_SCHEDULERS) as TimmSchedulerName[];

/** The keywords every scheduler reads itself (the rest must be at their defaults when its scheduler does not use them). */
const COMMON: readonly string[] = ['sched', 'num_epochs', 'warmup_lr', 'warmup_epochs', 'warmup_prefix', 'step_on_epochs', 'updates_per_epoch', 'cooldown_epochs', 'noise', 'noise_pct', 'noise_std', 'noise_seed', 'lr'];

/** Reads `create_scheduler_v2`'s keyword arguments (and `lr`). */
export function readTimm(value: Record<string, unknown>, path: string): EcosystemReading {
  const a = new Args(path, value, "timm's create_scheduler_v2");
  const name = a.raw('sched') ?? 'cosine';
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(TIMM_SCHEDULERS, name)) throw mark(new UnknownScheduleError(a.at('sched'), name, TIMM_SCHEDULER_NAMES));
  const entry = TIMM_SCHEDULERS[name as TimmSchedulerName];
  const onEpochs = a.bool('step_on_epochs', true);
  const perEpoch = a.number('updates_per_epoch', { fallback: 0, min: 0, integer: true });
  if (!onEpochs && perEpoch <= 0) a.fail('updates_per_epoch', 'a positive integer when step_on_epochs is false (timm asserts it)', perEpoch);
  const scale = onEpochs ? 1 : perEpoch;
  const epochs = a.number('num_epochs', { fallback: 300, above: 0 });
  const warmupEpochs = a.number('warmup_epochs', { fallback: 0, min: 0 });
  const cooldown = a.number('cooldown_epochs', { fallback: 0, min: 0 });
  const prefix = a.bool('warmup_prefix', false);
  const warmupLr = a.number('warmup_lr', { fallback: 1e-5, min: 0 });
  const lr = a.optionalNumber('lr', { above: 0 });
  const tInitial = epochs * scale;
  const noiseRange = readNoiseRange(a, tInitial);
  a.onlyAt('noise_std', 1, "timm's normal noise does not use it");
  const pct = noiseRange === undefined ? (a.onlyAt('noise_pct', 0.67, 'only used with noise'), 0.67) : a.number('noise_pct', { fallback: 0.67, min: 0.001 });
  const seed = noiseRange === undefined ? (a.onlyAt('noise_seed', 42, 'only used with noise'), 42) : a.number('noise_seed', { fallback: 42, min: 0, integer: true });
  const warmupT = warmupEpochs * scale;
  if (warmupT > 0 && lr === undefined) a.fail('lr', "the optimizer's base rate (timm's warmup starts at the absolute warmup_lr)", undefined);
  const warmed = (child: ScheduleSpec) => (warmupT === 0 ? child : warm({ steps: warmupT, startFactor: warmupLr / lr!, prefix, ...(name === 'tanh' ? { warmTo: prefix ? 'baseLr' : 'end' } : {}) }, child));
  let out = entry.read({ a, tInitial, warmupT, scale, warmed });
  if (noiseRange !== undefined) {
    if (!('schedule' in out)) return a.fail('noise', 'null or absent for sched="plateau" (not read yet)');
    const [start, end] = noiseRange;
    out = { schedule: { type: 'noise', start, ...(end === undefined ? {} : { end }), pct, seed, schedule: out.schedule } as ScheduleSpec };
  }
  // The keywords this scheduler does not use must be at create_scheduler_v2's defaults (timm ignores them).
  for (const key of Object.keys(TIMM_DEFAULTS) as TimmArgument[]) {
    if (COMMON.includes(key) || key in entry.uses) continue;
    a.onlyAt(key, TIMM_DEFAULTS[key], `sched=${JSON.stringify(name)} does not use it`);
  }
  a.finish([...Object.keys(TIMM_DEFAULTS), 'lr']);
  const steps = timmLength(name as TimmSchedulerName, a, tInitial, warmupT, prefix) + cooldown * scale;
  return { ecosystem: 'timm', name, ...('schedule' in out ? { schedule: out.schedule } : { scheduler: out.scheduler }), ...(lr === undefined ? {} : { baseLr: lr }), steps };
}

/** timm's noise range, `noise` times `t_initial` (a number: from there on; a list of two: a range). */
function readNoiseRange(a: Args, tInitial: number): [number, number | undefined] | undefined {
  const raw = a.raw('noise');
  if (raw === undefined) return undefined;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return [raw * tInitial, undefined];
  if (Array.isArray(raw) && (raw.length === 1 || raw.length === 2) && raw.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) {
    const [s, e] = raw as number[];
    return [s! * tInitial, e === undefined ? undefined : e * tInitial];
  }
  return a.fail('noise', 'null, a non-negative number, or a list of one or two (fractions of num_epochs)');
}

/** The run length `create_scheduler_v2` returns (in steps, before adding the cooldown). */
function timmLength(name: TimmSchedulerName, a: Args, tInitial: number, warmupT: number, prefix: boolean): number {
  if (name === 'cosine' || name === 'tanh' || name === 'poly') {
    const cycles = Math.max(1, (a.values.cycle_limit as number | undefined) ?? 1);
    const mul = (a.values.cycle_mul as number | undefined) ?? 1;
    const t = mul === 1 ? tInitial * cycles : Math.floor((-tInitial * (mul ** cycles - 1)) / (1 - mul));
    return prefix ? t + warmupT : t;
  }
  return prefix ? tInitial + warmupT : tInitial;
}
