/**
 * optax: `{ "optax": NAME, "kwargs": {...} }` for every schedule `optax.schedules` exports (optax 0.2.8).
 * One table, {@link OPTAX_SCHEDULES}. optax schedules give absolute rates; anneal's base rate is each
 * schedule's own scale (`init_value`, or `peak_value` where there is one), given back as the reading's
 * `baseLr`; warmup starts and floors are fractions of it, end values stay absolute rates (`endLr`).
 *
 * @packageDocumentation
 */
import { constantDescriptor } from '../../schedules/constant.js';
import { polynomialDescriptor } from '../../schedules/polynomial.js';
import { cosineDescriptor } from '../../schedules/cosine.js';
import { exponentialDescriptor } from '../../schedules/exponential.js';
import { stepDescriptor } from '../../schedules/step.js';
import { piecewiseConstantDescriptor } from '../../schedules/piecewise-constant.js';
import { piecewiseInterpolateDescriptor } from '../../schedules/piecewise-interpolate.js';
import { InvalidParameterError, UnknownScheduleError } from '../../errors.js';
import type { ScheduleSpec } from '../spec.js';
import { checkDepth, join, mark, objectAt } from '../read-helpers.js';
import { Args, integerKey, relative, scaled, sequence, spec, warm, type EcosystemReading } from './common.js';

/** A translated optax schedule: anneal's spec relative to `ref`, optax's value at step 0 being `ref · spec(0)`. */
interface OptaxSchedule {
  readonly schedule: ScheduleSpec;
  readonly ref: number;
}

/** One optax schedule function. */
export interface OptaxEntry {
  /** The anneal schedule kind it becomes. */
  readonly anneal: string;
  /** Each keyword it takes, with what it becomes in anneal. */
  readonly kwargs: Readonly<Record<string, string>>;
  /** The translation. */
  readonly read: (kwargs: Args, depth: number) => OptaxSchedule;
}

/** Every schedule of `optax.schedules` in optax 0.2.8 (the test compares it with the recorded list). */
export type OptaxScheduleName =
  | 'constant_schedule'
  | 'linear_schedule'
  | 'polynomial_schedule'
  | 'cosine_decay_schedule'
  | 'exponential_decay'
  | 'piecewise_constant_schedule'
  | 'piecewise_interpolate_schedule'
  | 'linear_onecycle_schedule'
  | 'cosine_onecycle_schedule'
  | 'warmup_constant_schedule'
  | 'warmup_cosine_decay_schedule'
  | 'warmup_exponential_decay_schedule'
  | 'sgdr_schedule'
  | 'join_schedules';

/** The reference rate for a schedule whose scale is `value` (1 when it is 0: then the factors are the rates). */
const refOf = (value: number) => (value === 0 ? 1 : value);

/** A constant `value`. */
function constantAt(value: number): OptaxSchedule {
  return value === 0 ? { schedule: spec(piecewiseConstantDescriptor, { boundaries: [], values: [0] }), ref: 1 } : { schedule: spec(constantDescriptor, {}), ref: value };
}

/** optax's polynomial schedule. */
function polynomialOf(a: Args, power: number | undefined): OptaxSchedule {
  const init = a.number('init_value');
  const end = a.number('end_value');
  const p = power ?? a.number('power', { min: 0 });
  const steps = a.number('transition_steps', { integer: true });
  const begin = Math.max(0, a.number('transition_begin', { fallback: 0, integer: true }));
  if (steps <= 0) return constantAt(init); // optax: a constant init_value
  // The decay runs from the base rate (init_value) to end_value, an absolute rate (endLr).
  const ref = refOf(init);
  // endLr is an absolute rate: it is not scaled with the base rate.
  const poly = spec(polynomialDescriptor, { totalIters: steps, power: p, endLr: end });
  const body = init === 0 ? scaled(0, poly) : poly;
  return { schedule: begin === 0 ? body : sequence([begin], [constantAt(init).schedule, body]), ref };
}

/** optax's exponential decay, starting from `init` (the base rate). */
function exponentialOf(a: Args, init: number): OptaxSchedule {
  const steps = a.number('transition_steps', { integer: true });
  const rate = a.number('decay_rate', { min: 0 });
  const begin = Math.max(0, a.number('transition_begin', { fallback: 0, integer: true }));
  const staircase = a.bool('staircase', false);
  const end = a.optionalNumber('end_value');
  if (steps <= 0 || rate === 0) return constantAt(init);
  if (init === 0) return constantAt(0);
  let decay: ScheduleSpec;
  if (staircase) decay = spec(stepDescriptor, { stepSize: steps, gamma: rate, endLr: end }); else decay = spec(exponentialDescriptor, { gamma: rate, period: steps, endLr: end });
  return { schedule: begin === 0 ? decay : sequence([begin], [spec(constantDescriptor, {}), decay]), ref: init };
}

