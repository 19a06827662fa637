/**
 * The `anneal-trace/1` format: what PyTorch's schedulers did, step by step, so anneal can replay it.
 *
 * @packageDocumentation
 */
import { TraceFormatError } from '../errors.js';

/** One action of a trace case. */
export type TraceAction =
  | { op: 'step' }
  | { op: 'step'; epoch: number }
  | { op: 'step'; metrics: number };

/** One recorded configuration. */
export interface TraceCase {
  name: string;
  scheduler: string;
  kwargs: Record<string, unknown>;
  optimizer?: 'SGD' | 'Adam';
  groups: Array<{ lr: number; momentum?: number; betas?: number[]; initial_lr?: number }>;
  actions: TraceAction[];
  /** Every group's rate: row 0 after construction, then one row per action. */
  lrs: number[][];
  record_momentum?: boolean;
  momentums?: number[][];
  /** Whether `last_lrs` holds `scheduler.get_last_lr()`, row for row like `lrs`. */
  record_last_lr?: boolean;
  /** `scheduler.get_last_lr()` after construction and after each action, when `record_last_lr` is true. */
  last_lrs?: number[][];
}

/** A trace file. */
export interface Trace {
  format: 'anneal-trace/1';
  torch?: string;
  cases: TraceCase[];
}

function fail(path: string, message: string): never {
  throw new TraceFormatError(path, message);
}

function isNumberMatrix(value: unknown, rows: number, cols: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === rows &&
    value.every((row) => Array.isArray(row) && row.length === cols && row.every((v) => typeof v === 'number'))
  );
}

/** Checks that `value` is an `anneal-trace/1` trace, naming the first thing that is not. */
export function parseTrace(value: unknown): Trace {
  if (typeof value !== 'object' || value === null) fail('trace', 'expected a JSON object');
  const trace = value as Partial<Trace>;
  if (trace.format !== 'anneal-trace/1') fail('format', `expected "anneal-trace/1", got ${JSON.stringify(trace.format)}`);
  if (!Array.isArray(trace.cases)) fail('cases', 'expected an array');
  trace.cases.forEach((c: Partial<TraceCase>, i) => {
    const at = `cases[${i}]`;
    if (typeof c !== 'object' || c === null) fail(at, 'expected an object');
    if (typeof c.name !== 'string') fail(`${at}.name`, 'expected a string');
    if (typeof c.scheduler !== 'string') fail(`${at}.scheduler`, 'expected a string');
    if (c.optimizer !== undefined && c.optimizer !== 'SGD' && c.optimizer !== 'Adam') fail(`${at}.optimizer`, 'expected "SGD" or "Adam"');
    if (!Array.isArray(c.groups) || c.groups.length === 0) fail(`${at}.groups`, 'expected a non-empty array');
    c.groups.forEach((g, j) => {
      if (typeof g?.lr !== 'number') fail(`${at}.groups[${j}].lr`, 'expected a number');
    });
    if (!Array.isArray(c.actions)) fail(`${at}.actions`, 'expected an array');
    c.actions.forEach((a, j) => {
      if (a?.op !== 'step') fail(`${at}.actions[${j}].op`, `expected "step", got ${JSON.stringify(a?.op)}`);
    });
    if (!isNumberMatrix(c.lrs, c.actions.length + 1, c.groups.length)) {
      fail(`${at}.lrs`, `expected ${c.actions.length + 1} rows of ${c.groups.length} numbers`);
    }
    if (c.record_momentum === true && !isNumberMatrix(c.momentums, c.actions.length + 1, c.groups.length)) {
      fail(`${at}.momentums`, `expected ${c.actions.length + 1} rows of ${c.groups.length} numbers`);
    }
    if (c.record_last_lr === true && !isNumberMatrix(c.last_lrs, c.actions.length + 1, c.groups.length)) {
      fail(`${at}.last_lrs`, `expected ${c.actions.length + 1} rows of ${c.groups.length} numbers`);
    }
  });
  return trace as Trace;
}
