// bindSchedule and asOptimizerLike on every kind of target, with real training where it matters.
import { describe, expect, it } from 'vitest';
import {
  InvalidParameterError,
  SchedulerUsageError,
  StateDictError,
  cosine,
  exponential,
  oneCycle,
  sgdr,
  step,
} from '@anneal/core';
import {
  CosineAnnealingWarmRestarts,
  OneCycleLR,
  ReduceLROnPlateau,
  StepLR,
} from '@anneal/core/schedulers';
import { SGD, asOptimizerLike, bindSchedule, parameter, type BindingState } from '@anneal/optim';
import { expectClose, lossAndGrad, makeData, problem } from './support.js';

/** A brain.js-style model: it trains itself with whatever `trainOpts.learningRate` holds. */
class TinyNet {
  trainOpts = { learningRate: 0.5 };
  w = new Float64Array(2);
  b = new Float64Array(1);
  readonly usedRates: number[] = [];
  private readonly gw = new Float64Array(2);
  private readonly gb = new Float64Array(1);
  constructor(private readonly data = makeData(300, 11)) {}
  /** One full-batch gradient step; returns the loss before it. */
  trainStep(): number {
    const lr = this.trainOpts.learningRate;
    this.usedRates.push(lr);
    const loss = lossAndGrad(this.data, this.w, this.b, 0, this.data.size, this.gw, this.gb);
    for (let i = 0; i < 2; i++) this.w[i] = this.w[i]! - lr * this.gw[i]!;
    this.b[0] = this.b[0]! - lr * this.gb[0]!;
    return loss;
  }
  loss(): number {
    return lossAndGrad(this.data, this.w, this.b);
  }
}

describe('binding a { learningRate } object', () => {
  it('the model trains with exactly the scheduled rate at every step', () => {
    const net = new TinyNet();
    const schedule = cosine({ tMax: 50, etaMin: 0.05 });
    const binding = bindSchedule(net.trainOpts, schedule);
    const initial = net.loss();
    for (let k = 0; k < 50; k++) {
      expect(net.trainOpts.learningRate).toBe(schedule.lr(k, 0.5));
      expect(binding.lr).toBe(schedule.lr(k, 0.5));
      net.trainStep();
      binding.step();
    }
    expect(net.usedRates).toEqual(Array.from({ length: 50 }, (_, k) => schedule.lr(k, 0.5)));
    expect(net.loss()).toBeLessThan(0.6 * initial);
  });

  it('also works through asOptimizerLike with a stateful core scheduler', () => {
    const net = new TinyNet();
    const scheduler = new StepLR(asOptimizerLike(net.trainOpts), { stepSize: 3, gamma: 0.5 });
    const seen: number[] = [];
    for (let k = 0; k < 7; k++) {
      seen.push(net.trainOpts.learningRate);
      scheduler.step();
    }
    expect(seen).toEqual([0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125]);
  });
});

describe('binding a setter function', () => {
  it('calls the setter with every scheduled rate, starting with the rate of step 0', () => {
    const received: number[] = [];
    const schedule = sgdr({ t0: 4, tMult: 2 });
    const binding = bindSchedule((lr) => received.push(lr), schedule, { baseLr: 0.2 });
    for (let k = 1; k <= 12; k++) binding.step();
    expect(received).toEqual(Array.from({ length: 13 }, (_, k) => schedule.lr(k, 0.2)));
    expect(received[4]).toBe(0.2); // a restart
    expect(binding.lr).toBe(received[12]);
  });

  it('drives a hand-written optimizer that keeps its rate private', () => {
    const { loss, grad } = problem();
    let rate = Number.NaN;
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const schedule = exponential({ gamma: 0.97 });
    const binding = bindSchedule((lr) => (rate = lr), schedule, { baseLr: 1 });
    const initial = loss(w, b);
    for (let k = 0; k < 40; k++) {
      grad(w, b, k);
      expect(rate).toBe(schedule.lr(k, 1));
      for (const p of [w, b]) for (let j = 0; j < p.value.length; j++) p.value[j] = p.value[j]! - rate * p.grad[j]!;
      binding.step();
    }
    expect(loss(w, b)).toBeLessThan(0.6 * initial);
  });

  it('needs baseLr, since a setter cannot be read', () => {
    expect(() => bindSchedule(() => {}, cosine({ tMax: 3 }))).toThrow(InvalidParameterError);
    expect(() => bindSchedule(() => {}, cosine({ tMax: 3 }))).toThrow(/baseLr must be a finite number: target is a setter function/);
  });
});

