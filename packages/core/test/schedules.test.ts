// Direct value tests of each pure schedule and combinator against numbers worked out by hand
// (in the comments), including fractional steps and the behaviour past the end of each schedule.
import { describe, expect, it } from 'vitest';
import {
  chain,
  constant,
  cosine,
  createSchedule,
  cyclic,
  exponential,
  InvalidParameterError,
  inverseSqrt,
  lambda,
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
  wsd,
  type Schedule,
} from '../src/index.js';
import { scheduleFromJSON, SCHEDULE_TYPES } from '../src/json.js';
import { expectClose } from './helpers.js';
import { ONE_THIRD } from '../src/internal/options.js';

/** `schedule.lr(t, baseLr)` for each t, to 1e-15 relative (a few ulps: hand values are exact decimals). */
function expectValues(schedule: Schedule, baseLr: number, expected: Array<[number, number]>): void {
  for (const [t, want] of expected) expectClose(schedule.lr(t, baseLr), want, 4e-16, baseLr, `${schedule.type}.lr(${t})`);
}

describe('constant', () => {
  it("PyTorch's default factor 1/3 is written as a literal that equals 1 / 3", () => {
    expect(ONE_THIRD).toBe(1 / 3);
  });

  it('factor · baseLr before totalIters, baseLr from totalIters on', () => {
    expectValues(constant({ factor: 0.5, totalIters: 3 }), 2, [[0, 1], [1, 1], [2.99, 1], [3, 2], [4.5, 2], [1e9, 2]]);
  });
  it('without options: the base rate; without totalIters: the factor forever', () => {
    expectValues(constant(), 0.3, [[0, 0.3], [1e6, 0.3]]);
    expectValues(constant({ factor: 0.25 }), 4, [[0, 1], [2 ** 40, 1]]);
  });
});

describe('linear', () => {
  it('ramps the multiplier from startFactor to endFactor over totalIters, then holds it', () => {
    // 0.4 · (0.25 + 0.75 · t/4): t = 0 → 0.1, 1 → 0.175, 2 → 0.25, 0.5 → 0.1375, 4 and later → 0.4
    expectValues(linear({ startFactor: 0.25, endFactor: 1, totalIters: 4 }), 0.4, [[0, 0.1], [0.5, 0.1375], [1, 0.175], [2, 0.25], [4, 0.4], [10, 0.4]]);
  });
  it('decays too, and defaults to PyTorch’s 1/3 → 1 over 5 steps', () => {
    expectValues(linear({ startFactor: 1, endFactor: 0.2, totalIters: 8 }), 1, [[0, 1], [4, 0.6], [8, 0.2], [80, 0.2]]);
    expectValues(linear(), 3, [[0, 1], [5, 3], [2.5, 2]]);
  });
});

describe('step and multiStep', () => {
  it('step multiplies by gamma at every multiple of stepSize', () => {
    expectValues(step({ stepSize: 3, gamma: 0.5 }), 8, [[0, 8], [2.999, 8], [3, 4], [5.5, 4], [6, 2], [30, 8 / 1024]]);
    expectValues(step({ stepSize: 2.5 }), 1, [[2.4, 1], [2.5, 0.1], [5, 0.01]]);
  });
  it('multiStep counts the milestones reached, a repeated one twice', () => {
    expectValues(multiStep({ milestones: [2, 5, 5, 9], gamma: 0.1 }), 1, [[0, 1], [1.9, 1], [2, 0.1], [4.99, 0.1], [5, 0.001], [9, 0.0001], [1e6, 0.0001]]);
  });
});

