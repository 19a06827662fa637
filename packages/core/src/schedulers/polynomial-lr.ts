import { polynomialChainFactor, polynomialFactor, polynomialRules } from '../schedules/polynomial.js';
import { FactorScheduler, type FactorSchedulerOptions } from './factor-scheduler.js';
import type { OptimizerLike } from './optimizer.js';

/** Options of {@link PolynomialLR}. */
export interface PolynomialLROptions extends FactorSchedulerOptions {
  /** Steps until the rate reaches 0, > 0. Default `5`. */
  totalIters?: number;
  /** Exponent. Default `1`. */
  power?: number;
}

/** PyTorch `PolynomialLR`. Formula: {@link polynomialFactor}. */
export class PolynomialLR extends FactorScheduler {
  readonly kind = 'PolynomialLR';
  readonly totalIters: number;
  readonly power: number;
  constructor(optimizer: OptimizerLike, options: PolynomialLROptions = {}) {
    // totalIters 0 is refused: the closed form divides by it (PyTorch raises ZeroDivisionError on step(epoch)).
    const { totalIters, power } = FactorScheduler.settings(polynomialRules, options);
    super(optimizer, options);
    this.totalIters = totalIters;
    this.power = power;
    this.start();
  }
  protected options() {
    return this.withForm({ totalIters: this.totalIters, power: this.power });
  }
  protected chainFactor(e: number, hold: boolean) {
    return polynomialChainFactor(e, this.totalIters, this.power, hold);
  }
  protected factor(t: number) {
    return polynomialFactor(t, this.totalIters, this.power);
  }
}
