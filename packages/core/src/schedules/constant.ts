import { createSchedule, type Schedule } from '../schedule.js';
import { inRange, knownKeys, nonNegative } from '../internal/validate.js';

/** Options of {@link constant}. */
export interface ConstantOptions {
  /** Multiplier of the base rate before `totalIters`. Default `1`. Must lie in [0, 1] as in PyTorch. */
  factor?: number;
  /** Step from which the full base rate applies. Default: never (the factor applies forever). */
  totalIters?: number;
}

/** JSON form of {@link constant}. */
export interface ConstantSpec extends ConstantOptions {
  type: 'constant';
}

/**
 * The multiplier of the base rate at step `t`: `factor` before `totalIters`, `1` from then on.
 * Same arithmetic as PyTorch's `ConstantLR` closed form.
 */
export function constantFactor(t: number, factor: number, totalIters: number): number {
  return factor + (t >= totalIters ? 1 - factor : 0);
}

/**
 * The chainable (recursive) multiplier PyTorch's `ConstantLR.get_lr` applies to the current rate
 * when stepping from `lastEpoch - 1` to `lastEpoch`.
 */
export function constantChainFactor(lastEpoch: number, factor: number, totalIters: number): number {
  if (lastEpoch === 0) return factor;
  if (lastEpoch !== totalIters) return 1;
  return 1 / factor;
}

/**
 * Constant learning rate: `baseLr · factor` until `totalIters`, then `baseLr`
 * (PyTorch `ConstantLR`). With no options, the base rate itself.
 *
 * - Endpoints: `lr(0) = factor · baseLr`; `lr(t) = baseLr` for `t >= totalIters`.
 * - Bounds: between `factor · baseLr` and `baseLr`.
 */
export function constant(options: ConstantOptions = {}): Schedule {
  knownKeys('', options, ['type', 'factor', 'totalIters']);
  const factor = inRange('factor', options.factor ?? 1, 0, 1);
  const totalIters = options.totalIters === undefined ? Infinity : nonNegative('totalIters', options.totalIters);
  const spec: ConstantSpec = { type: 'constant', factor };
  if (totalIters !== Infinity) spec.totalIters = totalIters;
  return createSchedule({
    type: 'constant',
    spec,
    lr: (t, baseLr) => baseLr * constantFactor(t, factor, totalIters),
  });
}
