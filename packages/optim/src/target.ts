/**
 * Rate targets: the places a learning rate can live outside an optimizer with param groups, and the
 * adapter that presents them to core's schedulers as an `OptimizerLike`.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { type OptimizerLike, type ParamGroup } from '@anneal/core/schedulers';
import { isFiniteNumber } from '@anneal/core/adapter';

/** A function that receives every rate written to the target, e.g. `(lr) => { net.trainOpts.learningRate = lr; }`. */
export type RateSetter = (lr: number) => void;

/** An object whose learning rate is its numeric `lr` field (a hand-written optimizer, a param group). */
export interface LrField {
  /** The learning rate, read for the base rate and overwritten at every step. */
  lr: number;
}

/** An object whose learning rate is its numeric `learningRate` field (brain.js-style training options). */
export interface LearningRateField {
  /** The learning rate, read for the base rate and overwritten at every step. */
  learningRate: number;
}

/** One learning rate to drive: an object with an `lr` or a `learningRate` field, or a setter function. */
export type RateTarget = LrField | LearningRateField | RateSetter;

/**
 * Whatever {@link asOptimizerLike} and `bindSchedule` accept: one {@link RateTarget}, several (one param
 * group each, each with its own base rate), or an optimizer that already has `paramGroups` (used as is).
 */
export type BindTarget = RateTarget | readonly RateTarget[] | OptimizerLike;

/** Options of {@link asOptimizerLike}. */
export interface TargetOptions {
  /**
   * The base rate the schedule is relative to (core's `initialLr`), one for every group or one per group.
   * Required for setter targets, which cannot be read; default for field targets: the field's current
   * value; for an optimizer with `paramGroups` it sets each group's `initialLr`.
   */
  baseLr?: number | readonly number[];
}

const EXPECTED_TARGET =
  'an object with a numeric lr or learningRate field, a setter function (lr) => void, an array of those, or an optimizer with paramGroups';

function isOptimizerLike(target: unknown): target is OptimizerLike {
  return typeof target === 'object' && target !== null && Array.isArray((target as { paramGroups?: unknown }).paramGroups);
}

/** Defines `group[name]` as a live view of `source[name]`: reads and writes go to the target. */
function forward(group: ParamGroup, source: Record<string, unknown>, name: string, sourceName = name): void {
  Object.defineProperty(group, name, {
    enumerable: true,
    get: () => source[sourceName],
    set: (v: unknown) => {
      source[sourceName] = v;
    },
  });
}

function fieldGroup(target: Record<string, unknown>, path: string): ParamGroup {
  const hasLr = 'lr' in target;
  const hasLearningRate = 'learningRate' in target;
  if (hasLr && hasLearningRate) {
    throw new InvalidParameterError(path, target, 'an object with one of lr or learningRate, not both (use a setter function to choose)');
  }
  const key = hasLr ? 'lr' : 'learningRate';
  if (!hasLr && !hasLearningRate) throw new InvalidParameterError(path, target, EXPECTED_TARGET);
  if (!isFiniteNumber(target[key])) throw new InvalidParameterError(`${path}.${key}`, target[key], 'a finite number');
  const group = {} as ParamGroup;
  forward(group, target, 'lr', key);
  // A hand-written optimizer's momentum (or Adam betas) is cycled in place by one-cycle and cyclic schedulers.
  if (isFiniteNumber(target.momentum)) forward(group, target, 'momentum');
  if (Array.isArray(target.betas)) forward(group, target, 'betas');
  return group;
}

function setterGroup(setter: RateSetter, baseLr: number | undefined, path: string): ParamGroup {
  if (baseLr === undefined) {
    throw new InvalidParameterError(`baseLr`, undefined, `a finite number: ${path} is a setter function, which cannot be read, so its base rate must be given`);
  }
  let current = baseLr;
  return {
    get lr(): number {
      return current;
    },
    set lr(value: number) {
      current = value;
      setter(value);
    },
  };
}

