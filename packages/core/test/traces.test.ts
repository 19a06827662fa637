// Replays every committed PyTorch 1.13.1 trace (recorded by tools/torch-traces/record.py) and the
// sample trace in ../shared, and requires agreement within the format's tolerance on every row.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayTrace, TRACE_TOLERANCE } from '../src/replay.js';

const fixtures = join(__dirname, 'fixtures', 'traces');
const files = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => join(fixtures, f));
const shared = join(__dirname, '..', '..', '..', '..', 'shared', 'traces', 'sample-torch-1.13.json');
if (existsSync(shared)) files.push(shared);

describe('PyTorch traces', () => {
  it('has fixtures for every scheduler family', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
  for (const file of files) {
    const trace = JSON.parse(readFileSync(file, 'utf8'));
    describe(file.split('/').slice(-1)[0]!, () => {
      for (const result of replayTrace(trace)) {
        it(result.name, () => {
          expect(result.error).toBeUndefined();
          expect(result.ok).toBe(true);
          expect(result.maxDeviation).toBeLessThanOrEqual(TRACE_TOLERANCE);
        });
      }
    });
  }
});

describe('SGDR restarts PyTorch misses', () => {
  it('flags exactly the documented boundary rows as known differences', () => {
    const trace = JSON.parse(readFileSync(join(fixtures, 'sgdr.json'), 'utf8'));
    const results = replayTrace(trace);
    const boundary = results.find((r) => r.name === 'sgdr_t0_10_tmult_3_boundary_epochs');
    expect(boundary?.knownDifferences.map((k) => k.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('epoch 1210')]),
    );
  });
});
