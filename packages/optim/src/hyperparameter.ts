/**
 * `scheduleHyperparameter`: any schedule drives any numeric hyperparameter of an optimizer's param groups
 * (weight decay, momentum, Adam's beta1 or beta2, eps), one schedule per group if wanted. The values come
 * from core's `ScheduleLR` running on a view whose `lr` is the hyperparameter: no schedule math here.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, StateDictError, type Schedule } from '@anneal/core';
import { ScheduleLR, type OptimizerLike, type ParamGroup, type SchedulerState } from '@anneal/core/schedulers';
import { isFiniteNumber } from '@anneal/core/adapter';

/**
 * The hyperparameters {@link scheduleHyperparameter} can drive: a numeric field of each group (`lr`,
 * `weightDecay`, `momentum`, `dampening`, `eps`, or any other name the optimizer reads on every step), or
 * `beta1` / `beta2`, the two entries of Adam's `betas`.
 */
export type HyperparameterName = 'lr' | 'weightDecay' | 'momentum' | 'dampening' | 'eps' | 'beta1' | 'beta2' | (string & {});

/** Options of {@link scheduleHyperparameter}. */
export interface HyperparameterOptions {
  /**
   * The base value each schedule scales (`schedule.lr(t, base)`), one for all groups or one per group.
   * Default: each group's value of the hyperparameter when bound.
   */
  base?: number | readonly number[];
}

/** A {@link HyperparameterBinding}'s state as plain JSON. */
export interface HyperparameterState {
  /** Always `"HyperparameterBinding"`. */
  kind: 'HyperparameterBinding';
  /** The hyperparameter's name. */
  name: string;
  /** The driving `ScheduleLR`'s state. */
  scheduler: SchedulerState;
  /** Each group's value when saved. */
  values: number[];
}

/** Reads and writes one hyperparameter of a group. */
interface Slot {
  get(group: ParamGroup): unknown;
  set(group: ParamGroup, value: number): void;
}

function slotOf(name: string): Slot {
  if (name === 'beta1' || name === 'beta2') {
    const i = name === 'beta1' ? 0 : 1;
    return {
      get: (g) => (Array.isArray(g.betas) ? g.betas[i] : undefined),
      set: (g, v) => {
        // A new array, as OneCycleLR does for betas[0]: the optimizer reads `betas` afresh every step.
        const betas = [...(g.betas as number[])];
        betas[i] = v;
        g.betas = betas;
      },
    };
  }
  return {
    get: (g) => (g as unknown as Record<string, unknown>)[name],
    set: (g, v) => {
      (g as unknown as Record<string, unknown>)[name] = v;
    },
  };
}

/**
 * A schedule bound to one hyperparameter of every param group, created by {@link scheduleHyperparameter}.
 * The groups already hold the values of step 0; call `step()` after each optimizer step (or epoch).
 */
export class HyperparameterBinding {
  /** The hyperparameter driven. */
  readonly name: string;
  /** Core's `ScheduleLR`, driving a view whose `lr` is the hyperparameter. */
  readonly scheduler: ScheduleLR;
  private readonly view: OptimizerLike;

  /** Use {@link scheduleHyperparameter}. */
  constructor(name: string, view: OptimizerLike, scheduler: ScheduleLR) {
    this.name = name;
    this.view = view;
    this.scheduler = scheduler;
  }

  /** The current value in every group. */
  get values(): number[] {
    return this.view.paramGroups.map((g) => g.lr);
  }

  /** One step forward: each group's value becomes `schedule.lr(t + 1, base)`. */
  step(): void {
    this.scheduler.step();
  }

  /**
   * Jumps to step `t` (fractional allowed): each group's value becomes `schedule.lr(t, base)`.
   * @throws core's `InvalidParameterError` for a negative or non-finite `t`.
   */
  stepTo(t: number): void {
    this.scheduler.step(t);
  }

  /** The binding's state as plain JSON (the optimizer's own state is saved by `optimizer.stateDict()`). */
  stateDict(): HyperparameterState {
    return { kind: 'HyperparameterBinding', name: this.name, scheduler: this.scheduler.stateDict(), values: this.values };
  }