function baseRates(baseLr: TargetOptions['baseLr'], groups: number): (number | undefined)[] {
  if (baseLr === undefined) return Array.from({ length: groups }, () => undefined);
  if (Array.isArray(baseLr)) {
    if (baseLr.length !== groups) throw new InvalidParameterError('baseLr', baseLr, `a number or an array of ${groups} numbers (one per param group)`);
    return baseLr.map((v: unknown, i) => {
      if (!isFiniteNumber(v)) throw new InvalidParameterError(`baseLr[${i}]`, v, 'a finite number');
      return v;
    });
  }
  if (!isFiniteNumber(baseLr)) throw new InvalidParameterError('baseLr', baseLr, 'a finite number or an array of finite numbers');
  return Array.from({ length: groups }, () => baseLr as number);
}

/**
 * Presents a rate target as core's `OptimizerLike`, so every core scheduler (CosineAnnealingLR, OneCycleLR,
 * ReduceLROnPlateau, ...) drives it unchanged. Each target becomes one param group whose `lr` is a live
 * view: reading it reads the field (or the last rate given to the setter), writing it writes the field
 * (or calls the setter). A field target's numeric `momentum` and array `betas` are forwarded the same way,
 * so one-cycle momentum cycling reaches a hand-written optimizer. Nothing is written to the target until a
 * scheduler writes a rate. An optimizer with `paramGroups` is returned as is.
 *
 * The result has `restoreOnLoad: true`: a target keeps no state of its own, so `scheduler.loadStateDict(saved)`
 * on a fresh target writes the saved rate (and a cycled momentum) back into it, and the next step trains at
 * the rate the interrupted run would have used.
 *
 * @param target - a field object, a setter, an array of those (one group each), or an optimizer.
 * @param options - `baseLr`: see {@link TargetOptions}.
 * @returns an `OptimizerLike` whose `paramGroups` drive the target(s).
 * @throws {@link InvalidParameterError} for an unusable target, a non-finite field, a setter without `baseLr`,
 * or a `baseLr` array of the wrong length.
 *
 * @example
 * ```ts
 * const trainOpts = { learningRate: 0.3 };
 * const scheduler = new CosineAnnealingLR(asOptimizerLike(trainOpts), { tMax: 100 });
 * scheduler.step(); // trainOpts.learningRate is now the rate of step 1
 * ```
 */
export function asOptimizerLike(target: BindTarget, options: TargetOptions = {}): OptimizerLike {
  if (typeof options !== 'object' || options === null) throw new InvalidParameterError('options', options, 'an options object');
  if (isOptimizerLike(target)) {
    const bases = baseRates(options.baseLr, target.paramGroups.length);
    target.paramGroups.forEach((group, i) => {
      const base = bases[i];
      if (base !== undefined) group.initialLr = base;
    });
    return target;
  }
  const list: readonly unknown[] = Array.isArray(target) ? target : [target];
  if (list.length === 0) throw new InvalidParameterError('target', target, EXPECTED_TARGET);
  const bases = baseRates(options.baseLr, list.length);
  const paramGroups = list.map((item, i) => {
    const path = Array.isArray(target) ? `target[${i}]` : 'target';
    const base = bases[i];
    let group: ParamGroup;
    if (typeof item === 'function') group = setterGroup(item as RateSetter, base, path);
    else if (typeof item === 'object' && item !== null && !Array.isArray(item) && !isOptimizerLike(item)) {
      group = fieldGroup(item as Record<string, unknown>, path);
    } else throw new InvalidParameterError(path, item, Array.isArray(target) ? 'a field object or a setter function' : EXPECTED_TARGET);
    if (base !== undefined) group.initialLr = base;
    return group;
  });
  // A rate target has no state that restores its rate: loading a scheduler's state writes it back.
  return { paramGroups, restoreOnLoad: true };
}
