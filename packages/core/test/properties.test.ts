// Property-based tests (fast-check) of the pure schedules, the combinators and the stateful schedulers:
// bounds and endpoints each schedule's TSDoc promises, for any valid configuration and any step from 0 to
// 2**40 and beyond (fractional included); closed form against PyTorch's recursive stepping; stateDict and
// JSON round trips for every scheduler kind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chain,
  constant,
  cosine,
  cyclic,
  exponential,
  inverseSqrt,
  linear,
  multiplicative,
  multiStep,
  NotSerializableError,
  oneCycle,
  polynomial,
  restartPosition,
  sampleSchedule,
  sequence,
  sgdr,
  step,
  warmup,
  cooldown,
  wsd,
  lambda as lambdaSchedule,
  type CyclicMode,
  type Schedule,
  type WsdDecayShape,
} from '../src/index.js';
import {
  ChainedScheduler,
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LambdaLR,
  LinearLR,
  MultiplicativeLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  ScheduleLR,
  SequentialLR,
  StepLR,
  type OptimizerLike,
} from '../src/schedulers.js';
import { piecewiseConstant } from '../src/schedules/piecewise-constant.js';
import { piecewiseInterpolate } from '../src/schedules/piecewise-interpolate.js';
import { scheduleFromJSON, schedulerFromJSON, type AnyScheduler } from '../src/json.js';
import type { ScheduleType } from '../src/registry.js';
import { RESTART_SNAP } from '../src/schedules/restart-cycle.js';
import { adam, expectClose, expectSame, expectSameArray, expectWithin, lrs, momenta, restoreGroups, sgd, snapshotGroups } from './helpers.js';

const RUNS = 60;
const opts = { numRuns: RUNS };

/** Doubles in [min, max]; never -0 (JSON cannot keep its sign, and a rate of -0 is a rate of 0). */
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const int = (min: number, max: number) => fc.integer({ min, max });
/** Steps from 0 to far beyond any training run, integer and fractional. */
const anyStep: fc.Arbitrary<number> = fc.oneof(
  int(0, 2000),
  num(0, 2000),
  num(0, 1e15),
  fc.constantFrom(0, 0.5, 1, 2 ** 40, 2 ** 40 + 0.5, 2 ** 52, 2 ** 53, 1e300),
);
const steps = fc.array(anyStep, { minLength: 1, maxLength: 25 });
const baseLr = num(1e-6, 10);
const modes: CyclicMode[] = ['triangular', 'triangular2', 'exp_range'];
const shapes: WsdDecayShape[] = ['linear', 'cosine', 'sqrt'];

/** A schedule with the bounds its TSDoc promises for a given base rate. */
interface Bounded {
  schedule: Schedule;
  bounds: (baseLr: number, t: number) => [number, number];
  momentumBounds?: [number, number];
}

const span = (a: number, b: number): [number, number] => [Math.min(a, b), Math.max(a, b)];
/** Widens [lo, hi] by a few ulps of `scale` (rounding of intermediate values larger than the bounds). */
const widen = ([lo, hi]: [number, number], scale: number): [number, number] => {
  const slack = 4 * Number.EPSILON * Math.abs(scale);
  return [lo - slack, hi + slack];
};

/** Every leaf kind (combinators are tested below): the compiler demands an entry for a new schedule. */
type LeafType = Exclude<ScheduleType, 'warmup' | 'sequence' | 'chain' | 'cooldown' | 'noise'>;

