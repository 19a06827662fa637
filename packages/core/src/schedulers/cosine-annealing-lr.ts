import { bool, finite, positive } from '../internal/validate.js';
import { cosineAnnealingRecursiveValue, cosineAnnealingValue } from '../schedules/cosine.js';
import { LRScheduler, schedulerOptions } from './lr-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link CosineAnnealingLR}. */
export interface CosineAnnealingLROptions {
  /** Half period: the rate reaches `etaMin` at `tMax` and, as in PyTorch, climbs back until `2·tMax`. */
  tMax: number;
  /** The floor. Default `0`. */
  etaMin?: number;
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /**
   * Use the closed form in `step()` instead of PyTorch's recursive update. The recursive form follows
   * whatever the rate currently is (so it keeps an external change, e.g. a manual halving, and drifts
   * from the closed form by float rounding over long runs); the closed form always gives the formula's value.
   * Default `false` (PyTorch).
   */
  closedForm?: boolean;
}

/**
 * PyTorch `CosineAnnealingLR`, with its recursive `step()` arithmetic. Formulas:
 * {@link cosineAnnealingValue} (closed) and {@link cosineAnnealingRecursiveValue} (recursive).
 */
export class CosineAnnealingLR extends LRScheduler {
  readonly kind = 'CosineAnnealingLR';
  readonly tMax: number;
  readonly etaMin: number;
  private readonly useClosedForm: boolean;
  constructor(optimizer: OptimizerLike, options: CosineAnnealingLROptions) {
    super(optimizer, schedulerOptions(options, ['tMax', 'etaMin', 'lastEpoch', 'closedForm']));
    this.tMax = positive('tMax', options.tMax);
    this.etaMin = finite('etaMin', options.etaMin ?? 0);
    this.useClosedForm = bool('closedForm', options.closedForm ?? false);
    this.start();
  }
  protected options() {
    const o: Record<string, unknown> = { tMax: this.tMax, etaMin: this.etaMin };
    if (this.useClosedForm) o.closedForm = true;
    return o;
  }
  protected override computeLr(): number[] {
    const e = this.lastEpoch;
    if (this.useClosedForm) return this.closedFormLr();
    if (e !== 0 && this.stepCount === 1 && e > 0) {
      // Resumed construction: PyTorch's first step uses the closed form, with its own operation order.
      return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + Math.cos((e * Math.PI) / this.tMax))) / 2);
    }
    return this.optimizer.paramGroups.map((g, i) =>
      cosineAnnealingRecursiveValue(e, g.lr, this.baseLrs[i]!, this.tMax, this.etaMin),
    );
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => cosineAnnealingValue(this.lastEpoch, this.tMax, b, this.etaMin));
  }
}
