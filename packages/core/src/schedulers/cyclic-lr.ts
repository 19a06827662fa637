import { finite } from '../internal/validate.js';
import { cyclicConfig, cyclicLrAt, cyclicMomentumAt, cyclicPosition, type CyclicOptions, type CyclicPlan } from '../schedules/cyclic.js';
import { NotSerializableError } from '../errors.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions, stateNumbers, type SchedulerState } from './state.js';
import { perGroup, readMomentum, writeMomentum, type OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** Options of {@link CyclicLR}: those of the pure `cyclic`, with per-group values allowed. */
export interface CyclicLROptions extends Omit<CyclicOptions, 'baseLr' | 'maxLr' | 'baseMomentum' | 'maxMomentum'> {
  /** Lower bound, one or per group. Required (PyTorch overwrites the groups' rates with it). */
  baseLr: number | number[];
  /** Upper bound, one or per group. Required. */
  maxLr: number | number[];
  /** Momentum at the top of the rate cycle, one or per group. Default `0.8`. */
  baseMomentum?: number | number[];
  /** Momentum at the bottom, one or per group. Default `0.9`. */
  maxMomentum?: number | number[];
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default `'2'`. With `cycleMomentum`,
   * `'2'` starts each group at `maxMomentum` and writes both bounds into the group (where a OneCycleLR on
   * the same optimizer reads them), and a resume cycles between the options' bounds; `'1.13'` starts at
   * `baseMomentum`, writes no bounds, and a resume cycles up from the group's current momentum.
   */
  pytorch?: PyTorchVersion;
}

/**
 * PyTorch `CyclicLR`, same arithmetic. Momentum cycling writes `momentum`, or `betas[0]` for Adam-style
 * groups (PyTorch 1.13 refuses Adam here; later PyTorch versions cycle beta1 as anneal does).
 */
export class CyclicLR extends LRScheduler {
  readonly kind = 'CyclicLR';
  private readonly plan: CyclicPlan;
  private readonly maxLrs: number[];
  private baseMomentums: number[] = [];
  private readonly maxMomentums: number[];
  private readonly cycleMomentum: boolean;
  private readonly userOptions: Record<string, unknown> | null;
  constructor(optimizer: OptimizerLike, options: CyclicLROptions) {
    // the keys shared with the pure cyclic are checked by cyclicConfig below
    super(optimizer, schedulerOptions(options, Object.keys(options ?? {})), options.pytorch);
    const { baseLr, maxLr, baseMomentum, maxMomentum, lastEpoch: _l, pytorch: _p, ...shared } = options;
    const n = this.optimizer.paramGroups.length;
    const baseLrs = perGroup('baseLr', baseLr, n, finite);
    this.maxLrs = perGroup('maxLr', maxLr, n, finite);
    const { config, plan } = cyclicConfig({ ...shared, maxLr: this.maxLrs[0]! });
    this.plan = plan;
    this.cycleMomentum = config.cycleMomentum;
    this.maxMomentums = perGroup('maxMomentum', maxMomentum ?? 0.9, n, finite);
    const baseMomentumList = perGroup('baseMomentum', baseMomentum ?? 0.8, n, finite);
    const { scaleFn, baseLr: _b, maxLr: _m, baseMomentum: _bm, maxMomentum: _mm, stepSizeDown, ...rest } = config;
    this.userOptions =
      scaleFn !== undefined
        ? null
        : {
            ...rest,
            ...(stepSizeDown === undefined ? {} : { stepSizeDown }),
            baseLr: Array.isArray(baseLr) ? baseLrs : baseLrs[0],
            maxLr: Array.isArray(maxLr) ? this.maxLrs : this.maxLrs[0],
            baseMomentum: Array.isArray(baseMomentum) ? baseMomentumList : baseMomentumList[0],
            maxMomentum: Array.isArray(maxMomentum) ? this.maxMomentums : this.maxMomentums[0],
          };
    const groups = this.optimizer.paramGroups;
    if (this.lastEpoch === -1) groups.forEach((g, i) => (g.lr = baseLrs[i]!));
    if (this.cycleMomentum) {
      if (this.pytorch === '1.13') {
        // 1.13 starts at the lower bound and takes each group's momentum as it (also when resuming).
        if (this.lastEpoch === -1) groups.forEach((g, i) => writeMomentum(g, baseMomentumList[i]!));
        this.baseMomentums = groups.map((g, i) => readMomentum(g) ?? baseMomentumList[i]!);
      } else {
        // 2 starts at the upper bound and keeps both bounds in the group (a OneCycleLR reads them there).
        if (this.lastEpoch === -1) {
          groups.forEach((g, i) => {
            writeMomentum(g, this.maxMomentums[i]!);
            g.maxMomentum = this.maxMomentums[i]!;
            g.baseMomentum = baseMomentumList[i]!;
          });
        }
        this.baseMomentums = baseMomentumList;
      }
    }
    this.start();
    this.baseLrs = baseLrs;
  }
  protected options() {
    return this.userOptions;
  }
  protected override computeLr(): number[] {
    const pos = cyclicPosition(this.plan, this.lastEpoch);
    const lrs = this.output(this.baseLrs.length);
    for (let i = 0; i < lrs.length; i++) lrs[i] = cyclicLrAt(this.baseLrs[i]!, this.maxLrs[i]!, pos);
    if (this.cycleMomentum) {
      this.optimizer.paramGroups.forEach((g, i) => writeMomentum(g, cyclicMomentumAt(this.baseMomentums[i]!, this.maxMomentums[i]!, pos)));
    }
    return lrs;
  }
  /** The momentum {@link CyclicLR.computeLr} wrote at step `lastEpoch`, written again. */
  protected override restoreMomentum(): void {
    if (!this.cycleMomentum) return;
    const pos = cyclicPosition(this.plan, this.lastEpoch);
    this.optimizer.paramGroups.forEach((g, i) => writeMomentum(g, cyclicMomentumAt(this.baseMomentums[i]!, this.maxMomentums[i]!, pos)));
  }
  protected override extraState() {
    return { baseMomentums: [...this.baseMomentums] };
  }
  protected override loadExtraState(state: SchedulerState): void {
    if (this.cycleMomentum) this.baseMomentums = stateNumbers(state, 'baseMomentums', this.optimizer.paramGroups.length);
  }
  override toJSON() {
    if (this.userOptions === null) throw new NotSerializableError('this CyclicLR (custom scaleFn)');
    return super.toJSON();
  }
}
