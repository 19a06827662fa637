// Hostile-input fuzzing of the three entry points that read untrusted data: the JSON schedule reader
// (anneal's spelling), the PyTorch-spelling reader (schedules and schedulers) and loadStateDict.
// Every input must either give something whose values are all finite, or a typed AnnealError that names
// the path of the bad field. Never a raw TypeError, never a hang, never a polluted Object.prototype.
//
// FUZZ_RUNS sets the number of generated inputs per property (pnpm fuzz: 100000; CI: fewer).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AnnealError,
  InvalidParameterError,
  StateDictError,
  UnknownScheduleError,
  type Schedule,
} from '../src/index.js';
import { ReduceLROnPlateau, type SchedulerState } from '../src/schedulers.js';
import { scheduleFromJSON, schedulerFromJSON, type AnyScheduler } from '../src/json.js';
import { deepNest, hostileKey, hostileValue, mutate, validSpec, validTorch, viaJSON } from './arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const STEPS = [0, 0.5, 1, 2, 3, 7.25, 10, 99, 1000, 12345.5, 2 ** 40];
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
const counts: Record<string, number> = {};

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(protoKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** A typed error with a path in its message, or rethrow. */
function expectTypedError(error: unknown): void {
  if (!(error instanceof AnnealError)) throw error;
  expect(error.message.length).toBeGreaterThan(0);
  if (error instanceof InvalidParameterError || error instanceof UnknownScheduleError || error instanceof StateDictError) {
    expect(typeof error.path).toBe('string');
    expect(error.path.length).toBeGreaterThan(0);
  }
}

function expectFiniteValues(schedule: Schedule): void {
  for (const t of STEPS) {
    let v: number;
    try {
      v = schedule.lr(t, 0.1);
    } catch (error) {
      expectTypedError(error);
      continue;
    }
    expect(Number.isFinite(v), `lr(${t}) = ${v}`).toBe(true);
    if (schedule.momentum) {
      try {
        expect(Number.isFinite(schedule.momentum(t, 0.9))).toBe(true);
      } catch (error) {
        expectTypedError(error);
      }
    }
  }
}

function optimizer() {
  return { paramGroups: [{ lr: 0.1, momentum: 0.9 }, { lr: 0.01, momentum: 0.9 }] };
}

function drive(scheduler: AnyScheduler, steps: number): void {
  for (let i = 0; i < steps; i++) {
    try {
      if (scheduler instanceof ReduceLROnPlateau) scheduler.step(1 / (i + 1));
      else scheduler.step();
    } catch (error) {
      expectTypedError(error);
      return;
    }
    for (const lr of scheduler.getLastLr()) expect(Number.isFinite(lr), `lr ${lr}`).toBe(true);
  }
}

function count(name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}

const mutation = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), hostileValue, fc.option(hostileKey, { nil: undefined }), fc.boolean());

describe('fuzz: scheduleFromJSON (anneal spelling)', () => {
  it('valid specs give finite values and survive a JSON round trip', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        count('anneal valid');
        const s = scheduleFromJSON(spec);
        expectFiniteValues(s);
        const again = scheduleFromJSON(JSON.parse(JSON.stringify(s.toJSON())));
        for (const t of STEPS) expect(Object.is(again.lr(t, 0.1), s.lr(t, 0.1))).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
  it('mutated and hostile specs give finite values or a typed error with a path', () => {
    fc.assert(
      fc.property(fc.oneof(validSpec.chain((s) => mutation.map(([p, v, k, json]) => (json ? viaJSON(mutate(s, p, v, k)) : mutate(s, p, v, k)))), hostileValue, deepNest), (input) => {
        count('anneal hostile');
        let s: Schedule;
        try {
          s = scheduleFromJSON(input);
        } catch (error) {
          expectTypedError(error);
          return;
        }
        expectFiniteValues(s);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: PyTorch spelling', () => {
  it('mutated PyTorch specs give a working scheduler or a typed error with a path', () => {
    fc.assert(
      fc.property(fc.oneof(validTorch, validTorch.chain((s) => mutation.map(([p, v, k, json]) => (json ? viaJSON(mutate(s, p, v, k)) : mutate(s, p, v, k))))), (input) => {
        count('torch scheduler');
        let scheduler: AnyScheduler;
        try {
          scheduler = schedulerFromJSON(optimizer(), input);
        } catch (error) {
          expectTypedError(error);
          return;
        }
        drive(scheduler, 25);
      }),
      { numRuns: RUNS },
    );
  });
  it('PyTorch specs read as pure schedules give finite values or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(validTorch, validTorch.chain((s) => mutation.map(([p, v, k]) => mutate(s, p, v, k)))), (input) => {
        count('torch schedule');
        let s: Schedule;
        try {
          s = scheduleFromJSON(input);
        } catch (error) {
          expectTypedError(error);
          return;
        }
        expectFiniteValues(s);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: loadStateDict', () => {
  it('mutated state dicts load and keep stepping finitely, or fail with a typed error', () => {
    fc.assert(
      fc.property(validTorch, fc.nat(30), mutation, (spec, at, [path, value, key, json]) => {
        count('state dict');
        let source: AnyScheduler;
        try {
          source = schedulerFromJSON(optimizer(), spec);
        } catch (error) {
          expectTypedError(error);
          return;
        }
        drive(source, at);
        const state = source.stateDict();
        const hostile = (json ? viaJSON(mutate(state, path, value, key)) : mutate(state, path, value, key)) as SchedulerState;
        const target = schedulerFromJSON(optimizer(), spec);
        try {
          target.loadStateDict(hostile);
        } catch (error) {
          expectTypedError(error);
          return;
        }
        drive(target, 10);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz summary', () => {
  it('ran the requested number of inputs per entry point', () => {
    console.log(`fuzzed inputs: ${JSON.stringify(counts)}`);
    expect(counts['torch scheduler']).toBeGreaterThanOrEqual(RUNS);
    expect(counts['state dict']).toBeGreaterThanOrEqual(RUNS);
  });
});
