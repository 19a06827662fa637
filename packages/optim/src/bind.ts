/**
 * `bindSchedule`: one call from a schedule (or a scheduler) and a rate target to a handle you step.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, StateDictError, type Schedule } from '@anneal/core';
import {
  ScheduleLR,
  type OptimizerLike,
  type ParamGroup,
  type SchedulerState,
} from '@anneal/core/schedulers';
import {
  createScheduleDriver,
  isFiniteNumber,
  isSchedule,
  isScheduler,
  type ScheduleDriver,
  type SchedulerFactory,
} from '@anneal/core/adapter';
import { scheduleFromJSON, schedulerFromJSON, type AnyScheduler, type TorchSchedulerSpec } from '@anneal/core/json';
import { asOptimizerLike, type BindTarget, type TargetOptions } from './target.js';

/**
 * What `bindSchedule` can drive: every core scheduler (the `LRScheduler` classes, `SequentialLR`,
 * `ChainedScheduler`, `ReduceLROnPlateau`) and any object with the same four methods.
 */
export interface BindableScheduler {
  /** Advances the scheduler; the arguments are the scheduler's own (none, an epoch, or a metric). */
  step(...args: never[]): void;
  /** The rates set by the last step, one per group. */
  getLastLr(): number[];
  /** The scheduler's state as plain JSON. */
  stateDict(): SchedulerState;
  /** Restores a state saved by `stateDict()`. */
  loadStateDict(state: SchedulerState): void;
}

/** A binding's state as plain JSON: the scheduler's state and the target's current rates. */
export interface BindingState {
  /** Always `"ScheduleBinding"`. */
  kind: 'ScheduleBinding';
  /** The scheduler's `stateDict()`. */
  scheduler: SchedulerState;
  /** Each group's rate (and base rate, momentum, betas when it has them) when the state was saved. */
  groups: BindingGroupState[];
}

/** One group of a {@link BindingState}. */
export interface BindingGroupState {
  /** The rate the target held. */
  lr: number;
  /** The base rate (core's `initialLr`). */
  initialLr?: number;
  /** The momentum, for groups that have one. */
  momentum?: number;
  /** Adam-style betas, for groups that have them. */
  betas?: number[];
}

/**
 * A schedule or scheduler as JSON, read by `@anneal/core/json`: anneal's spelling of a pure schedule
 * (`{ type: 'cosine', tMax: 100 }`), PyTorch's spelling of a scheduler (`{ scheduler: 'CosineAnnealingLR',
 * kwargs: { T_max: 100 } }`), or anneal's (`{ scheduler: 'CosineAnnealingLR', options: { tMax: 100 } }`). A
 * `scheduler` spec is built as that scheduler on the target; a `type` spec drives it as a pure schedule.
 */
export type SourceJSON = { type: string; [option: string]: unknown } | TorchSchedulerSpec | { scheduler: string; options?: Record<string, unknown> };

/** A JSON object naming a kind (`type` or `scheduler`) that is neither a schedule nor a scheduler. */
function isSpec(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isSchedule(value) || isScheduler(value)) return false;
  const v = value as { type?: unknown; scheduler?: unknown };
  return typeof v.type === 'string' || typeof v.scheduler === 'string';
}

/** Options of {@link bindSchedule}: those of {@link asOptimizerLike}. */
export type BindOptions = TargetOptions;

/**
 * A schedule or scheduler bound to a rate target. Created by {@link bindSchedule}, which already performed
 * the scheduler's initial step: the target holds the rate of step 0. Call `step()` after each optimizer
 * step (or each epoch), as with a PyTorch scheduler.
 */
export class ScheduleBinding<S extends BindableScheduler = ScheduleLR> {
  /** The param groups the scheduler writes (the target itself when it was an optimizer). */
  readonly optimizer: OptimizerLike;
  /** The scheduler driving the target: a `ScheduleLR` for a pure schedule, else the one the factory built. */
  readonly scheduler: S;
  /** Core's driver over `scheduler`: it reads the rates and steps. */
  private readonly driver: ScheduleDriver<S>;

  /** Use {@link bindSchedule}. */
  constructor(optimizer: OptimizerLike, scheduler: S) {
    this.driver = createScheduleDriver(scheduler, { optimizer, name: 'scheduler' });
    this.optimizer = optimizer;
    this.scheduler = scheduler;
  }

  /** The current rate of the first group (what the target holds, or what the setter last received). */
  get lr(): number {
    return this.driver.lr();
  }

  /** The current rate of every group. */
  get lrs(): number[] {
    return this.driver.lrs();
  }

