/**
 * Shared plumbing of the ecosystem readers (HF transformers, timm, Keras, optax): argument access that
 * names the field path in every error and refuses keys nobody read, and typed builders of anneal specs
 * (the option names are checked against each descriptor's options by the compiler).
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../../errors.js';
import type { ScheduleDescriptor } from '../../descriptor.js';
import type { ScheduleSpec, TorchSchedulerSpec } from '../spec.js';
import type { WarmupOptions } from '../../combinators/warmup.js';
import { join, mark, objectAt, own } from '../read-helpers.js';

/** The ecosystems whose configurations anneal reads. */
export type Ecosystem = 'hf' | 'timm' | 'keras' | 'optax';

/**
 * What an ecosystem configuration means in anneal's terms: a pure schedule (in anneal's JSON spelling) or,
 * for metric-driven schedulers, a PyTorch-spelled scheduler spec; plus what the configuration says about
 * the base rate and the run length.
 */
export interface EcosystemReading {
  /** The ecosystem the shape was recognised as. */
  readonly ecosystem: Ecosystem;
  /** The ecosystem's name of the schedule (`"cosine"`, `"CosineDecay"`, `"warmup_cosine_decay_schedule"`). */
  readonly name: string;
  /** The schedule in anneal's spelling; absent for a metric-driven scheduler. */
  readonly schedule?: ScheduleSpec;
  /** A metric-driven scheduler (ReduceLROnPlateau) in PyTorch's spelling; only `schedulerFromJSON` builds it. */
  readonly scheduler?: TorchSchedulerSpec;
  /**
   * The base rate at which anneal's values are the ecosystem's numbers, when the configuration carries one
   * (HF `learning_rate`, timm `lr`, Keras's peak rate, optax's peak value). Starts and floors given as rates
   * become fractions of it; end rates stay absolute (`endLr`).
   */
  readonly baseLr?: number;
  /** The length of the run the configuration states (HF `max_steps`, timm's returned epoch count), in steps. */
  readonly steps?: number;
}

/** The result of one entry of an ecosystem table: a schedule relative to `ref` (its base rate), or a scheduler. */
export type Translation =
  | { readonly schedule: ScheduleSpec; readonly ref?: number; readonly steps?: number }
  | { readonly scheduler: TorchSchedulerSpec; readonly ref?: number; readonly steps?: number };

/**
 * Reads the arguments of one ecosystem call: each read names its path in errors, `null` counts as absent
 * (Python's `None`), and {@link Args.finish} refuses any key that was given and not read, so no accepted
 * key is silently ignored.
 */
export class Args {
  private readonly read = new Set<string>();
  /** The arguments as given. */
  readonly values: Record<string, unknown>;
  constructor(
    /** The path of the object holding the arguments. */
    readonly path: string,
    value: unknown,
    /** What the caller is, for error messages (`"HF get_scheduler('cosine')"`). */
    readonly owner: string,
  ) {
    this.values = value === undefined || value === null ? {} : objectAt(path, value);
  }

  /** The path of `key`. */
  at(key: string): string {
    return join(this.path, key);
  }

  /** Whether `key` is given and not `null`. */
  has(key: string): boolean {
    return own(this.values, key) !== undefined && this.values[key] !== null;
  }

  /** The raw value of `key` (`undefined` when absent or `null`); marks it read. */
  raw(key: string): unknown {
    this.read.add(key);
    const value = own(this.values, key);
    return value === null ? undefined : value;
  }

  /** A typed error at `key`. */
  fail(key: string, expected: string, value: unknown = own(this.values, key)): never {
    throw mark(new InvalidParameterError(this.at(key), value, expected));
  }

  /** A finite number at `key`: the fallback when absent (required without one), checked against the bounds. */
  number(key: string, rule: { fallback?: number; min?: number; above?: number; integer?: boolean } = {}): number {
    const value = this.raw(key);
    if (value === undefined) {
      if (rule.fallback !== undefined) return rule.fallback;
      return this.fail(key, `given (${this.owner} requires it)`, value);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, 'a finite number');
    if (rule.integer === true && !Number.isInteger(value)) this.fail(key, 'an integer');
    if (rule.min !== undefined && value < rule.min) this.fail(key, `a number >= ${rule.min}`);
    if (rule.above !== undefined && value <= rule.above) this.fail(key, `a number > ${rule.above}`);
    return value;
  }

