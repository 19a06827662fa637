/**
 * `bindOptimizer`: a TensorFlow.js optimizer seen as an `OptimizerLike` (`@anneal/core/schedulers`) (one param group),
 * so every core scheduler, and every pure schedule through `ScheduleLR`, can drive it.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { type OptimizerLike, type ParamGroup } from '@anneal/core/schedulers';
import { checkNonNegative } from '@anneal/core/adapter';
import { supportFor, type MomentumSlot, type OptimizerClassName } from './optimizer-support.js';
import type { OptimizerInternals, TfCore, TfOptimizer } from './tf-types.js';

/**
 * A TensorFlow.js optimizer as an `OptimizerLike` of `@anneal/core/schedulers`: exactly one param group, whose `lr`
 * (and `momentum`, or `betas` for Adam/Adamax) read and write the optimizer itself. Hand it to any core
 * scheduler: `new CosineAnnealingLR(bindOptimizer(tf, optimizer), { tMax: 100 })`.
 */
export interface OptimizerBinding extends OptimizerLike {
  /** The one group. Writing `lr` applies the rate through the class's own mechanism (see the README's table). */
  readonly paramGroups: ParamGroup[];
  /** The TensorFlow.js optimizer this view drives. */
  readonly optimizer: TfOptimizer;
  /** Its tfjs class name (`getClassName()`). */
  readonly className: OptimizerClassName;
  /** Where its momentum lives: `'momentum'`, `'betas'` (Adam, Adamax) or `'none'` (cycling it throws). */
  readonly momentumSlot: MomentumSlot;
  /** Optimizer steps taken so far (tfjs `optimizer.iterations`): the global step of a per-batch schedule. */
  readonly iterations: number;
  /**
   * Always `true`: a tfjs optimizer has no state that restores the rates, so a scheduler's `loadStateDict`
   * on this binding writes the saved rate (and momentum) back into the optimizer, and a scheduler resumed
   * on a fresh optimizer trains its next step at the saved rate.
   */
  readonly restoreOnLoad: true;
}

const bindings = new WeakMap<object, OptimizerBinding>();

function checkTf(tf: unknown): TfCore {
  const t = tf as Partial<TfCore> | null | undefined;
  if (typeof t?.scalar !== 'function' || typeof t.keep !== 'function' || typeof t.tidy !== 'function') {
    throw new InvalidParameterError('tf', tf, 'the TensorFlow.js namespace (import * as tf from "@tensorflow/tfjs")');
  }
  return t as TfCore;
}

function checkOptimizerObject(optimizer: unknown): OptimizerInternals {
  const o = optimizer as Partial<OptimizerInternals & { applyGradients: unknown }> | null | undefined;
  if (typeof o?.getClassName !== 'function' || typeof o.applyGradients !== 'function') {
    throw new InvalidParameterError('optimizer', optimizer, 'a TensorFlow.js optimizer (tf.train.sgd(0.1), tf.train.adam(), ...)');
  }
  return o as OptimizerInternals;
}

/**
 * Binds a TensorFlow.js optimizer to anneal: returns the {@link OptimizerBinding} through which core
 * schedulers set its learning rate (and momentum). There is one binding per optimizer: binding it again
 * returns the same view, so the group's `initialLr` persists across schedulers and `fit()` calls, as
 * PyTorch keeps `initial_lr` in the optimizer.
 *
 * The rate goes in through `setLearningRate()` for SGD and Momentum (they cache `-lr` in a tensor) and
 * through the `learningRate` field for Adam, Adamax, Adagrad, Adadelta and RMSProp (read on every step).
 * Momentum goes in through MomentumOptimizer's cached scalar, Adam/Adamax `beta1` (with PyTorch's bias
 * correction `1 − beta1^step`), or RMSProp's `momentum`. No tensor is leaked: each write disposes what it
 * replaces.
 *
 * @param tf The TensorFlow.js namespace that created `optimizer` (`import * as tf from '@tensorflow/tfjs'`).
 * @param optimizer A tfjs optimizer of a class in {@link SUPPORTED_OPTIMIZERS}.
 * @throws {@link InvalidParameterError} when `tf` or `optimizer` is not what it should be, when the
 *   optimizer's `learningRate` is not a non-negative finite number, or for Adamax with `decay ≠ 0`.
 * @throws {@link UnsupportedOptimizerError} for another optimizer class. Later, writing a momentum into
 *   an optimizer without one (SGD, Adagrad, Adadelta) throws it too, e.g. when constructing a `OneCycleLR`
 *   with `cycleMomentum` left on.
 */
export function bindOptimizer(tf: TfCore, optimizer: TfOptimizer): OptimizerBinding {
  const core = checkTf(tf);
  const opt = checkOptimizerObject(optimizer);
  const existing = bindings.get(opt);
  if (existing !== undefined) return existing;
  const className = opt.getClassName();
  const support = supportFor(className);
  checkNonNegative('optimizer.learningRate', opt.learningRate);
  support.check(opt);

  const group = {} as ParamGroup;
  Object.defineProperty(group, 'lr', {
    enumerable: true,
    get: () => opt.learningRate,
    set: (value: unknown) => support.writeLr(opt, checkNonNegative('lr', value)),
  });
  Object.defineProperty(group, 'initialLr', { enumerable: true, writable: true, value: undefined });
  if (support.momentum === 'betas') {
    Object.defineProperty(group, 'betas', {
      enumerable: true,
      get: () => support.readMomentum(opt),
      set: (value: readonly number[]) => support.writeMomentum(core, opt, value),
    });
  } else {
    Object.defineProperty(group, 'momentum', {
      enumerable: true,
      get: () => support.readMomentum(opt),
      set: (value: number) => support.writeMomentum(core, opt, value),
    });
  }

  const binding: OptimizerBinding = Object.freeze({
    paramGroups: Object.freeze([group]) as ParamGroup[],
    // A tfjs optimizer keeps no scheduler rates in a state of its own: loading a scheduler's state writes them back.
    restoreOnLoad: true,
    optimizer,
    className: className as OptimizerClassName,
    momentumSlot: support.momentum,
    get iterations(): number {
      return opt.iterations;
    },
  });
  bindings.set(opt, binding);
  return binding;
}

/**
 * Whether `value` is a binding made by {@link bindOptimizer}.
 * @internal
 */
export function isBinding(value: unknown): value is OptimizerBinding {
  const optimizer = (value as Partial<OptimizerBinding> | null | undefined)?.optimizer;
  return typeof optimizer === 'object' && optimizer !== null && bindings.get(optimizer) === value;
}