/** `boundaries_and_scales` as sorted boundaries and cumulative scales (optax multiplies them in order). */
function boundariesAndScales(a: Args, key: string): { boundaries: number[]; factors: number[] } {
  const raw = a.raw(key);
  if (raw === undefined) return { boundaries: [], factors: [] };
  const where = a.at(key);
  const table = objectAt(where, raw);
  const pairs = Object.entries(table).map(([k, v]) => {
    const step = integerKey(join(where, k), k);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw mark(new InvalidParameterError(join(where, k), v, 'a non-negative scale factor'));
    return [step, v] as const;
  });
  pairs.sort((x, y) => x[0] - y[0]);
  let product = 1;
  const factors = pairs.map(([, s]) => (product *= s));
  return { boundaries: pairs.map(([b]) => b), factors };
}

/** optax's piecewise interpolation from `init` over scales at boundaries (keys already integer steps). */
function interpolateOf(type: 'linear' | 'cosine', init: number, boundaries: number[], factors: number[]): OptaxSchedule {
  const ref = refOf(init);
  const k = init === 0 ? 0 : 1;
  return {
    schedule: spec(piecewiseInterpolateDescriptor, { boundaries: [0, ...boundaries], values: [k, ...factors.map((f) => f * k)], interpolation: type }),
    ref,
  };
}

/** optax's one-cycle schedules: a piecewise interpolation from `peak_value / div_factor`. */
function oneCycleOf(a: Args, type: 'linear' | 'cosine'): OptaxSchedule {
  const steps = a.number('transition_steps', { above: 0, integer: true });
  const peak = a.number('peak_value');
  const pctStart = a.number('pct_start', { fallback: 0.3 });
  const pctFinal = type === 'linear' ? a.number('pct_final', { fallback: 0.85 }) : 0;
  const div = a.number('div_factor', { fallback: 25, above: 0 });
  const finalDiv = a.number('final_div_factor', { fallback: 1e4, above: 0 });
  // optax builds a dict: a later boundary equal to an earlier one replaces its scale.
  const scales = new Map<number, number>();
  scales.set(Math.trunc(pctStart * steps), div);
  if (type === 'linear') {
    scales.set(Math.trunc(pctFinal * steps), 1 / div);
    scales.set(steps, 1 / finalDiv);
  } else scales.set(Math.trunc(steps), 1 / (div * finalDiv));
  const pairs = [...scales.entries()].sort((x, y) => x[0] - y[0]);
  if (pairs.some(([b]) => b < 0)) a.fail('pct_start', 'a fraction giving non-negative boundaries');
  let product = 1;
  return interpolateOf(type, peak / div, pairs.map(([b]) => b), pairs.map(([, s]) => (product *= s)));
}

/** optax's warmup + cosine decay, with the peak as the base rate. */
function warmupCosineOf(a: Args): OptaxSchedule {
  const init = a.number('init_value');
  const peak = a.number('peak_value', { above: 0 });
  const w = a.number('warmup_steps', { min: 0, integer: true });
  const total = a.number('decay_steps', { integer: true });
  const end = a.number('end_value', { fallback: 0 });
  const exponent = a.number('exponent', { fallback: 1, above: 0 });
  if (total - w <= 0) a.fail('decay_steps', `a number > warmup_steps (${w}): optax's cosine part needs positive decay steps`, total);
  const decay = spec(cosineDescriptor, { tMax: total - w, clamp: true, minFactor: end / peak, ...(exponent === 1 ? {} : { exponent }) });
  return { schedule: warm({ steps: w, startFactor: relative(init, peak) }, decay), ref: peak };
}

/** Joins translated schedules at `boundaries`, rescaling each to the first one's base rate. */
function joined(parts: OptaxSchedule[], boundaries: number[]): OptaxSchedule {
  const ref = parts[0]!.ref;
  return { schedule: sequence(boundaries, parts.map((p) => scaled(p.ref / ref, p.schedule))), ref };
}

