import { InvalidParameterError } from '../errors.js';
import { loadState, saveState, stateNumbers, type SchedulerConfig, type SchedulerState, type SteppableScheduler } from './state.js';
import type { OptimizerLike } from './optimizer.js';

/**
 * PyTorch `ChainedScheduler`: every `step()` steps each scheduler in order on the same optimizer, so
 * their recursive updates compose (for multiplicative schedulers, the product of their factors). The
 * sub-schedulers' construction already applied their initial steps, one after the other.
 */
export class ChainedScheduler implements SteppableScheduler {
  readonly kind = 'ChainedScheduler';
  readonly optimizer: OptimizerLike;
  /** The chained schedulers. */
  readonly schedulers: readonly SteppableScheduler[];
  private lastLr: number[];
  constructor(schedulers: SteppableScheduler[]) {
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => typeof s?.step === 'function')) {
      throw new InvalidParameterError('schedulers', schedulers, 'a non-empty array of schedulers');
    }
    const optimizer = schedulers[0]!.optimizer;
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new InvalidParameterError(`schedulers[${i}].optimizer`, '(another optimizer)', 'the optimizer of schedulers[0]');
      }
    });
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.lastLr = optimizer.paramGroups.map((g) => g.lr);
  }
  /** Steps every scheduler once, in order. */
  step(): void {
    for (const s of this.schedulers) s.step();
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }
  /** The rates after the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }
  /**
   * State of every sub-scheduler, as JSON: `lastLr` and `schedulers` (a chain has no options and no step
   * counter of its own: its sub-schedulers count their steps).
   */
  stateDict(): SchedulerState {
    return saveState(this.kind, {}, {
      lastLr: [...this.lastLr],
      schedulers: this.schedulers.map((s) => s.stateDict()),
    });
  }
  /** Restores a state saved by {@link ChainedScheduler.stateDict}, all or nothing. */
  loadStateDict(state: SchedulerState): void {
    loadState(state, this.kind, {}, {
      children: this.schedulers,
      read: (s) => stateNumbers(s, 'lastLr', this.optimizer.paramGroups.length),
      apply: (lastLr) => {
        this.lastLr = lastLr;
      },
    });
    if (this.optimizer.restoreOnLoad) this.restoreGroups();
  }
  /**
   * Writes the last step's rates back into the groups, after each sub-scheduler's own (momentum
   * included) in order; see `LRScheduler.restoreGroups`. `loadStateDict` calls it on an optimizer with
   * `restoreOnLoad`.
   */
  restoreGroups(): void {
    for (const s of this.schedulers) (s as Partial<{ restoreGroups(): void }>).restoreGroups?.();
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = this.lastLr[i]!));
  }
  /** The configuration as JSON. */
  toJSON(): SchedulerConfig {
    return { scheduler: this.kind, options: { schedulers: this.schedulers.map((s) => s.toJSON()) } };
  }
}
