/**
 * The text of `anneal --help`.
 *
 * @packageDocumentation
 */
import { SCHEDULE_TYPES, TORCH_SCHEDULERS } from '@anneal/core/json';
import type { Command } from './commands/command.js';

/** Wraps a comma-separated list at `width` columns with `indent`. */
function wrapList(items: readonly string[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = indent;
  for (const [i, item] of items.entries()) {
    const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + piece.length + 1 > width && line.trim() !== '') {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${piece} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

/** `anneal --help`: commands, the three ways to write a SPEC, exit statuses. */
export function rootHelp(commands: readonly Command[]): string {
  const names = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `usage: anneal <command> [options]

Learning-rate schedules in the terminal: plot them, print their exact values,
describe them, convert them to other libraries' code, export SVG charts,
replay PyTorch traces, run the demo.

commands:
${commands.map((c) => `  ${c.name.padEnd(names)}${c.summary}`).join('\n')}

  anneal <command> --help shows a command's options.

SPEC, a schedule, written one of three ways:
  short form   TYPE:KEY=VALUE,KEY=VALUE,...    e.g. cosine:tMax=20,etaMin=0
               KEYs are the option names of the JSON type. VALUEs are numbers
               (0.1, 1e-4), true/false, [a,b,...] arrays (milestones=[30,60])
               or words (mode=triangular2). TYPE ignores case, - and _
               (onecycle = oneCycle). A linear warmup goes in front with "+":
               warmup:steps=5,startFactor=0.1+cosine:tMax=95
  JSON         '{"type":"sgdr","t0":10,"tMult":2}' or PyTorch's spelling
               '{"scheduler":"CosineAnnealingLR","kwargs":{"T_max":20}}'
  @FILE        @schedule.json, a file holding either JSON spelling

  types:
${wrapList(SCHEDULE_TYPES, '    ', 80)}
  PyTorch classes (with a closed form):
${wrapList(TORCH_SCHEDULERS.filter((name) => name !== 'ReduceLROnPlateau'), '    ', 80)}

examples:
  anneal plot cosine:tMax=100 sgdr:t0=10,tMult=2
  anneal values onecycle:totalSteps=100,maxLr=0.1 --steps 100 --format tsv
  anneal describe sgdr:t0=10,tMult=2,warmupSteps=5 --steps 75
  anneal convert warmup:steps=10,startFactor=0+cosine:tMax=90 --to hf
  anneal svg 'warmup:steps=5+cosine:tMax=95' --out schedule.svg
  anneal demo

exit status: 0 on success, 1 when a replayed trace disagrees, 2 on bad input
(then one line on stderr says what is wrong).
Colors only on a terminal and never when NO_COLOR is set; --color overrides.
`;
}
