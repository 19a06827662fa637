import { createSchedule, type Schedule } from '../schedule.js';
import { milestones as checkMilestones, numbers, oneOf } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import { bisectRight } from '../internal/python.js';
import { InvalidParameterError } from '../errors.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { annealCos, annealLinear } from './one-cycle.js';

/** How {@link piecewiseInterpolate} moves between two boundary values. */
export type Interpolation = 'linear' | 'cosine';

/** Options of {@link piecewiseInterpolate}. */
export interface PiecewiseInterpolateOptions {
  /** Steps at which the values are given, non-decreasing, at least one. A repeated boundary is a jump. */
  boundaries: number[];
  /** Multiplier of the base rate at each boundary, as many as `boundaries`. */
  values: number[];
  /** The curve between two boundaries: a straight line or a half cosine. Default `'linear'`. */
  interpolation?: Interpolation;
}

const INTERPOLATIONS = ['linear', 'cosine'] as const;

/** Checks and defaults of {@link PiecewiseInterpolateOptions}. */
export const piecewiseInterpolateRules = {
  boundaries: { kind: 'required', check: (name, value) => checkMilestones(name, value) },
  values: { kind: 'required', check: (name, value) => numbers(name, value) },
  interpolation: { kind: 'default', check: (name, value) => oneOf(name, value, INTERPOLATIONS), value: 'linear' },
} satisfies Rules<PiecewiseInterpolateOptions>;

/** JSON form of {@link piecewiseInterpolate}. */
export interface PiecewiseInterpolateSpec extends SpecOf<'piecewiseInterpolate', typeof piecewiseInterpolateRules> {}

/**
 * Piecewise interpolation (optax `piecewise_interpolate_schedule`): the rate is `baseLr · values[i]` at
 * `boundaries[i]` and moves between consecutive boundaries along a line or a half cosine (the same
 * arithmetic as one-cycle's phases); before the first boundary it holds the first value, after the last
 * the last one.
 *
 * - Endpoints: `baseLr · values[0]` up to `boundaries[0]`, `baseLr · values[n − 1]` from the last boundary on.
 * - Bounds: between `baseLr · min(values)` and `baseLr · max(values)`.
 * @throws {@link InvalidParameterError} when `values` and `boundaries` differ in length.
 */
export function piecewiseInterpolate(options: PiecewiseInterpolateOptions): Schedule {
  const o = resolveOptions(piecewiseInterpolateRules, options, { type: 'piecewiseInterpolate' });
  const { boundaries, values, interpolation } = o;
  if (values.length !== boundaries.length) {
    throw new InvalidParameterError('values', values, `an array of ${boundaries.length} numbers (one per boundary)`);
  }
  const mix = interpolation === 'linear' ? annealLinear : annealCos;
  const last = boundaries.length - 1;
  return createSchedule({
    type: 'piecewiseInterpolate',
    spec: specOf('piecewiseInterpolate', o),
    lr: (t, baseLr) => {
      // The boundary at or before t (the last of equal ones: a repeated boundary jumps).
      const i = bisectRight(boundaries, t) - 1;
      if (i < 0) return baseLr * values[0]!;
      if (i >= last) return baseLr * values[last]!;
      const start = boundaries[i]!;
      const pct = (t - start) / (boundaries[i + 1]! - start);
      return mix(baseLr * values[i]!, baseLr * values[i + 1]!, pct);
    },
  });
}

/** {@link piecewiseInterpolate}'s descriptor. */
export const piecewiseInterpolateDescriptor: ScheduleDescriptor<PiecewiseInterpolateSpec, PiecewiseInterpolateOptions> = {
  type: 'piecewiseInterpolate',
  label: 'Piecewise interpolation',
  formula: '\\text{interp}\\!\\left(\\eta_0 v_i,\\ \\eta_0 v_{i+1},\\ \\tfrac{t - b_i}{b_{i+1} - b_i}\\right) \\text{ for } b_i \\le t < b_{i+1}',
  rules: piecewiseInterpolateRules,
  create: (spec) => piecewiseInterpolate(spec as never),
  options: {
    boundaries: { kind: 'steps', max: 300, sample: [0, 20, 60, 100] },
    values: { kind: 'numbers', min: 0, max: 1, sample: [0.1, 1, 0.3, 0.01], lengthOf: { option: 'boundaries', offset: 0 } },
    interpolation: { kind: 'choice', choices: INTERPOLATIONS, sample: 'cosine' },
  },
  source: 'optax piecewise_interpolate_schedule',
};
