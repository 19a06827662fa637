/**
 * Item 1: a pure schedule's `lr(t, baseLr)` against the same formula written inline in the loop.
 *
 * Every loop walks `t = 0, 1, …, period − 1, 0, 1, …` with a wrapping counter (no `%`), and each
 * case has its own loop functions, so every call site sees one schedule, as in a training loop.
 */
import { chain, constant, cosine, exponential, oneCycle, sequence, sgdr, warmup } from '@anneal/core';
import { RING_MASK } from '../harness.js';
import type { BenchCase } from './types.js';

const BASE = 0.1;
/** 2^0 … 2^1023, exact. */
const POW2: readonly number[] = Array.from({ length: 1024 }, (_, i) => 2 ** i);
const LE_1_5: BenchCase['target'] = { kind: 'max', value: 1.5 };
/** The length of each case's walk over the steps (its samples run whole walks: `MeasureOptions.period`). */
const COSINE_PERIOD = 10_000;
const SGDR_PERIOD = 10_000;
const ONE_CYCLE_STEPS = 10_000;
const COMPOSITION_PERIOD = 8_000;

const cosineCase: BenchCase = {
  id: 'closed-cosine',
  item: '1',
  title: 'cosine({ tMax: 1000 }).lr',
  subjectLabel: 'schedule.lr(t, 0.1)',
  baselineLabel: 'inline cosine formula',
  unit: 'call',
  target: LE_1_5,
  measure: { period: COSINE_PERIOD },
  verifyIterations: 10_000,
  setup() {
    const tMax = 1000;
    const etaMin = 1e-5;
    const period = COSINE_PERIOD;
    const s = cosine({ tMax, etaMin });
    return {
      subject(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          out[i & RING_MASK] = s.lr(t, BASE);
          if (++t === period) t = 0;
        }
      },
      baseline(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          out[i & RING_MASK] = etaMin + ((BASE - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
          if (++t === period) t = 0;
        }
      },
    };
  },
};

const sgdrCase: BenchCase = {
  id: 'closed-sgdr',
  item: '1',
  title: 'sgdr({ t0: 10, tMult: 2 }).lr',
  subjectLabel: 'schedule.lr(t, 0.1)',
  baselineLabel: 'inline log2 cycle + cosine',
  unit: 'call',
  target: LE_1_5,
  measure: { period: SGDR_PERIOD },
  verifyIterations: 10_000,
  setup() {
    const t0 = 10;
    const etaMin = 1e-5;
    const period = SGDR_PERIOD;
    const s = sgdr({ t0, tMult: 2, etaMin });
    return {
      subject(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          out[i & RING_MASK] = s.lr(t, BASE);
          if (++t === period) t = 0;
        }
      },
      baseline(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          // Cycle c starts at t0·(2^c − 1) and lasts t0·2^c: log2 gives c, one exact comparison fixes
          // rounding; 2^c comes from a table (V8's `**` costs ~100 ns, ten times Math.cos).
          let c = Math.floor(Math.log2(t / t0 + 1));
          if (t0 * (POW2[c]! - 1) > t) c--;
          else if (t0 * (POW2[c + 1]! - 1) <= t) c++;
          const p = POW2[c]!;
          out[i & RING_MASK] = etaMin + ((BASE - etaMin) * (1 + Math.cos((Math.PI * (t - t0 * (p - 1))) / (t0 * p)))) / 2;
          if (++t === period) t = 0;
        }
      },
    };
  },
};

const oneCycleCase: BenchCase = {
  id: 'closed-onecycle',
  item: '1',
  title: 'oneCycle({ totalSteps: 10000 }).lr',
  subjectLabel: 'schedule.lr(t, 0.1)',
  baselineLabel: 'inline two-phase cosine',
  unit: 'call',
  target: LE_1_5,
  measure: { period: ONE_CYCLE_STEPS },
  verifyIterations: 10_000,
  setup() {
    const totalSteps = ONE_CYCLE_STEPS;
    const s = oneCycle({ totalSteps });
    const peak = BASE;
    const start = peak / 25;
    const final = start / 1e4;
    const e0 = 0.3 * totalSteps - 1;
    const e1 = totalSteps - 1;
    return {
      subject(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          out[i & RING_MASK] = s.lr(t, BASE);
          if (++t === totalSteps) t = 0;
        }
      },
      baseline(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          let v: number;
          if (t <= e0) {
            v = peak + ((start - peak) / 2) * (Math.cos(Math.PI * (t / e0)) + 1);
          } else {
            const pct = Math.min(1, (t - e0) / (e1 - e0));
            v = final + ((peak - final) / 2) * (Math.cos(Math.PI * pct) + 1);
          }
          out[i & RING_MASK] = v;
          if (++t === totalSteps) t = 0;
        }
      },
    };
  },
};

const compositionCase: BenchCase = {
  id: 'closed-composition',
  item: '1',
  title: 'warmup(sequence([cosine, chain([constant, exponential])]))',
  subjectLabel: 'schedule.lr(t, 0.1)',
  baselineLabel: 'inline if/else of the three phases',
  unit: 'call',
  target: LE_1_5,
  measure: { period: COMPOSITION_PERIOD },
  verifyIterations: 8_000,
  setup() {
    const warm = 500;
    const tMax = 5000;
    const etaMin = 1e-5;
    const period = COMPOSITION_PERIOD;
    const s = warmup(
      { steps: warm, startFactor: 0.01 },
      sequence([cosine({ tMax, etaMin, clamp: true }), chain([constant({ factor: 0.5 }), exponential({ gamma: 0.999 })])], {
        milestones: [tMax],
      }),
    );
    return {
      subject(n, out) {
        let t = 0;
        for (let i = 0; i < n; i++) {
          out[i & RING_MASK] = s.lr(t, BASE);
          if (++t === period) t = 0;
        }
      },
      baseline(n, out) {
        // The rate the warmup ramps towards: the cosine at its own step 0 (hoisted, as one would by hand).
        const top = etaMin + ((BASE - etaMin) * (1 + Math.cos(0))) / 2;
        let t = 0;
        for (let i = 0; i < n; i++) {
          let v: number;
          if (t < warm) {
            v = top * (0.01 + ((1 - 0.01) * Math.min(warm, t)) / warm);
          } else {
            const u = t - warm;
            if (u < tMax) v = etaMin + ((BASE - etaMin) * (1 + Math.cos((Math.PI * u) / tMax))) / 2;
            else v = BASE * 0.5 * 0.999 ** (u - tMax);
          }
          out[i & RING_MASK] = v;
          if (++t === period) t = 0;
        }
      },
    };
  },
};

/** Item 1 cases. */
export const closedFormCases: readonly BenchCase[] = [cosineCase, sgdrCase, oneCycleCase, compositionCase];
