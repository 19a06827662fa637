// The table of refusals and knowing differences (scripts/pytorch-differences.ts) against the code: every row has
// a check here (the compiler demands one per id), every refused case recorded from PyTorch belongs to
// exactly one refusal row, and the README and the migration guide show exactly the table.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclic, oneCycle } from '../src/index.js';
import {
  ConstantLR,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LinearLR,
  MultiStepLR,
  OneCycleLR,
  PolynomialLR,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
} from '../src/schedulers.js';
import { InvalidParameterError, NonFiniteRateError, StateDictError } from '../src/errors.js';
import { DIFFERENCE_IDS, PYTORCH_DIFFERENCES, type DifferenceId } from '../scripts/pytorch-differences.js';
import { replayTrace, TRACE_TOLERANCE } from '../src/replay.js';
import { staleDifferenceDocuments } from '../scripts/differences.js';
import { adam, lrs, sgd } from './helpers.js';

const fixtures = join(__dirname, 'fixtures');
/** The refused inputs, recorded from each PyTorch version. */
const REFUSED_FILES = [join(fixtures, 'traces-refused', 'refusals.json'), join(fixtures, 'traces-torch2', 'refusals.json')];
/** Every case name recorded anywhere, refused or replayed. */
function recordedCaseNames(): Set<string> {
  const names = new Set<string>();
  for (const dir of ['traces', 'traces-refused', 'traces-torch2']) {
    for (const f of readdirSync(join(fixtures, dir)).filter((x) => x.endsWith('.json'))) {
      for (const c of JSON.parse(readFileSync(join(fixtures, dir, f), 'utf8')).cases) names.add(c.name);
    }
  }
  return names;
}

const refused = (name: string, build: () => unknown) => expect(build).toThrow(new RegExp(`^${name.replace(/[[\]]/g, '\\$&')} must be`));

const sub = (kind: 'exp' | 'step', opt = sgd([0.1])) => (kind === 'exp' ? new ExponentialLR(opt, { gamma: 0.9 }) : new StepLR(opt, { stepSize: 2 }));

