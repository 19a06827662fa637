// Fuzzing the writers with every valid spec the arbitraries generate (and hostile ones): each target either
// writes a configuration that anneal reads back with the spec's rates, or refuses with a ConversionError (a valid
// spec) or the reader's typed error (an invalid one). Never a raw TypeError, never a wrong configuration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnealError } from '../src/index.js';
import { ConversionError, ecosystemFromJSON, scheduleFromJSON, writeConfig, WRITE_TARGETS } from '../src/json.js';
import { hostileValue, mutate, validSpec } from './arbitraries.js';

// The writers read each configuration back over thousands of steps: a tenth of the readers' runs.
const RUNS = Math.max(50, Math.floor(Number(process.env.FUZZ_RUNS ?? 2000) / 10));
const STEPS = [0, 0.5, 1, 2, 3, 7.25, 10, 99, 250, 1000, 4321.5];

describe('writers, fuzzed', () => {
  it('a valid spec: exact for the target, or a ConversionError', () => {
    fc.assert(
      fc.property(validSpec, fc.constantFrom(...WRITE_TARGETS), fc.constantFrom(1, 0.01), (spec, target, baseLr) => {
        let config: unknown;
        try {
          config = writeConfig(spec, target, { baseLr });
        } catch (error) {
          if (!(error instanceof ConversionError)) throw error;
          return;
        }
        const original = scheduleFromJSON(spec);
        const back = scheduleFromJSON(config);
        const backRate = target === 'pytorch' ? baseLr : (ecosystemFromJSON(config).baseLr ?? baseLr);
        for (const t of STEPS) {
          let want: number | string;
          let got: number | string;
          try {
            want = original.lr(t, baseLr);
          } catch (e) {
            want = (e as Error).name;
          }
          try {
            got = back.lr(t, backRate);
          } catch (e) {
            got = (e as Error).name;
          }
          if (typeof want === 'string' || typeof got === 'string') expect(got).toBe(want);
          else expect(Math.abs(want - got) <= Math.max(1e-12 * Math.max(Math.abs(want), Math.abs(got)), 1e-15 * baseLr), `${target} at ${t}: ${got} vs ${want}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a mutated spec: a typed AnnealError, or a configuration', () => {
    fc.assert(
      fc.property(validSpec, fc.array(fc.nat(), { maxLength: 4 }), hostileValue, fc.constantFrom(...WRITE_TARGETS), (spec, path, value, target) => {
        try {
          writeConfig(mutate(spec, path, value, undefined), target);
        } catch (error) {
          if (!(error instanceof AnnealError)) throw error;
        }
      }),
      { numRuns: RUNS },
    );
  });
});
