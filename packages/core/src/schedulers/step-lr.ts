import { stepChainFactor, stepFactor, stepRules } from '../schedules/step.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link StepLR}. */
export interface StepLROptions extends FactorSchedulerOptions {
  /** Period of the decay. */
  stepSize: number;
  /** Decay per period. Default `0.1`. */
  gamma?: number;
}

/** PyTorch `StepLR`: multiplies the rate by `gamma` every `stepSize` steps. Formula: {@link stepFactor}. */
export class StepLR extends FactorScheduler {
  readonly kind = 'StepLR';
  readonly stepSize: number;
  readonly gamma: number;
  constructor(optimizer: OptimizerLike, options: StepLROptions) {
    const { stepSize, gamma } = FactorScheduler.settings(stepRules, options);
    super(optimizer, options);
    this.stepSize = stepSize;
    this.gamma = gamma;
    this.start();
  }
  protected options() {
    return this.withForm({ stepSize: this.stepSize, gamma: this.gamma });
  }
  protected chainFactor(e: number) {
    return stepChainFactor(e, this.stepSize, this.gamma);
  }
  protected factor(t: number) {
    return stepFactor(t, this.stepSize, this.gamma);
  }
}
