import { createSchedule, type Schedule } from '../schedule.js';
import { SchedulerUsageError } from '../errors.js';
import type { InvalidParameterError } from '../errors.js';
import { ONE_CYCLE_STRATEGIES, oneCycleConfig, oneCycleRules, withTotalSteps } from './one-cycle-config.js';
import { specOf, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

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

/** JSON form of {@link oneCycle} (`maxLr` absent: the group's base rate). */
export interface OneCycleSpec extends SpecOf<'oneCycle', typeof oneCycleRules> {}

/**
 * The part of {@link annealCos} that depends only on `pct`: `cos(π·pct) + 1`. Shared by every group's
 * rate and momentum, so `OneCycleLR` computes it once per step.
 */
export function annealCosWeight(pct: number): number {
  return Math.cos(Math.PI * pct) + 1;
}

/** The rest of {@link annealCos}: from `start` to `end` given `weight = annealCosWeight(pct)`. */
export function annealCosMix(start: number, end: number, weight: number): number {
  return end + ((start - end) / 2.0) * weight;
}

/** Cosine interpolation from `start` (pct 0) to `end` (pct 1), PyTorch's `_annealing_cos` arithmetic. */
export function annealCos(start: number, end: number, pct: number): number {
  return annealCosMix(start, end, annealCosWeight(pct));
}

/** Linear interpolation from `start` (pct 0) to `end` (pct 1), PyTorch's `_annealing_linear` arithmetic; its weight is `pct` itself. */
export function annealLinear(start: number, end: number, pct: number): number {
  return (end - start) * pct + start;
}

/** The annealing weight of the linear strategy: `pct` itself. */
const identity = (pct: number): number => pct;

/** {@link annealCosMix} as a line in the weight: `end + ((start − end) / 2) · weight`. */
const cosLine = (start: number, end: number): [number, number] => [end, (start - end) / 2.0];

/** {@link annealLinear} as a line in the weight: `start + (end − start) · pct`. */
const linearLine = (start: number, end: number): [number, number] => [start, end - start];

/**
 * The endpoints of one phase. Rates index `[start rate, peak, final rate]` (see {@link oneCycleRates});
 * momentums index `[maxMomentum, baseMomentum]`.
 */
interface Phase {
  /** The step the phase ends at (PyTorch's `end_step`); it starts at the previous one's, or 0. */
  readonly endStep: number;
  /** The rates it moves from and to. */
  readonly lr: readonly [0 | 1 | 2, 0 | 1 | 2];
  /** The momentums it moves from and to. */
  readonly momentum: readonly [0 | 1, 0 | 1];
}

/** The precomputed shape of a one-cycle schedule, shared by the pure schedule and `OneCycleLR`. */
export interface OneCyclePlan {
  readonly phases: readonly Phase[];
  /**
   * The index of the phase step `t` falls in: the first whose `endStep` is >= `t`, else the last
   * (PyTorch's `get_lr` loop).
   */
  readonly phaseOf: (t: number) => number;
  /**
   * The group-independent part of the annealing in phase `i` at step `t`: {@link annealCosWeight} of the
   * fraction of the phase done, or that fraction itself for linear; PyTorch's arithmetic, which lets step
   * `totalSteps` extrapolate slightly past the final rate.
   * @throws {@link SchedulerUsageError} in a phase of zero length, where PyTorch divides by zero.
   */
  readonly weightAt: (i: number, t: number) => number;
  /**
   * The per-value part, as a line in the weight: with `[offset, slope] = line(start, end)`,
   * `offset + slope · weight(pct)` is `annealCos`/`annealLinear(start, end, pct)`, bit for bit
   * (cos: `[end, (start − end) / 2]`, linear: `[start, end − start]`).
   */
  readonly line: (start: number, end: number) => [number, number];
  /**
   * The value between `start` and `end` for a `weight` of {@link OneCyclePlan.weightAt}: PyTorch's
   * `_annealing_cos` / `_annealing_linear` arithmetic, bit for bit, from endpoints read at each step.
   */
  readonly mix: (start: number, end: number, weight: number) => number;
  /** The rate endpoints of each phase, flat: phase `i` goes from rate `lrEnds[2i]` to `lrEnds[2i + 1]` (see {@link oneCycleRates}). */
  readonly lrEnds: readonly number[];
  /** The momentum endpoints, flat like `lrEnds`: `0` is `maxMomentum`, `1` is `baseMomentum`. */
  readonly momentumEnds: readonly number[];
  /**
   * The value at step `t` on the lines `lines` ({@link phaseLines}), for the pure schedule: the fraction
   * of the phase capped at 1, so the final value holds from the last step on.
   */
  readonly valueAt: (t: number, lines: readonly number[]) => number;
}

/** Builds the phases exactly as PyTorch's `OneCycleLR.__init__` does (same float arithmetic). */
export function oneCyclePlan(totalSteps: number, pctStart: number, threePhase: boolean, strategy: AnnealStrategy): OneCyclePlan {
  const phases: Phase[] = threePhase
    ? [
        { endStep: pctStart * totalSteps - 1, lr: [0, 1], momentum: [0, 1] },
        { endStep: 2 * pctStart * totalSteps - 2, lr: [1, 0], momentum: [1, 0] },
        { endStep: totalSteps - 1, lr: [0, 2], momentum: [0, 0] },
      ]
    : [
        { endStep: pctStart * totalSteps - 1, lr: [0, 1], momentum: [0, 1] },
        { endStep: totalSteps - 1, lr: [1, 2], momentum: [1, 0] },
      ];
  // The pure schedule's valueAt has the bounds as constants of its closure; OneCycleLR's weightAt reads
  // them from two arrays, which keeps it small enough for V8 to inline the whole step (docs/benchmarks.md).
  const ends = phases.map((phase) => phase.endStep);
  const starts = [0, ...ends];
  const [e0, e1, e2] = ends as [number, number, number?];
  // Two phases: every step after the first phase is in the second (step totalSteps too).
  const split = phases.length === 2 ? Number.POSITIVE_INFINITY : e1;
  const phaseOf = (t: number): number => (t <= e0 ? 0 : t <= split ? 1 : 2);
  const [weight, line, mix] = strategy === 'cos' ? [annealCosWeight, cosLine, annealCosMix] : [identity, linearLine, annealLinear];
  const weightAt = (i: number, t: number): number => {
    const start = starts[i]!;
    const end = ends[i]!;
    return end === start ? zeroLengthPhase(t, i) : weight((t - start) / (end - start));
  };
  const lrEnds = phases.flatMap((phase) => phase.lr);
  const momentumEnds = phases.flatMap((phase) => phase.momentum);
  const valueAt = (t: number, lines: readonly number[]): number => {
    if (t <= e0) return lines[0]! + lines[1]! * weight(clampedPct(t, 0, e0));
    if (t <= split) return lines[2]! + lines[3]! * weight(clampedPct(t, e0, e1));
    return lines[4]! + lines[5]! * weight(clampedPct(t, e1, e2!));
  };
  return { phases, phaseOf, weightAt, line, mix, lrEnds, momentumEnds, valueAt };
}

/**
 * The line ({@link OneCyclePlan.line}) of each phase between the endpoint `values` that `ends` (`lrEnds`
 * or `momentumEnds`) names, flat: phase `i` is `lines[2i] + lines[2i + 1] · weight`.
 */
export function phaseLines(plan: OneCyclePlan, ends: readonly number[], values: readonly number[]): number[] {
  return plan.phases.flatMap((_, i) => plan.line(values[ends[2 * i]!]!, values[ends[2 * i + 1]!]!));
}

/**
 * The fraction of the phase from `start` to `end` done at step `t`, capped at 1 (1 in a phase of zero
 * length too), for the pure schedule: its final value holds from the last step on.
 */
function clampedPct(t: number, start: number, end: number): number {
  if (end === start) return 1;
  const pct = (t - start) / (end - start);
  return pct > 1 ? 1 : pct;
}

/** The error of a step in a phase of zero length, for `OneCycleLR`. */
function zeroLengthPhase(t: number, i: number): never {
  throw new SchedulerUsageError(`OneCycleLR: step ${t} falls in phase ${i + 1}, which has zero length with these options (PyTorch raises ZeroDivisionError here)`);
}

/** The three rates a phase moves between, for the peak `maxLr`: `[maxLr / divFactor, maxLr, maxLr / divFactor / finalDivFactor]`. */
export function oneCycleRates(maxLr: number, divFactor: number, finalDivFactor: number): [number, number, number] {
  const initialLr = maxLr / divFactor;
  return [initialLr, maxLr, initialLr / finalDivFactor];
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
 * @throws {@link InvalidParameterError} for a negative `maxLr`, `divFactor < 1`, `divFactor · finalDivFactor < 1`
 *   or `pctStart > 0.5` with `threePhase` (PyTorch accepts these; see {@link oneCycleConfig}: each
 *   refused option is an {@link InvalidParameterError} naming it).
 */
export function oneCycle(options: OneCycleOptions): Schedule {
  const config = oneCycleConfig(options, { type: 'oneCycle' });
  const plan = oneCyclePlan(config.totalSteps, config.pctStart, config.threePhase, config.annealStrategy);
  const { maxLr, divFactor, finalDivFactor } = config;
  const spec = specOf<'oneCycle', typeof oneCycleRules>('oneCycle', config);
  const rateLines = (p: number) => phaseLines(plan, plan.lrEnds, oneCycleRates(p, divFactor, finalDivFactor));
  const { valueAt } = plan;
  const momentums = phaseLines(plan, plan.momentumEnds, [config.maxMomentum, config.baseMomentum]);
  // With maxLr, the lines are fixed. Without, the peak is the group's base rate: the lines of the last one
  // seen, recomputed when it changes; a zero peak is never kept (its sign matters), so one comparison decides.
  let peak = Number.NaN;
  let rates = maxLr === undefined ? [] : rateLines(maxLr);
  return createSchedule({
    type: 'oneCycle',
    spec,
    lr:
      maxLr !== undefined
        ? (t) => valueAt(t, rates)
        : (t, baseLr) => {
            if (baseLr !== peak) {
              rates = rateLines(baseLr);
              peak = baseLr === 0 ? Number.NaN : baseLr;
            }
            return valueAt(t, rates);
          },
    ...(config.cycleMomentum ? { momentum: (t: number) => valueAt(t, momentums) } : {}),
  });
}

/** {@link oneCycle}'s descriptor. */
export const oneCycleDescriptor: ScheduleDescriptor<OneCycleSpec, OneCycleOptions> = {
  type: 'oneCycle',
  label: 'One-cycle',
  formula: '\\text{cos or linear from } \\tfrac{\\eta_{\\max}}{d} \\text{ up to } \\eta_{\\max} \\text{ then down to } \\tfrac{\\eta_{\\max}}{d\\,d_f}',
  rules: oneCycleRules,
  create: (spec) => oneCycle(spec as never),
  torch: {
    class: 'OneCycleLR',
    kwargs: {
      maxLr: 'max_lr',
      totalSteps: 'total_steps',
      pctStart: 'pct_start',
      annealStrategy: 'anneal_strategy',
      cycleMomentum: 'cycle_momentum',
      baseMomentum: 'base_momentum',
      maxMomentum: 'max_momentum',
      divFactor: 'div_factor',
      finalDivFactor: 'final_div_factor',
      threePhase: 'three_phase',
    },
    classKwargs: { epochs: 'epochs', steps_per_epoch: 'stepsPerEpoch' },
    inert: {
      epochs: 'ignored when total_steps is given, as in PyTorch',
      steps_per_epoch: 'ignored when total_steps is given, as in PyTorch',
    },
    toPure: withTotalSteps,
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html',
  },
  options: {
    maxLr: { kind: 'number', min: 0.001, max: 1, step: 0.001, sample: 0.1 },
    totalSteps: { kind: 'integer', min: 2, max: 2000, sample: 100 },
    pctStart: { kind: 'number', min: 0.05, max: 0.5, step: 0.05, sample: 0.3 },
    annealStrategy: { kind: 'choice', choices: ONE_CYCLE_STRATEGIES, sample: 'cos' },
    divFactor: { kind: 'number', min: 1, max: 100, step: 1, sample: 25 },
    finalDivFactor: { kind: 'number', min: 1, max: 100000, step: 1, sample: 10000 },
    threePhase: { kind: 'boolean', sample: false },
    cycleMomentum: { kind: 'boolean', sample: true },
    baseMomentum: { kind: 'number', min: 0.5, max: 0.9, step: 0.01, sample: 0.85 },
    maxMomentum: { kind: 'number', min: 0.9, max: 0.99, step: 0.01, sample: 0.95 },
  },
  source: 'Smith & Topin 2018, arXiv:1708.07120',
};