describe('exponential and polynomial', () => {
  it('exponential is gamma^t, continuous in t', () => {
    expectValues(exponential({ gamma: 0.5 }), 2, [[0, 2], [1, 1], [3, 0.25], [0.5, Math.SQRT2]]);
    expect(exponential({ gamma: 0.5 }).lr(2000, 1)).toBe(0);
  });
  it('polynomial decays to 0 at totalIters and stays there', () => {
    // (1 − t/4)²: 1 → 0.5625, 2 → 0.25, 3 → 0.0625
    expectValues(polynomial({ totalIters: 4, power: 2 }), 1, [[0, 1], [1, 0.5625], [2, 0.25], [3, 0.0625], [4, 0], [100, 0]]);
    expectValues(polynomial({ totalIters: 4, power: 0.5 }), 1, [[3, 0.5]]);
    expectValues(polynomial(), 1, [[1, 0.8], [5, 0]]); // PyTorch defaults: 5 steps, power 1
  });
});

describe('cosine', () => {
  const s = cosine({ tMax: 10, etaMin: 0.01 });
  it('halfway at tMax/2, etaMin at tMax; fractional steps on the curve', () => {
    // 0.01 + 0.09 · (1 + cos(π/4))/2 = 0.01 + 0.09 · 0.8535533905932737 at t = 2.5
    expectValues(s, 0.1, [[0, 0.1], [5, 0.055], [10, 0.01], [2.5, 0.01 + 0.09 * ((1 + Math.SQRT1_2) / 2)]]);
  });
  it('past tMax: climbs back (PyTorch) unless clamped', () => {
    expectValues(s, 0.1, [[15, 0.055], [20, 0.1], [25, 0.055]]);
    expectValues(cosine({ tMax: 10, etaMin: 0.01, clamp: true }), 0.1, [[5, 0.055], [10, 0.01], [15, 0.01], [1e9, 0.01]]);
  });
  it('an etaMin above the base rate gives a rising curve', () => {
    expectValues(cosine({ tMax: 4, etaMin: 1 }), 0, [[0, 0], [2, 0.5], [4, 1]]);
  });
});

describe('sgdr', () => {
  it('restarts at 10, 30, 70 with t0 = 10, tMult = 2', () => {
    // cycle lengths 10, 20, 40: halfway points at 5, 20, 50
    expectValues(sgdr({ t0: 10, tMult: 2 }), 1, [[0, 1], [5, 0.5], [10, 1], [20, 0.5], [30, 1], [50, 0.5], [70, 1]]);
    expect(restartPosition(29.5, 10, 2)).toEqual({ cycle: 1, tCur: 19.5, tI: 20 });
  });
  it('tMult = 1 repeats the same cycle', () => {
    expectValues(sgdr({ t0: 4, etaMin: 0.2 }), 1, [[0, 1], [2, 0.6], [4, 1], [6, 0.6], [4000, 1]]);
  });
  it('cycleDecay scales each peak: baseLr · cycleDecay^i', () => {
    const s = sgdr({ t0: 10, tMult: 2, cycleDecay: 0.5 });
    expectValues(s, 1, [[0, 1], [10, 0.5], [20, 0.25], [30, 0.25], [70, 0.125]]);
  });
  it('cycleLimit: etaMin after the last allowed cycle', () => {
    const s = sgdr({ t0: 10, tMult: 2, etaMin: 0.05, cycleLimit: 2 });
    expectValues(s, 1, [[10, 1], [20, 0.525], [29.999, s.lr(29.999, 1)], [30, 0.05], [1000, 0.05]]);
    expect(s.lr(29.999, 1)).toBeLessThan(0.0501);
  });
  it('warmupSteps: a linear warmup from warmupStartFactor · baseLr, then the cycles shifted by it', () => {
    const s = sgdr({ t0: 10, warmupSteps: 5, warmupStartFactor: 0.2 });
    // warmup 0.2 → 1 over 5 steps; then cycle 0 runs over [5, 15), restart at 15
    expectValues(s, 1, [[0, 0.2], [2.5, 0.6], [5, 1], [10, 0.5], [15, 1], [20, 0.5]]);
    expect(s.type).toBe('sgdr');
    expect(s.toJSON()).toEqual({ type: 'sgdr', t0: 10, tMult: 1, etaMin: 0, cycleDecay: 1, warmupSteps: 5, warmupStartFactor: 0.2 });
  });
});

