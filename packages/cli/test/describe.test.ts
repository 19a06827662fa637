import { describe, expect, it } from 'vitest';
import { sampleSchedule } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';
import { describeValues } from '../src/describe.js';
import { runCli } from './run-cli.js';

/** The `key  value` lines as a map. */
function fields(out: string): Map<string, string> {
  return new Map(out.trimEnd().split('\n').map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ')).trim()] as [string, string]));
}

describe('anneal describe', () => {
  it('finds the warmup end and the restarts of SGDR with warmup, and exact mean and area', async () => {
    const run = await runCli(['describe', 'sgdr:t0=10,tMult=2,warmupSteps=5', '--steps', '75', '--base-lr', '0.1']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const f = fields(run.stdout);
    const values = sampleSchedule(scheduleFromJSON({ type: 'sgdr', t0: 10, tMult: 2, warmupSteps: 5 }), { points: 75, baseLr: 0.1 });
    expect(f.get('schedule')).toBe('sgdr:t0=10,tMult=2,warmupSteps=5');
    expect(JSON.parse(f.get('json')!)).toEqual({ type: 'sgdr', t0: 10, tMult: 2, etaMin: 0, cycleDecay: 1, warmupSteps: 5, warmupStartFactor: 0 });
    expect(f.get('steps')).toBe('75 (steps 0 to 74)');
    expect(f.get('start')).toBe('0');
    expect(f.get('end')).toBe(String(values[74]));
    expect(f.get('peak')).toBe('0.1 at step 5');
    expect(f.get('floor')).toBe('0 at step 0');
    expect(f.get('warmup')).toBe('ends at step 5: rises from 0 (step 0) to 0.1');
    // Cycles of 10 and 20 steps after the 5 warmup steps: restarts at 15 and 35 (the next would be 75).
    expect(f.get('restarts')).toBe('15, 35 (2)');
    const area = Array.from(values).reduce((a, b) => a + b, 0);
    expect(Number(f.get('area')!.split(' ')[0])).toBeCloseTo(area, 14);
    expect(Number(f.get('mean'))).toBeCloseTo(area / 75, 15);
  });

  it('reports no warmup and no restarts for a plain decay', async () => {
    const run = await runCli(['describe', '{"scheduler":"MultiStepLR","kwargs":{"milestones":[3,6],"gamma":0.5}}', '--steps', '8']);
    expect(run.status).toBe(0);
    const f = fields(run.stdout);
    expect(f.get('warmup')).toBe('none');
    expect(f.get('restarts')).toBe('none');
    expect(f.get('peak')).toBe('1 at step 0');
    expect(f.get('floor')).toBe('0.25 at step 6');
    expect(f.get('mean')).toBe(String((3 * 1 + 3 * 0.5 + 2 * 0.25) / 8));
    expect(f.get('area')).toBe('5 (sum of the rate over the 8 steps)');
  });
});

describe('describeValues', () => {
  it('tells a one-step jump (restart) from a gradual rise (warmup, cyclic ramp)', () => {
    const d = describeValues([0, 0.5, 1, 0.8, 0.6, 0.4, 1, 0.7, 0.4, 0.6, 0.8, 1, 0.2]);
    expect(d.warmup).toEqual({ step: 2, value: 1 });
    expect(d.restarts).toEqual([6]); // 9 to 11 rise over three steps: not a jump
    expect(d.peak).toEqual({ value: 1, step: 2 });
    expect(d.floor).toEqual({ value: 0, step: 0 });
  });

  it('counts a flat-to-higher step as a jump and keeps the area exact over many steps', () => {
    expect(describeValues([0.5, 0.5, 1, 1]).restarts).toEqual([2]);
    const many = new Float64Array(1_000_000).fill(0.1);
    const d = describeValues(many);
    let naive = 0;
    for (const v of many) naive += v;
    expect(Math.abs(naive - 100000)).toBeGreaterThan(1e-7); // plain summation drifts...
    expect(Math.abs(d.area - 100000)).toBeLessThan(1e-9); // ...the compensated sum does not
    expect(d.warmup).toBeUndefined();
  });

  it('refuses an empty series', () => {
    expect(() => describeValues([])).toThrow(RangeError);
  });
});
