/**
 * The text report of a trace replay, printed by `anneal replay` (which `pnpm replay` runs): one line per trace case, then a summary.
 *
 * @packageDocumentation
 */
import { TRACE_TOLERANCE, type CaseResult } from './replay.js';
import { PYTORCH_PROVEN } from './pytorch-changes.js';

/**
 * The report of one trace file: its name and the PyTorch stepping it was replayed with, then per case `ok`/`FAIL`, the name, the largest deviation and any
 * known PyTorch difference, and the first disagreement of a failing case. Ends with a newline.
 */
export function formatReplayFile(file: string, results: readonly CaseResult[]): string {
  const versions = [...new Set(results.map((r) => r.pytorch))];
  const lines = [versions.length === 0 ? file : `${file} (replayed with pytorch: ${versions.map((v) => `'${v}', proven against ${PYTORCH_PROVEN[v]}`).join('; ')})`];
  for (const r of results) {
    const dev = Number.isFinite(r.maxDeviation) ? r.maxDeviation.toExponential(2) : 'n/a';
    const known = r.knownDifferences.length > 0 ? `  (${r.knownDifferences.length} known PyTorch difference(s): ${r.knownDifferences[0]!.reason})` : '';
    lines.push(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(48)} max deviation ${dev}${known}`);
    if (!r.ok) lines.push(`       ${r.error}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The closing summary over every case: a blank line, then `agreeing/total cases agree within 1e-12 (largest
 * deviation D)`, where D is the largest deviation among agreeing cases. Ends with a newline.
 */
export function formatReplaySummary(results: readonly CaseResult[]): string {
  const failures = results.filter((r) => !r.ok).length;
  const worst = results.reduce((w, r) => (r.ok ? Math.max(w, r.maxDeviation) : w), 0);
  return `\n${results.length - failures}/${results.length} cases agree within ${TRACE_TOLERANCE} (largest deviation ${worst.toExponential(2)})\n`;
}
