/**
 * `@anneal/core`: learning-rate schedules as pure closed-form functions of the step, combinators,
 * PyTorch-exact stateful schedulers, JSON in anneal's and PyTorch's spelling, and trace replay.
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
export { constant, constantFactor, type ConstantOptions, type ConstantSpec } from './schedules/constant.js';
export { linear, linearFactor, type LinearOptions, type LinearSpec } from './schedules/linear.js';
export { step, stepFactor, type StepOptions, type StepSpec } from './schedules/step.js';
export { multiStep, multiStepFactor, type MultiStepOptions, type MultiStepSpec } from './schedules/multi-step.js';
export { exponential, exponentialFactor, type ExponentialOptions, type ExponentialSpec } from './schedules/exponential.js';
export { polynomial, polynomialFactor, type PolynomialOptions, type PolynomialSpec } from './schedules/polynomial.js';
export {
  cosine,
  cosineAnnealingValue,
  cosineAnnealingRecursiveValue,
  type CosineOptions,
  type CosineSpec,
} from './schedules/cosine.js';
export { restartPosition, type RestartPosition } from './schedules/restart-cycle.js';
export { sgdr, type SgdrOptions, type SgdrSpec } from './schedules/sgdr.js';
export { oneCycle, annealCos, annealLinear, type OneCycleOptions, type OneCycleSpec, type AnnealStrategy } from './schedules/one-cycle.js';
export { cyclic, type CyclicOptions, type CyclicSpec, type CyclicMode } from './schedules/cyclic.js';
export { inverseSqrt, type InverseSqrtOptions, type InverseSqrtSpec } from './schedules/inverse-sqrt.js';
export { wsd, type WsdOptions, type WsdSpec, type WsdDecayShape } from './schedules/wsd.js';
export { lambda, multiplicative, type LrLambda } from './schedules/lambda.js';

// Combinators
export { warmup, type WarmupOptions, type WarmupSpec } from './combinators/warmup.js';
export { sequence, type SequenceOptions, type SequenceSpec } from './combinators/sequence.js';
export { chain, type ChainSpec } from './combinators/chain.js';

// Stateful schedulers: PyTorch semantics
export type { OptimizerLike, ParamGroup } from './schedulers/optimizer.js';
export { LRScheduler } from './schedulers/lr-scheduler.js';
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
export { OneCycleLR, type OneCycleLROptions } from './schedulers/one-cycle-lr.js';
export { CyclicLR, type CyclicLROptions } from './schedulers/cyclic-lr.js';
export { LambdaLR, MultiplicativeLR, type LambdaLROptions } from './schedulers/lambda-lr.js';
export { ScheduleLR, type ScheduleLROptions } from './schedulers/schedule-lr.js';
export { SequentialLR, type SequentialLROptions } from './schedulers/sequential-lr.js';
export { ChainedScheduler } from './schedulers/chained-scheduler.js';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './schedulers/reduce-lr-on-plateau.js';

// Schedules as data
export type { ScheduleSpec, TorchSchedulerSpec } from './serialization/spec.js';
export { scheduleFromJSON, SCHEDULE_TYPES } from './serialization/schedule-json.js';
export { schedulerFromJSON } from './serialization/scheduler-json.js';
export { TORCH_SCHEDULERS, type AnyScheduler } from './serialization/torch-json.js';

// PyTorch trace replay
export { parseTrace, type Trace, type TraceCase, type TraceAction } from './replay/trace.js';
export { formatReplayFile, formatReplaySummary } from './replay/report.js';
export { replayTrace, replayCase, TRACE_TOLERANCE, type CaseResult, type KnownDifference } from './replay/replay.js';
