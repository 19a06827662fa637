import { finite, integer, positive } from '../internal/validate.js';
import { InvalidParameterError, SchedulerUsageError } from '../errors.js';
import {
  oneCycleConfig,
  oneCyclePlan,
  oneCycleValues,
  type OneCycleConfig,
  type OneCycleOptions,
  type OneCyclePlan,
} from '../schedules/one-cycle.js';
import { LRScheduler, schedulerOptions } from './lr-scheduler.js';
import { perGroup, writeMomentum, type OptimizerLike } from './optimizer.js';

/** Options of {@link OneCycleLR}: those of the pure `oneCycle`, with per-group values allowed. */
export interface OneCycleLROptions extends Omit<OneCycleOptions, 'maxLr' | 'totalSteps' | 'baseMomentum' | 'maxMomentum'> {
  /** Peak rate (> 0), one for all groups or one per group. Required. */
  maxLr: number | number[];
  /** Total number of steps; or give `epochs` and `stepsPerEpoch`. */
  totalSteps?: number;
  /** With `stepsPerEpoch`, sets `totalSteps = epochs · stepsPerEpoch`. */
  epochs?: number;
  /** See `epochs`. */
  stepsPerEpoch?: number;
  /** Momentum at the peak, one or per group. Default `0.85`. */
  baseMomentum?: number | number[];
  /** Momentum at start and end, one or per group. Default `0.95`. */
  maxMomentum?: number | number[];
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
}

/**
 * PyTorch `OneCycleLR`, same arithmetic and the same limit: stepping past `totalSteps` throws a
 * {@link SchedulerUsageError}. At step `totalSteps` itself PyTorch extrapolates the last phase slightly
 * past the final rate; so does this class (the pure `oneCycle` holds the final rate instead).
 * Momentum (or Adam's `betas[0]`) is cycled when `cycleMomentum` is true.
 *
 * Refused at construction although PyTorch accepts them (they make the "peak" not the peak): `maxLr <= 0`,
 * `divFactor < 1` (the start rate, which replaces each group's rate, would exceed `maxLr`),
 * `divFactor · finalDivFactor < 1`, and `pctStart > 0.5` with `threePhase`.
 * @throws {@link InvalidParameterError} for those and every other invalid option.
 */
export class OneCycleLR extends LRScheduler {
  readonly kind = 'OneCycleLR';
  readonly totalSteps: number;
  private readonly config: OneCycleConfig;
  private readonly plan: OneCyclePlan;
  private readonly maxLrs: number[];
  private readonly baseMomentums: number[];
  private readonly maxMomentums: number[];
  private readonly userOptions: Record<string, unknown>;
  constructor(optimizer: OptimizerLike, options: OneCycleLROptions) {
    // the keys shared with the pure oneCycle are checked by oneCycleConfig below
    super(optimizer, schedulerOptions(options, Object.keys(options ?? {})));
    const { maxLr, totalSteps, epochs, stepsPerEpoch, baseMomentum, maxMomentum, lastEpoch: _l, ...shared } = options;
    let total = totalSteps;
    if (total === undefined) {
      if (epochs === undefined || stepsPerEpoch === undefined) {
        throw new InvalidParameterError('totalSteps', undefined, 'a positive integer (or give both epochs and stepsPerEpoch)');
      }
      total = integer('epochs', epochs, 1) * integer('stepsPerEpoch', stepsPerEpoch, 1);
    }
    const n = this.optimizer.paramGroups.length;
    this.maxLrs = perGroup('maxLr', maxLr, n, positive);
    this.baseMomentums = perGroup('baseMomentum', baseMomentum ?? 0.85, n, finite);
    this.maxMomentums = perGroup('maxMomentum', maxMomentum ?? 0.95, n, finite);
    this.config = oneCycleConfig({ ...shared, totalSteps: total });
    this.totalSteps = this.config.totalSteps;
    this.plan = oneCyclePlan(this.totalSteps, this.config.pctStart, this.config.threePhase, this.config.annealStrategy);
    const { maxLr: _m, ...configJson } = this.config;
    this.userOptions = {
      ...configJson,
      maxLr: Array.isArray(maxLr) ? this.maxLrs : this.maxLrs[0],
      baseMomentum: Array.isArray(baseMomentum) ? this.baseMomentums : this.baseMomentums[0],
      maxMomentum: Array.isArray(maxMomentum) ? this.maxMomentums : this.maxMomentums[0],
    };
    if (this.lastEpoch === -1) {
      this.optimizer.paramGroups.forEach((g, i) => {
        g.initialLr = this.maxLrs[i]! / this.config.divFactor;
        if (this.config.cycleMomentum) writeMomentum(g, this.maxMomentums[i]!);
      });
    }
    this.start();
  }
  protected options() {
    return this.userOptions;
  }
  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    if (t > this.totalSteps) {
      throw new SchedulerUsageError(`Tried to step ${t + 1} times. The specified number of total steps is ${this.totalSteps}`);
    }
    return this.optimizer.paramGroups.map((g, i) => {
      const v = oneCycleValues(this.plan, t, this.maxLrs[i]!, {
        divFactor: this.config.divFactor,
        finalDivFactor: this.config.finalDivFactor,
        baseMomentum: this.baseMomentums[i]!,
        maxMomentum: this.maxMomentums[i]!,
      }, false);
      if (this.config.cycleMomentum) writeMomentum(g, v.momentum);
      return v.lr;
    });
  }
}
