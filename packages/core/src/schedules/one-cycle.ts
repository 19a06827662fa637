import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, inRange, integer, knownKeys, oneOf, positive } from '../internal/validate.js';
import { InvalidParameterError, SchedulerUsageError } from '../errors.js';

/** How a one-cycle phase moves between its endpoints. */
export type AnnealStrategy = 'cos' | 'linear';

/** Options of {@link oneCycle}. */
export interface OneCycleOptions {
  /** Peak learning rate, > 0. Default: the group's base rate. */
  maxLr?: number;
  /** Length of the cycle in steps (PyTorch `total_steps`). Required, integer >= 1. */
  totalSteps: number;
  /** Fraction of the steps spent rising to `maxLr`, in [0, 1] (in [0, 0.5] with `threePhase`). Default `0.3`. */
  pctStart?: number;
  /** Shape of each phase. Default `'cos'`. */
  annealStrategy?: AnnealStrategy;
  /** Start rate is `maxLr / divFactor`; >= 1, so the start rate does not exceed the peak. Default `25`. */
  divFactor?: number;
  /** Final rate is `maxLr / divFactor / finalDivFactor`; > 0 with `divFactor · finalDivFactor >= 1`. Default `1e4`. */
  finalDivFactor?: number;
  /** Three phases (up, back down to the start rate, then to the final rate) instead of two. Default `false`. */
  threePhase?: boolean;
  /** Cycle the momentum inversely to the rate. Default `true`. */
  cycleMomentum?: boolean;
  /** Momentum at the peak rate. Default `0.85`. */
  baseMomentum?: number;
  /** Momentum at the start and end. Default `0.95`. */
  maxMomentum?: number;
}

/** JSON form of {@link oneCycle}. */
export interface OneCycleSpec extends Omit<Required<OneCycleOptions>, 'maxLr'> {
  type: 'oneCycle';
  maxLr?: number;
}

/** Cosine interpolation from `start` (pct 0) to `end` (pct 1), PyTorch's `_annealing_cos` arithmetic. */
export function annealCos(start: number, end: number, pct: number): number {
  const cosOut = Math.cos(Math.PI * pct) + 1;
  return end + ((start - end) / 2.0) * cosOut;
}

/** Linear interpolation from `start` (pct 0) to `end` (pct 1), PyTorch's `_annealing_linear` arithmetic. */
export function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/** The rate and momentum endpoints of one phase; `0` = start rate, `1` = peak, `2` = final rate. */
interface Phase {
  endStep: number;
  lr: readonly [0 | 1 | 2, 0 | 1 | 2];
  momentum: readonly ['max' | 'base', 'max' | 'base'];
}

/** The precomputed shape of a one-cycle schedule, shared by the pure schedule and `OneCycleLR`. */
export interface OneCyclePlan {
  readonly phases: readonly Phase[];
  readonly anneal: (start: number, end: number, pct: number) => number;
}

/** Builds the phases exactly as PyTorch's `OneCycleLR.__init__` does (same float arithmetic). */
export function oneCyclePlan(totalSteps: number, pctStart: number, threePhase: boolean, strategy: AnnealStrategy): OneCyclePlan {
  const phases: Phase[] = threePhase
    ? [
        { endStep: pctStart * totalSteps - 1, lr: [0, 1], momentum: ['max', 'base'] },
        { endStep: 2 * pctStart * totalSteps - 2, lr: [1, 0], momentum: ['base', 'max'] },
        { endStep: totalSteps - 1, lr: [0, 2], momentum: ['max', 'max'] },
      ]
    : [
        { endStep: pctStart * totalSteps - 1, lr: [0, 1], momentum: ['max', 'base'] },
        { endStep: totalSteps - 1, lr: [1, 2], momentum: ['base', 'max'] },
      ];
  return { phases, anneal: strategy === 'cos' ? annealCos : annealLinear };
}

/**
 * Locates step `t` in the plan: the phase and the fraction `pct` of it done. Follows PyTorch's
 * `get_lr` loop; `clampEnd` caps `pct` at 1 in the last phase (the pure schedule), while PyTorch
 * lets step `totalSteps` extrapolate slightly past the final rate.
 */
export function oneCyclePhase(plan: OneCyclePlan, t: number, clampEnd: boolean): { phase: Phase; pct: number } {
  let start = 0;
  const { phases } = plan;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i]!;
    if (t <= phase.endStep || i === phases.length - 1) {
      if (phase.endStep === start) {
        // A phase of zero length (e.g. pctStart = 1): PyTorch divides by zero here.
        if (clampEnd) return { phase, pct: 1 };
        throw new SchedulerUsageError(`OneCycleLR: step ${t} falls in phase ${i + 1}, which has zero length with these options (PyTorch raises ZeroDivisionError here)`);
      }
      const pct = (t - start) / (phase.endStep - start);
      return { phase, pct: clampEnd && pct > 1 ? 1 : pct };
    }
    start = phase.endStep;
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Validated one-cycle options with defaults filled. */
export type OneCycleConfig = Required<Omit<OneCycleOptions, 'maxLr'>> & { maxLr: number | undefined };

