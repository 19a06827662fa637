/**
 * Typed errors. Every error anneal throws on bad input is an {@link AnnealError};
 * each subclass names what was wrong and where, so callers can branch on `code`
 * and users read one clear sentence.
 *
 * @packageDocumentation
 */

/** Formats any value for an error message: strings quoted, numbers exact, objects as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Base class of every error anneal throws on purpose. */
export class AnnealError extends Error {
  /** A stable machine-readable code, e.g. `"invalid-parameter"`. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    // The class's name, for this class and for subclasses defined elsewhere. Bundlers and minifiers rename
    // classes (esbuild turns a class that refers to itself into `_StateDictError`), so each of anneal's
    // subclasses sets its own name as a string right after this call.
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A parameter had an invalid value. `path` names it as the caller spelled it
 * (`tMax`, or `schedulers[1].kwargs.T_max` when it came from JSON).
 */
export class InvalidParameterError extends AnnealError {
  /** Where the bad value sits, e.g. `tMax` or `schedules[0].milestones[2]`. */
  readonly path: string;
  /** The value that was refused. */
  readonly value: unknown;
  /** What was expected, e.g. `"a positive finite number"`. */
  readonly expected: string;
  constructor(path: string, value: unknown, expected: string) {
    super('invalid-parameter', `${path} must be ${expected}, got ${describeValue(value)}`);
    this.name = 'InvalidParameterError';
    this.path = path;
    this.value = value;
    this.expected = expected;
  }
}

/** A JSON schedule or scheduler named a kind anneal does not know. */
export class UnknownScheduleError extends AnnealError {
  /** Where the name sits, e.g. `schedules[1].type`. */
  readonly path: string;
  /** The unknown name. */
  readonly received: unknown;
  constructor(path: string, received: unknown, known: readonly string[]) {
    super(
      'unknown-schedule',
      `${path} names an unknown schedule ${describeValue(received)}; known: ${known.join(', ')}`,
    );
    this.name = 'UnknownScheduleError';
    this.path = path;
    this.received = received;
  }
}

/** A schedule holds a user function (lambda, multiplicative, custom scale function) and cannot become JSON. */
export class NotSerializableError extends AnnealError {
  constructor(what: string) {
    super('not-serializable', `${what} holds a user function and cannot be converted to JSON`);
    this.name = 'NotSerializableError';
  }
}

/** `loadStateDict` received a state of another scheduler kind, or a field with a wrong type. */
export class StateDictError extends AnnealError {
  /** The offending field of the state dict (`""` for the whole object). */
  readonly path: string;
  /** What is wrong with it. */
  readonly reason: string;
  constructor(path: string, reason: string) {
    super('invalid-state-dict', path === '' ? `state dict: ${reason}` : `state dict field ${path}: ${reason}`);
    this.name = 'StateDictError';
    this.path = path;
    this.reason = reason;
  }
  /** The same error located inside a parent state at `prefix`. */
  within(prefix: string): StateDictError {
    return new StateDictError(this.path === '' ? prefix : `${prefix}.${this.path}`, this.reason);
  }
}

/** A scheduler was used in a way its PyTorch counterpart refuses too (e.g. stepping OneCycleLR past totalSteps). */
export class SchedulerUsageError extends AnnealError {
  constructor(message: string) {
    super('scheduler-usage', message);
    this.name = 'SchedulerUsageError';
  }
}

/**
 * A schedule or scheduler would produce a rate that is not a finite number (for example `exponential`
 * with `gamma > 1` overflowing after many steps). Thrown instead of returning or writing the value.
 */
export class NonFiniteRateError extends AnnealError {
  /** Where: e.g. `exponential.lr(1099511627776)` or `ExponentialLR step 5000, group 0`. */
  readonly path: string;
  /** The value that was refused. */
  readonly value: number;
  constructor(path: string, value: number) {
    super('non-finite-rate', `${path} would be ${describeValue(value)}, not a finite number`);
    this.name = 'NonFiniteRateError';
    this.path = path;
    this.value = value;
  }
}

/** A trace file does not follow the `anneal-trace/1` format. */
export class TraceFormatError extends AnnealError {
  /** Where in the trace the problem is, e.g. `cases[3].actions[7]`. */
  readonly path: string;
  constructor(path: string, message: string) {
    super('invalid-trace', `${path}: ${message}`);
    this.name = 'TraceFormatError';
    this.path = path;
  }
}
