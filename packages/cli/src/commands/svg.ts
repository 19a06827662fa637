import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderSvgChart } from '../svg.js';
import { fileError } from '../errors.js';
import { defineCommand } from './command.js';
import { BASE_LR_FLAG, DEFAULT_STEPS, HELP_FLAG, loadSpecs, sampleAll, STEPS_FLAG } from './shared.js';

/** `anneal svg SPEC... [--out FILE.svg] [--steps N] [--base-lr X] [--width PX] [--height PX] [--title T]`. */
export const svgCommand = defineCommand({
  name: 'svg',
  summary: 'write a standalone SVG chart of one or more schedules',
  help: `usage: anneal svg SPEC... --out FILE.svg [--steps N] [--base-lr X]
                       [--width PX] [--height PX] [--title TEXT]

Writes an SVG chart (axes, ticks, grid, legend; one <path> per schedule) that
opens in any browser. Without --out the SVG goes to standard output.

options:
  --out FILE     where to write the SVG (default: standard output)
  --steps N      steps to draw (default ${DEFAULT_STEPS})
  --base-lr X    the base learning rate (default 1)
  --width PX     width in pixels (default 800)
  --height PX    height in pixels, legend included (default 450)
  --title TEXT   a heading above the chart

examples:
  anneal svg cosine:tMax=100 sgdr:t0=10,tMult=2 --out schedules.svg
`,
  flags: {
    out: { type: 'string' },
    steps: STEPS_FLAG,
    'base-lr': BASE_LR_FLAG,
    width: { type: 'integer', min: 200, max: 10_000 },
    height: { type: 'integer', min: 150, max: 10_000 },
    title: { type: 'string' },
    help: HELP_FLAG,
  },
  async run({ positionals, flags }, io) {
    const specs = loadSpecs(positionals, io);
    const steps = flags.steps ?? DEFAULT_STEPS;
    const series = sampleAll(specs, steps, flags['base-lr']);
    const svg = renderSvgChart(series, {
      ...(flags.width === undefined ? {} : { width: flags.width }),
      ...(flags.height === undefined ? {} : { height: flags.height }),
      ...(flags.title === undefined ? {} : { title: flags.title }),
    });
    if (flags.out === undefined || flags.out === '-') {
      io.stdout(svg);
      return 0;
    }
    const path = resolve(io.cwd, flags.out);
    try {
      writeFileSync(path, svg);
    } catch (error) {
      throw fileError('write', flags.out, error);
    }
    io.stdout(`wrote ${flags.out} (${series.length} schedule${series.length === 1 ? '' : 's'}, ${steps} steps)\n`);
    return 0;
  },
});
