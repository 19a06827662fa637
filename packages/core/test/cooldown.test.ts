// The cooldown: the pure form parameterised by its start, and CooldownLR, which starts it at run time.
import { describe, expect, it } from 'vitest';
import { constant, cooldown, InvalidParameterError, StateDictError, warmup, wsd } from '../src/index.js';
import { CooldownLR, ScheduleLR } from '../src/schedulers.js';
import { scheduleFromJSON, schedulerFromJSON } from '../src/json.js';

const base = warmup({ steps: 10 }, constant({ factor: 1 }));

describe('cooldown (pure)', () => {
  it('is the base schedule before start, the decay after, and the floor after start + steps', () => {
    const c = cooldown({ start: 40, steps: 20, minFactor: 0.1 }, base);
    for (const t of [0, 5, 10, 39, 40]) expect(c.lr(t, 0.5)).toBe(base.lr(t, 0.5));
    expect(c.lr(50, 0.5)).toBeCloseTo(0.5 * (0.1 + 0.9 * 0.5), 15);
    expect(c.lr(60, 0.5)).toBeCloseTo(0.05, 15);
    expect(c.lr(1000, 0.5)).toBeCloseTo(0.05, 15);
  });

  it('branching off step c of a constant-after-warmup run is wsd with stableSteps = c − warmup', () => {
    for (const shape of ['linear', 'cosine', 'sqrt'] as const) {
      for (const start of [20, 35, 70]) {
        const c = cooldown({ start, steps: 30, shape, minFactor: 0.05 }, base);
        const w = wsd({ warmupSteps: 10, stableSteps: start - 10, decaySteps: 30, decayShape: shape, minFactor: 0.05 });
        for (let t = 0; t <= 120; t += 0.5) expect(c.lr(t, 0.3)).toBeCloseTo(w.lr(t, 0.3), 14);
      }
    }
  });

  it('decays from the rate the base schedule has at start (here a cosine mid-way)', () => {
    const spec = { type: 'cooldown', start: 5, steps: 5, schedule: { type: 'cosine', tMax: 10 } };
    const c = scheduleFromJSON(spec);
    expect(c.toJSON()).toMatchObject({ type: 'cooldown', start: 5, steps: 5, shape: 'linear', minFactor: 0, schedule: { type: 'cosine', tMax: 10 } });
    expect(scheduleFromJSON(c.toJSON()).lr(7, 1)).toBe(c.lr(7, 1));
    expect(c.lr(5, 1)).toBeCloseTo(0.5, 15);
    expect(c.lr(7.5, 1)).toBeCloseTo(0.25, 15);
    expect(c.lr(10, 1)).toBe(0);
  });

  it('refuses bad options, naming them', () => {
    expect(() => cooldown({ start: -1, steps: 3 }, base)).toThrow(/start must be a non-negative finite number, got -1/);
    expect(() => cooldown({ start: 1, steps: 3, shape: 'cubic' as never }, base)).toThrow(InvalidParameterError);
  });
});

