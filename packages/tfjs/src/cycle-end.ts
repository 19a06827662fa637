/**
 * The `onCycleEnd` hook of `annealCallback`: called when an SGDR cycle ends (a warm restart is next), for
 * example to save a snapshot of the model for a snapshot ensemble. The boundaries are core's `sgdrRestarts`.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, restartOptionsOf, sgdrRestarts, type SgdrRestartOptions } from '@anneal/core';
import type * as tf from '@tensorflow/tfjs';

/** What `onCycleEnd` is told. */
export interface CycleEndInfo {
  /** The cycle that ended, from 0. */
  cycle: number;
  /** Where it ended, in the schedule's unit: epochs (`per: 'epoch'`, `fractionalEpochs`) or optimizer steps (`per: 'batch'`). */
  at: number;
  /** The epoch of `fit()` that was running (0-based, as tfjs counts). */
  epoch: number;
  /** The model being trained, with the weights of the cycle's end (save or clone them here). */
  model: tf.LayersModel;
}

/** `annealCallback`'s `onCycleEnd`: may be async (`fit()` waits for it). */
export type CycleEndHook = (info: CycleEndInfo) => void | Promise<void>;

/**
 * Finds the cycle ends a training position passed and calls the hook for each, once.
 * @internal
 */
export class CycleEndWatcher {
  private fired = 0;
  private restarts: SgdrRestartOptions | undefined;

  constructor(private readonly hook: CycleEndHook) {}

  /**
   * The restarts of `source` (a pure `sgdr` or a `CosineAnnealingWarmRestarts`).
   * @throws {@link InvalidParameterError} for a schedule without warm restarts.
   */
  use(source: object | undefined): void {
    const restarts = restartOptionsOf(source);
    if (restarts === undefined) {
      throw new InvalidParameterError(
        'onCycleEnd',
        'a function',
        `absent unless the schedule restarts: a pure sgdr(...) or a CosineAnnealingWarmRestarts, not ${describe(source)}`,
      );
    }
    this.restarts = restarts;
  }

  /** Calls the hook for every cycle end at or before `position` not reported yet, in order. */
  async reach(position: number, epoch: number, model: tf.LayersModel | undefined): Promise<void> {
    if (this.restarts === undefined || model === undefined) return;
    const ends = sgdrRestarts(this.restarts, position);
    while (this.fired < ends.length) {
      const cycle = this.fired++;
      await this.hook({ cycle, at: ends[cycle]!, epoch, model });
    }
  }
}

function describe(source: object | undefined): string {
  const s = source as { type?: unknown; kind?: unknown } | undefined;
  return typeof s?.kind === 'string' ? `a ${s.kind}` : typeof s?.type === 'string' ? `a ${s.type} schedule` : 'this scheduler';
}
