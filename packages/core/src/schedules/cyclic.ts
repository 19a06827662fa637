import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, fn, nonNegative, oneOf, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf, type ResolveFlavour } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Built-in amplitude policies of {@link cyclic}. */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';

/** Options of {@link cyclic}. */
export interface CyclicOptions {
  /** Lower bound of the cycle. Default: the group's base rate. */
  baseLr?: number;
  /** Upper bound of the first cycle. Required. */
  maxLr: number;
  /** Steps rising from `baseLr` to `maxLr`. Default `2000`. */
  stepSizeUp?: number;
  /** Steps falling back, >= 0 (0: a sawtooth that drops back at once). Default: `stepSizeUp`. */
  stepSizeDown?: number;
  /** Amplitude policy: constant, halved each cycle, or `gamma^step`. Default `'triangular'`. */
  mode?: CyclicMode;
  /** Base of the `exp_range` policy, >= 0 (values above 1 grow the amplitude until it overflows). Default `1`. */
  gamma?: number;
  /** Custom amplitude scale (replaces `mode`; makes the schedule non-serializable). */
  scaleFn?: (x: number) => number;
  /** What `scaleFn` receives: the cycle number (from 1) or the step. Default `'cycle'`. */
  scaleMode?: 'cycle' | 'iterations';
  /** Cycle the momentum inversely to the rate. Default `true`. */
  cycleMomentum?: boolean;
  /** Momentum at the top of the rate cycle. Default `0.8`. */
  baseMomentum?: number;
  /** Momentum at the bottom of the rate cycle. Default `0.9`. */
  maxMomentum?: number;
}

const MODES = ['triangular', 'triangular2', 'exp_range'] as const;
const SCALE_MODES = ['cycle', 'iterations'] as const;

/** Checks and defaults of {@link CyclicOptions} (PyTorch's defaults). */
export const cyclicRules = {
  baseLr: { kind: 'optional', check: finite },
  maxLr: { kind: 'required', check: finite },
  stepSizeUp: { kind: 'default', check: positive, value: 2000 },
  // 0 is a sawtooth (rise, then drop back at once), as in PyTorch.
  stepSizeDown: { kind: 'optional', check: nonNegative },
  mode: { kind: 'default', check: (name, value) => oneOf(name, value, MODES), value: 'triangular' },
  // Negative: gamma^t is NaN at fractional steps (and flips sign at integer ones), so refused; PyTorch accepts it.
  gamma: { kind: 'default', check: nonNegative, value: 1 },
  scaleFn: { kind: 'optional', check: (name, value) => fn<(x: number) => number>(name, value) },
  scaleMode: { kind: 'optional', check: (name, value) => oneOf(name, value, SCALE_MODES) },
  cycleMomentum: { kind: 'default', check: bool, value: true },
  baseMomentum: { kind: 'default', check: finite, value: 0.8 },
  maxMomentum: { kind: 'default', check: finite, value: 0.9 },
} satisfies Rules<CyclicOptions>;

type CyclicJson = Omit<typeof cyclicRules, 'scaleFn' | 'scaleMode'>;

/** JSON form of {@link cyclic} (a `scaleFn` cannot be JSON). */
export interface CyclicSpec extends SpecOf<'cyclic', CyclicJson> {}

/** Validated cyclic policy, shared by the pure schedule and `CyclicLR`. */
export interface CyclicPlan {
  readonly totalSize: number;
  readonly stepRatio: number;
  readonly scaleByCycle: boolean;
  readonly scale: (x: number) => number;
}

/** Builds the policy with PyTorch's `CyclicLR.__init__` arithmetic. */
export function cyclicPlan(
  stepSizeUp: number,
  stepSizeDown: number,
  mode: CyclicMode,
  gamma: number,
  scaleFn: ((x: number) => number) | undefined,
  scaleMode: 'cycle' | 'iterations',
): CyclicPlan {
  const totalSize = stepSizeUp + stepSizeDown;
  const stepRatio = stepSizeUp / totalSize;
  if (scaleFn !== undefined) return { totalSize, stepRatio, scale: scaleFn, scaleByCycle: scaleMode === 'cycle' };
  if (mode === 'triangular') return { totalSize, stepRatio, scale: () => 1, scaleByCycle: true };
  if (mode === 'triangular2') return { totalSize, stepRatio, scale: (x) => 1 / 2 ** (x - 1), scaleByCycle: true };
  return { totalSize, stepRatio, scale: (x) => gamma ** x, scaleByCycle: false };
}

/**
 * The position of step `t` in the cycle: the scale factor in [0, 1] (0 at the bottom, 1 at the top)
 * and the amplitude multiplier, PyTorch's `CyclicLR.get_lr` arithmetic.
 */
