import { multiStepChainFactor, multiStepFactor, multiStepRules } from '../schedules/multi-step.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link MultiStepLR}. */
export interface MultiStepLROptions extends FactorSchedulerOptions {
  /** Steps where the rate is multiplied by `gamma`; a repeated milestone counts twice. Any order, as in PyTorch. */
  milestones: number[];
  /** Decay per milestone. Default `0.1`. */
  gamma?: number;
}

/** PyTorch `MultiStepLR`. Formula: {@link multiStepFactor}. */
export class MultiStepLR extends FactorScheduler {
  readonly kind = 'MultiStepLR';
  readonly milestones: readonly number[];
  readonly gamma: number;
  constructor(optimizer: OptimizerLike, options: MultiStepLROptions) {
    const { milestones, gamma } = FactorScheduler.settings(multiStepRules, options);
    super(optimizer, options);
    this.milestones = milestones;
    this.gamma = gamma;
    this.start();
  }
  protected options() {
    return this.withForm({ milestones: [...this.milestones], gamma: this.gamma });
  }
  protected chainFactor(e: number) {
    return multiStepChainFactor(e, this.milestones, this.gamma);
  }
  protected factor(t: number) {
    return multiStepFactor(t, this.milestones, this.gamma);
  }
}
