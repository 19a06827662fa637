import { InvalidParameterError } from '../errors.js';
import { knownKeys, nonNegative } from '../internal/validate.js';
import { bisectRight } from '../internal/python.js';
import { LRScheduler } from './lr-scheduler.js';
import { loadState, saveState, stateNumber, stateNumbers, type SchedulerConfig, type SchedulerState, type SteppableScheduler } from './state.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link SequentialLR}. */
export interface SequentialLROptions {
  /** Schedulers built on the same optimizer, in order. */
  schedulers: LRScheduler[];
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
}

/**
 * PyTorch `SequentialLR`, quirks included, because recipes depend on them:
 * - building the sub-schedulers already stepped the optimizer's rates; `SequentialLR` resets every group
 *   to its `initialLr`, rewinds each sub-scheduler by one step and re-runs only the first one's initial step;
 * - at a milestone the next scheduler is restarted with `step(0)`, i.e. its closed form at 0 (its base
 *   rate), whatever the previous scheduler left; between milestones the active one steps recursively.
 * The pure `sequence` combinator gives the same values for closed-form schedules without the state.
 */
export class SequentialLR implements SteppableScheduler {
  readonly kind = 'SequentialLR';
  readonly optimizer: OptimizerLike;
  /** The sub-schedulers. */
  readonly schedulers: readonly LRScheduler[];
  /** The milestones. */
  readonly milestones: readonly number[];
  /** Steps taken (PyTorch `last_epoch`). */
  lastEpoch: number;
  private lastLr: number[];
  constructor(optimizer: OptimizerLike, options: SequentialLROptions) {
    knownKeys('', options, ['schedulers', 'milestones', 'lastEpoch']);
    const { schedulers } = options;
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => s instanceof LRScheduler)) {
      throw new InvalidParameterError('schedulers', schedulers, 'a non-empty array of schedulers (ReduceLROnPlateau cannot be sequenced)');
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
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.milestones = milestones;
    this.lastEpoch = lastEpoch + 1;
    for (const group of optimizer.paramGroups) group.lr = group.initialLr ?? group.lr;
    for (const s of this.schedulers) s.lastEpoch -= 1;
    this.schedulers[0]!.initialStep();
    this.lastLr = this.schedulers[0]!.getLastLr();
  }
  /** Advances one step; at a milestone the next scheduler restarts from its step 0. */
  step(): void {
    this.lastEpoch += 1;
    const idx = bisectRight(this.milestones, this.lastEpoch);
    const scheduler = this.schedulers[idx]!;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this.lastLr = scheduler.getLastLr();
  }
  /** The rates set by the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }
  private options() {
    return { milestones: [...this.milestones] };
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
      children: this.schedulers,
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
