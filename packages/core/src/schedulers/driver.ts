/**
 * The driver: what the framework adapters (`@anneal/optim`, `@anneal/tfjs`, `@anneal/onnxruntime-web`)
 * step, whatever their user passed (a pure schedule, a stateful scheduler, a `ReduceLROnPlateau`, or a
 * function that builds a scheduler on the optimizer). An adapter only translates the driver's rate into
 * its framework's mechanism.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, SchedulerUsageError, describeValue } from '../errors.js';
import { isFiniteNumber } from '../internal/validate.js';
import { checkStep, type Schedule } from '../schedule.js';
import { LRScheduler } from './lr-scheduler.js';
import type { OptimizerLike } from './optimizer.js';
import type { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { takesMetric } from './plateau-phase.js';
import { ScheduleLR } from './schedule-lr.js';
import type { SteppableScheduler } from './state.js';

/**
 * A stateful scheduler the driver can step: every core scheduler (the `LRScheduler` classes,
 * `SequentialLR`, `ChainedScheduler`, `ReduceLROnPlateau`) and any object with a `step` method.
 */
export interface DrivableScheduler {
  /** The PyTorch class name; `'ReduceLROnPlateau'` marks a scheduler stepped with a metric. */
  readonly kind?: string;
  /** The optimizer whose param groups it writes (optional when the driver is given the optimizer). */
  readonly optimizer?: OptimizerLike;
  /** Advances the scheduler: `step()`, or `step(metric)` for a `ReduceLROnPlateau`. */
  step(...args: never[]): void;
}

/**
 * Builds a scheduler on the optimizer it receives, for an adapter that only has the optimizer later (or
 * makes it): `(optimizer) => new CosineAnnealingLR(optimizer, { tMax: 100 })`. `O` is the adapter's
 * optimizer view (`@anneal/tfjs` passes its `OptimizerBinding`); the scheduler must be built on it.
 */
export type SchedulerFactory<S extends DrivableScheduler = SteppableScheduler | ReduceLROnPlateau, O extends OptimizerLike = OptimizerLike> = (optimizer: O) => S;

/** What a user hands an adapter: a pure schedule (or one per param group), a scheduler, or a factory. */
export type DriverSource<S extends DrivableScheduler = DrivableScheduler, O extends OptimizerLike = OptimizerLike> =
  | Schedule
  | readonly Schedule[]
  | S
  | SchedulerFactory<S, O>;

/** Options of {@link createScheduleDriver}. */
export interface ScheduleDriverOptions<O extends OptimizerLike = OptimizerLike> {
  /**
   * The optimizer whose param groups hold the rates (an adapter's view of its framework's optimizer). A
   * pure schedule drives it through a `ScheduleLR`, a factory builds on it, and a scheduler given as is
   * must drive it.
   */
  optimizer?: O;
  /**
   * Without `optimizer`: the base rate of a pure schedule or the starting rate of a factory's scheduler,
   * one for all or one per param group; the driver then keeps the rates in param groups of its own.
   * Must be absent with `optimizer` and with a scheduler given as is.
   */
  baseLr?: number | readonly number[];
  /** The source's name in error messages, as the adapter's user spelled it. Default `'source'`. */
  name?: string;
  /**
   * How error messages call the optimizer a factory receives. Default `'the optimizer it is given'`
   * (`@anneal/tfjs`: `'the binding it receives'`).
   */
  optimizerLabel?: string;
}

/**
 * One interface over every source, created by {@link createScheduleDriver}: the rates of the current
 * step, one step forward (with the metric for a `ReduceLROnPlateau`), a jump for schedulers with a closed
 * form, and the scheduler itself (to save its `stateDict()`).
 */
