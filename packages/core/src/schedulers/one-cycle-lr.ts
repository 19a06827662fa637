import { finite, nonNegative } from '../internal/validate.js';
import { SchedulerUsageError } from '../errors.js';
import {
  oneCyclePlan,
  oneCycleRates,
  phaseLines,
  type OneCycleOptions,
  type OneCyclePlan,
} from '../schedules/one-cycle.js';
import { oneCycleConfig, withTotalSteps, type OneCycleConfig } from '../schedules/one-cycle-config.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions } from './state.js';
import { perGroup, writeMomentum, type OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** The options of {@link OneCycleLR} besides its length. */
export interface OneCycleLRBaseOptions extends Omit<OneCycleOptions, 'maxLr' | 'totalSteps' | 'baseMomentum' | 'maxMomentum'> {
  /** Peak rate (>= 0; 0 freezes the group), one for all groups or one per group. Required. */
  maxLr: number | number[];
  /** Momentum at the peak, one or per group. Default `0.85`. */
  baseMomentum?: number | number[];
  /** Momentum at start and end, one or per group. Default `0.95`. */
  maxMomentum?: number | number[];
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default `'2'`. OneCycleLR steps the
   * same way in both (only the wording of PyTorch's past-the-end error differs).
   */
  pytorch?: PyTorchVersion;
}

/**
 * Options of {@link OneCycleLR}: those of the pure `oneCycle`, with per-group values allowed, and its length
 * given one way, which the type enforces: `totalSteps`, or `epochs` with `stepsPerEpoch` (then
 * `totalSteps = epochs · stepsPerEpoch`).
 */
export type OneCycleLROptions = OneCycleLRBaseOptions &
  (
    | {
        /** Total number of steps; or give `epochs` and `stepsPerEpoch`. */
        totalSteps: number;
        epochs?: undefined;
        stepsPerEpoch?: undefined;
      }
    | {
        totalSteps?: undefined;
        /** With `stepsPerEpoch`, sets `totalSteps = epochs · stepsPerEpoch`. */
        epochs: number;
        /** See `epochs`. */
        stepsPerEpoch: number;
      }
  );

/**
 * PyTorch `OneCycleLR`, same arithmetic and the same limit: stepping past `totalSteps` throws a
 * {@link SchedulerUsageError}. At step `totalSteps` itself PyTorch extrapolates the last phase slightly
 * past the final rate; so does this class (the pure `oneCycle` holds the final rate instead).
 * Momentum (or Adam's `betas[0]`) is cycled when `cycleMomentum` is true.
 *
 * Refused at construction although PyTorch accepts them (they make the "peak" not the peak): `maxLr < 0`,
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
  /** For each phase, each group's rate line ({@link phaseLines}), flat: group `i` at `2·i`. */
  private readonly rateLines: number[][];
  /** For each phase, each group's momentum line, flat like `rateLines`. */
  private readonly momentumLines: number[][];
  /**
   * The group bounds the lines were computed from, 5 per group: `initialLr`, `maxLr`, `minLr`,
   * `maxMomentum`, `baseMomentum` as read from the group (`undefined` when absent: this scheduler's own).
   */
  private readonly bounds: Array<number | undefined>;
  constructor(optimizer: OptimizerLike, options: OneCycleLROptions) {
    // the keys shared with the pure oneCycle are checked by oneCycleConfig below
    super(optimizer, schedulerOptions(options, Object.keys(options ?? {})), options.pytorch);
    const { maxLr, baseMomentum, maxMomentum, lastEpoch: _l, pytorch: _p, ...shared } = withTotalSteps(options);
    const n = this.optimizer.paramGroups.length;
    this.maxLrs = perGroup('maxLr', maxLr, n, nonNegative);
    this.baseMomentums = perGroup('baseMomentum', baseMomentum ?? 0.85, n, finite);
    this.maxMomentums = perGroup('maxMomentum', maxMomentum ?? 0.95, n, finite);
    this.config = oneCycleConfig(shared as OneCycleOptions);
    this.totalSteps = this.config.totalSteps;
    this.plan = oneCyclePlan(this.totalSteps, this.config.pctStart, this.config.threePhase, this.config.annealStrategy);
    const { plan } = this;
    /** Per group lines of every phase, regrouped per phase. */
    const byPhase = (lines: number[][]) => plan.phases.map((_, p) => lines.flatMap((l) => [l[2 * p]!, l[2 * p + 1]!]));
    this.rateLines = byPhase(this.maxLrs.map((m) => phaseLines(plan, plan.lrEnds, oneCycleRates(m, this.config.divFactor, this.config.finalDivFactor))));
    this.momentumLines = byPhase(this.maxMomentums.map((m, i) => phaseLines(plan, plan.momentumEnds, [m, this.baseMomentums[i]!])));
    const { maxLr: _m, ...configJson } = this.config;
    this.userOptions = {
      ...configJson,
      maxLr: Array.isArray(maxLr) ? this.maxLrs : this.maxLrs[0],
      baseMomentum: Array.isArray(baseMomentum) ? this.baseMomentums : this.baseMomentums[0],
      maxMomentum: Array.isArray(maxMomentum) ? this.maxMomentums : this.maxMomentums[0],
    };
    if (this.lastEpoch === -1) {
      // PyTorch keeps the bounds in the groups and reads them back every step (see computeLr).
      this.optimizer.paramGroups.forEach((g, i) => {
        const [initialLr, peak, minLr] = oneCycleRates(this.maxLrs[i]!, this.config.divFactor, this.config.finalDivFactor);
        Object.assign(g, { initialLr, maxLr: peak, minLr });
        if (this.config.cycleMomentum) {
          writeMomentum(g, this.maxMomentums[i]!);
          Object.assign(g, { maxMomentum: this.maxMomentums[i]!, baseMomentum: this.baseMomentums[i]! });
        }
      });
    }
    this.bounds = this.optimizer.paramGroups.flatMap((g) => [g.initialLr, g.maxLr, g.minLr, g.maxMomentum, g.baseMomentum]);
    this.optimizer.paramGroups.forEach((_, i) => this.readBounds(i));
    this.start();
  }
  protected options() {
    return this.userOptions;
  }
  /**
   * Recomputes group `i`'s lines from the bounds its group holds (this scheduler's own where it holds
   * none), as PyTorch's `get_lr` reads `group['max_lr']` and the others every step.
   */
  private readBounds(i: number): void {
    const g = this.optimizer.paramGroups[i]!;
    const own = oneCycleRates(this.maxLrs[i]!, this.config.divFactor, this.config.finalDivFactor);
    const rates = phaseLines(this.plan, this.plan.lrEnds, [g.initialLr ?? own[0], g.maxLr ?? own[1], g.minLr ?? own[2]]);
    const momentums = phaseLines(this.plan, this.plan.momentumEnds, [g.maxMomentum ?? this.maxMomentums[i]!, g.baseMomentum ?? this.baseMomentums[i]!]);
    this.plan.phases.forEach((_, p) => {
      this.rateLines[p]![2 * i] = rates[2 * p]!;
      this.rateLines[p]![2 * i + 1] = rates[2 * p + 1]!;
      this.momentumLines[p]![2 * i] = momentums[2 * p]!;
      this.momentumLines[p]![2 * i + 1] = momentums[2 * p + 1]!;
    });
    this.bounds.splice(5 * i, 5, g.initialLr, g.maxLr, g.minLr, g.maxMomentum, g.baseMomentum);
  }
  /** PyTorch's error for a step past `totalSteps` (1.13 counts one more step in its message than 2). */
  private pastTheEnd(t: number): never {
    throw new SchedulerUsageError(`Tried to step ${this.pytorch === '1.13' ? t + 1 : t} times. The specified number of total steps is ${this.totalSteps}`);
  }
  /** The momentum {@link OneCycleLR.computeLr} wrote at step `lastEpoch`, written again. */
  protected override restoreMomentum(): void {
    const t = this.lastEpoch;
    if (!this.config.cycleMomentum || t < 0 || t > this.totalSteps) return;
    const { plan } = this;
    const p = plan.phaseOf(t);
    const weight = plan.weight(plan.pctOf(p, t, false));
    const momentums = this.momentumLines[p]!;
    this.optimizer.paramGroups.forEach((g, i) => writeMomentum(g, momentums[2 * i]! + momentums[2 * i + 1]! * weight));
  }
  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    if (t > this.totalSteps) this.pastTheEnd(t);
    // The phase and its annealing weight (a cosine) depend on the step only: once per step.
    const { plan } = this;
    const p = plan.phaseOf(t);
    const weight = plan.weight(plan.pctOf(p, t, false));
    // Each group's rate and momentum on the phase's lines (flat: offset and slope of group i at 2·i).
    const rates = this.rateLines[p]!;
    const momentums = this.momentumLines[p]!;
    const cycleMomentum = this.config.cycleMomentum;
    const groups = this.optimizer.paramGroups;
    const out = this.output(groups.length);
    const b = this.bounds;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      // Another OneCycleLR on this optimizer may have written its own bounds (PyTorch then uses those).
      if (g.initialLr !== b[5 * i] || g.maxLr !== b[5 * i + 1] || g.minLr !== b[5 * i + 2] || g.maxMomentum !== b[5 * i + 3] || g.baseMomentum !== b[5 * i + 4]) {
        this.readBounds(i);
      }
      if (cycleMomentum) writeMomentum(groups[i]!, momentums[2 * i]! + momentums[2 * i + 1]! * weight);
      out[i] = rates[2 * i]! + rates[2 * i + 1]! * weight;
    }
    return out;
  }
}
