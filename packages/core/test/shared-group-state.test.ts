// PyTorch keeps OneCycleLR's bounds in the param groups and reads them back every step, so a second
// OneCycleLR on the same optimizer moves the first one's peak; anneal reproduces it (traces in
// fixtures record it from PyTorch; this is the mechanism, with hand values).
import { describe, expect, it } from 'vitest';
import { OneCycleLR } from '../src/schedulers.js';
import { InvalidParameterError, NonFiniteRateError } from '../src/errors.js';
import { sgd } from './helpers.js';

describe('OneCycleLR bounds live in the param groups, as in PyTorch', () => {
  it('writes initialLr, maxLr, minLr and the momentum bounds into each group', () => {
    const optimizer = sgd([0.1], 0.9);
    new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10, divFactor: 4, finalDivFactor: 5 });
    expect(optimizer.paramGroups[0]).toMatchObject({ initialLr: 0.25, maxLr: 1, minLr: 0.05, maxMomentum: 0.95, baseMomentum: 0.85, momentum: 0.95 });
  });

  it('a second OneCycleLR on the same optimizer moves the first one\'s bounds', () => {
    const optimizer = sgd([0.1], 0.9);
    const first = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 11, pctStart: 0.5, divFactor: 4, annealStrategy: 'linear' });
    new OneCycleLR(optimizer, { maxLr: 2, totalSteps: 11, pctStart: 0.5, divFactor: 4, annealStrategy: 'linear' });
    for (let i = 0; i < 5; i++) first.step();
    // the first scheduler at its peak step (pctStart · totalSteps − 1 = 4.5: step 5 is past it, on the way down)
    // reads the second one's bounds: initial 0.5, peak 2
    expect(first.getLastLr()[0]).toBeCloseTo(2 - (2 - 2 / 4 / 1e4) * (0.5 / 5.5), 12);
  });

  it('a group written by hand counts too, and a resumed scheduler without bounds in its groups uses its own', () => {
    const optimizer = sgd([0.1]);
    const s = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10, cycleMomentum: false });
    optimizer.paramGroups[0]!.maxLr = 3;
    for (let i = 0; i < 2; i++) s.step();
    const fresh = sgd([0.1]);
    const t = new OneCycleLR(fresh, { maxLr: 3, totalSteps: 10, cycleMomentum: false });
    fresh.paramGroups[0]!.initialLr = 1 / 25;
    fresh.paramGroups[0]!.minLr = 1 / 25 / 1e4;
    for (let i = 0; i < 2; i++) t.step();
    expect(s.getLastLr()).toEqual(t.getLastLr());
    const resumed = sgd([0.1]);
    resumed.paramGroups[0]!.initialLr = 0.04;
    const r = new OneCycleLR(resumed, { maxLr: 1, totalSteps: 10, cycleMomentum: false, lastEpoch: 1 });
    expect(r.getLastLr()[0]).toBeGreaterThan(0.04);
  });

  it('a resume reads the bounds its groups hold and uses its own for those they lack', () => {
    const options = { maxLr: 1, totalSteps: 10, divFactor: 4, finalDivFactor: 5 } as const;
    const reference = sgd([0.1], 0.9);
    const uninterrupted = new OneCycleLR(reference, options);
    for (let i = 0; i < 4; i++) uninterrupted.step();
    // A resume at step 3 on groups holding only initialLr: the rest from the options, as if written.
    const resumed = sgd([0.1], 0.9);
    resumed.paramGroups[0]!.initialLr = 0.25;
    const r = new OneCycleLR(resumed, { ...options, lastEpoch: 3 });
    expect(r.getLastLr()).toEqual(uninterrupted.getLastLr());
    expect(resumed.paramGroups[0]!.momentum).toBe(reference.paramGroups[0]!.momentum);
    // The bounds it lacked are now in the group (PyTorch would have raised a KeyError reading them).
    expect(resumed.paramGroups[0]).toMatchObject({ initialLr: 0.25, maxLr: 1, minLr: 0.25 / 5, maxMomentum: 0.95, baseMomentum: 0.85 });
    // A resume on a group without initialLr is refused, and writes nothing.
    const bare = sgd([0.1], 0.9);
    expect(() => new OneCycleLR(bare, { ...options, lastEpoch: 3 })).toThrow(InvalidParameterError);
    expect(Object.keys(bare.paramGroups[0]!).sort()).toEqual(['lr', 'momentum']);
    // A group holding its own peak is read.
    const held = sgd([0.1], 0.9);
    Object.assign(held.paramGroups[0]!, { initialLr: 0.25, maxLr: 2 });
    const h = new OneCycleLR(held, { ...options, lastEpoch: 3 });
    expect(h.getLastLr()[0]).toBeGreaterThan(uninterrupted.getLastLr()[0]!);
  });

  it('a bound removed from a group mid-run is refused at the next step, naming the group, never a NaN', () => {
    const optimizer = sgd([0.1, 0.2], 0.9);
    const s = new OneCycleLR(optimizer, { maxLr: 1, totalSteps: 10 });
    s.step();
    const before = optimizer.paramGroups.map((g) => g.lr);
    delete optimizer.paramGroups[1]!.maxLr;
    expect(() => s.step()).toThrow(NonFiniteRateError);
    expect(() => s.step()).toThrow('OneCycleLR at step 3, param group 1 would be NaN');
    expect(optimizer.paramGroups.map((g) => g.lr)).toEqual(before); // no rate written
    optimizer.paramGroups[1]!.maxLr = 1;
    s.step();
    expect(s.getLastLr()[1]).toBeGreaterThan(before[1]!);
    // A momentum bound: the rates stay finite, the momentum would not.
    delete optimizer.paramGroups[0]!.baseMomentum;
    expect(() => s.step()).toThrow('OneCycleLR at step 5, param group 0 momentum would be NaN');
  });
});
