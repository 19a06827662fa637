// The descriptor registry: every schedule kind has one, every key a reader accepts (in anneal's and
// PyTorch's spelling) changes the values or is documented as inert, and the tables below are keyed by
// the `ScheduleType` union, so the compiler asks for an entry for each new schedule.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import { InvalidParameterError, type Schedule } from '../src/index.js';
import { CosineAnnealingLR, TORCH_CLASSES } from '../src/schedulers.js';
import { scheduleFromJSON, schedulerFromJSON, TORCH_SCHEDULERS, type AnyScheduler } from '../src/json.js';
import { SCHEDULE_DESCRIPTORS as REGISTERED, SCHEDULE_TYPES, descriptorOf, type ScheduleType } from '../src/registry.js';
import { alternativeValue, sampleSpec } from '../src/meta/samples.js';
import type { ScheduleDescriptor } from '../src/descriptor.js';
import { expectClose, sgd } from './helpers.js';

/** The registry, as the generic descriptors the readers see. */
const SCHEDULE_DESCRIPTORS: readonly ScheduleDescriptor[] = REGISTERED;

const DOCS = fileURLToPath(new URL('../../../docs/schedules', import.meta.url));
const PROBES = [0, 1, 3, 7, 12.5, 25, 30, 40, 60, 75, 80, 90, 150, 400, 1000, 2500];
const BASE = 0.1;

/** What a schedule gives at the probe steps: rates, then momentums (or a marker that it has none). */
function trace(schedule: Schedule): unknown[] {
  const rates = PROBES.map((t) => schedule.lr(t, BASE));
  const momentums = schedule.momentum === undefined ? ['no momentum'] : PROBES.map((t) => schedule.momentum!(t, 0.9));
  return [...rates, ...momentums];
}

/** Rates and momentums of a scheduler over `steps` steps. */
function drive(scheduler: AnyScheduler, steps: number, optimizer: { paramGroups: Array<{ lr: number; momentum?: number }> }): number[] {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    if ('isBetter' in scheduler) scheduler.step(1);
    else scheduler.step();
    for (const g of optimizer.paramGroups) out.push(g.lr, g.momentum ?? Number.NaN);
  }
  return out;
}

