import { createSchedule, type Schedule } from '../schedule.js';
import { finite, knownKeys, nonNegative, oneOf } from '../internal/validate.js';

/** Shape of the decay phase of {@link wsd}. */
export type WsdDecayShape = 'linear' | 'cosine' | 'sqrt';

/** Options of {@link wsd}. */
export interface WsdOptions {
  /** Linear warmup length. Default `0`. */
  warmupSteps?: number;
  /** Length of the flat phase at the base rate. Required, >= 0. */
  stableSteps: number;
  /** Length of the final decay. Required, >= 0. */
  decaySteps: number;
  /** Decay shape: `linear`, `cosine` (half cosine) or `sqrt` (1 − sqrt(progress)). Default `'linear'`. */
  decayShape?: WsdDecayShape;
  /** Multiplier of the base rate at the start of warmup. Default `0`. */
  startFactor?: number;
  /** Multiplier of the base rate at the end of the decay and afterwards. Default `0`. */
  minFactor?: number;
}

/** JSON form of {@link wsd}. */
export interface WsdSpec extends Required<WsdOptions> {
  type: 'wsd';
}

/** The decay multiplier from 1 (progress 0) to 0 (progress 1) for each shape. */
function decayCurve(shape: WsdDecayShape, progress: number): number {
  if (shape === 'linear') return 1 - progress;
  if (shape === 'cosine') return (1 + Math.cos(Math.PI * progress)) / 2;
  return 1 - Math.sqrt(progress);
}

/**
 * Warmup-stable-decay ("trapezoidal", Hu et al. 2024; Hägele et al. 2024): a linear warmup to the base
 * rate, a long flat phase, then a short decay to `minFactor · baseLr`. The stable phase can be extended
 * without knowing the run length in advance.
 *
 * - Endpoints: `startFactor·baseLr` at 0, `baseLr` from `warmupSteps` to `warmupSteps + stableSteps`,
 *   `minFactor·baseLr` from the end of the decay on.
 * - Bounds: within [min(startFactor, minFactor)·baseLr, baseLr] for factors in [0, 1].
 */
export function wsd(options: WsdOptions): Schedule {
  knownKeys('', options, ['type', 'warmupSteps', 'stableSteps', 'decaySteps', 'decayShape', 'startFactor', 'minFactor']);
  const warmupSteps = nonNegative('warmupSteps', options.warmupSteps ?? 0);
  const stableSteps = nonNegative('stableSteps', options.stableSteps);
  const decaySteps = nonNegative('decaySteps', options.decaySteps);
  const decayShape = oneOf('decayShape', options.decayShape ?? 'linear', ['linear', 'cosine', 'sqrt'] as const);
  const startFactor = finite('startFactor', options.startFactor ?? 0);
  const minFactor = finite('minFactor', options.minFactor ?? 0);
  const decayStart = warmupSteps + stableSteps;
  return createSchedule({
    type: 'wsd',
    spec: { type: 'wsd', warmupSteps, stableSteps, decaySteps, decayShape, startFactor, minFactor },
    lr: (t, baseLr) => {
      if (t < warmupSteps) return baseLr * (startFactor + (1 - startFactor) * (t / warmupSteps)); // t / w first: no underflow
      if (t < decayStart) return baseLr;
      if (t >= decayStart + decaySteps) return baseLr * minFactor;
      const progress = (t - decayStart) / decaySteps;
      return baseLr * (minFactor + (1 - minFactor) * decayCurve(decayShape, progress));
    },
  });
}
