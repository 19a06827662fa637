/**
 * The reference for `src/graphs/onnx-model.ts` (which has no dependency): the same writer on `protobufjs`
 * (a dev dependency) and the schema in `onnx-schema.ts`; `test/graphs.test.ts` decodes both writers' bytes
 * and compares them. A minimal ONNX writer: describe a graph as plain objects, get the bytes of a `.onnx` model that
 * `InferenceSession.create(bytes)` loads. It covers what a hand-written training step needs (typed
 * inputs and outputs, standard-domain nodes with int/float/ints attributes, constant initializers)
 * and nothing more; for real models export from your framework instead (see the README).
 *
 * Uses `protobufjs` (already a dependency of onnxruntime-web) with the schema in `onnx-schema.ts`.
 *
 * @packageDocumentation
 */
import protobuf from 'protobufjs';
import { ATTRIBUTE_TYPE, ELEM_TYPE, ONNX_SCHEMA } from './onnx-schema.js';
// The graph description is the shipped writer's own type: only the encoding is written independently here.
import type { AttributeValue, ConstantSpec, GraphSpec, ModelOptions, ValueSpec } from '../../src/graphs/onnx-model.js';

let modelType: protobuf.Type | undefined;

/** The ModelProto type of the schema. */
export function modelProto(): protobuf.Type {
  modelType ??= protobuf.parse(ONNX_SCHEMA, { keepCase: true }).root.lookupType('onnx.ModelProto');
  return modelType;
}

function valueInfo(value: ValueSpec): object {
  const dim = value.shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d }));
  return { name: value.name, type: { tensor_type: { elem_type: ELEM_TYPE[value.type], shape: { dim } } } };
}

function attribute(name: string, value: AttributeValue): object {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`attribute ${name}: write a float as { float: ${value} }`);
    return { name, type: ATTRIBUTE_TYPE.int, i: value };
  }
  if (Array.isArray(value)) return { name, type: ATTRIBUTE_TYPE.ints, ints: [...value] };
  return { name, type: ATTRIBUTE_TYPE.float, f: (value as { float: number }).float };
}

function constant(c: ConstantSpec): object {
  const size = c.dims.reduce((a, b) => a * b, 1);
  if (c.values.length !== size) throw new RangeError(`constant ${c.name}: ${c.values.length} values for dims [${c.dims.join(', ')}]`);
  const data =
    c.type === 'float32' ? { float_data: [...c.values] }
    : c.type === 'float64' ? { double_data: [...c.values] }
    : c.type === 'int32' ? { int32_data: [...c.values] }
    : { int64_data: [...c.values] };
  return { name: c.name, data_type: ELEM_TYPE[c.type], dims: [...c.dims], ...data };
}

/**
 * Encodes `graph` as ONNX model bytes.
 * @throws Error when protobufjs refuses the message (a misspelled field), or a constant's values do not fill its dims.
 */
export function encodeModel(graph: GraphSpec, options: ModelOptions = {}): Uint8Array {
  const type = modelProto();
  const model = {
    ir_version: options.irVersion ?? 8,
    producer_name: 'anneal-onnx-builder',
    producer_version: '1',
    opset_import: [{ domain: '', version: options.opset ?? 17 }],
    graph: {
      name: graph.name,
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
      initializer: (graph.constants ?? []).map(constant),
      node: graph.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        op_type: n.op,
        domain: '',
        input: [...n.inputs],
        output: [...n.outputs],
        attribute: Object.entries(n.attributes ?? {}).map(([k, v]) => attribute(k, v)),
      })),
    },
  };
  const problem = type.verify(model);
  if (problem !== null) throw new Error(`invalid ONNX model: ${problem}`);
  return type.encode(type.fromObject(model)).finish();
}
