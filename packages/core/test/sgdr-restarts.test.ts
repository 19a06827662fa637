// SGDR's restart boundaries: where the schedule jumps back to its peak.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, restartOptionsOf, sgdr, sgdrRestarts } from '../src/index.js';
import { CosineAnnealingWarmRestarts } from '../src/schedulers.js';

describe('sgdrRestarts', () => {
  it('lists the cycle ends: t0 · (1 + tMult + …), after any warmup, up to a limit', () => {
    expect(sgdrRestarts({ t0: 10, tMult: 2 }, 100)).toEqual([10, 30, 70]);
    expect(sgdrRestarts({ t0: 10, tMult: 2 }, 70)).toEqual([10, 30, 70]);
    expect(sgdrRestarts({ t0: 5 }, 22)).toEqual([5, 10, 15, 20]);
    expect(sgdrRestarts({ t0: 10, tMult: 2, warmupSteps: 3 }, 100)).toEqual([13, 33, 73]);
    expect(sgdrRestarts({ t0: 4, cycleLimit: 2 }, 100)).toEqual([4, 8]);
  });

  it('each boundary is where the schedule restarts at its peak, after a cycle that fell to etaMin', () => {
    const s = sgdr({ t0: 10, tMult: 2, etaMin: 0.01, warmupSteps: 3 });
    for (const b of sgdrRestarts({ t0: 10, tMult: 2, warmupSteps: 3 }, 200)) {
      expect(s.lr(b, 1)).toBe(1);
      expect(s.lr(b - 0.01, 1)).toBeLessThan(0.02);
    }
  });

  it('reads the options off a pure sgdr or a CosineAnnealingWarmRestarts', () => {
    expect(restartOptionsOf(sgdr({ t0: 10, tMult: 2, warmupSteps: 5, cycleLimit: 3 }))).toEqual({ t0: 10, tMult: 2, warmupSteps: 5, cycleLimit: 3 });
    expect(restartOptionsOf(new CosineAnnealingWarmRestarts({ paramGroups: [{ lr: 1 }] }, { t0: 7, tMult: 3 }))).toEqual({ t0: 7, tMult: 3 });
    expect(restartOptionsOf({ type: 'cosine', lr: () => 0, toJSON: () => ({}) } as never)).toBeUndefined();
    expect(() => sgdrRestarts({ t0: 0 }, 10)).toThrow(InvalidParameterError);
    expect(() => sgdrRestarts({ t0: 1, tMult: 1.5 }, 10)).toThrow(/tMult must be an integer >= 1, got 1.5/);
  });
});
