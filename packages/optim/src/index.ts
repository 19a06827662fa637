/**
 * `@anneal/optim`: anneal's schedules for your own training loop. Bind a pure schedule or a PyTorch-exact
 * core scheduler to any learning rate (an `lr` or `learningRate` field, a setter function, several param
 * groups), and use the small reference optimizers (SGD, Adam, AdamW on typed arrays) that every core
 * scheduler drives unchanged, momentum cycling included.
 *
 * @packageDocumentation
 */

// Driving any rate
export {
  asOptimizerLike,
  type RateTarget,
  type RateSetter,
  type LrField,
  type LearningRateField,
  type BindTarget,
  type TargetOptions,
} from './target.js';
export {
  bindSchedule,
  ScheduleBinding,
  type BindableScheduler,
  type BindOptions,
  type BindingState,
  type BindingGroupState,
  type SourceJSON,
} from './bind.js';
/** Builds a scheduler on the optimizer `bindSchedule` made from the target; core's type, re-exported. */
export type { SchedulerFactory } from '@anneal/core/adapter';

// The learning-rate range test
export { findLr, type FindLrOptions, type FindLrCheckpoint, type FindLrStep, type FindLrTrainStep } from './find-lr.js';

// Any hyperparameter, per group
export {
  scheduleHyperparameter,
  HyperparameterBinding,
  type HyperparameterName,
  type HyperparameterOptions,
  type HyperparameterState,
} from './hyperparameter.js';

// Reference optimizers
export { parameter, type Parameter, type Vector } from './parameter.js';
export { Optimizer, type OptimizerLayout, type OptimizerParamGroup, type ParamGroupInit, type ParamState, type OptimizerState } from './optimizer.js';
export { SGD, type SGDOptions, type SGDParamGroup } from './sgd.js';
export { Adam, type AdamOptions, type AdamParamGroup } from './adam.js';
export { AdamW } from './adamw.js';
