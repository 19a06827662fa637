// The `pytorch` option ('2' by default, or '1.13') on the stateful API, driven directly (not through the
// replay): every expected value is read from the recorded traces, fixtures/traces (PyTorch 1.13.1) and
// fixtures/traces-torch2 (PyTorch 2.13.0), case by case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StateDictError, TraceFormatError } from '../src/index.js';
import {
  ChainedScheduler,
  CosineAnnealingLR,
  CosineAnnealingWarmRestarts,
  CyclicLR,
  ExponentialLR,
  LinearLR,
  LRScheduler,
  MultiplicativeLR,
  OneCycleLR,
  PolynomialLR,
  PYTORCH_VERSIONS,
  ReduceLROnPlateau,
  SequentialLR,
  StepLR,
  type OptimizerLike,
  type PyTorchVersion,
} from '../src/schedulers.js';
import { schedulerFromJSON } from '../src/json.js';
import { pytorchOfTrace } from '../src/replay.js';
import { lrs, momenta } from './helpers.js';

const DIRS: Record<PyTorchVersion, string> = { '1.13': 'traces', '2': 'traces-torch2' };
const VERSIONS: PyTorchVersion[] = ['1.13', '2'];

interface Recorded {
  groups: Array<{ lr: number; momentum?: number; initial_lr?: number }>;
  lrs: number[][];
  momentums?: number[][];
}
/** A recorded case of the given PyTorch's set. */
function recorded(version: PyTorchVersion, file: string, name: string): Recorded {
  const trace = JSON.parse(readFileSync(join(__dirname, 'fixtures', DIRS[version], file), 'utf8')) as { cases: Array<Recorded & { name: string }> };
  const c = trace.cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name} in ${DIRS[version]}/${file}`);
  return c;
}
/** The optimizer a case starts from (SGD groups with their lr, momentum and initial_lr). */
function optimizerOf(c: Recorded): OptimizerLike {
  return {
    paramGroups: c.groups.map((g) => ({ lr: g.lr, momentum: g.momentum ?? 0, ...(g.initial_lr === undefined ? {} : { initialLr: g.initial_lr }) })),
  };
}
/** Equal within the trace format's tolerance (1e-12 relative); most rows are bit-identical. */
function expectRow(actual: ReadonlyArray<number | undefined>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((want, i) => expect(Math.abs(actual[i]! - want), `${what}[${i}]: ${actual[i]} vs ${want}`).toBeLessThanOrEqual(1e-12 * Math.abs(want)));
}
/** Builds with `build`, then checks row 0 and `steps` plain steps against the case. */
function follows(c: Recorded, build: (o: OptimizerLike) => { step(): void }, steps: number, momentum = false): void {
  const o = optimizerOf(c);
  const s = build(o);
  for (let row = 0; row <= steps; row++) {
    if (row > 0) s.step();
    expectRow(lrs(o), c.lrs[row]!, `lrs row ${row}`);
    if (momentum) expectRow(momenta(o), c.momentums![row]!, `momentums row ${row}`);
  }
}

describe('the option', () => {
  it("defaults to '2' on every scheduler and composite, and names exactly '2' and '1.13'", () => {
    expect(PYTORCH_VERSIONS).toEqual(['2', '1.13']);
    const o: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
    const a = new StepLR(o, { stepSize: 2 });
    const b = new ExponentialLR(o, { gamma: 0.9 });
    expect(a.pytorch).toBe('2');
    expect(new ChainedScheduler([a, b]).pytorch).toBe('2');
    expect(new SequentialLR(o, { schedulers: [a, b], milestones: [2] }).pytorch).toBe('2');
    expect(new ReduceLROnPlateau({ paramGroups: [{ lr: 0.1 }] }).pytorch).toBe('2');
  });

  it('refuses anything else with a typed error naming the option', () => {
    for (const bad of [2, 1.13, 'v2', '2.13', '1.13.1', null, true]) {
      expect(() => new StepLR({ paramGroups: [{ lr: 0.1 }] }, { stepSize: 2, pytorch: bad as never })).toThrow(InvalidParameterError);
      expect(() => new ReduceLROnPlateau({ paramGroups: [{ lr: 0.1 }] }, { pytorch: bad as never })).toThrow(/pytorch must be '2' or '1.13'/);
      expect(() => schedulerFromJSON({ paramGroups: [{ lr: 0.1 }] }, { type: 'cosine', tMax: 5 }, { pytorch: bad as never })).toThrow(/options\.pytorch/);
    }
  });

  it("is not a PyTorch keyword: the PyTorch spelling refuses it, anneal's takes it, and the reader's must agree", () => {
    const o = (): OptimizerLike => ({ paramGroups: [{ lr: 0.1 }] });
    expect(() => schedulerFromJSON(o(), { scheduler: 'ExponentialLR', kwargs: { gamma: 0.9, pytorch: '1.13' } })).toThrow(/kwargs\.pytorch/);
    expect((schedulerFromJSON(o(), { scheduler: 'ExponentialLR', options: { gamma: 0.9, pytorch: '1.13' } }) as ExponentialLR).pytorch).toBe('1.13');
    expect((schedulerFromJSON(o(), { scheduler: 'ExponentialLR', kwargs: { gamma: 0.9 } }, { pytorch: '1.13' }) as ExponentialLR).pytorch).toBe('1.13');
    expect(() => schedulerFromJSON(o(), { scheduler: 'ExponentialLR', options: { gamma: 0.9, pytorch: '1.13' } }, { pytorch: '2' })).toThrow(/options\.pytorch/);
    const seq = schedulerFromJSON(o(), { scheduler: 'SequentialLR', kwargs: { schedulers: [{ scheduler: 'StepLR', kwargs: { step_size: 2 } }, { type: 'cosine', tMax: 4 }], milestones: [3] } }, { pytorch: '1.13' }) as SequentialLR;
    expect([seq.pytorch, ...seq.schedulers.map((s) => s.pytorch)]).toEqual(['1.13', '1.13', '1.13']);
    expect((schedulerFromJSON(o(), { scheduler: 'ReduceLROnPlateau', kwargs: {} }, { pytorch: '1.13' }) as ReduceLROnPlateau).pytorch).toBe('1.13');
    expect(() => schedulerFromJSON(o(), { type: 'cosine', tMax: 5 }, { torch: '2' } as never)).toThrow(/options\.torch/);
  });

  it('one setup, one PyTorch: a composite follows its schedulers and refuses a mix', () => {
    const o: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
    const old = new StepLR(o, { stepSize: 2, pytorch: '1.13' });
    const cur = new ExponentialLR(o, { gamma: 0.9 });
    expect(new ChainedScheduler([old]).pytorch).toBe('1.13');
    expect(() => new ChainedScheduler([old, cur])).toThrow(/schedulers\[1\]\.pytorch must be '1\.13'/);
    expect(() => new SequentialLR(o, { schedulers: [cur, old], milestones: [2] })).toThrow(/schedulers\[1\]\.pytorch/);
    expect(() => new SequentialLR(o, { schedulers: [old], milestones: [], pytorch: '2' })).toThrow(/schedulers\[0\]\.pytorch must be '2'/);
  });

  it("travels with the configuration and the state: toJSON names '1.13' (the default is left out), a state loads only into the same", () => {
    const o = (): OptimizerLike => ({ paramGroups: [{ lr: 0.1 }] });
    const old = new CosineAnnealingLR(o(), { tMax: 10, pytorch: '1.13' });
    expect(old.toJSON()).toEqual({ scheduler: 'CosineAnnealingLR', options: { tMax: 10, etaMin: 0, pytorch: '1.13' } });
    expect(new CosineAnnealingLR(o(), { tMax: 10 }).toJSON().options).not.toHaveProperty('pytorch');
    expect((schedulerFromJSON(o(), old.toJSON()) as CosineAnnealingLR).pytorch).toBe('1.13');
    expect(() => new CosineAnnealingLR(o(), { tMax: 10 }).loadStateDict(old.stateDict())).toThrow(StateDictError);
    const chain = new ChainedScheduler([new StepLR(o(), { stepSize: 2, pytorch: '1.13' })]);
    expect(chain.toJSON().options.pytorch).toBe('1.13');
    expect(new ReduceLROnPlateau(o(), { pytorch: '1.13' }).toJSON().options.pytorch).toBe('1.13');
  });
});

describe('resuming through the constructor (lastEpoch >= 0)', () => {
  // [file, case, build, steps]
  const cases: Array<[string, (o: OptimizerLike, pytorch: PyTorchVersion) => { step(): void }, number]> = [
    ['resume_exponentiallr_le5_two_groups', (o, pytorch) => new ExponentialLR(o, { gamma: 0.9, lastEpoch: 5, pytorch }), 8],
    ['resume_linearlr_le0', (o, pytorch) => new LinearLR(o, { startFactor: 0.25, totalIters: 5, lastEpoch: 0, pytorch }), 7],
    ['resume_linearlr_le2_total5_two_groups', (o, pytorch) => new LinearLR(o, { startFactor: 0.25, totalIters: 5, lastEpoch: 2, pytorch }), 6],
    ['resume_polynomiallr_le3', (o, pytorch) => new PolynomialLR(o, { totalIters: 10, power: 2, lastEpoch: 3, pytorch }), 10],
    ['resume_cosine_le4_tmax10_two_groups', (o, pytorch) => new CosineAnnealingLR(o, { tMax: 10, etaMin: 0.001, lastEpoch: 4, pytorch }), 20],
    ['resume_cosine_le10_at_tmax', (o, pytorch) => new CosineAnnealingLR(o, { tMax: 10, etaMin: 0.001, lastEpoch: 10, pytorch }), 15],
    ['resume_sgdr_le25_t0_10_tmult_1', (o, pytorch) => new CosineAnnealingWarmRestarts(o, { t0: 10, lastEpoch: 25, pytorch }), 30],
    ['resume_sgdr_le35_t0_5_tmult_2', (o, pytorch) => new CosineAnnealingWarmRestarts(o, { t0: 5, tMult: 2, lastEpoch: 35, pytorch }), 40],
    ['resume_steplr_le7_lr_at_checkpoint_two_groups', (o, pytorch) => new StepLR(o, { stepSize: 3, gamma: 0.5, lastEpoch: 7, pytorch }), 10],
  ];
  for (const [name, build, steps] of cases) {
    for (const version of VERSIONS) {
      it(`${name}, pytorch: '${version}' gives PyTorch ${version}'s rows`, () => {
        follows(recorded(version, 'parity-round2.json', name), (o) => build(o, version), steps);
      });
    }
    it(`${name}: the two versions' rows ${name.startsWith('resume_steplr') ? 'agree' : 'differ'} from the first one`, () => {
      const [a, b] = VERSIONS.map((v) => recorded(v, 'parity-round2.json', name).lrs[0]);
      if (name.startsWith('resume_steplr')) expect(a).toEqual(b);
      else expect(a).not.toEqual(b);
    });
  }

  it("under '2' the initial step keeps each group's rate; under '1.13' it applies the update of step lastEpoch + 1", () => {
    const c = recorded('2', 'parity-round2.json', 'resume_exponentiallr_le5_two_groups');
    expect(c.lrs[0]).toEqual(c.groups.map((g) => g.lr)); // 0.059049, 0.0118098: kept
    expect(recorded('1.13', 'parity-round2.json', 'resume_exponentiallr_le5_two_groups').lrs[0]).toEqual([0.0531441, 0.01062882]);
  });

  it('MultiplicativeLR (no trace: its factor is a function) follows ExponentialLR: kept under 2, multiplied under 1.13', () => {
    for (const version of VERSIONS) {
      const a: OptimizerLike = { paramGroups: [{ lr: 0.059049, initialLr: 0.1 }] };
      const b: OptimizerLike = { paramGroups: [{ lr: 0.059049, initialLr: 0.1 }] };
      const m = new MultiplicativeLR(a, { lrLambda: () => 0.9, lastEpoch: 5, pytorch: version });
      const e = new ExponentialLR(b, { gamma: 0.9, lastEpoch: 5, pytorch: version });
      for (let i = 0; i < 4; i++, m.step(), e.step()) expect(lrs(a)).toEqual(lrs(b));
    }
  });

  it('CyclicLR momentum: 2 cycles between the options, 1.13 from the momentum the group holds', () => {
    for (const version of VERSIONS) {
      const c = recorded(version, 'parity-round2.json', 'resume_cyclic_le7_momentum');
      follows(c, (o) => new CyclicLR(o, { baseLr: 0.001, maxLr: 0.1, stepSizeUp: 5, lastEpoch: 7, pytorch: version }), 20, true);
    }
    expect(recorded('1.13', 'parity-round2.json', 'resume_cyclic_le7_momentum').momentums![0]).not.toEqual(recorded('2', 'parity-round2.json', 'resume_cyclic_le7_momentum').momentums![0]);
  });

  it("OneCycleLR steps the same under both; only PyTorch's past-the-end message counts differently", () => {
    for (const version of VERSIONS) {
      const o: OptimizerLike = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };
      const s = new OneCycleLR(o, { maxLr: 0.1, totalSteps: 2, pytorch: version });
      s.step();
      s.step();
      expect(() => s.step()).toThrow(version === '2' ? 'Tried to step 3 times' : 'Tried to step 4 times');
    }
  });
});