const bounded: Record<LeafType, fc.Arbitrary<Bounded>> = {
  constant: fc.record({ factor: num(0, 1), totalIters: num(1e-3, 1e4) }).map((o) => ({
    schedule: constant(o),
    bounds: (b) => span(o.factor * b, b),
  })),
  linear: fc.record({ startFactor: num(0, 2), endFactor: num(0, 2), totalIters: num(1e-3, 1e4) }).map((o) => ({
    schedule: linear(o),
    bounds: (b) => span(o.startFactor * b, o.endFactor * b),
  })),
  step: fc.record({ stepSize: num(1e-3, 1e4), gamma: num(0, 1) }).map((o) => ({ schedule: step(o), bounds: (b) => span(0, b) })),
  multiStep: fc
    .record({ milestones: fc.array(num(0, 1e4), { minLength: 1, maxLength: 8 }), gamma: num(0, 1) })
    .map((o) => ({ schedule: multiStep({ ...o, milestones: [...o.milestones].sort((a, b) => a - b) }), bounds: (b) => span(0, b) })),
  exponential: fc.record({ gamma: num(0, 1) }).map((o) => ({ schedule: exponential(o), bounds: (b) => span(0, b) })),
  polynomial: fc.record({ totalIters: num(1e-3, 1e4), power: num(0, 5) }).map((o) => ({
    schedule: polynomial(o),
    bounds: (b) => span(0, b),
  })),
  cosine: fc.record({ tMax: num(1e-3, 1e5), etaMin: num(-1, 1), clamp: fc.boolean() }).map((o) => ({
    schedule: cosine(o),
    bounds: (b) => span(o.etaMin, b),
  })),
  sgdr: fc
    .record(
      {
        t0: fc.oneof(int(1, 1000), num(1e-2, 1e4)),
        tMult: int(1, 10),
        etaMin: num(0, 1),
        cycleDecay: num(0, 1),
        cycleLimit: int(1, 30),
        warmupSteps: num(0, 100),
        warmupStartFactor: num(0, 1),
      },
      { requiredKeys: ['t0'] },
    )
    .map((o) => {
      const etaMin = o.etaMin ?? 0;
      const decay = o.cycleDecay ?? 1;
      const warm = o.warmupSteps ?? 0;
      const startFactor = o.warmupStartFactor ?? 0;
      return {
        schedule: sgdr(o),
        // Per step: inside the warmup between its start and the first peak; in cycle i between
        // etaMin and that cycle's peak baseLr·cycleDecay^i; past cycleLimit at etaMin.
        bounds: (b: number, t: number): [number, number] => {
          // s(0) = etaMin + (baseLr − etaMin) rounds on the scale of etaMin: widen by its ulps
          if (t < warm) return widen(span(startFactor * b, b), etaMin);
          const { cycle } = restartPosition(t - warm, o.t0, o.tMult ?? 1);
          if (cycle >= (o.cycleLimit ?? Infinity)) return [etaMin, etaMin];
          return span(etaMin, decay === 1 ? b : b * decay ** cycle);
        },
      };
    }),
  oneCycle: fc
    .record({
      totalSteps: int(1, 100_000),
      pctStart: num(0, 1),
      threePhase: fc.boolean(),
      annealStrategy: fc.constantFrom('cos' as const, 'linear' as const),
      divFactor: num(1, 1e4),
      finalDivFactor: num(1, 1e5),
      maxLr: fc.option(num(1e-6, 10), { nil: undefined }),
      baseMomentum: num(0.5, 0.9),
      maxMomentum: num(0.85, 0.99),
    })
    .map(({ maxLr, ...o }) => {
      const options = { ...o, pctStart: o.threePhase ? o.pctStart / 2 : o.pctStart, ...(maxLr === undefined ? {} : { maxLr }) };
      return {
        schedule: oneCycle(options),
        bounds: (b: number): [number, number] => {
          const peak = maxLr ?? b;
          return [peak / o.divFactor / o.finalDivFactor, peak];
        },
        momentumBounds: span(o.baseMomentum, o.maxMomentum),
      };
    }),
  cyclic: fc
    .record({
      baseLr: fc.option(num(0, 1), { nil: undefined }),
      maxLr: num(0, 10),
      stepSizeUp: num(1e-2, 1e4),
      stepSizeDown: fc.option(num(1e-2, 1e4), { nil: undefined }),
      mode: fc.constantFrom(...modes),
      gamma: num(0, 1),
      baseMomentum: num(0.5, 0.9),
      maxMomentum: num(0.85, 0.99),
    })
    .map(({ baseLr: lo, stepSizeDown, ...o }) => ({
      schedule: cyclic({ ...o, ...(lo === undefined ? {} : { baseLr: lo }), ...(stepSizeDown === undefined ? {} : { stepSizeDown }) }),
      bounds: (b: number) => span(lo ?? b, o.maxLr),
      momentumBounds: span(o.baseMomentum, o.maxMomentum),
    })),
  inverseSqrt: fc
    .record({ warmupSteps: num(0, 1e4), timescale: num(1e-3, 1e5) }, { requiredKeys: [] })
    .map((o) => ({ schedule: inverseSqrt(o), bounds: (b) => span(0, b) })),
  wsd: fc
    .record({
      warmupSteps: num(0, 1e4),
      stableSteps: num(0, 1e4),
      decaySteps: num(0, 1e4),
      decayShape: fc.constantFrom(...shapes),
      startFactor: num(0, 1),
      minFactor: num(0, 1),
    })
    .map((o) => ({ schedule: wsd(o), bounds: (b) => span(Math.min(o.startFactor, o.minFactor) * b, b) })),
  piecewiseConstant: fc
    .array(num(0, 1e4), { maxLength: 6 })
    .chain((boundaries) =>
      fc.record({
        boundaries: fc.constant([...boundaries].sort((a, b) => a - b)),
        values: fc.array(num(0, 2), { minLength: boundaries.length + 1, maxLength: boundaries.length + 1 }),
        atBoundary: fc.constantFrom('next' as const, 'previous' as const),
      }),
    )
    .map((o) => ({ schedule: piecewiseConstant(o), bounds: (b) => [Math.min(...o.values) * b, Math.max(...o.values) * b] })),
  piecewiseInterpolate: fc
    .array(num(0, 1e4), { minLength: 1, maxLength: 6 })
    .chain((boundaries) =>
      fc.record({
        boundaries: fc.constant([...boundaries].sort((a, b) => a - b)),
        values: fc.array(num(0, 2), { minLength: boundaries.length, maxLength: boundaries.length }),
        interpolation: fc.constantFrom('linear' as const, 'cosine' as const),
      }),
    )
    .map((o) => ({
      schedule: piecewiseInterpolate(o),
      bounds: (b) => widen([Math.min(...o.values) * b, Math.max(...o.values) * b], Math.max(...o.values) * b),
    })),
};

describe('pure schedules: finite and within their documented bounds for any configuration and step', () => {
  for (const [name, arb] of Object.entries(bounded)) {
    it(name, () => {
      fc.assert(
        fc.property(arb, baseLr, steps, ({ schedule, bounds, momentumBounds }, b, ts) => {
          for (const t of ts) {
            const v = schedule.lr(t, b);
            const [lo, hi] = bounds(b, t);
            expectWithin(v, lo, hi, `${name}.lr(${t}, ${b})`);
            if (momentumBounds) {
              expect(schedule.momentum).toBeDefined();
              expectWithin(schedule.momentum!(t, 0.9), momentumBounds[0], momentumBounds[1], `${name}.momentum(${t})`);
            }
          }
        }),
        opts,
      );
    });
  }

  it('sgdr stays within the global bound [min(etaMin, 0 or baseLr, warmup start), max(etaMin, baseLr)]', () => {
    fc.assert(
      fc.property(
        int(1, 100),
        int(1, 8),
        num(0, 0.5),
        num(0, 1),
        num(0, 1),
        baseLr,
        steps,
        (t0, tMult, etaMin, cycleDecay, startFactor, b, ts) => {
          const s = sgdr({ t0, tMult, etaMin, cycleDecay, warmupSteps: 5, warmupStartFactor: startFactor });
          const lo = Math.min(etaMin, cycleDecay < 1 ? 0 : b, startFactor * b);
          const hi = Math.max(etaMin, b);
          for (const t of ts) expectWithin(s.lr(t, b), lo, hi, `sgdr.lr(${t})`);
        },
      ),
      opts,
    );
  });
});

