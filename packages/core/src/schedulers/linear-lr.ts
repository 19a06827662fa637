import { InvalidParameterError } from '../errors.js';
import { linearChainFactor, linearFactor, linearRules } from '../schedules/linear.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link LinearLR}. */
export interface LinearLROptions extends FactorSchedulerOptions {
  /** Multiplier at step 0, in [0, 1] (0 only with `closedForm`). Default `1/3`. */
  startFactor?: number;
  /** Multiplier from `totalIters` on, in [0, 1]. Default `1`. */
  endFactor?: number;
  /** Length of the ramp. Default `5`. `0` is accepted as in PyTorch, whose recursive form then keeps `startFactor` forever. */
  totalIters?: number;
}

/** PyTorch `LinearLR`: the multiplier moves linearly from `startFactor` to `endFactor`. Formula: {@link linearFactor}. */
export class LinearLR extends FactorScheduler {
  readonly kind = 'LinearLR';
  readonly startFactor: number;
  readonly endFactor: number;
  readonly totalIters: number;
  constructor(optimizer: OptimizerLike, options: LinearLROptions = {}) {
    const { startFactor, endFactor, totalIters } = FactorScheduler.settings(linearRules, options);
    super(optimizer, options);
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    if (this.startFactor === 0 && options.closedForm !== true) {
      // PyTorch's recursive form divides by totalIters · startFactor at step 1 (0/0 when endFactor is 0 too).
      throw new InvalidParameterError('startFactor', 0, 'in (0, 1] for the recursive form (use closedForm: true for 0)');
    }
    this.start();
  }
  protected options() {
    return this.withForm({ startFactor: this.startFactor, endFactor: this.endFactor, totalIters: this.totalIters });
  }
  protected chainFactor(e: number, hold: boolean) {
    return linearChainFactor(e, this.startFactor, this.endFactor, this.totalIters, hold);
  }
  protected factor(t: number) {
    return linearFactor(t, this.startFactor, this.endFactor, this.totalIters);
  }
}
