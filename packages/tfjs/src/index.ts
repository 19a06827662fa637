/**
 * `@anneal/tfjs`: drive TensorFlow.js optimizers with anneal's PyTorch-exact learning-rate schedules, in
 * custom training loops ({@link bindOptimizer}) and in `model.fit` / `model.fitDataset` ({@link annealCallback}).
 *
 * @packageDocumentation
 */
export { bindOptimizer, type OptimizerBinding } from './bind-optimizer.js';
export { annealCallback, type AnnealCallback } from './callback.js';
export {
  FRACTIONAL_KINDS,
  type AnnealCallbackOptions,
  type AnnealCallbackCommonOptions,
  type AnnealCallbackScheduleOptions,
  type AnnealCallbackSchedulerOptions,
  type SchedulerJSON,
  type ScheduleJSON,
} from './callback-options.js';
export type { CycleEndHook, CycleEndInfo } from './cycle-end.js';
export { findLr, type TfFindLrOptions, type TfFindLrModel } from './find-lr.js';
export { scheduleHyperparameter, type TfHyperparameterName, type TfHyperparameterBinding } from './hyperparameter.js';
/** Builds a scheduler on the optimizer it receives (here the model optimizer's binding); core's type, re-exported. */
export type { SchedulerFactory } from '@anneal/core/adapter';
export { SUPPORTED_OPTIMIZERS, type OptimizerClassName, type MomentumSlot } from './optimizer-support.js';
export { UnsupportedOptimizerError } from './errors.js';
export type { TfCore, TfWithLayers, TfOptimizer, TfCustomCallback } from './tf-types.js';
