import { defaultWidth, useColor, type ColorMode } from '../io.js';
import { UsageError } from '../errors.js';
import { defineCommand } from './command.js';
import { COLOR_FLAG, HELP_FLAG } from './shared.js';

/** The default report path, in the current directory. */
export const DEFAULT_REPORT = 'anneal-demo-report.html';

/** `anneal demo [--epochs N] [--out report.html]`. */
export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'train a small TensorFlow.js model with three schedules, chart it',
  help: `usage: anneal demo [--epochs N] [--out FILE.html] [--samples N]
                   [--base-lr X] [--seed S] [--width W] [--color WHEN]

Trains the same small network (2 -> 64 -> 64 -> 3) three times on a 3-class
spirals data set generated on the spot: with a constant rate, with cosine
annealing, and with SGDR after a linear warmup; @anneal/tfjs sets the rate of
every epoch, on TensorFlow.js's pure JavaScript CPU backend. Shows each epoch's
loss and rate, then charts the rate and the loss of each run and writes an
HTML report with both charts. Seeded: the same options give the same numbers.

options:
  --epochs N     epochs per run (default 30)
  --out FILE     the HTML report (default ${DEFAULT_REPORT} in the
                 current directory)
  --samples N    training points per class (default 400; the held-out set has
                 a quarter as many)
  --base-lr X    the SGD base rate the schedules scale (default 0.5)
  --seed S       seed of the data and the initial weights (default 42)
  --width W      chart width in columns (default 80)
  --color WHEN   auto, always, never

Needs @tensorflow/tfjs 4.x and @anneal/tfjs beside the CLI (optional peer
dependencies).
`,
  flags: {
    epochs: { type: 'integer', min: 1, max: 1000 },
    out: { type: 'string' },
    samples: { type: 'integer', min: 4, max: 100_000 },
    'base-lr': { type: 'number', min: 0, max: 100 },
    seed: { type: 'integer', min: 0, max: 2 ** 31 - 1 },
    width: { type: 'integer', min: 40, max: 1000 },
    color: COLOR_FLAG,
    help: HELP_FLAG,
  },
  async run({ positionals, flags }, io) {
    if (positionals.length > 0) throw new UsageError(`takes no arguments, got ${positionals.map((p) => JSON.stringify(p)).join(' ')}`);
    // Loaded on demand: only the demo needs TensorFlow.js.
    const { runDemo } = await import('../demo/run.js');
    return runDemo(
      {
        epochs: flags.epochs ?? 30,
        samplesPerClass: flags.samples ?? 400,
        baseLr: flags['base-lr'] ?? 0.5,
        seed: flags.seed ?? 42,
        out: flags.out ?? DEFAULT_REPORT,
        width: flags.width ?? defaultWidth(io),
        color: useColor(io, flags.color as ColorMode | undefined),
      },
      io,
    );
  },
});
