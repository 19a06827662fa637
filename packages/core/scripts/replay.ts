// `pnpm replay FILE...`: replays PyTorch traces (anneal-trace/1) and prints the largest deviation per case.
// Exits 1 if any case disagrees or cannot be replayed, 2 on unreadable input.
import { readFileSync } from 'node:fs';
import { replayTrace, TRACE_TOLERANCE, type CaseResult } from '../src/index.js';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0 || files.includes('--help')) {
  console.log('usage: pnpm replay TRACE.json...\nReplays every case of anneal-trace/1 files recorded from PyTorch and compares each row.');
  process.exit(files.length === 0 ? 2 : 0);
}

let failures = 0;
let cases = 0;
let worst = 0;
for (const file of files) {
  let results: CaseResult[];
  try {
    results = replayTrace(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(`${file}`);
  for (const r of results) {
    cases++;
    if (r.ok) worst = Math.max(worst, r.maxDeviation);
    const dev = Number.isFinite(r.maxDeviation) ? r.maxDeviation.toExponential(2) : 'n/a';
    const known = r.knownDifferences.length > 0 ? `  (${r.knownDifferences.length} known PyTorch difference(s): ${r.knownDifferences[0]!.reason})` : '';
    console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(48)} max deviation ${dev}${known}`);
    if (!r.ok) {
      failures++;
      console.log(`       ${r.error}`);
    }
  }
}
console.log(`\n${cases - failures}/${cases} cases agree within ${TRACE_TOLERANCE} (largest deviation ${worst.toExponential(2)})`);
process.exit(failures > 0 ? 1 : 0);
