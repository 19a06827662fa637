/**
 * Item 5: what the framework adapters add per training step, as a fraction of the step itself.
 *
 * The adapters and their frameworks are loaded from their workspace folders (`packages/tfjs`,
 * `packages/onnxruntime-web`: the built `dist/index.js`, and the framework from that package's own
 * `node_modules`), so this package has no dependency on them; when one is missing or not built, its
 * case is skipped with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cosine, warmup } from '@anneal/core';
import { RING_MASK } from '../harness.js';
import type { BenchCase, CaseLoops } from './types.js';

const PACKAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages');
const FRACTION: BenchCase['target'] = { kind: 'max', value: 0.005 };

/** Imports `packages/<pkg>/dist/index.js` and `framework` as that package resolves it; a reason string when impossible. */
export async function loadAdapter(pkg: string, framework: string): Promise<{ adapter: Record<string, unknown>; framework: Record<string, unknown> } | string> {
  const dir = resolve(PACKAGES, pkg);
  const entry = resolve(dir, 'dist/index.js');
  if (!existsSync(resolve(dir, 'package.json'))) return `not available: packages/${pkg} does not exist`;
  if (!existsSync(entry)) return `not available: packages/${pkg} is not built (pnpm --filter @anneal/${pkg} build)`;
  let frameworkPath: string;
  try {
    frameworkPath = createRequire(resolve(dir, 'package.json')).resolve(framework);
  } catch {
    return `not available: ${framework} is not installed for packages/${pkg}`;
  }
  const adapter = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  const fw = (await import(pathToFileURL(frameworkPath).href)) as Record<string, unknown>;
  // A CommonJS framework build arrives as { default: namespace, ...named }.
  const namespace = (fw.default ?? fw) as Record<string, unknown>;
  return { adapter, framework: namespace };
}

/* Minimal shapes of the framework objects the cases touch (the frameworks are loaded untyped). */
interface TfCallback {
  setModel(model: unknown): void;
  setParams(params: object): void;
  onTrainBegin(logs?: object): Promise<void>;
  onEpochBegin(epoch: number, logs?: object): Promise<void>;
  onBatchBegin(batch: number, logs?: object): Promise<void>;
  onBatchEnd(batch: number, logs?: Record<string, unknown>): Promise<void>;
}
interface TfModel {
  compile(args: object): void;
  trainOnBatch(x: unknown, y: unknown): Promise<number | number[]>;
}
// The frameworks are loaded untyped at run time.
type Any = any;

/**
 * The tfjs callback's cost per batch, or (`floor`) that of an empty `tf.CustomCallback` with no-op batch
 * hooks, measured the same way: what tfjs's wrapping of each hook (an async method that first awaits the
 * tensors of the logs) costs a callback. anneal's batch hooks skip that wrapping (but for a plateau
 * stepped per batch, which reads its metric from the logs), so its row sits below this one.
 */
