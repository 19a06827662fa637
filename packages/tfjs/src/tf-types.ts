/**
 * The slices of the TensorFlow.js API this adapter touches, so any namespace that provides them works
 * (`@tensorflow/tfjs`, the native Node binding `tfjs-node`, a custom bundle of core + layers).
 *
 * @packageDocumentation
 */
import type * as tf from '@tensorflow/tfjs';

/** What {@link bindOptimizer} needs from the TensorFlow.js namespace: `tf.scalar`, `tf.keep`, `tf.tidy`. */
export type TfCore = Pick<typeof tf, 'scalar' | 'keep' | 'tidy'>;

/** What {@link annealCallback} needs from the TensorFlow.js namespace: {@link TfCore} and `tf.CustomCallback`. */
export type TfWithLayers = TfCore & Pick<typeof tf, 'CustomCallback'>;

/** A TensorFlow.js optimizer (`tf.train.sgd(...)`, `tf.train.adam(...)`, ...). */
export type TfOptimizer = tf.Optimizer;

/** The callback {@link annealCallback} returns: a `tf.CustomCallback` of the caller's TensorFlow.js. */
export type TfCustomCallback = tf.CustomCallback;

/**
 * The fields of a tfjs 4.x optimizer instance the adapter reads and writes. Most are `protected` or
 * `private` in tfjs's typings; their names and roles were read from
 * `@tensorflow/tfjs-core@4.22.0/dist/optimizers/*.js` (see the README's table).
 * @internal
 */
export interface OptimizerInternals {
  learningRate: number;
  readonly iterations: number;
  getClassName(): string;
  setLearningRate?: (lr: number) => void;
  /** Momentum (SGD with momentum, RMSProp). */
  momentum?: number;
  setMomentum?: (m: number) => void;
  /** MomentumOptimizer's cached momentum scalar, the one its update reads. */
  m?: tf.Scalar;
  /** Adam, Adamax. */
  beta1?: number;
  beta2?: number;
  /** Adam, Adamax: running `beta1^k` for the bias correction. */
  accBeta1?: tf.Variable;
  /** Adam: running `beta2^k`. */
  accBeta2?: tf.Variable;
  /** Adamax's own time decay of the rate. */
  decay?: number;
}