  /** A finite number at `key`, or `undefined` when absent. */
  optionalNumber(key: string, rule: { min?: number; above?: number; integer?: boolean } = {}): number | undefined {
    return this.has(key) ? this.number(key, rule) : (this.raw(key), undefined);
  }

  /** A boolean at `key`, `fallback` when absent. */
  bool(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(key, 'true or false');
    return value;
  }

  /** One of `choices` at `key`, `fallback` when absent. */
  choice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
    const value = this.raw(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) this.fail(key, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    return value as T;
  }

  /** A list of finite numbers at `key` (required). */
  numbers(key: string): number[] {
    const value = this.raw(key);
    if (!Array.isArray(value)) return this.fail(key, 'an array of numbers', value);
    value.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw mark(new InvalidParameterError(`${this.at(key)}[${i}]`, v, 'a finite number'));
    });
    return value as number[];
  }

  /** Refuses `key` unless it is absent or equals `inert` (a value with no effect here), saying why. */
  onlyAt(key: string, inert: unknown, why: string): void {
    const value = this.raw(key);
    if (value === undefined || value === inert || JSON.stringify(value) === JSON.stringify(inert)) return;
    this.fail(key, `${JSON.stringify(inert)} or absent (${why})`, value);
  }

  /** Throws for the first key that was given and never read. */
  finish(known: readonly string[]): void {
    for (const key of Object.keys(this.values)) {
      if (!this.read.has(key)) {
        const list = known.length === 0 ? 'none' : known.join(', ');
        this.fail(key, `absent (not an argument ${this.owner} takes; known: ${list})`);
      }
    }
  }
}

/** An anneal spec of `descriptor`'s kind with `options` (names and types checked against the descriptor). */
export function spec<S extends { type: string }, O>(descriptor: ScheduleDescriptor<S, O>, options: { [K in keyof O]?: O[K] | undefined }): ScheduleSpec {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options as Record<string, unknown>)) if (v !== undefined) clean[k] = v;
  return { type: descriptor.type, ...clean } as unknown as ScheduleSpec;
}

/** A warmup in front of `child` (the child alone when `steps` is 0 and the warmup is a prefix). */
export function warm(options: WarmupOptions, child: ScheduleSpec): ScheduleSpec {
  if (options.steps === 0) return child;
  const { prefix, warmTo, ...rest } = options;
  return { type: 'warmup', ...rest, ...(prefix === false ? { prefix } : {}), ...(warmTo === undefined ? {} : { warmTo }), schedule: child } as ScheduleSpec;
}

/** `children` in turn, the next one starting (at its own step 0) at each milestone. */
export function sequence(milestones: number[], children: ScheduleSpec[]): ScheduleSpec {
  if (milestones.length === 0) return children[0]!;
  return { type: 'sequence', milestones, schedules: children } as ScheduleSpec;
}

/** `child` at `factor` times the base rate (a one-value piecewise constant chained in front). */
export function scaled(factor: number, child: ScheduleSpec): ScheduleSpec {
  if (factor === 1) return child;
  return { type: 'chain', schedules: [{ type: 'piecewiseConstant', boundaries: [], values: [factor] }, child] } as ScheduleSpec;
}

/** A rate `value` relative to the reference rate `ref` (both absolute). */
export function relative(value: number, ref: number): number {
  return value / ref;
}

/** Parses an integer-valued key of a JSON object (`"100"` of optax's `boundaries_and_scales`). */
export function integerKey(path: string, key: string): number {
  const n = Number(key);
  if (key.trim() === '' || !Number.isInteger(n) || n < 0) throw mark(new InvalidParameterError(path, key, 'a key that is a non-negative integer step'));
  return n;
}