const LINEAR_KWARGS = { init_value: 'the base rate', end_value: 'endLr (absolute)', transition_steps: 'totalIters', transition_begin: 'a constant stretch in front (sequence)' };

/** Every optax schedule: the compiler asks for an entry per {@link OptaxScheduleName}. */
export const OPTAX_SCHEDULES: Readonly<Record<OptaxScheduleName, OptaxEntry>> = {
  constant_schedule: { anneal: 'constant', kwargs: { value: 'the base rate' }, read: (a) => constantAt(a.number('value')) },
  linear_schedule: { anneal: 'polynomial (power 1)', kwargs: LINEAR_KWARGS, read: (a) => polynomialOf(a, 1) },
  polynomial_schedule: { anneal: 'polynomial', kwargs: { ...LINEAR_KWARGS, power: 'power' }, read: (a) => polynomialOf(a, undefined) },
  cosine_decay_schedule: {
    anneal: 'cosine (clamped)',
    kwargs: { init_value: 'the base rate', decay_steps: 'tMax', alpha: 'minFactor', exponent: 'exponent' },
    read: (a) => {
      const init = a.number('init_value');
      const tMax = a.number('decay_steps', { above: 0 });
      const alpha = a.number('alpha', { fallback: 0 });
      const exponent = a.number('exponent', { fallback: 1, above: 0 });
      const decay = spec(cosineDescriptor, { tMax, clamp: true, minFactor: alpha, ...(exponent === 1 ? {} : { exponent }) });
      return { schedule: init === 0 ? scaled(0, decay) : decay, ref: refOf(init) };
    },
  },
  exponential_decay: {
    anneal: 'exponential (period, endLr), or step with staircase',
    kwargs: { init_value: 'the base rate', transition_steps: 'period', decay_rate: 'gamma', transition_begin: 'a constant stretch in front', staircase: 'step', end_value: 'endLr' },
    read: (a) => exponentialOf(a, a.number('init_value')),
  },
  piecewise_constant_schedule: {
    anneal: 'piecewiseConstant',
    kwargs: { init_value: 'the base rate', boundaries_and_scales: 'boundaries and cumulative values' },
    read: (a) => {
      const init = a.number('init_value');
      const { boundaries, factors } = boundariesAndScales(a, 'boundaries_and_scales');
      const k = init === 0 ? 0 : 1;
      return { schedule: spec(piecewiseConstantDescriptor, { boundaries, values: [k, ...factors.map((f) => f * k)] }), ref: refOf(init) };
    },
  },
  piecewise_interpolate_schedule: {
    anneal: 'piecewiseInterpolate',
    kwargs: { interpolate_type: 'interpolation', init_value: 'the base rate', boundaries_and_scales: 'boundaries and cumulative values' },
    read: (a) => {
      const type = a.choice('interpolate_type', ['linear', 'cosine'] as const, 'linear');
      if (!a.has('interpolate_type')) a.fail('interpolate_type', '"linear" or "cosine" (optax requires it)');
      const init = a.number('init_value');
      const { boundaries, factors } = boundariesAndScales(a, 'boundaries_and_scales');
      return interpolateOf(type, init, boundaries, factors);
    },
  },
  linear_onecycle_schedule: {
    anneal: 'piecewiseInterpolate (linear)',
    kwargs: { transition_steps: 'length', peak_value: 'peak', pct_start: 'rise', pct_final: 'end of the fall', div_factor: 'start = peak / div_factor', final_div_factor: 'end = start / final_div_factor' },
    read: (a) => oneCycleOf(a, 'linear'),
  },
  cosine_onecycle_schedule: {
    anneal: 'piecewiseInterpolate (cosine)',
    kwargs: { transition_steps: 'length', peak_value: 'peak', pct_start: 'rise', div_factor: 'start = peak / div_factor', final_div_factor: 'end = start / final_div_factor' },
    read: (a) => oneCycleOf(a, 'cosine'),
  },
  warmup_constant_schedule: {
    anneal: 'polynomial (power 1) from init_value to peak_value',
    kwargs: { init_value: 'the base rate', peak_value: 'endLr (absolute)', warmup_steps: 'totalIters' },
    read: (a) => {
      const init = a.number('init_value');
      const peak = a.number('peak_value');
      const steps = a.number('warmup_steps', { integer: true });
      if (steps <= 0) return constantAt(init);
      const ref = refOf(init);
      const poly = spec(polynomialDescriptor, { totalIters: steps, power: 1, endLr: peak });
      return { schedule: init === 0 ? scaled(0, poly) : poly, ref };
    },
  },
  warmup_cosine_decay_schedule: {
    anneal: 'warmup + cosine (clamped)',
    kwargs: { init_value: 'startFactor = init_value / peak_value', peak_value: 'the base rate', warmup_steps: 'warmup steps', decay_steps: 'tMax = decay_steps − warmup_steps', end_value: 'minFactor = end_value / peak_value', exponent: 'exponent' },
    read: (a) => warmupCosineOf(a),
  },
  warmup_exponential_decay_schedule: {
    anneal: 'warmup + exponential',
    kwargs: {
      init_value: 'startFactor = init_value / peak_value', peak_value: 'the base rate', warmup_steps: 'warmup steps', transition_steps: 'period',
      decay_rate: 'gamma', transition_begin: 'a constant stretch after the warmup', staircase: 'step', end_value: 'endLr',
    },
    read: (a) => {
      const init = a.number('init_value');
      const peak = a.number('peak_value', { above: 0 });
      const w = a.number('warmup_steps', { min: 0, integer: true });
      const decay = exponentialOf(a, peak);
      return { schedule: warm({ steps: w, startFactor: relative(init, peak) }, decay.schedule), ref: peak };
    },
  },
  sgdr_schedule: {
    anneal: 'sequence of warmup + cosine',
    kwargs: { cosine_kwargs: 'a list of warmup_cosine_decay_schedule keyword sets, one per cycle' },
    read: (a) => {
      const list = a.raw('cosine_kwargs');
      if (!Array.isArray(list) || list.length === 0) return a.fail('cosine_kwargs', 'a non-empty array of keyword objects', list);
      const parts: OptaxSchedule[] = [];
      const boundaries: number[] = [];
      let at = 0;
      list.forEach((kw, i) => {
        const args = new Args(`${a.at('cosine_kwargs')}[${i}]`, kw, "optax's warmup_cosine_decay_schedule");
        parts.push(warmupCosineOf(args));
        args.finish(Object.keys(OPTAX_SCHEDULES.warmup_cosine_decay_schedule.kwargs));
        at += args.values.decay_steps as number;
        boundaries.push(at);
      });
      return joined(parts, boundaries.slice(0, -1));
    },
  },
  join_schedules: {
    anneal: 'sequence',
    kwargs: { schedules: 'a list of { optax, kwargs } schedules', boundaries: 'milestones' },
    read: (a, depth) => {
      const list = a.raw('schedules');
      if (!Array.isArray(list) || list.length === 0) return a.fail('schedules', 'a non-empty array of { "optax": ..., "kwargs": ... } schedules', list);
      const boundaries = a.numbers('boundaries');
      if (boundaries.length !== list.length - 1) a.fail('boundaries', `${list.length - 1} boundaries (one fewer than schedules)`);
      const parts = list.map((s, i) => readOptaxAt(objectAt(`${a.at('schedules')}[${i}]`, s), `${a.at('schedules')}[${i}]`, depth + 1));
      return joined(parts, boundaries);
    },
  },
};

