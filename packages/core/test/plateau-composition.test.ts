// ReduceLROnPlateau as a phase of SequentialLR (warmup, then plateau) and inside ChainedScheduler, built in
// code and from JSON in both spellings; step(metric) drives it, metrics before its phase are ignored.
import { describe, expect, it } from 'vitest';
import { SchedulerUsageError } from '../src/index.js';
import { ChainedScheduler, ExponentialLR, LinearLR, ReduceLROnPlateau, SequentialLR } from '../src/schedulers.js';
import { schedulerFromJSON } from '../src/json.js';

const sgd = (lr = 0.1) => ({ paramGroups: [{ lr }, { lr: lr / 10 }] });

/** Validation losses: improving for 8 steps, then flat (so the plateau reduces). */
const losses = [...Array.from({ length: 8 }, (_, i) => 1 - i * 0.05), ...Array.from({ length: 30 }, () => 0.7)];

function warmupThenPlateau(optimizer = sgd()) {
  const warm = new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 });
  const plateau = new ReduceLROnPlateau(optimizer, { patience: 2, factor: 0.5 });
  return new SequentialLR(optimizer, { schedulers: [warm, plateau], milestones: [5] });
}

describe('SequentialLR with a ReduceLROnPlateau phase', () => {
  it('warms up, hands over at the base rate, then halves after more than `patience` flat steps', () => {
    const s = warmupThenPlateau();
    const rates = [s.getLastLr()[0]!];
    for (const loss of losses) {
      s.step(loss);
      rates.push(s.getLastLr()[0]!);
    }
    // Warmup: LinearLR's recursive values, 0.01 → 0.1 over 5 steps.
    [0.01, 0.028, 0.046, 0.064, 0.082].forEach((v, t) => expect(rates[t]).toBeCloseTo(v, 15));
    // Hand-over at step 5: the base rate; the loss keeps improving until index 7 (step 8).
    for (let t = 5; t <= 8; t++) expect(rates[t]).toBe(0.1);
    // Step 9 onwards the loss is flat: bad steps 1, 2, 3 (> patience 2) at steps 9, 10, 11 → halved at 11.
    expect(rates[10]).toBe(0.1);
    expect(rates[11]).toBe(0.05);
    expect(rates[14]).toBe(0.025);
    expect(s.getLastLr()[1]).toBeCloseTo(rates.at(-1)! / 10, 15);
  });

  it('ignores metrics before the plateau phase: it starts with no memory of them', () => {
    const a = warmupThenPlateau();
    const b = warmupThenPlateau();
    for (let t = 1; t < 5; t++) {
      a.step(0.001); // a spectacular loss during warmup (steps 1-4; step 5 hands over and is the plateau's first)...
      b.step(100);
    }
    for (const loss of losses) {
      a.step(loss);
      b.step(loss);
      expect(a.getLastLr()).toEqual(b.getLastLr()); // ...changes nothing afterwards
    }
    const plateau = a.schedulers[1] as ReduceLROnPlateau;
    expect(plateau.best).toBeCloseTo(0.65, 15); // the last improvement
  });

  it('needs the metric in the plateau phase only, and refuses without changing anything', () => {
    const s = warmupThenPlateau();
    for (let t = 0; t < 4; t++) s.step(); // warmup: no metric needed
    const before = JSON.stringify(s.stateDict());
    expect(() => s.step()).toThrow(SchedulerUsageError); // the step that hands over needs one
    expect(() => s.step()).toThrow(/SequentialLR\.step\(metric\) needs the metric .* schedulers\[1\]/);
    expect(JSON.stringify(s.stateDict())).toBe(before);
    s.step(1);
    expect(s.getLastLr()[0]).toBe(0.1);
  });

  it('resumes through its state dict in the plateau phase', () => {
    const a = warmupThenPlateau();
    losses.slice(0, 12).forEach((l) => a.step(l));
    const saved = JSON.parse(JSON.stringify(a.stateDict()));
    const optimizer = sgd();
    const b = warmupThenPlateau(optimizer);
    b.loadStateDict(saved);
    optimizer.paramGroups.forEach((g, i) => (g.lr = a.getLastLr()[i]!)); // the optimizer's own state, restored
    for (const loss of losses.slice(12)) {
      a.step(loss);
      b.step(loss);
      expect(b.getLastLr()).toEqual(a.getLastLr());
    }
  });

  it('can start with the plateau phase', () => {
    const optimizer = sgd();
    const plateau = new ReduceLROnPlateau(optimizer, { patience: 0 });
    const decay = new ExponentialLR(optimizer, { gamma: 0.5 });
    const s = new SequentialLR(optimizer, { schedulers: [plateau, decay], milestones: [3] });
    expect(s.getLastLr()[0]).toBe(0.1);
    s.step(1);
    s.step(1); // no improvement, patience 0: reduced
    expect(s.getLastLr()[0]).toBeCloseTo(0.01, 15);
    s.step(); // step 3: ExponentialLR restarts at its step 0
    expect(s.getLastLr()[0]).toBe(0.1);
  });

  it('reads from JSON, PyTorch-style nesting and anneal spelling, and round-trips', () => {
    const torch = {
      scheduler: 'SequentialLR',
      kwargs: {
        milestones: [5],
        schedulers: [
          { scheduler: 'LinearLR', kwargs: { start_factor: 0.1, total_iters: 5 } },
          { scheduler: 'ReduceLROnPlateau', kwargs: { patience: 2, factor: 0.5 } },
        ],
      },
    };
    const fromTorch = schedulerFromJSON(sgd(), torch) as SequentialLR;
    const reference = warmupThenPlateau();
    const fromAnneal = schedulerFromJSON(sgd(), reference.toJSON()) as SequentialLR;
    for (const loss of losses) {
      reference.step(loss);
      fromTorch.step(loss);
      fromAnneal.step(loss);
      expect(fromTorch.getLastLr()).toEqual(reference.getLastLr());
      expect(fromAnneal.getLastLr()).toEqual(reference.getLastLr());
    }
  });
});