describe('oneCycle', () => {
  it('PyTorch’s linear example: 1, 13, 25, then down to 0.5 at step 9; the pure form holds 0.5 afterwards', () => {
    const s = oneCycle({ maxLr: 25, totalSteps: 10, finalDivFactor: 2, annealStrategy: 'linear', baseMomentum: 1, maxMomentum: 22 });
    expectValues(s, 999, [[0, 1], [1, 13], [2, 25], [3, 21.5], [9, 0.5], [0.5, 7], [12, 0.5], [1e9, 0.5]]);
    expect([0, 1, 2, 3, 9, 20].map((t) => s.momentum!(t, 0))).toEqual([22, 11.5, 1, 4, 22, 22]);
  });
  it('three phases: up, back to the start rate, then down to the final rate', () => {
    const s = oneCycle({ maxLr: 25, totalSteps: 10, divFactor: 25, finalDivFactor: 4, pctStart: 0.4, threePhase: true, annealStrategy: 'linear' });
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((t) => s.lr(t, 1))).toEqual([1, 9, 17, 25, 17, 9, 1, 0.75, 0.5, 0.25]);
  });
  it('the peak defaults to the group’s base rate; cycleMomentum false drops momentum', () => {
    const s = oneCycle({ totalSteps: 100, cycleMomentum: false });
    expectClose(s.lr(0, 0.5), 0.02, 4e-16, 0.5);
    expectClose(s.lr(29, 0.5), 0.5, 4e-16, 0.5);
    expectClose(s.lr(99, 0.5), 0.02 / 1e4, 1e-15, 0.5);
    expect(s.momentum).toBeUndefined();
  });
  it('one schedule called with changing base rates, zeros of both signs included, gives what a fresh one gives', () => {
    const bases = [0.1, 0.1, -0, -0, 0, -0, 0.2, 0.1, 0, 0.2];
    for (const annealStrategy of ['cos', 'linear'] as const) {
      const s = oneCycle({ totalSteps: 10, annealStrategy });
      bases.forEach((base, k) => {
        for (const t of [-0, 0, 1.5, 7]) {
          const fresh = oneCycle({ totalSteps: 10, annealStrategy }).lr(t, base);
          expect(Object.is(s.lr(t, base), fresh), `${annealStrategy}, call ${k}: lr(${Object.is(t, -0) ? '-0' : t}, ${Object.is(base, -0) ? '-0' : base})`).toBe(true);
        }
      });
    }
    // The case where the sign of a zero peak shows: linear, at step -0.
    expect(Object.is(oneCycle({ totalSteps: 10, annealStrategy: 'linear' }).lr(-0, -0), -0)).toBe(true);
  });
});