describe('SequentialLR', () => {
  const linearCosine = (o: OptimizerLike, pytorch: PyTorchVersion) =>
    new SequentialLR(o, { schedulers: [new LinearLR(o, { startFactor: 0.25, totalIters: 4, pytorch }), new CosineAnnealingLR(o, { tMax: 8, pytorch })], milestones: [0] });
  for (const version of VERSIONS) {
    it(`milestone 0, pytorch: '${version}'`, () => {
      follows(recorded(version, 'parity-round2.json', 'seq_milestone_0_linear_cosine_two_groups'), (o) => linearCosine(o, version), 10);
    });
    it(`lastEpoch past the hand-over: the later scheduler's first step is to 0 (pytorch: '${version}')`, () => {
      follows(
        recorded(version, 'parity-round2.json', 'seq_le4_skips_handover_two_groups'),
        (o) => new SequentialLR(o, { schedulers: [constantHalfForThree(o, version), new ExponentialLR(o, { gamma: 0.9, pytorch: version })], milestones: [5], lastEpoch: 4 }),
        12,
      );
    });
    it(`OneCycleLR then CyclicLR: a CyclicLR built under '2' moves the OneCycleLR's momentum bounds (pytorch: '${version}')`, () => {
      const c = recorded(version, 'parity-round2.json', 'onecycle_then_cyclic_sequential');
      follows(
        c,
        (o) =>
          new SequentialLR(o, {
            schedulers: [new OneCycleLR(o, { maxLr: 0.1, totalSteps: 20, pytorch: version }), new CyclicLR(o, { baseLr: 0.001, maxLr: 0.01, stepSizeUp: 4, pytorch: version })],
            milestones: [20],
          }),
        35,
        true,
      );
    });
  }
  it('the rows of milestone 0 differ from the first one: 1.13 starts the LinearLR, 2 the CosineAnnealingLR', () => {
    expect(recorded('1.13', 'parity-round2.json', 'seq_milestone_0_linear_cosine_two_groups').lrs[0]).toEqual([0.025, 0.005]);
    expect(recorded('2', 'parity-round2.json', 'seq_milestone_0_linear_cosine_two_groups').lrs[0]).toEqual([0.1, 0.02]);
  });
  it("the hand-over counts a step under '1.13' (step(0)) and not under '2'", () => {
    const counts = VERSIONS.map((pytorch) => {
      const o: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
      const later = new StepLR(o, { stepSize: 2, pytorch });
      const seq = new SequentialLR(o, { schedulers: [new StepLR(o, { stepSize: 2, pytorch }), later], milestones: [1] });
      seq.step();
      return later.stateDict().stepCount;
    });
    expect(counts).toEqual([2, 1]);
  });
});

