/**
 * Item 3: SGDR at step 2^40 costs what it costs at step 3, i.e. the cycle is located in O(1)
 * (a logarithm and an exact correction), not by walking the cycles.
 */
import { sgdr } from '@anneal/core';
import { RING_MASK } from '../harness.js';
import type { BenchCase } from './types.js';

/**
 * SGDR (`tMult = 2`) queried at 16 steps near 3 and at the 16 steps that sit at the same positions of
 * a cycle near 2^40: the same cosine arguments on both sides (a cosine of a tiny angle is cheaper than
 * of a large one), so the ratio isolates how locating the cycle scales with the step.
 */
function farCase(t0: number, label: string, target: BenchCase['target']): BenchCase {
  // Near: t = 3 + j/4, in cycle c (t0 = 1: c = 2, [3, 7); t0 = 10: c = 0, [0, 10)).
  // Far: cycle k, starting at S(k) = t0·(2^k − 1), at the same fraction of its length t0·2^k.
  const cNear = t0 === 1 ? 2 : 0;
  const sNear = t0 * (2 ** cNear - 1);
  const k = t0 === 1 ? 40 : 36;
  const sFar = t0 * (2 ** k - 1);
  const near = Array.from({ length: 16 }, (_, j) => 3 + j / 4);
  const far = near.map((t) => sFar + (t - sNear) * 2 ** (k - cNear));
  return {
    id: `sgdr-far-t0-${t0}`,
    item: '3',
    title: `sgdr({ t0: ${t0}, tMult: 2 }).lr near 2^40 vs near 3${label}`,
    subjectLabel: `lr(t), t ≈ ${far[0]!.toExponential(2)}`,
    baselineLabel: 'lr(t), t = 3 … 6.75',
    unit: 'call',
    target,
    verifyIterations: 0,
    setup() {
      const s = sgdr({ t0, tMult: 2, etaMin: 1e-5 });
      const farTs = Float64Array.from(far);
      const nearTs = Float64Array.from(near);
      return {
        subject(n, out) {
          for (let i = 0; i < n; i++) out[i & RING_MASK] = s.lr(farTs[i & 15]!, 0.1);
        },
        baseline(n, out) {
          for (let i = 0; i < n; i++) out[i & RING_MASK] = s.lr(nearTs[i & 15]!, 0.1);
        },
      };
    },
  };
}

/**
 * Item 3 cases. With `t0 = 1`, step 3 starts the third cycle, so both sides take the general path
 * (logarithm + exact correction): the ratio shows whether the cost grows with the step (the target).
 * With `t0 = 10`, step 3 lies in the first cycle, which `restartPosition` answers without the
 * logarithm: that row shows the fixed price of the general path (information only).
 */
export const farStepCases: readonly BenchCase[] = [
  farCase(1, ' (same positions in cycles 40 and 2)', { kind: 'approx', lo: 0.8, hi: 1.25 }),
  farCase(10, ' (cycle 36 vs cycle 0, a shortcut)', { kind: 'info' }),
];
