import { writeConfig, writeSnippet, WRITE_TARGETS, type WriteTarget } from '@anneal/core/json';
import { UsageError } from '../errors.js';
import { defineCommand } from './command.js';
import { BASE_LR_FLAG, HELP_FLAG, loadSpecs, STEPS_FLAG } from './shared.js';

/** `anneal convert SPEC --to pytorch|hf|timm|keras|optax [--format code|json] [--base-lr X] [--steps N]`. */
export const convertCommand = defineCommand({
  name: 'convert',
  summary: 'the schedule as PyTorch, HF, timm, Keras or optax code',
  help: `usage: anneal convert SPEC --to pytorch|hf|timm|keras|optax [--format code|json]
                            [--base-lr X] [--steps N]

Prints the schedule in another library: Python code that runs as printed
(imports, a stand-in model and optimizer, the library's own scheduler call and
a loop with its stepping that prints each rate; one step per batch for
PyTorch's one-cycle and cyclic schedulers), or with --format json the
configuration anneal reads back (PyTorch {scheduler, kwargs}, HF
TrainingArguments fields, timm create_scheduler_v2 arguments, a serialised
Keras schedule, an optax {optax, kwargs} call). What is printed is exact: read
back by anneal it gives the spec's rates. When the library cannot express the
schedule exactly, the command names the part of the spec and the reason, and
exits with status 2.

options:
  --to T         pytorch, hf, timm, keras or optax (required)
  --format F     code (default) or json
  --base-lr X    the base learning rate written into the configuration
                 (default 1; for an HF, timm, Keras or optax configuration
                 its own rate)
  --steps N      steps of the printed loop (default: the run length the
                 configuration states, else 100)

examples:
  anneal convert warmup:steps=500,startFactor=0+cosine:tMax=9500 --to hf
  anneal convert step:stepSize=30,gamma=0.1 --to optax --format json
`,
  flags: {
    to: { type: 'string', choices: WRITE_TARGETS },
    format: { type: 'string', choices: ['code', 'json'] },
    'base-lr': BASE_LR_FLAG,
    steps: STEPS_FLAG,
    help: HELP_FLAG,
  },
  async run({ positionals, flags }, io) {
    const [spec] = loadSpecs(positionals, io, 1, 1);
    if (flags.to === undefined) throw new UsageError(`missing --to (one of ${WRITE_TARGETS.join(', ')})`);
    const target = flags.to as WriteTarget;
    const baseLr = flags['base-lr'] ?? spec!.baseLr ?? 1;
    const json = spec!.schedule.toJSON();
    if ((flags.format ?? 'code') === 'json') {
      io.stdout(`${JSON.stringify(writeConfig(json, target, { baseLr }), null, 2)}\n`);
      return 0;
    }
    io.stdout(writeSnippet(json, target, { baseLr, ...(flags.steps === undefined ? {} : { steps: flags.steps }) }));
    return 0;
  },
});
