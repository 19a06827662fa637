import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatReplayFile, formatReplaySummary, replayTrace, type CaseResult } from '@anneal/core/replay';
import { fileError, UsageError } from '../errors.js';
import { defineCommand } from './command.js';
import { HELP_FLAG } from './shared.js';

/** `anneal replay TRACE.json...`: core's trace replay (`pnpm replay` in the repository runs this command). */
export const replayCommand = defineCommand({
  name: 'replay',
  summary: 'replay PyTorch traces and report the largest deviation per case',
  help: `usage: anneal replay TRACE.json...

Replays every case of anneal-trace/1 files recorded from PyTorch
(tools/torch-traces) through anneal and compares each row within a relative
1e-12. Prints one line per case and a summary.

exit status: 0 when every case agrees, 1 when one disagrees or cannot be
replayed, 2 on unreadable input.

example:
  anneal replay packages/core/test/fixtures/traces/*.json
`,
  flags: { help: HELP_FLAG },
  async run({ positionals }, io) {
    if (positionals.length === 0) throw new UsageError('missing TRACE.json (at least one trace file to replay)');
    const all: CaseResult[] = [];
    for (const file of positionals) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (error) {
        throw fileError('read', file, error);
      }
      let results: CaseResult[];
      try {
        results = replayTrace(JSON.parse(text));
      } catch (error) {
        // The file, then why it is not a trace.
        throw new UsageError(`${file}: ${(error as Error).message}`);
      }
      io.stdout(formatReplayFile(file, results));
      all.push(...results);
    }
    io.stdout(formatReplaySummary(all));
    return all.some((r) => !r.ok) ? 1 : 0;
  },
});
