// The suite only means something if each baseline computes exactly what anneal computes: these tests
// run every case's two loops and compare what they wrote, bit for bit (the worker does the same before
// timing). No timing is asserted anywhere.
import { describe, expect, it } from 'vitest';
import { allCases } from '../src/cases/index.js';
import { farStepCases } from '../src/cases/far-step.js';
import { RING } from '../src/harness.js';
import { verifyLoops } from '../src/verify.js';
import type { CaseLoops } from '../src/cases/types.js';

const verified = allCases.filter((c) => c.verifyIterations > 0);

describe('baselines compute the same values as anneal', () => {
  it('covers items 1, 2 and 4', () => {
    expect(new Set(verified.map((c) => c.item))).toEqual(new Set(['1', '2', '4']));
    expect(verified.length).toBeGreaterThanOrEqual(14);
  });
  it.each(verified.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const loops = await c.setup();
    if (typeof loops === 'string') throw new Error(loops);
    const result = await verifyLoops(loops, c.verifyIterations);
    expect(result.mismatch).toBeUndefined();
    expect(result.identical).toBe(true);
    expect(result.compared).toBeGreaterThanOrEqual(Math.min(c.verifyIterations, RING));
  });
});

describe('verifyLoops', () => {
  it('reports the first value that differs, even by one ulp', async () => {
    const loops: CaseLoops = {
      subject(n, out) {
        for (let i = 0; i < n; i++) out[i] = i / 10;
      },
      baseline(n, out) {
        for (let i = 0; i < n; i++) out[i] = i === 7 ? 0.7000000000000001 : i / 10;
      },
    };
    const result = await verifyLoops(loops, 10);
    expect(result.identical).toBe(false);
    expect(result.mismatch).toEqual({ where: 'values[7]', subject: 0.7, baseline: 0.7000000000000001 });
  });
  it('compares the state of stateful loops', async () => {
    const loops: CaseLoops = {
      subject: () => {},
      baseline: () => {},
      subjectState: () => [0.1, 0.9],
      baselineState: () => [0.1, 0.95],
    };
    const result = await verifyLoops(loops, 1);
    expect(result.mismatch).toEqual({ where: 'state[1]', subject: 0.9, baseline: 0.95 });
  });
});

describe('far-step cases', () => {
  it('give the same rates near 2^40 as near 3, the positions in the cycle being the same (t0 = 1)', async () => {
    const c = farStepCases.find((x) => x.id === 'sgdr-far-t0-1')!;
    expect(c.target).toEqual({ kind: 'approx', lo: 0.8, hi: 1.25 });
    const loops = (await c.setup()) as CaseLoops;
    const far = new Float64Array(RING);
    const near = new Float64Array(RING);
    await loops.subject(16, far);
    await loops.baseline(16, near);
    // Step 3 starts cycle 2 (t0 = 1, tMult = 2: cycles start at 0, 1, 3, 7, ...): the peak.
    expect(near[0]).toBe(0.1);
    expect(far[0]).toBe(0.1);
    for (let i = 0; i < 16; i++) expect(far[i]).toBeCloseTo(near[i]!, 12);
  });
});

describe('adapter cases', () => {
  it('are skipped with a clear reason when the adapter package is missing', async () => {
    const { loadAdapter } = await import('../src/cases/adapters.js');
    await expect(loadAdapter('no-such-adapter', 'no-such-framework')).resolves.toBe(
      'not available: packages/no-such-adapter does not exist',
    );
  });
});
