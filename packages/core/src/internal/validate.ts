// Argument checks shared by every schedule and scheduler, and by the adapters (a documented set of them is
// exported from the root entry under `check*` names, see src/index.ts). Each throws an
// InvalidParameterError that names the parameter and the value it got.
import { InvalidParameterError } from '../errors.js';

/** Whether `value` is a finite number (a type guard; `NaN` and `±Infinity` are not). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Returns `value` if it is a finite number.
 * @throws {@link InvalidParameterError} naming `name` and showing `value` (`"<name> must be a finite number, got NaN"`).
 */
export function finite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidParameterError(name, value, 'a finite number');
  }
  return value;
}

/** A finite number > 0. */
export function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidParameterError(name, value, 'a positive finite number');
  }
  return value;
}

/**
 * Returns `value` if it is a finite number >= 0.
 * @throws {@link InvalidParameterError} naming `name` and showing `value`.
 */
export function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameterError(name, value, 'a non-negative finite number');
  }
  return value;
}

/**
 * Returns `value` if it is a safe integer >= `min`.
 * @throws {@link InvalidParameterError} naming `name` and showing `value`.
 */
export function integer(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidParameterError(name, value, `an integer >= ${min}`);
  }
  return value;
}

/**
 * Returns `value` if it is a number in [0, 1) (a factor that must shrink, Adam's betas).
 * @throws {@link InvalidParameterError} naming `name` and showing `value`.
 */
export function unitInterval(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new InvalidParameterError(name, value, 'a number in [0, 1)');
  }
  return value;
}

/** A finite number in [lo, hi]. */
export function inRange(name: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    throw new InvalidParameterError(name, value, `a number between ${lo} and ${hi}`);
  }
  return value;
}

/** A finite number >= `lo`, or Infinity (used for "no limit" options). */
export function atLeastOrInfinity(name: string, value: unknown, lo: number): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < lo || value === -Infinity) {
    throw new InvalidParameterError(name, value, `a number >= ${lo} (Infinity for no limit)`);
  }
  return value;
}

/**
 * Returns `value` if it is `true` or `false`.
 * @throws {@link InvalidParameterError} naming `name` and showing `value`.
 */
export function bool(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidParameterError(name, value, 'true or false');
  return value;
}

/**
 * Returns `value` if it is one of the strings in `options`.
 * @throws {@link InvalidParameterError} naming `name`, showing `value` and listing `options`.
 */
export function oneOf<T extends string>(name: string, value: unknown, options: readonly T[]): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw new InvalidParameterError(name, value, `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
  }
  return value as T;
}

/** A function. */
export function fn<T extends (...args: never[]) => unknown>(name: string, value: unknown): T {
  if (typeof value !== 'function') throw new InvalidParameterError(name, value, 'a function');
  return value as T;
}

/** A non-empty array of finite numbers in non-decreasing order (repeats allowed). */
export function milestones(name: string, value: unknown, options: { allowEmpty?: boolean } = {}): number[] {
  if (!Array.isArray(value)) throw new InvalidParameterError(name, value, 'an array of numbers');
  if (value.length === 0 && options.allowEmpty !== true) {
    throw new InvalidParameterError(name, value, 'a non-empty array of numbers');
  }
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const v = nonNegative(`${name}[${i}]`, value[i]);
    const prev = out[i - 1];
    if (prev !== undefined && v < prev) {
      throw new InvalidParameterError(`${name}[${i}]`, v, `>= the previous milestone ${prev} (milestones must not decrease)`);
    }
    out.push(v);
  }
  return out;
}

/**
 * Refuses keys that an options object must not have, so typos do not pass silently, and returns the
 * object. `where` is its name in errors: an unknown key `gama` is reported as `where.gama` (as `gama` when
 * `where` is `''`), a value that is not a plain object as `where` (`options` when `''`).
 * @throws {@link InvalidParameterError} naming the unknown key (or the object) and showing its value.
 */
export function knownKeys(where: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParameterError(where === '' ? 'options' : where, value, 'an options object');
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
      const path = where === '' || segment.startsWith('[') ? `${where}${segment}` : `${where}.${segment}`;
      throw new InvalidParameterError(path, (value as Record<string, unknown>)[key], `absent (unknown option; known: ${allowed.join(', ')})`);
    }
  }
  return value as Record<string, unknown>;
}

/** An array of finite numbers. */
export function numbers(name: string, value: unknown): number[] {
  if (!Array.isArray(value)) throw new InvalidParameterError(name, value, 'an array of numbers');
  return value.map((v, i) => finite(`${name}[${i}]`, v));
}
