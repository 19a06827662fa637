/**
 * Where the learning rate comes from: a pure schedule evaluated at the feeder's step, or a stateful
 * scheduler whose optimizer group holds the rate. No schedule math: this only reads and advances.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, SchedulerUsageError, type OptimizerLike, type Schedule } from '@anneal/core';

/**
 * A stateful scheduler stepped once per training step: every `@anneal/core` scheduler class
 * (`CosineAnnealingWarmRestarts`, `OneCycleLR`, `ScheduleLR`, `SequentialLR`, ...) is one.
 * The feeder reads `optimizer.paramGroups[group].lr` and calls `step()`.
 */
export interface SchedulerLike {
  /** The optimizer-like object whose groups the scheduler writes. */
  readonly optimizer: OptimizerLike;
  /** Advances the scheduler by one step. */
  step(): void;
}

/** A scheduler stepped with a metric, like `@anneal/core`'s `ReduceLROnPlateau`. */
export interface PlateauSchedulerLike {
  /** Identifies the metric-driven scheduler. */
  readonly kind: 'ReduceLROnPlateau';
  /** The optimizer-like object whose groups the scheduler writes. */
  readonly optimizer: OptimizerLike;
  /** Takes the metric of the step just done (a loss with `mode: 'min'`). */
  step(metric: number): void;
}

/** Anything a feeder can take its learning rate from. */
export type LrSource = Schedule | SchedulerLike | PlateauSchedulerLike;

/** The source, normalised. */
export interface LrDriver {
  /** `"schedule"`, `"scheduler"` or `"plateau"`. */
  readonly kind: 'schedule' | 'scheduler' | 'plateau';
  /** The rate at feeder step `t`. */
  lr(t: number): number;
  /** Advances the source past the step just taken. */
  advance(metric: number | undefined): void;
}

/** Options that depend on the kind of source. */
export interface LrSourceOptions {
  /** Base rate for a pure schedule. */
  baseLr?: number;
  /** Param group to read for a scheduler. */
  group?: number;
}

function isSchedule(source: unknown): source is Schedule {
  const s = source as Partial<Schedule> | null;
  return typeof s === 'object' && s !== null && typeof s.lr === 'function' && typeof s.type === 'string';
}

function isScheduler(source: unknown): source is SchedulerLike | PlateauSchedulerLike {
  const s = source as Partial<SchedulerLike> | null;
  return typeof s === 'object' && s !== null && typeof s.step === 'function' && Array.isArray(s.optimizer?.paramGroups);
}

function scheduleDriver(schedule: Schedule, options: LrSourceOptions): LrDriver {
  const { baseLr } = options;
  if (typeof baseLr !== 'number' || !Number.isFinite(baseLr)) {
    throw new InvalidParameterError('baseLr', baseLr, 'a finite number (the base learning rate the schedule scales) when feeding a pure schedule');
  }
  if (options.group !== undefined) {
    throw new InvalidParameterError('group', options.group, 'absent when feeding a pure schedule (it has no param groups)');
  }
  return {
    kind: 'schedule',
    lr: (t) => schedule.lr(t, baseLr),
    advance(metric) {
      if (metric !== undefined) throw new SchedulerUsageError('step(metric) is for a ReduceLROnPlateau source; a schedule is stepped with step()');
    },
  };
}

function schedulerDriver(scheduler: SchedulerLike | PlateauSchedulerLike, options: LrSourceOptions): LrDriver {
  if (options.baseLr !== undefined) {
    throw new InvalidParameterError('baseLr', options.baseLr, "absent when feeding a scheduler (the optimizer's param group holds the rate)");
  }
  const groups = scheduler.optimizer.paramGroups;
  const group = options.group ?? 0;
  if (!Number.isSafeInteger(group) || group < 0 || group >= groups.length) {
    throw new InvalidParameterError('group', group, `an integer from 0 to ${groups.length - 1} (the optimizer has ${groups.length} param groups)`);
  }
  const plateau = (scheduler as Partial<PlateauSchedulerLike>).kind === 'ReduceLROnPlateau';
  return {
    kind: plateau ? 'plateau' : 'scheduler',
    lr: () => groups[group]!.lr,
    advance(metric) {
      if (plateau) {
        if (typeof metric !== 'number') {
          throw new SchedulerUsageError('a ReduceLROnPlateau source needs the metric of each step: call step(metric), or trainStep with a metricOutput');
        }
        (scheduler as PlateauSchedulerLike).step(metric);
      } else {
        if (metric !== undefined) throw new SchedulerUsageError('step(metric) is for a ReduceLROnPlateau source; this scheduler is stepped with step()');
        (scheduler as SchedulerLike).step();
      }
    },
  };
}

/**
 * Normalises a schedule or scheduler.
 * @throws InvalidParameterError when `source` is neither, or `baseLr`/`group` do not fit the source.
 */
export function lrDriver(source: LrSource, options: LrSourceOptions): LrDriver {
  if (isSchedule(source)) return scheduleDriver(source, options);
  if (isScheduler(source)) return schedulerDriver(source, options);
  throw new InvalidParameterError(
    'source',
    source,
    'a Schedule from @anneal/core (e.g. sgdr({ t0: 10 })) or a scheduler with optimizer.paramGroups and step()',
  );
}