describe('CooldownLR', () => {
  it('is read back from its toJSON() by schedulerFromJSON, and its state loads into the copy', () => {
    const first = new CooldownLR({ paramGroups: [{ lr: 0.2 }] }, base, { steps: 20, shape: 'sqrt', minFactor: 0.1 });
    for (let t = 0; t < 12; t++) first.step();
    first.startCooldown();
    const optimizer = { paramGroups: [{ lr: 0.2 }] };
    const copy = schedulerFromJSON(optimizer, JSON.parse(JSON.stringify(first.toJSON())));
    if (!(copy instanceof CooldownLR)) throw new Error(`read back as ${copy.kind}`);
    copy.loadStateDict(JSON.parse(JSON.stringify(first.stateDict())));
    for (let t = 0; t < 25; t++) {
      first.step();
      copy.step();
      expect(copy.getLastLr()).toEqual(first.getLastLr());
    }
    expect(() => schedulerFromJSON(optimizer, { scheduler: 'CooldownLR', options: { schedule: { type: 'constant' }, steps: 5, shap: 'sqrt' } })).toThrow(
      /options\.shap must be absent \(CooldownLR takes/,
    );
  });

  const run = (decideAt: number, total: number, saveAt?: number) => {
    const optimizer = { paramGroups: [{ lr: 0.2 }, { lr: 0.02 }] };
    const scheduler = new CooldownLR(optimizer, base, { steps: 20, shape: 'cosine', minFactor: 0.1 });
    const lrs: number[][] = [scheduler.getLastLr()];
    let saved: ReturnType<CooldownLR['stateDict']> | undefined;
    for (let t = 1; t <= total; t++) {
      if (t - 1 === decideAt) scheduler.startCooldown();
      scheduler.step();
      lrs.push(scheduler.getLastLr());
      if (t === saveAt) saved = JSON.parse(JSON.stringify(scheduler.stateDict()));
    }
    return { lrs, scheduler, saved };
  };

  it('follows ScheduleLR until the cooldown starts, then the pure cooldown from that step', () => {
    for (const decideAt of [0, 7, 30, 55]) {
      const { lrs, scheduler } = run(decideAt, 90);
      const pure = cooldown({ start: decideAt, steps: 20, shape: 'cosine', minFactor: 0.1 }, base);
      lrs.forEach((row, t) => {
        expect(row[0]).toBe(pure.lr(t, 0.2));
        expect(row[1]).toBe(pure.lr(t, 0.02));
      });
      expect(scheduler.cooldown).toEqual({ start: decideAt, steps: 20 });
      expect(lrs[decideAt + 20]![0]).toBeCloseTo(0.2 * 0.1 * (decideAt >= 10 ? 1 : base.lr(decideAt, 1)), 15);
    }
    const plain = new ScheduleLR({ paramGroups: [{ lr: 0.2 }] }, base);
    const { lrs } = run(1000, 40);
    for (let t = 1; t <= 40; t++) {
      plain.step();
      expect(lrs[t]![0]).toBe(plain.getLastLr()[0]);
    }
  });

  it('resumes through its state dict, inside the cooldown or before it', () => {
    for (const [decideAt, saveAt] of [[30, 40], [30, 20]] as const) {
      const { lrs, saved } = run(decideAt, 70, saveAt);
      const optimizer = { paramGroups: [{ lr: 0.2 }, { lr: 0.02 }] };
      const resumed = new CooldownLR(optimizer, base, { steps: 20, shape: 'cosine', minFactor: 0.1 });
      resumed.loadStateDict(saved!);
      expect(resumed.cooldown).toEqual(saveAt > decideAt ? { start: 30, steps: 20 } : undefined);
      for (let t = saveAt + 1; t <= 70; t++) {
        if (t - 1 === decideAt) resumed.startCooldown();
        resumed.step();
        expect(resumed.getLastLr()).toEqual(lrs[t]);
      }
    }
  });

  it('startCooldown takes another start or length; bad input and bad states are refused', () => {
    const scheduler = new CooldownLR({ paramGroups: [{ lr: 1 }] }, base, { steps: 10 });
    for (let t = 0; t < 30; t++) scheduler.step();
    scheduler.startCooldown({ at: 20, steps: 4 });
    scheduler.step(); // 31: past 20 + 4
    expect(scheduler.getLastLr()).toEqual([0]);
    expect(() => scheduler.startCooldown({ at: -2 })).toThrow(/at must be a non-negative finite number, got -2/);
    expect(() => new CooldownLR({ paramGroups: [{ lr: 1 }] }, base, { steps: -1 })).toThrow(/steps must be a non-negative finite number, got -1/);
    expect(() => new CooldownLR({ paramGroups: [{ lr: 1 }] }, base, { steps: 1, gamma: 2 } as never)).toThrow(InvalidParameterError);
    const state = scheduler.stateDict();
    expect(() => scheduler.loadStateDict({ ...state, cooldown: { start: -1, steps: 2 } })).toThrow(StateDictError);
    expect(scheduler.cooldown).toEqual({ start: 20, steps: 4 });
  });
});
