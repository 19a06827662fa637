import { createSchedule, formulaOf, type Schedule } from '../schedule.js';
import type { NonFiniteRateError } from '../errors.js';
import { atLeastOrInfinity, finite, integer, knownKeys, nonNegative, positive } from '../internal/validate.js';
import { cosineAnnealingValue } from './cosine.js';
import { restartCycles, type restartPosition } from './restart-cycle.js';
import { warmup } from '../combinators/warmup.js';

/** Options of {@link sgdr}. */
export interface SgdrOptions {
  /** Length of the first cycle, in steps (epochs in PyTorch). Required, > 0. */
  t0: number;
  /** Growth factor of the cycle length: cycle i lasts `t0 · tMult^i`. Integer >= 1, default `1`. */
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
}

/** JSON form of {@link sgdr}. */
export interface SgdrSpec extends Omit<Required<SgdrOptions>, 'cycleLimit'> {
  type: 'sgdr';
  /** Absent: no limit. */
  cycleLimit?: number;
}

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
  knownKeys('', options, ['type', 't0', 'tMult', 'etaMin', 'cycleDecay', 'cycleLimit', 'warmupSteps', 'warmupStartFactor']);
  const t0 = positive('t0', options.t0);
  const tMult = integer('tMult', options.tMult ?? 1, 1);
  const etaMin = finite('etaMin', options.etaMin ?? 0);
  const cycleDecay = nonNegative('cycleDecay', options.cycleDecay ?? 1);
  const cycleLimit = atLeastOrInfinity('cycleLimit', options.cycleLimit ?? Infinity, 1);
  const warmupSteps = nonNegative('warmupSteps', options.warmupSteps ?? 0);
  const warmupStartFactor = finite('warmupStartFactor', options.warmupStartFactor ?? 0);
  const spec: SgdrSpec = { type: 'sgdr', t0, tMult, etaMin, cycleDecay, warmupSteps, warmupStartFactor };
  if (cycleLimit !== Infinity) spec.cycleLimit = cycleLimit;
  const { cycleOf, since, length } = restartCycles(t0, tMult);
  const cycles = createSchedule({
    type: 'sgdr',
    spec,
    lr: (t, baseLr) => {
      const cycle = cycleOf(t);
      if (cycle >= cycleLimit) return etaMin;
      const peak = cycleDecay === 1 ? baseLr : baseLr * cycleDecay ** cycle;
      return cosineAnnealingValue(since(t, cycle), length(cycle), peak, etaMin);
    },
  });
  if (warmupSteps === 0) return cycles;
  const warmed = warmup({ steps: warmupSteps, startFactor: warmupStartFactor }, cycles);
  const formula = formulaOf(warmed);
  return createSchedule({
    type: 'sgdr',
    spec,
    lr: (t, b) => {
      const value = formula(t, b);
      return value - value === 0 ? value : warmed.lr(t, b); // throws warmed's own error (see formulaOf)
    },
  });
}
