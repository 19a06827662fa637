import { finite, nonNegative } from '../internal/validate.js';
import { InvalidParameterError, NonFiniteRateError, SchedulerUsageError } from '../errors.js';
import { oneCyclePlan, oneCycleRates, type OneCycleOptions, type OneCyclePlan } from '../schedules/one-cycle.js';
import { oneCycleConfig, withTotalSteps, type OneCycleConfig } from '../schedules/one-cycle-config.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions } from './state.js';
import { momentumWriter, perGroup, readMomentum, usesBetas, type OptimizerLike, type ParamGroup } from './optimizer.js';
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
    const { maxLr: _m, ...configJson } = this.config;
    this.userOptions = {
      ...configJson,
      maxLr: Array.isArray(maxLr) ? this.maxLrs : this.maxLrs[0],
      baseMomentum: Array.isArray(baseMomentum) ? this.baseMomentums : this.baseMomentums[0],
      maxMomentum: Array.isArray(maxMomentum) ? this.maxMomentums : this.maxMomentums[0],
    };
    // PyTorch keeps the bounds in the groups and reads them back at every step (see computeLr). It writes
    // them on a fresh start; a resume reads those the groups hold, and this scheduler writes its own into
    // groups that lack one (where PyTorch would raise a KeyError).
    const fresh = this.lastEpoch === -1;
    const groups = this.optimizer.paramGroups;
    // A resume on groups without initialLr is refused by start(), before anything is written.
    if (fresh || groups.every((g) => g.initialLr !== undefined)) {
      groups.forEach((g, i) => {
        const [initialLr, peak, minLr] = oneCycleRates(this.maxLrs[i]!, this.config.divFactor, this.config.finalDivFactor);
        if (fresh) Object.assign(g, { initialLr, maxLr: peak, minLr });
        else Object.assign(g, { maxLr: g.maxLr ?? peak, minLr: g.minLr ?? minLr });
        if (this.cycleMomentum) {
          if (fresh) this.writeMomentum(g, this.maxMomentums[i]!);
          g.maxMomentum = fresh ? this.maxMomentums[i]! : g.maxMomentum ?? this.maxMomentums[i]!;
          g.baseMomentum = fresh ? this.baseMomentums[i]! : g.baseMomentum ?? this.baseMomentums[i]!;
        }
      });
    }
    this.start();
  }
  protected options() {
    return this.userOptions;
  }
  /** PyTorch's error for a step past `totalSteps` (1.13 counts one more step in its message than 2). */
  private pastTheEnd(t: number): never {
    throw new SchedulerUsageError(`Tried to step ${this.pytorch === '1.13' ? t + 1 : t} times. The specified number of total steps is ${this.totalSteps}`);
  }
  /**
   * The momentum of step `lastEpoch`, written again: {@link OneCycleLR.computeLr} writes it as it computes
   * that step's rates, which are discarded here (`restoreGroups` writes the saved ones).
   */
  protected override restoreMomentum(): void {
    const t = this.lastEpoch;
    if (this.cycleMomentum && t >= 0 && t <= this.totalSteps) this.computeLr();
  }
  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    if (t > this.totalSteps) this.pastTheEnd(t);
    // The phase and its annealing weight (a cosine) depend on the step only: once per step.
    const plan = this.plan;
    const p = plan.phaseOf(t);
    const weight = plan.weightAt(p, t);
    // Each group's rate and momentum between the phase's endpoints, read from the group at every step as
    // PyTorch's get_lr reads them (another OneCycleLR on the optimizer may have written its own).
    const { from, to, fromMax, toMax } = this.phaseEnds[p]!;
    const mix = plan.mix;
    const groups = this.optimizer.paramGroups;
    const out = this.output(groups.length);
    const cycle = this.cycleMomentum;
    let zero = 0;
    let badMomentum = 0;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (cycle) {
        const momentum = mix(fromMax ? g.maxMomentum! : g.baseMomentum!, toMax ? g.maxMomentum! : g.baseMomentum!, weight);
        this.writeMomentum(g, momentum);
        badMomentum += momentum * 0;
      }
      const start = from === 0 ? g.initialLr! : g.maxLr!;
      const end = to === 1 ? g.maxLr! : to === 2 ? g.minLr! : g.initialLr!;
      zero += (out[i] = mix(start, end, weight)) * 0;
    }
    if (badMomentum !== 0) this.refuseMomentum();
    return this.checked(out, zero);
  }
  /**
   * Throws for the first group whose momentum is not finite (one of its bounds was made non-finite or
   * removed); the step has written it, as it writes each group's momentum while computing the rates.
   */
  private refuseMomentum(): never {
    const groups = this.optimizer.paramGroups;
    const i = groups.findIndex((g) => !Number.isFinite(readMomentum(g)));
    throw new NonFiniteRateError(`${this.kind} at step ${this.lastEpoch}, param group ${i} momentum`, readMomentum(groups[i]!) ?? Number.NaN);
  }
}
