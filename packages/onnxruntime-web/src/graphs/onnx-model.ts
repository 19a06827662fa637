/**
 * A minimal ONNX model writer: a graph described as plain objects becomes the bytes of a `.onnx` model that
 * `ort.InferenceSession.create(bytes)` loads. It covers what a hand-written training step needs (typed
 * inputs and outputs, standard-domain nodes with int, float and ints attributes, constant initializers).
 * Field numbers are those of the public ONNX specification (onnx.proto).
 *
 * @packageDocumentation
 */
import { Message } from './protobuf.js';

/** The ONNX element types the writer knows (`TensorProto.DataType`). */
export const ELEM_TYPE = { float32: 1, int32: 6, int64: 7, float64: 11 } as const;

/** An element type name: `'float32'`, `'int32'`, `'int64'` or `'float64'`. */
export type ElemTypeName = keyof typeof ELEM_TYPE;

const ATTRIBUTE_TYPE = { float: 1, int: 2, ints: 7 } as const;

/** A graph input or output: name, element type and shape (a string is a symbolic dimension such as `"batch"`). */
export interface ValueSpec {
  /** The input's or output's name. */
  name: string;
  /** Its element type. */
  type: ElemTypeName;
  /** Its shape; `[]` is a scalar. */
  shape: readonly (number | string)[];
}

/** An attribute value: an integer, a float (written `{ float: x }` so `1` stays an int), or a list of integers. */
export type AttributeValue = number | { float: number } | readonly number[];

/** One node of the standard ONNX domain, e.g. `{ op: 'MatMul', inputs: ['X', 'W'], outputs: ['pred'] }`. */
export interface NodeSpec {
  /** The operator (`op_type`). */
  op: string;
  /** Input names. */
  inputs: readonly string[];
  /** Output names. */
  outputs: readonly string[];
  /** Attributes by name. */
  attributes?: Readonly<Record<string, AttributeValue>>;
}

/** A constant tensor stored in the model (an initializer). */
export interface ConstantSpec {
  /** Its name, used as a node input. */
  name: string;
  /** Its element type. */
  type: ElemTypeName;
  /** Its dimensions; `[]` is a scalar. */
  dims: readonly number[];
  /** Its values, row-major; as many as the dims hold. */
  values: readonly number[];
}

/** A whole graph. Nodes must be in topological order, as ONNX requires. */
export interface GraphSpec {
  /** The graph's name. */
  name: string;
  /** Its inputs. */
  inputs: readonly ValueSpec[];
  /** Its outputs. */
  outputs: readonly ValueSpec[];
  /** Its nodes, in topological order. */
  nodes: readonly NodeSpec[];
  /** Its constants. */
  constants?: readonly ConstantSpec[];
}

/** Model-level options of {@link encodeModel}. */
export interface ModelOptions {
  /** Opset of the standard domain. Default `17` (ReduceMean still takes `axes` as an attribute). */
  opset?: number;
  /** ONNX IR version. Default `8`, the one that goes with opset 17. */
  irVersion?: number;
}

function valueInfo(value: ValueSpec): Message {
  const shape = new Message();
  for (const d of value.shape) shape.message(1, typeof d === 'number' ? new Message().int(1, d) : new Message().string(2, d));
  const tensor = new Message().int(1, ELEM_TYPE[value.type]).message(2, shape);
  return new Message().string(1, value.name).message(2, new Message().message(1, tensor));
}

function attribute(name: string, value: AttributeValue): Message {
  const a = new Message().string(1, name);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`attribute ${name}: write a float as { float: ${value} }`);
    return a.int(3, value).int(20, ATTRIBUTE_TYPE.int);
  }
  if (Array.isArray(value)) {
    for (const v of value as readonly number[]) a.int(8, v);
    return a.int(20, ATTRIBUTE_TYPE.ints);
  }
  return a.float(2, (value as { float: number }).float).int(20, ATTRIBUTE_TYPE.float);
}

function constant(c: ConstantSpec): Message {
  const size = c.dims.reduce((a, b) => a * b, 1);
  if (c.values.length !== size) throw new RangeError(`constant ${c.name}: ${c.values.length} values for dims [${c.dims.join(', ')}]`);
  const t = new Message();
  for (const d of c.dims) t.int(1, d);
  t.int(2, ELEM_TYPE[c.type]);
  for (const v of c.values) {
    if (c.type === 'float32') t.float(4, v);
    else if (c.type === 'float64') t.double(10, v);
    else t.int(c.type === 'int32' ? 5 : 7, v);
  }
  return t.string(8, c.name);
}

/**
 * Encodes `graph` as ONNX model bytes, for `ort.InferenceSession.create(bytes)`.
 * @throws RangeError when a constant's values do not fill its dims or an integer is not safe; TypeError for
 *   a non-integer attribute given as a number.
 */
export function encodeModel(graph: GraphSpec, options: ModelOptions = {}): Uint8Array {
  const g = new Message();
  graph.nodes.forEach((n, i) => {
    const node = new Message();
    for (const input of n.inputs) node.string(1, input);
    for (const output of n.outputs) node.string(2, output);
    node.string(3, `${n.op}_${i}`).string(4, n.op);
    for (const [k, v] of Object.entries(n.attributes ?? {})) node.message(5, attribute(k, v));
    g.message(1, node.string(7, ''));
  });
  g.string(2, graph.name);
  for (const c of graph.constants ?? []) g.message(5, constant(c));
  for (const input of graph.inputs) g.message(11, valueInfo(input));
  for (const output of graph.outputs) g.message(12, valueInfo(output));
  return new Message()
    .int(1, options.irVersion ?? 8)
    .string(2, 'anneal-onnx-builder')
    .string(3, '1')
    .message(7, g)
    .message(8, new Message().string(1, '').int(2, options.opset ?? 17))
    .finish();
}
