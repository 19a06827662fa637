import { describeValues, formatDescription } from '../describe.js';
import { exact } from '../format.js';
import { defineCommand } from './command.js';
import { BASE_LR_FLAG, DEFAULT_STEPS, HELP_FLAG, loadSpecs, sampleAll, STEPS_FLAG } from './shared.js';

/** `anneal describe SPEC [--steps N] [--base-lr X]`. */
export const describeCommand = defineCommand({
  name: 'describe',
  summary: 'peak, floor, warmup, restarts, mean and area over N steps',
  help: `usage: anneal describe SPEC [--steps N] [--base-lr X]

Prints the schedule in anneal's JSON spelling and what it does over steps 0 to
N-1: the start and end rate, the peak and the floor (first step reaching them),
where a warmup ends (when the rate rises from step 0), the restart steps (where
the rate jumps up in one step), the mean rate, and the area under the curve
(the sum of the rates of the N steps). Numbers are exact.

options:
  --steps N      number of steps (default ${DEFAULT_STEPS})
  --base-lr X    the base learning rate (default 1; for an HF, timm, Keras
                 or optax configuration its own rate: the library's values)

examples:
  anneal describe sgdr:t0=10,tMult=2,warmupSteps=5 --steps 75
`,
  flags: { steps: STEPS_FLAG, 'base-lr': BASE_LR_FLAG, help: HELP_FLAG },
  async run({ positionals, flags }, io) {
    const [spec] = loadSpecs(positionals, io, 1, 1);
    const baseLr = flags['base-lr'] ?? spec!.baseLr ?? 1;
    const [series] = sampleAll([spec!], flags.steps ?? DEFAULT_STEPS, baseLr);
    const header: Array<[string, string]> = [
      ['schedule', spec!.label],
      ['json', JSON.stringify(spec!.schedule.toJSON())],
      ['base lr', exact(baseLr)],
    ];
    io.stdout(formatDescription(describeValues(series!.values), header));
    return 0;
  },
});
