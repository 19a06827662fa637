import { InvalidParameterError } from '../errors.js';
import { knownKeys, nonNegative } from '../internal/validate.js';
import { bisectRight } from '../internal/python.js';
import { LRScheduler } from './lr-scheduler.js';
import { compositePyTorch, loadState, saveState, stateNumber, stateNumbers, type SchedulerConfig, type SchedulerState, type SteppableScheduler } from './state.js';
import type { OptimizerLike } from './optimizer.js';
import { withVersion, type PyTorchVersion } from './pytorch-version.js';
import type { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { isPlateau, requireMetric, restartPlateau, stepPlateauPhase } from './plateau-phase.js';

/** Options of {@link SequentialLR}. */
export interface SequentialLROptions {
  /**
   * Schedulers built on the same optimizer, in order. A `ReduceLROnPlateau` may be a phase (PyTorch refuses
   * one): it starts from the groups' base rates at its hand-over and is driven by `step(metric)`.
   */
  schedulers: (LRScheduler | ReduceLROnPlateau)[];
  /**
   * Steps at which the next scheduler takes over; one fewer than the schedulers, each >= 0. Any order is
   * accepted, as in PyTorch, which locates the step with `bisect_right` on the list as given (so an
   * unsorted list hands over where that search lands, not "at each milestone").
   */
  milestones: number[];
  /**
   * PyTorch's `last_epoch`: the sequence starts counting at `lastEpoch + 1` instead of 0, which moves every
   * hand-over earlier and skips those already passed. Default `-1`. The sub-schedulers keep their own
   * `lastEpoch`.
   */
  lastEpoch?: number;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default: the schedulers' (they must
   * all have the same). `'2'` gives the initial step to the scheduler active at step 0 (the one after
   * every milestone at 0) and hands over with {@link LRScheduler.takeOver} (a jump to step 0 that does not
   * count as a step); `'1.13'` always starts the first scheduler and hands over with `step(0)`.
   */
  pytorch?: PyTorchVersion;
}

/**
 * PyTorch `SequentialLR`, quirks included, because recipes depend on them:
 * - building the sub-schedulers already stepped the optimizer's rates; `SequentialLR` resets every group
 *   to its `initialLr`, rewinds each sub-scheduler by one step and re-runs one initial step: the first
 *   scheduler's under `pytorch: '1.13'`, the one active at step 0 under `'2'`;
 * - at a milestone the next scheduler is restarted at step 0 ({@link LRScheduler.takeOver}), i.e. its
 *   closed form at 0 (its base rate), whatever the previous scheduler left; between milestones the active
 *   one steps recursively.
 * The pure `sequence` combinator gives the same values for closed-form schedules without the state.
 */
