// `pnpm replay FILE...`: replays PyTorch traces (anneal-trace/1) and prints the largest deviation per case.
// Exits 1 if any case disagrees or cannot be replayed, 2 on unreadable input.
import { readFileSync } from 'node:fs';
import { formatReplayFile, formatReplaySummary, replayTrace, type CaseResult } from '../src/replay.js';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0 || files.includes('--help')) {
  console.log('usage: pnpm replay TRACE.json...\nReplays every case of anneal-trace/1 files recorded from PyTorch and compares each row.');
  process.exit(files.length === 0 ? 2 : 0);
}

const all: CaseResult[] = [];
for (const file of files) {
  let results: CaseResult[];
  try {
    results = replayTrace(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  process.stdout.write(formatReplayFile(file, results));
  all.push(...results);
}
process.stdout.write(formatReplaySummary(all));
process.exit(all.some((r) => !r.ok) ? 1 : 0);