/** ConstantLR(factor 0.5, total 3), as in seq_le4_skips_handover_two_groups. */
function constantHalfForThree(o: OptimizerLike, pytorch: PyTorchVersion): LRScheduler {
  return schedulerFromJSON(o, { scheduler: 'ConstantLR', kwargs: { factor: 0.5, total_iters: 3 } }, { pytorch }) as LRScheduler;
}

describe('ChainedScheduler', () => {
  for (const version of VERSIONS) {
    it(`resumed schedulers chained, pytorch: '${version}'`, () => {
      follows(
        recorded(version, 'parity-round2.json', 'chained_resumed_children_two_groups'),
        (o) =>
          new ChainedScheduler(
            [new ExponentialLR(o, { gamma: 0.9, lastEpoch: 4, pytorch: version }), new CosineAnnealingLR(o, { tMax: 10, etaMin: 0.001, lastEpoch: 4, pytorch: version })],
            { optimizer: o },
          ),
        12,
      );
    });
  }
  it('takes the optimizer (PyTorch 2) and checks every scheduler against it', () => {
    const o: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
    const other: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
    const s = new StepLR(o, { stepSize: 2 });
    expect(new ChainedScheduler([s], { optimizer: o }).optimizer).toBe(o);
    expect(() => new ChainedScheduler([s], { optimizer: other })).toThrow(/schedulers\[0\]\.optimizer must be the optimizer given/);
    expect(() => new ChainedScheduler([s], { optimizer: {} as never })).toThrow(/optimizer\.paramGroups/);
    expect(() => new ChainedScheduler([s], { lastEpoch: 3 } as never)).toThrow(/lastEpoch/);
  });
});

describe('replay: the version a trace names', () => {
  it('1.x is 1.13, 2.x is 2, none is the default 2; anything else is refused', () => {
    expect(pytorchOfTrace('1.13.0a0')).toBe('1.13');
    expect(pytorchOfTrace('1.13.1')).toBe('1.13');
    expect(pytorchOfTrace('2.13.0+cpu')).toBe('2');
    expect(pytorchOfTrace(undefined)).toBe('2');
    for (const bad of ['3.0.0', 'nightly', '', 2]) expect(() => pytorchOfTrace(bad)).toThrow(TraceFormatError);
  });
});
