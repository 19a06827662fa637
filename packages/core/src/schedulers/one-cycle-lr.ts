import { finite, nonNegative } from '../internal/validate.js';
import { InvalidParameterError, SchedulerUsageError } from '../errors.js';
import { oneCyclePlan, oneCycleRates, type OneCycleOptions, type OneCyclePlan } from '../schedules/one-cycle.js';
import { oneCycleConfig, withTotalSteps, type OneCycleConfig } from '../schedules/one-cycle-config.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions } from './state.js';
import { momentumWriter, perGroup, usesBetas, type OptimizerLike, type ParamGroup } from './optimizer.js';
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
  /** Each group's own `[start rate, peak, final rate]` ({@link oneCycleRates}), flat: group `i` at `3·i`. */
  private readonly ownRates: number[];
  /**
   * Per phase, the endpoints it moves between: rates `from` and `to` (0 `initialLr`, 1 `maxLr`, 2 `minLr`),
   * momentums from and to `maxMomentum` (else `baseMomentum`).
   */
  private readonly phaseEnds: readonly { from: number; to: number; fromMax: boolean; toMax: boolean }[];
  /** Whether the momentum is cycled (option `cycleMomentum`). */
  private readonly cycleMomentum: boolean;
  /**
   * Writes the cycled momentum: Adam's `betas[0]` or `momentum`, decided once, as PyTorch decides it from the
   * optimizer's defaults (`use_beta1`), so every group must agree.
   */
  private readonly writeMomentum: (group: ParamGroup, value: number) => void;
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
    this.phaseEnds = this.plan.phases.map(({ lr, momentum }) => ({ from: lr[0], to: lr[1], fromMax: momentum[0] === 0, toMax: momentum[1] === 0 }));
    this.cycleMomentum = this.config.cycleMomentum;
    const beta1 = usesBetas(this.optimizer.paramGroups[0]!);
    if (this.cycleMomentum) {
      this.optimizer.paramGroups.forEach((g, i) => {
        if (usesBetas(g) !== beta1) {
          throw new InvalidParameterError(`optimizer.paramGroups[${i}].betas`, g.betas, `${beta1 ? 'an array' : 'absent'} as in group 0 (one kind of momentum for all)`);
        }
      });
    }
    this.writeMomentum = momentumWriter(beta1);
    this.ownRates = this.maxLrs.flatMap((m) => oneCycleRates(m, this.config.divFactor, this.config.finalDivFactor));
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
        const [initialLr, peak, minLr] = this.ownRates.slice(3 * i, 3 * i + 3);
        Object.assign(g, { initialLr, maxLr: peak, minLr });
        if (this.cycleMomentum) {
          this.writeMomentum(g, this.maxMomentums[i]!);
          Object.assign(g, { maxMomentum: this.maxMomentums[i]!, baseMomentum: this.baseMomentums[i]! });
        }
      });
    }
    this.start();
  }
  protected options() {
    return this.userOptions;
  }
  /** Group `i`'s momentum endpoint `which` (0: `maxMomentum`, 1: `baseMomentum`), read from the group as in {@link OneCycleLR.computeLr}; this scheduler's own where it holds none. */
  private momentum(g: ParamGroup, i: number, which: 0 | 1): number {
    return which === 0 ? g.maxMomentum ?? this.maxMomentums[i]! : g.baseMomentum ?? this.baseMomentums[i]!;
  }
  /** PyTorch's error for a step past `totalSteps` (1.13 counts one more step in its message than 2). */
  private pastTheEnd(t: number): never {
    throw new SchedulerUsageError(`Tried to step ${this.pytorch === '1.13' ? t + 1 : t} times. The specified number of total steps is ${this.totalSteps}`);
  }
  /** The momentum {@link OneCycleLR.computeLr} wrote at step `lastEpoch`, written again. */
  protected override restoreMomentum(): void {
    const t = this.lastEpoch;
    if (!this.cycleMomentum || t < 0 || t > this.totalSteps) return;
    const { plan } = this;
    const p = plan.phaseOf(t);
    const weight = plan.weight(plan.pctOf(p, t, false));
    const ends = plan.phases[p]!.momentum;
    this.optimizer.paramGroups.forEach((g, i) => this.writeMomentum(g, plan.mix(this.momentum(g, i, ends[0]), this.momentum(g, i, ends[1]), weight)));
  }
  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    if (t > this.totalSteps) this.pastTheEnd(t);
    // The phase and its annealing weight (a cosine) depend on the step only: once per step.
    const plan = this.plan;
    const p = plan.phaseOf(t);
    const weight = plan.weight(plan.pctOf(p, t, false));
    // Each group's rate and momentum between the phase's endpoints, read from the group at every step as
    // PyTorch's get_lr reads them (another OneCycleLR on the optimizer may have written its own); this
    // scheduler's own where the group holds none.
    const { from, to, fromMax, toMax } = this.phaseEnds[p]!;
    const mix = plan.mix;
    const groups = this.optimizer.paramGroups;
    const out = this.output(groups.length);
    const own = this.ownRates;
    const put = this.writeMomentum;
    let zero = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (this.cycleMomentum) {
        // {@link OneCycleLR.momentum}, written out: a method call per group here keeps V8
        // from inlining the whole step (docs/benchmarks.md).
        const high = g.maxMomentum ?? this.maxMomentums[i]!;
        const low = g.baseMomentum ?? this.baseMomentums[i]!;
        const momentum = mix(fromMax ? high : low, toMax ? high : low, weight);
        put(g, momentum);
      }
      const start = (from === 0 ? g.initialLr : g.maxLr) ?? own[3 * i + from]!;
      const end = (to === 1 ? g.maxLr : to === 2 ? g.minLr : g.initialLr) ?? own[3 * i + to]!;
      zero += (out[i] = mix(start, end, weight)) * 0;
    }
    return this.checked(out, zero);
  }
}
