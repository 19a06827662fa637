// Argument checks of this package. Each throws core's InvalidParameterError naming the parameter
// and the value it got, so bad input fails where it is given, never as a NaN later.
import { InvalidParameterError } from '@anneal/core';

/** Whether `value` is a finite number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A finite number, else throws naming `name`. */
export function finite(name: string, value: unknown): number {
  if (!isFiniteNumber(value)) throw new InvalidParameterError(name, value, 'a finite number');
  return value;
}

/** A finite number >= 0. */
export function nonNegative(name: string, value: unknown): number {
  if (!isFiniteNumber(value) || value < 0) throw new InvalidParameterError(name, value, 'a non-negative finite number');
  return value;
}

/** A number in [0, 1). */
export function unitInterval(name: string, value: unknown): number {
  if (!isFiniteNumber(value) || value < 0 || value >= 1) throw new InvalidParameterError(name, value, 'a number in [0, 1)');
  return value;
}

/** A boolean. */
export function bool(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidParameterError(name, value, 'true or false');
  return value;
}

/** Refuses keys an options object must not have, so typos do not pass silently. */
export function knownKeys(name: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParameterError(name, value, 'an options object');
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new InvalidParameterError(`${name}.${key}`, (value as Record<string, unknown>)[key], `absent (unknown option; known: ${allowed.join(', ')})`);
    }
  }
  return value as Record<string, unknown>;
}

/** A copy of `value` without its `undefined` entries, so they do not override defaults. */
export function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
