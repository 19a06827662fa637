// Optimizer state dicts: plain JSON, exact round trip, refusal of foreign states.
import { describe, expect, it } from 'vitest';
import { StateDictError } from '@anneal/core';
import { Adam, AdamW, SGD, parameter, type OptimizerState } from '@anneal/optim';
import { problem } from './support.js';

function trainAdam(adam: Adam, w: ReturnType<typeof parameter>, b: ReturnType<typeof parameter>, from: number, to: number): void {
  const { grad } = problem();
  for (let k = from; k < to; k++) {
    grad(w, b, k);
    adam.step();
  }
}

describe('optimizer stateDict', () => {
  it('Adam (AMSGrad): a JSON round trip continues bit-identically', () => {
    const make = () => {
      const w = parameter([0, 0]);
      const b = parameter([0]);
      return { w, b, adam: new Adam([{ params: [w] }, { params: [b], lr: 0.02 }], { lr: 0.05, amsgrad: true }) };
    };
    // The reference: 20 uninterrupted steps, with betas[0] changed to 0.8 after step 8.
    const reference = make();
    trainAdam(reference.adam, reference.w, reference.b, 0, 8);
    reference.adam.paramGroups[0]!.betas[0] = 0.8;
    trainAdam(reference.adam, reference.w, reference.b, 8, 20);
    // The same run saved after step 8 (hyperparameter changes are part of the state) and resumed elsewhere.
    const first = make();
    trainAdam(first.adam, first.w, first.b, 0, 8);
    first.adam.paramGroups[0]!.betas[0] = 0.8;
    const text = JSON.stringify(first.adam.stateDict());
    const saved = JSON.parse(text) as OptimizerState;
    expect(saved.kind).toBe('Adam');
    expect(saved.paramGroups.map((g) => g.params)).toEqual([[0], [1]]);
    expect(saved.state[0]).toMatchObject({ step: 8 });
    const resumed = make();
    resumed.w.value.set(first.w.value);
    resumed.b.value.set(first.b.value);
    resumed.adam.loadStateDict(saved);
    expect(resumed.adam.paramGroups[0]!.betas).toEqual([0.8, 0.999]);
    trainAdam(resumed.adam, resumed.w, resumed.b, 8, 20);
    expect([...resumed.w.value, ...resumed.b.value]).toEqual([...reference.w.value, ...reference.b.value]);
  });

  it('SGD keeps momentum buffers and the scheduled rate; initialLr survives', () => {
    const p = parameter([1, 2]);
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.9 });
    sgd.paramGroups[0]!.initialLr = 0.1;
    p.grad.set([1, 1]);
    sgd.step();
    sgd.paramGroups[0]!.lr = 0.05;
    const state = sgd.stateDict();
    expect(state).toEqual({
      kind: 'SGD',
      paramGroups: [{ lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, initialLr: 0.1, params: [0] }],
      state: [{ momentumBuffer: [1, 1] }],
    });
    const q = parameter([0, 0]);
    const other = new SGD([q], { lr: 1 });
    other.loadStateDict(JSON.parse(JSON.stringify(state)));
    expect(other.paramGroups[0]!.lr).toBe(0.05);
    expect(other.paramGroups[0]!.initialLr).toBe(0.1);
    q.grad.set([1, 1]);
    other.step(); // buffer = 0.9·1 + 1
    expect(Array.from(q.value)).toEqual([-0.05 * 1.9, -0.05 * 1.9]);
  });

  it('refuses another kind, another layout or malformed fields, and changes nothing then', () => {
    const p = parameter([1, 2]);
    const sgd = new SGD([p], { lr: 0.1, momentum: 0.9 });
    const state = sgd.stateDict();
    const adamw = new AdamW([parameter([0, 0])]);
    expect(() => adamw.loadStateDict(state)).toThrow(StateDictError);
    expect(() => adamw.loadStateDict(state)).toThrow(/this state was saved by "SGD", not by AdamW/);
    const two = new SGD([{ params: [parameter([0])] }, { params: [parameter([0])] }], { lr: 0.1 });
    expect(() => two.loadStateDict(state)).toThrow(/expected 2 groups, got 1/);
    expect(() => sgd.loadStateDict({ ...state, state: [{ momentumBuffer: [1] }] })).toThrow(/state\[0\]\.momentumBuffer: expected an array of 2 finite numbers/);
    expect(() => sgd.loadStateDict({ ...state, state: [{ velocity: [1, 2] }] })).toThrow(/state\[0\]\.velocity: unknown field/);
    expect(() => sgd.loadStateDict({ ...state, paramGroups: [{ ...state.paramGroups[0]!, lr: -1 }] })).toThrow(/paramGroups\[0\]\.lr/);
    expect(sgd.paramGroups[0]!.lr).toBe(0.1);
  });
});
