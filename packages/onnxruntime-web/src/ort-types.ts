/**
 * The few pieces of the onnxruntime API the feeder touches, as structural types. The real
 * `onnxruntime-web` module and its `InferenceSession` satisfy them (so does `onnxruntime-node`);
 * nothing here imports onnxruntime at run time, so the session's own runtime instance is the one used.
 *
 * @packageDocumentation
 */

/** Element types the feeder writes: float32/float64 for the learning rate, any of the four for the step. */
export type FeedElementType = 'float32' | 'float64' | 'int32' | 'int64';

/** A tensor, as far as the feeder needs to know one. */
export interface TensorLike {
  /** Element type, e.g. `"float32"`. */
  readonly type: string;
  /** Shape; `[]` is a scalar. */
  readonly dims: readonly number[];
}

/**
 * The `Tensor` constructor of an onnxruntime module (`ort.Tensor`), called once per fed input:
 * the feeder keeps the tensor and rewrites its one-element buffer each step.
 */
export interface TensorConstructorLike {
  new (type: 'float32', data: Float32Array, dims?: readonly number[]): TensorLike;
  new (type: 'float64', data: Float64Array, dims?: readonly number[]): TensorLike;
  new (type: 'int32', data: Int32Array, dims?: readonly number[]): TensorLike;
  new (type: 'int64', data: BigInt64Array, dims?: readonly number[]): TensorLike;
}

/** An onnxruntime module: `import * as ort from 'onnxruntime-web'` is one. */
export interface OrtLike {
  /** The tensor class whose instances the session accepts as feeds. */
  readonly Tensor: TensorConstructorLike;
}

/**
 * What a session reports about one input (onnxruntime-web >= 1.22 `session.inputMetadata[i]`).
 * `type` and `shape` are absent for non-tensor inputs and in runtimes that do not report them.
 */
export interface InputMetadataLike {
  /** The input's name. */
  readonly name: string;
  /** `false` for sequences and maps. */
  readonly isTensor?: boolean;
  /** Element type, e.g. `"float32"`. */
  readonly type?: string;
  /** Declared shape: numbers, or strings for symbolic dimensions; `[]` for a scalar (or an undeclared shape). */
  readonly shape?: readonly (number | string)[];
}

/** An inference session: `await ort.InferenceSession.create(model)` is one. */
export interface SessionLike {
  /** The graph's input names, in order. */
  readonly inputNames: readonly string[];
  /** The graph's output names, in order. */
  readonly outputNames: readonly string[];
  /** Per-input types and shapes; absent before onnxruntime-web 1.22. */
  readonly inputMetadata?: readonly InputMetadataLike[];
  /** Runs the graph on `feeds` (input name -> tensor) and resolves with its outputs (output name -> value). */
  run(feeds: Record<string, TensorLike>, options?: object): Promise<Record<string, unknown>>;
}

/** The feeds record type of a session (the first parameter of its `run`). */
export type FeedsOf<S extends SessionLike> = Parameters<S['run']>[0];

/** The outputs record type of a session (what its `run` resolves with). */
export type OutputsOf<S extends SessionLike> = Awaited<ReturnType<S['run']>>;

