import { createSchedule, type Schedule } from '../schedule.js';
import { finite, knownKeys, positive } from '../internal/validate.js';
import { pyMod } from '../internal/python.js';

/** Options of {@link step}. */
export interface StepOptions {
  /** Period of the decay, in steps. Required, > 0. */
  stepSize: number;
  /** Multiplier applied once per period. Default `0.1`. */
  gamma?: number;
}

/** JSON form of {@link step}. */
export interface StepSpec extends Required<StepOptions> {
  type: 'step';
}

/** `gamma ^ floor(t / stepSize)`: PyTorch `StepLR`'s closed form multiplier. */
export function stepFactor(t: number, stepSize: number, gamma: number): number {
  return gamma ** Math.floor(t / stepSize);
}

/** The recursive multiplier of PyTorch's `StepLR.get_lr` at `lastEpoch`: `gamma` on each multiple of `stepSize`. */
export function stepChainFactor(lastEpoch: number, stepSize: number, gamma: number): number {
  return lastEpoch === 0 || pyMod(lastEpoch, stepSize) !== 0 ? 1 : gamma;
}

/**
 * Step decay: the rate is multiplied by `gamma` every `stepSize` steps (PyTorch `StepLR`).
 *
 * - Endpoints: `lr(0) = baseLr`; `lr(k · stepSize) = baseLr · gamma^k`.
 * - Bounds: for `0 <= gamma <= 1`, within [0, baseLr] and non-increasing.
 */
export function step(options: StepOptions): Schedule {
  knownKeys('', options, ['type', 'stepSize', 'gamma']);
  const stepSize = positive('stepSize', options.stepSize);
  const gamma = finite('gamma', options.gamma ?? 0.1);
  return createSchedule({
    type: 'step',
    spec: { type: 'step', stepSize, gamma },
    lr: (t, baseLr) => baseLr * stepFactor(t, stepSize, gamma),
  });
}