describe('ChainedScheduler with a ReduceLROnPlateau', () => {
  it('multiplies the plateau reductions into a recursive decay', () => {
    const optimizer = sgd(1);
    const decay = new ExponentialLR(optimizer, { gamma: 0.9 });
    const plateau = new ReduceLROnPlateau(optimizer, { patience: 1, factor: 0.5 });
    const chain = new ChainedScheduler([decay, plateau]);
    const metrics = [1, 0.9, 0.9, 0.9, 0.9, 0.9];
    let expected = 1;
    let bad = 0;
    let best = Infinity;
    metrics.forEach((m) => {
      chain.step(m);
      expected *= 0.9;
      if (m < best * (1 - 1e-4)) {
        best = m;
        bad = 0;
      } else if (++bad > 1) {
        expected *= 0.5;
        bad = 0;
      }
      expect(chain.getLastLr()[0]).toBeCloseTo(expected, 14);
    });
    expect(() => chain.step()).toThrow(/ChainedScheduler\.step\(metric\) needs the metric/);
    const json = schedulerFromJSON(sgd(1), {
      scheduler: 'ChainedScheduler',
      kwargs: { schedulers: [{ scheduler: 'ExponentialLR', kwargs: { gamma: 0.9 } }, { scheduler: 'ReduceLROnPlateau', kwargs: { patience: 1, factor: 0.5 } }] },
    }) as ChainedScheduler;
    metrics.forEach((m) => json.step(m));
    expect(json.getLastLr()[0]).toBeCloseTo(expected, 14);
  });
});

describe('the adapters\' driver', () => {
  it('hands the metric to a SequentialLR or ChainedScheduler holding a ReduceLROnPlateau', async () => {
    const { createScheduleDriver } = await import('../src/adapter.js');
    const optimizer = sgd();
    const driver = createScheduleDriver(warmupThenPlateau(optimizer));
    expect(driver.kind).toBe('plateau');
    const reference = warmupThenPlateau();
    for (const loss of losses) {
      driver.step(loss);
      reference.step(loss);
      expect(driver.lrs()).toEqual(reference.getLastLr());
    }
    const other = sgd();
    const plain = createScheduleDriver(new SequentialLR(other, { schedulers: [new LinearLR(other, {})], milestones: [] }) as never);
    expect(plain.kind).toBe('scheduler');
  });
});
