/**
 * Adam with PyTorch's update rule (`torch.optim.Adam`), bias correction and AMSGrad included.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { checkBoolean, checkKnownKeys, checkNonNegative, checkUnitInterval } from '@anneal/core/adapter';
import { Optimizer, withoutUndefined, type OptimizerParamGroup, type ParamGroupInit } from './optimizer.js';
import { zerosLike, type Parameter, type Vector } from './parameter.js';

/** Hyperparameters of {@link Adam} and {@link AdamW}; PyTorch's defaults. */
export interface AdamOptions {
  /** Learning rate, >= 0. Default `1e-3`. */
  lr?: number;
  /** `[beta1, beta2]`, the decay rates of the first and second moment averages, each in [0, 1). Default `[0.9, 0.999]`. */
  betas?: readonly [number, number];
  /** Added to the denominator for stability, >= 0. Default `1e-8`. */
  eps?: number;
  /** Weight decay, >= 0. Adam adds `weightDecay · param` to the gradient (L2); AdamW decays the parameter directly. Default `0` (Adam), `1e-2` (AdamW). */
  weightDecay?: number;
  /** Use the running maximum of the second moment (AMSGrad). Default `false`. */
  amsgrad?: boolean;
  /** Maximize the objective instead of minimizing it. Default `false`. */
  maximize?: boolean;
}

/**
 * A param group of {@link Adam} / {@link AdamW}. `betas` is a mutable two-element array; `OneCycleLR` and
 * `CyclicLR` cycle `betas[0]` by replacing the array, and `step()` reads it afresh every time.
 */
export interface AdamParamGroup extends OptimizerParamGroup {
  /** Learning rate of the next `step()`; schedulers write it. */
  lr: number;
  /** `[beta1, beta2]` of the next `step()`; `OneCycleLR` and `CyclicLR` cycle `beta1`. */
  betas: [number, number];
  /** See {@link AdamOptions.eps}. */
  eps: number;
  /** See {@link AdamOptions.weightDecay}. */
  weightDecay: number;
  /** See {@link AdamOptions.amsgrad}. */
  amsgrad: boolean;
  /** See {@link AdamOptions.maximize}. */
  maximize: boolean;
}

/** Per-parameter state of {@link Adam} and {@link AdamW}. */
type AdamState = {
  /** Updates applied so far (the `k` of the bias correction). */
  step?: number;
  /** First moment average `m`. */
  expAvg?: Vector;
  /** Second moment average `v`. */
  expAvgSq?: Vector;
  /** Running maximum of `v`, with AMSGrad only. */
  maxExpAvgSq?: Vector;
};

const KEYS = ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'] as const;

function adamHyper(v: Record<string, unknown>, path: string): Omit<AdamParamGroup, 'params'> {
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const lr = checkNonNegative(at('lr'), v.lr);
  const betas = v.betas;
  if (!Array.isArray(betas) || betas.length !== 2) throw new InvalidParameterError(at('betas'), betas, 'an array of two numbers in [0, 1)');
  const beta1 = checkUnitInterval(at('betas[0]'), betas[0]);
  const beta2 = checkUnitInterval(at('betas[1]'), betas[1]);
  const eps = checkNonNegative(at('eps'), v.eps);
  const weightDecay = checkNonNegative(at('weightDecay'), v.weightDecay);
  const amsgrad = checkBoolean(at('amsgrad'), v.amsgrad);
  const maximize = checkBoolean(at('maximize'), v.maximize);
  return { lr, betas: [beta1, beta2], eps, weightDecay, amsgrad, maximize };
}

