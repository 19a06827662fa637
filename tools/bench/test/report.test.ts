import { describe, expect, it } from 'vitest';
import { casesTable, formatRatio, meets, type CaseRow } from '../src/report.js';

describe('meets', () => {
  it('applies max, approx and info targets', () => {
    expect(meets({ kind: 'max', value: 1.5 }, 1.5)).toBe(true);
    expect(meets({ kind: 'max', value: 1.5 }, 1.51)).toBe(false);
    expect(meets({ kind: 'approx', lo: 0.8, hi: 1.25 }, 0.79)).toBe(false);
    expect(meets({ kind: 'approx', lo: 0.8, hi: 1.25 }, 1.1)).toBe(true);
    expect(meets({ kind: 'info' }, 9)).toBeNull();
  });
});

describe('casesTable', () => {
  const row: CaseRow = {
    id: 'x',
    item: '1',
    title: 'cosine',
    subjectLabel: 's',
    baselineLabel: 'b',
    unit: 'call',
    target: { kind: 'max', value: 1.5 },
    status: 'measured',
    met: false,
    ratio: 1.8,
    ratioInterval: { lo: 1.7, hi: 1.9 },
    subjectNs: { median: 18, q1: 17, q3: 19, min: 16, count: 3 },
    baselineNs: { median: 10, q1: 9, q3: 11, min: 9, count: 3 },
  };
  it('prints the ratio, its interval, the target and the verdict', () => {
    const table = casesTable([row]);
    expect(table).toContain('| `cosine` | 18.0 ns/call | 10.0 ns/call | 1.80x (1.70x–1.90x) | – | ≤ 1.50x | **missed** |');
  });
  it('prints the range of the ratios over the worker processes', () => {
    const table = casesTable([{ ...row, processRatios: [1.62, 1.8, 2.07] }]);
    expect(table).toContain('| 1.80x (1.70x–1.90x) | 1.62x–2.07x (3) | ≤ 1.50x |');
  });
  it('prints a skipped case with its reason', () => {
    const table = casesTable([{ ...row, item: '5', status: 'skipped', met: null, reason: 'not available: packages/tfjs is not built' }]);
    expect(table).toContain('skipped: not available: packages/tfjs is not built');
  });
  it('prints item 5 ratios as percentages', () => {
    expect(formatRatio('5', 0.00138)).toBe('0.138%');
    expect(formatRatio('1', 1.234)).toBe('1.23x');
  });
});