describe('cyclic', () => {
  it('triangular between baseLr and maxLr, fractional steps on the line', () => {
    const s = cyclic({ baseLr: 1, maxLr: 5, stepSizeUp: 4 });
    expectValues(s, 999, [[0, 1], [1.5, 2.5], [2, 3], [4, 5], [6, 3], [8, 1], [12, 5]]);
  });
  it('the lower bound defaults to the group’s base rate', () => {
    expectValues(cyclic({ maxLr: 5, stepSizeUp: 4 }), 1, [[2, 3], [4, 5]]);
  });
  it('triangular2 halves the amplitude each cycle; exp_range scales it by gamma^t', () => {
    expectValues(cyclic({ baseLr: 1, maxLr: 5, stepSizeUp: 4, mode: 'triangular2' }), 0, [[4, 5], [12, 3], [20, 2]]);
    expectValues(cyclic({ baseLr: 1, maxLr: 5, stepSizeUp: 4, mode: 'exp_range', gamma: 0.5 }), 0, [[1, 1 + 4 * 0.25 * 0.5], [2, 1 + 4 * 0.5 * 0.25]]);
  });
  it('asymmetric cycle: stepSizeDown', () => {
    // up over 2 steps, down over 6: at 5, 3 of 6 steps down → halfway
    expectValues(cyclic({ baseLr: 1, maxLr: 5, stepSizeUp: 2, stepSizeDown: 6 }), 0, [[2, 5], [5, 3], [8, 1]]);
  });
  it('momentum moves opposite to the rate between its bounds', () => {
    const s = cyclic({ baseLr: 1, maxLr: 5, stepSizeUp: 4, baseMomentum: 0.8, maxMomentum: 0.9 });
    expect(s.momentum!(0, 0)).toBe(0.9);
    expect(s.momentum!(4, 0)).toBe(0.8);
    expectClose(s.momentum!(2, 0), 0.85, 4e-16, 1);
    expect(cyclic({ maxLr: 1, cycleMomentum: false }).momentum).toBeUndefined();
  });
  it('a custom scale function: by cycle or by iteration; not serializable', () => {
    const byCycle = cyclic({ baseLr: 0, maxLr: 1, stepSizeUp: 2, scaleFn: (x) => 1 / x });
    expect(byCycle.lr(2, 0)).toBe(1);
    expect(byCycle.lr(6, 0)).toBe(0.5);
    const byIteration = cyclic({ baseLr: 0, maxLr: 1, stepSizeUp: 2, scaleFn: (x) => 1 / (1 + x), scaleMode: 'iterations' });
    expect(byIteration.lr(2, 0)).toBeCloseTo(1 / 3, 15);
    expect(() => byCycle.toJSON()).toThrow(NotSerializableError);
  });
});

describe('inverseSqrt', () => {
  it('linear warmup to baseLr, then baseLr · sqrt(timescale / (t − warmup + timescale)), timescale = warmup', () => {
    expectValues(inverseSqrt({ warmupSteps: 100 }), 2, [[0, 0], [50, 1], [100, 2], [400, 1], [10000, 0.2]]);
  });
  it('without warmup the timescale defaults to 10000; it can be set', () => {
    expectValues(inverseSqrt(), 1, [[0, 1], [30000, 0.5]]);
    expectValues(inverseSqrt({ timescale: 1 }), 1, [[3, 0.5], [99, 0.1]]);
  });
});

describe('wsd', () => {
  it('linear warmup, flat, linear decay to minFactor', () => {
    expectValues(wsd({ warmupSteps: 10, stableSteps: 80, decaySteps: 10 }), 1, [[0, 0], [5, 0.5], [10, 1], [50, 1], [90, 1], [95, 0.5], [100, 0], [1e6, 0]]);
    expectValues(wsd({ warmupSteps: 10, stableSteps: 80, decaySteps: 10, minFactor: 0.1, startFactor: 0.2 }), 1, [[0, 0.2], [5, 0.6], [95, 0.55], [100, 0.1]]);
  });
  it('cosine and sqrt decay shapes', () => {
    expectValues(wsd({ stableSteps: 10, decaySteps: 10, decayShape: 'cosine' }), 1, [[10, 1], [15, 0.5], [20, 0]]);
    // 1 − sqrt(progress): at a quarter of the decay, 1 − 0.5
    expectValues(wsd({ stableSteps: 10, decaySteps: 10, decayShape: 'sqrt' }), 1, [[12.5, 0.5], [20, 0]]);
  });
  it('no decay: the stable rate until the end, then minFactor', () => {
    expectValues(wsd({ stableSteps: 5, decaySteps: 0, minFactor: 0.3 }), 1, [[4.99, 1], [5, 0.3]]);
  });
});

