/**
 * AdamW with PyTorch's update rule (`torch.optim.AdamW`).
 *
 * @packageDocumentation
 */
import { Adam, type AdamOptions, type AdamParamGroup } from './adam.js';
import type { ParamGroupInit } from './optimizer.js';
import type { Parameter } from './parameter.js';

/**
 * AdamW (Loshchilov & Hutter 2019): {@link Adam} with decoupled weight decay. Before the Adam update each
 * element is multiplied by `1 − lr·weightDecay` (with the group's current, scheduled `lr`), and the
 * gradient gets no L2 term. Default `weightDecay` is `1e-2`, as in PyTorch; every other rule and default
 * is Adam's.
 */
export class AdamW extends Adam {
  /** `"AdamW"`, written into state dicts. */
  override readonly kind = 'AdamW';
  /** Always `true`: the decay multiplies the parameter instead of entering the gradient. */
  protected override readonly decoupled: boolean = true;

  /**
   * @param params - the parameters, or param groups overriding `options`.
   * @param options - the default hyperparameters (`weightDecay` defaults to `1e-2`).
   * @throws {@link InvalidParameterError} as {@link Adam} does.
   */
  constructor(params: readonly Parameter[] | readonly ParamGroupInit<AdamParamGroup>[], options: AdamOptions = {}) {
    super(params, { weightDecay: 1e-2, ...options });
  }
}
