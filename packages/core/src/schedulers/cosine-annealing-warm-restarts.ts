import { pickRules, resolveOptions } from '../internal/options.js';
import { sgdrRules, type sgdr } from '../schedules/sgdr.js';
import { cosineBetween, cosineWeight, type cosineAnnealingValue } from '../schedules/cosine.js';
import { restartCycles, type RESTART_SNAP, type RestartCycles, type restartPosition } from '../schedules/restart-cycle.js';
import { checkStep } from '../schedule.js';
import { LRScheduler } from './lr-scheduler.js';
import { stateNumber, type SchedulerState } from './state.js';
import type { OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** Options of {@link CosineAnnealingWarmRestarts}. */
export interface CosineAnnealingWarmRestartsOptions {
  /** Length of the first cycle, integer > 0 (as PyTorch requires). */
  t0: number;
  /** Growth factor of the cycle length, integer >= 1. Default `1`. */
  tMult?: number;
  /** The floor. Default `0`. */
  etaMin?: number;
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /** The PyTorch whose stepping to reproduce where 1.13 and 2 differ: {@link PyTorchVersion}. Default `'2'`. */
  pytorch?: PyTorchVersion;
}

/**
 * PyTorch `CosineAnnealingWarmRestarts` (SGDR), with PyTorch's state machine: `step()` advances `T_cur`
 * by one and restarts when it reaches `T_i` (`'2'`: `T_cur` becomes `T_cur mod T_i`; `'1.13'`: `T_cur − T_i`,
 * which differs after a resume with `lastEpoch >= 2·t0 − 1`); `step(epoch)` accepts fractional epochs
 * (`step(epoch + i / itersPerEpoch)`) and jumps anywhere.
 *
 * One deliberate difference, the restart rule: in `step(epoch)` an epoch at a restart, or within 1024 ulps
 * below it ({@link RESTART_SNAP}, e.g. 6.999999999999997 from adding 1/3 per batch, for 7), gives the
 * restart value. PyTorch finds the cycle with a float logarithm that is one cycle short at some exact
 * restarts (epoch 1210 with `t0 = 10, tMult = 3` gives `etaMin` there) and takes an epoch a few ulps below a
 * restart as the end of the previous cycle when `tMult = 1` (its logarithm sometimes rounds it up when
 * `tMult > 1`). Everywhere else the values are PyTorch's to the last bit. Pure counterpart: {@link sgdr}.
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  readonly kind = 'CosineAnnealingWarmRestarts';
  readonly t0: number;
  readonly tMult: number;
  readonly etaMin: number;
  /** Steps since the last restart (PyTorch `T_cur`). */
  tCur: number;
  /** Length of the current cycle (PyTorch `T_i`). */
  tI: number;
  /** The cycles of {@link restartPosition} for this `t0` and `tMult`. */
  private readonly cycles: RestartCycles;
  constructor(optimizer: OptimizerLike, options: CosineAnnealingWarmRestartsOptions) {
    const { t0, tMult, etaMin } = resolveOptions(pickRules(sgdrRules, 't0', 'tMult', 'etaMin'), options, { torch: true, extra: ['lastEpoch', 'pytorch'] });
    super(optimizer, options.lastEpoch, options.pytorch);
    this.t0 = t0;
    this.tMult = tMult;
    this.etaMin = etaMin;
    this.cycles = restartCycles(this.t0, this.tMult);
    this.tI = this.t0;
    this.tCur = this.lastEpoch;
    this.start();
  }
  protected options() {
    return { t0: this.t0, tMult: this.tMult, etaMin: this.etaMin };
  }
  /** {@link cosineAnnealingValue} of each group, its cosine computed once. */
  protected override computeLr(): number[] {
    const weight = cosineWeight(this.tCur, this.tI);
    const { baseLrs, etaMin } = this;
    const out = this.output(baseLrs.length);
    let zero = 0;
    for (let i = 0; i < baseLrs.length; i++) zero += (out[i] = cosineBetween(weight, baseLrs[i]!, etaMin)) * 0;
    return this.checked(out, zero);
  }
  /** Advances one step, or jumps to `epoch` (fractional allowed, >= 0). */
  override step(epoch?: number): void {
    // PyTorch's step() before the first step is step(0).
    if (epoch !== undefined || this.lastEpoch < 0) {
      this.jumpTo(epoch ?? 0);
      return;
    }
    this.tCur = this.tCur + 1;
    if (this.tCur >= this.tI) {
      this.tCur = this.pytorch === '1.13' ? this.tCur - this.tI : this.tCur % this.tI;
      this.tI = this.tI * this.tMult;
    }
    this.lastEpoch += 1;
    this.stepCount += 1;
    this.apply(this.computeLr());
  }
  /** `step(epoch)`: PyTorch's arithmetic, except at a restart (see {@link restartPosition}). */
  private jumpTo(epoch: number): void {
    checkStep(epoch);
    const cycle = this.cycles.cycleOf(epoch);
    this.tCur = this.cycles.since(epoch, cycle);
    this.tI = this.cycles.length(cycle);
    this.lastEpoch = Math.floor(epoch);
    this.stepCount += 1;
    this.apply(this.computeLr());
  }
  protected override extraState() {
    return { tCur: this.tCur, tI: this.tI };
  }
  protected override loadExtraState(state: SchedulerState): void {
    const tCur = stateNumber(state, 'tCur');
    const tI = stateNumber(state, 'tI'); // both read before either is set: a refused state changes nothing
    this.tCur = tCur;
    this.tI = tI;
  }
}