describe('several param groups with their own base rates', () => {
  it('an array of targets: each follows the schedule from its own base rate', () => {
    const a = { lr: 0.1 };
    const c = { learningRate: 0.01 };
    const setterRates: number[] = [];
    const schedule = step({ stepSize: 2, gamma: 0.1 });
    const binding = bindSchedule([a, c, (lr: number) => setterRates.push(lr)], schedule, { baseLr: [0.1, 0.01, 3] });
    for (let k = 0; k < 5; k++) {
      expect(binding.lrs).toEqual([schedule.lr(k, 0.1), schedule.lr(k, 0.01), schedule.lr(k, 3)]);
      expect([a.lr, c.learningRate, setterRates.at(-1)]).toEqual(binding.lrs);
      binding.step();
    }
  });

  it('an SGD with two groups: each group trains with its scheduled rate', () => {
    const { grad } = problem();
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const sgd = new SGD([{ params: [w], lr: 0.4 }, { params: [b], lr: 0.05 }], { lr: 0.1 });
    const schedule = cosine({ tMax: 20 });
    const binding = bindSchedule(sgd, schedule);
    for (let k = 0; k < 20; k++) {
      grad(w, b, k);
      const [lrW, lrB] = [schedule.lr(k, 0.4), schedule.lr(k, 0.05)];
      const before = [...w.value, ...b.value];
      sgd.step();
      expect([...w.value, ...b.value]).toEqual([before[0]! - lrW * w.grad[0]!, before[1]! - lrW * w.grad[1]!, before[2]! - lrB * b.grad[0]!]);
      binding.step();
    }
  });

  it('baseLr overrides the base of field targets and of optimizer groups', () => {
    const target = { lr: 123 };
    const binding = bindSchedule(target, cosine({ tMax: 10 }), { baseLr: 0.5 });
    expect(target.lr).toBe(0.5);
    const sgd = new SGD([parameter([0])], { lr: 9 });
    bindSchedule(sgd, cosine({ tMax: 10 }), { baseLr: [0.3] });
    expect(sgd.paramGroups[0]!.lr).toBe(0.3);
    expect(binding.optimizer.paramGroups[0]!.initialLr).toBe(0.5);
  });

  it('refuses a baseLr array of the wrong length or with a bad entry', () => {
    expect(() => bindSchedule([{ lr: 1 }, { lr: 2 }], cosine({ tMax: 3 }), { baseLr: [1] })).toThrow(/baseLr must be a number or an array of 2 numbers/);
    expect(() => bindSchedule([{ lr: 1 }], cosine({ tMax: 3 }), { baseLr: [Number.NaN] })).toThrow(/baseLr\[0\] must be a finite number, got NaN/);
  });
});

