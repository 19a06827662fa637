/**
 * The base of the reference optimizers: PyTorch's `Optimizer` bookkeeping (param groups with their own
 * hyperparameters, per-parameter state, `zeroGrad`, JSON state dicts), without the update rule.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, StateDictError } from '@anneal/core';
import { type OptimizerLike, type ParamGroup } from '@anneal/core/schedulers';
import { checkKnownKeys, isFiniteNumber } from '@anneal/core/adapter';
import { checkParameter, zerosLike, type Parameter, type Vector } from './parameter.js';

/** What every reference optimizer's param group has: its parameters and the fields of core's `ParamGroup`. */
export interface OptimizerParamGroup extends ParamGroup {
  /** The parameters this group updates. */
  params: Parameter[];
  /** The learning rate used by the next `step()`; schedulers write it. */
  lr: number;
}

/** A param group as given to a constructor: its parameters and any hyperparameter overriding the defaults. */
export type ParamGroupInit<G extends OptimizerParamGroup> = {
  /** The parameters of the group. */
  params: readonly Parameter[];
} & Partial<Omit<G, 'params'>>;

/** The per-parameter state of an optimizer: named vectors (moment buffers) and counters. */
export type ParamState = Record<string, Vector | number>;

/** An optimizer's state as plain JSON (`JSON.stringify` round-trips it exactly for `Float64Array` parameters). */
export interface OptimizerState {
  /** The optimizer class that saved it (`"SGD"`, `"Adam"`, `"AdamW"`). */
  kind: string;
  /** Each group's hyperparameters (its `initialLr` included), and its parameters as indices into `state`. */
  paramGroups: Array<{
    /** The group's parameters, as indices into `state`. */
    params: number[];
  } & Record<string, unknown>>;
  /** The state of each parameter, in group order; `null` before its first update. */
  state: Array<Record<string, number | number[]> | null>;
}

/** What a subclass tells the base about itself. */
export interface OptimizerLayout {
  /** The hyperparameter names a param group may override. */
  groupKeys: readonly string[];
  /** Which per-parameter state fields are vectors (moment buffers) and which are counters; checks a loaded state. */
  stateFields: Readonly<Record<string, 'vector' | 'count'>>;
}

