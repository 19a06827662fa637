/**
 * `@anneal/core`: learning-rate schedules as pure closed-form functions of the (possibly fractional) step,
 * and the combinators that build on them. The stateful schedulers with PyTorch's semantics are in
 * `@anneal/core/schedulers`, the JSON readers and writers in `@anneal/core/json`, trace replay in
 * `@anneal/core/replay`, the descriptors' metadata in `@anneal/core/meta` and the adapters' plumbing in
 * `@anneal/core/adapter`.
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

// Is it a schedule? (The adapters' driver and shared checks are in `@anneal/core/adapter`.)
export { isSchedule } from './schedulers/driver.js';

// Schedules as data: the type of `toJSON()`. The readers are in `@anneal/core/json` (src/json.ts),
// trace replay in `@anneal/core/replay` (src/replay.ts).
export type { ScheduleSpec } from './serialization/spec.js';
