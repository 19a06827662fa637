import { exact } from '../format.js';
import { defineCommand } from './command.js';
import { BASE_LR_FLAG, HELP_FLAG, loadSpecs, sampleAll, STEPS_FLAG } from './shared.js';
import { UsageError } from '../errors.js';

/** `anneal values SPEC --steps N [--format csv|json|tsv] [--base-lr X]`. */
export const valuesCommand = defineCommand({
  name: 'values',
  summary: 'print the exact rates of N steps as CSV, TSV or JSON',
  help: `usage: anneal values SPEC --steps N [--format csv|json|tsv] [--base-lr X]

Prints the rate of steps 0 to N-1, each number in full precision (the shortest
text that reads back as the same double), for spreadsheets and scripts.

options:
  --steps N      number of steps (required)
  --format F     csv (default: "step,lr" rows), tsv (tab-separated), or json:
                 {"schedule": <anneal JSON>, "baseLr": X, "steps": N,
                  "lr": [...]}
  --base-lr X    the base learning rate (default 1; for an HF, timm, Keras
                 or optax configuration its own rate: the library's values)

examples:
  anneal values cosine:tMax=10 --steps 11
  anneal values @schedule.json --steps 1000 --format json > rates.json
`,
  flags: {
    steps: STEPS_FLAG,
    format: { type: 'string', choices: ['csv', 'json', 'tsv'] },
    'base-lr': BASE_LR_FLAG,
    help: HELP_FLAG,
  },
  async run({ positionals, flags }, io) {
    const [spec] = loadSpecs(positionals, io, 1, 1);
    if (flags.steps === undefined) throw new UsageError('missing --steps N (the number of steps to print)');
    const baseLr = flags['base-lr'] ?? spec!.baseLr ?? 1;
    const [series] = sampleAll([spec!], flags.steps, baseLr);
    const lr = series!.values;
    const format = flags.format ?? 'csv';
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ schedule: spec!.schedule.toJSON(), baseLr, steps: flags.steps, lr: Array.from(lr) })}\n`);
      return 0;
    }
    const sep = format === 'tsv' ? '\t' : ',';
    const rows = [`step${sep}lr`];
    for (let t = 0; t < lr.length; t++) rows.push(`${t}${sep}${exact(lr[t]!)}`);
    io.stdout(`${rows.join('\n')}\n`);
    return 0;
  },
});
