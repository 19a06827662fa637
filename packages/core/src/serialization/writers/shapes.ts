/**
 * Reading the shape of a canonical spec for the ecosystem writers: an optional warmup in front of a child,
 * and typed access to options.
 *
 * @packageDocumentation
 */
import { descriptorOf } from '../../registry.js';
import { at, type Fields } from './common.js';

/** A spec split into an optional outer warmup and the schedule it wraps. */
export interface Warmed {
  /** The warmup's fields (`undefined`: no warmup in front). */
  readonly warmup: Fields | undefined;
  /** The wrapped schedule (the spec itself without a warmup). */
  readonly child: Fields;
  /** The path of `child` in the spec. */
  readonly path: string;
}

/** Splits off a warmup in front of `spec` (at `path`). */
export function splitWarmup(spec: Fields, path = ''): Warmed {
  if (spec.type !== 'warmup') return { warmup: undefined, child: spec, path };
  return { warmup: spec, child: spec.schedule as Fields, path: at(path, 'schedule') };
}

/** A number option (`undefined` when absent). */
export const num = (spec: Fields, key: string): number | undefined => (typeof spec[key] === 'number' ? (spec[key] as number) : undefined);

/** The lower-case label of a kind, for refusals. */
export function labelOf(spec: Fields): string {
  const d = descriptorOf(spec.type);
  return d === undefined ? spec.type : `${d.label.toLowerCase()} (${spec.type})`;
}

/** Whether `n` is a whole number. */
export const whole = (n: number): boolean => Number.isInteger(n);
