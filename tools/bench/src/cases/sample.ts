/**
 * Item 4: `sampleSchedule(schedule, { points: 10^6 })` into a fresh Float64Array, against the bare
 * loop filling a fresh Float64Array with the same formula. One iteration = one million points.
 */
import { cosine, sampleSchedule } from '@anneal/core';
import { RING_MASK } from '../harness.js';
import type { BenchCase } from './types.js';

const POINTS = 1_000_000;

function sampleCase(id: string, baselineLabel: string, inline: boolean): BenchCase {
  return {
    id,
    item: '4',
    title: `sampleSchedule(cosine, { points: 1e6 }) vs ${inline ? 'bare loop' : 'loop calling lr()'}`,
    subjectLabel: 'sampleSchedule(...)',
    baselineLabel,
    unit: '1e6 points',
    target: { kind: 'max', value: 1.5 },
    verifyIterations: 1,
    measure: { sampleMs: 20, samples: 25 },
    setup() {
      const tMax = 250_000;
      const etaMin = 1e-5;
      const s = cosine({ tMax, etaMin });
      return {
        subject(n, out) {
          for (let i = 0; i < n; i++) {
            const a = sampleSchedule(s, { points: POINTS, baseLr: 0.1 });
            for (let j = 0; j < 64; j++) out[(i * 64 + j) & RING_MASK] = a[j * 15_601]!;
          }
        },
        baseline: inline
          ? (n, out) => {
              for (let i = 0; i < n; i++) {
                const a = new Float64Array(POINTS);
                for (let t = 0; t < POINTS; t++) a[t] = etaMin + ((0.1 - etaMin) * (1 + Math.cos((Math.PI * t) / tMax))) / 2;
                for (let j = 0; j < 64; j++) out[(i * 64 + j) & RING_MASK] = a[j * 15_601]!;
              }
            }
          : (n, out) => {
              for (let i = 0; i < n; i++) {
                const a = new Float64Array(POINTS);
                for (let t = 0; t < POINTS; t++) a[t] = s.lr(t, 0.1);
                for (let j = 0; j < 64; j++) out[(i * 64 + j) & RING_MASK] = a[j * 15_601]!;
              }
            },
      };
    },
  };
}

/** Item 4 cases: against the hand-inlined formula (the target), and against a loop over `lr()` (for information). */
export const sampleCases: readonly BenchCase[] = [
  sampleCase('sample-1e6', 'new Float64Array + inline formula', true),
  sampleCase('sample-1e6-lr-loop', 'new Float64Array + lr() loop', false),
];
