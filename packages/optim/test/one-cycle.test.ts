// OneCycleLR drives the reference optimizers unchanged, and its momentum cycling reaches the update.
import { describe, expect, it } from 'vitest';
import { OneCycleLR } from '@anneal/core/schedulers';
import { Adam, SGD, parameter, type Parameter } from '@anneal/optim';
import { expectClose, problem, snapshot } from './support.js';

const TOTAL = 60;

describe('OneCycleLR with SGD momentum', () => {
  function train(cycleMomentum: boolean) {
    const { loss, grad } = problem();
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const sgd = new SGD([w, b], { lr: 0.1, momentum: 0.9 });
    const scheduler = new OneCycleLR(sgd, { maxLr: 0.5, totalSteps: TOTAL, cycleMomentum });
    const shadow = snapshot([w, b]);
    const buffers = shadow.map((values) => new Float64Array(values.length));
    const momenta: number[] = [];
    const rates: number[] = [];
    const initial = loss(w, b);
    for (let k = 0; k < TOTAL; k++) {
      grad(w, b, k);
      const lr = scheduler.getLastLr()[0]!;
      const momentum = sgd.paramGroups[0]!.momentum;
      rates.push(lr);
      momenta.push(momentum);
      // PyTorch's rule with the momentum the scheduler set for this step.
      [w, b].forEach((p: Parameter, i) => {
        for (let j = 0; j < p.value.length; j++) {
          const g = p.grad[j]!;
          buffers[i]![j] = k === 0 ? g : momentum * buffers[i]![j]! + g;
          shadow[i]![j] = shadow[i]![j]! - lr * buffers[i]![j]!;
        }
      });
      sgd.step();
      [w, b].forEach((p, i) => {
        for (let j = 0; j < p.value.length; j++) expect(p.value[j]).toBe(shadow[i]![j]);
      });
      scheduler.step();
    }
    return { momenta, rates, weights: [...w.value, ...b.value], initial, final: loss(w, b) };
  }

  it('cycles the momentum the optimizer uses inversely to the rate, and the loss falls', () => {
    const { momenta, rates, initial, final } = train(true);
    const peak = rates.indexOf(Math.max(...rates));
    expect(peak).toBe(Math.round(0.3 * TOTAL) - 1);
    expect(momenta[0]).toBe(0.95);
    expect(momenta[peak]).toBe(0.85);
    expectClose(momenta[TOTAL - 1]!, 0.95, 1e-2);
    expect(new Set(momenta).size).toBeGreaterThan(TOTAL / 2);
    expect(final).toBeLessThan(0.6 * initial);
  });

  it('the cycled momentum changes the trajectory (compared with momentum held at 0.9)', () => {
    const cycled = train(true);
    const fixed = train(false);
    expect(new Set(fixed.momenta)).toEqual(new Set([0.9]));
    expect(cycled.rates).toEqual(fixed.rates);
    expect(cycled.weights).not.toEqual(fixed.weights);
  });
});

describe('OneCycleLR with Adam', () => {
  it('cycles betas[0] and Adam uses it for its first moment', () => {
    const { loss, grad } = problem();
    const w = parameter([0, 0]);
    const b = parameter([0]);
    const adam = new Adam([w, b], { lr: 0.01, betas: [0.9, 0.99] });
    const scheduler = new OneCycleLR(adam, { maxLr: 0.1, totalSteps: TOTAL });
    const shadow = snapshot([w, b]);
    const m = shadow.map((values) => new Float64Array(values.length));
    const v = shadow.map((values) => new Float64Array(values.length));
    const betas1: number[] = [];
    const initial = loss(w, b);
    for (let k = 0; k < TOTAL; k++) {
      grad(w, b, k);
      const lr = scheduler.getLastLr()[0]!;
      const [beta1, beta2] = adam.paramGroups[0]!.betas;
      expect(beta2).toBe(0.99);
      betas1.push(beta1);
      [w, b].forEach((p, i) => {
        for (let j = 0; j < p.value.length; j++) {
          const g = p.grad[j]!;
          m[i]![j] = m[i]![j]! * beta1 + (1 - beta1) * g;
          v[i]![j] = v[i]![j]! * beta2 + (1 - beta2) * g * g;
          const denom = Math.sqrt(v[i]![j]!) / Math.sqrt(1 - beta2 ** (k + 1)) + 1e-8;
          shadow[i]![j] = shadow[i]![j]! - ((lr / (1 - beta1 ** (k + 1))) * m[i]![j]!) / denom;
        }
      });
      adam.step();
      [w, b].forEach((p, i) => {
        for (let j = 0; j < p.value.length; j++) expectClose(p.value[j]!, shadow[i]![j]!, 1e-15, `step ${k}`);
      });
      scheduler.step();
    }
    expect(Math.min(...betas1)).toBe(0.85);
    expect(betas1[0]).toBe(0.95);
    expect(new Set(betas1).size).toBeGreaterThan(TOTAL / 2);
    expect(loss(w, b)).toBeLessThan(0.6 * initial);
  });
});
