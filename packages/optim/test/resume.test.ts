// Resuming on a fresh rate target: the same scheduler (here from PyTorch-spelled JSON through bindSchedule,
// and built by hand on asOptimizerLike), its state loaded from JSON, gives the target the saved rate and
// momentum at once and then the uninterrupted run's values, bit for bit, for every PyTorch scheduler class.
import { describe, expect, it } from 'vitest';
import { CosineAnnealingLR, ExponentialLR, OneCycleLR, type SchedulerState } from '@anneal/core/schedulers';
import { TORCH_SCHEDULERS, schedulerFromJSON } from '@anneal/core/json';
import { asOptimizerLike, bindSchedule, SGD, parameter } from '../src/index.js';

const SPECS: Record<string, Record<string, unknown>> = {
  StepLR: { step_size: 3, gamma: 0.5 },
  MultiStepLR: { milestones: [2, 5, 11], gamma: 0.3 },
  ConstantLR: { factor: 0.5, total_iters: 4 },
  LinearLR: { start_factor: 0.2, total_iters: 5 },
  ExponentialLR: { gamma: 0.9 },
  PolynomialLR: { total_iters: 8, power: 2 },
  CosineAnnealingLR: { T_max: 10, eta_min: 0.001 },
  CosineAnnealingWarmRestarts: { T_0: 3, T_mult: 2 },
  CyclicLR: { base_lr: 0.01, max_lr: 0.1, step_size_up: 3, mode: 'triangular2' },
  OneCycleLR: { max_lr: 0.2, total_steps: 30 },
  ReduceLROnPlateau: { mode: 'max', patience: 0, factor: 0.5 },
  SequentialLR: { schedulers: [{ scheduler: 'LinearLR', kwargs: { start_factor: 0.2, total_iters: 3 } }, { scheduler: 'ExponentialLR', kwargs: { gamma: 0.8 } }], milestones: [4] },
  ChainedScheduler: { schedulers: [{ scheduler: 'ExponentialLR', kwargs: { gamma: 0.9 } }, { scheduler: 'StepLR', kwargs: { step_size: 4, gamma: 0.5 } }] },
};

const metric = (i: number) => Math.sin(i); // ReduceLROnPlateau's
const step = (binding: { step(...args: never[]): void }, kind: string, i: number) =>
  kind === 'ReduceLROnPlateau' ? (binding.step as (m: number) => void)(metric(i)) : (binding.step as () => void)();

describe('resumed on a fresh target equals uninterrupted, bit for bit (PyTorch JSON through bindSchedule)', () => {
  it('covers every PyTorch class', () => expect(Object.keys(SPECS).sort()).toEqual([...TORCH_SCHEDULERS].sort()));
  for (const [kind, kwargs] of Object.entries(SPECS)) {
    for (const stop of [0, 1, 7, 13]) {
      it(`${kind}, interrupted after ${stop} steps`, () => {
        const json = { scheduler: kind, kwargs };
        const a = { lr: 0.1, momentum: 0.9 };
        const full = bindSchedule(a, json);
        const seen: Array<[number, number]> = [[a.lr, a.momentum]];
        for (let i = 0; i < 20; i++) {
          step(full, kind, i);
          seen.push([a.lr, a.momentum]);
        }
        const b = { lr: 0.1, momentum: 0.9 };
        const first = bindSchedule(b, json);
        for (let i = 0; i < stop; i++) step(first, kind, i);
        const saved = JSON.stringify(first.scheduler.stateDict());
        const c = { lr: 0.1, momentum: 0.9 }; // fresh: nothing restores its rate but the scheduler's state
        const resumed = bindSchedule(c, json);
        resumed.scheduler.loadStateDict(JSON.parse(saved) as SchedulerState);
        const got: Array<[number, number]> = [[c.lr, c.momentum]];
        for (let i = stop; i < 20; i++) {
          step(resumed, kind, i);
          got.push([c.lr, c.momentum]);
        }
        got.forEach(([lr, m], k) => {
          expect(Object.is(lr, seen[stop + k]![0]), `lr at step ${stop + k}: ${lr} vs ${seen[stop + k]![0]}`).toBe(true);
          expect(Object.is(m, seen[stop + k]![1]), `momentum at step ${stop + k}`).toBe(true);
        });
      });
    }
  }
});

describe('the PyTorch recipe on asOptimizerLike and on the reference SGD', () => {
  it("ExponentialLR on a { learningRate } field: loadStateDict writes 0.5 · 0.8^4 back (the issue's 0.2048)", () => {
    const trainOpts = { learningRate: 0.5 };
    const s = new ExponentialLR(asOptimizerLike(trainOpts), { gamma: 0.8 });
    for (let i = 0; i < 4; i++) s.step();
    const fresh = { learningRate: 0.5 };
    new ExponentialLR(asOptimizerLike(fresh), { gamma: 0.8 }).loadStateDict(JSON.parse(JSON.stringify(s.stateDict())) as SchedulerState);
    expect(fresh.learningRate).toBe(0.5 * 0.8 * 0.8 * 0.8 * 0.8);
  });

  it('OneCycleLR on SGD with momentum: the saved rate and momentum come back before optimizer.loadStateDict', () => {
    const make = () => new SGD([parameter([1, 2])], { lr: 0.1, momentum: 0.9 });
    const a = make();
    const s = new OneCycleLR(a, { maxLr: 0.4, totalSteps: 20 });
    for (let i = 0; i < 6; i++) s.step();
    const b = make();
    new OneCycleLR(b, { maxLr: 0.4, totalSteps: 20 }).loadStateDict(JSON.parse(JSON.stringify(s.stateDict())) as SchedulerState);
    expect(b.paramGroups[0]!.lr).toBe(a.paramGroups[0]!.lr);
    expect(b.paramGroups[0]!.momentum).toBe(a.paramGroups[0]!.momentum);
    b.loadStateDict(a.stateDict());
    expect(b.paramGroups[0]!.lr).toBe(a.paramGroups[0]!.lr);
  });

  it('a schedulerFromJSON scheduler built on asOptimizerLike resumes the same way', () => {
    const json = { scheduler: 'CosineAnnealingLR', kwargs: { T_max: 10 } };
    const s = schedulerFromJSON(asOptimizerLike({ lr: 0.3 }), json) as CosineAnnealingLR;
    for (let i = 0; i < 3; i++) s.step();
    const fresh = { lr: 0.3 };
    schedulerFromJSON(asOptimizerLike(fresh), json).loadStateDict(s.stateDict());
    expect(fresh.lr).toBe(s.getLastLr()[0]);
  });
});
