import { InvalidParameterError } from '../errors.js';
import { isFiniteNumber } from '../internal/validate.js';
import type { Schedule } from '../schedule.js';

/** What locates SGDR's restarts: a subset of `SgdrOptions` (or of a `CosineAnnealingWarmRestarts`). */
export interface SgdrRestartOptions {
  /** Length of the first cycle, > 0. */
  t0: number;
  /** Growth factor of the cycle length, an integer >= 1. Default `1`. */
  tMult?: number;
  /** Steps of warmup before the first cycle (`sgdr`'s `warmupSteps`). Default `0`. */
  warmupSteps?: number;
  /** Number of cycles; the last one ends at its end and no restart follows. Default: no limit. */
  cycleLimit?: number;
}

/**
 * The steps at which SGDR's cycles end, up to `until` (inclusive): cycle `i` (from 0) ends at
 * `warmupSteps + t0·(1 + tMult + … + tMult^i)`, which is where cycle `i + 1` restarts at the peak. With a
 * `cycleLimit` the list stops at the end of the last cycle. These are the boundaries of `sgdr`,
 * `CosineAnnealingWarmRestarts` and the tfjs callback's `onCycleEnd`; a snapshot taken at each one is a
 * member of a snapshot ensemble (Huang et al. 2017).
 *
 * @throws {@link InvalidParameterError} naming a bad option or `until`.
 *
 * @example
 * ```ts
 * sgdrRestarts({ t0: 10, tMult: 2 }, 100); // [10, 30, 70]
 * ```
 */
export function sgdrRestarts(options: SgdrRestartOptions, until: number): number[] {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an object with t0 (and tMult, warmupSteps, cycleLimit)');
  const { t0, tMult = 1, warmupSteps = 0, cycleLimit = Infinity } = options;
  if (!isFiniteNumber(t0) || t0 <= 0) throw new InvalidParameterError('t0', t0, 'a positive finite number');
  if (!Number.isSafeInteger(tMult) || tMult < 1) throw new InvalidParameterError('tMult', tMult, 'an integer >= 1');
  if (!isFiniteNumber(warmupSteps) || warmupSteps < 0) throw new InvalidParameterError('warmupSteps', warmupSteps, 'a non-negative finite number');
  if (!(cycleLimit === Infinity || (Number.isSafeInteger(cycleLimit) && cycleLimit >= 1))) throw new InvalidParameterError('cycleLimit', cycleLimit, 'an integer >= 1');
  if (typeof until !== 'number' || Number.isNaN(until)) throw new InvalidParameterError('until', until, 'a number');
  const out: number[] = [];
  let end = warmupSteps;
  let length = t0;
  for (let i = 0; i < cycleLimit; i++) {
    end += length;
    if (end > until) break;
    out.push(end);
    length *= tMult;
  }
  return out;
}

/**
 * The {@link SgdrRestartOptions} of a schedule or scheduler with warm restarts: a pure `sgdr` schedule (its
 * JSON), or an object with numeric `t0` and `tMult` (a `CosineAnnealingWarmRestarts`). `undefined` for
 * anything else.
 */
export function restartOptionsOf(source: Schedule | object | undefined): SgdrRestartOptions | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const s = source as Partial<Schedule> & { t0?: unknown; tMult?: unknown; kind?: unknown };
  if (s.kind === 'CosineAnnealingWarmRestarts' && isFiniteNumber(s.t0) && isFiniteNumber(s.tMult)) return { t0: s.t0, tMult: s.tMult };
  if (s.type === 'sgdr' && typeof s.toJSON === 'function') {
    const spec = s.toJSON() as unknown as SgdrRestartOptions;
    return {
      t0: spec.t0,
      ...(spec.tMult === undefined ? {} : { tMult: spec.tMult }),
      ...(spec.warmupSteps === undefined ? {} : { warmupSteps: spec.warmupSteps }),
      ...(spec.cycleLimit === undefined ? {} : { cycleLimit: spec.cycleLimit }),
    };
  }
  return undefined;
}
