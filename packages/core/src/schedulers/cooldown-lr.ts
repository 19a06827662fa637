/**
 * `CooldownLR`: a schedule run statefully until the cooldown is started at run time, then the cooldown
 * from that step (`cooldown` in src/combinators has the formula).
 *
 * @packageDocumentation
 */
import { InvalidParameterError, StateDictError } from '../errors.js';
import type { Schedule } from '../schedule.js';
import { cooldown, cooldownRules, type CooldownOptions } from '../combinators/cooldown.js';
import { resolveOptions } from '../internal/options.js';
import { nonNegative } from '../internal/validate.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions, stateNumbers, type SchedulerState } from './state.js';
import { readMomentum, writeMomentum, type OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** Options of {@link CooldownLR}: the cooldown's shape (its start is decided later) and `lastEpoch`. */
export interface CooldownLROptions extends Omit<CooldownOptions, 'start'> {
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default `'2'`. A CooldownLR uses the
   * closed form, so both give the same values; it counts for a SequentialLR's hand-over.
   */
  pytorch?: PyTorchVersion;
}

/** Where a started cooldown branches off, as saved in the state dict. */
export interface CooldownWindow {
  /** The step the cooldown started from (the last step before it decays). */
  start: number;
  /** Its length in steps. */
  steps: number;
}

/**
 * Drives an optimizer with any pure schedule (one, or one per group) until {@link CooldownLR.startCooldown}
 * is called, then decays from the rate of that step with the configured shape over `steps` steps, down to
 * `minFactor` times it: the cooldown of a warmup-stable-decay run, branched off whichever checkpoint the
 * budget turned out to end at. Before the cooldown the rates are exactly those of `ScheduleLR` on the same
 * schedule; after it, exactly `cooldown({ start, steps, shape, minFactor }, schedule)`.
 *
 * The start is part of the state dict, so a run saved during its cooldown resumes inside it, and a run
 * saved before resumes without one.
 *
 * @example
 * ```ts
 * const scheduler = new CooldownLR(optimizer, warmup({ steps: 500 }, constant({ factor: 1 })), { steps: 2000, shape: 'sqrt' });
 * // ... train; the budget is decided at step 41_000:
 * scheduler.startCooldown(); // the next step() begins the decay
 * ```
 */
export class CooldownLR extends LRScheduler {
  readonly kind = 'CooldownLR';
  /** The schedule of each group. */
  readonly schedules: readonly Schedule[];
  private readonly shape: NonNullable<CooldownOptions['shape']>;
  private readonly minFactor: number;
  private readonly steps: number;
  private window: CooldownWindow | undefined;
  /** The schedules in use: `schedules`, or their cooldowns once started. */
  private active: readonly Schedule[];
  private baseMomentums: number[];

  /**
   * @param optimizer - the optimizer whose groups get the rates.
   * @param schedule - a schedule, or one per param group.
   * @param options - `steps` (required), `shape` (`'linear'`), `minFactor` (`0`), `lastEpoch`.
   * @throws {@link InvalidParameterError} for a bad option (named) or a schedule list of the wrong length.
   */
  constructor(optimizer: OptimizerLike, schedule: Schedule | readonly Schedule[], options: CooldownLROptions) {
    const lastEpoch = schedulerOptions(options, ['steps', 'shape', 'minFactor', 'lastEpoch', 'pytorch']);
    super(optimizer, lastEpoch, options.pytorch);
    const { steps, shape, minFactor } = resolveOptions(
      { steps: cooldownRules.steps, shape: cooldownRules.shape, minFactor: cooldownRules.minFactor },
      { steps: options.steps, ...(options.shape === undefined ? {} : { shape: options.shape }), ...(options.minFactor === undefined ? {} : { minFactor: options.minFactor }) },
      { type: 'cooldown' },
    );
    this.steps = steps;
    this.shape = shape;
    this.minFactor = minFactor;
    const n = this.optimizer.paramGroups.length;
    const list: readonly Schedule[] = Array.isArray(schedule) ? schedule : Array.from({ length: n }, () => schedule as Schedule);
    if (list.length !== n || !list.every((s) => typeof s?.lr === 'function')) {
      throw new InvalidParameterError('schedule', schedule, `a schedule or an array of ${n} schedules (one per param group)`);
    }
    this.schedules = list;
    this.active = list;
    this.baseMomentums = this.optimizer.paramGroups.map((g) => readMomentum(g) ?? 0);
    this.start();
  }

  /** The started cooldown (`start`, `steps`), or `undefined` before {@link CooldownLR.startCooldown}. */
  get cooldown(): CooldownWindow | undefined {
    return this.window === undefined ? undefined : { ...this.window };
  }

  /**
   * Starts the cooldown from the current step (`lastEpoch`): the rate now set stays the last rate of the
   * schedule, and the next `step()` is the first of the decay. `at` branches off another step instead
   * (a past one rewrites the rates of the next steps as if the cooldown had started there); `steps`
   * overrides the configured length. Calling it again moves the cooldown.
   * @throws {@link InvalidParameterError} for a negative or non-finite `at` or `steps`.
   */
  startCooldown(options: { at?: number; steps?: number } = {}): void {
    if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an options object');
    const start = options.at === undefined ? Math.max(0, this.lastEpoch) : nonNegative('at', options.at);
    const steps = options.steps === undefined ? this.steps : nonNegative('steps', options.steps);
    this.setWindow({ start, steps });
  }

  private setWindow(window: CooldownWindow | undefined): void {
    this.window = window;
    this.active =
      window === undefined
        ? this.schedules
        : this.schedules.map((s) => cooldown({ start: window.start, steps: window.steps, shape: this.shape, minFactor: this.minFactor }, s));
  }

  protected options() {
    let schedule: unknown;
    try {
      const specs = this.schedules.map((s) => s.toJSON());
      schedule = specs.every((s) => JSON.stringify(s) === JSON.stringify(specs[0])) ? specs[0] : specs;
    } catch {
      return null;
    }
    return { schedule, steps: this.steps, shape: this.shape, minFactor: this.minFactor };
  }

  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    const groups = this.optimizer.paramGroups;
    const { active, baseLrs, baseMomentums } = this;
    const out = this.output(active.length);
    for (let i = 0; i < active.length; i++) {
      const s = active[i]!;
      if (s.momentum !== undefined) writeMomentum(groups[i]!, s.momentum(t, baseMomentums[i]!));
      out[i] = s.lr(t, baseLrs[i]!);
    }
    return out;
  }

  protected override closedFormLr(): number[] {
    return this.computeLr();
  }

  protected override extraState() {
    return { baseMomentums: [...this.baseMomentums], cooldown: this.window === undefined ? null : { ...this.window } };
  }

  protected override loadExtraState(state: SchedulerState): void {
    const momentums = stateNumbers(state, 'baseMomentums', this.optimizer.paramGroups.length);
    const w = state.cooldown as Partial<CooldownWindow> | null | undefined;
    let window: CooldownWindow | undefined;
    if (w !== null) {
      const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
      if (typeof w !== 'object' || !ok(w.start) || !ok(w.steps)) {
        throw new StateDictError('cooldown', `expected null or { start, steps } (non-negative finite numbers), got ${JSON.stringify(w)}`);
      }
      window = { start: w.start!, steps: w.steps! };
    }
    this.baseMomentums = momentums;
    this.setWindow(window);
  }
}
