import { createSchedule, formulaOf, type Schedule } from '../schedule.js';
import { InvalidParameterError, type NonFiniteRateError } from '../errors.js';
import { atLeastOrInfinity, finite, integer, nonNegative, oneOf, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { cosineAnnealingValue } from './cosine.js';
import { restartCycles, type restartPosition } from './restart-cycle.js';
import { warmup } from '../combinators/warmup.js';

/** Options of {@link sgdr}. */
export interface SgdrOptions {
  /** Length of the first cycle, in steps (epochs in PyTorch). Required, > 0. */
  t0: number;
  /**
   * Growth factor of the cycle length: cycle i lasts `t0 · tMult^i`. A real number >= 1 (timm `cycle_mul`,
   * Keras `t_mul`); PyTorch's `T_mult` must be an integer. Default `1`.
   */
  tMult?: number;
  /** The floor η_min. Default `0`. */
  etaMin?: number;
  /** Multiplier of the peak at each restart (timm `cycle_decay`, Keras `m_mul`): peak of cycle i is `baseLr · cycleDecay^i`. Default `1`. */
  cycleDecay?: number;
  /** Number of cycles to run; afterwards the rate stays at `etaMin` (timm `cycle_limit`). Default: no limit. */
  cycleLimit?: number;
  /** Linear warmup steps before the first cycle (the cycles start after it). Default `0`. */
  warmupSteps?: number;
  /** Fraction of the peak the warmup starts from. Default `0`. */
  warmupStartFactor?: number;
  /**
   * A floor as a fraction of the base rate, Keras's `CosineDecayRestarts` form: given, the floor is
   * `etaMin + minFactor · baseLr` and `cycleDecay` shrinks the distance above it, cycle i running from
   * `floor + (baseLr − floor)·cycleDecay^i` down to the floor (Keras `alpha` and `m_mul`). Absent (the
   * default): PyTorch's and timm's form, the peak is `baseLr · cycleDecay^i` and the floor `etaMin`.
   */
  minFactor?: number;
  /**
   * k-decay (Zhang et al. 2020; timm `k_decay`): the cosine runs on `T_cur^k / T_i^k` instead of `T_cur / T_i`.
   * Default `1`; > 0.
   */
  kDecay?: number;
  /**
   * The curve of each cycle, with `r = T_cur/T_i` (`T_cur^k/T_i^k` with `kDecay`): `'cosine'` (the default);
   * `'tanh'`, timm's `TanhLRScheduler`, `floor + (peak − floor)·(1 − tanh(−7·(1 − r) + 3·r))/2` (timm's bounds
   * −7 and 3); `'poly'`, timm's `PolyLRScheduler`, `floor + (peak − floor)·(1 − r)^power`.
   */
  shape?: SgdrShape;
  /** The exponent of the `'poly'` shape (timm `decay_rate` of `sched='poly'`); only that shape uses it. Default `0.5`; >= 0. */
  power?: number;
}

/** The curve of an SGDR cycle. */
export type SgdrShape = 'cosine' | 'tanh' | 'poly';
const SHAPES = ['cosine', 'tanh', 'poly'] as const;

const atLeastOne = (name: string, value: unknown) => integer(name, value, 1);
/** A finite number >= 1 (real-valued cycle growth). */
const atLeastOneReal = (name: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) throw new InvalidParameterError(name, value, 'a finite number >= 1');
  return value;
};

/** Checks and defaults of {@link SgdrOptions}; PyTorch's `CosineAnnealingWarmRestarts` wants an integer `t0`. */
export const sgdrRules = {
  t0: { kind: 'required', check: positive, torch: { check: atLeastOne } },
  tMult: { kind: 'default', check: atLeastOneReal, value: 1, torch: { check: atLeastOne } },
  etaMin: { kind: 'default', check: finite, value: 0 },
  cycleDecay: { kind: 'default', check: nonNegative, value: 1 },
  cycleLimit: { kind: 'optional', check: (name, value) => atLeastOrInfinity(name, value, 1) },
  warmupSteps: { kind: 'default', check: nonNegative, value: 0 },
  warmupStartFactor: { kind: 'default', check: finite, value: 0 },
  minFactor: { kind: 'optional', check: finite },
  kDecay: { kind: 'optional', check: positive },
  shape: { kind: 'optional', check: (name, value) => oneOf(name, value, SHAPES) },
  power: { kind: 'optional', check: nonNegative },
} satisfies Rules<SgdrOptions>;

/** JSON form of {@link sgdr} (`cycleLimit` absent: no limit). */
export interface SgdrSpec extends SpecOf<'sgdr', typeof sgdrRules> {}

/**
 * SGDR, cosine annealing with warm restarts (Loshchilov & Hutter 2017; PyTorch
 * `CosineAnnealingWarmRestarts`), closed form for any, also fractional, step:
 * within cycle i of length `T_i = t0·tMult^i`, `lr = etaMin + (peak_i − etaMin)·(1 + cos(π·T_cur/T_i))/2`.
 *
 * The cycle is found in O(1) from a logarithm and corrected exactly (see {@link restartPosition}), so
 * `lr(2 ** 40)` costs what `lr(3)` costs, and every exact restart step gives the peak. PyTorch 1.13's
 * `step(epoch)` misses some restarts by float rounding (e.g. epoch 1210 with `T_0 = 10, T_mult = 3`
 * gives η_min there); anneal deliberately gives the restart value.
 *
 * - Endpoints: `lr(0) = baseLr` (after any warmup), the peak `baseLr · cycleDecay^i` at each restart, tends to
 *   `etaMin` at cycle ends; `etaMin` from the end of cycle `cycleLimit − 1` on.
 * - Bounds (`cycleDecay <= 1`): in cycle i between `etaMin` and its peak, so overall between
 *   `min(etaMin, smallest peak)` and `max(etaMin, baseLr)`; during the warmup between
 *   `warmupStartFactor · baseLr` and `baseLr`. A `cycleDecay` above 1 grows the peaks until they overflow
 *   (then `lr` throws {@link NonFiniteRateError}).
 */
