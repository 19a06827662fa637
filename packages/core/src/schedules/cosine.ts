import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import { pyMod } from '../internal/python.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Options of {@link cosine}. */
export interface CosineOptions {
  /** Half period of the cosine, in steps: the rate reaches `etaMin` at `tMax`. Required, > 0. */
  tMax: number;
  /** The floor η_min. Default `0`. */
  etaMin?: number;
  /**
   * Stay at `etaMin` once `t >= tMax` instead of following the cosine back up.
   * Default `false`, which is PyTorch's `CosineAnnealingLR` (periodic with period `2·tMax`).
   * Set it when `tMax` is the length of the whole run and you want a single decay.
   */
  clamp?: boolean;
  /**
   * A second part of the floor, as a fraction of the base rate: the floor is `etaMin + minFactor·baseLr`
   * (Keras and optax `alpha`, HF `min_lr_rate`). Default `0`.
   */
  minFactor?: number;
  /**
   * Exponent on the cosine weight: `floor + (baseLr − floor)·((1 + cos(π·t/tMax))/2)^exponent` (optax
   * `exponent`). Default `1`, the plain cosine; > 0.
   */
  exponent?: number;
}

/** Checks and defaults of {@link CosineOptions}. */
export const cosineRules = {
  tMax: { kind: 'required', check: positive },
  etaMin: { kind: 'default', check: finite, value: 0 },
  clamp: { kind: 'default', check: bool, value: false },
  minFactor: { kind: 'optional', check: finite },
  exponent: { kind: 'optional', check: positive },
} satisfies Rules<CosineOptions>;

/** JSON form of {@link cosine}. */
export interface CosineSpec extends SpecOf<'cosine', typeof cosineRules> {}

/**
 * The part of the closed form that does not depend on the rates: `1 + cos(π·tCur/tMax)`, in [0, 2].
 * A stateful scheduler computes it once per step and hands it to {@link cosineBetween} for each group.
 */
export function cosineWeight(tCur: number, tMax: number): number {
  return 1 + Math.cos((Math.PI * tCur) / tMax);
}

/** The rest of the closed form: `η_min + (η_max − η_min)·weight/2`, `weight` from {@link cosineWeight}. */
export function cosineBetween(weight: number, etaMax: number, etaMin: number): number {
  return etaMin + ((etaMax - etaMin) * weight) / 2;
}

/**
 * The closed form η_min + (η_max − η_min)·(1 + cos(π·tCur/tMax))/2, with PyTorch's operation order.
 * The single place this formula lives ({@link cosineWeight}, then {@link cosineBetween}): cosine, SGDR,
 * and their stateful schedulers use it.
 */
export function cosineAnnealingValue(tCur: number, tMax: number, etaMax: number, etaMin: number): number {
  return cosineBetween(cosineWeight(tCur, tMax), etaMax, etaMin);
}

/**
 * What one step of the recursive form does, whatever the group: computed once per step by
 * {@link cosineRecursiveStep}, applied to each group's rate by {@link cosineRecursiveApply}.
 */
export interface CosineRecursiveStep {
  /**
   * `'hold'`: a step that keeps the rate (the initial one). `'restart'`: PyTorch's branch for
   * `(lastEpoch − 1 − tMax) mod 2·tMax = 0`, the rate rises by `(baseLr − etaMin)·factor/2`.
   * `'scale'`: the distance to `etaMin` is multiplied by `factor`.
   */
  readonly kind: 'hold' | 'restart' | 'scale';
  /** `'restart'`: `1 − cos(π/tMax)`; `'scale'`: `(1 + cos(π·e/tMax)) / (1 + cos(π·(e − 1)/tMax))`; `'hold'`: 1. */
  readonly factor: number;
}

/**
 * The group-independent part of the recursive step to `lastEpoch` (its cosines), PyTorch's arithmetic;
 * `hold`: a step that keeps the rate (which steps do is the stepping semantics, see the scheduler's `holdsRate`).
 */
