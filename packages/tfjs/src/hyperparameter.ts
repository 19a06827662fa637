/**
 * `scheduleHyperparameter`: any schedule drives a TensorFlow.js optimizer's momentum or Adam's betas, the
 * knobs tfjs optimizers read on every step. Writes go through `bindOptimizer`'s group (Adam's bias
 * correction kept right, tensors disposed); the values come from core's `ScheduleLR` on a view whose `lr`
 * is the knob.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, type Schedule } from '@anneal/core';
import { ScheduleLR, type OptimizerLike, type ParamGroup } from '@anneal/core/schedulers';
import { isFiniteNumber } from '@anneal/core/adapter';
import { bindOptimizer } from './bind-optimizer.js';
import { UnsupportedOptimizerError } from './errors.js';
import type { TfCore, TfOptimizer } from './tf-types.js';

/**
 * The TensorFlow.js knobs {@link scheduleHyperparameter} drives: `momentum` (`tf.train.momentum`,
 * `tf.train.rmsprop`), `beta1` and `beta2` (`tf.train.adam`, `tf.train.adamax`). tfjs optimizers have no
 * weight decay.
 */
export type TfHyperparameterName = 'momentum' | 'beta1' | 'beta2';

/** A schedule bound to a tfjs optimizer's knob; the optimizer holds the value of step 0 on creation. */
export interface TfHyperparameterBinding {
  /** The knob driven. */
  readonly name: TfHyperparameterName;
  /** Core's `ScheduleLR` computing the values (its `stateDict()` resumes the binding). */
  readonly scheduler: ScheduleLR;
  /** The current value. */
  readonly value: number;
  /** One step forward: the value becomes `schedule.lr(t + 1, base)`. */
  step(): void;
  /** Jumps to step `t` (fractional allowed). */
  stepTo(t: number): void;
}

/**
 * Drives `momentum`, `beta1` or `beta2` of a TensorFlow.js optimizer with any schedule: at step `t` the
 * value is `schedule.lr(t, base)`, `base` being the optimizer's value when bound (or `options.base`). Step
 * it after each optimizer step (a custom loop) or batch. For Adam the bias-correction accumulator of the
 * changed beta is reset to `beta^(iterations + 1)`, so each update uses `1 − beta^k` with the current beta,
 * as PyTorch does.
 *
 * @param tf - the TensorFlow.js namespace.
 * @param optimizer - a tfjs optimizer with that knob.
 * @param name - `'momentum'`, `'beta1'` or `'beta2'`.
 * @param schedule - the schedule.
 * @param options - `base`: the value the schedule scales.
 * @throws {@link UnsupportedOptimizerError} when the optimizer has no such knob.
 * @throws {@link InvalidParameterError} for another `name` or a bad `base`.
 */
export function scheduleHyperparameter(
  tf: TfCore,
  optimizer: TfOptimizer,
  name: TfHyperparameterName,
  schedule: Schedule,
  options: { base?: number } = {},
): TfHyperparameterBinding {
  if (name !== 'momentum' && name !== 'beta1' && name !== 'beta2') {
    throw new InvalidParameterError('name', name, "'momentum', 'beta1' or 'beta2' (the knobs tfjs optimizers read on every step)");
  }
  const binding = bindOptimizer(tf, optimizer);
  const wanted = name === 'momentum' ? 'momentum' : 'betas';
  if (binding.momentumSlot !== wanted) {
    throw new UnsupportedOptimizerError(binding.className, `it has no ${name} (momentum: tf.train.momentum or rmsprop; beta1/beta2: tf.train.adam or adamax)`);
  }
  const group = binding.paramGroups[0]!;
  const read = (): number => (name === 'momentum' ? (group.momentum as number) : (group.betas as number[])[name === 'beta1' ? 0 : 1]!);
  const write = (value: number): void => {
    if (name === 'momentum') group.momentum = value;
    else {
      const betas = [...(group.betas as number[])];
      betas[name === 'beta1' ? 0 : 1] = value;
      group.betas = betas;
    }
  };
  const base = options.base ?? read();
  if (!isFiniteNumber(base)) throw new InvalidParameterError('options.base', base, 'a finite number');
  const view = { initialLr: base } as ParamGroup;
  Object.defineProperty(view, 'lr', { enumerable: true, get: read, set: write });
  const scheduler = new ScheduleLR({ paramGroups: [view] } as OptimizerLike, schedule);
  return {
    name,
    scheduler,
    get value() {
      return read();
    },
    step: () => scheduler.step(),
    stepTo: (t: number) => scheduler.step(t),
  };
}
