// SGD trained on a real problem: every step must use exactly the rate the schedule gave.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, cosine, sgdr } from '@anneal/core';
import { CosineAnnealingLR } from '@anneal/core/schedulers';
import { SGD, bindSchedule, parameter } from '@anneal/optim';
import { expectClose, problem, snapshot } from './support.js';

/** PyTorch's SGD rule for one element, written out independently of src/sgd.ts. */
function torchSgd(
  p: number,
  g: number,
  buf: number | undefined,
  h: { lr: number; momentum: number; dampening: number; weightDecay: number; nesterov: boolean },
): { p: number; buf: number | undefined } {
  let d = g;
  if (h.weightDecay !== 0) d = d + h.weightDecay * p;
  let next = buf;
  if (h.momentum !== 0) {
    next = buf === undefined ? d : h.momentum * buf + (1 - h.dampening) * d;
    d = h.nesterov ? d + h.momentum * next : next;
  }
  return { p: p - h.lr * d, buf: next };
}

describe('SGD without momentum under SGDR', () => {
  it('changes each weight by exactly −lr·grad with the scheduled lr, at every step, and the loss falls', () => {
    const { loss, grad } = problem();
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const sgd = new SGD([w, b], { lr: 0.8 });
    const schedule = sgdr({ t0: 10, tMult: 2, etaMin: 0.01 });
    const binding = bindSchedule(sgd, schedule);
    const initial = loss(w, b);
    const used: number[] = [];
    for (let k = 0; k < 70; k++) {
      grad(w, b, k);
      const lr = schedule.lr(k, 0.8);
      expect(sgd.paramGroups[0]!.lr).toBe(lr);
      const before = snapshot([w, b]);
      sgd.step();
      [w, b].forEach((p, i) => {
        for (let j = 0; j < p.value.length; j++) expect(p.value[j]).toBe(before[i]![j]! - lr * p.grad[j]!);
      });
      used.push(lr);
      binding.step();
    }
    // The run really went through restarts: the peak again at steps 10 and 30, and many distinct rates.
    expect(used[10]).toBe(0.8);
    expect(used[30]).toBe(0.8);
    expect(used[29]!).toBeLessThan(0.02);
    expect(new Set(used).size).toBeGreaterThan(25);
    expect(loss(w, b)).toBeLessThan(0.6 * initial);
  });
});

describe('SGD with momentum, dampening, Nesterov and weight decay under CosineAnnealingLR', () => {
  const variants = [
    { name: 'momentum', momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false },
    { name: 'dampening + weight decay', momentum: 0.8, dampening: 0.3, weightDecay: 0.01, nesterov: false },
    { name: 'nesterov + weight decay', momentum: 0.9, dampening: 0, weightDecay: 0.005, nesterov: true },
  ];
  for (const v of variants) {
    it(`${v.name}: matches PyTorch's rule recomputed with the scheduled lr`, () => {
      const { loss, grad } = problem();
      const w = parameter([0, 0]);
      const b = parameter([0]);
      const sgd = new SGD([w, b], { lr: 0.3, momentum: v.momentum, dampening: v.dampening, weightDecay: v.weightDecay, nesterov: v.nesterov });
      const scheduler = new CosineAnnealingLR(sgd, { tMax: 40, etaMin: 0.001 });
      const closedForm = cosine({ tMax: 40, etaMin: 0.001 });
      const shadow = snapshot([w, b]);
      const buffers: (number | undefined)[][] = [[undefined, undefined], [undefined]];
      const initial = loss(w, b);
      for (let k = 0; k < 40; k++) {
        grad(w, b, k);
        const lr = scheduler.getLastLr()[0]!;
        expect(sgd.paramGroups[0]!.lr).toBe(lr);
        expectClose(lr, closedForm.lr(k, 0.3), 1e-13, `lr at step ${k}`);
        [w, b].forEach((p, i) => {
          for (let j = 0; j < p.value.length; j++) {
            const next = torchSgd(shadow[i]![j]!, p.grad[j]!, buffers[i]![j], { ...v, lr });
            shadow[i]![j] = next.p;
            buffers[i]![j] = next.buf;
          }
        });
        sgd.step();
        [w, b].forEach((p, i) => {
          for (let j = 0; j < p.value.length; j++) expect(p.value[j]).toBe(shadow[i]![j]);
        });
        scheduler.step();
      }
      expect(loss(w, b)).toBeLessThan(0.6 * initial);
    });
  }

  it('a different rate would give different weights (the check above can fail)', () => {
    const { grad } = problem();
    const run = (scaled: number) => {
      const w = parameter([0, 0]);
      const b = parameter([0]);
      const sgd = new SGD([w, b], { lr: 0.3, momentum: 0.9 });
      for (let k = 0; k < 5; k++) {
        grad(w, b, k);
        sgd.paramGroups[0]!.lr = 0.3 * scaled;
        sgd.step();
      }
      return Array.from(w.value);
    };
    expect(run(1)).not.toEqual(run(1 + 1e-12));
  });
});

