/**
 * ReduceLROnPlateau as a phase of `SequentialLR` and a member of `ChainedScheduler`: how a composite starts
 * it, steps it with the metric, and refuses a step without one. Kept apart from the composites so that
 * their own files change only where they call these.
 *
 * @packageDocumentation
 */
import { SchedulerUsageError } from '../errors.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';

/** Whether `s` is a `ReduceLROnPlateau` (the one scheduler stepped with a metric). */
export function isPlateau(s: unknown): s is ReduceLROnPlateau {
  return s instanceof ReduceLROnPlateau;
}

/**
 * Starts a plateau phase: every group goes back to its base rate (`initialLr`, as the other phases restart
 * from theirs) and the plateau forgets what it saw (best metric, bad steps, cooldown, step count).
 */
export function restartPlateau(p: ReduceLROnPlateau): void {
  for (const group of p.optimizer.paramGroups) group.lr = group.initialLr ?? group.lr;
  p.best = null;
  p.numBadEpochs = 0;
  p.cooldownCounter = 0;
  p.lastEpoch = 0;
}

/**
 * Refuses a step of `owner` without a metric when `plateau` is to be stepped.
 * @throws {@link SchedulerUsageError} naming the composite and the phase.
 */
export function requireMetric(metric: unknown, owner: string, where: string): asserts metric is number {
  if (typeof metric !== 'number' || Number.isNaN(metric)) {
    throw new SchedulerUsageError(
      `${owner}.step(metric) needs the metric (a number) while ${where} is a ReduceLROnPlateau, got ${metric === undefined ? 'no argument' : JSON.stringify(metric)}`,
    );
  }
}

/** One `SequentialLR` step of a plateau phase: restarted at its hand-over, then stepped with `metric`. */
export function stepPlateauPhase(p: ReduceLROnPlateau, metric: number, handOver: boolean): void {
  if (handOver) restartPlateau(p);
  p.step(metric);
}

/**
 * Whether `scheduler` is stepped with a metric: a `ReduceLROnPlateau`, or a `SequentialLR` /
 * `ChainedScheduler` with one among its schedulers (the adapters' driver then hands it the metric).
 */
export function takesMetric(scheduler: unknown): boolean {
  if (isPlateau(scheduler)) return true;
  const children = (scheduler as { schedulers?: unknown } | null)?.schedulers;
  return Array.isArray(children) && children.some(isPlateau);
}
