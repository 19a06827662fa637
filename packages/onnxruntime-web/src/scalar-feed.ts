/**
 * One reusable one-element input tensor: created once, its buffer rewritten before every run.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import type { ResolvedInput } from './graph-input.js';
import type { OrtLike, TensorLike } from './ort-types.js';

type Buffer1 = Float32Array | Float64Array | Int32Array | BigInt64Array;

/**
 * A scalar (or `[1]`) input fed from a number. The tensor and its buffer are reused step after step;
 * only when the runtime has taken the buffer away (onnxruntime-web with `env.wasm.proxy = true`
 * transfers input buffers to its worker, which detaches them) is a new one allocated.
 */
export class ScalarFeed {
  /** The graph input this feeds. */
  readonly input: ResolvedInput;
  private readonly ort: OrtLike;
  private data: Buffer1;
  private current: TensorLike;
  /** Whether a value can be written into this input's element type, chosen once for the type. */
  private readonly fits: (value: number) => boolean;

  constructor(ort: OrtLike, input: ResolvedInput) {
    this.ort = ort;
    this.input = input;
    [this.data, this.current] = this.allocate();
    this.fits = FITS[input.type];
  }

  private allocate(): [Buffer1, TensorLike] {
    const { type, dims } = this.input;
    const T = this.ort.Tensor;
    switch (type) {
      case 'float32': {
        const data = new Float32Array(1);
        return [data, new T('float32', data, dims)];
      }
      case 'float64': {
        const data = new Float64Array(1);
        return [data, new T('float64', data, dims)];
      }
      case 'int32': {
        const data = new Int32Array(1);
        return [data, new T('int32', data, dims)];
      }
      case 'int64': {
        const data = new BigInt64Array(1);
        return [data, new T('int64', data, dims)];
      }
    }
  }

  /**
   * Writes `value` into the tensor and returns it.
   * @throws InvalidParameterError when `value` is not finite in the input's element type
   * (e.g. above 3.4e38 for float32), or not an integer for an integer input.
   */
  tensor(value: number): TensorLike {
    if (!this.fits(value)) this.refuse(value);
    const data = this.data;
    if (data.buffer.byteLength === 0) {
      [this.data, this.current] = this.allocate();
      return this.tensor(value);
    }
    if (data instanceof BigInt64Array) data[0] = BigInt(value);
    else data[0] = value;
    return this.current;
  }

  private refuse(value: number): never {
    const { name, type } = this.input;
    const expected = type === 'float32' || type === 'float64' ? `a number that is finite in ${type}` : `an integer that fits ${type}`;
    throw new InvalidParameterError(name, value, expected);
  }
}

/** Per element type: whether a number can be fed (finite there; an integer in range for integer types). */
const FITS: Record<ResolvedInput['type'], (value: number) => boolean> = {
  float32: (v) => Number.isFinite(Math.fround(v)),
  float64: (v) => Number.isFinite(v),
  int32: (v) => (v | 0) === v,
  int64: (v) => Number.isSafeInteger(v),
};