function describeKind(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * PyTorch's `Optimizer` base: groups, state, `zeroGrad()`, `stateDict()`. Subclasses give the update rule
 * (`step()`) and the validation of their hyperparameters. Implements core's `OptimizerLike`, so every
 * core scheduler drives `paramGroups[i].lr` (and `momentum` or `betas[0]`) directly.
 */
export abstract class Optimizer<G extends OptimizerParamGroup, S extends ParamState> implements OptimizerLike {
  /** The class name, written into state dicts. */
  abstract readonly kind: string;
  /** The param groups, PyTorch's `param_groups`: schedulers write their `lr` (and momentum). */
  readonly paramGroups: G[] = [];
  /**
   * `true`: a scheduler's `loadStateDict` writes its saved rates (and a cycled momentum) back into these
   * groups, so a scheduler resumed on a fresh optimizer is exact even before `optimizer.loadStateDict`;
   * loading this optimizer's own state afterwards writes the same values.
   */
  readonly restoreOnLoad = true;
  /** Per-parameter state (moment buffers), created on a parameter's first update. */
  protected readonly state = new Map<Parameter, S>();
  private readonly defaults: Record<string, unknown>;
  private readonly layout: OptimizerLayout;

  /**
   * @param params - the parameters (one group), or param groups `{ params, ...overrides }`.
   * @param defaults - the hyperparameters every group starts from, already validated.
   * @param layout - the hyperparameter names and per-parameter state fields of the subclass.
   */
  protected constructor(params: readonly Parameter[] | readonly ParamGroupInit<G>[], defaults: Record<string, unknown>, layout: OptimizerLayout) {
    this.defaults = defaults;
    this.layout = layout;
    if (!Array.isArray(params) || params.length === 0) {
      throw new InvalidParameterError('params', params, 'a non-empty array of parameters or of param groups');
    }
    const list = params as readonly unknown[];
    const isGroup = (p: unknown): boolean => typeof p === 'object' && p !== null && 'params' in p;
    if (list.every(isGroup)) {
      list.forEach((g, i) => this.addGroup(g as ParamGroupInit<G>, `params[${i}]`));
    } else if (list.some(isGroup)) {
      throw new InvalidParameterError('params', params, 'either parameters or param groups, not a mix');
    } else {
      this.addGroup({ params: list } as ParamGroupInit<G>, '');
    }
  }

  /**
   * Validates merged hyperparameters and returns the group fields (without `params`).
   * `path` names the group in errors (`"params[1]"`).
   */
  protected abstract makeGroup(values: Record<string, unknown>, path: string): Omit<G, 'params'>;

  /** Applies one update to every parameter, from the gradients in `param.grad` and each group's current hyperparameters. */
  abstract step(): void;

  /**
   * Adds a param group (PyTorch `add_param_group`); missing hyperparameters come from the defaults.
   * @throws {@link InvalidParameterError} for a bad hyperparameter, or a parameter already in another group.
   */
  addParamGroup(group: ParamGroupInit<G>): void {
    this.addGroup(group, `paramGroups[${this.paramGroups.length}]`);
  }

  /** Adds a group; `path` names it in errors (`""` for the single group built from a parameter list). */
  private addGroup(init: ParamGroupInit<G>, path: string): void {
    const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
    checkKnownKeys(path === '' ? 'params' : path, init, ['params', 'initialLr', ...this.layout.groupKeys]);
    const { params, initialLr, ...overrides } = init as ParamGroupInit<G> & { initialLr?: unknown };
    if (!Array.isArray(params) || params.length === 0) {
      throw new InvalidParameterError(at('params'), params, 'a non-empty array of parameters');
    }
    const seen = new Set(this.paramGroups.flatMap((g) => g.params));
    const checked = params.map((p: unknown, i: number) => {
      const param = checkParameter(at(`params[${i}]`), p);
      if (seen.has(param)) {
        throw new InvalidParameterError(at(`params[${i}]`), '(a parameter)', 'a parameter in no other param group (each parameter belongs to one group)');
      }
      seen.add(param);
      return param;
    });
    const group = { params: checked, ...this.makeGroup({ ...this.defaults, ...withoutUndefined(overrides) }, path) } as G;
    if (initialLr !== undefined) {
      if (!isFiniteNumber(initialLr)) throw new InvalidParameterError(at('initialLr'), initialLr, 'a finite number');
      group.initialLr = initialLr;
    }
    this.paramGroups.push(group);
  }

  /** Fills every parameter's gradient with zeros (PyTorch `zero_grad(set_to_none=False)`). */
  zeroGrad(): void {
    for (const group of this.paramGroups) for (const p of group.params) p.grad.fill(0);
  }

  /**
   * Checks a group's hyperparameters before an update (schedulers and users may have changed them).
   * @throws {@link InvalidParameterError} naming `paramGroups[i].field`.
   */
  protected checkGroup(group: G, index: number): Omit<G, 'params'> {
    const { params: _p, initialLr: _i, ...values } = group;
    return this.makeGroup(values, `paramGroups[${index}]`);
  }

  /** The gradient of `param`, checked to still match its values. */
  protected gradOf(param: Parameter, path: string): Vector {
    const { grad, value } = param;
    if ((!(grad instanceof Float64Array) && !(grad instanceof Float32Array)) || grad.length !== value.length) {
      throw new InvalidParameterError(`${path}.grad`, grad, `a Float64Array or Float32Array of length ${value.length}`);
    }
    return grad;
  }

  /**
   * The optimizer's state as plain JSON: each group's hyperparameters and each parameter's buffers.
   * Parameter values are not included (save them yourself, as with PyTorch's model `state_dict`).
   */
  stateDict(): OptimizerState {
    let index = 0;
    const state: OptimizerState['state'] = [];
    const paramGroups = this.paramGroups.map((group) => {
      const { params, ...hyper } = group;
      const ids = params.map((p) => {
        const s = this.state.get(p);
        state.push(s === undefined ? null : Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v)])));
        return index++;
      });
      return { ...JSON.parse(JSON.stringify(hyper)), params: ids } as { params: number[] } & Record<string, unknown>;
    });
    return { kind: this.kind, paramGroups, state };
  }

  /**
   * Restores a state saved by {@link Optimizer.stateDict} of the same kind, for the same group and
   * parameter layout: hyperparameters (learning rates included) and buffers. Validates everything before
   * changing anything.
   * @throws {@link StateDictError} for another kind, another layout or a malformed field.
   */
  loadStateDict(state: OptimizerState): void {
    if (typeof state !== 'object' || state === null) throw new StateDictError('', `expected an object, got ${describeKind(state)}`);
    if (state.kind !== this.kind) throw new StateDictError('kind', `this state was saved by ${describeKind(state.kind)}, not by ${this.kind}`);
    const groups = state.paramGroups;
    if (!Array.isArray(groups) || groups.length !== this.paramGroups.length) {
      throw new StateDictError('paramGroups', `expected ${this.paramGroups.length} groups, got ${Array.isArray(groups) ? groups.length : describeKind(groups)}`);
    }
    const params = this.paramGroups.flatMap((g) => g.params);
    if (!Array.isArray(state.state) || state.state.length !== params.length) {
      throw new StateDictError('state', `expected ${params.length} entries (one per parameter)`);
    }
    const hypers = groups.map((saved, i) => {
      const path = `paramGroups[${i}]`;
      const mine = this.paramGroups[i]!;
      if (typeof saved !== 'object' || saved === null || !Array.isArray(saved.params) || saved.params.length !== mine.params.length) {
        throw new StateDictError(`${path}.params`, `expected ${mine.params.length} parameter indices`);
      }
      const { params: _p, initialLr, ...values } = saved;
      if (initialLr !== undefined && !isFiniteNumber(initialLr)) throw new StateDictError(`${path}.initialLr`, `expected a finite number, got ${describeKind(initialLr)}`);
      try {
        return { ...this.makeGroup(values, path), ...(initialLr === undefined ? {} : { initialLr }) };
      } catch (error) {
        if (error instanceof InvalidParameterError) throw new StateDictError(error.path, error.message);
        throw error;
      }
    });
    const buffers = state.state.map((entry, i) => (entry === null ? null : this.readParamState(entry, params[i]!, `state[${i}]`)));
    hypers.forEach((hyper, i) => {
      const group = this.paramGroups[i]!;
      delete group.initialLr;
      Object.assign(group, hyper);
    });
    params.forEach((p, i) => {
      const b = buffers[i];
      if (b === null || b === undefined) this.state.delete(p);
      else this.state.set(p, b);
    });
  }

  private readParamState(entry: unknown, param: Parameter, path: string): S {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new StateDictError(path, `expected an object or null, got ${describeKind(entry)}`);
    const out: ParamState = {};
    for (const [key, v] of Object.entries(entry)) {
      const field = this.layout.stateFields[key];
      if (field === 'count' && isFiniteNumber(v) && Number.isInteger(v) && v >= 0) out[key] = v;
      else if (field === 'vector' && Array.isArray(v) && v.length === param.value.length && v.every(isFiniteNumber)) {
        const vec = zerosLike(param.value);
        vec.set(v as number[]);
        out[key] = vec;
      } else if (field === undefined) {
        throw new StateDictError(`${path}.${key}`, `unknown field; ${this.kind} keeps ${Object.keys(this.layout.stateFields).join(', ')}`);
      } else {
        throw new StateDictError(`${path}.${key}`, field === 'count' ? 'expected a non-negative integer' : `expected an array of ${param.value.length} finite numbers`);
      }
    }
    return out as S;
  }
}

/**
 * A copy of `value` without its `undefined` entries, so they do not override defaults.
 * @internal
 */
export function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
