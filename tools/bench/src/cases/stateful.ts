/**
 * Item 2: a stateful scheduler's `step()` against a hand-written loop that keeps the same state
 * (a step counter, or SGDR's `tCur`/`tI`) and writes the same values into the same kind of
 * parameter-group objects. With 1 and with 8 groups.
 */
import { cosine } from '@anneal/core';
import { CosineAnnealingLR, CosineAnnealingWarmRestarts, OneCycleLR, ScheduleLR, type ParamGroup } from '@anneal/core/schedulers';
import { RING_MASK } from '../harness.js';
import type { BenchCase, CaseLoops } from './types.js';

const LE_2: BenchCase['target'] = { kind: 'max', value: 2 };

/** `k` groups with distinct base rates, the way an optimizer would hold them. */
function makeGroups(k: number, momentum: boolean): ParamGroup[] {
  return Array.from({ length: k }, (_, g) => {
    const group: ParamGroup = { lr: 0.1 * (1 + g / 8) };
    if (momentum) group.momentum = 0.9;
    return group;
  });
}

function snapshot(groups: readonly ParamGroup[]): () => number[] {
  return () => groups.flatMap((g) => [g.lr, g.momentum ?? 0]);
}

function cosineAnnealingLR(k: number): CaseLoops {
  const tMax = 1000;
  const etaMin = 1e-5;
  const sGroups = makeGroups(k, false);
  const sched = new CosineAnnealingLR({ paramGroups: sGroups }, { tMax, etaMin });
  const sLast = sGroups[k - 1]!;
  const bGroups = makeGroups(k, false);
  for (const g of bGroups) g.initialLr = g.lr;
  const bases = bGroups.map((g) => g.initialLr!);
  const bLast = bGroups[k - 1]!;
  let e = -1;
  const baseline = (n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      e++;
      if (e !== 0) {
        // PyTorch's recursive update; the restart branch is Python's (e − 1 − tMax) mod 2·tMax == 0.
        let m = (e - 1 - tMax) % (2 * tMax);
        if (m < 0) m += 2 * tMax;
        if (m === 0) {
          for (let g = 0; g < k; g++) {
            const grp = bGroups[g]!;
            grp.lr = grp.lr + ((bases[g]! - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
          }
        } else {
          const f = (1 + Math.cos((Math.PI * e) / tMax)) / (1 + Math.cos((Math.PI * (e - 1)) / tMax));
          for (let g = 0; g < k; g++) {
            const grp = bGroups[g]!;
            grp.lr = f * (grp.lr - etaMin) + etaMin;
          }
        }
      }
      out[i & RING_MASK] = bLast.lr;
    }
  };
  baseline(1, new Float64Array(1)); // the initial step construction performs
  return {
    subject(n, out) {
      for (let i = 0; i < n; i++) {
        sched.step();
        out[i & RING_MASK] = sLast.lr;
      }
    },
    baseline,
    subjectState: snapshot(sGroups),
    baselineState: snapshot(bGroups),
  };
}

function warmRestarts(k: number): CaseLoops {
  const t0 = 10;
  const tMult = 2;
  const etaMin = 1e-5;
  const sGroups = makeGroups(k, false);
  const sched = new CosineAnnealingWarmRestarts({ paramGroups: sGroups }, { t0, tMult, etaMin });
  const sLast = sGroups[k - 1]!;
  const bGroups = makeGroups(k, false);
  const bases = bGroups.map((g) => g.lr);
  const bLast = bGroups[k - 1]!;
  let tCur = -1;
  let tI = t0;
  const baseline = (n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      tCur++;
      if (tCur >= tI) {
        tCur -= tI;
        tI *= tMult;
      }
      const c = 1 + Math.cos((Math.PI * tCur) / tI);
      for (let g = 0; g < k; g++) bGroups[g]!.lr = etaMin + ((bases[g]! - etaMin) * c) / 2;
      out[i & RING_MASK] = bLast.lr;
    }
  };
  baseline(1, new Float64Array(1));
  return {
    subject(n, out) {
      for (let i = 0; i < n; i++) {
        sched.step();
        out[i & RING_MASK] = sLast.lr;
      }
    },
    baseline,
    subjectState: snapshot(sGroups),
    baselineState: snapshot(bGroups),
  };
}