export interface ScheduleDriver<S extends DrivableScheduler = DrivableScheduler> {
  /**
   * `'schedule'`: a pure schedule, driven by a `ScheduleLR`; `'plateau'`: a `ReduceLROnPlateau` (or a
   * `SequentialLR` / `ChainedScheduler` holding one), whose `step` takes the metric; `'scheduler'`: any other scheduler.
   */
  readonly kind: 'schedule' | 'scheduler' | 'plateau';
  /** The optimizer whose param groups hold the rates: the one given, the scheduler's, or the driver's own. */
  readonly optimizer: OptimizerLike;
  /** The scheduler: the `ScheduleLR` of a pure schedule, the one the factory built, or the one given. */
  readonly scheduler: S;
  /** Whether {@link ScheduleDriver.stepTo} works: an `LRScheduler` (a `ScheduleLR` included). */
  readonly canJump: boolean;
  /**
   * The current rate of param group `group` (default `0`): the rate the next training step uses.
   * @throws {@link InvalidParameterError} when there is no such group.
   */
  lr(group?: number): number;
  /** The current rate of every param group. */
  lrs(): number[];
  /**
   * Advances one step: the scheduler's `step()` (a pure schedule moves to the next step), or
   * `step(metric)` for a `ReduceLROnPlateau`, with the metric of the step just taken.
   * @throws {@link SchedulerUsageError} when the metric is missing for a `ReduceLROnPlateau` or given
   *   to another scheduler.
   */
  step(metric?: number): void;
  /**
   * Jumps to step `t`, fractional allowed (`epoch + batch / batchesPerEpoch`): the scheduler's closed
   * form, `schedule.lr(t, baseLr)` for a pure schedule. The next `step()` continues from `t` by one.
   * @throws {@link InvalidParameterError} when `t` is negative or not finite.
   * @throws {@link SchedulerUsageError} when the scheduler cannot jump (`canJump` is false:
   *   `ReduceLROnPlateau`, `SequentialLR`, `ChainedScheduler`).
   */
  stepTo(t: number): void;
}

/**
 * Whether `value` is a pure {@link Schedule} (an object with a `type` and an `lr(t, baseLr)` method),
 * as the adapters tell a schedule from a scheduler.
 */
export function isSchedule(value: unknown): value is Schedule {
  return typeof value === 'object' && value !== null && typeof (value as Schedule).lr === 'function' && typeof (value as Schedule).type === 'string';
}

/** Whether `value` is an object with a `step` method: a scheduler, as far as the driver is concerned. */
export function isScheduler(value: unknown): value is DrivableScheduler {
  return typeof value === 'object' && value !== null && typeof (value as DrivableScheduler).step === 'function';
}

function isScheduleList(value: unknown): value is readonly Schedule[] {
  return Array.isArray(value) && value.length > 0 && value.every(isSchedule);
}

/**
 * The driver's own param groups, for a schedule or factory driven without an optimizer. Nothing else holds
 * their rates, so a scheduler's `loadStateDict` writes them back (`restoreOnLoad`).
 */
function ownOptimizer(baseLr: unknown, what: 'schedule' | 'factory'): OptimizerLike {
  if (isFiniteNumber(baseLr)) return { paramGroups: [{ lr: baseLr }], restoreOnLoad: true };
  if (Array.isArray(baseLr) && baseLr.length > 0) {
    return {
      restoreOnLoad: true,
      paramGroups: baseLr.map((v: unknown, i) => {
        if (!isFiniteNumber(v)) throw new InvalidParameterError(`baseLr[${i}]`, v, 'a finite number');
        return { lr: v };
      }),
    };
  }
  throw new InvalidParameterError(
    'baseLr',
    baseLr,
    what === 'schedule'
      ? 'a finite number (the base learning rate the schedule scales) when feeding a pure schedule'
      : "a finite number (the scheduler's starting rate) when a factory is given no optimizer",
  );
}

class Driver<S extends DrivableScheduler> implements ScheduleDriver<S> {
  readonly kind: 'schedule' | 'scheduler' | 'plateau';
  readonly canJump: boolean;

  constructor(
    readonly optimizer: OptimizerLike,
    readonly scheduler: S,
    pure: boolean,
  ) {
    this.kind = pure ? 'schedule' : scheduler.kind === 'ReduceLROnPlateau' || takesMetric(scheduler) ? 'plateau' : 'scheduler';
    this.canJump = scheduler instanceof LRScheduler;
  }

