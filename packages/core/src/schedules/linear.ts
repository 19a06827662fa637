import { createSchedule, type Schedule } from '../schedule.js';
import { finite, knownKeys, positive } from '../internal/validate.js';

/** Options of {@link linear}. */
export interface LinearOptions {
  /** Multiplier of the base rate at step 0. Default `1/3` (PyTorch's default). */
  startFactor?: number;
  /** Multiplier reached at `totalIters` and kept afterwards. Default `1`. */
  endFactor?: number;
  /** Length of the ramp in steps. Default `5`. */
  totalIters?: number;
}

/** JSON form of {@link linear}. */
export interface LinearSpec extends Required<LinearOptions> {
  type: 'linear';
}

/** The multiplier at step `t`; the arithmetic of PyTorch's `LinearLR` closed form. */
export function linearFactor(t: number, startFactor: number, endFactor: number, totalIters: number): number {
  return startFactor + ((endFactor - startFactor) * Math.min(totalIters, t)) / totalIters;
}

/** The recursive multiplier PyTorch's `LinearLR.get_lr` applies at step `lastEpoch`. */
export function linearChainFactor(lastEpoch: number, startFactor: number, endFactor: number, totalIters: number): number {
  if (lastEpoch === 0) return startFactor;
  if (lastEpoch > totalIters) return 1;
  return 1 + (endFactor - startFactor) / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor));
}

/**
 * Linear ramp of the multiplier from `startFactor` to `endFactor` over `totalIters` steps, then flat
 * (PyTorch `LinearLR`). The classic linear warmup is `linear({ startFactor: 0.01, totalIters: w })`.
 *
 * - Endpoints: `lr(0) = startFactor · baseLr`, `lr(t) = endFactor · baseLr` for `t >= totalIters`.
 * - Bounds: between the two factors times `baseLr`.
 */
export function linear(options: LinearOptions = {}): Schedule {
  knownKeys('', options, ['type', 'startFactor', 'endFactor', 'totalIters']);
  const startFactor = finite('startFactor', options.startFactor ?? 1 / 3);
  const endFactor = finite('endFactor', options.endFactor ?? 1);
  const totalIters = positive('totalIters', options.totalIters ?? 5);
  return createSchedule({
    type: 'linear',
    spec: { type: 'linear', startFactor, endFactor, totalIters },
    lr: (t, baseLr) => baseLr * linearFactor(t, startFactor, endFactor, totalIters),
  });
}
