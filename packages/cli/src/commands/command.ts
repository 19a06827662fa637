import type { FlagSpecs, ParsedArgs } from '../args.js';
import type { CliIO } from '../io.js';

/** One `anneal` subcommand. */
export interface Command<T extends FlagSpecs = FlagSpecs> {
  /** What the user types (`plot`). */
  readonly name: string;
  /** One line for the command list of `anneal --help`. */
  readonly summary: string;
  /** The full text of `anneal <name> --help`. */
  readonly help: string;
  /** Its flags (`--help` is handled before parsing). */
  readonly flags: T;
  /** Runs it; resolves to the exit status. Bad input throws an `AnnealError` (the CLI prints it and exits 2). */
  run(args: ParsedArgs<T>, io: CliIO): Promise<number>;
}

/** Declares a command with its flag types inferred. */
export function defineCommand<T extends FlagSpecs>(command: Command<T>): Command<T> {
  return command;
}
