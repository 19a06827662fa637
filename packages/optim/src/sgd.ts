/**
 * Stochastic gradient descent with PyTorch's update rule (`torch.optim.SGD`).
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { checkBoolean, checkFinite, checkKnownKeys, checkNonNegative } from '@anneal/core/adapter';
import { Optimizer, withoutUndefined, type OptimizerParamGroup, type ParamGroupInit } from './optimizer.js';
import type { Parameter, Vector } from './parameter.js';

/** Hyperparameters of {@link SGD}; PyTorch's defaults. */
export interface SGDOptions {
  /** Learning rate, >= 0. Required (as in PyTorch), unless every param group gives its own. */
  lr: number;
  /** Momentum factor, >= 0; `0` is plain SGD. Default `0`. Cycled by `OneCycleLR` and `CyclicLR`. */
  momentum?: number;
  /** Dampening of the momentum: the gradient enters the buffer scaled by `1 − dampening`. Default `0`. */
  dampening?: number;
  /** L2 penalty: `weightDecay · param` is added to the gradient. Default `0`. */
  weightDecay?: number;
  /** Nesterov momentum; needs `momentum > 0` and `dampening = 0`. Default `false`. */
  nesterov?: boolean;
  /** Maximize the objective (step along the gradient) instead of minimizing it. Default `false`. */
  maximize?: boolean;
}

/** A param group of {@link SGD}: its parameters and its own hyperparameters. */
export interface SGDParamGroup extends OptimizerParamGroup {
  /** Learning rate of the next `step()`; schedulers write it. */
  lr: number;
  /** Momentum factor of the next `step()`; `OneCycleLR` and `CyclicLR` cycle it. */
  momentum: number;
  /** See {@link SGDOptions.dampening}. */
  dampening: number;
  /** See {@link SGDOptions.weightDecay}. */
  weightDecay: number;
  /** See {@link SGDOptions.nesterov}. */
  nesterov: boolean;
  /** See {@link SGDOptions.maximize}. */
  maximize: boolean;
}

/** Per-parameter state of {@link SGD}. */
type SGDState = {
  /** The momentum buffer, created on the first update with momentum ≠ 0. */
  momentumBuffer?: Vector;
};

const KEYS = ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov', 'maximize'] as const;

function sgdHyper(v: Record<string, unknown>, path: string): Omit<SGDParamGroup, 'params'> {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const lr = checkNonNegative(at('lr'), v.lr);
  const momentum = checkNonNegative(at('momentum'), v.momentum ?? 0);
  const dampening = checkFinite(at('dampening'), v.dampening ?? 0);
  const weightDecay = checkNonNegative(at('weightDecay'), v.weightDecay ?? 0);
  const nesterov = checkBoolean(at('nesterov'), v.nesterov ?? false);
  const maximize = checkBoolean(at('maximize'), v.maximize ?? false);
  return { lr, momentum, dampening, weightDecay, nesterov, maximize };
}

/**
 * SGD with momentum, dampening, Nesterov momentum and weight decay, PyTorch's rule for each element
 * (`g` the gradient, `b` the momentum buffer, `p` the parameter):
 *
 * ```text
 * g = g + weightDecay·p                        (if weightDecay ≠ 0)
 * b = g on the first step, else momentum·b + (1 − dampening)·g   (if momentum ≠ 0)
 * g = g + momentum·b if nesterov, else b                          (if momentum ≠ 0)
 * p = p − lr·g
 * ```
 *
 * `lr` and `momentum` are read from each group at every `step()`, so any core scheduler drives them.
 * Arithmetic is in double precision; `Float32Array` parameters and buffers round on store.
 *
 * @example
 * ```ts
 * const w = parameter([0, 0]);
 * const sgd = new SGD([w], { lr: 0.1, momentum: 0.9 });
 * w.grad.set([0.5, -1]); // your gradient
 * sgd.step();
 * ```
 */
export class SGD extends Optimizer<SGDParamGroup, SGDState> {
  /** `"SGD"`, written into state dicts. */
  readonly kind = 'SGD';

  /**
   * @param params - the parameters, or param groups `{ params, lr?, momentum?, ... }` overriding `options`.
   * @param options - the default hyperparameters.
   * @throws {@link InvalidParameterError} for a negative rate, momentum or weight decay, Nesterov without
   * momentum or with dampening, an unknown option, or a malformed parameter.
   */
  constructor(params: readonly Parameter[] | readonly ParamGroupInit<SGDParamGroup>[], options: SGDOptions) {
    const defaults = withoutUndefined(checkKnownKeys('options', options, KEYS));
    if (defaults.lr !== undefined) sgdHyper(defaults, '');
    super(params, defaults, { groupKeys: KEYS, stateFields: { momentumBuffer: 'vector' } });
  }

  /** Validates SGD hyperparameters (PyTorch's checks: non-negative rate, momentum and decay; Nesterov needs momentum and no dampening). */
  protected makeGroup(values: Record<string, unknown>, path: string): Omit<SGDParamGroup, 'params'> {
    const group = sgdHyper(values, path);
    if (group.nesterov && (group.momentum <= 0 || group.dampening !== 0)) {
      throw new InvalidParameterError(`${path === '' ? '' : `${path}.`}nesterov`, true, 'false unless momentum > 0 and dampening = 0');
    }
    return group;
  }

  /** One SGD update of every parameter, with each group's current `lr` and `momentum`. */
  step(): void {
    this.paramGroups.forEach((group, gi) => {
      const { lr, momentum, dampening, weightDecay, nesterov, maximize } = this.checkGroup(group, gi);
      group.params.forEach((param, pi) => {
        const grad = this.gradOf(param, `paramGroups[${gi}].params[${pi}]`);
        const p = param.value;
        let state = this.state.get(param);
        if (state === undefined) {
          state = {};
          this.state.set(param, state);
        }
        const fresh = momentum !== 0 && state.momentumBuffer === undefined;
        const buf = momentum === 0 ? undefined : (state.momentumBuffer ??= p instanceof Float32Array ? new Float32Array(p.length) : new Float64Array(p.length));
        for (let i = 0; i < p.length; i++) {
          let d = maximize ? -grad[i]! : grad[i]!;
          if (weightDecay !== 0) d = d + weightDecay * p[i]!;
          if (buf !== undefined) {
            buf[i] = fresh ? d : momentum * buf[i]! + (1 - dampening) * d;
            d = nesterov ? d + momentum * buf[i]! : buf[i]!;
          }
          p[i] = p[i]! - lr * d;
        }
      });
    });
  }
}
