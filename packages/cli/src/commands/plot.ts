import { renderTerminalChart } from '../plot-terminal.js';
import { defaultWidth, useColor, type ColorMode } from '../io.js';
import { defineCommand } from './command.js';
import { BASE_LR_FLAG, COLOR_FLAG, DEFAULT_STEPS, HELP_FLAG, loadSpecs, sampleAll, STEPS_FLAG } from './shared.js';

/** `anneal plot SPEC... [--steps N] [--width W] [--height H] [--base-lr X]`. */
export const plotCommand = defineCommand({
  name: 'plot',
  summary: 'draw the learning rate against the step in the terminal',
  help: `usage: anneal plot SPEC... [--steps N] [--width W] [--height H] [--base-lr X]
                        [--style braille|markers] [--color auto|always|never]

Draws the rate of steps 0 to N-1 of each SPEC, overlaid, with the extremes on
the y axis and a legend giving each schedule's min and max. Each rate is held
for its whole step, so restarts show as vertical jumps.

options:
  --steps N      steps to draw (default ${DEFAULT_STEPS})
  --width W      total width in columns (default 80, or the terminal's width
                 when narrower)
  --height H     height of the plot in rows (default 15)
  --base-lr X    the base learning rate (default 1: the chart shows the factor)
  --style S      braille (fine curves) or markers (one character per schedule:
                 • × + o ...); default braille for one schedule or with colors,
                 markers for several without colors
  --color WHEN   auto (on a terminal unless NO_COLOR is set), always, never

examples:
  anneal plot cosine:tMax=100
  anneal plot sgdr:t0=10,tMult=2 'warmup:steps=5+cosine:tMax=95'
  anneal plot '{"scheduler":"OneCycleLR","kwargs":{"max_lr":0.1,
               "total_steps":100}}'
`,
  flags: {
    steps: STEPS_FLAG,
    width: { type: 'integer', min: 30, max: 1000 },
    height: { type: 'integer', min: 3, max: 200 },
    'base-lr': BASE_LR_FLAG,
    style: { type: 'string', choices: ['braille', 'markers'] },
    color: COLOR_FLAG,
    help: HELP_FLAG,
  },
  async run({ positionals, flags }, io) {
    const specs = loadSpecs(positionals, io);
    const series = sampleAll(specs, flags.steps ?? DEFAULT_STEPS, flags['base-lr']);
    const color = useColor(io, flags.color as ColorMode | undefined);
    io.stdout(
      renderTerminalChart(series, {
        width: flags.width ?? defaultWidth(io),
        height: flags.height ?? 15,
        color,
        ...(flags.style === undefined ? {} : { style: flags.style as 'braille' | 'markers' }),
      }),
    );
    return 0;
  },
});