describe('SGD details', () => {
  it('updates Float32Array parameters in place, rounding on store', () => {
    const values = new Float32Array([1, -2]);
    const p = parameter(values);
    const sgd = new SGD([p], { lr: 0.1 });
    p.grad.set([0.5, 0.25]);
    sgd.step();
    expect(p.value).toBe(values);
    expect(Array.from(values)).toEqual([Math.fround(1 - 0.1 * 0.5), Math.fround(-2 - 0.1 * 0.25)]);
  });

  it('param groups keep their own hyperparameters; maximize steps along the gradient', () => {
    const a = parameter([1]);
    const c = parameter([1]);
    const sgd = new SGD([{ params: [a] }, { params: [c], lr: 0.5, maximize: true }], { lr: 0.1 });
    a.grad[0] = 1;
    c.grad[0] = 1;
    sgd.step();
    expect(a.value[0]).toBe(1 - 0.1);
    expect(c.value[0]).toBe(1 + 0.5);
    sgd.zeroGrad();
    expect(a.grad[0]).toBe(0);
  });

  it('refuses bad hyperparameters at construction, naming them', () => {
    const p = () => [parameter([0])];
    expect(() => new SGD(p(), { lr: -1 })).toThrow(new InvalidParameterError('lr', -1, 'a non-negative finite number'));
    expect(() => new SGD(p(), { lr: 0.1, nesterov: true })).toThrow(/nesterov must be false unless momentum > 0 and dampening = 0/);
    expect(() => new SGD(p(), { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(InvalidParameterError);
    expect(() => new SGD(p(), { lr: 0.1, momentm: 0.9 } as never)).toThrow(/options\.momentm must be absent/);
    expect(() => new SGD([{ params: p(), momentum: Number.NaN }], { lr: 0.1 })).toThrow(/params\[0\]\.momentum must be a non-negative finite number, got NaN/);
    expect(() => new SGD([{ params: p() }], {} as never)).toThrow(/params\[0\]\.lr must be/);
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/params must be a non-empty array/);
    const shared = parameter([0]);
    expect(() => new SGD([{ params: [shared] }, { params: [shared] }], { lr: 0.1 })).toThrow(/params\[0\] must be a parameter in no other param group/);
    expect(() => new SGD([{ value: new Float64Array(2), grad: new Float64Array(1) }], { lr: 0.1 })).toThrow(/params\[0\]\.grad must be a Float64Array or Float32Array of length 2/);
  });

  it('refuses a rate made invalid after construction when stepping, instead of writing NaN', () => {
    const p = parameter([1]);
    const sgd = new SGD([p], { lr: 0.1 });
    sgd.paramGroups[0]!.lr = Number.NaN;
    expect(() => sgd.step()).toThrow(/paramGroups\[0\]\.lr must be a non-negative finite number, got NaN/);
    expect(p.value[0]).toBe(1);
  });
});