export function cyclicPosition(plan: CyclicPlan, t: number): { height: number; amplitude: number } {
  const cycle = Math.floor(1 + t / plan.totalSize);
  const x = 1 + t / plan.totalSize - cycle;
  const height = x <= plan.stepRatio ? x / plan.stepRatio : (x - 1) / (plan.stepRatio - 1);
  return { height, amplitude: plan.scale(plan.scaleByCycle ? cycle : t) };
}

/** The rate at a cycle position: `base + (max − base)·height·amplitude`. */
export function cyclicLrAt(baseLr: number, maxLr: number, pos: { height: number; amplitude: number }): number {
  return baseLr + (maxLr - baseLr) * pos.height * pos.amplitude;
}

/** The momentum at a cycle position: `max − (max − base)·height·amplitude`. */
export function cyclicMomentumAt(baseMomentum: number, maxMomentum: number, pos: { height: number; amplitude: number }): number {
  return maxMomentum - (maxMomentum - baseMomentum) * pos.height * pos.amplitude;
}

/** Checks the cyclic options and builds the plan. */
export function cyclicConfig(options: CyclicOptions, flavour?: ResolveFlavour) {
  const config = resolveOptions(cyclicRules, options, flavour);
  const { stepSizeUp, stepSizeDown, mode, gamma, scaleFn } = config;
  const plan = cyclicPlan(stepSizeUp, stepSizeDown ?? stepSizeUp, mode, gamma, scaleFn, config.scaleMode ?? 'cycle');
  return { config, plan };
}

/**
 * Cyclical learning rates (Smith 2017; PyTorch `CyclicLR`): the rate moves linearly between
 * `baseLr` and `maxLr` and back, `stepSizeUp + stepSizeDown` steps per cycle, with the amplitude
 * constant (`triangular`), halved each cycle (`triangular2`) or scaled by `gamma^t` (`exp_range`).
 *
 * - Endpoints: `lr(0) = baseLr`; `maxLr` (times the amplitude) at `stepSizeUp`; `baseLr` at each cycle end.
 * - Bounds: within [baseLr, maxLr] for the built-in modes with `gamma <= 1`.
 */
export function cyclic(options: CyclicOptions): Schedule {
  const { config, plan } = cyclicConfig(options, { type: 'cyclic' });
  const { scaleFn, scaleMode: _mode, ...json } = config;
  const spec = scaleFn === undefined ? specOf<'cyclic', CyclicJson>('cyclic', json) : null;
  const { baseLr, maxLr, baseMomentum, maxMomentum } = config;
  return createSchedule({
    type: 'cyclic',
    spec,
    lr: (t, groupLr) => cyclicLrAt(baseLr ?? groupLr, maxLr, cyclicPosition(plan, t)),
    ...(config.cycleMomentum
      ? { momentum: (t: number) => cyclicMomentumAt(baseMomentum, maxMomentum, cyclicPosition(plan, t)) }
      : {}),
  });
}

/** {@link cyclic}'s descriptor. */
export const cyclicDescriptor: ScheduleDescriptor<CyclicSpec, CyclicOptions> = {
  type: 'cyclic',
  label: 'Cyclic (triangular)',
  formula: '\\eta_b + (\\eta_{\\max} - \\eta_b)\\,h(t)\\,a(t)',
  rules: cyclicRules,
  create: (spec) => cyclic(spec as never),
  torch: {
    class: 'CyclicLR',
    kwargs: {
      baseLr: 'base_lr',
      maxLr: 'max_lr',
      stepSizeUp: 'step_size_up',
      stepSizeDown: 'step_size_down',
      mode: 'mode',
      gamma: 'gamma',
      scaleMode: 'scale_mode',
      cycleMomentum: 'cycle_momentum',
      baseMomentum: 'base_momentum',
      maxMomentum: 'max_momentum',
    },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CyclicLR.html',
  },
  options: {
    baseLr: { kind: 'number', min: 0, max: 0.05, step: 0.001, sample: 0.01 },
    maxLr: { kind: 'number', min: 0.05, max: 1, step: 0.001, sample: 0.1 },
    stepSizeUp: { kind: 'number', min: 1, max: 200, step: 1, sample: 10 },
    stepSizeDown: { kind: 'number', min: 1, max: 200, step: 1, sample: 15 },
    mode: { kind: 'choice', choices: MODES, sample: 'triangular' },
    gamma: { kind: 'number', min: 0.9, max: 1, step: 0.001, sample: 0.99, when: { mode: 'exp_range' } },
    scaleFn: { kind: 'function' },
    scaleMode: { kind: 'inert', why: 'read only with a scaleFn, which JSON cannot carry; without one the mode decides, as in PyTorch' },
    cycleMomentum: { kind: 'boolean', sample: true },
    baseMomentum: { kind: 'number', min: 0.5, max: 0.85, step: 0.01, sample: 0.8 },
    maxMomentum: { kind: 'number', min: 0.85, max: 0.99, step: 0.01, sample: 0.9 },
  },
  source: 'Smith 2017, arXiv:1506.01186',
};
