/**
 * One training run of the demo: a small MLP on the spirals, plain SGD whose rate `@anneal/tfjs` sets
 * before every epoch from an anneal schedule.
 *
 * @packageDocumentation
 */
import type * as TF from '@tensorflow/tfjs';
import type * as AnnealTfjs from '@anneal/tfjs';
import type { Schedule } from '@anneal/core';
import type { SpiralData } from './data.js';

/** The TensorFlow.js namespace and the adapter, loaded by the caller. */
export interface DemoModules {
  readonly tf: typeof TF;
  readonly annealTfjs: typeof AnnealTfjs;
}

/** What one epoch reports to {@link TrainOptions.onEpoch}. */
export interface EpochReport {
  /** Epoch index, from 0. */
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  /** The learning rate the epoch trained with, as the callback logged it (`logs.lr`). */
  lr: number;
}

/** Options of {@link trainRun}. */
export interface TrainOptions {
  epochs: number;
  /** The rate the schedule scales (the optimizer's initial rate). */
  baseLr: number;
  /** Rows per batch. */
  batchSize: number;
  /** Seed of the weight initializers (the same for every run, so runs differ only by their schedule). */
  seed: number;
  /** Called after every epoch. */
  onEpoch?: (report: EpochReport) => void;
}

/** The outcome of one run, every number from the run itself. */
export interface RunResult {
  /** Training loss per epoch. */
  losses: number[];
  /** Learning rate per epoch. */
  lrs: number[];
  /** Loss on the held-out set after training. */
  testLoss: number;
  /** Accuracy on the held-out set after training, in [0, 1]. */
  testAccuracy: number;
  /** Wall time of `fit`, in milliseconds. */
  millis: number;
}

export function tensors(tf: typeof TF, data: SpiralData): { x: TF.Tensor2D; y: TF.Tensor2D } {
  return tf.tidy(() => ({
    x: tf.tensor2d(data.features, [data.size, 2]),
    y: tf.oneHot(tf.tensor1d(data.labels, 'int32'), data.classes) as TF.Tensor2D,
  }));
}

export function buildModel(tf: typeof TF, classes: number, seed: number): TF.Sequential {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed + k });
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2], kernelInitializer: init(1) }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(2) }));
  model.add(tf.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: init(3) }));
  return model;
}

/** Trains a fresh model on `train` with `schedule` stepped per epoch, then evaluates it on `test`. */
export async function trainRun(modules: DemoModules, schedule: Schedule, train: SpiralData, test: SpiralData, options: TrainOptions): Promise<RunResult> {
  const { tf, annealTfjs } = modules;
  const model = buildModel(tf, train.classes, options.seed);
  const optimizer = tf.train.sgd(options.baseLr);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const trainSet = tensors(tf, train);
  const testSet = tensors(tf, test);
  const losses: number[] = [];
  const lrs: number[] = [];
  const progress = new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      const loss = Number(logs?.loss);
      const lr = Number(logs?.lr);
      losses.push(loss);
      lrs.push(lr);
      options.onEpoch?.({ epoch, loss, lr });
    },
  });
  try {
    const started = performance.now();
    await model.fit(trainSet.x, trainSet.y, {
      epochs: options.epochs,
      batchSize: options.batchSize,
      shuffle: false,
      verbose: 0,
      yieldEvery: 'never',
      // The anneal callback first: it writes the epoch's rate into the logs the progress callback reads.
      callbacks: [annealTfjs.annealCallback(tf, { schedule, per: 'epoch' }), progress],
    });
    const millis = performance.now() - started;
    const [testLoss, testAccuracy] = tf.tidy(() => {
      const result = model.evaluate(testSet.x, testSet.y, { batchSize: 256 }) as TF.Scalar[];
      return result.map((t) => t.dataSync()[0]!);
    });
    return { losses, lrs, testLoss: testLoss!, testAccuracy: testAccuracy!, millis };
  } finally {
    tf.dispose([trainSet.x, trainSet.y, testSet.x, testSet.y]);
    model.dispose();
    optimizer.dispose();
  }
}
