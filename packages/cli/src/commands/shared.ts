import { sampleSchedule } from '@anneal/core';
import type { FlagSpec } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { loadSpec, type LoadedSpec } from '../load-spec.js';
import type { Series } from '../series.js';

/** Steps are capped so a typo cannot ask for gigabytes. */
export const MAX_STEPS = 10_000_000;

/** `--steps N`. */
export const STEPS_FLAG = { type: 'integer', min: 1, max: MAX_STEPS } as const satisfies FlagSpec;
/** `--base-lr X`. */
export const BASE_LR_FLAG = { type: 'number' } as const satisfies FlagSpec;
/** `--help`, accepted by every command (handled before it runs). */
export const HELP_FLAG = { type: 'boolean', short: 'h' } as const satisfies FlagSpec;
/** `--color auto|always|never`. */
export const COLOR_FLAG = { type: 'string', choices: ['auto', 'always', 'never'] } as const satisfies FlagSpec;

/** Default number of steps charted and described. */
export const DEFAULT_STEPS = 100;

/** Loads every SPEC argument; at least `min`, at most `max`. */
export function loadSpecs(positionals: readonly string[], io: CliIO, min = 1, max = Infinity): LoadedSpec[] {
  if (positionals.length < min) throw new UsageError(`missing SPEC (a schedule such as cosine:tMax=20; see anneal --help)`);
  if (positionals.length > max) {
    throw new UsageError(`expected ${max === 1 ? 'one SPEC' : `at most ${max} SPECs`}, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(' ')}`);
  }
  return positionals.map((p) => loadSpec(p, io.cwd));
}

/**
 * The rates of steps 0 … steps−1 of each spec, as chart series, at `baseLr` (undefined: each spec's own
 * base rate when it is another ecosystem's configuration, else 1).
 */
export function sampleAll(specs: readonly LoadedSpec[], steps: number, baseLr: number | undefined): Series[] {
  return specs.map((s) => ({ label: s.label, values: sampleSchedule(s.schedule, { points: steps, baseLr: baseLr ?? s.baseLr ?? 1 }) }));
}
