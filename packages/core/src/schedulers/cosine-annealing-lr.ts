import { bool } from '../internal/validate.js';
import { pickRules, resolveOptions } from '../internal/options.js';
import {
  cosineBetween,
  cosineRecursiveApply,
  cosineRecursiveStep,
  cosineRules,
  cosineWeight,
  type cosineAnnealingValue,
  type cosineAnnealingRecursiveValue,
} from '../schedules/cosine.js';
import { LRScheduler } from './lr-scheduler.js';
import type { OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

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
  /** The PyTorch whose stepping to reproduce where 1.13 and 2 differ: {@link PyTorchVersion}. Default `'2'`. */
  pytorch?: PyTorchVersion;
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
    const { tMax, etaMin } = resolveOptions(pickRules(cosineRules, 'tMax', 'etaMin'), options, { torch: true, extra: ['lastEpoch', 'closedForm', 'pytorch'] });
    super(optimizer, options.lastEpoch, options.pytorch);
    this.tMax = tMax;
    this.etaMin = etaMin;
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
    const hold = this.holdsRate();
    // A first step that does not keep the rate (the initial step of a resume under '1.13') uses the closed
    // form, as PyTorch does (its `e·π` is the same product as `π·e`).
    if (!hold && this.stepCount === 1 && e > 0) return this.closedFormLr();
    // The cosines depend on the step only: once per step, then each group's update.
    const step = cosineRecursiveStep(e, this.tMax, hold);
    const { baseLrs, etaMin } = this;
    const groups = this.optimizer.paramGroups;
    const out = this.output(groups.length);
    let zero = 0;
    for (let i = 0; i < groups.length; i++) zero += (out[i] = cosineRecursiveApply(step, groups[i]!.lr, baseLrs[i]!, etaMin)) * 0;
    return this.checked(out, zero);
  }
  protected override closedFormLr(): number[] {
    const weight = cosineWeight(this.lastEpoch, this.tMax);
    const { baseLrs, etaMin } = this;
    const out = this.output(baseLrs.length);
    let zero = 0;
    for (let i = 0; i < baseLrs.length; i++) zero += (out[i] = cosineBetween(weight, baseLrs[i]!, etaMin)) * 0;
    return this.checked(out, zero);
  }
}
