// Replays every committed PyTorch trace (recorded by tools/torch-traces/record.py) with the stepping of the
// version each names: the 1.13.1 set in fixtures/traces and the 2.13.0 set in fixtures/traces-torch2
// (refusals.json aside: inputs anneal refuses, checked elsewhere), and the sample trace in ../shared. Every
// row agrees within the format's tolerance or is a known difference with its reason.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pytorchOfTrace, replayTrace, TRACE_TOLERANCE, type CaseResult } from '../src/replay.js';

const FIXTURES = join(__dirname, 'fixtures');
const SETS = { '1.13': 'traces', '2': 'traces-torch2' } as const;

function traceFiles(dir: string): string[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.json') && f !== 'refusals.json')
    .map((f) => join(FIXTURES, dir, f));
}
const read = (file: string): { torch?: string; cases: Array<{ name: string; lrs: number[][]; momentums?: number[][] }> } =>
  JSON.parse(readFileSync(file, 'utf8'));

const files = Object.values(SETS).flatMap(traceFiles);
const shared = join(__dirname, '..', '..', '..', '..', 'shared', 'traces', 'sample-torch-1.13.json');
if (existsSync(shared)) files.push(shared);

describe('PyTorch traces', () => {
  it('has both sets, each with fixtures for every scheduler family and the same files', () => {
    const names = (dir: string) => traceFiles(dir).map((f) => f.split('/').slice(-1)[0]!);
    expect(names(SETS['1.13']).length).toBeGreaterThanOrEqual(8);
    expect(names(SETS['2'])).toEqual(names(SETS['1.13']));
  });
  it('each set names its PyTorch: 1.13 (Debian 1.13.1 reports 1.13.0a0) and 2.13', () => {
    for (const file of traceFiles(SETS['1.13'])) expect(read(file).torch).toBe('1.13.0a0');
    for (const file of traceFiles(SETS['2'])) expect(read(file).torch).toMatch(/^2\.13\.0/);
  });
  for (const file of files) {
    const trace = read(file);
    describe(`${file.split('/').slice(-2).join('/')} (pytorch: '${pytorchOfTrace(trace.torch)}')`, () => {
      for (const result of replayTrace(trace)) {
        it(result.name, () => {
          expect(result.error).toBeUndefined();
          expect(result.ok).toBe(true);
          expect(result.maxDeviation).toBeLessThanOrEqual(TRACE_TOLERANCE);
          for (const k of result.knownDifferences) expect(k.reason).not.toBe('');
        });
      }
    });
  }
});

describe('SGDR restarts PyTorch misses', () => {
  for (const dir of Object.values(SETS)) {
    it(`flags exactly the documented boundary rows as known differences (${dir})`, () => {
      const results = replayTrace(read(join(FIXTURES, dir, 'sgdr.json')));
      const boundary = results.find((r) => r.name === 'sgdr_t0_10_tmult_3_boundary_epochs');
      expect(boundary?.knownDifferences.map((k) => k.reason)).toEqual(expect.arrayContaining([expect.stringContaining('epoch 1210')]));
    });
  }
});

/** The cases whose recorded rows (rates or momentums) differ between the 1.13 and the 2.13 set. */
function casesThatDiffer(): Array<{ file: string; name: string }> {
  const out: Array<{ file: string; name: string }> = [];
  for (const file of traceFiles(SETS['2'])) {
    const base = file.split('/').slice(-1)[0]!;
    const old = new Map(read(join(FIXTURES, SETS['1.13'], base)).cases.map((c) => [c.name, c]));
    for (const c of read(file).cases) {
      const o = old.get(c.name);
      if (o && JSON.stringify([o.lrs, o.momentums]) !== JSON.stringify([c.lrs, c.momentums])) out.push({ file: base, name: c.name });
    }
  }
  return out;
}

describe('the pytorch option, on both recorded sets', () => {
  const differ = casesThatDiffer();
  const byName = (results: CaseResult[]) => new Map(results.map((r) => [r.name, r]));
  it('the two PyTorch versions differ on some recorded cases (resume, SequentialLR, SGDR, CyclicLR momentum)', () => {
    expect(differ.length).toBeGreaterThanOrEqual(28);
  });
  for (const [version, dir] of Object.entries(SETS)) {
    const other = version === '2' ? '1.13' : '2';
    it(`each case where the versions differ replays green with pytorch: '${version}' on the ${dir} set and fails with '${other}'`, () => {
      for (const file of new Set(differ.map((d) => d.file))) {
        const trace = read(join(FIXTURES, dir, file));
        const own = byName(replayTrace(trace, { pytorch: version as '2' | '1.13' }));
        const wrong = byName(replayTrace(trace, { pytorch: other }));
        for (const { name } of differ.filter((d) => d.file === file)) {
          expect(own.get(name)?.ok, `${file} ${name} with '${version}'`).toBe(true);
          expect(wrong.get(name)?.ok, `${file} ${name} with '${other}'`).toBe(false);
        }
      }
    });
    it(`every other case of the ${dir} set replays green with either version`, () => {
      const differing = new Set(differ.map((d) => `${d.file}/${d.name}`));
      for (const file of traceFiles(dir)) {
        const base = file.split('/').slice(-1)[0]!;
        for (const r of replayTrace(read(file), { pytorch: other })) {
          if (!differing.has(`${base}/${r.name}`)) expect(r.ok, `${base} ${r.name} with '${other}'`).toBe(true);
        }
      }
    });
  }
});
