/**
 * The step-unit check `annealCallback` runs when training starts: the schedule's length against the run.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import type { ScheduleDriver } from '@anneal/core/adapter';

/** What the callback knows about the run when training starts. @internal */
export interface RunShape {
  per: 'epoch' | 'batch';
  fractional: boolean;
  /** `fit()`'s `epochs`: the epoch the run ends at, counted from 0. */
  epochs: number;
  /** Batches per epoch, when known (per batch only). */
  stepsPerEpoch: number | undefined;
  /** Whether certain mistakes throw (else they are warnings too). */
  strict: boolean;
  warn: (message: string) => void;
}

/** A schedule's length, read from its options: the name users wrote, its value, and what happens after it. */
interface Horizon {
  what: string;
  option: string;
  value: number;
  after: 'throws' | 'rises' | 'holds';
}

/** The length of the source the driver runs, when it has one the check understands. */
function horizonOf(driver: ScheduleDriver): Horizon | undefined {
  const scheduler = driver.scheduler as { kind?: string; totalSteps?: number; tMax?: number; schedules?: ReadonlyArray<{ toJSON(): unknown }> };
  if (scheduler.kind === 'OneCycleLR' && typeof scheduler.totalSteps === 'number') {
    return { what: 'OneCycleLR', option: 'totalSteps', value: scheduler.totalSteps, after: 'throws' };
  }
  if (scheduler.kind === 'CosineAnnealingLR' && typeof scheduler.tMax === 'number') {
    return { what: 'CosineAnnealingLR', option: 'tMax', value: scheduler.tMax, after: 'rises' };
  }
  if (driver.kind !== 'schedule' || scheduler.schedules === undefined) return undefined;
  let spec: { type?: unknown; totalSteps?: unknown; tMax?: unknown };
  try {
    spec = scheduler.schedules[0]!.toJSON() as typeof spec;
  } catch {
    return undefined; // a schedule with a user function: nothing to read
  }
  if (spec.type === 'oneCycle' && typeof spec.totalSteps === 'number') return { what: 'oneCycle', option: 'totalSteps', value: spec.totalSteps, after: 'holds' };
  if (spec.type === 'cosine' && typeof spec.tMax === 'number') return { what: 'cosine', option: 'tMax', value: spec.tMax, after: 'rises' };
  return undefined;
}

/**
 * Compares the schedule's length with the run and stops (or warns about) a mismatch before the first
 * batch. Certain mistakes: a `OneCycleLR` the run would step past `totalSteps`; a length equal to the
 * run's batches but stepped per epoch; a length equal to the epochs but stepped per batch. Likely ones
 * (warnings): a cosine that ends before the run (the rate climbs back), a one-cycle the run does not finish
 * or outlasts.
 * @throws {@link InvalidParameterError} naming `per` or the schedule's option, with the numbers and the fix.
 * @internal
 */
export function checkSteps(driver: ScheduleDriver, run: RunShape): void {
  const horizon = horizonOf(driver);
  if (horizon === undefined) return;
  const { per, epochs, stepsPerEpoch: batches } = run;
  const perBatch = per === 'batch' && !run.fractional;
  if (perBatch && batches === undefined) return;
  const steps = perBatch ? epochs * batches! : epochs;
  const unit = perBatch ? `${steps} optimizer steps (${epochs} epochs × ${batches} batches, per: 'batch')` : run.fractional ? `${epochs} epochs (fractionalEpochs)` : `${epochs} epochs (per: 'epoch')`;
  const { what, option, value } = horizon;
  const stated = `${what} has ${option} = ${value}`;
  const certain = (name: string, got: unknown, message: string) => {
    if (run.strict) throw new InvalidParameterError(name, got, message);
    run.warn(`annealCallback: ${name} = ${JSON.stringify(got)}: expected ${message} (stepCheck: 'warn')`);
  };
  if (horizon.after === 'throws' && steps > value) {
    const fix = perBatch
      ? `build it with { epochs: ${epochs}, stepsPerEpoch: ${batches} } (totalSteps = ${steps})`
      : `build it with totalSteps: ${epochs} to step it per epoch, or size it in batches and pass per: 'batch'`;
    certain(option, value, `>= ${steps}: this fit() steps the ${what} ${steps} times over ${unit}, and it stops with "Tried to step ${value + 2} times" past ${option}; ${fix}`);
    return;
  }
  if (perBatch && batches! > 1 && value === epochs) {
    certain(
      'per',
      per,
      `"epoch" for a ${what} sized in epochs: ${stated}, the number of epochs, but per: 'batch' steps it ${steps} times (${epochs} × ${batches}); pass per: 'epoch', or ${option}: ${steps} to keep stepping per batch`,
    );
    return;
  }
  if (horizon.after === 'rises' && value < steps) {
    run.warn(`annealCallback: ${stated} but the run takes ${unit}: past step ${value} the rate climbs back up towards the base rate (PyTorch's cosine). Set ${option}: ${steps}, or stepCheck: 'off' if this is intended.`);
    return;
  }
  if (horizon.after === 'holds' && value < steps) {
    run.warn(`annealCallback: ${stated} but the run takes ${unit}: the last ${steps - value} steps train at the final rate. Set ${option}: ${steps}, or stepCheck: 'off' if this is intended.`);
    return;
  }
  if (what !== 'cosine' && what !== 'CosineAnnealingLR' && value > steps) {
    run.warn(`annealCallback: ${stated} but the run takes ${unit}: the cycle stops at ${Math.round((100 * steps) / value)} % of it. Set ${option}: ${steps}, or stepCheck: 'off' if you resume the rest later.`);
  }
}

/**
 * The per-epoch check needs the batches per epoch, which `fit()` reports even with `per: 'epoch'`: a length
 * equal to the run's batches, stepped per epoch, is a length sized in batches.
 * @returns Whether it reported a mismatch.
 * @throws {@link InvalidParameterError} naming `per`.
 * @internal
 */
export function checkEpochUnits(driver: ScheduleDriver, run: RunShape, batches: number | undefined): boolean {
  const horizon = horizonOf(driver);
  if (horizon === undefined || run.per !== 'epoch' || batches === undefined || batches <= 1) return false;
  const total = run.epochs * batches;
  if (horizon.value !== total) return false;
  const message = `"batch" for a ${horizon.what} sized in batches: ${horizon.what} has ${horizon.option} = ${horizon.value} = ${run.epochs} epochs × ${batches} batches, but per: 'epoch' steps it ${run.epochs} times (the rate would stop at ${Math.round((100 * run.epochs) / horizon.value)} % of the schedule); pass per: 'batch', or ${horizon.option}: ${run.epochs} to step it per epoch`;
  if (run.strict) throw new InvalidParameterError('per', run.per, message);
  run.warn(`annealCallback: per = "epoch": expected ${message} (stepCheck: 'warn')`);
  return true;
}
