/**
 * The live-training experiment of "Choosing a schedule": a small multilayer perceptron learns a noisy
 * two-spiral classification in the reader's browser (TensorFlow.js, CPU backend), with momentum SGD whose
 * rate a schedule from @anneal/core sets through @anneal/tfjs's `bindOptimizer`, once per batch.
 *
 * Everything random comes from a seeded generator (data, initial weights, batch order), and the CPU
 * backend computes in a fixed order, so a seed gives the same numbers on every run.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { cosine, oneCycle, sgdr, type Schedule } from '@anneal/core';
import { ScheduleLR } from '@anneal/core/schedulers';
import { bindOptimizer } from '@anneal/tfjs';

type Tf = typeof TfCore;

export interface Experiment {
  epochs: number;
  batchSize: number;
  trainSize: number;
  testSize: number;
  hidden: number;
  baseLr: number;
  momentum: number;
  /** Label noise: the fraction of training labels flipped. */
  noise: number;
}

export const EXPERIMENT: Experiment = { epochs: 30, batchSize: 32, trainSize: 256, testSize: 500, hidden: 24, baseLr: 0.5, momentum: 0.9, noise: 0.1 };

export const stepsPerEpoch = (e: Experiment) => Math.ceil(e.trainSize / e.batchSize);

const TOTAL = EXPERIMENT.epochs * stepsPerEpoch(EXPERIMENT);

/** The compared schedules, all stepped once per batch over the whole run (SGDR: cycles of 1, 2, 4 and 8 fifteenths). */
export const CANDIDATES: { name: string; spec: Record<string, unknown> | null; make: () => Schedule | null }[] = [
  { name: 'constant', spec: null, make: () => null },
  { name: 'cosine', spec: { type: 'cosine', tMax: TOTAL }, make: () => cosine({ tMax: TOTAL }) },
  { name: 'SGDR', spec: { type: 'sgdr', t0: TOTAL / 15, tMult: 2 }, make: () => sgdr({ t0: TOTAL / 15, tMult: 2 }) },
  { name: 'one-cycle', spec: { type: 'oneCycle', maxLr: EXPERIMENT.baseLr, totalSteps: TOTAL }, make: () => oneCycle({ maxLr: EXPERIMENT.baseLr, totalSteps: TOTAL }) },
];

/** One run's record, per epoch: the rate during its last batch, the mean training loss, held-out loss and accuracy. */
export interface RunResult {
  schedule: string;
  seed: number;
  lr: number[];
  trainLoss: number[];
  testLoss: number[];
  testAccuracy: number[];
  ms: number;
}

/** mulberry32: a small seeded generator of floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = (seed + 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two interleaved spirals with Gaussian jitter; `flip` of the labels swapped (label noise). */
export function spirals(n: number, random: () => number, flip: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const r = 0.15 + 0.85 * random();
    const angle = 2 * Math.PI * r + label * Math.PI;
    x[2 * i] = 2 * r * Math.cos(angle) + 0.08 * gauss();
    x[2 * i + 1] = 2 * r * Math.sin(angle) + 0.08 * gauss();
    y[i] = random() < flip ? 1 - label : label;
  }
  return { x, y };
}

/** Glorot-uniform weights from the generator. */
function glorot(tf: Tf, rows: number, cols: number, random: () => number): TfCore.Variable {
  const limit = Math.sqrt(6 / (rows + cols));
  const values = Float32Array.from({ length: rows * cols }, () => (2 * random() - 1) * limit);
  return tf.variable(tf.tensor2d(values, [rows, cols]));
}

/**
 * Trains one model with `schedule` (null: the constant base rate) from `seed`; calls `onEpoch` after
 * every epoch with the record so far, and yields to the page between epochs so it can draw.
 */
export async function train(
  tf: Tf,
  name: string,
  schedule: Schedule | null,
  seed: number,
  experiment: Experiment = EXPERIMENT,
  onEpoch?: (partial: RunResult) => void,
): Promise<RunResult> {
  const started = performance.now();
  const random = rng(seed);
  const trainData = spirals(experiment.trainSize, random, experiment.noise);
  const testData = spirals(experiment.testSize, rng(seed + 1000), 0);
  const h = experiment.hidden;
  const weights = [glorot(tf, 2, h, random), tf.variable(tf.zeros([h])), glorot(tf, h, h, random), tf.variable(tf.zeros([h])), glorot(tf, h, 2, random), tf.variable(tf.zeros([2]))];
  const [w1, b1, w2, b2, w3, b3] = weights as [TfCore.Variable, TfCore.Variable, TfCore.Variable, TfCore.Variable, TfCore.Variable, TfCore.Variable];
  const forward = (x: TfCore.Tensor2D) => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)), w2), b2)), w3), b3) as TfCore.Tensor2D;
  const lossOf = (x: TfCore.Tensor2D, y: TfCore.Tensor1D) => tf.losses.softmaxCrossEntropy(tf.oneHot(y, 2), forward(x)) as TfCore.Scalar;

  const optimizer = tf.train.momentum(experiment.baseLr, experiment.momentum);
  const binding = bindOptimizer(tf, optimizer);
  const scheduler = schedule === null ? null : new ScheduleLR(binding, schedule);
  const xsTest = tf.tensor2d(testData.x, [experiment.testSize, 2]);
  const ysTest = tf.tensor1d(testData.y, 'int32');
  const result: RunResult = { schedule: name, seed, lr: [], trainLoss: [], testLoss: [], testAccuracy: [], ms: 0 };
  const order = Array.from({ length: experiment.trainSize }, (_, i) => i);
  const batches = stepsPerEpoch(experiment);
  try {
    for (let epoch = 0; epoch < experiment.epochs; epoch++) {
      // A seeded shuffle per epoch (Fisher-Yates).
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let lossSum = 0;
      let lr = binding.paramGroups[0]!.lr;
      for (let b = 0; b < batches; b++) {
        const idx = order.slice(b * experiment.batchSize, (b + 1) * experiment.batchSize);
        const bx = new Float32Array(idx.length * 2);
        const by = new Int32Array(idx.length);
        idx.forEach((k, i) => {
          bx[2 * i] = trainData.x[2 * k]!;
          bx[2 * i + 1] = trainData.x[2 * k + 1]!;
          by[i] = trainData.y[k]!;
        });
        lr = binding.paramGroups[0]!.lr;
        const loss = tf.tidy(() => optimizer.minimize(() => lossOf(tf.tensor2d(bx, [idx.length, 2]), tf.tensor1d(by, 'int32')), true)!);
        lossSum += (await loss.data())[0]! * idx.length;
        loss.dispose();
        scheduler?.step();
      }
      const [testLoss, accuracy] = tf.tidy(() => {
        const logits = forward(xsTest);
        const l = tf.losses.softmaxCrossEntropy(tf.oneHot(ysTest, 2), logits);
        const acc = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), ysTest), 'float32'));
        return [l.dataSync()[0]!, acc.dataSync()[0]!];
      });
      result.lr.push(lr);
      result.trainLoss.push(lossSum / experiment.trainSize);
      result.testLoss.push(testLoss);
      result.testAccuracy.push(accuracy);
      onEpoch?.({ ...result, lr: [...result.lr], trainLoss: [...result.trainLoss], testLoss: [...result.testLoss], testAccuracy: [...result.testAccuracy] });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    tf.dispose([xsTest, ysTest, ...weights]);
    optimizer.dispose();
  }
  result.ms = performance.now() - started;
  return result;
}
