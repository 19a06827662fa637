/**
 * The adapter's own typed error. Everything else it throws is one of `@anneal/core`'s errors
 * (`InvalidParameterError`, `SchedulerUsageError`).
 *
 * @packageDocumentation
 */
import { AnnealError } from '@anneal/core';

/**
 * A TensorFlow.js optimizer cannot be driven the way it was asked to: its class is not one anneal knows
 * how to drive, or it was asked to cycle a momentum it does not have (plain SGD, Adagrad, Adadelta), or
 * the tfjs internals anneal needs for that are not where TensorFlow.js 4.x keeps them.
 * `code` is `"unsupported-optimizer"`.
 */
export class UnsupportedOptimizerError extends AnnealError {
  /** The optimizer's tfjs class name, e.g. `"SGD"` (`getClassName()`). */
  readonly optimizerClass: string;
  /** What cannot be done, in one sentence. */
  readonly reason: string;
  /** @param optimizerClass The tfjs class name. @param reason Why it cannot be driven, one sentence. */
  constructor(optimizerClass: string, reason: string) {
    super('unsupported-optimizer', `TensorFlow.js ${optimizerClass} optimizer: ${reason}`);
    this.name = 'UnsupportedOptimizerError';
    this.optimizerClass = optimizerClass;
    this.reason = reason;
  }
}