describe('lambda and multiplicative', () => {
  it('lambda: baseLr · f(t)', () => {
    expect(lambda((t) => 1 / (t + 1)).lr(3, 2)).toBe(0.5);
  });
  it('multiplicative: baseLr · Π f(k) for k = 1..floor(t), the same in any call order', () => {
    const s = multiplicative((k) => (k % 2 === 0 ? 0.5 : 1));
    expect(s.lr(4, 1)).toBe(0.25);
    expect(s.lr(1, 1)).toBe(1);
    expect(s.lr(2.7, 1)).toBe(0.5);
    expect(s.lr(0, 3)).toBe(3);
    expect(s.lr(4, 1)).toBe(0.25);
  });
});

describe('warmup', () => {
  it('is continuous with the schedule it wraps', () => {
    const s = warmup({ steps: 5, startFactor: 0.1 }, cosine({ tMax: 10 }));
    expectValues(s, 1, [[0, 0.1], [2.5, 0.55], [5, 1], [10, 0.5], [15, 0]]);
    expect(Math.abs(s.lr(5 - 1e-9, 1) - s.lr(5, 1))).toBeLessThan(1e-9);
  });
  it('warms up to the wrapped schedule’s own starting rate (e.g. one-cycle’s start rate)', () => {
    const s = warmup({ steps: 4 }, oneCycle({ totalSteps: 100, maxLr: 1 }));
    expectValues(s, 1, [[0, 0], [2, 0.02], [4, 0.04]]);
    expect(s.momentum!(0, 0)).toBe(0.95); // the wrapped momentum held at its start during the warmup
    expect(s.momentum!(4 + 29, 0)).toBeCloseTo(0.85, 15);
  });
  it('zero steps is the schedule itself', () => {
    const inner = sgdr({ t0: 7 });
    const s = warmup({ steps: 0 }, inner);
    for (const t of [0, 3.5, 7, 100]) expect(s.lr(t, 1)).toBe(inner.lr(t, 1));
  });
});

describe('sequence', () => {
  it('each schedule starts at its own step 0 at its milestone', () => {
    const s = sequence([linear({ startFactor: 0.1, totalIters: 5 }), cosine({ tMax: 10 })], { milestones: [5] });
    expectValues(s, 1, [[0, 0.1], [2.5, 0.55], [4.999, s.lr(4.999, 1)], [5, 1], [10, 0.5], [15, 0]]);
    expect(s.lr(4.999, 1)).toBeLessThan(1);
  });
  it('a repeated milestone skips the schedule between them; the last one runs forever', () => {
    const s = sequence([constant({ factor: 0.5 }), constant({ factor: 0.1 }), exponential({ gamma: 0.5 })], { milestones: [3, 3] });
    expectValues(s, 1, [[2, 0.5], [3, 1], [4, 0.5], [13, 2 ** -10]]);
  });
  it('momentum only when every part has it', () => {
    const both = sequence([oneCycle({ totalSteps: 10 }), cyclic({ maxLr: 1 })], { milestones: [10] });
    expect(both.momentum!(0, 0)).toBe(0.95);
    expect(both.momentum!(10, 0)).toBe(0.9);
    expect(sequence([oneCycle({ totalSteps: 10 }), cosine({ tMax: 3 })], { milestones: [10] }).momentum).toBeUndefined();
  });
});

describe('chain', () => {
  it('the product of multiplicative schedules (PyTorch’s ChainedScheduler)', () => {
    // step at 3: 0.5; exponential at 3: 0.9³ = 0.729
    expectValues(chain([step({ stepSize: 3, gamma: 0.5 }), exponential({ gamma: 0.9 })]), 2, [[3, 2 * 0.5 * 0.729], [2, 2 * 0.81]]);
  });
  it('each schedule gets the previous rate as its base rate', () => {
    // constant halves 1 → 0.5; the cosine runs from 0.5 down to 0.01: at 5, 0.01 + 0.49 / 2
    expectValues(chain([constant({ factor: 0.5 }), cosine({ tMax: 10, etaMin: 0.01 })]), 1, [[0, 0.5], [5, 0.255], [10, 0.01]]);
  });
  it('needs at least one schedule', () => {
    expect(() => chain([])).toThrow(InvalidParameterError);
  });
});

