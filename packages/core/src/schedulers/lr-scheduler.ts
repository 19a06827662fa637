/**
 * The stateful layer's base class: PyTorch's `_LRScheduler`, step for step.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, NonFiniteRateError, NotSerializableError } from '../errors.js';
import { checkOptimizer, type OptimizerLike } from './optimizer.js';
import { checkStep } from '../schedule.js';
import { loadState, saveState, stateNumber, stateNumbers, type SchedulerConfig, type SchedulerState, type SteppableScheduler } from './state.js';
import { checkPyTorch, withVersion, type PyTorchVersion } from './pytorch-version.js';

/**
 * Base of every stateful scheduler: PyTorch's `_LRScheduler` / `LRScheduler` semantics.
 *
 * - Construction performs the initial step (`lastEpoch` goes from -1 to 0 and the groups get the rate at 0).
 * - {@link LRScheduler.pytorch} selects PyTorch 2's stepping (the default) or 1.13's where they differ.
 * - `step()` advances `lastEpoch` by one and applies the scheduler's recursive (chainable) update, as
 *   PyTorch does; `step(epoch)` jumps to `epoch` and uses the closed form where the scheduler has one.
 * - `stateDict()` / `loadStateDict()` are plain JSON; a restored scheduler continues bit-identically.
 */
export abstract class LRScheduler implements SteppableScheduler {
  /** The PyTorch class name. */
  abstract readonly kind: string;
  /** The optimizer whose groups this scheduler drives. */
  readonly optimizer: OptimizerLike;
  /** Index of the last step taken (PyTorch `last_epoch`); -1 before the initial step. */
  lastEpoch: number;
  /** The PyTorch whose stepping this scheduler reproduces (option `pytorch`, default `'2'`): {@link PyTorchVersion}. */
  readonly pytorch: PyTorchVersion;
  /** The base rate of each group (PyTorch `base_lrs`). */
  baseLrs: number[] = [];
  /** Number of `step()` calls, the initial one included (PyTorch `_step_count`). */
  protected stepCount = 0;
  /** Rates set by the last step; refilled in place (`getLastLr()` and `stateDict()` hand out copies). */
  protected lastLr: number[] = [];
  /** The array {@link LRScheduler.output} hands out. */
  private outputArray: number[] = [];
  /** True while the initial step runs (PyTorch 2's `_is_initial`). */
  private initialMode = false;
  /** The values {@link LRScheduler.checked} has checked, until {@link LRScheduler.apply} writes them. */
  private checkedValues: readonly number[] | undefined = undefined;

  /**
   * `values` (the array of {@link LRScheduler.output}) for {@link LRScheduler.apply}, which then skips its own
   * check: `zero`, the sum of `v · 0` over them, was computed while they were (0 when all are finite), which
   * saves a pass over the groups.
   * @throws {@link NonFiniteRateError} for the first value that is not finite.
   */
  protected checked(values: number[], zero: number): number[] {
    if (zero !== 0) this.refuse(values);
    this.checkedValues = values;
    return values;
  }

  /** `lastEpoch` and `pytorch` are the options of every scheduler (`pytorch` is checked here). */
  protected constructor(optimizer: OptimizerLike, lastEpoch: number | undefined, pytorch: unknown) {
    this.optimizer = checkOptimizer(optimizer);
    if (lastEpoch !== undefined && (typeof lastEpoch !== 'number' || !Number.isFinite(lastEpoch) || lastEpoch < -1)) {
      throw new InvalidParameterError('lastEpoch', lastEpoch, 'a finite number >= -1');
    }
    this.lastEpoch = lastEpoch ?? -1;
    this.pytorch = checkPyTorch('pytorch', pytorch);
  }

  /**
   * Whether the step being computed keeps every group's rate where PyTorch's recursive (chainable) update
   * has such a rule (ExponentialLR, LinearLR after step 0, PolynomialLR, CosineAnnealingLR, MultiplicativeLR):
   * under `'1.13'` the step to `lastEpoch = 0`, under `'2'` the initial step, wherever it lands.
   */
  protected holdsRate(): boolean {
    return this.pytorch === '1.13' ? this.lastEpoch === 0 : this.initialMode;
  }