/** Hand-computed values per kind: `[spec, step, rate at base rate 1]`. The compiler demands an entry per kind. */
const HAND_VALUES: Record<ScheduleType, Array<[Record<string, unknown>, number, number]>> = {
  constant: [
    [{ type: 'constant', factor: 0.5, totalIters: 4 }, 3.9, 0.5],
    [{ type: 'constant', factor: 0.5, totalIters: 4 }, 4, 1],
  ],
  linear: [[{ type: 'linear', startFactor: 0.25, endFactor: 0.75, totalIters: 4 }, 2, 0.5]],
  step: [[{ type: 'step', stepSize: 3, gamma: 0.5 }, 6.5, 0.25]],
  multiStep: [[{ type: 'multiStep', milestones: [2, 2, 5], gamma: 0.5 }, 2, 0.25]],
  exponential: [[{ type: 'exponential', gamma: 0.5 }, 3, 0.125]],
  polynomial: [[{ type: 'polynomial', totalIters: 4, power: 2 }, 2, 0.25]],
  cosine: [
    [{ type: 'cosine', tMax: 10, etaMin: 0 }, 5, 0.5],
    [{ type: 'cosine', tMax: 10, etaMin: 0.2, clamp: true }, 30, 0.2],
  ],
  sgdr: [
    [{ type: 'sgdr', t0: 10, tMult: 2 }, 10, 1],
    [{ type: 'sgdr', t0: 10, tMult: 2 }, 20, 0.5],
    [{ type: 'sgdr', t0: 10, tMult: 2, cycleDecay: 0.5 }, 30, 0.25],
  ],
  oneCycle: [
    [{ type: 'oneCycle', totalSteps: 11, pctStart: 0.5, divFactor: 4, finalDivFactor: 2, annealStrategy: 'linear' }, 0, 0.25],
    [{ type: 'oneCycle', totalSteps: 11, pctStart: 0.5, divFactor: 4, finalDivFactor: 2, annealStrategy: 'linear' }, 4.5, 1],
    [{ type: 'oneCycle', totalSteps: 11, pctStart: 0.5, divFactor: 4, finalDivFactor: 2, annealStrategy: 'linear' }, 10, 0.125],
  ],
  cyclic: [[{ type: 'cyclic', baseLr: 0.2, maxLr: 1, stepSizeUp: 4 }, 2, 0.6]],
  inverseSqrt: [[{ type: 'inverseSqrt', warmupSteps: 4, timescale: 4 }, 16, Math.sqrt(4 / 16)]],
  wsd: [[{ type: 'wsd', warmupSteps: 2, stableSteps: 2, decaySteps: 4, minFactor: 0.5 }, 6, 0.75]],
  piecewiseConstant: [
    [{ type: 'piecewiseConstant', boundaries: [2, 5], values: [1, 0.5, 0.25] }, 2, 0.5],
    [{ type: 'piecewiseConstant', boundaries: [2, 5], values: [1, 0.5, 0.25], atBoundary: 'previous' }, 2, 1],
    [{ type: 'piecewiseConstant', boundaries: [2, 5], values: [1, 0.5, 0.25], atBoundary: 'previous' }, 5.5, 0.25],
  ],
  piecewiseInterpolate: [
    [{ type: 'piecewiseInterpolate', boundaries: [0, 4, 8], values: [0, 1, 0.5] }, 2, 0.5],
    [{ type: 'piecewiseInterpolate', boundaries: [0, 4, 8], values: [0, 1, 0.5] }, 6, 0.75],
    [{ type: 'piecewiseInterpolate', boundaries: [0, 4, 8], values: [0, 1, 0.5], interpolation: 'cosine' }, 2, 0.5],
    [{ type: 'piecewiseInterpolate', boundaries: [0, 4, 8], values: [0, 1, 0.5], interpolation: 'cosine' }, 10, 0.5],
  ],
  warmup: [[{ type: 'warmup', steps: 4, startFactor: 0, schedule: { type: 'constant' } }, 1, 0.25]],
  sequence: [[{ type: 'sequence', milestones: [2], schedules: [{ type: 'constant' }, { type: 'exponential', gamma: 0.5 }] }, 4, 0.25]],
  chain: [[{ type: 'chain', schedules: [{ type: 'exponential', gamma: 0.5 }, { type: 'constant', factor: 0.5 }] }, 1, 0.25]],
  cooldown: [
    // Branch at 4 off 1 − t/10 (rate 0.6 there), linear to 0.5·0.6 over 4 steps: halfway 0.6·(0.5 + 0.5·0.5).
    [{ type: 'cooldown', start: 4, steps: 4, minFactor: 0.5, schedule: { type: 'polynomial', totalIters: 10, power: 1 } }, 6, 0.45],
    [{ type: 'cooldown', start: 4, steps: 4, minFactor: 0.5, schedule: { type: 'polynomial', totalIters: 10, power: 1 } }, 2, 0.8],
    [{ type: 'cooldown', start: 4, steps: 4, minFactor: 0.5, schedule: { type: 'polynomial', totalIters: 10, power: 1 } }, 9, 0.3],
    [{ type: 'cooldown', start: 2, steps: 4, shape: 'cosine', schedule: { type: 'constant', factor: 1 } }, 3, 0.8535533905932737],
    [{ type: 'cooldown', start: 2, steps: 4, shape: 'sqrt', schedule: { type: 'constant', factor: 1 } }, 3, 0.5],
  ],
  // torch.manual_seed(42); torch.randn(1) is 0.33669036626815796 (float32), seed 43 gives -0.6484010815620422
  noise: [
    [{ type: 'noise', seed: 42, schedule: { type: 'constant' } }, 0, 1 + 0.33669036626815796],
    [{ type: 'noise', seed: 42, schedule: { type: 'constant' } }, 1.5, 1 - 0.6484010815620422],
    [{ type: 'noise', seed: 42, start: 2, schedule: { type: 'constant' } }, 1, 1],
  ],
};

