/**
 * Errors about the graph a feeder is attached to. Both extend `AnnealError`, so one
 * `catch (e) { if (e instanceof AnnealError) ... }` covers them with anneal's others.
 *
 * @packageDocumentation
 */
import { AnnealError } from '@anneal/core';

function quoteAll(names: readonly string[]): string {
  return names.length === 0 ? '(none)' : names.map((n) => JSON.stringify(n)).join(', ');
}

/**
 * The graph has no input to feed: no input with the name given in the options, or, without one,
 * none of the conventional names (`lr`, `learning_rate`). Code `"missing-graph-input"`.
 */
export class MissingGraphInputError extends AnnealError {
  /** What was looked for, e.g. `"learning-rate input"`. */
  readonly role: string;
  /** The names that were tried, in order. */
  readonly tried: readonly string[];
  /** The graph's actual input names. */
  readonly available: readonly string[];
  constructor(role: string, tried: readonly string[], available: readonly string[], hint: string) {
    super(
      'missing-graph-input',
      `the graph has no ${role}: looked for ${quoteAll(tried)}, its inputs are ${quoteAll(available)}. ${hint}`,
    );
    this.name = 'MissingGraphInputError';
    this.role = role;
    this.tried = [...tried];
    this.available = [...available];
  }
}

/**
 * A graph input has a type or shape the feeder cannot fill, e.g. a float16 or batched `[N]` learning
 * rate. Code `"graph-input-type"`.
 */
export class GraphInputTypeError extends AnnealError {
  /** The input's name. */
  readonly input: string;
  /** What the feeder accepts, e.g. `"float32 or float64"`. */
  readonly expected: string;
  /** What the session reports, e.g. `"float16"` or `"[batch]"`. */
  readonly received: string;
  constructor(input: string, what: 'type' | 'shape', expected: string, received: string) {
    super('graph-input-type', `graph input ${JSON.stringify(input)} has ${what} ${received}; the feeder needs ${expected}`);
    this.name = 'GraphInputTypeError';
    this.input = input;
    this.expected = expected;
    this.received = received;
  }
}