  /** The constructor options as JSON, or `null` when they hold a user function. */
  protected abstract options(): Record<string, unknown> | null;

  /**
   * The rates of the next step, PyTorch's `get_lr` (recursive where PyTorch's is). May return the array
   * of {@link LRScheduler.output}, which the step only reads.
   */
  protected abstract computeLr(): number[];

  /**
   * An array of `n` numbers owned by this scheduler, for `computeLr`/`closedFormLr` to fill and return
   * instead of allocating one per step. The same array every time (while `n` is unchanged): fill it,
   * return it, and keep no reference to it.
   */
  protected output(n: number): number[] {
    return this.outputArray.length === n ? this.outputArray : (this.outputArray = zeros(n));
  }

  /** The closed-form rates at `lastEpoch`, for schedulers that have one (PyTorch `_get_closed_form_lr`). */
  protected closedFormLr(): number[] | undefined {
    return undefined;
  }

  /** Extra state fields of a subclass. */
  protected extraState(): Record<string, unknown> {
    return {};
  }

  /** Restores the extra fields written by {@link LRScheduler.extraState}. */
  protected loadExtraState(_state: SchedulerState): void {}

  /** The tail of PyTorch's `_LRScheduler.__init__`: record `initialLr`, read `baseLrs`, take the initial step. */
  protected start(): void {
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === -1) {
      for (const group of groups) if (group.initialLr === undefined) group.initialLr = group.lr;
    } else {
      groups.forEach((group, i) => {
        if (group.initialLr === undefined) {
          throw new InvalidParameterError(`optimizer.paramGroups[${i}].initialLr`, undefined, `set when resuming with lastEpoch = ${this.lastEpoch} (a finite number)`);
        }
      });
    }
    this.baseLrs = groups.map((g) => g.initialLr as number);
    this.initialStep();
  }

  /** Resets the step counter and takes the initial step (PyTorch `_initial_step`); used by `SequentialLR`. */
  initialStep(): void {
    this.stepCount = 0;
    this.initialMode = true;
    try {
      this.step();
    } finally {
      this.initialMode = false;
    }
  }

  /**
   * What `SequentialLR` does to this scheduler at its milestone: restart it at step 0. Under `'1.13'`
   * that is `step(0)`; under `'2'` (PyTorch 2's `_update_lr(0)`) the same jump without counting a step,
   * and a scheduler without a closed form computes step 0 from where it stands (a
   * `CosineAnnealingWarmRestarts` keeps its position in the cycle).
   */
  takeOver(): void {
    if (this.pytorch === '1.13') {
      this.step(0);
      return;
    }
    this.lastEpoch = 0;
    this.apply(this.closedFormLr() ?? this.computeLr());
  }

  /**
   * Advances the schedule: with no argument by one step (the recursive update, exactly PyTorch's
   * arithmetic); with `epoch`, jumps there using the closed form where there is one.
   */
  step(epoch?: number): void {
    if (epoch !== undefined) {
      this.jump(epoch);
      return;
    }
    this.stepCount += 1;
    this.lastEpoch += 1;
    this.apply(this.computeLr());
  }

  /** `step(epoch)`: the closed form at `epoch` where there is one (kept out of `step()`, which runs every step). */
  private jump(epoch: number): void {
    checkStep(epoch); // before any change: a refused call leaves the state as it was
    this.stepCount += 1;
    this.lastEpoch = epoch;
    this.apply(this.closedFormLr() ?? this.computeLr());
  }

  /** Writes rates into the groups and records them. */
  protected apply(values: readonly number[]): void {
    const groups = this.optimizer.paramGroups;
    // Every rate is checked before any is written.
    if (values !== this.checkedValues) this.check(values);
    this.checkedValues = undefined;
    // Each rate is read back from its group (an adapter's group may store it differently) right after
    // it is written. PyTorch reads them back after all writes: the same, unless two groups share one
    // rate, which PyTorch forbids (a parameter in two groups).
    const last = this.lastLr.length === groups.length ? this.lastLr : this.resizeLastLr();
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      group.lr = values[i]!;
      last[i] = group.lr;
    }
  }

  /**
   * Throws for a rate in `values` that is not finite: v·0 is 0 for a finite v and NaN otherwise, so one sum
   * checks them all (faster than a test per rate with several groups; docs/benchmarks.md). A method of its
   * own so that `apply` stays small where it is skipped ({@link LRScheduler.checked}).
   */
  private check(values: readonly number[]): void {
    const n = this.optimizer.paramGroups.length;
    let zero = 0;
    for (let i = 0; i < n; i++) zero += values[i]! * 0;
    if (zero !== 0) this.refuse(values);
  }

  /** A new {@link LRScheduler.lastLr} with one entry per group (before the first step, or after groups were added). */
  private resizeLastLr(): number[] {
    return (this.lastLr = zeros(this.optimizer.paramGroups.length));
  }

  /** Throws for the first rate in `values` that is not a finite number (the test of `apply`: v·0 is not 0). */
  private refuse(values: readonly number[]): void {
    const groups = this.optimizer.paramGroups;
    for (let i = 0; i < groups.length; i++) {
      const v = values[i]!;
      if (v * 0 !== 0) throw new NonFiniteRateError(`${this.kind} at step ${this.lastEpoch}, param group ${i}`, v);
    }
  }

  /** The rates the last step set, one per group (PyTorch `get_last_lr()`). */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /** The scheduler's state as plain JSON: `lastEpoch`, `stepCount`, `baseLrs`, `lastLr` and the subclass's fields. */
  stateDict(): SchedulerState {
    return saveState(this.kind, this.configuration(), {
      lastEpoch: this.lastEpoch,
      stepCount: this.stepCount,
      baseLrs: [...this.baseLrs],
      lastLr: [...this.lastLr],
      ...this.extraState(),
    });
  }

  /**
   * Restores a state saved by {@link LRScheduler.stateDict} of the same kind and options, all or nothing.
   * On an optimizer with `restoreOnLoad` (the adapters' bindings) it then writes the saved rates, and the
   * cycled momentum, back into the groups ({@link LRScheduler.restoreGroups}); otherwise it leaves the
   * groups alone, as in PyTorch (restore the optimizer's own state for them).
   * @throws {@link StateDictError} for another kind, other options or a malformed field.
   */
  loadStateDict(state: SchedulerState): void {
    const n = this.optimizer.paramGroups.length;
    loadState(state, this.kind, this.configuration(), {
      read: (s) => ({
        state: s,
        lastEpoch: stateNumber(s, 'lastEpoch'),
        stepCount: stateNumber(s, 'stepCount'),
        baseLrs: stateNumbers(s, 'baseLrs', n),
        lastLr: stateNumbers(s, 'lastLr', n),
      }),
      apply: (f) => {
        // The subclass's fields first: loadExtraState checks all of them before writing any, so a refusal
        // there still leaves everything as it was.
        this.loadExtraState(f.state);
        this.lastEpoch = f.lastEpoch;
        this.stepCount = f.stepCount;
        this.baseLrs = f.baseLrs;
        this.lastLr = f.lastLr;
      },
    });
    if (this.optimizer.restoreOnLoad) this.restoreGroups();
  }

  /**
   * Writes the rates of the last step (`getLastLr()`) back into the groups, and the momentum of that step
   * for a scheduler that cycles it: the groups as they were after the step this scheduler's state records.
   * `loadStateDict` calls it on an optimizer with `restoreOnLoad`; call it yourself to resume on an
   * optimizer whose state you do not restore.
   */
  restoreGroups(): void {
    this.restoreMomentum();
    this.apply(this.lastLr);
  }

  /** Writes the momentum of step `lastEpoch` into the groups, for schedulers that cycle it. */
  protected restoreMomentum(): void {}

  /** The configuration as JSON, accepted back by `schedulerFromJSON`. */
  toJSON(): SchedulerConfig {
    const options = this.configuration();
    if (options === null) throw new NotSerializableError(`this ${this.kind}`);
    return { scheduler: this.kind, options };
  }

  /** {@link LRScheduler.options} with `pytorch` when it is not the default (so older JSON and states still match). */
  private configuration(): Record<string, unknown> | null {
    const options = this.options();
    return options && withVersion(options, this.pytorch);
  }
}

/** `n` zeros (kept out of the per-step methods, which call it only when the number of groups changed). */
function zeros(n: number): number[] {
  return Array.from({ length: n }, () => 0);
}
