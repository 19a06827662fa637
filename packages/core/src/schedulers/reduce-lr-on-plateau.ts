import { InvalidParameterError } from '../errors.js';
import { finite, knownKeys, nonNegative, oneOf } from '../internal/validate.js';
import { loadState, saveState, stateNumber, stateNumbers, type SchedulerConfig, type SchedulerState } from './state.js';
import { checkOptimizer, perGroup, type OptimizerLike } from './optimizer.js';
import { checkPyTorch, withVersion, type PyTorchVersion } from './pytorch-version.js';

/** Options of {@link ReduceLROnPlateau}; PyTorch's defaults. */
export interface ReduceLROnPlateauOptions {
  /** `'min'`: the metric should fall (a loss); `'max'`: rise (an accuracy). Default `'min'`. */
  mode?: 'min' | 'max';
  /** Multiplier applied on a plateau, in [0, 1). Default `0.1`. */
  factor?: number;
  /**
   * Steps without improvement tolerated before reducing, >= 0: the rate is cut after more than `patience`
   * bad steps, so a fraction acts as PyTorch's does (1.5 acts as 1). Default `10`.
   */
  patience?: number;
  /** Minimal improvement that counts. Default `1e-4`. */
  threshold?: number;
  /** `'rel'`: improvement relative to the best (`best·(1 ∓ threshold)`); `'abs'`: `best ∓ threshold`. Default `'rel'`. */
  thresholdMode?: 'rel' | 'abs';
  /**
   * Steps to wait after a reduction before counting bad steps again, >= 0; the countdown subtracts 1 per
   * step as PyTorch's does, so a fraction acts as the next integer (1.5 acts as 2). Default `0`.
   */
  cooldown?: number;
  /** Lower bound of the rate, one or per group; a negative bound never binds (as in PyTorch). Default `0`. */
  minLr?: number | number[];
  /** A reduction smaller than this is skipped; 0 or less applies every reduction (as in PyTorch). Default `1e-8`. */
  eps?: number;
  /**
   * The PyTorch whose semantics to reproduce: {@link PyTorchVersion}. Default `'2'`. The values are the
   * same in both; `getLastLr()` (PyTorch 2, where ReduceLROnPlateau became an LRScheduler) works under either.
   */
  pytorch?: PyTorchVersion;
  /**
   * What a NaN metric does. `'count-as-bad'` (default): PyTorch's behaviour, NaN is never an improvement, so it
   * counts as a bad step and a diverging run is cut by `factor` after `patience` such steps, silently.
   * `'throw'`: `step(NaN)` throws an `InvalidParameterError` naming `metric`, before changing anything, so
   * the divergence stops the run. Not a PyTorch keyword: anneal's spelling only.
   */
  onNaN?: 'count-as-bad' | 'throw';
}

/**
 * PyTorch `ReduceLROnPlateau`: multiplies the rate by `factor` when the metric has not improved for more
 * than `patience` steps. Driven by `step(metric)`; a NaN metric counts as "no improvement", as in PyTorch,
 * unless `onNaN: 'throw'`.
 */
