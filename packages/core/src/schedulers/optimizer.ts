/**
 * The minimal optimizer interface the stateful schedulers drive. PyTorch's `param_groups`, in
 * camelCase: any object with a `paramGroups` array whose entries have a mutable `lr` works, which is
 * how `@anneal/optim`, `@anneal/tfjs` and `@anneal/onnxruntime-web` connect their optimizers.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '../errors.js';

/** One parameter group: its learning rate and, for schedulers that cycle it, its momentum. */
export interface ParamGroup {
  /** The current learning rate; schedulers write it. */
  lr: number;
  /** The rate the schedule is relative to; set from `lr` by the first scheduler attached (PyTorch's `initial_lr`). */
  initialLr?: number;
  /** SGD-style momentum, cycled by one-cycle and cyclic schedulers. */
  momentum?: number;
  /** Adam-style betas; one-cycle and cyclic schedulers cycle `betas[0]` when present. */
  betas?: readonly number[];
  /**
   * `OneCycleLR`'s bounds, kept in the group as PyTorch keeps them (`max_lr`, `min_lr`, `max_momentum`,
   * `base_momentum`, with `initial_lr`): written at construction (on a resume, into the groups that lack
   * them) and read back every step, so a second `OneCycleLR` built on the same optimizer moves the first
   * one's bounds, exactly as in PyTorch. A bound removed or made non-finite is refused at the next step
   * with a `NonFiniteRateError`.
   */
  maxLr?: number;
  /** See {@link ParamGroup.maxLr}. */
  minLr?: number;
  /** See {@link ParamGroup.maxLr}. */
  maxMomentum?: number;
  /** See {@link ParamGroup.maxLr}. */
  baseMomentum?: number;
}

/** Anything with PyTorch-like parameter groups. */
export interface OptimizerLike {
  /** The groups, each driven with its own base rate. */
  readonly paramGroups: ParamGroup[];
  /**
   * `true` when this optimizer has no state of its own that holds the rates (a TensorFlow.js optimizer, a
   * rate field, an ONNX feeder's groups): a scheduler's `loadStateDict` then writes the saved rates, and
   * the momentum of a scheduler that cycles it, back into the groups, so that a scheduler resumed on a
   * fresh optimizer trains its next step at the saved rate. Absent or `false`: PyTorch's behaviour, where
   * `loadStateDict` leaves the groups alone and the optimizer's own state restores them.
   */
  readonly restoreOnLoad?: boolean;
}

/** Checks that `optimizer` has at least one group and that each group's rate is finite. */
export function checkOptimizer(optimizer: unknown): OptimizerLike {
  const groups = (optimizer as OptimizerLike | null)?.paramGroups;
  if (!Array.isArray(groups) || groups.length === 0) {
    throw new InvalidParameterError('optimizer.paramGroups', groups, 'a non-empty array of parameter groups');
  }
  groups.forEach((group: ParamGroup, i) => {
    if (typeof group !== 'object' || group === null || typeof group.lr !== 'number' || !Number.isFinite(group.lr)) {
      throw new InvalidParameterError(`optimizer.paramGroups[${i}].lr`, group?.lr, 'a finite number');
    }
  });
  return optimizer as OptimizerLike;
}

/** Whether the group keeps its momentum as Adam's `betas[0]` rather than `momentum`. */
export function usesBetas(group: ParamGroup): boolean {
  return Array.isArray(group.betas);
}

/** The group's current momentum (`momentum`, or `betas[0]`). */
export function readMomentum(group: ParamGroup): number | undefined {
  return usesBetas(group) ? group.betas![0] : group.momentum;
}

/** Writes the group's momentum, replacing `betas` with a new array as PyTorch replaces the tuple. */
export function writeMomentum(group: ParamGroup, value: number): void {
  if (usesBetas(group)) writeBeta1(group, value);
  else writeMomentumField(group, value);
}

/**
 * The writer of one kind of momentum: Adam's `betas[0]` ({@link writeBeta1}) or `momentum` itself. For a
 * scheduler that decides the kind once, as PyTorch's `OneCycleLR` does (`use_beta1`).
 */
export function momentumWriter(beta1: boolean): (group: ParamGroup, value: number) => void {
  return beta1 ? writeBeta1 : writeMomentumField;
}

/** Writes `momentum` itself. */
function writeMomentumField(group: ParamGroup, value: number): void {
  group.momentum = value;
}

/** Replaces `group.betas` with a copy whose first entry is `value`. */
function writeBeta1(group: ParamGroup, value: number): void {
  group.betas = [value, ...group.betas!.slice(1)];
}

/**
 * Expands a scalar-or-per-group option (PyTorch's `_format_param`): a number applies to every group,
 * an array must have one entry per group.
 */
export function perGroup(name: string, value: number | readonly number[], groups: number, check: (name: string, v: unknown) => number): number[] {
  if (Array.isArray(value)) {
    if (value.length !== groups) {
      throw new InvalidParameterError(name, value, `a number or an array of ${groups} numbers (one per param group)`);
    }
    return value.map((v, i) => check(`${name}[${i}]`, v));
  }
  const v = check(name, value);
  return Array.from({ length: groups }, () => v);
}
