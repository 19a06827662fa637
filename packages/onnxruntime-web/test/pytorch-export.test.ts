// A training step exported from PyTorch (examples/pytorch/export_linear_step.py, torch 1.13, opset 17),
// driven by the feeder exactly like the hand-built graph: the documented PyTorch route works as written.
import { readFile } from 'node:fs/promises';
import { cosine, warmup } from '@anneal/core';
import * as ort from 'onnxruntime-web';
import { expect, it } from 'vitest';
import { createFeeder } from '../src/index.js';
import { gradient, makeDataset, miniBatch, updateError } from './support/regression.js';

it('feeds a warmup + cosine schedule into the torch.onnx.export-ed step, which applies it exactly', async () => {
  const model = await readFile(new URL('./fixtures/torch-linear-step.onnx', import.meta.url));
  const session = await ort.InferenceSession.create(model);
  expect(session.inputMetadata).toEqual([
    { name: 'X', isTensor: true, type: 'float32', shape: ['batch', 3] },
    { name: 'y', isTensor: true, type: 'float32', shape: ['batch'] },
    { name: 'W', isTensor: true, type: 'float32', shape: [3] },
    { name: 'lr', isTensor: true, type: 'float32', shape: [] },
  ]);
  const schedule = warmup({ steps: 10, startFactor: 0.1 }, cosine({ tMax: 90, etaMin: 0.005 }));
  const feeder = createFeeder(ort, session, schedule, { baseLr: 0.1 });

  const data = makeDataset({ n: 256, wTrue: [1, -2, 0.5], noise: 0.1, seed: 3 });
  let W: Float32Array = new Float32Array(3);
  const losses: number[] = [];
  for (let t = 0; t < 100; t++) {
    const { X, y } = miniBatch(data, t, 8); // batch 8, the export used 16: the batch axis is dynamic
    const lr = Math.fround(schedule.lr(t, 0.1));
    const out = await feeder.trainStep({
      X: new ort.Tensor('float32', X, [8, 3]),
      y: new ort.Tensor('float32', y, [8]),
      W: new ort.Tensor('float32', W, [3]),
    });
    const wNew = out.W_new!.data as Float32Array;
    expect(updateError(W, wNew, gradient(X, y, W), lr)).toBeLessThanOrEqual(1);
    losses.push((out.loss!.data as Float32Array)[0]!);
    W = wNew;
  }
  expect(losses[0]).toBeGreaterThan(3);
  expect(losses.slice(-20).reduce((a, b) => a + b, 0) / 20).toBeLessThan(0.03);
  await session.release();
});
