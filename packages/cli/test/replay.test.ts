import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReplayFile, formatReplaySummary, replayTrace } from '@anneal/core/replay';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const fixtures = fileURLToPath(new URL('../../core/test/fixtures/traces/', import.meta.url));
const files = readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort();

describe('anneal replay', () => {
  it('replays every PyTorch trace of core: one line per case, all agree, exit 0', async () => {
    const run = await runCli(['replay', ...files], { cwd: fixtures });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const results = files.map((f) => replayTrace(JSON.parse(readFileSync(join(fixtures, f), 'utf8'))));
    const total = results.flat().length;
    expect(total).toBeGreaterThan(100);
    expect(run.stdout).toBe(files.map((f, i) => formatReplayFile(f, results[i]!)).join('') + formatReplaySummary(results.flat()));
    expect(run.stdout).toMatch(new RegExp(`\\n\\n${total}/${total} cases agree within 1e-12 \\(largest deviation \\d\\.\\d\\de[-+]\\d+\\)\\n$`));
    expect(run.stdout.split('\n').filter((l) => l.startsWith('  ok   '))).toHaveLength(total);
  });

  it('exits 1 and shows the first disagreeing row when a trace is tampered with', async () => {
    const trace = JSON.parse(readFileSync(join(fixtures, 'cosine.json'), 'utf8')) as { cases: Array<{ name: string; lrs: number[][] }> };
    trace.cases = trace.cases.slice(0, 2);
    trace.cases[1]!.lrs[3]![0]! *= 1 + 1e-9;
    const dir = mkdtempSync(join(tmpdir(), 'anneal-replay-'));
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(trace));
    const run = await runCli(['replay', 'tampered.json'], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe("tampered.json (replayed with pytorch: '1.13', proven against 1.13.1)");
    expect(lines[1]).toMatch(/^ {2}ok {3}/);
    expect(lines[2]).toMatch(new RegExp(`^  FAIL ${trace.cases[1]!.name} +max deviation n/a|^  FAIL ${trace.cases[1]!.name} +max deviation \\d`));
    expect(lines[3]).toMatch(/^ {7}row 3: expected \[/);
    expect(run.stdout).toMatch(/\n1\/2 cases agree within 1e-12/);
  });

  it('exits 2 on a file that is not a trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anneal-replay-'));
    writeFileSync(join(dir, 'schedule.json'), '{"type":"cosine","tMax":3}');
    const run = await runCli(['replay', 'schedule.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('anneal replay: schedule.json: format: expected "anneal-trace/1", got undefined\n');
  });
});
