/**
 * `@anneal/onnxruntime-web`: feeds anneal learning-rate schedules into ONNX Runtime Web sessions that
 * run a training step with the learning rate as a graph input. No schedule math here: the rate comes
 * from `@anneal/core` (or `@anneal/core/schedulers`).
 *
 * @packageDocumentation
 */

export { createFeeder, type FeederOptions, type ScheduleFeeder } from './feeder.js';
export type { LrSource, SchedulerLike, PlateauSchedulerLike, SourceJSON } from './lr-source.js';
export { LR_INPUT_NAMES, STEP_INPUT_NAMES } from './graph-input.js';
export { MissingGraphInputError, GraphInputTypeError } from './errors.js';
export type {
  OrtLike,
  SessionLike,
  TensorLike,
  TensorConstructorLike,
  InputMetadataLike,
  FeedElementType,
  FeedsOf,
  OutputsOf,
} from './ort-types.js';