describe('stateful core schedulers through bindSchedule', () => {
  it('ReduceLROnPlateau on a validation loss: the rate drops on plateaus and SGD uses the reduced rate', () => {
    const train = makeData(240, 3);
    const valid = makeData(120, 4);
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const sgd = new SGD([w, b], { lr: 2 });
    const binding = bindSchedule(sgd, (optimizer) => new ReduceLROnPlateau(optimizer, { patience: 2, factor: 0.5, threshold: 1e-3 }));
    const validLoss = () => lossAndGrad(valid, w.value, b.value);
    const initial = validLoss();
    const rates: number[] = [];
    for (let epoch = 0; epoch < 40; epoch++) {
      const lr = binding.lr;
      rates.push(lr);
      for (let batch = 0; batch < 8; batch++) {
        lossAndGrad(train, w.value, b.value, batch * 30, batch * 30 + 30, w.grad as Float64Array, b.grad as Float64Array);
        const before = [...w.value, ...b.value];
        sgd.step();
        expect([...w.value, ...b.value]).toEqual([before[0]! - lr * w.grad[0]!, before[1]! - lr * w.grad[1]!, before[2]! - lr * b.grad[0]!]);
      }
      binding.step(validLoss());
    }
    const distinct = [...new Set(rates)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    distinct.forEach((r, i) => expect(r).toBe(2 * 0.5 ** i));
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    expect(validLoss()).toBeLessThan(0.6 * initial);
    expect(() => binding.stepTo(3)).toThrow(SchedulerUsageError);
  });

  it('OneCycleLR cycles the momentum field of a hand-written optimizer object', () => {
    const handWritten = { lr: 0.1, momentum: 0.9 };
    const binding = bindSchedule(handWritten, (optimizer) => new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10 }));
    const momenta = [handWritten.momentum];
    for (let k = 1; k < 10; k++) {
      binding.step();
      momenta.push(handWritten.momentum);
    }
    expect(momenta[0]).toBe(0.95);
    expect(Math.min(...momenta)).toBe(0.85);
    expect(handWritten.lr).toBe(binding.scheduler.getLastLr()[0]);
  });

  it('a pure schedule that cycles momentum drives an Adam-style betas array of an object', () => {
    const target = { lr: 0.01, betas: [0.9, 0.999] };
    const schedule = oneCycle({ totalSteps: 20, maxLr: 0.1 });
    const binding = bindSchedule(target, schedule);
    binding.stepTo(5);
    expect(target.betas).toEqual([schedule.momentum!(5, 0.9), 0.999]);
    expect(target.lr).toBe(schedule.lr(5, 0.01));
  });

  it('stepTo jumps to fractional steps: pure SGDR and CosineAnnealingWarmRestarts agree', () => {
    const pure = { lr: 0.1 };
    const stateful = { lr: 0.1 };
    const schedule = sgdr({ t0: 5, tMult: 2 });
    const a = bindSchedule(pure, schedule);
    const b = bindSchedule(stateful, (optimizer) => new CosineAnnealingWarmRestarts(optimizer, { t0: 5, tMult: 2 }));
    for (const t of [0.25, 2.5, 4.999, 5, 7.75, 14.5, 15, 33.3]) {
      a.stepTo(t);
      b.stepTo(t);
      expect(pure.lr).toBe(schedule.lr(t, 0.1));
      expectClose(stateful.lr, pure.lr, 1e-15, `t = ${t}`);
    }
    a.step();
    expect(pure.lr).toBe(schedule.lr(34.3, 0.1));
  });

  it('refuses a factory whose scheduler drives another optimizer, and things that are not schedules', () => {
    const other = new SGD([parameter([0])], { lr: 1 });
    expect(() => bindSchedule({ lr: 1 }, () => new StepLR(other, { stepSize: 1 }))).toThrow(/built on the optimizer it is given/);
    expect(() => bindSchedule({ lr: 1 }, (() => 42) as never)).toThrow(/schedule must be a function returning a scheduler/);
    expect(() => bindSchedule({ lr: 1 }, { lr: 5 } as never)).toThrow(/schedule must be a Schedule/);
    expect(() => bindSchedule({ lr: 1 }, { type: 'cosine' })).toThrow(/tMax must be a positive finite number/);
  });
});

describe('asOptimizerLike', () => {
  it('gives live views: reads follow the target, writes reach it', () => {
    const target = { learningRate: 0.3 };
    const optimizer = asOptimizerLike(target);
    const group = optimizer.paramGroups[0]!;
    expect(group.lr).toBe(0.3);
    target.learningRate = 0.7;
    expect(group.lr).toBe(0.7);
    group.lr = 0.01;
    expect(target).toEqual({ learningRate: 0.01 }); // nothing else was added to the target
  });

  it('returns an optimizer with paramGroups as is', () => {
    const sgd = new SGD([parameter([0])], { lr: 0.1 });
    expect(asOptimizerLike(sgd)).toBe(sgd);
  });

  it('refuses unusable targets, naming them', () => {
    expect(() => asOptimizerLike({ lr: 0.1, learningRate: 0.1 } as never)).toThrow(/one of lr or learningRate, not both/);
    expect(() => asOptimizerLike({ rate: 0.1 } as never)).toThrow(/target must be an object with a numeric lr or learningRate field/);
    expect(() => asOptimizerLike({ lr: Number.NaN })).toThrow(new InvalidParameterError('target.lr', Number.NaN, 'a finite number'));
    expect(() => asOptimizerLike([{ lr: 1 }, 3] as never)).toThrow(/target\[1\] must be a field object or a setter function, got 3/);
    expect(() => asOptimizerLike([])).toThrow(/target must be/);
  });
});

