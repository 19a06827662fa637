// The restart rule: a step at a restart, or within 1024 ulps below it (epochs accumulated in floating
// point), is the restart, in the pure sgdr, in CosineAnnealingWarmRestarts.step(epoch) and in restartPosition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restartPosition, sgdr } from '../src/index.js';
import { CosineAnnealingWarmRestarts } from '../src/schedulers.js';
import { RESTART_SNAP } from '../src/schedules/restart-cycle.js';
import { sgd } from './helpers.js';

/** The first step of cycle `i`. */
const start = (t0: number, tMult: number, i: number) => (tMult === 1 ? t0 * i : (t0 * (tMult ** i - 1)) / (tMult - 1));

describe('the restart rule', () => {
  it('snaps within 1024 ulps of 1 (the constant is a literal for bundlers)', () => {
    expect(RESTART_SNAP).toBe(1024 * Number.EPSILON);
  });

  it.each([
    [1, 3],
    [2, 7],
    [3, 10],
  ])('epochs accumulated by 1/%s per batch land on each restart (tMult 1, 2, 3; t0 %s)', (_unused, t0) => {
    for (const tMult of [1, 2, 3]) {
      for (const batches of [3, 6, 7, 10]) {
        const schedule = sgdr({ t0, tMult, etaMin: 0.001 });
        const scheduler = new CosineAnnealingWarmRestarts(sgd([0.1]), { t0, tMult, etaMin: 0.001 });
        let epoch = 0;
        let landed = 0;
        for (let b = 0; b < batches * start(t0, tMult, 3); b++) {
          epoch += 1 / batches;
          const exact = (b + 1) / batches;
          const restart = [1, 2, 3].map((i) => start(t0, tMult, i)).find((s) => Math.abs(s - exact) < 1e-9);
          if (restart === undefined) continue;
          landed += 1;
          expect(schedule.lr(epoch, 0.1), `sgdr t0 ${t0} tMult ${tMult}: epoch ${epoch} for ${restart}`).toBe(0.1);
          scheduler.step(epoch);
          expect(scheduler.getLastLr()[0], `CosineAnnealingWarmRestarts.step(${epoch}) for ${restart}`).toBe(0.1);
          expect(restartPosition(epoch, t0, tMult).tCur).toBeLessThan(1e-9); // 0, or the ulps above it
        }
        expect(landed).toBe(3);
      }
    }
  });

  it('6.999999999999997 (21 additions of 1/3) is the restart at 7; 7 - 1e-9 is not', () => {
    let epoch = 0;
    for (let i = 0; i < 21; i++) epoch += 1 / 3;
    expect(epoch).toBe(6.999999999999997);
    expect(sgdr({ t0: 7 }).lr(epoch, 1)).toBe(1);
    expect(sgdr({ t0: 7 }).lr(7 - 1e-9, 1)).toBeLessThan(1e-15);
    expect(restartPosition(7 - 1e-9, 7, 1)).toEqual({ cycle: 0, tCur: 7 - 1e-9, tI: 7 });
  });

  it('any step within the window below a restart gives the peak; just below the window, the end of the cycle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 0.9, noNaN: true }), (t0, tMult, i, f) => {
        const s = start(t0, tMult, i);
        const window = Math.min(RESTART_SNAP * s, 2 ** -20);
        const inside = s - f * window;
        const schedule = sgdr({ t0, tMult, cycleDecay: 0.5 });
        expect(schedule.lr(inside, 1)).toBe(0.5 ** i);
        expect(schedule.lr(s - 2 * window - 4 * Number.EPSILON * s, 1)).toBeLessThan(0.5 ** (i - 1) * 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