  /**
   * Steps the scheduler with its own arguments: none for one step, `step(epoch)` to jump (as
   * {@link ScheduleBinding.stepTo}), and `step(metric)` for `ReduceLROnPlateau`.
   * @throws core's `SchedulerUsageError` when the metric is missing for a `ReduceLROnPlateau`, or for a jump
   *   the scheduler cannot make.
   */
  step(...args: Parameters<S['step']>): void {
    const value = (args as unknown[])[0] as number | undefined;
    if (value === undefined || this.driver.kind === 'plateau') this.driver.step(value);
    else this.driver.stepTo(value);
  }

  /**
   * Jumps to step `t`, fractional allowed (e.g. `epoch + batch / batchesPerEpoch`): for a pure schedule the
   * rate becomes exactly `schedule.lr(t, baseLr)`; for a core `LRScheduler` it is its `step(t)`.
   * A later `step()` continues from `t` by one.
   * @throws {@link InvalidParameterError} when `t` is negative or not finite.
   * @throws core's `SchedulerUsageError` for a scheduler that cannot jump (`ReduceLROnPlateau`,
   * `SequentialLR`, `ChainedScheduler`).
   */
  stepTo(t: number): void {
    this.driver.stepTo(t);
  }

  /**
   * The binding's state as plain JSON: the scheduler's state and each group's current rate, so that
   * {@link ScheduleBinding.loadStateDict} on a fresh binding continues exactly where this one stands.
   * An optimizer's own buffers (momentum, Adam moments) are not included: save `optimizer.stateDict()` too.
   */
  stateDict(): BindingState {
    return {
      kind: 'ScheduleBinding',
      scheduler: this.scheduler.stateDict(),
      groups: this.optimizer.paramGroups.map(groupState),
    };
  }

  /**
   * Restores a state saved by {@link ScheduleBinding.stateDict}: the scheduler's state, then each group's
   * rate, base rate, momentum and betas, written to the target (a setter target is called with the
   * restored rate). Validates everything before writing anything.
   * @throws {@link StateDictError} for another kind, another number of groups, another scheduler or
   * scheduler options, or a malformed field.
   */
  loadStateDict(state: BindingState): void {
    if (typeof state !== 'object' || state === null || state.kind !== 'ScheduleBinding') {
      throw new StateDictError('kind', `expected a ScheduleBinding state, got ${JSON.stringify((state as { kind?: unknown } | null)?.kind)}`);
    }
    const n = this.optimizer.paramGroups.length;
    if (!Array.isArray(state.groups) || state.groups.length !== n) {
      throw new StateDictError('groups', `expected ${n} groups, got ${Array.isArray(state.groups) ? state.groups.length : typeof state.groups}`);
    }
    const groups = state.groups.map((g, i) => readGroupState(g, `groups[${i}]`));
    try {
      this.scheduler.loadStateDict(state.scheduler);
    } catch (error) {
      if (error instanceof StateDictError) throw error.within('scheduler');
      throw error;
    }
    this.optimizer.paramGroups.forEach((group, i) => {
      const saved = groups[i]!;
      if (saved.initialLr !== undefined) group.initialLr = saved.initialLr;
      if (saved.momentum !== undefined) group.momentum = saved.momentum;
      if (saved.betas !== undefined) group.betas = [...saved.betas];
      group.lr = saved.lr;
    });
  }
}

function groupState(group: ParamGroup): BindingGroupState {
  const out: BindingGroupState = { lr: group.lr };
  if (group.initialLr !== undefined) out.initialLr = group.initialLr;
  if (group.momentum !== undefined) out.momentum = group.momentum;
  if (group.betas !== undefined) out.betas = [...group.betas];
  return out;
}

function readGroupState(value: unknown, path: string): BindingGroupState {
  if (typeof value !== 'object' || value === null) throw new StateDictError(path, `expected an object, got ${JSON.stringify(value)}`);
  const g = value as Record<string, unknown>;
  const num = (key: string, optional: boolean): number | undefined => {
    const v = g[key];
    if (v === undefined && optional) return undefined;
    if (!isFiniteNumber(v)) throw new StateDictError(`${path}.${key}`, `expected a finite number, got ${JSON.stringify(v)}`);
    return v;
  };
  const out: BindingGroupState = { lr: num('lr', false)! };
  const initialLr = num('initialLr', true);
  const momentum = num('momentum', true);
  if (initialLr !== undefined) out.initialLr = initialLr;
  if (momentum !== undefined) out.momentum = momentum;
  if (g.betas !== undefined) {
    if (!Array.isArray(g.betas) || !g.betas.every(isFiniteNumber)) {
      throw new StateDictError(`${path}.betas`, `expected an array of finite numbers, got ${JSON.stringify(g.betas)}`);
    }
    out.betas = [...(g.betas as number[])];
  }
  return out;
}