  /**
   * Restores a state saved by {@link HyperparameterBinding.stateDict}, the values included.
   * @throws {@link StateDictError} for another kind or hyperparameter, another number of groups, or a bad field.
   */
  loadStateDict(state: HyperparameterState): void {
    if (typeof state !== 'object' || state === null || state.kind !== 'HyperparameterBinding') {
      throw new StateDictError('kind', `expected a HyperparameterBinding state, got ${JSON.stringify((state as { kind?: unknown } | null)?.kind)}`);
    }
    if (state.name !== this.name) throw new StateDictError('name', `saved for ${JSON.stringify(state.name)}, this binding drives ${JSON.stringify(this.name)}`);
    const n = this.view.paramGroups.length;
    if (!Array.isArray(state.values) || state.values.length !== n || !state.values.every(isFiniteNumber)) {
      throw new StateDictError('values', `expected ${n} finite numbers, got ${JSON.stringify(state.values)}`);
    }
    try {
      this.scheduler.loadStateDict(state.scheduler);
    } catch (error) {
      if (error instanceof StateDictError) throw error.within('scheduler');
      throw error;
    }
    this.view.paramGroups.forEach((g, i) => (g.lr = state.values[i]!));
  }
}

/**
 * Drives the hyperparameter `name` of every param group of `optimizer` with a schedule (or one schedule
 * per group): at step `t` each group's value is `schedule.lr(t, base)`, where `base` is the group's value
 * when bound (or `options.base`). Any schedule works (a cosine weight-decay ramp, a warmup of beta2, a
 * step decay of momentum), and each group may have its own. The groups hold the values of step 0 on return.
 *
 * The reference optimizers read every hyperparameter afresh at each `step()`, and check it there: a value
 * the optimizer refuses (a beta of 1, a negative weight decay) throws at that step, naming the group.
 *
 * @param optimizer - an optimizer with `paramGroups` (`@anneal/optim`'s SGD, Adam, AdamW, or any other).
 * @param name - the field (`'weightDecay'`, `'momentum'`, `'eps'`, ...) or `'beta1'` / `'beta2'` (Adam's `betas`).
 * @param schedule - a schedule, or one per group.
 * @param options - `base`: see {@link HyperparameterOptions}.
 * @throws {@link InvalidParameterError} when a group lacks the hyperparameter (or it is not a finite number),
 *   for a bad `base`, or a schedule list of the wrong length.
 *
 * @example
 * ```ts
 * const optimizer = new AdamW(params, { lr: 1e-3, weightDecay: 0.1 });
 * const lr = bindSchedule(optimizer, cosine({ tMax: 1000 }));
 * const wd = scheduleHyperparameter(optimizer, 'weightDecay', cosine({ tMax: 1000, etaMin: 0.01 }));
 * for (let k = 0; k < 1000; k++) { ...; optimizer.step(); lr.step(); wd.step(); }
 * ```
 */
export function scheduleHyperparameter(
  optimizer: OptimizerLike,
  name: HyperparameterName,
  schedule: Schedule | readonly Schedule[],
  options: HyperparameterOptions = {},
): HyperparameterBinding {
  if (typeof optimizer !== 'object' || optimizer === null || !Array.isArray(optimizer.paramGroups) || optimizer.paramGroups.length === 0) {
    throw new InvalidParameterError('optimizer', optimizer, 'an optimizer with a non-empty paramGroups array');
  }
  if (typeof name !== 'string' || name === '' || name === 'params' || name === 'initialLr' || name === 'betas') {
    throw new InvalidParameterError('name', name, "a numeric hyperparameter of the groups ('weightDecay', 'momentum', 'eps', ...) or 'beta1' / 'beta2'");
  }
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an options object');
  const slot = slotOf(name);
  const groups = optimizer.paramGroups;
  groups.forEach((g, i) => {
    const v = slot.get(g);
    if (!isFiniteNumber(v)) throw new InvalidParameterError(`optimizer.paramGroups[${i}].${name}`, v, `a finite number (the group's ${name})`);
  });
  const { base } = options;
  let bases: number[];
  if (base === undefined) bases = groups.map((g) => slot.get(g) as number);
  else if (Array.isArray(base)) {
    if (base.length !== groups.length) throw new InvalidParameterError('options.base', base, `a number or an array of ${groups.length} numbers (one per group)`);
    bases = base.map((v: unknown, i) => {
      if (!isFiniteNumber(v)) throw new InvalidParameterError(`options.base[${i}]`, v, 'a finite number');
      return v;
    });
  } else {
    if (!isFiniteNumber(base)) throw new InvalidParameterError('options.base', base, 'a finite number or an array of finite numbers');
    bases = groups.map(() => base as number);
  }
  // The view: each group's `lr` is the hyperparameter, its `initialLr` the base the schedule scales.
  const view: OptimizerLike = {
    paramGroups: groups.map((g, i) => {
      const v = { initialLr: bases[i] } as ParamGroup;
      Object.defineProperty(v, 'lr', {
        enumerable: true,
        get: () => slot.get(g) as number,
        set: (value: number) => slot.set(g, value),
      });
      return v;
    }),
  };
  return new HyperparameterBinding(name, view, new ScheduleLR(view, Array.isArray(schedule) ? [...schedule] : (schedule as Schedule)));
}
