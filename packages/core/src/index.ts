/**
 * `@anneal/core`: learning-rate schedules as pure closed-form functions of the step, combinators and
 * PyTorch-exact stateful schedulers. The JSON readers are in `@anneal/core/json`, trace replay in
 * `@anneal/core/replay`.
 *
 * @packageDocumentation
 */

// Errors
export {
  AnnealError,
  InvalidParameterError,
  UnknownScheduleError,
  NotSerializableError,
  StateDictError,
  SchedulerUsageError,
  TraceFormatError,
  NonFiniteRateError,
} from './errors.js';

// The abstraction
export { createSchedule, type Schedule, type ScheduleParts } from './schedule.js';
export { sampleSchedule, type SampleOptions } from './sample.js';

// Pure schedules: one formula per file
export { constant, type ConstantOptions, type ConstantSpec } from './schedules/constant.js';
export { linear, type LinearOptions, type LinearSpec } from './schedules/linear.js';
export { step, type StepOptions, type StepSpec } from './schedules/step.js';
export { multiStep, type MultiStepOptions, type MultiStepSpec } from './schedules/multi-step.js';
export { exponential, type ExponentialOptions, type ExponentialSpec } from './schedules/exponential.js';
export { polynomial, type PolynomialOptions, type PolynomialSpec } from './schedules/polynomial.js';
export { cosine, type CosineOptions, type CosineSpec } from './schedules/cosine.js';
export { restartPosition, type RestartPosition } from './schedules/restart-cycle.js';
export { sgdr, type SgdrOptions, type SgdrSpec } from './schedules/sgdr.js';
export { sgdrRestarts, restartOptionsOf, type SgdrRestartOptions } from './schedules/sgdr-restarts.js';
export { oneCycle, type OneCycleOptions, type OneCycleSpec, type AnnealStrategy } from './schedules/one-cycle.js';
export { cyclic, type CyclicOptions, type CyclicSpec, type CyclicMode } from './schedules/cyclic.js';
export { inverseSqrt, type InverseSqrtOptions, type InverseSqrtSpec } from './schedules/inverse-sqrt.js';
export { wsd, type WsdOptions, type WsdSpec, type WsdDecayShape } from './schedules/wsd.js';
export {
  piecewiseConstant,
  type PiecewiseConstantOptions,
  type PiecewiseConstantSpec,
  type BoundarySide,
} from './schedules/piecewise-constant.js';
export {
  piecewiseInterpolate,
  type PiecewiseInterpolateOptions,
  type PiecewiseInterpolateSpec,
  type Interpolation,
} from './schedules/piecewise-interpolate.js';
export { lambda, multiplicative, type LrLambda } from './schedules/lambda.js';

// Combinators
export { warmup, type WarmupOptions, type WarmupSpec, type WarmTarget } from './combinators/warmup.js';
export { noise, timmNoise, type NoiseOptions, type NoiseSpec } from './combinators/noise.js';
export { sequence, type SequenceOptions, type SequenceSpec } from './combinators/sequence.js';
export { chain, type ChainSpec } from './combinators/chain.js';
export { cooldown, type CooldownOptions, type CooldownSpec } from './combinators/cooldown.js';

// Stateful schedulers: PyTorch semantics
export type { OptimizerLike, ParamGroup } from './schedulers/optimizer.js';
export { LRScheduler } from './schedulers/lr-scheduler.js';
export { PYTORCH_VERSIONS, type PyTorchVersion } from './schedulers/pytorch-version.js';
export type { SchedulerConfig, SchedulerState, SteppableScheduler } from './schedulers/state.js';
export type { FactorSchedulerOptions } from './schedulers/factor-scheduler.js';
export { StepLR, type StepLROptions } from './schedulers/step-lr.js';
export { MultiStepLR, type MultiStepLROptions } from './schedulers/multi-step-lr.js';
export { ConstantLR, type ConstantLROptions } from './schedulers/constant-lr.js';
export { LinearLR, type LinearLROptions } from './schedulers/linear-lr.js';
export { ExponentialLR, type ExponentialLROptions } from './schedulers/exponential-lr.js';
export { PolynomialLR, type PolynomialLROptions } from './schedulers/polynomial-lr.js';
export { CosineAnnealingLR, type CosineAnnealingLROptions } from './schedulers/cosine-annealing-lr.js';
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
} from './schedulers/cosine-annealing-warm-restarts.js';
export { OneCycleLR, type OneCycleLROptions, type OneCycleLRBaseOptions } from './schedulers/one-cycle-lr.js';
export { CyclicLR, type CyclicLROptions } from './schedulers/cyclic-lr.js';
export { LambdaLR, MultiplicativeLR, type LambdaLROptions } from './schedulers/lambda-lr.js';
export { ScheduleLR, type ScheduleLROptions } from './schedulers/schedule-lr.js';
export { CooldownLR, type CooldownLROptions, type CooldownWindow } from './schedulers/cooldown-lr.js';
export { SequentialLR, type SequentialLROptions } from './schedulers/sequential-lr.js';
export { ChainedScheduler, type ChainedSchedulerOptions } from './schedulers/chained-scheduler.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './schedulers/reduce-lr-on-plateau.js';


// Is it a schedule? (The adapters' driver and shared checks are in `@anneal/core/adapter`.)
export { isSchedule } from './schedulers/driver.js';

// Schedules as data: the type of `toJSON()`. The readers are in `@anneal/core/json` (src/json.ts),
// trace replay in `@anneal/core/replay` (src/replay.ts).
export type { ScheduleSpec } from './serialization/spec.js';