export function sgdr(options: SgdrOptions): Schedule {
  const o = resolveOptions(sgdrRules, options, { type: 'sgdr' });
  if (o.cycleLimit === Infinity) delete o.cycleLimit; // no limit: absent, as JSON has no Infinity
  const { t0, tMult, etaMin, cycleDecay, warmupSteps, warmupStartFactor } = o;
  const minFactor = o.minFactor ?? 0;
  const keras = o.minFactor !== undefined;
  const { shape = 'cosine', power = 0.5 } = o;
  const kDecay = o.kDecay ?? 1;
  const cycleLimit = o.cycleLimit ?? Infinity;
  const spec = specOf('sgdr', o);
  const { cycleOf, since, length } = restartCycles(t0, tMult);
  // The shape within a cycle, chosen once: `position` steps into a cycle of `span` steps, from `peak` to `floor`.
  const within = cycleShape(shape, kDecay, power);
  /** PyTorch's schedule: every cycle from `baseLr` to `etaMin`. */
  const plain = (t: number, baseLr: number) => {
    const cycle = cycleOf(t);
    return within(since(t, cycle), length(cycle), baseLr, etaMin);
  };
  /** With a cycle limit, decaying peaks or Keras' floor. */
  const general = (t: number, baseLr: number) => {
    const cycle = cycleOf(t);
    if (cycle >= cycleLimit) return etaMin;
    if (!keras) return within(since(t, cycle), length(cycle), cycleDecay === 1 ? baseLr : baseLr * cycleDecay ** cycle, etaMin);
    // Keras' CosineDecayRestarts: the floor is a fraction of the base rate, and the peaks decay towards it.
    const floor = etaMin + minFactor * baseLr;
    return within(since(t, cycle), length(cycle), cycleDecay === 1 ? baseLr : floor + (baseLr - floor) * cycleDecay ** cycle, floor);
  };
  // The formula is chosen here, once (docs/benchmarks.md).
  const cycles = createSchedule({ type: 'sgdr', spec, lr: !keras && cycleDecay === 1 && cycleLimit === Infinity ? plain : general });
  if (warmupSteps === 0) return cycles;
  const warmed = warmup({ steps: warmupSteps, startFactor: warmupStartFactor }, cycles);
  return createSchedule({ type: 'sgdr', spec, lr: formulaOf(warmed), checked: (t, b) => warmed.lr(t, b) });
}

/**
 * The value `position` steps into a cycle of `span` steps, from `peak` down to `floor`, for a cycle
 * `shape` (PyTorch's cosine; timm's tanh and poly with `power`) with timm's `kDecay` (1: none).
 */
function cycleShape(shape: SgdrShape, kDecay: number, power: number): (position: number, span: number, peak: number, floor: number) => number {
  if (shape === 'cosine') {
    return kDecay === 1 ? cosineAnnealingValue : (position, span, peak, floor) => cosineAnnealingValue(position ** kDecay, span ** kDecay, peak, floor);
  }
  return (position, span, peak, floor) => {
    const r = position ** kDecay / span ** kDecay;
    if (shape === 'poly') return floor + (peak - floor) * (1 - r) ** power;
    return floor + 0.5 * (peak - floor) * (1 - Math.tanh(-7 * (1 - r) + 3 * r));
  };
}

/** {@link sgdr}'s descriptor. */
export const sgdrDescriptor: ScheduleDescriptor<SgdrSpec, SgdrOptions> = {
  type: 'sgdr',
  label: 'SGDR (warm restarts)',
  formula: '\\eta_{\\min} + (\\eta_{\\max} d^{\\,i} - \\eta_{\\min})\\,\\frac{1 + \\cos(\\pi T_{cur} / T_i)}{2},\\; T_i = T_0 T_{mult}^{\\,i}',
  rules: sgdrRules,
  create: (spec) => sgdr(spec as never),
  torch: {
    class: 'CosineAnnealingWarmRestarts',
    kwargs: { t0: 'T_0', tMult: 'T_mult', etaMin: 'eta_min' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingWarmRestarts.html',
  },
  options: {
    t0: { kind: 'number', min: 1, max: 200, step: 1, sample: 10 },
    tMult: { kind: 'integer', min: 1, max: 5, sample: 2 },
    etaMin: { kind: 'number', min: 0, max: 0.1, step: 0.001, sample: 0.001 },
    cycleDecay: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.8 },
    cycleLimit: { kind: 'integer', min: 1, max: 20, sample: 2, absentInSample: true },
    warmupSteps: { kind: 'number', min: 0, max: 100, step: 1, sample: 5 },
    warmupStartFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
    minFactor: { kind: 'number', min: 0.05, max: 0.5, step: 0.01, sample: 0.1, absentInSample: true },
    kDecay: { kind: 'number', min: 0.25, max: 4, step: 0.25, sample: 2, absentInSample: true },
    shape: { kind: 'choice', choices: SHAPES, sample: 'cosine' },
    power: { kind: 'number', min: 0.25, max: 3, step: 0.25, sample: 1, absentInSample: true, when: { shape: 'poly' } },
  },
  source: 'Loshchilov & Hutter 2017, arXiv:1608.03983',
};
