import { describe, expect, it } from 'vitest';
import { measurePair } from '../src/harness.js';

describe('measurePair', () => {
  it('runs whole walks of `period` steps per sample, whatever the speeds of the two loops', async () => {
    const period = 700;
    const sizes = { subject: new Set<number>(), baseline: new Set<number>() };
    const loop = (which: 'subject' | 'baseline', work: number) => (n: number, out: Float64Array) => {
      sizes[which].add(n);
      for (let i = 0; i < n; i++) {
        let v = i;
        for (let k = 0; k < work; k++) v = Math.sqrt(v + k);
        out[i & 1023] = v + 1;
      }
    };
    const m = await measurePair(loop('subject', 3), loop('baseline', 40), { sampleMs: 0.5, warmupMs: 5, samples: 5, period });
    for (const which of ['subject', 'baseline'] as const) {
      expect([...sizes[which]].filter((n) => n % period !== 0 || n === 0), which).toEqual([]);
    }
    expect(m.subjectIterations % period).toBe(0);
    expect(m.baselineIterations % period).toBe(0);
    expect(m.subjectIterations).toBeGreaterThan(m.baselineIterations);
  });
});
