import { createSchedule, type Schedule } from '../schedule.js';
import { knownKeys, nonNegative, positive } from '../internal/validate.js';

/** Options of {@link polynomial}. */
export interface PolynomialOptions {
  /** Steps until the rate reaches 0. Default `5` (PyTorch's default). */
  totalIters?: number;
  /** Exponent of the decay. Default `1` (linear decay). */
  power?: number;
}

/** JSON form of {@link polynomial}. */
export interface PolynomialSpec extends Required<PolynomialOptions> {
  type: 'polynomial';
}

/** `(1 - min(t, totalIters) / totalIters) ^ power`: PyTorch `PolynomialLR`'s closed form multiplier. */
export function polynomialFactor(t: number, totalIters: number, power: number): number {
  return (1 - Math.min(totalIters, t) / totalIters) ** power;
}

/** The recursive multiplier of PyTorch's `PolynomialLR.get_lr` at `lastEpoch`. */
export function polynomialChainFactor(lastEpoch: number, totalIters: number, power: number): number {
  if (lastEpoch === 0 || lastEpoch > totalIters) return 1;
  return ((1 - lastEpoch / totalIters) / (1 - (lastEpoch - 1) / totalIters)) ** power;
}

/**
 * Polynomial decay to zero over `totalIters` steps (PyTorch `PolynomialLR`).
 *
 * - Endpoints: `lr(0) = baseLr`, `lr(t) = 0` for `t >= totalIters`.
 * - Bounds: within [0, baseLr], non-increasing.
 */
export function polynomial(options: PolynomialOptions = {}): Schedule {
  knownKeys('', options, ['type', 'totalIters', 'power']);
  const totalIters = positive('totalIters', options.totalIters ?? 5);
  const power = nonNegative('power', options.power ?? 1);
  return createSchedule({
    type: 'polynomial',
    spec: { type: 'polynomial', totalIters, power },
    lr: (t, baseLr) => baseLr * polynomialFactor(t, totalIters, power),
  });
}
