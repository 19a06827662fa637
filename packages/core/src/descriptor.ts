/**
 * A schedule's descriptor: every fact about one schedule kind that is not its formula, declared once in
 * that schedule's file. The JSON readers, the PyTorch mapping, the documentation site, the fuzz suite
 * and the tests all read the descriptors (through `src/registry.ts`) instead of spelling the facts again.
 *
 * The descriptors are not reachable from the root entry's functions, so a bundle that only uses
 * `cosine(...)` does not carry them.
 *
 * @packageDocumentation
 */
import type { Schedule } from './schedule.js';
import type { AnyRules } from './internal/options.js';

/** How the playground, the reference and the fuzz suite may vary one option. */
export type OptionMeta =
  | {
      /** A number in `[min, max]`; `integer` for whole numbers. */
      readonly kind: 'number' | 'integer';
      readonly min: number;
      readonly max: number;
      /** Slider step. Default: 1 for integers, (max − min)/100 otherwise. */
      readonly step?: number;
      /** The value a sample of this schedule uses. */
      readonly sample: number;
      /** Options under which this one affects the values, when not always (e.g. `gamma` only in `exp_range`). */
      readonly when?: Readonly<Record<string, unknown>>;
      /** Absent by default (no default value): the sample leaves it out. */
      readonly absentInSample?: boolean;
    }
  | { readonly kind: 'boolean'; readonly sample: boolean; readonly when?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly sample: string; readonly when?: Readonly<Record<string, unknown>> }
  | {
      /** A non-decreasing list of steps, each in `[0, max]`. */
      readonly kind: 'steps';
      readonly max: number;
      readonly sample: readonly number[];
      readonly when?: Readonly<Record<string, unknown>>;
    }
  | {
      /** A list of numbers in `[min, max]`, `length` as in `sample`, or set by `lengthOf` (another option's length + `lengthOffset`). */
      readonly kind: 'numbers';
      readonly min: number;
      readonly max: number;
      readonly sample: readonly number[];
      /** The list is as long as the option `option`'s list plus `offset`. */
      readonly lengthOf?: { readonly option: string; readonly offset: number };
      readonly when?: Readonly<Record<string, unknown>>;
    }
  | {
      /** Not plain data (a user function): never in JSON, the playground or the fuzz suite. */
      readonly kind: 'function';
    }
  | {
      /** Accepted and without effect on the values, for the reason given (documented, tested as such). */
      readonly kind: 'inert';
      readonly why: string;
    };

/** A PyTorch class a schedule corresponds to. */
export interface TorchMapping<O = Record<string, unknown>> {
  /** The class name in `torch.optim.lr_scheduler`. */
  readonly class: string;
  /**
   * anneal option → PyTorch keyword, for the options PyTorch has. An option missing here has no PyTorch
   * keyword (the PyTorch spelling cannot set it).
   */
  readonly kwargs: { readonly [K in keyof O]?: string };
  /**
   * PyTorch keywords of the stateful class that the pure schedule has no option for, with the anneal
   * option name the class takes (`steps_per_epoch` → `stepsPerEpoch`).
   */
  readonly classKwargs?: Readonly<Record<string, string>>;
  /** Keywords PyTorch accepts and, in some cases, ignores: keyword → when and why (documented, tested as such). */
  readonly inert?: Readonly<Record<string, string>>;
  /** Folds the class-only options into the pure schedule's options (e.g. `epochs · stepsPerEpoch` → `totalSteps`). */
  readonly toPure?: (options: Record<string, unknown>) => Record<string, unknown>;
  /** The documentation page of the class. */
  readonly docs: string;
}

/** Child schedules of a combinator, by the key that holds them. */
export type ChildKey = 'schedule' | 'schedules';

/**
 * Everything about one schedule kind: `S` is its JSON form, `O` its options (the compiler then asks for
 * the metadata of every option, and the PyTorch keywords can only name real options). A descriptor is a
 * plain object literal, so that bundlers drop it when only the factory is used.
 */
export interface ScheduleDescriptor<S extends { type: string } = { type: string }, O = Record<string, unknown>> {
  /** The JSON `type`. */
  readonly type: S['type'];
  /** A short human name (`"Cosine annealing"`). */
  readonly label: string;
  /** The formula in TeX, for the reference. */
  readonly formula: string;
  /** The option rules (validation and defaults), shared with the factory and the stateful class. */
  readonly rules: AnyRules;
  /** Where a combinator's children sit in its JSON form. */
  readonly children?: ChildKey;
  /**
   * Builds the schedule from its JSON form with the children already read (`children` holds one
   * schedule for `'schedule'`, the list for `'schedules'`).
   */
  readonly create: (spec: Record<string, unknown>, children: readonly Schedule[]) => Schedule;
  /** The PyTorch class, where PyTorch has one. */
  readonly torch?: TorchMapping<O>;
  /** Per option: how it may be varied. */
  readonly options: { readonly [K in keyof O]-?: OptionMeta };
  /** Where the idea comes from (paper or library), for the reference. */
  readonly source?: string;
  /** Never set: carries the JSON form's type for {@link ScheduleDescriptor}'s users. */
  readonly specType?: S;
}