/**
 * Checks one-cycle options and fills the defaults (PyTorch's). Stricter than PyTorch, which accepts
 * these silently: the peak must be positive and stay the peak (`divFactor >= 1`, so the start rate
 * `maxLr / divFactor` is not above `maxLr`; `divFactor · finalDivFactor >= 1`, so the final rate is not
 * either), and with `threePhase` the mirrored second phase must fit (`pctStart <= 0.5`).
 * @throws {@link InvalidParameterError} naming the option and its value.
 */
export function oneCycleConfig(options: OneCycleOptions): OneCycleConfig {
  knownKeys('', options, ['type', 'maxLr', 'totalSteps', 'pctStart', 'annealStrategy', 'divFactor', 'finalDivFactor', 'threePhase', 'cycleMomentum', 'baseMomentum', 'maxMomentum']);
  const threePhase = bool('threePhase', options.threePhase ?? false);
  const pctStart = inRange('pctStart', options.pctStart ?? 0.3, 0, 1);
  if (threePhase && pctStart > 0.5) {
    throw new InvalidParameterError('pctStart', pctStart, 'a number between 0 and 0.5 with threePhase (the second phase mirrors the first; both must fit in totalSteps)');
  }
  const divFactor = positive('divFactor', options.divFactor ?? 25);
  if (divFactor < 1) {
    throw new InvalidParameterError('divFactor', divFactor, 'a number >= 1 (the start rate maxLr / divFactor would exceed maxLr)');
  }
  const finalDivFactor = positive('finalDivFactor', options.finalDivFactor ?? 1e4);
  if (divFactor * finalDivFactor < 1) {
    throw new InvalidParameterError('finalDivFactor', finalDivFactor, `a number >= 1 / divFactor = ${1 / divFactor} (the final rate would exceed maxLr)`);
  }
  return {
    maxLr: options.maxLr === undefined ? undefined : positive('maxLr', options.maxLr),
    totalSteps: integer('totalSteps', options.totalSteps, 1),
    pctStart,
    annealStrategy: oneOf('annealStrategy', options.annealStrategy ?? 'cos', ['cos', 'linear'] as const),
    divFactor,
    finalDivFactor,
    threePhase,
    cycleMomentum: bool('cycleMomentum', options.cycleMomentum ?? true),
    baseMomentum: finite('baseMomentum', options.baseMomentum ?? 0.85),
    maxMomentum: finite('maxMomentum', options.maxMomentum ?? 0.95),
  };
}

/** Rate and momentum at `t` for a group with peak `maxLr`, given a plan. */
export function oneCycleValues(
  plan: OneCyclePlan,
  t: number,
  maxLr: number,
  config: Pick<OneCycleConfig, 'divFactor' | 'finalDivFactor' | 'baseMomentum' | 'maxMomentum'>,
  clampEnd: boolean,
): { lr: number; momentum: number } {
  const initialLr = maxLr / config.divFactor;
  const rates = [initialLr, maxLr, initialLr / config.finalDivFactor] as const;
  const { phase, pct } = oneCyclePhase(plan, t, clampEnd);
  const m = (k: 'max' | 'base') => (k === 'max' ? config.maxMomentum : config.baseMomentum);
  return {
    lr: plan.anneal(rates[phase.lr[0]], rates[phase.lr[1]], pct),
    momentum: plan.anneal(m(phase.momentum[0]), m(phase.momentum[1]), pct),
  };
}

/**
 * The 1cycle policy (Smith & Topin 2018; PyTorch `OneCycleLR`): the rate rises from `maxLr/divFactor`
 * to `maxLr` over `pctStart · totalSteps` steps, then falls to `maxLr/divFactor/finalDivFactor` by step
 * `totalSteps − 1`; the momentum moves the opposite way between `maxMomentum` and `baseMomentum`.
 *
 * - Endpoints: `lr(0) = maxLr/divFactor`, peak `maxLr` at `pctStart·totalSteps − 1`, final rate from
 *   `totalSteps − 1` on (the pure form holds it; PyTorch refuses to step past `totalSteps`).
 * - Bounds: within [min(start rate, final rate), maxLr]; with `finalDivFactor >= 1` (the default), [final rate, maxLr].
 *   The momentum stays between `baseMomentum` and `maxMomentum`.
 * @throws {@link InvalidParameterError} for a non-positive `maxLr`, `divFactor < 1`, `divFactor · finalDivFactor < 1`
 *   or `pctStart > 0.5` with `threePhase` (PyTorch accepts these; see {@link oneCycleConfig}).
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  const config = oneCycleConfig(options);
  const plan = oneCyclePlan(config.totalSteps, config.pctStart, config.threePhase, config.annealStrategy);
  const { maxLr, ...rest } = config;
  const spec: OneCycleSpec = { type: 'oneCycle', ...rest };
  if (maxLr !== undefined) spec.maxLr = maxLr;
  return createSchedule({
    type: 'oneCycle',
    spec,
    lr: (t, baseLr) => oneCycleValues(plan, t, maxLr ?? baseLr, config, true).lr,
    ...(config.cycleMomentum
      ? { momentum: (t: number) => oneCycleValues(plan, t, maxLr ?? 1, config, true).momentum }
      : {}),
  });
}
