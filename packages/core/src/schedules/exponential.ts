import { createSchedule, type Schedule } from '../schedule.js';
import { knownKeys, nonNegative } from '../internal/validate.js';

/** Options of {@link exponential}. */
export interface ExponentialOptions {
  /** Multiplier per step. Required, >= 0. */
  gamma: number;
}

/** JSON form of {@link exponential}. */
export interface ExponentialSpec extends Required<ExponentialOptions> {
  type: 'exponential';
}

/** `gamma ^ t`: PyTorch `ExponentialLR`'s closed form multiplier (continuous in `t`). */
export function exponentialFactor(t: number, gamma: number): number {
  return gamma ** t;
}

/** The recursive multiplier of PyTorch's `ExponentialLR.get_lr`: `gamma`, except at the initial step. */
export function exponentialChainFactor(lastEpoch: number, gamma: number): number {
  return lastEpoch === 0 ? 1 : gamma;
}

/**
 * Exponential decay `baseLr · gamma^t` (PyTorch `ExponentialLR`).
 *
 * - Endpoints: `lr(0) = baseLr`; tends to 0 for `gamma < 1`.
 * - Bounds: for `gamma <= 1`, within [0, baseLr].
 */
export function exponential(options: ExponentialOptions): Schedule {
  knownKeys('', options, ['type', 'gamma']);
  const gamma = nonNegative('gamma', options.gamma);
  return createSchedule({
    type: 'exponential',
    spec: { type: 'exponential', gamma },
    lr: (t, baseLr) => baseLr * exponentialFactor(t, gamma),
  });
}
