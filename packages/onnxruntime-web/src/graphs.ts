/**
 * `@anneal/onnxruntime-web/graphs`: training-step graphs without Python. `linearRegressionStep` gives the
 * bytes of a ready one (one SGD step of linear regression, the learning rate an input), and `encodeModel`
 * writes a graph of standard ONNX operators you describe as plain objects. No dependency: the protobuf
 * encoding is written here. For a real model, export the training step from your framework (see the README).
 *
 * @packageDocumentation
 */
export { linearRegressionStep, type LinearRegressionStepOptions } from './graphs/linear-regression-step.js';
export {
  encodeModel,
  ELEM_TYPE,
  type ElemTypeName,
  type ValueSpec,
  type NodeSpec,
  type AttributeValue,
  type ConstantSpec,
  type GraphSpec,
  type ModelOptions,
} from './graphs/onnx-model.js';
