/**
 * `anneal demo`: trains the same small TensorFlow.js model three times (constant rate, cosine annealing,
 * SGDR with warmup), shows progress, then charts the learning rate and the loss in the terminal and writes
 * an HTML report.
 *
 * @packageDocumentation
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileError } from '../errors.js';
import { compact, exact } from '../format.js';
import type { CliIO } from '../io.js';
import { loadSpec } from '../load-spec.js';
import { renderTerminalChart } from '../plot-terminal.js';
import { spirals } from './data.js';
import { loadDemoModules } from './load-modules.js';
import { renderReport } from './report.js';
import { demoRuns, type DemoRun } from './schedules.js';
import { trainRun, type RunResult } from './train.js';
import { DEMO_RANGE_TEST, demoRangeTest, describeSuggestions } from './range-test.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Epochs per run. */
  epochs: number;
  /** Training points per class (the held-out set has a quarter as many). */
  samplesPerClass: number;
  /** The optimizer's base rate, scaled by each schedule. */
  baseLr: number;
  /** Seed of the data and of the weight initializers. */
  seed: number;
  /** Where to write the HTML report, relative to `io.cwd`. */
  out: string;
  /** Chart width in columns. */
  width: number;
  /** ANSI colors in charts and progress. */
  color: boolean;
}

const BATCH_SIZE = 32;

/**
 * Runs the demo and resolves to the exit status (0). Progress goes to stdout: on a terminal one line per run
 * redrawn each epoch; otherwise about ten lines per run (every epoch when there are at most ten).
 *
 * @throws {@link UsageError} when TensorFlow.js or `@anneal/tfjs` is missing or the report cannot be written.
 */
export async function runDemo(options: DemoOptions, io: CliIO): Promise<number> {
  const modules = await loadDemoModules();
  const train = spirals({ samplesPerClass: options.samplesPerClass, seed: options.seed });
  const test = spirals({ samplesPerClass: Math.max(1, Math.round(options.samplesPerClass / 4)), seed: options.seed + 1 });
  const runs = demoRuns(options.epochs);
  const settings: Array<[string, string]> = [
    ['data', `3 interleaved spirals: ${train.size} training, ${test.size} held-out points (seed ${options.seed})`],
    ['model', '2 → 64 → 64 → 3 (ReLU, softmax), the same seeded initial weights each run'],
    ['training', `plain SGD, base rate ${exact(options.baseLr)}, ${options.epochs} epochs of batches of ${BATCH_SIZE}`],
    ['schedules', 'set the rate before each epoch through @anneal/tfjs'],
    ['backend', `TensorFlow.js ${modules.tf.version.tfjs}, ${modules.tf.getBackend()} (pure JavaScript)`],
  ];
  io.stdout(`anneal demo: one small network trained three times; only the schedule changes\n`);
  for (const [key, value] of settings) io.stdout(`  ${key.padEnd(11)}${value}\n`);
  io.stdout('\n');

  // Before training: the learning-rate range test on the same model and data (the model is then discarded).
  const rangeTest = await demoRangeTest(modules, train, { seed: options.seed, batchSize: BATCH_SIZE });
  io.stdout(`LR range test (findLr): rates ${exact(DEMO_RANGE_TEST.startLr)} to ${exact(DEMO_RANGE_TEST.endLr)} over ${DEMO_RANGE_TEST.steps} batches\n`);
  io.stdout(`  ${describeSuggestions(rangeTest, exact)}\n\n`);
  io.stdout(
    `${renderTerminalChart([{ label: 'smoothed loss', values: rangeTest.points.map((p) => p.smoothedLoss) }], {
      title: 'LR range test: smoothed loss per step (the rate grows geometrically with the step)',
      yLabel: 'loss',
      xLabel: 'step',
      width: options.width,
      height: 10,
      color: options.color,
    })}\n`,
  );

  const results: Array<{ run: DemoRun; result: RunResult }> = [];
  const nameWidth = Math.max(...runs.map((r) => r.name.length));
  const every = Math.max(1, Math.ceil(options.epochs / 10));
  for (const run of runs) {
    const { schedule } = loadSpec(run.spec, io.cwd);
    io.stdout(`${run.name.padEnd(nameWidth)}  ${run.spec}\n`);
    const line = (e: number, loss: number, lr: number) =>
      `  ${run.name.padEnd(nameWidth)}  epoch ${String(e + 1).padStart(String(options.epochs).length)}/${options.epochs}  loss ${compact(loss, 4).padEnd(7)}  lr ${exact(lr)}`;
    const result = await trainRun(modules, schedule, train, test, {
      epochs: options.epochs,
      baseLr: options.baseLr,
      batchSize: BATCH_SIZE,
      seed: options.seed,
      onEpoch: ({ epoch, loss, lr }) => {
        if (io.isTTY) io.stdout(`\r\u001b[K${line(epoch, loss, lr)}`);
        else if (epoch % every === 0 || epoch === options.epochs - 1) io.stdout(`${line(epoch, loss, lr)}\n`);
      },
    });
    if (io.isTTY) io.stdout('\r\u001b[K');
    io.stdout(
      `  done: final loss ${compact(result.losses.at(-1) ?? NaN, 4)}, test accuracy ${(result.testAccuracy * 100).toFixed(1)}%, ${(result.millis / 1000).toFixed(1)} s\n\n`,
    );
    results.push({ run, result });
  }

  const chart = (title: string, yLabel: string, pick: (r: RunResult) => number[], yScale: 'linear' | 'log') =>
    renderTerminalChart(
      results.map(({ run, result }) => ({ label: run.name, values: pick(result) })),
      { title, yLabel, yScale, xLabel: 'epoch', xStart: 1, width: options.width, height: 12, color: options.color },
    );
  io.stdout(`${chart('Learning rate per epoch', 'lr', (r) => r.lrs, 'linear')}\n`);
  io.stdout(`${chart('Training loss per epoch (log scale)', 'loss', (r) => r.losses, 'log')}\n`);

  const path = resolve(io.cwd, options.out);
  try {
    writeFileSync(path, renderReport({ runs: results, settings, rangeTest }));
  } catch (error) {
    throw fileError('write', options.out, error);
  }
  io.stdout(`report: ${path}\n`);
  return 0;
}
