/**
 * The demo's learning-rate range test: `@anneal/tfjs`'s `findLr` on the demo's model and data, before the
 * three training runs. The model is built, swept and discarded; the runs start from fresh weights.
 *
 * @packageDocumentation
 */
import type { RangeTestResult } from '@anneal/core/adapter';
import type { SpiralData } from './data.js';
import { buildModel, tensors, type DemoModules } from './train.js';

/** The sweep the demo runs: 1e-4 to 10, geometric, 100 batches. */
export const DEMO_RANGE_TEST = { startLr: 1e-4, endLr: 10, steps: 100 } as const;

/** Runs `findLr` on the demo's model (plain SGD) and training data. */
export async function demoRangeTest(modules: DemoModules, train: SpiralData, options: { seed: number; batchSize: number }): Promise<RangeTestResult> {
  const { tf, annealTfjs } = modules;
  const model = buildModel(tf, train.classes, options.seed);
  const optimizer = tf.train.sgd(0.1);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const data = tensors(tf, train);
  try {
    return await annealTfjs.findLr(tf, model, data.x, data.y, { ...DEMO_RANGE_TEST, batchSize: options.batchSize });
  } finally {
    tf.dispose([data.x, data.y]);
    model.dispose();
    optimizer.dispose();
  }
}

/** One line per suggestion, for the terminal and the report. */
export function describeSuggestions(result: RangeTestResult, format: (v: number) => string): string {
  const { steepest, valley, minimumOver10 } = result.suggestions;
  const f = (v: number | undefined) => (v === undefined ? 'none' : format(v));
  const stop = result.stop === 'completed' ? `all ${result.points.length} steps` : `stopped at step ${result.points.length} (${result.stop})`;
  return `suggested rate ${f(result.suggestion)} (valley ${f(valley)}, steepest ${f(steepest)}, minimum/10 ${f(minimumOver10)}); ${stop}`;
}
