import * as ort from 'onnxruntime-web';
import { sgdr } from '@anneal/core';
import { createFeeder } from '@anneal/onnxruntime-web';
// The bytes of a ready training step (one SGD step of linear regression); load your exported model instead.
import { linearRegressionStep } from '@anneal/onnxruntime-web/graphs';

ort.env.wasm.numThreads = 1;

// Inputs X, y, W, lr; outputs W_new = W − lr·∇loss(W) and loss.
const session = await ort.InferenceSession.create(linearRegressionStep({ features: 2 }));
const feeder = createFeeder(ort, session, sgdr({ t0: 50, tMult: 2 }), { baseLr: 0.1 });

// Four samples of y = 3·x0 − 2·x1.
const X = new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 1, 2, -1]), [4, 2]);
const y = new ort.Tensor('float32', Float32Array.from([3, -2, 1, 8]), [4]);
let W: ort.Tensor = new ort.Tensor('float32', new Float32Array(2), [2]);

for (let step = 0; step < 150; step++) {
  const lr = feeder.lr; // the rate this step uses
  const out = await feeder.trainStep({ X, y, W }); // feeds lr, runs, advances the schedule
  W = out.W_new as ort.Tensor;
  if (step % 50 === 0) console.log(`step ${step}: lr ${lr.toFixed(4)}, loss ${(out.loss!.data[0] as number).toFixed(6)}`);
}
console.log('W =', Array.from(W.data as Float32Array, (w) => w.toFixed(3)).join(', '));