export class ReduceLROnPlateau {
  readonly kind = 'ReduceLROnPlateau';
  readonly optimizer: OptimizerLike;
  readonly mode: 'min' | 'max';
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly cooldown: number;
  readonly minLrs: number[];
  readonly eps: number;
  /** The PyTorch whose semantics it reproduces (option `pytorch`). */
  readonly pytorch: PyTorchVersion;
  /** What a NaN metric does: see {@link ReduceLROnPlateauOptions.onNaN}. */
  readonly onNaN: 'count-as-bad' | 'throw';
  /** The best metric so far; `null` before the first step (JSON: `"Infinity"`/`"-Infinity"` for infinite values). */
  best: number | null = null;
  /** Consecutive steps without improvement. */
  numBadEpochs = 0;
  /** Steps left in the current cooldown. */
  cooldownCounter = 0;
  /** Steps taken. */
  lastEpoch = 0;
  private lastLr: number[];
  private readonly minLrOption: number | number[];
  constructor(optimizer: OptimizerLike, options: ReduceLROnPlateauOptions = {}) {
    knownKeys('', options, ['mode', 'factor', 'patience', 'threshold', 'thresholdMode', 'cooldown', 'minLr', 'eps', 'pytorch', 'onNaN']);
    this.optimizer = checkOptimizer(optimizer);
    this.mode = oneOf('mode', options.mode ?? 'min', ['min', 'max'] as const);
    this.factor = finite('factor', options.factor ?? 0.1);
    if (this.factor < 0 || this.factor >= 1) throw new InvalidParameterError('factor', this.factor, 'a number in [0, 1)');
    this.patience = nonNegative('patience', options.patience ?? 10);
    this.threshold = nonNegative('threshold', options.threshold ?? 1e-4);
    this.thresholdMode = oneOf('thresholdMode', options.thresholdMode ?? 'rel', ['rel', 'abs'] as const);
    this.cooldown = nonNegative('cooldown', options.cooldown ?? 0);
    this.minLrOption = options.minLr ?? 0;
    this.minLrs = perGroup('minLr', this.minLrOption, this.optimizer.paramGroups.length, finite);
    this.eps = finite('eps', options.eps ?? 1e-8);
    this.pytorch = checkPyTorch('pytorch', options.pytorch);
    this.onNaN = oneOf('onNaN', options.onNaN ?? 'count-as-bad', ['count-as-bad', 'throw'] as const);
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /** Whether `a` improves on `best` by more than the threshold. */
  isBetter(a: number, best: number | null): boolean {
    const b = best ?? (this.mode === 'min' ? Infinity : -Infinity);
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < b * (1 - this.threshold);
    if (this.mode === 'min') return a < b - this.threshold;
    if (this.thresholdMode === 'rel') return a > b * (this.threshold + 1);
    return a > b + this.threshold;
  }

  /** Records `metric` for this step and reduces the rates after more than `patience` bad steps. */
  step(metric: number): void {
    if (typeof metric !== 'number') throw new InvalidParameterError('metric', metric, 'a number');
    if (Number.isNaN(metric) && this.onNaN === 'throw') {
      throw new InvalidParameterError('metric', metric, 'not NaN (onNaN: "throw")');
    }
    this.lastEpoch += 1;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs += 1;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.reduce();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  private reduce(): void {
    this.optimizer.paramGroups.forEach((group, i) => {
      const oldLr = group.lr;
      const newLr = Math.max(oldLr * this.factor, this.minLrs[i]!);
      if (oldLr - newLr > this.eps) group.lr = newLr;
    });
  }

  /** Whether a cooldown is running. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /** The rates after the last step. */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  private options(): Record<string, unknown> {
    return withVersion({
      mode: this.mode,
      factor: this.factor,
      patience: this.patience,
      threshold: this.threshold,
      thresholdMode: this.thresholdMode,
      cooldown: this.cooldown,
      minLr: this.minLrOption,
      eps: this.eps,
      // only when set: states and configurations saved without it stay loadable
      ...(this.onNaN === 'throw' && { onNaN: this.onNaN }),
    }, this.pytorch);
  }

  /**
   * State as plain JSON: `lastEpoch`, `lastLr`, `best` (`null` until a metric was seen), `numBadEpochs`
   * and `cooldownCounter`. It has no base rates: the rates are cut from whatever the groups hold.
   */
  stateDict(): SchedulerState {
    return saveState(this.kind, this.options(), {
      lastEpoch: this.lastEpoch,
      lastLr: [...this.lastLr],
      best: this.best === null || Number.isFinite(this.best) ? this.best : String(this.best),
      numBadEpochs: this.numBadEpochs,
      cooldownCounter: this.cooldownCounter,
    });
  }

  /** Restores a state saved by {@link ReduceLROnPlateau.stateDict}, all or nothing. */
  loadStateDict(state: SchedulerState): void {
    loadState(state, this.kind, this.options(), {
      read: (s) => ({
        best: s.best === null ? null : s.best === 'Infinity' ? Infinity : s.best === '-Infinity' ? -Infinity : stateNumber(s, 'best'),
        numBadEpochs: stateNumber(s, 'numBadEpochs'),
        cooldownCounter: stateNumber(s, 'cooldownCounter'),
        lastEpoch: stateNumber(s, 'lastEpoch'),
        lastLr: stateNumbers(s, 'lastLr', this.optimizer.paramGroups.length),
      }),
      apply: (fields) => {
        Object.assign(this, fields);
      },
    });
    if (this.optimizer.restoreOnLoad) this.restoreGroups();
  }

  /**
   * Writes the rates after the last step (`getLastLr()`) back into the groups. `loadStateDict` calls it on
   * an optimizer with `restoreOnLoad` (the adapters' bindings); call it yourself to resume on an optimizer
   * whose state you do not restore.
   */
  restoreGroups(): void {
    this.optimizer.paramGroups.forEach((g, i) => (g.lr = this.lastLr[i]!));
  }

  /** The configuration as JSON. */
  toJSON(): SchedulerConfig {
    return { scheduler: this.kind, options: this.options() };
  }
}
