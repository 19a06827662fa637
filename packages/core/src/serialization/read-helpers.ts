// Shared plumbing of the JSON readers: paths in errors, nesting limits, own-property lookups.
import { AnnealError, InvalidParameterError, StateDictError } from '../errors.js';

/** Deepest nesting of combinators the readers accept (a guard against hostile input). */
const MAX_DEPTH = 32;

/** Joins a path prefix and a field name (`a.b`, `a[0]`; odd keys quoted: `a["my key"]`). */
export function join(prefix: string, field: string): string {
  const segment = /^(\[.*|[A-Za-z_$][\w$]*(\[\d+\])*)$/.test(field) ? field : `[${JSON.stringify(field)}]`;
  if (prefix === '') return segment;
  return segment.startsWith('[') ? `${prefix}${segment}` : `${prefix}.${segment}`;
}

/** A plain JSON object (not null, not an array), or an error naming `path` (a complete path). */
export function objectAt(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw mark(new InvalidParameterError(path === '' ? 'spec' : path, value, 'a JSON object'));
  }
  return value as Record<string, unknown>;
}

/** An array, or an error naming `path`. */
export function arrayAt(path: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new InvalidParameterError(path, value, 'an array');
  return value;
}

/** `Object.hasOwn`, so `__proto__`, `constructor` and friends never resolve to prototype members. */
export function own<T>(table: Record<string, T>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Throws when the combinator nesting is deeper than {@link MAX_DEPTH}. */
export function checkDepth(path: string, depth: number): void {
  if (depth > MAX_DEPTH) throw mark(new InvalidParameterError(path, '(nested value)', `nested at most ${MAX_DEPTH} levels deep`));
}

/**
 * Runs `build`, re-raising parameter errors with `prefix` in front of their path (and the head renamed,
 * for PyTorch's spelling). Anything that is not an AnnealError is a bug or hostile input: it becomes an
 * InvalidParameterError at `prefix` instead of escaping as a raw TypeError.
 */
export function located<T>(prefix: string, build: () => T, rename?: (name: string) => string): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof AnnealError && LOCATED.has(error)) throw error;
    if (error instanceof InvalidParameterError) throw mark(withPath(error, prefix, rename));
    if (error instanceof AnnealError || error instanceof StateDictError) throw mark(error);
    throw error;
  }
}

/** Errors whose path is already complete, so outer readers pass them through unchanged. */
const LOCATED = new WeakSet<object>();

/** Marks an error as carrying its full path. */
export function mark<E extends object>(error: E): E {
  LOCATED.add(error);
  return error;
}

/** The same error with `prefix` in front of its path (and the path's head renamed, for PyTorch's spelling). */
function withPath(error: InvalidParameterError, prefix: string, rename?: (name: string) => string): InvalidParameterError {
  const [head, ...rest] = error.path.split(/(?=[.[])/);
  const renamed = rename && head !== undefined ? rename(head) : head;
  const local = [renamed, ...rest].join('');
  return new InvalidParameterError(prefix === '' ? local : `${prefix}.${local}`, error.value, error.expected);
}
/** `JSON.parse` with a typed error. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidParameterError('json', text, `valid JSON (${(error as Error).message})`);
  }
}