/** One check per row: the behaviour the row states, on anneal's own API (the PyTorch spelling is covered by the recorded cases). */
const CHECKS: Record<DifferenceId, () => void> = {
  'negative-length': () => {
    refused('stepSize', () => new StepLR(sgd([0.1]), { stepSize: -2 }));
    refused('stepSize', () => new StepLR(sgd([0.1]), { stepSize: 0 }));
    refused('totalIters', () => new ConstantLR(sgd([0.1]), { factor: 0.5, totalIters: -2 }));
    refused('totalIters', () => new LinearLR(sgd([0.1]), { totalIters: -3 }));
    refused('totalIters', () => new PolynomialLR(sgd([0.1]), { totalIters: 0 }));
    refused('tMax', () => new CosineAnnealingLR(sgd([0.1]), { tMax: -4 }));
    refused('stepSizeUp', () => new CyclicLR(sgd([0.1], 0.9), { baseLr: 0.001, maxLr: 0.1, stepSizeUp: -2 }));
    refused('cooldown', () => new ReduceLROnPlateau(sgd([0.1]), { cooldown: -2 }));
    expect(lrs(new ConstantLR(sgd([0.1]), { factor: 0.5, totalIters: 0 }).optimizer)).toEqual([0.05]); // 0 runs, with PyTorch's value
  },
  'last-epoch-below-minus-one': () => {
    const opt = sgd([0.1]);
    opt.paramGroups[0]!.initialLr = 0.1;
    refused('lastEpoch', () => new StepLR(opt, { stepSize: 2, lastEpoch: -3 }));
  },
  'sequential-negative-milestone': () => {
    const opt = sgd([0.1]);
    refused('milestones[0]', () => new SequentialLR(opt, { schedulers: [sub('exp', opt), sub('step', opt)], milestones: [-1] }));
    const unsorted = sgd([0.1]);
    const s = new SequentialLR(unsorted, { schedulers: [sub('exp', unsorted), sub('step', unsorted), sub('exp', unsorted)], milestones: [5, 2] });
    expect(s.milestones).toEqual([5, 2]); // runs, as in PyTorch
  },
  'sequential-nested-composite': () => {
    const opt = sgd([0.1]);
    const inner = new SequentialLR(opt, { schedulers: [sub('exp', opt), sub('step', opt)], milestones: [3] });
    refused('schedulers', () => new SequentialLR(opt, { schedulers: [inner as never, sub('step', opt)], milestones: [6] }));
  },
  'multistep-negative-milestone': () => {
    refused('milestones[0]', () => new MultiStepLR(sgd([0.1]), { milestones: [-1, 3] }));
  },
  'recursive-zero-factor': () => {
    refused('factor', () => new ConstantLR(sgd([0.1]), { factor: 0, totalIters: 3 }));
    refused('startFactor', () => new LinearLR(sgd([0.1]), { startFactor: 0, totalIters: 4 }));
    const opt = sgd([0.1]);
    const s = new ConstantLR(opt, { factor: 0, totalIters: 3, closedForm: true });
    const seen = [lrs(opt)[0]];
    for (let i = 0; i < 3; i++) (s.step(), seen.push(lrs(opt)[0]));
    expect(seen).toEqual([0, 0, 0, 0.1]); // PyTorch's step(epoch) values (refused_constantlr_factor_0_epoch_form)
  },
  'negative-gamma': () => {
    refused('gamma', () => new ExponentialLR(sgd([0.1]), { gamma: -0.5 }));
    refused('gamma', () => cyclic({ baseLr: 0.001, maxLr: 0.1, mode: 'exp_range', gamma: -0.9 }));
  },
  'negative-power': () => {
    refused('power', () => new PolynomialLR(sgd([0.1]), { totalIters: 6, power: -0.5 }));
  },
  'one-cycle-start-or-end-above-peak': () => {
    refused('divFactor', () => new OneCycleLR(sgd([0.1], 0.9), { maxLr: 0.1, totalSteps: 20, divFactor: 0.5 }));
    refused('finalDivFactor', () => new OneCycleLR(sgd([0.1], 0.9), { maxLr: 0.1, totalSteps: 20, divFactor: 4, finalDivFactor: 0.1 }));
    expect(oneCycle({ maxLr: 0, totalSteps: 10 }).lr(4, 0.1)).toBe(0); // max_lr 0 runs: a frozen group
  },
  'one-cycle-three-phase-overlap': () => {
    refused('pctStart', () => new OneCycleLR(sgd([0.1], 0.9), { maxLr: 0.1, totalSteps: 20, threePhase: true, pctStart: 0.6 }));
  },
  'plateau-negative-factor': () => {
    refused('factor', () => new ReduceLROnPlateau(sgd([0.1]), { factor: -0.5 }));
  },
  'plateau-negative-patience': () => {
    refused('patience', () => new ReduceLROnPlateau(sgd([0.1]), { patience: -1 }));
    expect(new ReduceLROnPlateau(sgd([0.1]), { patience: 1.5 }).patience).toBe(1.5);
  },
  'plateau-negative-threshold': () => {
    refused('threshold', () => new ReduceLROnPlateau(sgd([0.1]), { threshold: -0.01 }));
    refused('threshold', () => new ReduceLROnPlateau(sgd([0.1]), { threshold: -0.05, thresholdMode: 'abs' }));
  },
  'invalid-step-epoch': () => {
    const opt = sgd([0.1]);
    const s = new ExponentialLR(opt, { gamma: 0.5 });
    s.step();
    for (const epoch of [-2, Number.NaN, Infinity]) {
      expect(() => s.step(epoch)).toThrow(InvalidParameterError);
      expect([s.lastEpoch, lrs(opt)[0]]).toEqual([1, 0.05]); // left as it was
    }
  },
  'plateau-in-composites': () => {
    const opt = sgd([0.1]);
    const warm = new LinearLR(opt, { startFactor: 0.5, totalIters: 2 });
    const plateau = new ReduceLROnPlateau(opt, { factor: 0.5, patience: 0 });
    const s = new SequentialLR(opt, { schedulers: [warm, plateau], milestones: [2] });
    expect(lrs(opt)).toEqual([0.05]);
    s.step(1); // the warmup, metric ignored
    s.step(1); // hand-over: the plateau starts from the base rate and sees 1
    expect(lrs(opt)).toEqual([0.1]);
    s.step(2); // worse, patience 0: cut
    expect(lrs(opt)).toEqual([0.05]);
  },
  'sgdr-restart-rule': () => {
    const opt = sgd([0.1]);
    const s = new CosineAnnealingWarmRestarts(opt, { t0: 10, tMult: 3, etaMin: 0.001 });
    s.step(1210); // a restart: 10 + 30 + 90 + 270 + 810
    expect(lrs(opt)[0]).toBe(0.1);
    // 3 ulps below the restart at 7 (t0 = 1, tMult = 2 restarts at 1, 3, 7), as epochs accumulated in floating point land
    const accumulated = new CosineAnnealingWarmRestarts(sgd([0.1]), { t0: 1, tMult: 2 });
    accumulated.step(7 - 3 * 2 ** -50);
    expect(accumulated.getLastLr()[0]).toBe(0.1);
  },
  'cyclic-adam': () => {
    const opt = adam([0.1], [0.9, 0.999]);
    const s = new CyclicLR(opt, { baseLr: 0.01, maxLr: 0.1, stepSizeUp: 2, baseMomentum: 0.8, maxMomentum: 0.9 });
    expect(opt.paramGroups[0]!.betas?.[0]).toBe(0.9);
    s.step();
    expect(opt.paramGroups[0]!.betas?.[0]).toBeCloseTo(0.85, 15);
  },
  'state-dict-checked': () => {
    const a = new StepLR(sgd([0.1]), { stepSize: 2 });
    a.step();
    const state = a.stateDict();
    const opt = sgd([0.1]);
    const other = new ExponentialLR(opt, { gamma: 0.5 });
    expect(() => other.loadStateDict(state)).toThrow(StateDictError);
    expect([other.lastEpoch, lrs(opt)[0]]).toEqual([0, 0.1]); // nothing changed
    expect(() => new StepLR(sgd([0.1]), { stepSize: 3 }).loadStateDict(state)).toThrow(StateDictError);
  },
  'restore-on-load': () => {
    const saved = new ExponentialLR(sgd([0.1]), { gamma: 0.5 });
    saved.step();
    saved.step();
    const plain = sgd([0.1]);
    new ExponentialLR(plain, { gamma: 0.5 }).loadStateDict(saved.stateDict());
    expect(lrs(plain)).toEqual([0.1]); // PyTorch: the optimizer's own load restores rates
    const bound = Object.assign(sgd([0.1]), { restoreOnLoad: true });
    new ExponentialLR(bound, { gamma: 0.5 }).loadStateDict(saved.stateDict());
    expect(lrs(bound)).toEqual([0.025]);
  },
  overflow: () => {
    const s = new ExponentialLR(sgd([0.1]), { gamma: 2 });
    for (let i = 1; i < 1028; i++) s.step();
    expect(s.getLastLr()[0]).toBeGreaterThan(1e308);
    expect(() => s.step()).toThrow(NonFiniteRateError); // step 1028 would be infinite
  },
  'pure-one-cycle-tail': () => {
    const pure = oneCycle({ maxLr: 0.1, totalSteps: 10 });
    expect(pure.lr(25, 0.1)).toBe(pure.lr(9, 0.1));
    const s = new OneCycleLR(sgd([0.1], 0.9), { maxLr: 0.1, totalSteps: 10 });
    for (let i = 1; i <= 10; i++) s.step(); // PyTorch allows step number total_steps itself
    expect(() => s.step()).toThrow(/^Tried to step \d+ times/); // PyTorch's message (its count differs between 1.13 and 2)
  },
  'last-bits': () => {
    expect(TRACE_TOLERANCE).toBe(1e-12);
    let worst = 0;
    for (const dir of ['traces', 'traces-torch2']) {
      for (const f of readdirSync(join(fixtures, dir)).filter((x) => x.endsWith('.json') && x !== 'refusals.json')) {
        for (const r of replayTrace(JSON.parse(readFileSync(join(fixtures, dir, f), 'utf8')))) if (r.ok) worst = Math.max(worst, r.maxDeviation);
      }
    }
    expect(worst).toBeGreaterThan(0); // not bit-identical everywhere, so the row is needed
    expect(worst).toBeLessThan(1e-14); // the row's claim
  },
};

