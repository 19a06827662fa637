/**
 * A snapshot ensemble (Huang et al. 2017) from one SGDR run: `annealCallback`'s `onCycleEnd` saves the
 * weights at the end of every cycle (the low point of the rate), and the ensemble averages the predictions
 * of those snapshots. One training run, several models.
 *
 * Run from packages/tfjs:  npx tsx examples/snapshot-ensemble.ts
 */
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { sgdr } from '@anneal/core';
import { annealCallback } from '@anneal/tfjs';

/** mulberry32, a tiny seeded PRNG in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two interleaved spirals with noise: `n` points, labels 0/1 (a problem a small network finds hard). */
export function spirals(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const r = rng(seed);
  const xs: number[][] = [];
  const ys: number[][] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = 0.5 + r() * 3; // radius and angle grow together
    const angle = t * 2 + label * Math.PI;
    xs.push([t * Math.cos(angle) + (r() - 0.5) * 0.5, t * Math.sin(angle) + (r() - 0.5) * 0.5]);
    ys.push([label]);
  }
  return { x: tf.tensor2d(xs), y: tf.tensor2d(ys) };
}

function network(): tf.Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 32, inputShape: [2], activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(3) }),
    ],
  });
  model.compile({ optimizer: tf.train.momentum(0.1, 0.9), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

/** What {@link snapshotEnsemble} returns. */
export interface EnsembleResult {
  /** Where each snapshot was taken (epochs). */
  cycleEnds: number[];
  /** Held-out accuracy of each snapshot alone. */
  snapshotAccuracy: number[];
  /** Held-out accuracy of the average of the snapshots' predictions. */
  ensembleAccuracy: number;
}

function accuracy(p: tf.Tensor, y: tf.Tensor): number {
  return tf.tidy(() => tf.equal(tf.greater(p, 0.5), tf.greater(y, 0.5)).mean().dataSync()[0]!);
}

/** Trains one network under SGDR (cycles of 5, 10 and 20 epochs) and ensembles the snapshot of each cycle's end. */
export async function snapshotEnsemble(epochs = 35): Promise<EnsembleResult> {
  await tf.setBackend('cpu');
  const train = spirals(600, 1);
  const test = spirals(600, 2);
  const model = network();
  const snapshots: tf.Tensor[][] = [];
  const cycleEnds: number[] = [];
  await model.fit(train.x, train.y, {
    epochs,
    batchSize: 32,
    shuffle: false,
    verbose: 0,
    callbacks: [
      annealCallback(tf, {
        schedule: sgdr({ t0: 5, tMult: 2, etaMin: 0.001 }),
        per: 'epoch',
        onCycleEnd: ({ at, model: m }) => {
          cycleEnds.push(at);
          snapshots.push(m.getWeights().map((w) => w.clone()));
        },
      }),
    ],
  });
  // Each snapshot's predictions, then their average.
  const predictions = snapshots.map((weights) => {
    model.setWeights(weights);
    return model.predict(test.x) as tf.Tensor;
  });
  const snapshotAccuracy = predictions.map((p) => accuracy(p, test.y));
  const mean = tf.tidy(() => tf.addN(predictions).div(predictions.length));
  const ensembleAccuracy = accuracy(mean, test.y);
  tf.dispose([mean, ...predictions, ...snapshots.flat(), train.x, train.y, test.x, test.y]);
  model.dispose();
  return { cycleEnds, snapshotAccuracy, ensembleAccuracy };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await snapshotEnsemble();
  r.cycleEnds.forEach((at, i) => console.log(`snapshot ${i} (epoch ${at})  held-out accuracy ${(100 * r.snapshotAccuracy[i]!).toFixed(1)}%`));
  console.log(`ensemble of ${r.cycleEnds.length}            held-out accuracy ${(100 * r.ensembleAccuracy).toFixed(1)}%`);
}
