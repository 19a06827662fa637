/**
 * The optax writer: anneal's spec → `{ "optax": NAME, "kwargs": {...} }`, the inverse of the entries of
 * `OPTAX_SCHEDULES`. optax schedules give absolute rates: the written kwargs hold them at the given base rate.
 *
 * @packageDocumentation
 */
import type { OptaxScheduleName } from '../ecosystems/optax.js';
import { scheduleFromJSON } from '../schedule-json.js';
import { at, refuser, type Fields } from './common.js';
import { labelOf, num, splitWarmup, whole } from './shapes.js';

const refuse: (path: string, reason: string) => never = refuser('optax');

/** An optax schedule call. */
export interface OptaxConfig {
  optax: OptaxScheduleName;
  kwargs: Record<string, unknown>;
}

const call = (optax: OptaxScheduleName, kwargs: Record<string, unknown>): OptaxConfig => ({ optax, kwargs });

/** A whole number of steps at `path` (optax's transition and warmup steps are integers). */
function steps(n: number, path: string): number {
  if (!whole(n)) refuse(path, `optax counts these steps in whole numbers (got ${n})`);
  return n;
}

/** `boundaries_and_scales` from boundaries and the values at and after them (each scale relative to the previous value). */
function scalesOf(boundaries: number[], values: number[], path: string): Record<string, number> {
  const out: Record<string, number> = {};
  boundaries.forEach((b, i) => {
    steps(b, at(path, `boundaries[${i}]`));
    if (String(b) in out) refuse(at(path, `boundaries[${i}]`), 'optax keys its boundaries in a dict: each boundary once');
    const previous = values[i]!;
    if (previous === 0 && values[i + 1] !== 0) refuse(at(path, `values[${i}]`), 'optax scales each value from the previous one (a 0 cannot be scaled back up)');
    out[String(b)] = previous === 0 ? 0 : values[i + 1]! / previous;
  });
  return out;
}

/** Writes `spec` (canonical) at `path` as an optax schedule at base rate `baseLr`. */
export function writeOptax(spec: Fields, baseLr: number, where = ''): OptaxConfig {
  const { warmup, child, path } = splitWarmup(spec, where);
  const p = (key: string) => at(path, key);
  if (warmup !== undefined) {
    if (warmup.prefix === false) refuse(at(where, 'prefix'), "optax's warmups come before the decay (prefix)");
    if (warmup.warmTo !== undefined && warmup.warmTo !== 'start') refuse(at(where, 'warmTo'), "optax's warmups rise to the decay's start");
  }
  const w = warmup === undefined ? 0 : steps(warmup.steps as number, at(where, 'steps'));
  if (warmup !== undefined && child.type !== 'cosine' && child.type !== 'exponential' && child.type !== 'step' && w > 0) {
    // Any other decay: a linear ramp to its starting rate, joined to it at the end of the warmup.
    const start = scheduleFromJSON(child).lr(0, baseLr);
    return call('join_schedules', {
      schedules: [call('linear_schedule', { init_value: (warmup.startFactor as number) * start, end_value: start, transition_steps: w }), writeOptax(child, baseLr, path)],
      boundaries: [w],
    });
  }
  const init = warmup === undefined ? baseLr : (warmup.startFactor as number) * baseLr;
  switch (child.type) {
    case 'constant':
      if (child.factor !== 1 && child.totalIters !== 0) refuse(p('factor'), 'optax has no reduced-rate stretch (constant with factor < 1)');
      return call('constant_schedule', { value: baseLr });
    case 'linear':
      return call('linear_schedule', { init_value: (child.startFactor as number) * baseLr, end_value: (child.endFactor as number) * baseLr, transition_steps: steps(child.totalIters as number, p('totalIters')) });
    case 'polynomial':
      if (child.cycle === true) refuse(p('cycle'), "optax's polynomial schedule does not cycle");
      return call('polynomial_schedule', { init_value: baseLr, end_value: num(child, 'endLr') ?? 0, power: child.power, transition_steps: steps(child.totalIters as number, p('totalIters')) });
    case 'cosine': {
      if (child.clamp !== true) refuse(p('clamp'), "optax's cosine decay stays at its floor after decay_steps (clamp true)");
      const floor = (num(child, 'etaMin') ?? 0) + (num(child, 'minFactor') ?? 0) * baseLr;
      const exponent = num(child, 'exponent') ?? 1;
      if (warmup === undefined) return call('cosine_decay_schedule', { init_value: baseLr, decay_steps: child.tMax, alpha: floor / baseLr, exponent });
      return call('warmup_cosine_decay_schedule', { init_value: init, peak_value: baseLr, warmup_steps: w, decay_steps: w + steps(child.tMax as number, p('tMax')), end_value: floor, exponent });
    }
    case 'exponential':
    case 'step': {
      const staircase = child.type === 'step';
      const period = staircase ? (child.stepSize as number) : (num(child, 'period') ?? 1);
      const kwargs = {
        transition_steps: steps(period, p(staircase ? 'stepSize' : 'period')),
        decay_rate: child.gamma,
        staircase,
        ...(child.endLr === undefined ? {} : { end_value: child.endLr }),
      };
      if (warmup === undefined) return call('exponential_decay', { init_value: baseLr, ...kwargs });
      return call('warmup_exponential_decay_schedule', { init_value: init, peak_value: baseLr, warmup_steps: w, ...kwargs });
    }
    case 'piecewiseConstant': {
      const values = child.values as number[];
      if (child.atBoundary !== 'next') refuse(p('atBoundary'), "optax's piecewise constant schedule takes the new value at a boundary (atBoundary 'next')");
      if (values[0] === 0) refuse(p('values[0]'), 'optax scales from init_value (a first value of 0 cannot be scaled)');
      return call('piecewise_constant_schedule', { init_value: values[0]! * baseLr, boundaries_and_scales: scalesOf(child.boundaries as number[], values, path) });
    }
    case 'piecewiseInterpolate': {
      const boundaries = child.boundaries as number[];
      const values = child.values as number[];
      if (values[0] === 0) refuse(p('values[0]'), 'optax scales from init_value (a first value of 0 cannot be scaled)');
      // optax starts at init_value at step 0; a first boundary past 0 holds it there (a scale of 1).
      const bs = boundaries[0] === 0 ? boundaries.slice(1) : boundaries;
      const vs = boundaries[0] === 0 ? values : [values[0]!, ...values];
      return call('piecewise_interpolate_schedule', { interpolate_type: child.interpolation, init_value: values[0]! * baseLr, boundaries_and_scales: scalesOf(bs, vs, path) });
    }
    case 'sequence': {
      const milestones = child.milestones as number[];
      return call('join_schedules', {
        schedules: (child.schedules as Fields[]).map((s, i) => writeOptax(s, baseLr, p(`schedules[${i}]`))),
        boundaries: milestones.map((m, i) => steps(m, p(`milestones[${i}]`))),
      });
    }
    default:
      return refuse(path, `optax has no schedule for ${labelOf(child)}`);
  }
}
