import { createSchedule, type Schedule } from '../schedule.js';
import { knownKeys, nonNegative, positive } from '../internal/validate.js';

/** Options of {@link inverseSqrt}. */
export interface InverseSqrtOptions {
  /** Linear warmup from 0 to the base rate over this many steps. Default `0`. */
  warmupSteps?: number;
  /** Time scale of the decay: after warmup, `lr = baseLr / sqrt((t − warmupSteps + timescale) / timescale)`. Default: `warmupSteps`, or `10000` without warmup. */
  timescale?: number;
}

/** JSON form of {@link inverseSqrt}. */
export interface InverseSqrtSpec extends Required<InverseSqrtOptions> {
  type: 'inverseSqrt';
}

/**
 * Inverse square-root decay, the Transformer schedule (Vaswani et al. 2017, as in Hugging Face's
 * `get_inverse_sqrt_schedule`): linear warmup, then `baseLr · sqrt(timescale / (t − warmupSteps + timescale))`.
 *
 * - Endpoints: `lr(0) = 0` with warmup (`baseLr` without), `lr(warmupSteps) = baseLr`, tends to 0.
 * - Bounds: within [0, baseLr].
 */
export function inverseSqrt(options: InverseSqrtOptions = {}): Schedule {
  knownKeys('', options, ['type', 'warmupSteps', 'timescale']);
  const warmupSteps = nonNegative('warmupSteps', options.warmupSteps ?? 0);
  const timescale = positive('timescale', options.timescale ?? (warmupSteps > 0 ? warmupSteps : 10_000));
  return createSchedule({
    type: 'inverseSqrt',
    spec: { type: 'inverseSqrt', warmupSteps, timescale },
    lr: (t, baseLr) =>
      // baseLr · (t / warmupSteps), not (baseLr · t) / warmupSteps: the product underflows for a tiny t
      t < warmupSteps ? baseLr * (t / warmupSteps) : baseLr / Math.sqrt((t - warmupSteps + timescale) / timescale),
  });
}
