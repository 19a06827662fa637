import { InvalidParameterError } from '../errors.js';
import { callLambda, type LrLambda } from '../schedules/lambda.js';
import { LRScheduler } from './lr-scheduler.js';
import { schedulerOptions } from './state.js';
import type { OptimizerLike } from './optimizer.js';
import type { PyTorchVersion } from './pytorch-version.js';

/** Options of {@link LambdaLR} and {@link MultiplicativeLR}. */
export interface LambdaLROptions {
  /** One function for every group, or one per group. */
  lrLambda: LrLambda | LrLambda[];
  /** Index of the last step when resuming. Default `-1`. */
  lastEpoch?: number;
  /** The PyTorch whose stepping to reproduce where 1.13 and 2 differ: {@link PyTorchVersion}. Default `'2'`. */
  pytorch?: PyTorchVersion;
}

function lambdas(lrLambda: unknown, groups: number): LrLambda[] {
  if (typeof lrLambda === 'function') return Array.from({ length: groups }, () => lrLambda as LrLambda);
  if (Array.isArray(lrLambda) && lrLambda.length === groups && lrLambda.every((f) => typeof f === 'function')) {
    return [...(lrLambda as LrLambda[])];
  }
  throw new InvalidParameterError('lrLambda', lrLambda, `a function or an array of ${groups} functions (one per param group)`);
}

/** PyTorch `LambdaLR`: `baseLr · lrLambda(lastEpoch)`. Holds functions: not serializable (its state is). */
export class LambdaLR extends LRScheduler {
  readonly kind: string = 'LambdaLR';
  protected readonly fns: LrLambda[];
  constructor(optimizer: OptimizerLike, options: LambdaLROptions) {
    super(optimizer, schedulerOptions(options, ['lrLambda', 'lastEpoch', 'pytorch']), options.pytorch);
    this.fns = lambdas(options.lrLambda, this.optimizer.paramGroups.length);
    this.init();
  }
  /** Runs the initial step; a hook so {@link MultiplicativeLR} can share the constructor. */
  protected init(): void {
    this.start();
  }
  protected options() {
    return null;
  }
  protected override computeLr(): number[] {
    return this.baseLrs.map((b, i) => b * callLambda(`lrLambda[${i}]`, this.fns[i]!, this.lastEpoch));
  }
}

/**
 * PyTorch `MultiplicativeLR`: each step multiplies the current rate by `lrLambda(lastEpoch)`, except a step
 * that keeps the rate (`'2'`: the initial step; `'1.13'`: the step to 0; see {@link PyTorchVersion}).
 */
export class MultiplicativeLR extends LambdaLR {
  override readonly kind: string = 'MultiplicativeLR';
  protected override computeLr(): number[] {
    const e = this.lastEpoch;
    const hold = this.holdsRate();
    return this.optimizer.paramGroups.map((g, i) => (hold ? g.lr : g.lr * callLambda(`lrLambda[${i}]`, this.fns[i]!, e)));
  }
}
