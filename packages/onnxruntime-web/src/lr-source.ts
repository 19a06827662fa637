/**
 * Where the learning rate comes from: what {@link createFeeder} accepts. The dispatch (a pure schedule
 * evaluated at the feeder's step, a stateful scheduler whose optimizer group holds the rate, a
 * `ReduceLROnPlateau` stepped with a metric, a factory) is `@anneal/core`'s `createScheduleDriver`.
 *
 * @packageDocumentation
 */
import type { Schedule } from '@anneal/core';
import type { OptimizerLike } from '@anneal/core/schedulers';
import type { SchedulerFactory } from '@anneal/core/adapter';

/**
 * A stateful scheduler stepped once per training step: every class of `@anneal/core/schedulers`
 * (`CosineAnnealingWarmRestarts`, `OneCycleLR`, `ScheduleLR`, `SequentialLR`, ...) is one.
 * The feeder reads `optimizer.paramGroups[group].lr` and calls `step()`.
 */
export interface SchedulerLike {
  /** The optimizer-like object whose groups the scheduler writes. */
  readonly optimizer: OptimizerLike;
  /** Advances the scheduler by one step. */
  step(): void;
}

/** A scheduler stepped with a metric, like `ReduceLROnPlateau` from `@anneal/core/schedulers`. */
export interface PlateauSchedulerLike {
  /** Identifies the metric-driven scheduler. */
  readonly kind: 'ReduceLROnPlateau';
  /** The optimizer-like object whose groups the scheduler writes. */
  readonly optimizer: OptimizerLike;
  /** Takes the metric of the step just done (a loss with `mode: 'min'`). */
  step(metric: number): void;
}

/**
 * Anything a feeder can take its learning rate from: a pure schedule, a scheduler, a function that
 * builds a scheduler on the param group the feeder makes from `baseLr`
 * (`(optimizer) => new ReduceLROnPlateau(optimizer, { patience: 5 })`), or either as JSON ({@link SourceJSON}).
 */
export type LrSource = Schedule | SchedulerLike | PlateauSchedulerLike | SchedulerFactory<SchedulerLike | PlateauSchedulerLike> | SourceJSON;

/**
 * A schedule or scheduler as JSON, read by `@anneal/core/json`: PyTorch's spelling (`{ scheduler:
 * 'CosineAnnealingLR', kwargs: { T_max: 100 } }`) or anneal's (`{ scheduler: 'CosineAnnealingLR', options:
 * { tMax: 100 } }`), built on a param group holding `baseLr`; or a pure schedule (`{ type: 'cosine', tMax: 100 }`).
 */
export type SourceJSON =
  | { type: string; [option: string]: unknown }
  | { scheduler: string; kwargs?: Record<string, unknown>; options?: Record<string, unknown> };
