// Scheduling weight decay, momentum and Adam's beta2 per param group: every optimizer step must have used
// the scheduled values, checked against the update rules written out independently.
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, StateDictError, constant, cosine, linear, step, warmup } from '@anneal/core';
import { Adam, AdamW, SGD, bindSchedule, parameter, scheduleHyperparameter } from '@anneal/optim';
import { expectClose } from './support.js';

describe('scheduleHyperparameter', () => {
  it('AdamW weight decay on a cosine, a different schedule per group: each step decays by 1 − lr·wd_t', () => {
    // Zero gradients: Adam's update is 0, so only the decoupled decay moves the weights.
    const a = parameter([2, -1]);
    const b = parameter([3]);
    const opt = new AdamW([{ params: [a], weightDecay: 0.5 }, { params: [b], weightDecay: 0.2 }], { lr: 0.1 });
    const wdA = cosine({ tMax: 10, etaMin: 0.05 });
    const wdB = linear({ startFactor: 0.1, endFactor: 1, totalIters: 10 });
    const wd = scheduleHyperparameter(opt, 'weightDecay', [wdA, wdB]);
    let ea = [2, -1];
    let eb = 3;
    for (let t = 0; t < 15; t++) {
      const wa = wdA.lr(t, 0.5);
      const wb = wdB.lr(t, 0.2);
      expect(opt.paramGroups[0]!.weightDecay).toBe(wa);
      expect(opt.paramGroups[1]!.weightDecay).toBe(wb);
      expect(wd.values).toEqual([wa, wb]);
      opt.step();
      ea = ea.map((v) => v * (1 - 0.1 * wa));
      eb = eb * (1 - 0.1 * wb);
      ea.forEach((v, j) => expectClose(a.value[j]!, v, 1e-15, `step ${t} a[${j}]`));
      expectClose(b.value[0]!, eb, 1e-15, `step ${t} b`);
      wd.step();
    }
  });

  it("Adam's beta2 warmed up (0.9 → 0.999): every update is Adam's rule with that step's beta2", () => {
    const p = parameter([1, -2, 0.5]);
    const opt = new Adam([p], { lr: 0.01, betas: [0.9, 0.999] });
    const beta2 = warmup({ steps: 20, startFactor: 0.9 / 0.999 }, constant({ factor: 1 }));
    const b2 = scheduleHyperparameter(opt, 'beta2', beta2);
    const lr = bindSchedule(opt, cosine({ tMax: 30 }));
    const shadow = Array.from(p.value);
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    for (let k = 1; k <= 30; k++) {
      const g = shadow.map((x) => 2 * x + 0.1 * Math.sin(k)); // gradient of a bowl, plus a drift
      p.grad.set(g);
      const beta = beta2.lr(k - 1, 0.999);
      const rate = cosine({ tMax: 30 }).lr(k - 1, 0.01);
      expect(opt.paramGroups[0]!.betas).toEqual([0.9, beta]);
      for (let i = 0; i < 3; i++) {
        m[i] = 0.9 * m[i]! + 0.1 * g[i]!;
        v[i] = beta * v[i]! + (1 - beta) * g[i]! * g[i]!;
        const denom = Math.sqrt(v[i]!) / Math.sqrt(1 - beta ** k) + 1e-8;
        shadow[i] = shadow[i]! - ((rate / (1 - 0.9 ** k)) * m[i]!) / denom;
      }
      opt.step();
      shadow.forEach((x, i) => expectClose(p.value[i]!, x, 1e-14, `update ${k} [${i}]`));
      b2.step();
      lr.step();
    }
    expect(opt.paramGroups[0]!.betas[1]).toBe(0.999);
  });

  it('SGD momentum on a step schedule: each update uses that step\'s momentum', () => {
    const p = parameter([1]);
    const opt = new SGD([p], { lr: 0.1, momentum: 0.9 });
    const mom = step({ stepSize: 3, gamma: 0.5 });
    const binding = scheduleHyperparameter(opt, 'momentum', mom);
    let x = 1;
    let buf: number | undefined;
    for (let t = 0; t < 9; t++) {
      const mu = mom.lr(t, 0.9);
      expect(opt.paramGroups[0]!.momentum).toBe(mu);
      p.grad[0] = 2 * x;
      buf = buf === undefined ? 2 * x : mu * buf + 2 * x;
      x = x - 0.1 * buf;
      opt.step();
      expectClose(p.value[0]!, x, 1e-15, `step ${t}`);
      binding.step();
    }
  });

  it('stepTo jumps, state dicts round-trip, and bad input is refused with its name', () => {
    const opt = new AdamW([parameter([1])], { weightDecay: 0.1 });
    const wd = scheduleHyperparameter(opt, 'weightDecay', cosine({ tMax: 10 }), { base: 0.2 });
    expect(opt.paramGroups[0]!.weightDecay).toBe(0.2);
    wd.stepTo(5);
    expect(opt.paramGroups[0]!.weightDecay).toBeCloseTo(0.1, 15);
    const saved = JSON.parse(JSON.stringify(wd.stateDict()));
    const opt2 = new AdamW([parameter([1])], { weightDecay: 0.1 });
    const wd2 = scheduleHyperparameter(opt2, 'weightDecay', cosine({ tMax: 10 }), { base: 0.2 });
    wd2.loadStateDict(saved);
    expect(opt2.paramGroups[0]!.weightDecay).toBe(opt.paramGroups[0]!.weightDecay);
    wd.step();
    wd2.step();
    expect(wd2.values).toEqual(wd.values);
    expect(() => wd2.loadStateDict({ ...saved, name: 'eps' })).toThrow(StateDictError);
    expect(() => scheduleHyperparameter(new SGD([parameter([1])], { lr: 0.1 }), 'beta2', cosine({ tMax: 3 }))).toThrow(/optimizer\.paramGroups\[0\]\.beta2 must be a finite number/);
    expect(() => scheduleHyperparameter(opt, 'weightDecay', cosine({ tMax: 3 }), { base: [1, 2] })).toThrow(InvalidParameterError);
    expect(() => scheduleHyperparameter(opt, 'betas', cosine({ tMax: 3 }))).toThrow(/^name must be/);
    // A value the optimizer refuses is refused at its step, naming the group.
    const adam = new Adam([parameter([1])]);
    scheduleHyperparameter(adam, 'beta2', linear({ startFactor: 2, endFactor: 2, totalIters: 1 })); // 2 × 0.999
    expect(() => adam.step()).toThrow(/paramGroups\[0\]\.betas\[1\] must be a number in \[0, 1\)/);
  });
});
