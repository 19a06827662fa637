// @anneal/onnxruntime-web/graphs writes ONNX without protobufjs: its bytes decode (with protobufjs and the
// ONNX schema, the reference writer's) to the same model as the reference writer's bytes, and onnxruntime-web
// runs them.
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { encodeModel, linearRegressionStep, type GraphSpec } from '../src/graphs.js';
import { encodeModel as referenceEncode, modelProto } from './support/protobufjs-builder.js';

const decode = (bytes: Uint8Array) => modelProto().toObject(modelProto().decode(bytes), { longs: Number, defaults: false });

describe('encodeModel', () => {
  const graphs: GraphSpec[] = [
    {
      name: 'attributes_and_constants',
      inputs: [{ name: 'a', type: 'float64', shape: ['n', 3] }],
      outputs: [{ name: 'b', type: 'float64', shape: [] }],
      nodes: [
        { op: 'ReduceSum', inputs: ['a'], outputs: ['s'], attributes: { axes: [-1, 0], keepdims: 0 } },
        { op: 'LeakyRelu', inputs: ['s'], outputs: ['b'], attributes: { alpha: { float: 0.25 } } },
      ],
      constants: [
        { name: 'c64', type: 'int64', dims: [2], values: [-3, 2 ** 40] },
        { name: 'c32', type: 'int32', dims: [1], values: [-7] },
        { name: 'cf', type: 'float32', dims: [2], values: [0.5, -1.25] },
        { name: 'cd', type: 'float64', dims: [], values: [0.1] },
      ],
    },
  ];
  it('decodes to the same model as the protobufjs writer', () => {
    for (const g of graphs) expect(decode(encodeModel(g))).toEqual(decode(referenceEncode(g)));
    for (const options of [{ features: 2 }, { features: 5, lrType: 'float64' as const, lrShape: [1] as const, withStep: true, lrName: 'learning_rate' }]) {
      const bytes = linearRegressionStep(options);
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(decode(bytes).graph.node.length).toBeGreaterThan(10);
    }
  });

  it('onnxruntime-web runs linearRegressionStep: W_new = W − lr·∇loss', async () => {
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(linearRegressionStep({ features: 1 }));
    const out = await session.run({
      X: new ort.Tensor('float32', Float32Array.from([1, 2]), [2, 1]),
      y: new ort.Tensor('float32', Float32Array.from([2, 4]), [2]),
      W: new ort.Tensor('float32', Float32Array.from([0]), [1]),
      lr: new ort.Tensor('float32', Float32Array.from([0.1]), []),
    });
    // loss = mean((0 − y)²) = 10; ∇ = (2/2)·Σ x·(0 − y) = −10; W_new = 0 − 0.1·(−10) = 1
    expect(out.loss!.data[0]).toBe(10);
    expect(out.W_new!.data[0]).toBeCloseTo(1, 6);
    await session.release();
  });
});