/** Schedules whose values lie in [0, baseLr] when baseLr >= 0.01, the leaves of the combinator tests. */
const unitLeaf: fc.Arbitrary<Schedule> = fc.oneof(
  bounded.constant!.map((x) => x.schedule),
  fc.record({ startFactor: num(0, 1), endFactor: num(0, 1), totalIters: num(1e-3, 1e3) }).map((o) => linear(o)),
  bounded.step!.map((x) => x.schedule),
  bounded.multiStep!.map((x) => x.schedule),
  bounded.exponential!.map((x) => x.schedule),
  bounded.polynomial!.map((x) => x.schedule),
  fc.record({ tMax: num(1e-3, 1e4), etaMin: num(0, 0.01), clamp: fc.boolean() }).map((o) => cosine(o)),
  fc.record({ t0: int(1, 100), tMult: int(1, 5), etaMin: num(0, 0.01), cycleDecay: num(0, 1) }).map((o) => sgdr(o)),
  fc.record({ totalSteps: int(1, 1000), pctStart: num(0, 1) }).map((o) => oneCycle(o)),
  bounded.inverseSqrt!.map((x) => x.schedule),
  fc.record({ stableSteps: num(0, 1e3), decaySteps: num(0, 1e3), warmupSteps: num(0, 1e3), minFactor: num(0, 1), startFactor: num(0, 1) }).map((o) => wsd(o)),
);

/** Nested combinators over {@link unitLeaf}. */
const unitTree: fc.Arbitrary<Schedule> = fc.letrec<{ tree: Schedule }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    unitLeaf,
    fc.tuple(fc.record({ steps: num(0, 500), startFactor: num(0, 1) }), tie('tree')).map(([o, s]) => warmup(o, s)),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).chain((parts) =>
      fc.array(num(0, 1000), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((m) =>
        sequence(parts, { milestones: m.sort((a, b) => a - b) }),
      ),
    ),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((parts) => chain(parts)),
    fc
      .tuple(fc.record({ start: num(0, 1000), steps: num(0, 500), minFactor: num(0, 1), shape: fc.constantFrom('linear', 'cosine', 'sqrt') as fc.Arbitrary<'linear'> }), tie('tree'))
      .map(([o, s]) => cooldown(o, s)),
  ),
})).tree;

describe('combinators', () => {
  it('any nesting of warmup, sequence and chain over [0, baseLr] schedules stays finite and in [0, baseLr]', () => {
    fc.assert(
      fc.property(unitTree, num(0.01, 10), steps, (s, b, ts) => {
        for (const t of ts) expectWithin(s.lr(t, b), 0, b, `${JSON.stringify(s.toJSON()).slice(0, 200)} at ${t}`);
      }),
      opts,
    );
  });

  it('warmup rises linearly from startFactor·s(0) to s(0), then runs the schedule shifted by its length', () => {
    fc.assert(
      fc.property(unitLeaf, num(1e-3, 500), num(0, 1), num(0.01, 10), num(0, 1), anyStep, (inner, len, startFactor, b, frac, t) => {
        const s = warmup({ steps: len, startFactor }, inner);
        const s0 = inner.lr(0, b);
        expectClose(s.lr(0, b), startFactor * s0, 1e-15, s0);
        expect(s.lr(len, b)).toBe(s0);
        const inside = frac * len;
        if (inside < len) expectClose(s.lr(inside, b), s0 * (startFactor + ((1 - startFactor) * inside) / len), 1e-14, s0);
        expect(s.lr(len + t, b)).toBe(inner.lr(len + t - len, b));
      }),
      opts,
    );
  });

  it('sequence hands each schedule its own step count from its milestone', () => {
    fc.assert(
      fc.property(
        fc.array(unitLeaf, { minLength: 1, maxLength: 4 }).chain((parts) =>
          fc.tuple(fc.constant(parts), fc.array(int(0, 500), { minLength: parts.length - 1, maxLength: parts.length - 1 })),
        ),
        num(0.01, 10),
        fc.array(num(0, 2000), { maxLength: 10 }),
        ([parts, raw], b, ts) => {
          const milestones = raw.sort((x, y) => x - y);
          const s = sequence(parts, { milestones });
          for (const t of [...ts, ...milestones]) {
            let i = 0;
            while (i < milestones.length && milestones[i]! <= t) i++;
            const local = i === 0 ? t : t - milestones[i - 1]!;
            expectSame(s.lr(t, b), parts[i]!.lr(local, b), `t=${t}`);
          }
        },
      ),
      opts,
    );
  });

  it('chain feeds each schedule the previous rate; for multiplicative schedules that is the product of factors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(bounded.step!, bounded.exponential!, bounded.multiStep!, bounded.polynomial!, bounded.constant!), { minLength: 1, maxLength: 4 }),
        num(0.01, 10),
        fc.array(num(0, 1e5), { maxLength: 10 }),
        (parts, b, ts) => {
          const s = chain(parts.map((p) => p.schedule));
          for (const t of ts) {
            const product = parts.reduce((acc, p) => acc * p.schedule.lr(t, 1), 1);
            expectClose(s.lr(t, b), b * product, 1e-14, b);
          }
        },
      ),
      opts,
    );
  });

  it('sampleSchedule returns the schedule at from + i·stepSize', () => {
    fc.assert(
      fc.property(unitTree, int(1, 50), num(0, 1e4), num(0, 100), num(0.01, 10), (s, points, from, stepSize, b) => {
        const out = sampleSchedule(s, { points, from, stepSize, baseLr: b });
        expect(out).toBeInstanceOf(Float64Array);
        expect(out.length).toBe(points);
        out.forEach((v, i) => expectSame(v, s.lr(from + i * stepSize, b), `point ${i}`));
      }),
      opts,
    );
  });
});

