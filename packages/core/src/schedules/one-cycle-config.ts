/**
 * Checking one-cycle options, shared by the pure `oneCycle` and `OneCycleLR`.
 *
 * @packageDocumentation
 */
import { bool, finite, inRange, integer, knownKeys, oneOf, positive } from '../internal/validate.js';
import { InvalidParameterError } from '../errors.js';
import type { OneCycleOptions } from './one-cycle.js';

/** Validated one-cycle options with defaults filled. */
export type OneCycleConfig = Required<Omit<OneCycleOptions, 'maxLr'>> & { maxLr: number | undefined };

/**
 * Checks one-cycle options and fills the defaults (PyTorch's). Stricter than PyTorch, which accepts
 * these silently: the peak must be positive and stay the peak (`divFactor >= 1`, so the start rate
 * `maxLr / divFactor` is not above `maxLr`; `divFactor · finalDivFactor >= 1`, so the final rate is not
 * either), and with `threePhase` the mirrored second phase must fit (`pctStart <= 0.5`).
 * @throws {@link InvalidParameterError} naming the option and its value.
 */
export function oneCycleConfig(options: OneCycleOptions): OneCycleConfig {
  knownKeys('', options, ['type', 'maxLr', 'totalSteps', 'pctStart', 'annealStrategy', 'divFactor', 'finalDivFactor', 'threePhase', 'cycleMomentum', 'baseMomentum', 'maxMomentum']);
  const threePhase = bool('threePhase', options.threePhase ?? false);
  const pctStart = inRange('pctStart', options.pctStart ?? 0.3, 0, 1);
  if (threePhase && pctStart > 0.5) {
    throw new InvalidParameterError('pctStart', pctStart, 'a number between 0 and 0.5 with threePhase (the second phase mirrors the first; both must fit in totalSteps)');
  }
  const divFactor = positive('divFactor', options.divFactor ?? 25);
  if (divFactor < 1) {
    throw new InvalidParameterError('divFactor', divFactor, 'a number >= 1 (the start rate maxLr / divFactor would exceed maxLr)');
  }
  const finalDivFactor = positive('finalDivFactor', options.finalDivFactor ?? 1e4);
  if (divFactor * finalDivFactor < 1) {
    throw new InvalidParameterError('finalDivFactor', finalDivFactor, `a number >= 1 / divFactor = ${1 / divFactor} (the final rate would exceed maxLr)`);
  }
  return {
    maxLr: options.maxLr === undefined ? undefined : positive('maxLr', options.maxLr),
    totalSteps: integer('totalSteps', options.totalSteps, 1),
    pctStart,
    annealStrategy: oneOf('annealStrategy', options.annealStrategy ?? 'cos', ['cos', 'linear'] as const),
    divFactor,
    finalDivFactor,
    threePhase,
    cycleMomentum: bool('cycleMomentum', options.cycleMomentum ?? true),
    baseMomentum: finite('baseMomentum', options.baseMomentum ?? 0.85),
    maxMomentum: finite('maxMomentum', options.maxMomentum ?? 0.95),
  };
}
