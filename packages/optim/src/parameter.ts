/**
 * Parameters as the reference optimizers see them: a typed array of values and one of gradients.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';

/** The element storage of a parameter: double or single precision. */
export type Vector = Float64Array | Float32Array;

/**
 * A trainable parameter, PyTorch's tensor-with-`.grad` reduced to two typed arrays of equal length.
 * Write the gradient into `grad` (in place, or assign a new array of the same length), then call the
 * optimizer's `step()`; it updates `value` in place.
 */
export interface Parameter<V extends Vector = Vector> {
  /** The values, updated in place by `step()`. */
  value: V;
  /** The gradient of the loss with respect to `value`; `zeroGrad()` fills it with zeros. */
  grad: V;
}

/**
 * Wraps values as a {@link Parameter} with a zero gradient of the same type and length.
 * A typed array is used as is (not copied), so the optimizer updates the caller's array;
 * a plain number array is copied into a new `Float64Array`.
 * @throws {@link InvalidParameterError} when `values` is empty or holds a non-finite number.
 */
export function parameter(values: Float32Array): Parameter<Float32Array>;
/** A `Float64Array` parameter: the array itself, or a copy of the numbers. See the first overload. */
export function parameter(values: Float64Array | readonly number[]): Parameter<Float64Array>;
/** Either precision, as `values`. See the first overload. */
export function parameter(values: Vector | readonly number[]): Parameter;
export function parameter(values: Vector | readonly number[]): Parameter {
  const value = values instanceof Float32Array || values instanceof Float64Array ? values : Float64Array.from(values as number[]);
  if (value.length === 0) throw new InvalidParameterError('values', values, 'a non-empty array of finite numbers');
  for (let i = 0; i < value.length; i++) {
    if (!Number.isFinite(value[i])) throw new InvalidParameterError(`values[${i}]`, value[i], 'a finite number');
  }
  const grad = value instanceof Float32Array ? new Float32Array(value.length) : new Float64Array(value.length);
  return { value, grad };
}

/** A zero-filled vector of the same type and length as `like`. */
export function zerosLike(like: Vector): Vector {
  return like instanceof Float32Array ? new Float32Array(like.length) : new Float64Array(like.length);
}

/** Checks that `p` is a {@link Parameter}: typed `value` and `grad` of equal, non-zero length. */
export function checkParameter(name: string, p: unknown): Parameter {
  const candidate = p as Partial<Parameter> | null;
  const isVector = (v: unknown): v is Vector => v instanceof Float64Array || v instanceof Float32Array;
  if (typeof p !== 'object' || p === null || !isVector(candidate?.value) || candidate.value.length === 0) {
    throw new InvalidParameterError(`${name}.value`, candidate?.value, 'a non-empty Float64Array or Float32Array');
  }
  if (!isVector(candidate.grad) || candidate.grad.length !== candidate.value.length) {
    throw new InvalidParameterError(`${name}.grad`, candidate.grad, `a Float64Array or Float32Array of length ${candidate.value.length}`);
  }
  return p as Parameter;
}
