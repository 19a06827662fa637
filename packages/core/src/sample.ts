import type { Schedule } from './schedule.js';
import { integer, finite, nonNegative } from './internal/validate.js';

/** Options of {@link sampleSchedule}. */
export interface SampleOptions {
  /** Number of points. Required, >= 1. */
  points: number;
  /** First step. Default `0`. */
  from?: number;
  /** Distance between points. Default `1`. */
  stepSize?: number;
  /** Base rate passed to the schedule. Default `1`. */
  baseLr?: number;
}

/**
 * The schedule's rate at `from, from + stepSize, …` (`points` values) in a `Float64Array`: what the docs'
 * plots and the CLI draw.
 */
export function sampleSchedule(schedule: Schedule, options: SampleOptions): Float64Array {
  const points = integer('points', options.points, 1);
  const from = nonNegative('from', options.from ?? 0);
  const stepSize = nonNegative('stepSize', options.stepSize ?? 1);
  const baseLr = finite('baseLr', options.baseLr ?? 1);
  const out = new Float64Array(points);
  for (let i = 0; i < points; i++) out[i] = schedule.lr(from + i * stepSize, baseLr);
  return out;
}