describe('the registry', () => {
  it('lists each kind once, and SCHEDULE_TYPES is derived from it', () => {
    const types = SCHEDULE_DESCRIPTORS.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...SCHEDULE_TYPES]).toEqual(types);
    expect(Object.keys(HAND_VALUES).sort()).toEqual([...types].sort());
  });

  it.each(Object.entries(HAND_VALUES))('%s gives the values worked out by hand', (_type, rows) => {
    for (const [spec, t, want] of rows) expectClose(scheduleFromJSON(spec).lr(t, 1), want, 4e-16, 1, `${JSON.stringify(spec)} at ${t}`);
  });

  it.each(SCHEDULE_DESCRIPTORS.map((d) => [d.type, d] as const))('%s: the rules and the metadata name the same options', (_t, d) => {
    expect(Object.keys(d.options).sort()).toEqual(Object.keys(d.rules).sort());
    for (const option of Object.keys(d.torch?.kwargs ?? {})) expect(Object.keys(d.rules)).toContain(option);
  });

  it.each(SCHEDULE_DESCRIPTORS.map((d) => [d.type, d] as const))('%s: the sample reads, and toJSON gives back what the reader accepts', (_t, d) => {
    const schedule = scheduleFromJSON(sampleSpec(d));
    expect(schedule.type).toBe(d.type);
    const again = scheduleFromJSON(JSON.parse(JSON.stringify(schedule.toJSON())));
    expect(trace(again)).toEqual(trace(schedule));
  });

  it('every PyTorch class a descriptor names is read as a scheduler of that kind', () => {
    for (const d of SCHEDULE_DESCRIPTORS) {
      if (d.torch === undefined) continue;
      expect(TORCH_SCHEDULERS).toContain(d.torch.class);
      if (d.children !== undefined) continue;
      const optimizer = sgd([BASE], 0.9);
      const scheduler = schedulerFromJSON(optimizer, torchSample(d));
      expect(scheduler.kind).toBe(d.torch.class);
    }
  });

  it('TORCH_CLASSES holds exactly the stateful class of each kind whose descriptor names a PyTorch class', () => {
    const named = SCHEDULE_DESCRIPTORS.filter((d) => d.torch !== undefined && d.children === undefined).map((d) => d.torch!.class);
    expect(Object.keys(TORCH_CLASSES).sort()).toEqual([...named].sort());
    for (const [name, Class] of Object.entries(TORCH_CLASSES)) expect(Class.name).toBe(name);
  });

  it('every descriptor a schedule file declares is in the registry, and its factory is exported from the root entry', async () => {
    const files = ['schedules', 'combinators'].flatMap((dir) => readdirSync(new URL(`../src/${dir}/`, import.meta.url)).map((f) => new URL(`../src/${dir}/${f}`, import.meta.url)));
    const modules = (await Promise.all(files.map((f) => import(f.href)))) as Array<Record<string, unknown>>;
    const declared = modules.flatMap((m) => Object.entries(m).filter(([name]) => name.endsWith('Descriptor')).map(([, d]) => d));
    expect(declared.length).toBe(SCHEDULE_DESCRIPTORS.length);
    for (const d of declared) expect(SCHEDULE_DESCRIPTORS).toContain(d);
    for (const d of SCHEDULE_DESCRIPTORS) expect(typeof (core as Record<string, unknown>)[d.type], `export ${d.type} from src/index.ts`).toBe('function');
  });

  it('every schedule kind has a documentation page that plots it', () => {
    const pages = readdirSync(DOCS).map((f) => readFileSync(join(DOCS, f), 'utf8'));
    for (const d of SCHEDULE_DESCRIPTORS) {
      expect(pages.some((page) => page.includes(`type: '${d.type}'`)), `a page in docs/schedules with <SchedulePlot ... type: '${d.type}'`).toBe(true);
    }
  });

  it('a factory refuses a JSON form of another kind; a stateful class refuses a type key', () => {
    expect(() => core.cosine({ type: 'step', tMax: 5 } as never)).toThrow(/type must be "cosine", got "step"/);
    expect(() => new CosineAnnealingLR(sgd([BASE]), { type: 'cosine', tMax: 5 } as never)).toThrow(/type must be absent/);
  });

  it('unknown names are refused with the known list', () => {
    expect(descriptorOf('__proto__')).toBeUndefined();
    expect(() => scheduleFromJSON({ type: 'cosin' })).toThrow(/known: constant, linear/);
  });
});

/** The sample in PyTorch's spelling: the options PyTorch has, under their keywords. */
function torchSample(d: ScheduleDescriptor): Record<string, unknown> {
  const keywords = d.torch!.kwargs as Record<string, string>;
  const kwargs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sampleSpec(d))) if (keywords[key] !== undefined) kwargs[keywords[key]] = value;
  return { scheduler: d.torch!.class, kwargs };
}

describe('no accepted-but-ignored input (anneal spelling)', () => {
  for (const d of SCHEDULE_DESCRIPTORS) {
    for (const [option, meta] of Object.entries(d.options)) {
      if (meta.kind === 'function') {
        it(`${d.type}.${option} holds a function: refused in JSON`, () => {
          expect(() => scheduleFromJSON({ ...sampleSpec(d), [option]: 'x' })).toThrow(InvalidParameterError);
        });
        continue;
      }
      if (meta.kind === 'inert') {
        it(`${d.type}.${option} is documented as inert and changes nothing: ${meta.why}`, () => {
          const base = trace(scheduleFromJSON(sampleSpec(d)));
          for (const value of d.rules[option]!.kind === 'optional' ? ['cycle', 'iterations'] : []) {
            expect(trace(scheduleFromJSON({ ...sampleSpec(d), [option]: value }))).toEqual(base);
          }
        });
        continue;
      }
      it(`${d.type}.${option} changes the values`, () => {
        const base = { ...sampleSpec(d), ...(meta.when ?? {}) };
        const other = { ...base, [option]: alternativeValue(meta) };
        expect(other[option], 'an alternative value').not.toEqual(base[option]);
        expect(trace(scheduleFromJSON(other))).not.toEqual(trace(scheduleFromJSON(base)));
      });
    }
  }
});

