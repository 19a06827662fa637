// The range test's sweep, smoothing, divergence stop and suggestions, on hand-made curves.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../src/index.js';
import { RangeTest, analyzeRangeTest, rangeTestSchedule } from '../src/adapter.js';

describe('rangeTestSchedule', () => {
  it('exponential: startLr at step 0, endLr at the last step, a constant ratio between steps', () => {
    const s = rangeTestSchedule({ startLr: 1e-6, endLr: 1, steps: 7 });
    expect(s.type).toBe('exponential');
    expect(s.lr(0, 1e-6)).toBe(1e-6);
    expect(s.lr(6, 1e-6)).toBeCloseTo(1, 12);
    expect(s.lr(3, 1e-6)).toBeCloseTo(1e-3, 15);
    expect(s.lr(1, 1e-6) / s.lr(0, 1e-6)).toBeCloseTo(10, 12);
  });

  it('linear: evenly spaced rates', () => {
    const s = rangeTestSchedule({ startLr: 0.1, endLr: 1, steps: 10, mode: 'linear' });
    expect(s.type).toBe('linear');
    expect(s.lr(0, 0.1)).toBe(0.1);
    expect(s.lr(9, 0.1)).toBeCloseTo(1, 14);
    expect(s.lr(3, 0.1)).toBeCloseTo(0.4, 14);
  });

  it('refuses bad options with the option named', () => {
    const bad: [object, string][] = [
      [{ startLr: 0 }, 'options.startLr'],
      [{ startLr: 1, endLr: 0.5 }, 'options.endLr'],
      [{ steps: 1 }, 'options.steps'],
      [{ steps: 2.5 }, 'options.steps'],
      [{ mode: 'cosine' }, 'options.mode'],
      [{ smoothing: 1 }, 'options.smoothing'],
      [{ divergeFactor: 1 }, 'options.divergeFactor'],
      [{ stepz: 3 }, 'options.stepz'],
    ];
    for (const [options, path] of bad) {
      let error: unknown;
      try {
        rangeTestSchedule(options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).path).toBe(path);
    }
  });
});

describe('RangeTest', () => {
  it('smooths with a bias-corrected moving average', () => {
    const test = new RangeTest({ steps: 5, smoothing: 0.5 });
    test.record(4);
    test.record(2);
    const [a, b] = test.summary().points;
    expect(a!.smoothedLoss).toBe(4); // (0.5·4) / (1 − 0.5)
    expect(b!.smoothedLoss).toBe((0.5 * 0.5 * 4 + 0.5 * 2) / (1 - 0.25)); // 3.333…
    expect(b!.lr).toBe(test.lr(1));
  });

  it('stops at divergence, at a non-finite loss, or after the last step', () => {
    const diverge = new RangeTest({ steps: 10, smoothing: 0, divergeFactor: 3 });
    expect([1, 0.5, 1.4, 1.6].map((l) => diverge.record(l))).toEqual([true, true, true, false]);
    expect(diverge.summary().stop).toBe('diverged');
    expect(diverge.done).toBe(true);
    expect(() => diverge.record(1)).toThrow(InvalidParameterError);

    const nan = new RangeTest({ steps: 10 });
    nan.record(1);
    expect(nan.record(NaN)).toBe(false);
    expect(nan.summary().stop).toBe('non-finite');

    const full = new RangeTest({ steps: 3 });
    expect([1, 1, 1].map((l) => full.record(l))).toEqual([true, true, false]);
    expect(full.summary().stop).toBe('completed');
  });

  it('suggests from a textbook curve: flat, a descent over 1e-4…1e-2, a minimum, then a blow-up', () => {
    // loss(lr) = 1 − 0.9·sigmoid(2·(log10 lr + 3)) below 0.1, then rising fast.
    const test = new RangeTest({ startLr: 1e-7, endLr: 10, steps: 81, smoothing: 0 });
    while (!test.done) {
      const x = Math.log10(test.lr());
      const loss = x < -1 ? 1 - 0.9 / (1 + Math.exp(-2 * (x + 3))) : 0.11 + 5 * (x + 1) ** 2;
      test.record(loss);
    }
    const r = test.summary();
    expect(r.stop).toBe('diverged');
    const { steepest, valley, minimum, minimumOver10 } = r.suggestions;
    expect(Math.log10(steepest!)).toBeCloseTo(-3, 0); // the sigmoid is steepest at its centre
    expect(Math.log10(valley!)).toBeCloseTo(-3, 0); // the 25%–75% band is symmetric around it
    expect(minimum).toBeGreaterThan(1e-2);
    expect(minimumOver10).toBe(minimum! / 10);
    expect(r.suggestion).toBe(valley);
  });

  it('gives no slope suggestions for a curve that never descends', () => {
    const s = analyzeRangeTest([1, 2, 3, 4].map((l, i) => ({ lr: 10 ** -i, smoothedLoss: l })));
    expect(s.steepest).toBeUndefined();
    expect(s.valley).toBeUndefined();
    expect(s.minimum).toBe(1);
    expect(analyzeRangeTest([])).toEqual({ steepest: undefined, valley: undefined, minimumOver10: undefined, minimum: undefined });
  });
});