describe('endpoints', () => {
  it('cosine: lr(0) = baseLr, lr(tMax) = etaMin, periodic (2·tMax back at baseLr) unless clamped', () => {
    fc.assert(
      fc.property(num(1e-3, 1e6), num(-1, 1), baseLr, num(1, 1e6), (tMax, etaMin, b, beyond) => {
        const periodic = cosine({ tMax, etaMin });
        const clamped = cosine({ tMax, etaMin, clamp: true });
        const scale = Math.max(Math.abs(b), Math.abs(etaMin));
        for (const s of [periodic, clamped]) {
          expectClose(s.lr(0, b), b, 2 * Number.EPSILON, scale);
          expect(s.lr(tMax, b) + 0).toBe(etaMin + 0); // + 0: an etaMin of -0 gives +0
        }
        expectClose(periodic.lr(2 * tMax, b), b, 4 * Number.EPSILON, scale);
        expect(clamped.lr(tMax + beyond, b)).toBe(etaMin);
        expect(clamped.lr(2 * tMax, b)).toBe(etaMin);
      }),
      opts,
    );
  });

  it('oneCycle: start rate at 0, maxLr at pctStart·totalSteps − 1, final rate from totalSteps − 1 on; momentum mirrored', () => {
    fc.assert(
      fc.property(
        int(10, 100_000),
        num(0.05, 0.95),
        fc.boolean(),
        fc.constantFrom('cos' as const, 'linear' as const),
        num(1, 1e3),
        num(1, 1e5),
        num(1e-4, 10),
        num(0, 1e6),
        (totalSteps, pct, threePhase, annealStrategy, divFactor, finalDivFactor, maxLr, extra) => {
          const pctStart = threePhase ? pct / 2 : pct;
          fc.pre(pctStart * totalSteps - 1 > 0);
          const s = oneCycle({ totalSteps, pctStart, threePhase, annealStrategy, divFactor, finalDivFactor, maxLr, baseMomentum: 0.85, maxMomentum: 0.95 });
          const start = maxLr / divFactor;
          const final = start / finalDivFactor;
          const tol = 4 * Number.EPSILON;
          expectClose(s.lr(0, 123), start, tol, maxLr, 'lr(0)');
          expectClose(s.lr(pctStart * totalSteps - 1, 123), maxLr, tol, maxLr, 'peak');
          expectClose(s.lr(totalSteps - 1, 123), final, tol, maxLr, 'lr(T - 1)');
          expect(s.lr(totalSteps - 1 + extra, 123)).toBe(s.lr(totalSteps - 1, 123));
          expectClose(s.momentum!(0, 0.5), 0.95, tol, 1);
          expectClose(s.momentum!(pctStart * totalSteps - 1, 0.5), 0.85, tol, 1);
          expectClose(s.momentum!(totalSteps - 1, 0.5), 0.95, tol, 1);
          if (threePhase) expectClose(s.lr(2 * pctStart * totalSteps - 2, 123), start, tol, maxLr, 'end of phase 2');
        },
      ),
      opts,
    );
  });

  it('cyclic: baseLr at each cycle start, maxLr·amplitude at stepSizeUp into each cycle', () => {
    fc.assert(
      fc.property(int(1, 1000), int(1, 1000), num(0, 1), num(1, 10), int(0, 1000), (up, down, lo, hi, k) => {
        const s = cyclic({ baseLr: lo, maxLr: hi, stepSizeUp: up, stepSizeDown: down, mode: 'triangular2' });
        const start = k * (up + down);
        expect(s.lr(start, 5)).toBe(lo);
        expectClose(s.lr(start + up, 5), lo + (hi - lo) / 2 ** k, 1e-12, hi);
      }),
      opts,
    );
  });

  it('inverseSqrt: 0 at step 0 with warmup, baseLr at warmupSteps, baseLr·sqrt(timescale/(t − w + timescale)) after', () => {
    fc.assert(
      fc.property(num(1, 1e4), baseLr, num(0, 1e9), (w, b, extra) => {
        const s = inverseSqrt({ warmupSteps: w });
        expect(s.lr(0, b)).toBe(0);
        expect(s.lr(w, b)).toBe(b);
        expectClose(s.lr(w + extra, b), b * Math.sqrt(w / (extra + w)), 1e-14, b);
      }),
      opts,
    );
  });

  it('wsd: startFactor·baseLr at 0, baseLr through the stable phase, minFactor·baseLr from the end of the decay', () => {
    fc.assert(
      fc.property(num(0, 1e4), num(0, 1e4), num(1e-3, 1e4), fc.constantFrom(...shapes), num(0, 1), num(0, 1), baseLr, num(0, 1), (w, stable, decay, decayShape, startFactor, minFactor, b, frac) => {
        const s = wsd({ warmupSteps: w, stableSteps: stable, decaySteps: decay, decayShape, startFactor, minFactor });
        if (w > 0) expect(s.lr(0, b)).toBe(b * startFactor);
        expect(s.lr(w, b)).toBe(b);
        expect(s.lr(w + frac * stable, b)).toBe(b);
        expect(s.lr(w + stable + decay, b)).toBe(b * minFactor);
        expect(s.lr(w + stable + decay + 1e6, b)).toBe(b * minFactor);
      }),
      opts,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// SGDR: exact restarts, and the O(1) cycle search against a slow reference.

/** The exact start of cycle i, `t0·(tMult^i − 1)/(tMult − 1)`, in integers. */
function exactStart(t0: number, tMult: number, i: number): bigint {
  const m = BigInt(tMult);
  return tMult === 1 ? BigInt(t0) * BigInt(i) : (BigInt(t0) * (m ** BigInt(i) - 1n)) / (m - 1n);
}

/** Walks the cycles one by one: the definition `restartPosition` computes in O(1). */
function slowRestart(t: number, t0: number, tMult: number): { cycle: number; tCur: number; tI: number } {
  let start = 0;
  let length = t0;
  let cycle = 0;
  while (start + length <= t) {
    start += length;
    length *= tMult;
    cycle += 1;
  }
  // The restart rule: a step within the window below the next restart is that restart.
  const next = start + length;
  if (next - t <= Math.min(RESTART_SNAP * next, 2 ** -20)) return { cycle: cycle + 1, tCur: 0, tI: length * tMult };
  return { cycle, tCur: t - start, tI: length };
}

describe('sgdr restarts', () => {
  it('the exact restarts where a float logarithm misfires give the peak', () => {
    const cases: Array<[number, number, number[]]> = [
      [10, 3, [10, 40, 130, 400, 1210, 3640, 10930, 32800, 98410, 295240]],
      [1, 10, [1, 11, 111, 1111, 11111, 111111, 1111111]],
      [6, 10, [66666666666, 666666666666]],
      [1, 2, [2 ** 40 - 1, 2 ** 52 - 1]],
    ];
    for (const [t0, tMult, starts] of cases) {
      const s = sgdr({ t0, tMult, etaMin: 0.001 });
      for (const start of starts) {
        expect(s.lr(start, 0.1), `t0=${t0} tMult=${tMult} at ${start}`).toBe(0.1);
        const pos = restartPosition(start, t0, tMult);
        expect(pos.tCur).toBe(0);
        expect(pos).toEqual(slowRestart(start, t0, tMult));
        // one step before the restart is the last step of the previous cycle
        const before = restartPosition(start - 1, t0, tMult);
        expect(before.tCur).toBe(before.tI - 1);
      }
    }
  });

  it('lr(S(i)) is the peak baseLr·cycleDecay^i at every exact restart S(i) = t0·(tMult^i − 1)/(tMult − 1)', () => {
    fc.assert(
      fc.property(int(1, 1000), int(2, 10), num(0, 0.01), num(0.5, 1), num(0.01, 10), (t0, tMult, etaMin, cycleDecay, b) => {
        const s = sgdr({ t0, tMult, etaMin, cycleDecay });
        for (let i = 0; ; i++) {
          const exact = exactStart(t0, tMult, i + 1);
          if (exact > BigInt(Number.MAX_SAFE_INTEGER)) break;
          const start = Number(exactStart(t0, tMult, i));
          const peak = b * cycleDecay ** i;
          expectClose(s.lr(start, b), peak, 2 * Number.EPSILON, b, `cycle ${i} at ${start}`);
          const pos = restartPosition(start, t0, tMult);
          expect(pos).toEqual({ cycle: i, tCur: 0, tI: t0 * tMult ** i });
          if (start > 0) expect(restartPosition(start - 0.5, t0, tMult).cycle).toBe(i - 1);
        }
      }),
      opts,
    );
  });

  it('restartPosition equals a slow cycle-by-cycle walk for moderate steps (integer t0)', () => {
    fc.assert(
      fc.property(int(1, 1000), int(1, 10), fc.array(fc.oneof(int(0, 10_000_000), num(0, 10_000_000)), { minLength: 1, maxLength: 20 }), (t0, tMult, raw) => {
        // with tMult = 1 the walk takes t / t0 iterations: keep it to 20000 cycles
        const ts = tMult === 1 ? raw.map((t) => t % (20_000 * t0)) : raw;
        for (const t of ts) {
          const fast = restartPosition(t, t0, tMult);
          const slow = slowRestart(t, t0, tMult);
          expectSameArray([fast.cycle, fast.tCur, fast.tI], [slow.cycle, slow.tCur, slow.tI], `t=${t}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('restartPosition is consistent for fractional t0: 0 <= tCur < tI = t0·tMult^cycle, and the cycle matches the walk away from boundaries', () => {
    fc.assert(
      fc.property(num(1e-3, 1e3), int(1, 10), num(0, 1e7), num(0, 20_000), (t0, tMult, far, cycles) => {
        const t = tMult === 1 ? cycles * t0 : far; // the walk below takes t / t0 iterations when tMult = 1
        const pos = restartPosition(t, t0, tMult);
        expect(pos.tI).toBe(t0 * tMult ** pos.cycle);
        expect(pos.tCur).toBeGreaterThanOrEqual(-1e-9 * t);
        expect(pos.tCur).toBeLessThanOrEqual(pos.tI * (1 + 1e-9));
        const slow = slowRestart(t, t0, tMult);
        if (Math.abs(slow.tCur) > 1e-6 * t && Math.abs(slow.tI - slow.tCur) > 1e-6 * t) expect(pos.cycle).toBe(slow.cycle);
      }),
      opts,
    );
  });

  it('lr(2**40) and beyond cost no loop over cycles (tMult = 1 would take 2**40 iterations)', () => {
    const flat = sgdr({ t0: 1, etaMin: 0.01 });
    expect(flat.lr(2 ** 40, 1)).toBe(1);
    expectClose(flat.lr(2 ** 40 + 0.5, 1), 0.01 + 0.99 * 0.5, 1e-15, 1);
    expect(sgdr({ t0: 3 }).lr(2 ** 52, 1)).toBe(sgdr({ t0: 3 }).lr((2 ** 52) % 3, 1));
    const growing = sgdr({ t0: 1, tMult: 2 });
    expect(growing.lr(2 ** 40 - 1, 1)).toBe(1);
    expect(Number.isFinite(growing.lr(1e300, 1))).toBe(true);
    // A step so large that t/t0 overflows: the cycle estimate must not become Infinity.
    const tiny = sgdr({ t0: 1e-300, tMult: 2 });
    const v = tiny.lr(1e300, 1);
    expect(v >= 0 && v <= 1).toBe(true);
    const far = restartPosition(1.7e308, 1e-10, 3);
    expect(far.cycle).toBe(Math.floor((Math.log(1.7e308) - Math.log(1e-10) + Math.log(2)) / Math.log(3)));
    expect(far.tCur >= 0 && far.tCur < far.tI && Number.isFinite(far.tI)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// Closed form against PyTorch's recursive step(), where PyTorch says they agree.

/** Base rates of 1 to 3 groups. */
const groupLrs = fc.array(num(0.01, 1), { minLength: 1, maxLength: 3 });
const STEPS = 200;

/** Steps `scheduler` `n` times; after each step checks every group against `expected(t, base)`. */
function checkAgainst(optimizer: OptimizerLike, scheduler: { step(): void; getLastLr(): number[] }, n: number, expected: (t: number, base: number, group: number) => number, exact: boolean): void {
  const bases = optimizer.paramGroups.map((g) => g.initialLr!);
  const check = (t: number) =>
    lrs(optimizer).forEach((v, i) => {
      const want = expected(t, bases[i]!, i);
      if (exact) expectSame(v, want, `step ${t} group ${i}`);
      else expectClose(v, want, 1e-12, bases[i]!, `step ${t} group ${i}`);
    });
  check(0);
  for (let t = 1; t <= n; t++) {
    scheduler.step();
    check(t);
    expectSameArray(scheduler.getLastLr(), lrs(optimizer));
  }
}

describe('recursive step() agrees with the closed form (1e-12 relative)', () => {
  const agree = <T>(name: string, arb: fc.Arbitrary<T>, build: (opt: OptimizerLike, o: T) => { step(): void; getLastLr(): number[] }, pure: (o: T) => Schedule) =>
    it(name, () => {
      fc.assert(
        fc.property(arb, groupLrs, (o, rates) => {
          const optimizer = sgd(rates);
          const scheduler = build(optimizer, o);
          const s = pure(o);
          checkAgainst(optimizer, scheduler, STEPS, (t, b) => s.lr(t, b), false);
        }),
        { numRuns: 20 },
      );
    });

  agree('StepLR', fc.record({ stepSize: int(1, 50), gamma: num(0, 1) }), (opt, o) => new StepLR(opt, o), step);
  agree(
    'MultiStepLR (unsorted, repeated milestones)',
    fc.record({ milestones: fc.array(int(0, 300), { minLength: 1, maxLength: 8 }), gamma: num(0, 1) }),
    (opt, o) => new MultiStepLR(opt, o),
    (o) => multiStep({ ...o, milestones: [...o.milestones].sort((a, b) => a - b) }),
  );
  agree('ConstantLR', fc.record({ factor: num(0.01, 1), totalIters: int(1, 100) }), (opt, o) => new ConstantLR(opt, o), constant);
  agree('LinearLR', fc.record({ startFactor: num(0.01, 1), endFactor: num(0, 1), totalIters: int(1, 100) }), (opt, o) => new LinearLR(opt, o), linear);
  agree('ExponentialLR', fc.record({ gamma: num(0, 1) }), (opt, o) => new ExponentialLR(opt, o), exponential);
  agree('PolynomialLR', fc.record({ totalIters: int(1, 100), power: num(0, 4) }), (opt, o) => new PolynomialLR(opt, o), polynomial);
  agree('CosineAnnealingLR', fc.record({ tMax: int(1, 100), etaMin: num(0, 0.01) }), (opt, o) => new CosineAnnealingLR(opt, o), cosine);

  it('the closedForm option gives the pure schedule bit for bit', () => {
    fc.assert(
      fc.property(groupLrs, int(1, 50), num(0, 1), (rates, stepSize, gamma) => {
        const optimizer = sgd(rates);
        const s = step({ stepSize, gamma });
        checkAgainst(optimizer, new StepLR(optimizer, { stepSize, gamma, closedForm: true }), 100, (t, b) => s.lr(t, b), true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('stateful schedulers give their pure counterpart bit for bit', () => {
  it('CosineAnnealingWarmRestarts.step() and step(epoch) (fractional) equal sgdr', () => {
    fc.assert(
      fc.property(int(1, 50), int(1, 4), num(0, 0.01), groupLrs, fc.array(num(0, 3), { minLength: 1, maxLength: 100 }), (t0, tMult, etaMin, rates, gaps) => {
        const optimizer = sgd(rates);
        const s = sgdr({ t0, tMult, etaMin });
        checkAgainst(optimizer, new CosineAnnealingWarmRestarts(optimizer, { t0, tMult, etaMin }), STEPS, (t, b) => s.lr(t, b), true);
        const jumping = sgd(rates);
        const scheduler = new CosineAnnealingWarmRestarts(jumping, { t0, tMult, etaMin });
        let epoch = 0;
        for (const gap of gaps) {
          epoch += gap;
          scheduler.step(epoch);
          jumping.paramGroups.forEach((g) => expectSame(g.lr, s.lr(epoch, g.initialLr!), `epoch ${epoch}`));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('OneCycleLR equals oneCycle (rate and momentum, SGD and Adam) for every step below totalSteps', () => {
    fc.assert(
      fc.property(
        int(2, 300),
        num(0.05, 1),
        fc.boolean(),
        fc.constantFrom('cos' as const, 'linear' as const),
        num(1, 100),
        num(1, 1e4),
        fc.array(num(1e-3, 1), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (totalSteps, pct, threePhase, annealStrategy, divFactor, finalDivFactor, maxLrs, useAdam) => {
          const pctStart = threePhase ? pct / 2 : pct;
          fc.pre(pctStart * totalSteps - 1 !== 0);
          const optimizer = useAdam ? adam(maxLrs) : sgd(maxLrs, 0.9);
          const shared = { totalSteps, pctStart, threePhase, annealStrategy, divFactor, finalDivFactor };
          const scheduler = new OneCycleLR(optimizer, { ...shared, maxLr: maxLrs });
          const pure = maxLrs.map((maxLr) => oneCycle({ ...shared, maxLr }));
          for (let t = 0; t < totalSteps; t++) {
            if (t > 0) scheduler.step();
            optimizer.paramGroups.forEach((g, i) => {
              expectSame(g.lr, pure[i]!.lr(t, 1), `step ${t}`);
              expectSame(momenta(optimizer)[i], pure[i]!.momentum!(t, 1), `momentum at step ${t}`);
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('CyclicLR equals cyclic (rate and momentum)', () => {
    fc.assert(
      fc.property(
        fc.record({
          baseLr: num(0, 0.1),
          maxLr: num(0.1, 1),
          stepSizeUp: int(1, 50),
          stepSizeDown: int(1, 50),
          mode: fc.constantFrom(...modes),
          gamma: num(0.9, 1),
          baseMomentum: num(0.7, 0.85),
          maxMomentum: num(0.85, 0.99),
        }),
        int(1, 3),
        (o, groups) => {
          const optimizer = sgd(Array.from({ length: groups }, () => 0.5), 0.9);
          const scheduler = new CyclicLR(optimizer, o);
          const s = cyclic(o);
          for (let t = 0; t < STEPS; t++) {
            if (t > 0) scheduler.step();
            optimizer.paramGroups.forEach((g) => {
              expectSame(g.lr, s.lr(t, 123), `step ${t}`);
              expectSame(g.momentum, s.momentum!(t, 0), `momentum at step ${t}`);
            });
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// stateDict and JSON round trips, every scheduler kind.

/** How to build one scheduler configuration on a fresh optimizer, and how to advance it at step i. */
interface Setup {
  optimizer: () => OptimizerLike;
  build: (optimizer: OptimizerLike) => AnyScheduler;
  advance: (scheduler: AnyScheduler, i: number) => void;
  serializable: boolean;
}

const plain = (s: AnyScheduler) => s.step as (() => void);
const stepOnce = (s: AnyScheduler) => plain(s).call(s);

function setup(rates: number[], build: (opt: OptimizerLike) => AnyScheduler, extra: Partial<Setup> = {}): Setup {
  return { optimizer: () => sgd(rates, 0.9), build, advance: (s) => stepOnce(s), serializable: true, ...extra };
}

const rates = fc.array(num(0.01, 1), { minLength: 1, maxLength: 3 });

/** One arbitrary per scheduler kind (composites included). */
const setups: Record<string, fc.Arbitrary<Setup>> = {
  StepLR: fc.tuple(rates, int(1, 20), num(0, 1)).map(([r, stepSize, gamma]) => setup(r, (o) => new StepLR(o, { stepSize, gamma }))),
  MultiStepLR: fc.tuple(rates, fc.array(int(0, 100), { minLength: 1, maxLength: 5 }), num(0, 1)).map(([r, milestones, gamma]) =>
    setup(r, (o) => new MultiStepLR(o, { milestones, gamma })),
  ),
  ConstantLR: fc.tuple(rates, num(0.01, 1), int(0, 50), fc.boolean()).map(([r, factor, totalIters, closedForm]) =>
    setup(r, (o) => new ConstantLR(o, { factor, totalIters, closedForm })),
  ),
  LinearLR: fc.tuple(rates, num(0.01, 1), num(0, 1), int(1, 50)).map(([r, startFactor, endFactor, totalIters]) =>
    setup(r, (o) => new LinearLR(o, { startFactor, endFactor, totalIters })),
  ),
  ExponentialLR: fc.tuple(rates, num(0.5, 1)).map(([r, gamma]) => setup(r, (o) => new ExponentialLR(o, { gamma }))),
  PolynomialLR: fc.tuple(rates, int(1, 80), num(0, 3)).map(([r, totalIters, power]) => setup(r, (o) => new PolynomialLR(o, { totalIters, power }))),
  CosineAnnealingLR: fc.tuple(rates, int(1, 40), num(0, 0.01), fc.boolean()).map(([r, tMax, etaMin, closedForm]) =>
    setup(r, (o) => new CosineAnnealingLR(o, { tMax, etaMin, closedForm })),
  ),
  CosineAnnealingWarmRestarts: fc.tuple(rates, int(1, 20), int(1, 3), num(0, 0.01)).map(([r, t0, tMult, etaMin]) =>
    setup(r, (o) => new CosineAnnealingWarmRestarts(o, { t0, tMult, etaMin }), {
      // mixes plain steps with fractional jumps, as SGDR users do per batch
      advance: (s, i) => (i % 5 === 2 ? (s as CosineAnnealingWarmRestarts).step(i + 0.25) : stepOnce(s)),
    }),
  ),
  OneCycleLR: fc.tuple(rates, int(130, 400), num(0.05, 0.5), fc.boolean(), fc.boolean()).map(([r, totalSteps, pctStart, threePhase, useAdam]) =>
    setup(r, (o) => new OneCycleLR(o, { maxLr: r, totalSteps, pctStart, threePhase }), {
      optimizer: () => (useAdam ? adam(r) : sgd(r, 0.9)),
    }),
  ),
  CyclicLR: fc.tuple(rates, int(1, 20), fc.option(int(1, 20), { nil: undefined }), fc.constantFrom(...modes), num(0.9, 1)).map(([r, stepSizeUp, stepSizeDown, mode, gamma]) =>
    setup(r, (o) =>
      new CyclicLR(o, { baseLr: r.map((x) => x / 10), maxLr: r, stepSizeUp, ...(stepSizeDown === undefined ? {} : { stepSizeDown }), mode, gamma }),
    ),
  ),
  LambdaLR: fc.tuple(rates, num(0.9, 1)).map(([r, g]) => setup(r, (o) => new LambdaLR(o, { lrLambda: (t) => g ** t }), { serializable: false })),
  MultiplicativeLR: fc.tuple(rates, num(0.9, 1)).map(([r, g]) => setup(r, (o) => new MultiplicativeLR(o, { lrLambda: () => g }), { serializable: false })),
  ScheduleLR: fc.tuple(rates, unitTree).map(([r, s]) => setup(r, (o) => new ScheduleLR(o, s))),
  'ScheduleLR (momentum)': fc.tuple(rates, int(20, 200)).map(([r, totalSteps]) =>
    setup(r, (o) => new ScheduleLR(o, sequence([oneCycle({ totalSteps }), cyclic({ maxLr: 0.5, stepSizeUp: 7 })], { milestones: [totalSteps] }))),
  ),
  SequentialLR: fc.tuple(rates, num(0.01, 1), int(1, 10), num(0.5, 1), int(1, 20), int(1, 30)).map(([r, factor, totalIters, gamma, stepSize, milestone]) =>
    setup(r, (o) =>
      new SequentialLR(o, {
        schedulers: [new ConstantLR(o, { factor, totalIters }), new ExponentialLR(o, { gamma }), new StepLR(o, { stepSize, gamma })],
        milestones: [milestone, milestone + 10],
      }),
    ),
  ),
  ChainedScheduler: fc.tuple(rates, num(0.01, 1), int(1, 10), num(0.5, 1), int(1, 30)).map(([r, startFactor, totalIters, gamma, tMax]) =>
    setup(r, (o) =>
      new ChainedScheduler([new LinearLR(o, { startFactor, totalIters }), new ExponentialLR(o, { gamma }), new CosineAnnealingLR(o, { tMax })]),
    ),
  ),
  ReduceLROnPlateau: fc
    .tuple(
      rates,
      fc.record({ mode: fc.constantFrom('min' as const, 'max' as const), factor: num(0, 0.9), patience: int(0, 4), threshold: num(0, 0.1), thresholdMode: fc.constantFrom('rel' as const, 'abs' as const), cooldown: int(0, 3) }),
      fc.array(fc.oneof(num(-10, 10), fc.constant(Number.NaN)), { minLength: 120, maxLength: 120 }),
    )
    .map(([r, o, metrics]) =>
      setup(r, (opt) => new ReduceLROnPlateau(opt, { ...o, minLr: r.map((x) => x / 100) }), {
        advance: (s, i) => (s as ReduceLROnPlateau).step(metrics[i % metrics.length]!),
      }),
    ),
};

describe('stateDict round trip (JSON) mid-run continues bit for bit', () => {
  for (const [name, arb] of Object.entries(setups)) {
    it(name, () => {
      fc.assert(
        fc.property(arb, int(0, 60), int(1, 60), (su, before, after) => {
          const opt1 = su.optimizer();
          const s1 = su.build(opt1);
          for (let i = 0; i < before; i++) su.advance(s1, i);
          const saved = JSON.stringify(s1.stateDict());
          const groups = snapshotGroups(opt1);

          const opt2 = su.optimizer();
          const s2 = su.build(opt2);
          s2.loadStateDict(JSON.parse(saved));
          restoreGroups(opt2, groups);
          // What JSON carries: every number bit for bit, except that -0 comes back as 0 (JSON has no -0; a
          // rate can be -0, e.g. chain([linear ending just below 0, exponential({ gamma: 0 })])).
          expect(s2.getLastLr()).toEqual(JSON.parse(JSON.stringify(s1.getLastLr())));
          for (let i = before; i < before + after; i++) {
            su.advance(s1, i);
            su.advance(s2, i);
            expectSameArray(lrs(opt2), lrs(opt1), `step ${i}`);
            expectSameArray(momenta(opt2), momenta(opt1), `momentum at step ${i}`);
            expectSameArray(s2.getLastLr(), s1.getLastLr(), `getLastLr at step ${i}`);
          }
          expect(JSON.stringify(s2.stateDict())).toBe(JSON.stringify(s1.stateDict()));
        }),
        { numRuns: 30 },
      );
    });
  }
});

describe('loadStateDict on an optimizer with restoreOnLoad: a fresh optimizer resumes bit for bit', () => {
  // The adapters' recipe: a fresh optimizer (nothing restores its rates), the same scheduler built on it,
  // the state loaded from JSON; the very next training step must see the saved rate and momentum.
  for (const [name, arb] of Object.entries(setups)) {
    it(name, () => {
      fc.assert(
        fc.property(arb, int(0, 60), int(1, 40), (su, before, after) => {
          const opt1 = su.optimizer();
          const s1 = su.build(opt1);
          for (let i = 0; i < before; i++) su.advance(s1, i);
          const saved = JSON.stringify(s1.stateDict());
          const opt2 = Object.assign(su.optimizer(), { restoreOnLoad: true });
          const s2 = su.build(opt2);
          s2.loadStateDict(JSON.parse(saved));
          expectSameArray(lrs(opt2), lrs(opt1), 'rates right after loading');
          expectSameArray(momenta(opt2), momenta(opt1), 'momentum right after loading');
          for (let i = before; i < before + after; i++) {
            su.advance(s1, i);
            su.advance(s2, i);
            expectSameArray(lrs(opt2), lrs(opt1), `step ${i}`);
            expectSameArray(momenta(opt2), momenta(opt1), `momentum at step ${i}`);
          }
        }),
        { numRuns: 30 },
      );
    });
  }

  it('without restoreOnLoad the groups are left alone, as in PyTorch', () => {
    const opt = { paramGroups: [{ lr: 0.1 }] };
    const s = new ExponentialLR(opt, { gamma: 0.5 });
    s.step();
    s.step();
    const fresh = { paramGroups: [{ lr: 0.1 }] };
    new ExponentialLR(fresh, { gamma: 0.5 }).loadStateDict(s.stateDict());
    expect(fresh.paramGroups[0]!.lr).toBe(0.1);
    const bound = { paramGroups: [{ lr: 0.1 }], restoreOnLoad: true };
    new ExponentialLR(bound, { gamma: 0.5 }).loadStateDict(s.stateDict());
    expect(bound.paramGroups[0]!.lr).toBe(0.025);
  });
});

describe('JSON round trip', () => {
  const serializableLeaf = fc.oneof(...Object.values(bounded).map((a) => a.map((x) => x.schedule)));
  const anyTree: fc.Arbitrary<Schedule> = fc.letrec<{ tree: Schedule }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      serializableLeaf,
      fc.tuple(fc.record({ steps: num(0, 500), startFactor: num(0, 1) }), tie('tree')).map(([o, s]) => warmup(o, s)),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).chain((parts) =>
        fc.array(num(0, 1000), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((m) => sequence(parts, { milestones: m.sort((a, b) => a - b) })),
      ),
      fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((parts) => chain(parts)),
    ),
  })).tree;

  it('scheduleFromJSON(s.toJSON()) gives the same schedule: same JSON, same values, same momentum', () => {
    fc.assert(
      fc.property(anyTree, baseLr, steps, (s, b, ts) => {
        const json = s.toJSON();
        const back = scheduleFromJSON(JSON.parse(JSON.stringify(json)));
        expect(back.toJSON()).toEqual(json);
        expect(scheduleFromJSON(JSON.stringify(json)).toJSON()).toEqual(json);
        expect(back.type).toBe(s.type);
        expect(back.momentum === undefined).toBe(s.momentum === undefined);
        for (const t of ts) {
          expectSame(back.lr(t, b), s.lr(t, b), `lr(${t})`);
          if (s.momentum) expectSame(back.momentum!(t, 0.9), s.momentum(t, 0.9), `momentum(${t})`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lambda and multiplicative refuse toJSON with NotSerializableError, also nested', () => {
    const user = () => lambdaSchedule((t) => 0.9 ** t);
    for (const s of [user(), multiplicative(() => 0.9), warmup({ steps: 2 }, user()), sequence([cosine({ tMax: 3 }), user()], { milestones: [3] }), chain([user()])]) {
      expect(() => s.toJSON()).toThrow(NotSerializableError);
    }
  });

  describe('schedulerFromJSON(scheduler.toJSON()) on a fresh optimizer gives the same rates', () => {
    for (const [name, arb] of Object.entries(setups)) {
      it(name, () => {
        fc.assert(
          fc.property(arb, int(1, 80), (su, n) => {
            const opt1 = su.optimizer();
            const s1 = su.build(opt1);
            if (!su.serializable) {
              expect(() => s1.toJSON()).toThrow(NotSerializableError);
              return;
            }
            const json = JSON.parse(JSON.stringify(s1.toJSON()));
            const opt2 = su.optimizer();
            const s2 = schedulerFromJSON(opt2, json);
            expect(s2.kind).toBe(s1.kind);
            expect(s2.toJSON()).toEqual(json);
            expect(lrs(opt2)).toEqual(lrs(opt1));
            for (let i = 0; i < n; i++) {
              su.advance(s1, i);
              su.advance(s2, i);
              expectSameArray(lrs(opt2), lrs(opt1), `step ${i}`);
              expectSameArray(momenta(opt2), momenta(opt1), `momentum at step ${i}`);
            }
          }),
          { numRuns: 20 },
        );
      });
    }
  });
});
