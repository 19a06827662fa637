/**
 * What a command touches of the outside world, so commands can be run in-process as well as from a shell.
 *
 * @packageDocumentation
 */

/** The streams and environment a command runs with. */
export interface CliIO {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colors and progress redraws only then). */
  readonly isTTY: boolean;
  /** The terminal's width in columns, when known. */
  readonly columns?: number | undefined;
}

/** The process's own streams and environment. */
export function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  };
}

/** Which way `--color` was given. */
export type ColorMode = 'auto' | 'always' | 'never';

/**
 * Whether to print ANSI colors: `--color always`/`never` decide; otherwise colors are on when stdout is a terminal
 * and `NO_COLOR` is unset or empty (https://no-color.org), or when `FORCE_COLOR` is set to anything but `0`.
 */
export function useColor(io: CliIO, mode: ColorMode = 'auto'): boolean {
  if (mode !== 'auto') return mode === 'always';
  if ((io.env.NO_COLOR ?? '') !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  return io.isTTY;
}

/** The default chart width: 80 columns, or the terminal's width when it is narrower. */
export function defaultWidth(io: CliIO): number {
  return io.isTTY && io.columns !== undefined && io.columns >= 30 && io.columns < 80 ? io.columns : 80;
}