/**
 * Adam (Kingma & Ba 2015) with PyTorch's update rule for each element, at the parameter's `k`-th update
 * (`g` the gradient, `p` the parameter, `m`, `v` the moment averages):
 *
 * ```text
 * g = g + weightDecay·p                       (Adam, if weightDecay ≠ 0; AdamW instead: p = p·(1 − lr·weightDecay))
 * m = beta1·m + (1 − beta1)·g
 * v = beta2·v + (1 − beta2)·g²                (AMSGrad: vMax = max(vMax, v), used below instead of v)
 * p = p − (lr / (1 − beta1^k)) · m / (√v / √(1 − beta2^k) + eps)
 * ```
 *
 * `lr` and `betas` are read from each group at every `step()`, so any core scheduler drives the rate, and
 * `OneCycleLR` / `CyclicLR` cycle `betas[0]`. Arithmetic is in double precision; `Float32Array` parameters
 * and buffers round on store.
 */
export class Adam extends Optimizer<AdamParamGroup, AdamState> {
  /** `"Adam"`, or `"AdamW"` for the subclass. */
  readonly kind: 'Adam' | 'AdamW' = 'Adam';
  /** Whether weight decay is decoupled from the gradient (AdamW) rather than an L2 term (Adam). */
  protected readonly decoupled: boolean;

  /**
   * @param params - the parameters, or param groups `{ params, lr?, betas?, ... }` overriding `options`.
   * @param options - the default hyperparameters.
   * @throws {@link InvalidParameterError} for a negative rate, eps or weight decay, a beta outside [0, 1),
   * an unknown option, or a malformed parameter.
   */
  constructor(params: readonly Parameter[] | readonly ParamGroupInit<AdamParamGroup>[], options: AdamOptions = {}) {
    const defaults = Adam.defaults(options, 0);
    super(params, defaults, { groupKeys: KEYS, stateFields: { step: 'count', expAvg: 'vector', expAvgSq: 'vector', maxExpAvgSq: 'vector' } });
    this.decoupled = false;
  }

  /** Merges `options` over PyTorch's defaults (`weightDecay` given by the class) and validates them. */
  protected static defaults(options: AdamOptions, weightDecay: number): Record<string, unknown> {
    checkKnownKeys('options', options, KEYS);
    const merged = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay, amsgrad: false, maximize: false, ...withoutUndefined(options) };
    adamHyper(merged, '');
    return merged;
  }

  /** Validates Adam hyperparameters (PyTorch's checks: non-negative rate, eps and decay; betas in [0, 1)). */
  protected makeGroup(values: Record<string, unknown>, path: string): Omit<AdamParamGroup, 'params'> {
    return adamHyper(values, path);
  }

  /** One Adam (or AdamW) update of every parameter, with each group's current `lr` and `betas`. */
  step(): void {
    this.paramGroups.forEach((group, gi) => {
      const { lr, betas, eps, weightDecay, amsgrad, maximize } = this.checkGroup(group, gi);
      const [beta1, beta2] = betas;
      group.params.forEach((param, pi) => {
        const grad = this.gradOf(param, `paramGroups[${gi}].params[${pi}]`);
        const p = param.value;
        let state = this.state.get(param);
        if (state === undefined) {
          state = {};
          this.state.set(param, state);
        }
        const m = (state.expAvg ??= zerosLike(p));
        const v = (state.expAvgSq ??= zerosLike(p));
        const vMax = amsgrad ? (state.maxExpAvgSq ??= zerosLike(p)) : undefined;
        const k = (state.step ?? 0) + 1;
        state.step = k;
        const stepSize = lr / (1 - beta1 ** k);
        const bias2Sqrt = Math.sqrt(1 - beta2 ** k);
        const decay = 1 - lr * weightDecay;
        for (let i = 0; i < p.length; i++) {
          let g = maximize ? -grad[i]! : grad[i]!;
          if (this.decoupled) p[i] = p[i]! * decay;
          else if (weightDecay !== 0) g = g + weightDecay * p[i]!;
          m[i] = m[i]! * beta1 + (1 - beta1) * g;
          v[i] = v[i]! * beta2 + (1 - beta2) * g * g;
          let second = v[i]!;
          if (vMax !== undefined) second = vMax[i] = Math.max(vMax[i]!, second);
          const denom = Math.sqrt(second) / bias2Sqrt + eps;
          p[i] = p[i]! + (-stepSize * m[i]!) / denom;
        }
      });
    });
  }
}
