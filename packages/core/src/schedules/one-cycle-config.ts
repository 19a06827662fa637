/**
 * Checking one-cycle options, shared by the pure `oneCycle` and `OneCycleLR`.
 *
 * @packageDocumentation
 */
import { bool, finite, inRange, integer, nonNegative, oneOf, positive } from '../internal/validate.js';
import { resolveOptions, type Resolved, type ResolveFlavour, type Rules } from '../internal/options.js';
import { InvalidParameterError } from '../errors.js';
import type { AnnealStrategy, OneCycleOptions } from './one-cycle.js';

const STRATEGIES = ['cos', 'linear'] as const;

/** Checks and defaults of {@link OneCycleOptions} (PyTorch's defaults); the checks between options are in {@link oneCycleConfig}. */
export const oneCycleRules = {
  // 0 is accepted, as in PyTorch: the group is frozen (its rate stays 0) while the momentum still cycles.
  maxLr: { kind: 'optional', check: nonNegative },
  totalSteps: { kind: 'required', check: (name, value) => integer(name, value, 1) },
  pctStart: { kind: 'default', check: (name, value) => inRange(name, value, 0, 1), value: 0.3 },
  annealStrategy: { kind: 'default', check: (name, value) => oneOf(name, value, STRATEGIES), value: 'cos' },
  divFactor: { kind: 'default', check: positive, value: 25 },
  finalDivFactor: { kind: 'default', check: positive, value: 1e4 },
  threePhase: { kind: 'default', check: bool, value: false },
  cycleMomentum: { kind: 'default', check: bool, value: true },
  baseMomentum: { kind: 'default', check: finite, value: 0.85 },
  maxMomentum: { kind: 'default', check: finite, value: 0.95 },
} satisfies Rules<OneCycleOptions>;

/** The anneal strategies, for the descriptor. */
export const ONE_CYCLE_STRATEGIES: readonly AnnealStrategy[] = STRATEGIES;

/** Validated one-cycle options with defaults filled. */
export type OneCycleConfig = Resolved<typeof oneCycleRules>;

/**
 * Checks one-cycle options and fills the defaults (PyTorch's). Stricter than PyTorch, which accepts
 * these silently: the peak must not be negative and must stay the peak (`divFactor >= 1`, so the start rate
 * `maxLr / divFactor` is not above `maxLr`; `divFactor · finalDivFactor >= 1`, so the final rate is not
 * either), and with `threePhase` the mirrored second phase must fit (`pctStart <= 0.5`).
 * @throws {@link InvalidParameterError} naming the option and its value.
 */
export function oneCycleConfig(options: OneCycleOptions, flavour?: ResolveFlavour): OneCycleConfig {
  const config = resolveOptions(oneCycleRules, options, flavour);
  const { threePhase, pctStart, divFactor, finalDivFactor } = config;
  if (threePhase && pctStart > 0.5) {
    throw new InvalidParameterError('pctStart', pctStart, 'a number between 0 and 0.5 with threePhase (the second phase mirrors the first; both must fit in totalSteps)');
  }
  if (divFactor < 1) {
    throw new InvalidParameterError('divFactor', divFactor, 'a number >= 1 (the start rate maxLr / divFactor would exceed maxLr)');
  }
  if (divFactor * finalDivFactor < 1) {
    throw new InvalidParameterError('finalDivFactor', finalDivFactor, `a number >= 1 / divFactor = ${1 / divFactor} (the final rate would exceed maxLr)`);
  }
  return config;
}

/**
 * PyTorch's two ways to give the length, `totalSteps` or `epochs` with `stepsPerEpoch`, as `totalSteps`.
 * As in PyTorch, `epochs` and `stepsPerEpoch` are inert when `totalSteps` is given (documented in the
 * descriptor; recipes recorded from PyTorch rely on it).
 * @throws {@link InvalidParameterError} when neither form is complete.
 */
export function withTotalSteps<O extends { totalSteps?: unknown; epochs?: unknown; stepsPerEpoch?: unknown }>(
  options: O,
): Omit<O, 'epochs' | 'stepsPerEpoch'> & { totalSteps?: unknown } {
  const { epochs, stepsPerEpoch, ...rest } = options;
  if (rest.totalSteps !== undefined || (epochs === undefined && stepsPerEpoch === undefined)) return rest;
  if (epochs === undefined || stepsPerEpoch === undefined) {
    throw new InvalidParameterError('totalSteps', undefined, 'a positive integer (or give both epochs and stepsPerEpoch)');
  }
  return { ...rest, totalSteps: integer('epochs', epochs, 1) * integer('stepsPerEpoch', stepsPerEpoch, 1) };
}
