import { InvalidParameterError } from '../errors.js';
import { knownKeys } from '../internal/validate.js';
import { compositePyTorch, loadState, saveState, stateNumbers, type SchedulerConfig, type SchedulerState, type SteppableScheduler } from './state.js';
import { checkOptimizer, type OptimizerLike } from './optimizer.js';
import { withVersion, type PyTorchVersion } from './pytorch-version.js';

/** Options of {@link ChainedScheduler}. */
export interface ChainedSchedulerOptions {
  /**
   * The optimizer every scheduler must drive (PyTorch 2's `ChainedScheduler(schedulers, optimizer)`);
   * default: the first scheduler's. Checked against every scheduler's, under either `pytorch`.
   */
  optimizer?: OptimizerLike;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default: the schedulers' (they must
   * all have the same). A chain steps the same way in both; its schedulers follow it.
   */
  pytorch?: PyTorchVersion;
}
import type { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { isPlateau, requireMetric } from './plateau-phase.js';

/**
 * PyTorch `ChainedScheduler`: every `step()` steps each scheduler in order on the same optimizer, so
 * their recursive updates compose (for multiplicative schedulers, the product of their factors). The
 * sub-schedulers' construction already applied their initial steps, one after the other.
 */
export class ChainedScheduler implements SteppableScheduler {
  readonly kind = 'ChainedScheduler';
  readonly optimizer: OptimizerLike;
  /** The chained schedulers. */
  readonly schedulers: readonly (SteppableScheduler | ReduceLROnPlateau)[];
  /** The PyTorch whose stepping it reproduces (option `pytorch`). */
  readonly pytorch: PyTorchVersion;
  private lastLr: number[];
  /**
   * @param schedulers - the schedulers, on one optimizer. A `ReduceLROnPlateau` among them is stepped with
   *   the metric of `step(metric)`; its reductions compose with the recursive (multiplicative) updates of the
   *   others, while a closed-form scheduler (`ScheduleLR`, `step(epoch)`-only ones) would overwrite them.
   */
  constructor(schedulers: (SteppableScheduler | ReduceLROnPlateau)[], options: ChainedSchedulerOptions = {}) {
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => typeof s?.step === 'function')) {
      throw new InvalidParameterError('schedulers', schedulers, 'a non-empty array of schedulers');
    }
    knownKeys('', options, ['optimizer', 'pytorch']);
    const given = options.optimizer !== undefined;
    const optimizer = given ? checkOptimizer(options.optimizer) : schedulers[0]!.optimizer;
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new InvalidParameterError(`schedulers[${i}].optimizer`, '(another optimizer)', `the optimizer ${given ? 'given' : 'of schedulers[0]'}`);
      }
    });
    this.pytorch = compositePyTorch(options.pytorch, schedulers);
    this.optimizer = optimizer;
    this.schedulers = [...schedulers];
    this.lastLr = optimizer.paramGroups.map((g) => g.lr);
  }
  /**
   * Steps every scheduler once, in order; a `ReduceLROnPlateau` among them gets `metric`.
   * @throws core's `SchedulerUsageError` when one is a `ReduceLROnPlateau` and `metric` is missing; nothing changes then.
   */
  step(metric?: number): void {
    const plateau = this.schedulers.findIndex(isPlateau);
    if (plateau >= 0) requireMetric(metric, 'ChainedScheduler', `schedulers[${plateau}]`);
    for (const s of this.schedulers) {
      if (isPlateau(s)) s.step(metric!);
      else s.step();
    }
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
    return saveState(this.kind, this.options(), {
      lastLr: [...this.lastLr],
      schedulers: this.schedulers.map((s) => s.stateDict()),
    });
  }
  /** Restores a state saved by {@link ChainedScheduler.stateDict}, all or nothing. */
  loadStateDict(state: SchedulerState): void {
    loadState(state, this.kind, this.options(), {
      children: this.schedulers as readonly SteppableScheduler[], // stateDict and loadStateDict only
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
  /** `pytorch` when it is not the default (a chain has no other option of its own). */
  private options(): Record<string, unknown> {
    return withVersion({}, this.pytorch);
  }
  /** The configuration as JSON. */
  toJSON(): SchedulerConfig {
    return { scheduler: this.kind, options: { ...this.options(), schedulers: this.schedulers.map((s) => s.toJSON()) } };
  }
}
