/**
 * Fit a logistic regression with SGD and SGDR (cosine annealing with warm restarts).
 *
 * Run from packages/optim:  npx tsx examples/logistic-regression.ts
 *
 * The data are generated from a seeded PRNG, so every run prints the same numbers.
 */
import { pathToFileURL } from 'node:url';
import { CosineAnnealingWarmRestarts } from '@anneal/core/schedulers';
import { SGD, parameter } from '@anneal/optim';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A labelled data set: `x[2i], x[2i + 1]` are the two features of point `i`, `y[i]` is its 0/1 label. */
export interface Dataset {
  x: Float64Array;
  y: Float64Array;
  size: number;
}

/**
 * `size` points with two standard-normal features, labelled by a noisy linear rule:
 * P(y = 1) = sigmoid(3·x0 − 2·x1 + 0.5).
 */
export function makeData(size: number, seed: number): Dataset {
  const random = mulberry32(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x = new Float64Array(2 * size);
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x0 = normal();
    const x1 = normal();
    x[2 * i] = x0;
    x[2 * i + 1] = x1;
    y[i] = random() < 1 / (1 + Math.exp(-(3 * x0 - 2 * x1 + 0.5))) ? 1 : 0;
  }
  return { x, y, size };
}

/**
 * Mean binary cross-entropy of the model `sigmoid(w·x + b)` over points `from..to-1`. When `gradW` and
 * `gradB` are given, writes the gradient of that mean into them.
 */
export function lossAndGrad(
  data: Dataset,
  w: Float64Array,
  b: Float64Array,
  from = 0,
  to = data.size,
  gradW?: Float64Array,
  gradB?: Float64Array,
): number {
  const n = to - from;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  let gb = 0;
  for (let i = from; i < to; i++) {
    const z = w[0]! * data.x[2 * i]! + w[1]! * data.x[2 * i + 1]! + b[0]!;
    const label = data.y[i]!;
    loss += Math.max(z, 0) - label * z + Math.log1p(Math.exp(-Math.abs(z)));
    const residual = 1 / (1 + Math.exp(-z)) - label;
    g0 += residual * data.x[2 * i]!;
    g1 += residual * data.x[2 * i + 1]!;
    gb += residual;
  }
  if (gradW !== undefined) gradW.set([g0 / n, g1 / n]);
  if (gradB !== undefined) gradB[0] = gb / n;
  return loss / n;
}

/** Options of {@link fitLogisticRegression}. */
export interface FitOptions {
  /** Number of points. Default 400. */
  size?: number;
  /** Epochs (passes over the data). Default 30. */
  epochs?: number;
  /** Points per mini-batch. Default 20. */
  batchSize?: number;
  /** Peak learning rate. Default 0.5. */
  lr?: number;
  /** Seed of the data. Default 1. */
  seed?: number;
}

/** What {@link fitLogisticRegression} returns. */
export interface FitResult {
  /** Full-data loss before training and after each epoch. */
  losses: number[];
  /** The learning rate used by every optimizer step. */
  lrs: number[];
  /** Fraction of points classified correctly at the end. */
  accuracy: number;
  /** The fitted weights and bias. */
  w: Float64Array;
  b: Float64Array;
}

/**
 * Trains with mini-batch SGD (momentum 0.9) under SGDR: cycles of 10 then 20 epochs, the rate stepped
 * after every batch with a fractional epoch, exactly as PyTorch's `CosineAnnealingWarmRestarts` is used.
 */
export function fitLogisticRegression(options: FitOptions = {}): FitResult {
  const { size = 400, epochs = 30, batchSize = 20, lr = 0.5, seed = 1 } = options;
  const data = makeData(size, seed);
  const w = parameter([0, 0]);
  const b = parameter([0]);
  const optimizer = new SGD([w, b], { lr, momentum: 0.9 });
  const scheduler = new CosineAnnealingWarmRestarts(optimizer, { t0: 10, tMult: 2, etaMin: 0.001 });
  const batches = Math.ceil(size / batchSize);
  const losses = [lossAndGrad(data, w.value, b.value)];
  const lrs: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let batch = 0; batch < batches; batch++) {
      const from = batch * batchSize;
      lossAndGrad(data, w.value, b.value, from, Math.min(from + batchSize, size), w.grad, b.grad);
      lrs.push(optimizer.paramGroups[0]!.lr);
      optimizer.step();
      scheduler.step(epoch + (batch + 1) / batches);
    }
    losses.push(lossAndGrad(data, w.value, b.value));
  }
  let correct = 0;
  for (let i = 0; i < size; i++) {
    const z = w.value[0]! * data.x[2 * i]! + w.value[1]! * data.x[2 * i + 1]! + b.value[0]!;
    if ((z > 0 ? 1 : 0) === data.y[i]) correct++;
  }
  return { losses, lrs, accuracy: correct / size, w: w.value, b: b.value };
}

function main(): void {
  const result = fitLogisticRegression();
  const batchesPerEpoch = result.lrs.length / (result.losses.length - 1);
  result.losses.forEach((loss, epoch) => {
    if (epoch % 5 !== 0 && epoch !== result.losses.length - 1) return;
    const lr = result.lrs[epoch * batchesPerEpoch];
    console.log(`after ${String(epoch).padStart(2)} epochs  loss ${loss.toFixed(4)}${lr === undefined ? '' : `  next lr ${lr.toFixed(4)}`}`);
  });
  console.log(`accuracy ${(100 * result.accuracy).toFixed(1)}%  w = [${Array.from(result.w, (v) => v.toFixed(3)).join(', ')}]  b = ${result.b[0]!.toFixed(3)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
