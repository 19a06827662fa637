// Adam and AdamW trained on a real problem: every update must be PyTorch's rule with the scheduled rate.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, cosine, warmup } from '@anneal/core';
import { Adam, AdamW, bindSchedule, parameter } from '@anneal/optim';
import { expectClose, problem, snapshot } from './support.js';

interface Moments {
  m: number;
  v: number;
  vMax: number;
}

/** PyTorch's Adam / AdamW rule for one element at update `k` (1-based), written out independently. */
function torchAdam(
  p: number,
  g: number,
  s: Moments,
  k: number,
  h: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number; amsgrad: boolean; decoupled: boolean },
): number {
  let param = p;
  let grad = g;
  if (h.decoupled) param = param * (1 - h.lr * h.weightDecay);
  else if (h.weightDecay !== 0) grad = grad + h.weightDecay * param;
  s.m = s.m * h.beta1 + (1 - h.beta1) * grad;
  s.v = s.v * h.beta2 + (1 - h.beta2) * grad * grad;
  s.vMax = Math.max(s.vMax, s.v);
  const second = h.amsgrad ? s.vMax : s.v;
  const stepSize = h.lr / (1 - h.beta1 ** k);
  const denom = Math.sqrt(second) / Math.sqrt(1 - h.beta2 ** k) + h.eps;
  return param + (-stepSize * s.m) / denom;
}

const variants = [
  { name: 'Adam', Ctor: Adam, weightDecay: 0, amsgrad: false, decoupled: false },
  { name: 'Adam with L2 weight decay and AMSGrad', Ctor: Adam, weightDecay: 0.01, amsgrad: true, decoupled: false },
  { name: 'AdamW', Ctor: AdamW, weightDecay: 0.01, amsgrad: false, decoupled: true },
  { name: 'AdamW with AMSGrad', Ctor: AdamW, weightDecay: 0.05, amsgrad: true, decoupled: true },
];

describe('Adam / AdamW under warmup + cosine', () => {
  for (const v of variants) {
    it(`${v.name}: each update is PyTorch's rule with the scheduled lr, and the loss falls`, () => {
      const { loss, grad } = problem();
      const w = parameter([0, 0]);
      const b = parameter([0]);
      const base = 0.05;
      const optimizer = new v.Ctor([w, b], { lr: base, weightDecay: v.weightDecay, amsgrad: v.amsgrad });
      const schedule = warmup({ steps: 5, startFactor: 0.1 }, cosine({ tMax: 60, etaMin: 1e-4 }));
      const binding = bindSchedule(optimizer, schedule);
      const shadow = snapshot([w, b]);
      const moments: Moments[][] = shadow.map((values) => Array.from(values, () => ({ m: 0, v: 0, vMax: 0 })));
      const initial = loss(w, b);
      for (let k = 0; k < 60; k++) {
        grad(w, b, k);
        const lr = schedule.lr(k, base);
        expect(optimizer.paramGroups[0]!.lr).toBe(lr);
        const h = { lr, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: v.weightDecay, amsgrad: v.amsgrad, decoupled: v.decoupled };
        [w, b].forEach((p, i) => {
          for (let j = 0; j < p.value.length; j++) shadow[i]![j] = torchAdam(shadow[i]![j]!, p.grad[j]!, moments[i]![j]!, k + 1, h);
        });
        optimizer.step();
        [w, b].forEach((p, i) => {
          for (let j = 0; j < p.value.length; j++) expectClose(p.value[j]!, shadow[i]![j]!, 1e-15, `step ${k} param ${i}[${j}]`);
        });
        binding.step();
      }
      expect(loss(w, b)).toBeLessThan(0.6 * initial);
    });
  }

  it('AdamW decays with the current scheduled rate, Adam does not decay without a gradient', () => {
    const a = parameter([2]);
    const adamw = new AdamW([a], { lr: 0.1, weightDecay: 0.5 });
    const binding = bindSchedule(adamw, cosine({ tMax: 4 }));
    binding.stepTo(2); // lr = 0.05
    adamw.step(); // zero gradient: only the decay moves the weight
    expect(a.value[0]).toBe(2 * (1 - 0.05 * 0.5));
    const c = parameter([2]);
    new Adam([c], { lr: 0.1 }).step();
    expect(c.value[0]).toBe(2);
  });
});

describe('Adam details', () => {
  it('has PyTorch defaults; AdamW differs only by its weight decay', () => {
    const adam = new Adam([parameter([0])]);
    const adamw = new AdamW([parameter([0])]);
    const { params: _a, ...adamGroup } = adam.paramGroups[0]!;
    const { params: _b, ...adamwGroup } = adamw.paramGroups[0]!;
    expect(adamGroup).toEqual({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false });
    expect(adamwGroup).toEqual({ ...adamGroup, weightDecay: 1e-2 });
    expect([adam.kind, adamw.kind]).toEqual(['Adam', 'AdamW']);
  });

  it('reads betas afresh at each step (a mutable array)', () => {
    const run = (beta1AtStep2: number) => {
      const p = parameter([1]);
      const adam = new Adam([p], { lr: 0.1 });
      p.grad[0] = 1;
      adam.step();
      adam.paramGroups[0]!.betas[0] = beta1AtStep2;
      p.grad[0] = -0.5;
      adam.step();
      return p.value[0];
    };
    expect(run(0.5)).not.toBe(run(0.9));
  });

  it('refuses bad hyperparameters, naming them', () => {
    const p = () => [parameter([0])];
    expect(() => new Adam(p(), { betas: [1, 0.999] })).toThrow(new InvalidParameterError('betas[0]', 1, 'a number in [0, 1)'));
    expect(() => new Adam(p(), { betas: [0.9] as never })).toThrow(/betas must be an array of two numbers/);
    expect(() => new AdamW(p(), { eps: -1 })).toThrow(/eps must be a non-negative finite number, got -1/);
    expect(() => new Adam([{ params: p(), weightDecay: -0.1 }])).toThrow(/params\[0\]\.weightDecay must be/);
    const adam = new Adam(p());
    adam.paramGroups[0]!.betas = [0.9, Number.POSITIVE_INFINITY];
    expect(() => adam.step()).toThrow(/paramGroups\[0\]\.betas\[1\] must be a number in \[0, 1\), got Infinity/);
  });
});