describe('binding state dict', () => {
  it('JSON round trip into a fresh binding continues exactly like the uninterrupted run (recursive scheduler)', () => {
    const make = () => {
      const target = { learningRate: 0.4 };
      return { target, binding: bindSchedule(target, (optimizer) => new CosineAnnealingWarmRestarts(optimizer, { t0: 6, tMult: 2, etaMin: 0.01 })) };
    };
    const straight = make();
    const first = make();
    const rates: number[] = [];
    for (let k = 0; k < 25; k++) {
      straight.binding.step();
      rates.push(straight.target.learningRate);
    }
    for (let k = 0; k < 9; k++) first.binding.step();
    const saved = JSON.parse(JSON.stringify(first.binding.stateDict())) as BindingState;
    const resumed = make();
    expect(resumed.target.learningRate).toBe(0.4);
    resumed.binding.loadStateDict(saved);
    expect(resumed.target.learningRate).toBe(first.target.learningRate);
    const after: number[] = [];
    for (let k = 9; k < 25; k++) {
      resumed.binding.step();
      after.push(resumed.target.learningRate);
    }
    expect(after).toEqual(rates.slice(9));
  });

  it('with SGD and its own state dict, training resumes to the same weights', () => {
    const { grad } = problem();
    const make = () => {
      const w = parameter([0, 0]);
      const b = parameter([0]);
      const sgd = new SGD([w, b], { lr: 0.5, momentum: 0.9 });
      return { w, b, sgd, binding: bindSchedule(sgd, oneCycle({ totalSteps: 30 })) };
    };
    const run = (r: ReturnType<typeof make>, from: number, to: number) => {
      for (let k = from; k < to; k++) {
        grad(r.w, r.b, k);
        r.sgd.step();
        r.binding.step();
      }
    };
    const straight = make();
    run(straight, 0, 30);
    const first = make();
    run(first, 0, 12);
    const checkpoint = JSON.stringify({ binding: first.binding.stateDict(), sgd: first.sgd.stateDict(), w: [...first.w.value], b: [...first.b.value] });
    const resumed = make();
    const saved = JSON.parse(checkpoint);
    resumed.w.value.set(saved.w);
    resumed.b.value.set(saved.b);
    resumed.sgd.loadStateDict(saved.sgd);
    resumed.binding.loadStateDict(saved.binding);
    expect(resumed.sgd.paramGroups[0]!.momentum).toBe(first.sgd.paramGroups[0]!.momentum);
    run(resumed, 12, 30);
    expect([...resumed.w.value, ...resumed.b.value]).toEqual([...straight.w.value, ...straight.b.value]);
    expect(resumed.binding.lr).toBe(straight.binding.lr);
  });

  it('restores a setter target by calling the setter', () => {
    const calls: number[] = [];
    const binding = bindSchedule((lr) => calls.push(lr), cosine({ tMax: 10 }), { baseLr: 1 });
    binding.stepTo(4);
    const saved = binding.stateDict();
    const restoredCalls: number[] = [];
    const restored = bindSchedule((lr) => restoredCalls.push(lr), cosine({ tMax: 10 }), { baseLr: 1 });
    restored.loadStateDict(saved);
    expect(restoredCalls.at(-1)).toBe(calls.at(-1));
    restored.step();
    binding.step();
    expect(restoredCalls.at(-1)).toBe(calls.at(-1));
  });

  it('refuses mismatched states before writing anything', () => {
    const target = { lr: 0.1 };
    const binding = bindSchedule(target, cosine({ tMax: 10 }));
    binding.step();
    const state = binding.stateDict();
    const other = bindSchedule({ lr: 0.1 }, cosine({ tMax: 20 }));
    expect(() => other.loadStateDict(state)).toThrow(StateDictError);
    expect(() => other.loadStateDict(state)).toThrow(/state dict field scheduler\.options/);
    expect(other.lr).toBe(0.1);
    const two = bindSchedule([{ lr: 0.1 }, { lr: 0.2 }], cosine({ tMax: 10 }));
    expect(() => two.loadStateDict(state)).toThrow(/groups: expected 2 groups, got 1/);
    expect(() => binding.loadStateDict({ ...state, groups: [{ lr: 'x' as never }] })).toThrow(/groups\[0\]\.lr: expected a finite number/);
    expect(() => binding.loadStateDict({ ...state, kind: 'Other' as never })).toThrow(/expected a ScheduleBinding state/);
    expect(target.lr).toBe(cosine({ tMax: 10 }).lr(1, 0.1));
  });
});