function oneCycleLR(k: number): CaseLoops {
  // The run is rewound to step 0 every `totalSteps` steps (lastEpoch = -1), in both loops.
  const totalSteps = 10_000;
  const maxLr = 0.1;
  const sGroups = makeGroups(k, true);
  const sched = new OneCycleLR({ paramGroups: sGroups }, { maxLr, totalSteps });
  const sLast = sGroups[k - 1]!;
  const bGroups = makeGroups(k, true);
  const bLast = bGroups[k - 1]!;
  // Per-group endpoints, precomputed as a hand-written loop would (every group may have its own maxLr).
  const peaks = bGroups.map(() => maxLr);
  const starts = peaks.map((p) => p / 25);
  const finals = starts.map((s) => s / 1e4);
  const e0 = 0.3 * totalSteps - 1;
  const e1 = totalSteps - 1;
  const mMax = 0.95;
  const mBase = 0.85;
  for (let g = 0; g < k; g++) bGroups[g]!.initialLr = starts[g]!;
  let e = -1;
  const baseline = (n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      if (e === totalSteps - 1) e = -1;
      e++;
      if (e <= e0) {
        const c = Math.cos(Math.PI * (e / e0)) + 1;
        for (let g = 0; g < k; g++) {
          const grp = bGroups[g]!;
          grp.momentum = mBase + ((mMax - mBase) / 2) * c;
          grp.lr = peaks[g]! + ((starts[g]! - peaks[g]!) / 2) * c;
        }
      } else {
        const c = Math.cos(Math.PI * ((e - e0) / (e1 - e0))) + 1;
        for (let g = 0; g < k; g++) {
          const grp = bGroups[g]!;
          grp.momentum = mMax + ((mBase - mMax) / 2) * c;
          grp.lr = finals[g]! + ((peaks[g]! - finals[g]!) / 2) * c;
        }
      }
      out[i & RING_MASK] = bLast.lr;
    }
  };
  baseline(1, new Float64Array(1));
  return {
    subject(n, out) {
      for (let i = 0; i < n; i++) {
        if (sched.lastEpoch === totalSteps - 1) sched.lastEpoch = -1;
        sched.step();
        out[i & RING_MASK] = sLast.lr;
      }
    },
    baseline,
    subjectState: snapshot(sGroups),
    baselineState: snapshot(bGroups),
  };
}

function scheduleLR(k: number): CaseLoops {
  const tMax = 1000;
  const etaMin = 0;
  const sGroups = makeGroups(k, false);
  const sched = new ScheduleLR({ paramGroups: sGroups }, cosine({ tMax }));
  const sLast = sGroups[k - 1]!;
  const bGroups = makeGroups(k, false);
  const bases = bGroups.map((g) => g.lr);
  const bLast = bGroups[k - 1]!;
  let e = -1;
  const baseline = (n: number, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      e++;
      for (let g = 0; g < k; g++) {
        bGroups[g]!.lr = etaMin + ((bases[g]! - etaMin) * (1 + Math.cos((Math.PI * e) / tMax))) / 2;
      }
      out[i & RING_MASK] = bLast.lr;
    }
  };
  baseline(1, new Float64Array(1));
  return {
    subject(n, out) {
      for (let i = 0; i < n; i++) {
        sched.step();
        out[i & RING_MASK] = sLast.lr;
      }
    },
    baseline,
    subjectState: snapshot(sGroups),
    baselineState: snapshot(bGroups),
  };
}

interface StatefulKind {
  id: string;
  title: string;
  baselineLabel: string;
  torchId: string;
  build: (k: number) => CaseLoops;
}

const kinds: readonly StatefulKind[] = [
  {
    id: 'cosine-annealing-lr',
    title: 'CosineAnnealingLR({ tMax: 1000 }).step()',
    baselineLabel: 'inline recursive cosine update',
    torchId: 'CosineAnnealingLR',
    build: cosineAnnealingLR,
  },
  {
    id: 'warm-restarts',
    title: 'CosineAnnealingWarmRestarts({ t0: 10, tMult: 2 }).step()',
    baselineLabel: 'inline tCur/tI update + cosine',
    torchId: 'CosineAnnealingWarmRestarts',
    build: warmRestarts,
  },
  {
    id: 'one-cycle-lr',
    title: 'OneCycleLR({ maxLr: 0.1, totalSteps: 10000 }).step()',
    baselineLabel: 'inline two-phase lr + momentum',
    torchId: 'OneCycleLR',
    build: oneCycleLR,
  },
  {
    id: 'schedule-lr',
    title: 'ScheduleLR(cosine({ tMax: 1000 })).step()',
    baselineLabel: 'inline cosine per group',
    torchId: 'LambdaLR',
    build: scheduleLR,
  },
];

/** Item 2 cases: each kind with 1 and with 8 parameter groups. */
export const statefulCases: readonly BenchCase[] = kinds.flatMap((kind) =>
  [1, 8].map(
    (k): BenchCase => ({
      id: `step-${kind.id}-${k}`,
      item: '2',
      title: `${kind.title}, ${k} group${k === 1 ? '' : 's'}`,
      subjectLabel: 'scheduler.step()',
      baselineLabel: kind.baselineLabel,
      unit: 'step',
      target: LE_2,
      verifyIterations: 25_000,
      torchId: `${kind.torchId}-${k}`,
      setup: () => kind.build(k),
    }),
  ),
);
