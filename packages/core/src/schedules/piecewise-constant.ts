import { createSchedule, type Schedule } from '../schedule.js';
import { milestones as checkMilestones, numbers, oneOf } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import { bisectLeft, bisectRight } from '../internal/python.js';
import { InvalidParameterError } from '../errors.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Which value holds at a boundary step itself. */
export type BoundarySide = 'next' | 'previous';

/** Options of {@link piecewiseConstant}. */
export interface PiecewiseConstantOptions {
  /** Steps where the value changes, non-decreasing. May be empty (one value throughout). */
  boundaries: number[];
  /** Multipliers of the base rate, one more than `boundaries`: `values[i]` holds between boundary `i − 1` and `i`. */
  values: number[];
  /**
   * The value at a boundary step itself: `'next'` (optax's `piecewise_constant_schedule`, and PyTorch's
   * `MultiStepLR`: the change happens at the boundary) or `'previous'` (Keras's `PiecewiseConstantDecay`:
   * the change happens after it). Default `'next'`.
   */
  atBoundary?: BoundarySide;
}

const SIDES = ['next', 'previous'] as const;

/** Checks and defaults of {@link PiecewiseConstantOptions}. */
export const piecewiseConstantRules = {
  boundaries: { kind: 'required', check: (name, value) => checkMilestones(name, value, { allowEmpty: true }) },
  values: { kind: 'required', check: (name, value) => numbers(name, value) },
  atBoundary: { kind: 'default', check: (name, value) => oneOf(name, value, SIDES), value: 'next' },
} satisfies Rules<PiecewiseConstantOptions>;

/** JSON form of {@link piecewiseConstant}. */
export interface PiecewiseConstantSpec extends SpecOf<'piecewiseConstant', typeof piecewiseConstantRules> {}

/**
 * Piecewise constant (Keras `PiecewiseConstantDecay`, optax `piecewise_constant_schedule`):
 * `lr(t) = baseLr · values[i]`, `i` the number of boundaries before `t` (at a boundary: `atBoundary`).
 *
 * - Endpoints: `baseLr · values[0]` at 0 (unless a boundary is 0 with `'next'`), `baseLr · values[n]` after the last boundary.
 * - Bounds: between `baseLr · min(values)` and `baseLr · max(values)`.
 * @throws {@link InvalidParameterError} when `values` does not have one more entry than `boundaries`.
 */
export function piecewiseConstant(options: PiecewiseConstantOptions): Schedule {
  const o = resolveOptions(piecewiseConstantRules, options, { type: 'piecewiseConstant' });
  const { boundaries, values, atBoundary } = o;
  if (values.length !== boundaries.length + 1) {
    throw new InvalidParameterError('values', values, `an array of ${boundaries.length + 1} numbers (one more than the ${boundaries.length} boundaries)`);
  }
  const count = atBoundary === 'next' ? bisectRight : bisectLeft;
  return createSchedule({
    type: 'piecewiseConstant',
    spec: specOf('piecewiseConstant', o),
    lr: (t, baseLr) => baseLr * values[count(boundaries, t)]!,
  });
}

/** {@link piecewiseConstant}'s descriptor. */
export const piecewiseConstantDescriptor: ScheduleDescriptor<PiecewiseConstantSpec, PiecewiseConstantOptions> = {
  type: 'piecewiseConstant',
  label: 'Piecewise constant',
  formula: '\\eta_0 \\cdot v_i \\text{ for } b_{i-1} \\le t < b_i',
  rules: piecewiseConstantRules,
  create: (spec) => piecewiseConstant(spec as never),
  options: {
    boundaries: { kind: 'steps', max: 300, sample: [30, 80] },
    values: { kind: 'numbers', min: 0, max: 1, sample: [1, 0.5, 0.1], lengthOf: { option: 'boundaries', offset: 1 } },
    atBoundary: { kind: 'choice', choices: SIDES, sample: 'previous' },
  },
  source: 'Keras PiecewiseConstantDecay; optax piecewise_constant_schedule',
};
