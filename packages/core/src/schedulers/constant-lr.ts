import { InvalidParameterError } from '../errors.js';
import { constantChainFactor, constantFactor, constantRules } from '../schedules/constant.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link ConstantLR}. */
export interface ConstantLROptions extends FactorSchedulerOptions {
  /** Multiplier until `totalIters`, in (0, 1]. Default `1/3`. */
  factor?: number;
  /** Step at which the full rate returns. Default `5`. */
  totalIters?: number;
}

/** PyTorch `ConstantLR`: `factor · baseLr` until `totalIters`, then `baseLr`. Formula: {@link constantFactor}. */
export class ConstantLR extends FactorScheduler {
  readonly kind = 'ConstantLR';
  readonly constantFactor: number;
  readonly totalIters: number;
  constructor(optimizer: OptimizerLike, options: ConstantLROptions = {}) {
    const { factor, totalIters } = FactorScheduler.settings(constantRules, options);
    super(optimizer, options);
    this.constantFactor = factor;
    if (this.constantFactor === 0 && options.closedForm !== true) {
      // PyTorch's recursive form divides by the factor at totalIters.
      throw new InvalidParameterError('factor', 0, 'in (0, 1] for the recursive form (use closedForm: true for 0)');
    }
    this.totalIters = totalIters!; // PyTorch's default, 5, applies
    this.start();
  }
  protected options() {
    return this.withForm({ factor: this.constantFactor, totalIters: this.totalIters });
  }
  protected chainFactor(e: number) {
    return constantChainFactor(e, this.constantFactor, this.totalIters);
  }
  protected factor(t: number) {
    return constantFactor(t, this.constantFactor, this.totalIters);
  }
}
