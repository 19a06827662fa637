import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, fn, knownKeys, nonNegative, oneOf, positive } from '../internal/validate.js';

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
  /** Steps falling back. Default: `stepSizeUp`. */
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

/** JSON form of {@link cyclic}. */
export interface CyclicSpec extends Omit<Required<CyclicOptions>, 'baseLr' | 'scaleFn' | 'stepSizeDown' | 'scaleMode'> {
  type: 'cyclic';
  baseLr?: number;
  stepSizeDown?: number;
}

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
export function cyclicConfig(options: CyclicOptions) {
  knownKeys('', options, ['type', 'baseLr', 'maxLr', 'stepSizeUp', 'stepSizeDown', 'mode', 'gamma', 'scaleFn', 'scaleMode', 'cycleMomentum', 'baseMomentum', 'maxMomentum']);
  const stepSizeUp = positive('stepSizeUp', options.stepSizeUp ?? 2000);
  const stepSizeDown = options.stepSizeDown === undefined ? undefined : positive('stepSizeDown', options.stepSizeDown);
  const mode = oneOf('mode', options.mode ?? 'triangular', ['triangular', 'triangular2', 'exp_range'] as const);
  // Negative: gamma^t is NaN at fractional steps (and flips sign at integer ones), so refused; PyTorch accepts it.
  const gamma = nonNegative('gamma', options.gamma ?? 1);
  const scaleFn = options.scaleFn === undefined ? undefined : fn<(x: number) => number>('scaleFn', options.scaleFn);
  const scaleMode = oneOf('scaleMode', options.scaleMode ?? 'cycle', ['cycle', 'iterations'] as const);
  const config = {
    baseLr: options.baseLr === undefined ? undefined : finite('baseLr', options.baseLr),
    maxLr: finite('maxLr', options.maxLr),
    stepSizeUp,
    stepSizeDown,
    mode,
    gamma,
    scaleFn,
    scaleMode,
    cycleMomentum: bool('cycleMomentum', options.cycleMomentum ?? true),
    baseMomentum: finite('baseMomentum', options.baseMomentum ?? 0.8),
    maxMomentum: finite('maxMomentum', options.maxMomentum ?? 0.9),
  };
  const plan = cyclicPlan(stepSizeUp, stepSizeDown ?? stepSizeUp, mode, gamma, scaleFn, scaleMode);
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
  const { config, plan } = cyclicConfig(options);
  let spec: CyclicSpec | null = null;
  if (config.scaleFn === undefined) {
    const { scaleFn: _fn, scaleMode: _mode, baseLr, stepSizeDown, ...rest } = config;
    spec = { type: 'cyclic', ...rest };
    if (baseLr !== undefined) spec.baseLr = baseLr;
    if (stepSizeDown !== undefined) spec.stepSizeDown = stepSizeDown;
  }
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
