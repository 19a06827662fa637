/**
 * The `anneal` command line: dispatch, `--help`/`--version`, and the one-line error rule.
 *
 * @packageDocumentation
 */
import { AnnealError } from '@anneal/core';
import { parseArgs } from './args.js';
import type { Command } from './commands/command.js';
import { plotCommand } from './commands/plot.js';
import { valuesCommand } from './commands/values.js';
import { svgCommand } from './commands/svg.js';
import { describeCommand } from './commands/describe.js';
import { replayCommand } from './commands/replay.js';
import { demoCommand } from './commands/demo.js';
import { convertCommand } from './commands/convert.js';
import { rootHelp } from './help.js';
import { processIO, type CliIO } from './io.js';
import { VERSION } from './version.js';

/** Every subcommand, in the order `anneal --help` lists them. */
export const COMMANDS: readonly Command[] = [plotCommand, valuesCommand, svgCommand, describeCommand, convertCommand, replayCommand, demoCommand] as readonly Command[];

/** One line: newlines in a message (from a file's content, say) become spaces. */
const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();

function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}

/**
 * Runs the `anneal` command line with `argv` (the arguments after `anneal`) and resolves to the exit status:
 * 0 on success, 1 when a replayed trace disagrees (or on an unexpected internal error), 2 on bad input, after
 * writing exactly one line that names the problem to stderr.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr('anneal: missing command (plot, values, svg, describe, convert, replay, demo); try anneal --help\n');
    return 2;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    io.stdout(rootHelp(COMMANDS));
    return 0;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const helpFor = first === 'help' ? rest[0] : undefined;
  const name = helpFor ?? first;
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`;
    io.stderr(`anneal: ${what} (commands: ${COMMANDS.map((c) => c.name).join(', ')}); try anneal --help\n`);
    return 2;
  }
  if (helpFor !== undefined || wantsHelp(rest)) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(parseArgs(rest, command.flags, `anneal ${command.name}`), io);
  } catch (error) {
    if (error instanceof AnnealError) {
      io.stderr(`anneal ${command.name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    const detail = io.env.ANNEAL_DEBUG ? `\n${(error as Error).stack ?? ''}` : ' (set ANNEAL_DEBUG=1 for the stack)';
    io.stderr(`anneal ${command.name}: internal error: ${oneLine(String((error as Error).message ?? error))}${detail}\n`);
    return 1;
  }
}
