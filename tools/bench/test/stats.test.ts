import { describe, expect, it } from 'vitest';
import { bootstrapRatioOfMedians, quantile, summarize } from '../src/stats.js';

describe('quantile', () => {
  it('interpolates linearly between closest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([10, 20], 0.75)).toBe(17.5);
    expect(quantile([7], 0.9)).toBe(7);
  });
  it('refuses an empty sample and p outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow('p must be in [0, 1], got 1.5');
  });
});

describe('summarize', () => {
  it('gives median, quartiles, minimum and count', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ median: 3, q1: 2, q3: 4, min: 1, count: 5 });
  });
});

describe('bootstrapRatioOfMedians', () => {
  it('brackets the ratio of medians and is deterministic', () => {
    const a = Array.from({ length: 101 }, (_, i) => 20 + (i % 7));
    const b = Array.from({ length: 101 }, (_, i) => 10 + (i % 5) / 2);
    const ci = bootstrapRatioOfMedians(a, b);
    const ratio = quantile(a, 0.5) / quantile(b, 0.5);
    expect(ci.lo).toBeLessThanOrEqual(ratio);
    expect(ci.hi).toBeGreaterThanOrEqual(ratio);
    expect(ci.lo).toBeGreaterThan(1.5);
    expect(ci.hi).toBeLessThan(3);
    expect(bootstrapRatioOfMedians(a, b)).toEqual(ci);
  });
});