export function cosineRecursiveStep(lastEpoch: number, tMax: number, hold: boolean): CosineRecursiveStep {
  let kind: CosineRecursiveStep['kind'] = 'hold';
  let factor = 1;
  if (hold) {
    // the rate is kept
  } else if (pyMod(lastEpoch - 1 - tMax, 2 * tMax) === 0) {
    kind = 'restart';
    factor = 1 - Math.cos(Math.PI / tMax);
  } else {
    kind = 'scale';
    factor = (1 + Math.cos((Math.PI * lastEpoch) / tMax)) / (1 + Math.cos((Math.PI * (lastEpoch - 1)) / tMax));
  }
  return { kind, factor }; // one allocation site, which V8 can keep off the heap
}

/** Applies a step from {@link cosineRecursiveStep} to one group's current rate `lr` (base rate `baseLr`). */
export function cosineRecursiveApply(step: CosineRecursiveStep, lr: number, baseLr: number, etaMin: number): number {
  if (step.kind === 'scale') return step.factor * (lr - etaMin) + etaMin;
  if (step.kind === 'restart') return lr + ((baseLr - etaMin) * step.factor) / 2;
  return lr;
}

/**
 * One step of the recursive ("chainable") form PyTorch's `CosineAnnealingLR.get_lr` uses, from the
 * current rate `lr` at step `lastEpoch - 1` to step `lastEpoch`. It equals the closed form only while
 * nothing else changes the rate between steps; PyTorch's own arithmetic, so values agree to the last bit.
 * The single place this update lives: {@link cosineRecursiveStep}, then {@link cosineRecursiveApply}.
 */
export function cosineAnnealingRecursiveValue(lastEpoch: number, lr: number, baseLr: number, tMax: number, etaMin: number, hold = lastEpoch === 0): number {
  return cosineRecursiveApply(cosineRecursiveStep(lastEpoch, tMax, hold), lr, baseLr, etaMin);
}

/**
 * Cosine annealing (PyTorch `CosineAnnealingLR`, closed form):
 * `lr(t) = etaMin + (baseLr − etaMin)·(1 + cos(π·t/tMax))/2`.
 *
 * - Endpoints: `lr(0) = baseLr`, `lr(tMax) = etaMin`; without `clamp` it climbs back to `baseLr` at `2·tMax`
 *   (PyTorch's behaviour past `tMax`); with `clamp` it stays at `etaMin`.
 * - Bounds: between the floor `etaMin + minFactor·baseLr` and `baseLr`.
 * - `exponent` raises the cosine weight to a power (optax's `cosine_decay_schedule`).
 */
export function cosine(options: CosineOptions): Schedule {
  const o = resolveOptions(cosineRules, options, { type: 'cosine' });
  const { tMax, etaMin, clamp, minFactor = 0, exponent = 1 } = o;
  // The shape is chosen here, once (docs/benchmarks.md).
  const shaped =
    exponent === 1 ? cosineAnnealingValue : (t: number, tMax: number, baseLr: number, floor: number) => floor + (baseLr - floor) * (cosineWeight(t, tMax) / 2) ** exponent;
  return createSchedule({
    type: 'cosine',
    spec: specOf('cosine', o),
    lr: (t, baseLr) => {
      const floor = etaMin + minFactor * baseLr; // etaMin exactly when minFactor is 0
      return clamp && t >= tMax ? floor : shaped(t, tMax, baseLr, floor);
    },
  });
}

/** {@link cosine}'s descriptor. */
export const cosineDescriptor: ScheduleDescriptor<CosineSpec, CosineOptions> = {
  type: 'cosine',
  label: 'Cosine annealing',
  formula: '\\eta_{\\min} + (\\eta_{\\max} - \\eta_{\\min})\\,\\frac{1 + \\cos(\\pi t / T_{\\max})}{2}',
  rules: cosineRules,
  create: (spec) => cosine(spec as never),
  torch: {
    class: 'CosineAnnealingLR',
    kwargs: { tMax: 'T_max', etaMin: 'eta_min' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html',
  },
  options: {
    tMax: { kind: 'number', min: 1, max: 500, step: 1, sample: 50 },
    etaMin: { kind: 'number', min: 0, max: 0.1, step: 0.001, sample: 0.001 },
    clamp: { kind: 'boolean', sample: true },
    minFactor: { kind: 'number', min: 0.05, max: 0.5, step: 0.01, sample: 0.1, absentInSample: true },
    exponent: { kind: 'number', min: 0.25, max: 4, step: 0.25, sample: 2, absentInSample: true },
  },
  source: 'Loshchilov & Hutter 2017, arXiv:1608.03983',
};