/** The names. */
export const OPTAX_SCHEDULE_NAMES = Object.keys(OPTAX_SCHEDULES) as OptaxScheduleName[];

function readOptaxAt(value: Record<string, unknown>, path: string, depth: number): OptaxSchedule {
  checkDepth(path, depth);
  const top = new Args(path, value, 'an optax schedule');
  const raw = top.raw('optax');
  const name = typeof raw === 'string' ? raw.replace(/^optax\.(schedules\.)?/, '') : raw;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(OPTAX_SCHEDULES, name)) {
    throw mark(new UnknownScheduleError(top.at('optax'), raw, OPTAX_SCHEDULE_NAMES));
  }
  const entry = OPTAX_SCHEDULES[name as OptaxScheduleName];
  const kwargs = new Args(top.at('kwargs'), top.raw('kwargs') ?? {}, `optax's ${name}`);
  top.finish(['optax', 'kwargs']);
  const out = entry.read(kwargs, depth);
  kwargs.finish(Object.keys(entry.kwargs));
  return out;
}

/** Reads `{ "optax": NAME, "kwargs": {...} }`. */
export function readOptax(value: Record<string, unknown>, path: string): EcosystemReading {
  const name = String(value.optax).replace(/^optax\.(schedules\.)?/, '');
  const { schedule, ref } = readOptaxAt(value, path, 0);
  return { ecosystem: 'optax', name, schedule, baseLr: ref };
}