describe('no accepted-but-ignored input (PyTorch spelling, pure and stateful)', () => {
  const STEPS = 99;
  /** The rates a PyTorch-spelled spec gives, read both ways. */
  const both = (spec: Record<string, unknown>) => {
    const optimizer = sgd([BASE], 0.9);
    return { pure: trace(scheduleFromJSON(spec)), stateful: drive(schedulerFromJSON(optimizer, spec), STEPS, optimizer) };
  };
  for (const d of SCHEDULE_DESCRIPTORS) {
    if (d.torch === undefined || d.children !== undefined) continue;
    for (const [option, keyword] of Object.entries(d.torch.kwargs as Record<string, string>)) {
      const meta = d.options[option]!;
      if (meta.kind === 'inert' || meta.kind === 'function') continue; // covered above
      it(`${d.torch.class}(${keyword}=...) changes the values, or is refused naming it`, () => {
        const sample = torchSample(d);
        const kwargs = { ...(sample.kwargs as Record<string, unknown>) };
        for (const [k, v] of Object.entries(meta.when ?? {})) kwargs[(d.torch!.kwargs as Record<string, string>)[k]!] = v;
        const base = both({ ...sample, kwargs });
        let other: ReturnType<typeof both>;
        try {
          other = both({ ...sample, kwargs: { ...kwargs, [keyword]: alternativeValue(meta) } });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidParameterError);
          expect((error as InvalidParameterError).path).toContain(keyword);
          return;
        }
        expect(other.pure).not.toEqual(base.pure);
        expect(other.stateful).not.toEqual(base.stateful);
      });
    }
    for (const [keyword, why] of Object.entries(d.torch.inert ?? {})) {
      it(`${d.torch.class}(${keyword}=...) is documented as inert: ${why}`, () => {
        const sample = torchSample(d);
        const base = both(sample);
        const other = both({ ...sample, kwargs: { ...(sample.kwargs as Record<string, unknown>), [keyword]: 7 } });
        expect(other).toEqual(base);
      });
    }
    it(`${d.torch.class}(verbose=True) only prints in PyTorch: accepted, no effect`, () => {
      const sample = torchSample(d);
      expect(both({ ...sample, kwargs: { ...(sample.kwargs as Record<string, unknown>), verbose: true } })).toEqual(both(sample));
    });
    it(`${d.torch.class}(last_epoch=3) resumes there (or is refused), never ignored`, () => {
      const sample = torchSample(d);
      const optimizer = sgd([BASE], 0.9);
      for (const g of optimizer.paramGroups) g.initialLr = BASE;
      const resumed = schedulerFromJSON(optimizer, { ...sample, kwargs: { ...(sample.kwargs as Record<string, unknown>), last_epoch: 3 } });
      expect(resumed.stateDict().lastEpoch).toBe(4); // the initial step of a resumed scheduler, as in PyTorch
      expect(() => scheduleFromJSON({ ...sample, kwargs: { ...(sample.kwargs as Record<string, unknown>), last_epoch: 3 } })).toThrow(/last_epoch/);
    });
  }

  it('SequentialLR honours last_epoch (its count starts at last_epoch + 1, as in PyTorch); ChainedScheduler refuses last_epoch and verbose as PyTorch 1.13 does', () => {
    const child = { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } };
    const run = (lastEpoch: number) => {
      const s = schedulerFromJSON(sgd([BASE]), { scheduler: 'SequentialLR', kwargs: { schedulers: [child, { scheduler: 'StepLR', kwargs: { step_size: 100 } }], milestones: [3], last_epoch: lastEpoch } });
      if ('isBetter' in s) throw new Error('SequentialLR read as a plateau scheduler');
      return [0, 1, 2].map(() => (s.step(), s.getLastLr()[0]));
    };
    expect(run(-1)).toEqual([0.05, 0.025, 0.1]); // hand-over to StepLR (its step 0: the base rate) at step 3
    expect(run(1)).toEqual([0.1, 0.1, 0.1]); // counting from 2: the hand-over comes at the first step
    for (const key of ['last_epoch', 'verbose']) {
      expect(() => schedulerFromJSON(sgd([BASE]), { scheduler: 'ChainedScheduler', kwargs: { schedulers: [child], [key]: -1 } })).toThrow(
        new RegExp(`kwargs\\.${key} must be absent`),
      );
    }
  });
});