/**
 * Binds a pure schedule, or a core scheduler, to a rate target and performs the initial step (the target
 * now holds the rate of step 0). No schedule math happens here: rates come from core.
 *
 * - `bindSchedule(target, schedule)`: the target follows `schedule.lr(t, baseLr)` through core's `ScheduleLR`
 *   (one schedule, or one per group); `step()` advances `t` by one, `stepTo(t)` jumps (fractional allowed).
 *   A schedule that cycles momentum (one-cycle, cyclic) also drives each group's `momentum` / `betas[0]`.
 * - `bindSchedule(target, (optimizer) => new CosineAnnealingLR(optimizer, {...}))`: any core scheduler, built on
 *   the target's adapter; `step(...)` forwards its arguments (`step(metric)` for `ReduceLROnPlateau`).
 *
 * @param target - see {@link BindTarget}: `{ lr }`, `{ learningRate }`, a setter, an array of those, or an optimizer.
 * @param schedule - a `Schedule`, an array of one per group, or a function building a scheduler on the optimizer it gets.
 * @param options - `baseLr`: the base rate(s); required for setter targets.
 * @throws {@link InvalidParameterError} for an unusable target or `baseLr` (see {@link asOptimizerLike}), or
 * a factory whose scheduler is built on another optimizer; plus whatever the scheduler's constructor throws.
 *
 * @example
 * ```ts
 * const trainOpts = { learningRate: 0.3 };
 * const binding = bindSchedule(trainOpts, cosine({ tMax: 100, etaMin: 0.01 }));
 * for (let epoch = 0; epoch < 100; epoch++) {
 *   // ... train one epoch with trainOpts.learningRate ...
 *   binding.step();
 * }
 * ```
 */
export function bindSchedule(target: BindTarget, schedule: Schedule | readonly Schedule[], options?: BindOptions): ScheduleBinding<ScheduleLR>;
/**
 * Binds a core scheduler: `create` builds it on the optimizer made from `target` (see the first overload).
 * @example
 * ```ts
 * const binding = bindSchedule({ lr: 0.1 }, (optimizer) => new ReduceLROnPlateau(optimizer, { patience: 2 }));
 * binding.step(validationLoss);
 * ```
 */
export function bindSchedule<S extends BindableScheduler>(target: BindTarget, create: SchedulerFactory<S>, options?: BindOptions): ScheduleBinding<S>;
/**
 * Binds a schedule or scheduler given as JSON ({@link SourceJSON}), in PyTorch's spelling or anneal's: a
 * `scheduler` spec is built on the target by `schedulerFromJSON`, a `type` spec is read by
 * `scheduleFromJSON` and bound as a pure schedule.
 * @example
 * ```ts
 * const binding = bindSchedule({ lr: 0.1 }, { scheduler: 'StepLR', kwargs: { step_size: 30, gamma: 0.1 } });
 * ```
 */
export function bindSchedule(target: BindTarget, json: SourceJSON, options?: BindOptions): ScheduleBinding<BindableScheduler>;
export function bindSchedule(
  target: BindTarget,
  source: Schedule | readonly Schedule[] | SchedulerFactory<BindableScheduler> | SourceJSON,
  options: BindOptions = {},
): ScheduleBinding<BindableScheduler> {
  let schedule = source as Schedule | readonly Schedule[] | SchedulerFactory<BindableScheduler>;
  if (isSpec(source)) {
    const json = source;
    schedule = typeof json.scheduler === 'string' ? (o: OptimizerLike) => schedulerFromJSON(o, json) as AnyScheduler & BindableScheduler : scheduleFromJSON(json);
  }
  const optimizer = asOptimizerLike(target, options);
  // Core's driver tells a schedule from a factory (and checks what the factory built); the binding then
  // drives the resulting scheduler.
  const { scheduler } = createScheduleDriver<BindableScheduler>(schedule, { optimizer, name: 'schedule' });
  // The binding saves and restores the scheduler's state: a factory's scheduler must be able to.
  if (!SAVING.every((m) => typeof (scheduler as unknown as Record<string, unknown>)[m] === 'function')) {
    throw new InvalidParameterError('schedule', scheduler, 'a function returning a scheduler (step, getLastLr, stateDict, loadStateDict)');
  }
  return new ScheduleBinding(optimizer, scheduler);
}

const SAVING = ['getLastLr', 'stateDict', 'loadStateDict'];
