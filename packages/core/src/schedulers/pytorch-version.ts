/**
 * Which PyTorch a stateful scheduler reproduces, where PyTorch 1.13 and 2 step differently.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../errors.js';

/**
 * The PyTorch whose stepping semantics a stateful scheduler reproduces, where 1.13 and 2 give different
 * values: `'2'` (the default) or `'1.13'`. Only the stepping changes, never a formula:
 *
 * - resuming through the constructor (`lastEpoch >= 0`): under `'2'` the initial step of ExponentialLR,
 *   LinearLR, PolynomialLR, CosineAnnealingLR and MultiplicativeLR keeps each group's rate; under `'1.13'`
 *   it applies the recursive update of step `lastEpoch + 1` (CosineAnnealingLR: its closed form);
 * - a step to `lastEpoch = 0` that is not the initial step (a SequentialLR's later scheduler, built
 *   fresh, stepped without a hand-over): `'2'` applies the update of step 0, `'1.13'` keeps the rate;
 * - SequentialLR: `'2'` gives the initial step to the scheduler active at step 0 (the second one with a
 *   milestone at 0) and hands over with a jump to step 0 that does not count as a step (a
 *   CosineAnnealingWarmRestarts keeps its position in the cycle); `'1.13'` always starts the first one and
 *   hands over with `step(0)`;
 * - CosineAnnealingWarmRestarts `step()` past the end of a cycle: `'2'` wraps with the remainder
 *   (`T_cur mod T_i`), `'1.13'` subtracts one cycle (they differ after a resume with `lastEpoch >= 2·t0 − 1`);
 * - CyclicLR with momentum, built fresh: `'2'` writes `maxMomentum` (and the bounds, which a OneCycleLR on
 *   the same optimizer then reads) into the groups, `'1.13'` writes `baseMomentum`; resumed, `'2'` cycles
 *   between the options' bounds, `'1.13'` from the group's current momentum.
 *
 * Every stateful scheduler takes it, so one setup names one version: SequentialLR and ChainedScheduler
 * default to their first scheduler's and refuse a scheduler with another. Classes that step the same way in
 * both (StepLR, MultiStepLR, ConstantLR, LambdaLR, OneCycleLR, ScheduleLR, ReduceLROnPlateau) record it in
 * their configuration and state, and give the same values under either. The whole list, with what anneal
 * does for each: docs/guides/pytorch-versions.md.
 *
 * Why `'2'` by default: it is what PyTorch users run today, and the recipes and checkpoints they port come
 * from it. Values are proven against PyTorch 2.13.0 (`'2'`) and 1.13.1 (`'1.13'`) by recorded traces; a 2.x
 * release older than 2.13 may step like `'1.13'` on some of these points.
 */
export type PyTorchVersion = '1.13' | '2';

/** The versions {@link PyTorchVersion} names, the default first. */
export const PYTORCH_VERSIONS: readonly PyTorchVersion[] = ['2', '1.13'];

/** The default {@link PyTorchVersion}: `'2'`. */
export const DEFAULT_PYTORCH: PyTorchVersion = '2';

/**
 * Checks a `pytorch` option: `undefined` gives `fallback`.
 * @throws {@link InvalidParameterError} for anything but `'1.13'` or `'2'` (a number such as `2` included).
 */
export function checkPyTorch(name: string, value: unknown, fallback: PyTorchVersion = DEFAULT_PYTORCH): PyTorchVersion {
  if (value === undefined) return fallback;
  if (value === '2' || value === '1.13') return value;
  throw new InvalidParameterError(name, value, `'2' or '1.13'`);
}

/** `options` with `pytorch` added when it is not the default (so the JSON and states of the default stay as they were). */
export function withVersion<T extends Record<string, unknown>>(options: T, pytorch: PyTorchVersion): T {
  return pytorch === DEFAULT_PYTORCH ? options : { ...options, pytorch };
}