describe('the table of refusals and knowing differences', () => {
  it('lists each id once, in order', () => {
    expect(PYTORCH_DIFFERENCES.map((d) => d.id)).toEqual([...DIFFERENCE_IDS]);
  });

  for (const row of PYTORCH_DIFFERENCES) {
    it(`${row.id}: anneal does what the row says`, () => CHECKS[row.id]());
  }

  it('names only cases that were recorded', () => {
    const names = recordedCaseNames();
    const missing = PYTORCH_DIFFERENCES.flatMap((d) => d.cases).filter((n) => !names.has(n));
    expect(missing).toEqual([]);
  });

  for (const file of REFUSED_FILES) {
    const trace = JSON.parse(readFileSync(file, 'utf8'));
    it(`every input refused in ${file.split('/').slice(-2).join('/')} (PyTorch ${trace.torch}) is a refusal row of the table`, () => {
      const results = replayTrace(trace);
      expect(results.length).toBeGreaterThan(20);
      for (const r of results) {
        const rows = PYTORCH_DIFFERENCES.filter((d) => d.cases.includes(r.name));
        expect(rows.map((d) => d.kind), r.name).toEqual(['refusal']);
        expect(r.error, `${r.name} replays: move it to ACCEPTED_EDGES in record.py and out of the table`).toMatch(/^cannot build \w+: .* must be/);
      }
    });
  }

  it('is what the core README and the migration guide show', () => {
    expect(staleDifferenceDocuments(), 'run pnpm --filter @anneal/core differences').toEqual([]);
  });

  it('covers every refused recording (both versions exist)', () => {
    for (const f of REFUSED_FILES) expect(existsSync(f)).toBe(true);
  });
});
