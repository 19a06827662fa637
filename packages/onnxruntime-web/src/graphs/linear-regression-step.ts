/**
 * One SGD step of linear regression as an ONNX graph of standard operators, with the learning rate
 * as an input. This is the shape of graph `@anneal/onnxruntime-web` drives: the graph computes the
 * update, the schedule (in JavaScript) chooses the rate fed each step.
 *
 * Inputs: `X` [batch, features] float32, `y` [batch] float32, `W` [features] float32, the learning rate
 * (`lr` by default; float32 or float64, shape [] or [1]) and optionally `step` (int64 scalar).
 * Outputs: `W_new` [features] = W − lr·G and `loss` [] = mean((X·W − y)²), with
 * G = (2/batch)·Xᵀ(X·W − y) the gradient of the loss at W; plus `step_seen` (the fed step) when the
 * graph has a step input.
 *
 * @packageDocumentation
 */
import { ELEM_TYPE, encodeModel, type NodeSpec, type ValueSpec } from './onnx-model.js';

/** Options of {@link linearRegressionStep}. */
export interface LinearRegressionStepOptions {
  /** Number of features (the length of `W`). */
  features: number;
  /** Name of the learning-rate input. Default `"lr"`. */
  lrName?: string;
  /** Element type of the learning-rate input. Default `"float32"`. */
  lrType?: 'float32' | 'float64';
  /** Shape of the learning-rate input: a scalar `[]` (default) or `[1]`. */
  lrShape?: readonly [] | readonly [1];
  /** Adds an int64 scalar input `step`, echoed as the output `step_seen`. Default `false`. */
  withStep?: boolean;
}

/** Builds the model bytes of one linear-regression SGD step; load them with `ort.InferenceSession.create(bytes)`. */
export function linearRegressionStep(options: LinearRegressionStepOptions): Uint8Array {
  const { features, lrName = 'lr', lrType = 'float32', lrShape = [], withStep = false } = options;
  if (!Number.isInteger(features) || features < 1) throw new RangeError(`features must be an integer >= 1, got ${features}`);
  const inputs: ValueSpec[] = [
    { name: 'X', type: 'float32', shape: ['batch', features] },
    { name: 'y', type: 'float32', shape: ['batch'] },
    { name: 'W', type: 'float32', shape: [features] },
    { name: lrName, type: lrType, shape: lrShape },
  ];
  const outputs: ValueSpec[] = [
    { name: 'W_new', type: 'float32', shape: [features] },
    { name: 'loss', type: 'float32', shape: [] },
  ];
  const nodes: NodeSpec[] = [
    // forward and loss
    { op: 'MatMul', inputs: ['X', 'W'], outputs: ['pred'] },
    { op: 'Sub', inputs: ['pred', 'y'], outputs: ['err'] },
    { op: 'Mul', inputs: ['err', 'err'], outputs: ['sq'] },
    { op: 'ReduceMean', inputs: ['sq'], outputs: ['loss'], attributes: { axes: [0], keepdims: 0 } },
    // gradient: (2 / batch) · errᵀX
    { op: 'MatMul', inputs: ['err', 'X'], outputs: ['grad_sum'] },
    { op: 'Size', inputs: ['y'], outputs: ['batch_i64'] },
    { op: 'Cast', inputs: ['batch_i64'], outputs: ['batch_f32'], attributes: { to: ELEM_TYPE.float32 } },
    { op: 'Div', inputs: ['two', 'batch_f32'], outputs: ['grad_scale'] },
    { op: 'Mul', inputs: ['grad_sum', 'grad_scale'], outputs: ['grad'] },
    // the update, with the rate fed from outside
    { op: 'Cast', inputs: [lrName], outputs: ['lr_f32'], attributes: { to: ELEM_TYPE.float32 } },
    { op: 'Mul', inputs: ['lr_f32', 'grad'], outputs: ['delta'] },
    { op: 'Sub', inputs: ['W', 'delta'], outputs: ['W_new'] },
  ];
  if (withStep) {
    inputs.push({ name: 'step', type: 'int64', shape: [] });
    outputs.push({ name: 'step_seen', type: 'int64', shape: [] });
    nodes.push({ op: 'Identity', inputs: ['step'], outputs: ['step_seen'] });
  }
  return encodeModel({
    name: 'linear_regression_sgd_step',
    inputs,
    outputs,
    nodes,
    constants: [{ name: 'two', type: 'float32', dims: [], values: [2] }],
  });
}
