// PyTorch keeps OneCycleLR's bounds in the param groups and reads them back every step, so a second
// OneCycleLR on the same optimizer moves the first one's peak; anneal reproduces it (traces in
// fixtures record it from PyTorch; this is the mechanism, with hand values).
import { describe, expect, it } from 'vitest';
import { OneCycleLR } from '../src/schedulers.js';
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
});
