// For random schedules, base rates and targets, the rate read from the target after each step is
// exactly schedule.lr(step, base): the binding adds no arithmetic of its own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cosine, exponential, inverseSqrt, linear, multiStep, oneCycle, polynomial, sgdr, step, warmup, wsd, type Schedule } from '@anneal/core';
import { Adam, SGD, bindSchedule, parameter, type BindTarget } from '@anneal/optim';

const positiveInt = (max: number) => fc.integer({ min: 1, max });
const fraction = fc.double({ min: 0.05, max: 0.99, noNaN: true });

const schedules: fc.Arbitrary<Schedule> = fc.oneof(
  fc.record({ tMax: positiveInt(60), etaMin: fc.double({ min: 0, max: 1e-3, noNaN: true }) }).map((o) => cosine(o)),
  fc.record({ t0: positiveInt(20), tMult: positiveInt(3), etaMin: fc.double({ min: 0, max: 1e-4, noNaN: true }) }).map((o) => sgdr(o)),
  fc.record({ stepSize: positiveInt(10), gamma: fraction }).map((o) => step(o)),
  fc.record({ milestones: fc.uniqueArray(positiveInt(50), { minLength: 1, maxLength: 4 }).map((m) => m.sort((a, b) => a - b)), gamma: fraction }).map((o) => multiStep(o)),
  fraction.map((gamma) => exponential({ gamma })),
  fc.record({ startFactor: fraction, endFactor: fc.double({ min: 0.05, max: 1, noNaN: true }), totalIters: positiveInt(30) }).map((o) => linear(o)),
  fc.record({ totalIters: positiveInt(40), power: fc.double({ min: 0.5, max: 3, noNaN: true }) }).map((o) => polynomial(o)),
  fc.record({ warmupSteps: positiveInt(20) }).map((o) => inverseSqrt(o)),
  fc.record({ warmupSteps: positiveInt(5), stableSteps: positiveInt(10), decaySteps: positiveInt(10) }).map((o) => wsd(o)),
  fc.record({ totalSteps: fc.integer({ min: 45, max: 120 }) }).map((o) => oneCycle(o)),
  fc.record({ steps: positiveInt(8), tMax: positiveInt(40) }).map(({ steps, tMax }) => warmup({ steps }, cosine({ tMax }))),
);

type TargetKind = 'lr' | 'learningRate' | 'setter' | 'sgd' | 'adam';

/** Builds a target of the given kind holding `base`, and a function reading its current rate. */
function makeTarget(kind: TargetKind, base: number): { target: BindTarget; read: () => number; baseLr?: number } {
  switch (kind) {
    case 'lr': {
      const t = { lr: base };
      return { target: t, read: () => t.lr };
    }
    case 'learningRate': {
      const t = { learningRate: base };
      return { target: t, read: () => t.learningRate };
    }
    case 'setter': {
      let last = Number.NaN;
      return { target: (lr: number) => (last = lr), read: () => last, baseLr: base };
    }
    case 'sgd': {
      const sgd = new SGD([parameter([0])], { lr: base, momentum: 0.9 });
      return { target: sgd, read: () => sgd.paramGroups[0]!.lr };
    }
    case 'adam': {
      const adam = new Adam([parameter([0])], { lr: base });
      return { target: adam, read: () => adam.paramGroups[0]!.lr };
    }
  }
}

const kinds = fc.constantFrom<TargetKind>('lr', 'learningRate', 'setter', 'sgd', 'adam');
const bases = fc.double({ min: 1e-6, max: 10, noNaN: true });

describe('property: the target holds schedule.lr(t, base) after every step', () => {
  it('step() from 0', () => {
    fc.assert(
      fc.property(schedules, bases, kinds, fc.integer({ min: 1, max: 40 }), (schedule, base, kind, steps) => {
        const { target, read, baseLr } = makeTarget(kind, base);
        const binding = bindSchedule(target, schedule, baseLr === undefined ? {} : { baseLr });
        expect(read()).toBe(schedule.lr(0, base));
        for (let t = 1; t <= steps; t++) {
          binding.step();
          expect(read()).toBe(schedule.lr(t, base));
          expect(binding.lr).toBe(read());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stepTo(t) at fractional steps, in any order', () => {
    fc.assert(
      fc.property(schedules, bases, kinds, fc.array(fc.double({ min: 0, max: 150, noNaN: true }), { minLength: 1, maxLength: 12 }), (schedule, base, kind, ts) => {
        const { target, read, baseLr } = makeTarget(kind, base);
        const binding = bindSchedule(target, schedule, baseLr === undefined ? {} : { baseLr });
        for (const t of ts) {
          binding.stepTo(t);
          expect(read()).toBe(schedule.lr(t, base));
        }
      }),
      { numRuns: 300 },
    );
  });
});