describe('sampleSchedule', () => {
  it('samples at from + i · stepSize into a Float64Array', () => {
    const out = sampleSchedule(cosine({ tMax: 4 }), { points: 5 });
    expect(out).toBeInstanceOf(Float64Array);
    const want = [1, (1 + Math.SQRT1_2) / 2, 0.5, (1 - Math.SQRT1_2) / 2, 0];
    out.forEach((v, i) => expectClose(v, want[i]!, 4e-16, 1));
    expect(Array.from(sampleSchedule(step({ stepSize: 10, gamma: 0.5 }), { points: 3, from: 5, stepSize: 5, baseLr: 4 }))).toEqual([4, 2, 2]);
  });
  it('refuses zero points', () => {
    expect(() => sampleSchedule(cosine({ tMax: 4 }), { points: 0 })).toThrow(InvalidParameterError);
  });
});

describe('JSON', () => {
  it('toJSON spells every option with its default', () => {
    expect(cosine({ tMax: 20 }).toJSON()).toEqual({ type: 'cosine', tMax: 20, etaMin: 0, clamp: false });
    expect(constant().toJSON()).toEqual({ type: 'constant', factor: 1 });
    expect(warmup({ steps: 3 }, step({ stepSize: 2 })).toJSON()).toEqual({ type: 'warmup', steps: 3, startFactor: 0, schedule: { type: 'step', stepSize: 2, gamma: 0.1 } });
  });
  it('PyTorch spelling maps to the pure schedules with PyTorch’s defaults', () => {
    expect(scheduleFromJSON({ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 20, eta_min: 0.001 } }).toJSON()).toEqual({ type: 'cosine', tMax: 20, etaMin: 0.001, clamp: false });
    expect(scheduleFromJSON({ scheduler: 'ConstantLR' }).toJSON()).toEqual({ type: 'constant', factor: 1 / 3, totalIters: 5 });
    expect(scheduleFromJSON({ scheduler: 'CosineAnnealingWarmRestarts', kwargs: { T_0: 10, T_mult: 2 } }).lr(30, 1)).toBe(1);
    expect(scheduleFromJSON({ scheduler: 'MultiStepLR', kwargs: { milestones: [9, 2, 5] } }).toJSON()).toEqual({ type: 'multiStep', milestones: [2, 5, 9], gamma: 0.1 });
    const seq = scheduleFromJSON({ scheduler: 'SequentialLR', kwargs: { milestones: [5], schedulers: [{ scheduler: 'LinearLR', kwargs: { start_factor: 0.1, total_iters: 5 } }, { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }] } });
    expectValues(seq, 1, [[0, 0.1], [5, 1], [7, 0.25]]);
  });
  it('knows every schedule type', () => {
    expect([...SCHEDULE_TYPES].sort()).toEqual(['chain', 'constant', 'cooldown', 'cosine', 'cyclic', 'exponential', 'inverseSqrt', 'linear', 'multiStep', 'noise', 'oneCycle', 'piecewiseConstant', 'piecewiseInterpolate', 'polynomial', 'sequence', 'sgdr', 'step', 'warmup', 'wsd']);
  });
});

describe('createSchedule', () => {
  it('builds a frozen schedule with the shared argument checks', () => {
    const half = createSchedule({ type: 'half', spec: null, lr: (_t, b) => b / 2 });
    expect(Object.isFrozen(half)).toBe(true);
    expect(half.lr(3, 1)).toBe(0.5);
    expect(() => half.lr(-1, 1)).toThrow(InvalidParameterError);
    expect(() => half.toJSON()).toThrow(NotSerializableError);
    expect(() => (half as { type: string }).type = 'x').toThrow(TypeError);
  });
});
