/**
 * Option rules: how each option of a schedule is checked and defaulted, declared once per schedule and
 * used by its pure factory, its stateful class and its JSON readers alike.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../errors.js';
import { knownKeys } from './validate.js';

/** Checks a given value and returns it (possibly normalised, e.g. a copy of an array). Throws naming `name`. */
export type Check<T> = (name: string, value: unknown) => T;

/**
 * One option's rule. `kind`:
 * - `'required'`: must be given;
 * - `'default'`: `value` when absent;
 * - `'derived'`: `derive(resolved)` when absent, from the options declared before it;
 * - `'optional'`: stays absent (`undefined`) when absent; the formula knows what absent means.
 *
 * `torch`, where PyTorch's class differs: its default when absent, and a stricter check.
 */
export type OptionRule<T> =
  | { readonly kind: 'required'; readonly check: Check<T>; readonly torch?: TorchRule<T> | undefined }
  | { readonly kind: 'default'; readonly check: Check<T>; readonly value: T; readonly torch?: TorchRule<T> | undefined }
  | { readonly kind: 'derived'; readonly check: Check<T>; readonly derive: (resolved: Record<string, unknown>) => T; readonly torch?: TorchRule<T> | undefined }
  | { readonly kind: 'optional'; readonly check: Check<T>; readonly torch?: TorchRule<T> | undefined };

/** How PyTorch's class differs from the pure schedule for one option. */
export interface TorchRule<T> {
  /** PyTorch's default, when it differs. */
  readonly value?: T;
  /** PyTorch's (stricter) check, when it differs. */
  readonly check?: Check<T>;
}

/** A required option. */
export const required = <T>(check: Check<T>, torch?: TorchRule<T>) => ({ kind: 'required', check, torch }) as const;
/** An option with a default. */
export const fallback = <T>(check: Check<T>, value: T, torch?: TorchRule<T>) => ({ kind: 'default', check, value, torch }) as const;
/** An option whose default depends on the options declared before it. */
export const derived = <T>(check: Check<T>, derive: (resolved: Record<string, unknown>) => T) => ({ kind: 'derived', check, derive }) as const;
/** An option that may stay absent. */
export const optional = <T>(check: Check<T>, torch?: TorchRule<T>) => ({ kind: 'optional', check, torch }) as const;

/** The rules of an options type: one per option, the compiler demands each. */
export type Rules<O> = { readonly [K in keyof O]-?: OptionRule<Exclude<O[K], undefined>> };

/** Any rule table. */
export type AnyRules = Record<string, OptionRule<unknown>>;

type ValueOf<R> = R extends OptionRule<infer T> ? T : never;
type OptionalKeys<R> = { [K in keyof R]: R[K] extends { kind: 'optional' } ? K : never }[keyof R];

/** The options after {@link resolveOptions}: every option present, except the `optional` ones. */
export type Resolved<R> = { -readonly [K in Exclude<keyof R, OptionalKeys<R>>]: ValueOf<R[K]> } & {
  -readonly [K in OptionalKeys<R>]?: ValueOf<R[K]>;
};

/** The JSON form of a schedule of kind `T` with the rules `R`. */
export type SpecOf<T extends string, R> = { type: T } & Resolved<R>;

/** What {@link resolveOptions} also accepts. */
export interface ResolveFlavour {
  /** The schedule kind: a `type` key (the JSON form) must name it. Absent: no `type` key is accepted. */
  readonly type?: string;
  /** Keys accepted besides the rules' (checked by the caller), e.g. `lastEpoch` of a stateful class. */
  readonly extra?: readonly string[];
  /** Use PyTorch's defaults and checks where they differ (stateful classes, PyTorch-spelled JSON). */
  readonly torch?: boolean;
}

/**
 * Checks `options` against `rules`: refuses unknown keys (a typo such as `gama` must not silently mean the
 * default), checks every given value, fills the defaults.
 * @throws {@link InvalidParameterError} naming the option and the value.
 */
export function resolveOptions<R extends AnyRules>(rules: R, options: unknown, flavour: ResolveFlavour = {}): Resolved<R> {
  const { type, extra = [], torch } = flavour;
  const given = knownKeys('', options, [...(type === undefined ? [] : ['type']), ...Object.keys(rules), ...extra]);
  if (type !== undefined && given.type !== undefined && given.type !== type) throw new InvalidParameterError('type', given.type, JSON.stringify(type));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rules)) {
    const rule = rules[key]!;
    const differs = torch === true ? rule.torch : undefined;
    const check = differs?.check ?? rule.check;
    const value = given[key];
    if (value !== undefined) out[key] = check(key, value);
    else if (differs?.value !== undefined) out[key] = differs.value;
    else if (rule.kind === 'default') out[key] = rule.value;
    else if (rule.kind === 'derived') out[key] = rule.derive(out);
    else if (rule.kind === 'required') out[key] = check(key, undefined);
  }
  return out as Resolved<R>;
}

/** The JSON form: `type` first, then the resolved options (absent optional ones stay absent). */
export function specOf<T extends string, R>(type: T, resolved: Resolved<R>): SpecOf<T, R> {
  return { type, ...resolved } as SpecOf<T, R>;
}

/** The rules of the listed options only (a stateful class that takes a subset of the pure schedule's options). */
export function pickRules<R extends AnyRules, K extends keyof R & string>(rules: R, ...keys: K[]): Pick<R, K> {
  const out = {} as Pick<R, K>;
  for (const key of keys) out[key] = rules[key];
  return out;
}

/**
 * PyTorch's default factor 1/3 (`ConstantLR`, `LinearLR`), written as a literal: bundlers treat `1 / 3` as
 * code with effects and keep every rule table that holds it (a test checks it equals `1 / 3`).
 */
export const ONE_THIRD = 0.3333333333333333;
