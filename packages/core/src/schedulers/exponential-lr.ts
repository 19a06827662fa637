import { exponentialChainFactor, exponentialFactor, exponentialRules } from '../schedules/exponential.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link ExponentialLR}. */
export interface ExponentialLROptions extends FactorSchedulerOptions {
  /** Multiplier per step. */
  gamma: number;
}

/** PyTorch `ExponentialLR`: multiplies the rate by `gamma` each step. Formula: {@link exponentialFactor}. */
export class ExponentialLR extends FactorScheduler {
  readonly kind = 'ExponentialLR';
  readonly gamma: number;
  constructor(optimizer: OptimizerLike, options: ExponentialLROptions) {
    const { gamma } = FactorScheduler.settings(exponentialRules, options);
    super(optimizer, options);
    this.gamma = gamma;
    this.start();
  }
  protected options() {
    return this.withForm({ gamma: this.gamma });
  }
  protected chainFactor(_e: number, hold: boolean) {
    return exponentialChainFactor(this.gamma, hold);
  }
  protected factor(t: number) {
    return exponentialFactor(t, this.gamma);
  }
}