const tfjsCallbackCase = (floor: boolean): BenchCase => ({
  id: floor ? 'adapter-tfjs-empty-callback' : 'adapter-tfjs-callback',
  item: '5',
  title: floor
    ? 'an empty tf.CustomCallback (no-op batch hooks) vs model.trainOnBatch: what tfjs\'s hook wrapper costs'
    : '@anneal/tfjs annealCallback (cosine, per batch) vs model.trainOnBatch',
  subjectLabel: 'onBatchBegin + onBatchEnd of the callback',
  baselineLabel: 'trainOnBatch: Dense(16→32, relu)→Dense(1), batch 32, SGD, tfjs cpu backend',
  unit: 'batch',
  baselineUnit: 'train step',
  target: floor ? { kind: 'info' } : FRACTION,
  verifyIterations: 0,
  measure: { sampleMs: 2, samples: 101, warmupMs: 500 },
  async setup(): Promise<CaseLoops | string> {
    const loaded = await loadAdapter('tfjs', '@tensorflow/tfjs');
    if (typeof loaded === 'string') return loaded;
    const tf = loaded.framework as Any;
    const annealCallback = loaded.adapter.annealCallback as ((tf: unknown, options: object) => TfCallback) | undefined;
    if (typeof annealCallback !== 'function') return 'not available: @anneal/tfjs has no annealCallback export';
    await tf.setBackend('cpu');
    await tf.ready();
    const model = tf.sequential({
      layers: [tf.layers.dense({ units: 32, activation: 'relu', inputShape: [16] }), tf.layers.dense({ units: 1 })],
    }) as TfModel;
    model.compile({ optimizer: tf.train.sgd(0.01), loss: 'meanSquaredError' });
    const xs = tf.randomNormal([32, 16], 0, 1, 'float32', 1);
    const ys = tf.randomNormal([32, 1], 0, 1, 'float32', 2);
    const callback = floor
      ? (new tf.CustomCallback({ onBatchBegin: () => undefined, onBatchEnd: () => undefined }) as TfCallback)
      : annealCallback(tf, { schedule: cosine({ tMax: 1000 }), per: 'batch' });
    callback.setModel(model);
    callback.setParams({ epochs: 1, samples: 32, batchSize: 32, steps: null, doValidation: false });
    await callback.onTrainBegin({});
    await callback.onEpochBegin(0, {});
    return {
      async subject(n, out) {
        for (let i = 0; i < n; i++) {
          await callback.onBatchBegin(i, {});
          const logs: Record<string, unknown> = { loss: 0.5 };
          await callback.onBatchEnd(i, logs);
          out[i & RING_MASK] = floor ? i : (logs.lr as number);
        }
      },
      async baseline(n, out) {
        for (let i = 0; i < n; i++) {
          const loss = await model.trainOnBatch(xs, ys);
          out[i & RING_MASK] = typeof loss === 'number' ? loss : loss[0]!;
        }
      },
    };
  },
});

const ortCase: BenchCase = {
  id: 'adapter-ort-feeder',
  item: '5',
  title: '@anneal/onnxruntime-web feeder (warmup + cosine) vs session.run',
  subjectLabel: 'feeder.feeds(extra) + feeder.step()',
  baselineLabel: 'session.run of a linear-regression SGD step (torch-exported, batch 16, wasm, 1 thread)',
  unit: 'run',
  baselineUnit: 'run()',
  target: FRACTION,
  verifyIterations: 0,
  measure: { sampleMs: 2, samples: 101, warmupMs: 500 },
  async setup(): Promise<CaseLoops | string> {
    const loaded = await loadAdapter('onnxruntime-web', 'onnxruntime-web');
    if (typeof loaded === 'string') return loaded;
    const ort = loaded.framework as Any;
    const createFeeder = loaded.adapter.createFeeder as ((ort: unknown, session: unknown, source: unknown, options: object) => Any) | undefined;
    if (typeof createFeeder !== 'function') return 'not available: @anneal/onnxruntime-web has no createFeeder export';
    const graph = resolve(PACKAGES, 'onnxruntime-web/test/fixtures/torch-linear-step.onnx');
    if (!existsSync(graph)) return 'not available: the graph packages/onnxruntime-web/test/fixtures/torch-linear-step.onnx is missing';
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(readFileSync(graph));
    const feeder = createFeeder(ort, session, warmup({ steps: 100, startFactor: 0.1 }, cosine({ tMax: 10_000 })), { baseLr: 0.1 });
    const batch = 16;
    const X = new ort.Tensor('float32', Float32Array.from({ length: batch * 3 }, (_, i) => Math.sin(i)), [batch, 3]);
    const y = new ort.Tensor('float32', Float32Array.from({ length: batch }, (_, i) => Math.cos(i)), [batch]);
    const W = new ort.Tensor('float32', new Float32Array(3), [3]);
    const lr = new ort.Tensor('float32', Float32Array.of(0.01), []);
    const extra = { X, y, W };
    const feeds = { X, y, W, lr };
    return {
      subject(n, out) {
        for (let i = 0; i < n; i++) {
          const fed = feeder.feeds(extra);
          feeder.step();
          out[i & RING_MASK] = (fed.lr.data as Float32Array)[0]!;
        }
      },
      async baseline(n, out) {
        for (let i = 0; i < n; i++) {
          const result = await session.run(feeds);
          out[i & RING_MASK] = (result.loss.data as Float32Array)[0]!;
        }
      },
    };
  },
};

/** Item 5 cases. */
export const adapterCases: readonly BenchCase[] = [tfjsCallbackCase(false), tfjsCallbackCase(true), ortCase];