  lr(group = 0): number {
    const g = this.optimizer.paramGroups[group];
    if (g === undefined) {
      const n = this.optimizer.paramGroups.length;
      throw new InvalidParameterError('group', group, `an integer from 0 to ${n - 1} (the optimizer has ${n} param groups)`);
    }
    return g.lr;
  }

  lrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  step(metric?: number): void {
    if (this.kind === 'plateau') {
      if (typeof metric !== 'number') {
        throw new SchedulerUsageError(`a ReduceLROnPlateau is stepped with the metric of the step just taken: step(metric), got ${describeValue(metric)}`);
      }
      (this.scheduler as unknown as { step(metric: number): void }).step(metric);
      return;
    }
    if (metric !== undefined) throw metricRefused(this.name());
    (this.scheduler as unknown as { step(): void }).step();
  }

  stepTo(t: number): void {
    if (!this.canJump) throw new SchedulerUsageError(`${this.name()} cannot jump to a step; call step(...) instead`);
    (this.scheduler as unknown as LRScheduler).step(t);
  }

  private name(): string {
    if (this.kind === 'schedule') return 'a pure schedule';
    const kind = this.scheduler.kind;
    return typeof kind === 'string' ? kind : 'this scheduler';
  }
}

function metricRefused(what: string): SchedulerUsageError {
  return new SchedulerUsageError(`step(metric) is for a ReduceLROnPlateau; ${what} is stepped with step()`);
}

/**
 * A pure schedule on the driver's own param groups (no optimizer given, so nobody else reads them):
 * evaluated directly at the current step, which is all a step costs, until the scheduler or the groups
 * are asked for; from then on the `ScheduleLR`, brought to that step, drives them as for an optimizer.
 */
class OwnScheduleDriver implements ScheduleDriver<ScheduleLR> {
  readonly kind = 'schedule';
  readonly canJump = true;
  private position = 0;
  private settled = false;
  private readonly schedules: readonly Schedule[];
  private readonly bases: readonly number[];

  constructor(private readonly inner: Driver<ScheduleLR>) {
    this.schedules = inner.scheduler.schedules;
    this.bases = [...inner.scheduler.baseLrs];
  }

  get optimizer(): OptimizerLike {
    return this.settle().optimizer;
  }

  get scheduler(): ScheduleLR {
    return this.settle().scheduler;
  }

  lr(group = 0): number {
    const schedule = this.schedules[group];
    if (this.settled || schedule === undefined) return this.inner.lr(group);
    return schedule.lr(this.position, this.bases[group]!);
  }

  lrs(): number[] {
    if (this.settled) return this.inner.lrs();
    return this.schedules.map((s, i) => s.lr(this.position, this.bases[i]!));
  }

  step(metric?: number): void {
    if (this.settled) return this.inner.step(metric);
    if (metric !== undefined) throw metricRefused('a pure schedule');
    this.position += 1;
  }

  stepTo(t: number): void {
    if (this.settled) return this.inner.stepTo(t);
    checkStep(t);
    this.position = t;
  }

  private settle(): Driver<ScheduleLR> {
    if (!this.settled) {
      this.settled = true;
      if (this.position !== 0) this.inner.stepTo(this.position);
    }
    return this.inner;
  }
}

