import { bool } from '../internal/validate.js';
import { resolveOptions, type AnyRules, type Resolved } from '../internal/options.js';
import { SchedulerUsageError } from '../errors.js';
import { LRScheduler } from './lr-scheduler.js';
import type { OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** Options every multiplicative scheduler shares. */
export interface FactorSchedulerOptions {
  /** Index of the last step when resuming; default `-1` (a fresh start). */
  lastEpoch?: number;
  /**
   * Make `step()` use the closed form (`baseLr · factor(t)`) instead of PyTorch's recursive update.
   * The two agree while nothing else changes the rate; default `false` (PyTorch's behaviour).
   */
  closedForm?: boolean;
  /** The PyTorch whose stepping to reproduce where 1.13 and 2 differ: {@link PyTorchVersion}. Default `'2'`. */
  pytorch?: PyTorchVersion;
}

/**
 * A scheduler whose rate is `baseLr · factor(t)`: PyTorch updates it recursively by multiplying the
 * current rate with a per-step factor, and jumps with the closed form. StepLR, MultiStepLR, ConstantLR,
 * LinearLR, ExponentialLR and PolynomialLR are this, each with its two formulas from its schedule file.
 */
export abstract class FactorScheduler extends LRScheduler {
  private readonly useClosedForm: boolean;

  /** Checks `options` with the pure schedule's `rules` (PyTorch's defaults and checks where they differ) and returns them resolved. */
  protected static settings<R extends AnyRules>(rules: R, options: unknown): Resolved<R> {
    return resolveOptions(rules, options, { torch: true, extra: ['lastEpoch', 'closedForm', 'pytorch'] });
  }

  /** `options` must have been checked by {@link FactorScheduler.settings}. */
  protected constructor(optimizer: OptimizerLike, options: FactorSchedulerOptions) {
    super(optimizer, options.lastEpoch, options.pytorch);
    this.useClosedForm = bool('closedForm', options.closedForm ?? false);
  }

  /**
   * Multiplier of the current rate when stepping to `lastEpoch` (PyTorch `get_lr`); `hold` is
   * {@link LRScheduler.holdsRate} (schedulers whose PyTorch update has no such rule ignore it).
   */
  protected abstract chainFactor(lastEpoch: number, hold: boolean): number;
  /** Multiplier of the base rate at `t` (PyTorch `_get_closed_form_lr`). */
  protected abstract factor(t: number): number;

  /** Adds `closedForm` to the JSON options when set. */
  protected withForm(options: Record<string, unknown>): Record<string, unknown> {
    return this.useClosedForm ? { ...options, closedForm: true } : options;
  }

  protected override computeLr(): number[] {
    if (this.useClosedForm) return this.closedFormLr();
    const f = this.chainFactor(this.lastEpoch, this.holdsRate());
    const groups = this.optimizer.paramGroups;
    const out = this.output(groups.length);
    for (let i = 0; i < groups.length; i++) out[i] = groups[i]!.lr * f;
    return out;
  }

  protected override closedFormLr(): number[] {
    const f = this.factor(this.lastEpoch);
    if (!Number.isFinite(f)) {
      throw new SchedulerUsageError(`${this.kind}: the closed form is undefined at step ${this.lastEpoch} with these options (PyTorch divides by zero here)`);
    }
    const out = this.output(this.baseLrs.length);
    for (let i = 0; i < out.length; i++) out[i] = this.baseLrs[i]! * f;
    return out;
  }
}
