import { InvalidParameterError, NotSerializableError } from '../errors.js';
import type { Schedule } from '../schedule.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions, stateNumbers, type SchedulerState } from './state.js';
import { readMomentum, writeMomentum, type OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

function isSerializable(schedule: Schedule): boolean {
  try {
    schedule.toJSON();
    return true;
  } catch (error) {
    if (error instanceof NotSerializableError) return false;
    throw error;
  }
}

/** Options of {@link ScheduleLR}. */
export interface ScheduleLROptions {
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /**
   * The PyTorch whose stepping to reproduce: {@link PyTorchVersion}. Default `'2'`. A ScheduleLR always
   * uses the closed form, so both give the same values; it counts for a SequentialLR's hand-over.
   */
  pytorch?: PyTorchVersion;
}

/**
 * Drives an optimizer with any pure {@link Schedule} (or one per group), with the stateful API of the
 * PyTorch classes: `step()` sets each group's rate to `schedule.lr(lastEpoch, baseLr)`, and its momentum
 * to `schedule.momentum(...)` when the schedule cycles momentum. Always the closed form, so external
 * changes to the rate are overwritten on the next step; `step(epoch)` accepts fractional epochs.
 */
export class ScheduleLR extends LRScheduler {
  readonly kind = 'ScheduleLR';
  /** The schedule of each group. */
  readonly schedules: readonly Schedule[];
  private baseMomentums: number[];
  constructor(optimizer: OptimizerLike, schedule: Schedule | Schedule[], options: ScheduleLROptions = {}) {
    super(optimizer, schedulerOptions(options, ['lastEpoch', 'pytorch']), options.pytorch);
    const n = this.optimizer.paramGroups.length;
    const list = Array.isArray(schedule) ? schedule : Array.from({ length: n }, () => schedule);
    if (list.length !== n || !list.every((s) => typeof s?.lr === 'function')) {
      throw new InvalidParameterError('schedule', schedule, `a schedule or an array of ${n} schedules (one per param group)`);
    }
    this.schedules = list;
    this.baseMomentums = this.optimizer.paramGroups.map((g) => readMomentum(g) ?? 0);
    this.start();
  }
  protected options() {
    if (!this.schedules.every(isSerializable)) return null;
    const specs = this.schedules.map((s) => s.toJSON());
    return { schedule: specs.every((s) => JSON.stringify(s) === JSON.stringify(specs[0])) ? specs[0] : specs };
  }
  protected override computeLr(): number[] {
    const t = this.lastEpoch;
    const groups = this.optimizer.paramGroups;
    const { schedules, baseLrs, baseMomentums } = this;
    const out = this.output(schedules.length);
    for (let i = 0; i < schedules.length; i++) {
      const s = schedules[i]!;
      if (s.momentum !== undefined) writeMomentum(groups[i]!, s.momentum(t, baseMomentums[i]!));
      out[i] = s.lr(t, baseLrs[i]!);
    }
    return out;
  }
  protected override closedFormLr(): number[] {
    return this.computeLr();
  }
  /** The momentum {@link ScheduleLR.computeLr} wrote at step `lastEpoch`, written again. */
  protected override restoreMomentum(): void {
    const groups = this.optimizer.paramGroups;
    this.schedules.forEach((s, i) => {
      if (s.momentum !== undefined) writeMomentum(groups[i]!, s.momentum(this.lastEpoch, this.baseMomentums[i]!));
    });
  }
  protected override extraState() {
    return { baseMomentums: [...this.baseMomentums] };
  }
  protected override loadExtraState(state: SchedulerState): void {
    this.baseMomentums = stateNumbers(state, 'baseMomentums', this.optimizer.paramGroups.length);
  }
}
