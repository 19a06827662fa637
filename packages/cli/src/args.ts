/**
 * A small declarative parser for `anneal` command lines: `--name value`, `--name=value`, boolean switches,
 * one-letter aliases, and `--` to end the options. Every mistake is a {@link UsageError} naming the flag.
 *
 * @packageDocumentation
 */
import { UsageError } from './errors.js';

/** The kind of value a flag takes. `integer` and `number` are checked against `min`/`max`. */
export type FlagType = 'string' | 'number' | 'integer' | 'boolean';

/** How one flag is parsed. */
export interface FlagSpec {
  /** The kind of value; `boolean` flags take no value. */
  readonly type: FlagType;
  /** A one-letter alias (`h` for `-h`). */
  readonly short?: string;
  /** Smallest accepted value, for `number`/`integer` flags (inclusive). */
  readonly min?: number;
  /** Largest accepted value, for `number`/`integer` flags (inclusive). */
  readonly max?: number;
  /** The accepted values, for `string` flags. */
  readonly choices?: readonly string[];
}

/** The flags of a command, by their long name without the dashes (`"base-lr"`). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The value type of a flag. */
export type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : S['type'] extends 'string' ? string : number;

/** The result of {@link parseArgs}: positional arguments in order, and the flags that were given. */
export interface ParsedArgs<T extends FlagSpecs> {
  /** Arguments that are not flags, in order (everything after `--` included). */
  readonly positionals: string[];
  /** The flags given on the command line; absent ones are `undefined` (the command applies its default). */
  readonly flags: { -readonly [K in keyof T]?: FlagValue<T[K]> };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses a number the way a user writes it (`0.1`, `1e-3`, `-2`); anything else is `undefined`. */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

function convert(name: string, spec: FlagSpec, raw: string): string | number {
  if (spec.type === 'string') {
    if (spec.choices !== undefined && !spec.choices.includes(raw)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, got ${JSON.stringify(raw)}`);
    }
    return raw;
  }
  const value = parseNumber(raw);
  const kind = spec.type === 'integer' ? 'an integer' : 'a number';
  const range =
    spec.min !== undefined && spec.max !== undefined
      ? ` between ${spec.min} and ${spec.max}`
      : spec.min !== undefined
        ? ` >= ${spec.min}`
        : spec.max !== undefined
          ? ` <= ${spec.max}`
          : '';
  if (
    value === undefined ||
    !Number.isFinite(value) ||
    (spec.type === 'integer' && !Number.isSafeInteger(value)) ||
    (spec.min !== undefined && value < spec.min) ||
    (spec.max !== undefined && value > spec.max)
  ) {
    throw new UsageError(`--${name} must be ${kind}${range}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * Parses `argv` (the arguments after the command name) against `specs`.
 *
 * @param command - The command's name, used in error messages (`anneal plot`).
 * @throws {@link UsageError} for an unknown flag, a missing value, a value of the wrong kind or out of range,
 *   a flag given twice, or a value given to a boolean flag.
 */
export function parseArgs<T extends FlagSpecs>(argv: readonly string[], specs: T, command: string): ParsedArgs<T> {
  const positionals: string[] = [];
  const flags: Record<string, string | number | boolean> = {};
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short !== undefined) byShort.set(spec.short, name);
  const known = () => Object.keys(specs).map((n) => `--${n}`).join(', ');

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || parseNumber(arg) !== undefined) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const long = arg.length === 2 ? byShort.get(arg.slice(1)) : undefined;
      if (long === undefined) throw new UsageError(`unknown option ${arg} for ${command} (known: ${known()})`);
      name = long;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (spec === undefined) throw new UsageError(`unknown option --${name} for ${command} (known: ${known()})`);
    if (Object.prototype.hasOwnProperty.call(flags, name)) throw new UsageError(`--${name} given twice`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value, got ${JSON.stringify(inline)}`);
      flags[name] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value`);
      raw = next;
      i++;
    }
    flags[name] = convert(name, spec, raw);
  }
  return { positionals, flags: flags as ParsedArgs<T>['flags'] };
}
