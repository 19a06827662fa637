import { checkedFormulaOf, createSchedule, formulaOf, type Formula, type Schedule } from '../schedule.js';
import { bool, finite, nonNegative, oneOf } from '../internal/validate.js';
import { resolveOptions, type Resolved, type Rules } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import type { ScheduleSpec } from '../serialization/spec.js';
import { linearFactor } from '../schedules/linear.js';

/** Options of {@link warmup}. */
export interface WarmupOptions {
  /** Length of the warmup in steps; the wrapped schedule starts (at its own step 0) when it ends. Required, >= 0. */
  steps: number;
  /** Fraction of the wrapped schedule's starting rate at step 0. Default `0`. */
  startFactor?: number;
  /**
   * Whether the warmup comes before the wrapped schedule (`true`: the schedule starts at its own step 0 when
   * the warmup ends) or replaces its first `steps` steps (`false`: `lr(t) = schedule.lr(t)` from `steps` on;
   * timm `warmup_prefix=False`). Default `true`.
   */
  prefix?: boolean;
  /**
   * What the warmup rises to: `'start'` (the default), the wrapped schedule's value at its step 0;
   * `'baseLr'`, the base rate itself; `'end'`, the wrapped schedule's value where the warmup ends
   * (`schedule.lr(steps)` without `prefix`, so the warmup joins the curve; with `prefix` the same as `'start'`).
   * timm's tanh scheduler uses `'baseLr'` with its prefix warmup and `'end'` without. With `'baseLr'` or
   * `'end'` the start is `startFactor · baseLr` (timm's absolute `warmup_lr` over the optimizer's rate) and
   * the rate moves on a straight line from it to the target, `start + t·(target − start)/steps`.
   */
  warmTo?: WarmTarget;
}

/** What a {@link warmup} rises to. */
export type WarmTarget = 'start' | 'baseLr' | 'end';
const TARGETS = ['start', 'baseLr', 'end'] as const;

/** Checks and defaults of {@link WarmupOptions}. */
export const warmupRules = {
  steps: { kind: 'required', check: nonNegative },
  startFactor: { kind: 'default', check: finite, value: 0 },
  prefix: { kind: 'optional', check: bool },
  warmTo: { kind: 'optional', check: (name, value) => oneOf(name, value, TARGETS) },
} satisfies Rules<WarmupOptions>;

/** JSON form of {@link warmup}. */
export interface WarmupSpec extends Resolved<typeof warmupRules> {
  type: 'warmup';
  /** The schedule that follows the warmup. */
  schedule: ScheduleSpec;
}

/**
 * Linear warmup in front of any schedule: from `startFactor · s(0)` up to `s(0)` over `steps` steps,
 * where `s(0)` is the wrapped schedule's own starting rate, then the wrapped schedule shifted by `steps`
 * (`lr(t) = schedule.lr(t − steps)`), so it runs whole after the warmup.
 *
 * - Endpoints: `lr(0) = startFactor · s(0)`, `lr(steps) = s(0)`; continuous at `steps`.
 */
export function warmup(options: WarmupOptions, schedule: Schedule): Schedule {
  const { steps, startFactor, prefix: given, warmTo } = resolveOptions(warmupRules, options, { type: 'warmup', extra: ['schedule'] });
  const prefix = given ?? true;
  const shift = prefix ? steps : 0;
  const toTarget = warmTo === 'baseLr' || warmTo === 'end';
  /**
   * The formula, on the wrapped schedule's formula `inner`, which it calls from one place only (a
   * compiler that inlines it then does so once: docs/benchmarks.md). The shape is chosen here, once.
   */
  const warmed = (inner: Formula): Formula => {
    if (!toTarget) {
      return (t, baseLr) => {
        const warming = t < steps;
        const value = inner(warming ? 0 : t - shift, baseLr);
        return warming ? value * linearFactor(t, startFactor, 1, steps) : value;
      };
    }
    const at = warmTo === 'end' ? steps - shift : 0;
    return (t, baseLr) => {
      const warming = t < steps;
      if (warming && warmTo === 'baseLr') return line(startFactor * baseLr, baseLr, t);
      const value = inner(warming ? at : t - shift, baseLr);
      return warming ? line(startFactor * baseLr, value, t) : value;
    };
  };
  /** From `start` at 0 to `target` at `steps` (timm's arithmetic). */
  const line = (start: number, target: number, t: number) => start + t * ((target - start) / steps);
  const fast = warmed(formulaOf(schedule));
  const checked = warmed(checkedFormulaOf(schedule));
  return createSchedule({
    type: 'warmup',
    spec: () => ({ type: 'warmup', steps, startFactor, ...(given === undefined ? {} : { prefix: given }), ...(warmTo === undefined ? {} : { warmTo }), schedule: schedule.toJSON() }),
    lr: fast,
    checked,
    ...(schedule.momentum === undefined
      ? {}
      : { momentum: (t: number, m: number) => schedule.momentum!(t < steps ? 0 : t - shift, m) }),
  });
}

/** {@link warmup}'s descriptor. */
export const warmupDescriptor: ScheduleDescriptor<WarmupSpec, WarmupOptions> = {
  type: 'warmup',
  label: 'Linear warmup',
  formula: 't < w:\\; s(0)\\,\\left(f + (1 - f)\\,t/w\\right);\\quad t \\ge w:\\; s(t - w)',
  rules: warmupRules,
  children: 'schedule',
  create: ({ schedule: _child, ...options }, [child]) => warmup(options as never, child!),
  options: {
    steps: { kind: 'number', min: 0, max: 100, step: 1, sample: 5 },
    startFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
    prefix: { kind: 'boolean', sample: true },
    warmTo: { kind: 'choice', choices: TARGETS, sample: 'start' },
  },
};