/**
 * Gives an adapter one interface over whatever its user passed:
 *
 * - a pure `Schedule`, or one per param group: driven by a `ScheduleLR` on `options.optimizer`, or on
 *   param groups of the driver's own made from `options.baseLr` (then the schedule is evaluated directly
 *   at the current step, and the `ScheduleLR` brought to that step when `scheduler` or `optimizer` is
 *   first read); `step()` moves to the next step, `stepTo(t)` to any step;
 * - a stateful scheduler (an `LRScheduler`, `SequentialLR`, `ChainedScheduler`, or any object with
 *   `step`): used as is; its `optimizer` (or `options.optimizer`) holds the rates;
 * - a `ReduceLROnPlateau`: the same, with `step(metric)`;
 * - a factory `(optimizer) => scheduler`: called once, on `options.optimizer` or the driver's own groups;
 *   the scheduler must be built on the optimizer it is given.
 *
 * No schedule math happens here: rates come from the schedule or scheduler, read back from the groups.
 *
 * @throws {@link InvalidParameterError} naming the source (`options.name`) when it is none of these, a
 *   factory that returns something else or a scheduler on another optimizer, a scheduler given as is
 *   that drives another optimizer than `options.optimizer` (or none), and `baseLr` when it is missing,
 *   not finite, or given where the groups already hold the rates; plus whatever the `ScheduleLR`
 *   constructor throws (a schedule array of the wrong length).
 *
 * @example
 * ```ts
 * const driver = createScheduleDriver(cosine({ tMax: 100 }), { baseLr: 0.1 });
 * for (let t = 0; t < 100; t++) {
 *   train(driver.lr()); // cosine's lr(t, 0.1)
 *   driver.step();
 * }
 * ```
 */
export function createScheduleDriver(source: Schedule | readonly Schedule[], options?: ScheduleDriverOptions): ScheduleDriver<ScheduleLR>;
export function createScheduleDriver<S extends DrivableScheduler, O extends OptimizerLike = OptimizerLike>(
  source: S | SchedulerFactory<S, O>,
  options?: ScheduleDriverOptions<O>,
): ScheduleDriver<S>;
export function createScheduleDriver<S extends DrivableScheduler, O extends OptimizerLike = OptimizerLike>(
  source: DriverSource<S, O>,
  options?: ScheduleDriverOptions<O>,
): ScheduleDriver<S | ScheduleLR>;
export function createScheduleDriver(source: unknown, options: ScheduleDriverOptions = {}): ScheduleDriver<DrivableScheduler> {
  const name = options.name ?? 'source';
  const given = options.optimizer;
  const { baseLr } = options;
  if (given !== undefined && baseLr !== undefined) {
    throw new InvalidParameterError('baseLr', baseLr, 'absent when an optimizer is given (its param groups hold the rates)');
  }
  if (isSchedule(source) || isScheduleList(source)) {
    const optimizer = given ?? ownOptimizer(baseLr, 'schedule');
    const driver = new Driver(optimizer, new ScheduleLR(optimizer, Array.isArray(source) ? [...(source as readonly Schedule[])] : (source as Schedule)), true);
    return given === undefined ? new OwnScheduleDriver(driver) : driver;
  }
  if (typeof source === 'function') {
    const optimizer = given ?? ownOptimizer(baseLr, 'factory');
    const built: unknown = (source as SchedulerFactory<DrivableScheduler>)(optimizer);
    if (!isScheduler(built)) throw new InvalidParameterError(name, built, 'a function returning a scheduler (an object with step())');
    if (built.optimizer !== undefined && built.optimizer !== optimizer) {
      throw new InvalidParameterError(name, '(a scheduler on another optimizer)', `a function returning an anneal scheduler built on ${options.optimizerLabel ?? 'the optimizer it is given'}`);
    }
    return new Driver(optimizer, built, false);
  }
  if (isScheduler(source)) {
    if (baseLr !== undefined) {
      throw new InvalidParameterError('baseLr', baseLr, "absent when feeding a scheduler (its optimizer's param groups hold the rates)");
    }
    const own = source.optimizer;
    if (own !== undefined && given !== undefined && own !== given) {
      throw new InvalidParameterError(`${name}.optimizer`, '(another optimizer)', 'the optimizer being driven');
    }
    const optimizer = own ?? given;
    if (!Array.isArray(optimizer?.paramGroups)) {
      throw new InvalidParameterError(`${name}.optimizer`, optimizer, 'an optimizer with paramGroups (the scheduler holds its rates there)');
    }
    return new Driver(optimizer, source, false);
  }
  throw new InvalidParameterError(
    name,
    source,
    'a Schedule (cosine({ tMax: 100 }), ...), an array of Schedules (one per param group), a scheduler, or a function (optimizer) => scheduler',
  );
}
