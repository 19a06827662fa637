import { checkedFormulaOf, createSchedule, formulaOf, type Formula, type Schedule } from '../schedule.js';
import { finite, nonNegative, oneOf } from '../internal/validate.js';
import { resolveOptions, type Resolved, type Rules } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import type { ScheduleSpec } from '../serialization/spec.js';
import { decayCurve, type WsdDecayShape } from '../schedules/wsd.js';

/** Options of {@link cooldown}. */
export interface CooldownOptions {
  /** The step at which the cooldown branches off the wrapped schedule. Required, >= 0. */
  start: number;
  /** Length of the cooldown in steps. Required, >= 0 (`0`: drop to `minFactor` at `start`). */
  steps: number;
  /** Decay shape, as in `wsd`: `linear`, `cosine` (half cosine) or `sqrt` (1 − sqrt(progress)). Default `'linear'`. */
  shape?: WsdDecayShape;
  /** Multiplier of the rate at `start` that the cooldown ends at and keeps. Default `0`. */
  minFactor?: number;
}

const SHAPES = ['linear', 'cosine', 'sqrt'] as const;

/** Checks and defaults of {@link CooldownOptions}. */
export const cooldownRules = {
  start: { kind: 'required', check: nonNegative },
  steps: { kind: 'required', check: nonNegative },
  shape: { kind: 'default', check: (name, value) => oneOf(name, value, SHAPES), value: 'linear' },
  minFactor: { kind: 'default', check: finite, value: 0 },
} satisfies Rules<CooldownOptions>;

/** JSON form of {@link cooldown}. */
export interface CooldownSpec extends Resolved<typeof cooldownRules> {
  type: 'cooldown';
  /** The schedule the cooldown branches off. */
  schedule: ScheduleSpec;
}

/**
 * A cooldown branched off any schedule at step `start` (the decay of a warmup-stable-decay run, started
 * from any checkpoint): the wrapped schedule until `start`, then its rate at `start` decayed with the
 * shape `D` of `wsd` to `minFactor` times that rate over `steps` steps, and held there:
 *
 * ```text
 * t < start:                 s(t)
 * start <= t < start + steps: s(start) · (f + (1 − f) · D((t − start) / steps))
 * t >= start + steps:         s(start) · f
 * ```
 *
 * The start is an option, so one base schedule gives a family of branches (one per candidate budget), and
 * a run whose budget is decided late uses the stateful `CooldownLR`, which fixes `start` when asked.
 *
 * - Endpoints: `lr(start) = s(start)`, `lr(t) = minFactor · s(start)` from `start + steps` on.
 * - Bounds: between `minFactor · s(start)` and `s(start)` after `start`, for `minFactor` in [0, 1].
 */
export function cooldown(options: CooldownOptions, schedule: Schedule): Schedule {
  const { start, steps, shape, minFactor } = resolveOptions(cooldownRules, options, { type: 'cooldown', extra: ['schedule'] });
  const end = start + steps;
  /** The formula, on the wrapped schedule's formula `inner`. */
  const cooled = (inner: Formula): Formula => (t, baseLr) => {
    if (t < start) return inner(t, baseLr);
    const from = inner(start, baseLr);
    if (t >= end) return from * minFactor;
    return from * (minFactor + (1 - minFactor) * decayCurve(shape, (t - start) / steps));
  };
  const fast = cooled(formulaOf(schedule));
  const checked = cooled(checkedFormulaOf(schedule));
  return createSchedule({
    type: 'cooldown',
    spec: () => ({ type: 'cooldown', start, steps, shape, minFactor, schedule: schedule.toJSON() }),
    lr: fast,
    checked,
    ...(schedule.momentum === undefined
      ? {}
      : { momentum: (t: number, m: number) => schedule.momentum!(Math.min(t, start), m) }),
  });
}

/** {@link cooldown}'s descriptor. */
export const cooldownDescriptor: ScheduleDescriptor<CooldownSpec, CooldownOptions> = {
  type: 'cooldown',
  label: 'Cooldown from a checkpoint',
  formula: 't < c:\\; s(t);\\quad t \\ge c:\\; s(c)\\,\\left(f + (1 - f)\\,D\\!\\left(\\min(1, (t - c)/T)\\right)\\right)',
  rules: cooldownRules,
  children: 'schedule',
  create: ({ schedule: _child, ...options }, [child]) => cooldown(options as never, child!),
  options: {
    start: { kind: 'number', min: 0, max: 500, step: 1, sample: 60 },
    steps: { kind: 'number', min: 0, max: 200, step: 1, sample: 20 },
    shape: { kind: 'choice', choices: SHAPES, sample: 'cosine' },
    minFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
  },
  source: 'Hägele et al. 2024, arXiv:2405.18392 (cooldowns branched off a constant-rate run)',
};