export class SequentialLR implements SteppableScheduler {
  readonly kind = 'SequentialLR';
  readonly optimizer: OptimizerLike;
  /** The sub-schedulers. */
  readonly schedulers: readonly (LRScheduler | ReduceLROnPlateau)[];
  /** The milestones. */
  readonly milestones: readonly number[];
  /** Steps taken (PyTorch `last_epoch`). */
  lastEpoch: number;
  /** The PyTorch whose stepping it reproduces (option `pytorch`). */
  readonly pytorch: PyTorchVersion;
  private lastLr: number[];
  constructor(optimizer: OptimizerLike, options: SequentialLROptions) {
    knownKeys('', options, ['schedulers', 'milestones', 'lastEpoch', 'pytorch']);
    const { schedulers } = options;
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => s instanceof LRScheduler || isPlateau(s))) {
      throw new InvalidParameterError('schedulers', schedulers, 'a non-empty array of schedulers (LRScheduler classes or ReduceLROnPlateau)');
    }
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new InvalidParameterError(`schedulers[${i}].optimizer`, '(another optimizer)', 'the optimizer given to SequentialLR');
      }
    });
    const raw = options.milestones;
    if (!Array.isArray(raw)) throw new InvalidParameterError('milestones', raw, 'an array of numbers');
    const milestones = raw.map((m, i) => nonNegative(`milestones[${i}]`, m));
    const lastEpoch = options.lastEpoch ?? -1;
    if (!Number.isSafeInteger(lastEpoch) || lastEpoch < -1) throw new InvalidParameterError('lastEpoch', lastEpoch, 'an integer >= -1');
    if (milestones.length !== schedulers.length - 1) {
      throw new InvalidParameterError('milestones', options.milestones, `an array of ${schedulers.length - 1} milestones (one fewer than the ${schedulers.length} schedulers)`);
    }
    this.pytorch = compositePyTorch(options.pytorch, schedulers);
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.milestones = milestones;
    this.lastEpoch = lastEpoch + 1;
    for (const group of optimizer.paramGroups) group.lr = group.initialLr ?? group.lr;
    for (const s of this.schedulers) s.lastEpoch -= 1;
    const first = this.schedulers[this.pytorch === '1.13' ? 0 : bisectRight(this.milestones, 0)]!;
    if (isPlateau(first)) restartPlateau(first);
    else first.initialStep();
    this.lastLr = isPlateau(first) ? optimizer.paramGroups.map((g) => g.lr) : first.getLastLr();
  }
  /**
   * Advances one step; at a milestone the next scheduler restarts from its step 0. `metric` drives a
   * `ReduceLROnPlateau` phase (required while one is active, its first value at the hand-over); in the
   * other phases it is ignored, and the plateau starts with no memory of it.
   * @throws core's `SchedulerUsageError` when a plateau phase is active and `metric` is missing; nothing changes then.
   */
  step(metric?: number): void {
    const next = bisectRight(this.milestones, this.lastEpoch + 1);
    if (isPlateau(this.schedulers[next])) requireMetric(metric, 'SequentialLR', `schedulers[${next}]`);
    this.lastEpoch += 1;
    const idx = bisectRight(this.milestones, this.lastEpoch);
    const scheduler = this.schedulers[idx]!;
    const handOver = idx > 0 && this.milestones[idx - 1] === this.lastEpoch;
    if (isPlateau(scheduler)) stepPlateauPhase(scheduler, metric!, handOver);
    else if (handOver) scheduler.takeOver();
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }
  /** The rates set by the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }
  private options() {
    return withVersion({ milestones: [...this.milestones] }, this.pytorch);
  }
  /** State of this and every sub-scheduler, as JSON: `lastEpoch`, `lastLr` and `schedulers`. */
  stateDict(): SchedulerState {
    return saveState(this.kind, this.options(), {
      lastEpoch: this.lastEpoch,
      lastLr: [...this.lastLr],
      schedulers: this.schedulers.map((s) => s.stateDict()),
    });
  }
  /** Restores a state saved by {@link SequentialLR.stateDict}, all or nothing. */
  loadStateDict(state: SchedulerState): void {
    loadState(state, this.kind, this.options(), {
      children: this.schedulers as readonly SteppableScheduler[], // stateDict and loadStateDict only
      read: (s) => ({ lastEpoch: stateNumber(s, 'lastEpoch'), lastLr: stateNumbers(s, 'lastLr', this.optimizer.paramGroups.length) }),
      apply: ({ lastEpoch, lastLr }) => {
        this.lastEpoch = lastEpoch;
        this.lastLr = lastLr;
      },
    });
    if (this.optimizer.restoreOnLoad) this.restoreGroups();
  }
  /**
   * Writes the last step's rates (and the active scheduler's momentum) back into the groups; see
   * `LRScheduler.restoreGroups`. `loadStateDict` calls it on an optimizer with `restoreOnLoad`.
   */
  restoreGroups(): void {
    this.schedulers[bisectRight(this.milestones, this.lastEpoch)]!.restoreGroups();
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = this.lastLr[i]!));
  }
  /** The configuration as JSON. */
  toJSON(): SchedulerConfig {
    return { scheduler: this.kind, options: { ...this.options(), schedulers: this.schedulers.map((s) => s.toJSON()) } };
  }
}
