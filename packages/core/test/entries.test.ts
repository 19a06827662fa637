// The package's entry points (src/index.ts is `@anneal/core`, src/json.ts `@anneal/core/json`, src/replay.ts
// `@anneal/core/replay`): what each exports, that the readers and the replay stay out of the root entry, and
// that every error class carries its own name. tools/consumer-test checks the same on the built package.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';
import * as root from '../src/index.js';
import * as json from '../src/json.js';
import * as replay from '../src/replay.js';

describe('entry points', () => {
  it('@anneal/core/json exports the readers and their tables, and the writers', () => {
    expect(Object.keys(json).sort()).toEqual([
      'ConversionError',
      'HF_SCHEDULERS',
      'HF_TRAINING_ARGUMENTS',
      'KERAS_SCHEDULES',
      'OPTAX_SCHEDULES',
      'SCHEDULE_TYPES',
      'TARGET_NAMES',
      'TIMM_DEFAULTS',
      'TIMM_SCHEDULERS',
      'TORCH_SCHEDULERS',
      'WRITE_TARGETS',
      'ecosystemFromJSON',
      'pythonLiteral',
      'scheduleFromJSON',
      'schedulerFromJSON',
      'writeConfig',
      'writeSnippet',
    ]);
  });

  it('@anneal/core/replay exports the trace replay', () => {
    expect(Object.keys(replay).sort()).toEqual([
      'PYTORCH_PROVEN',
      'TRACE_TOLERANCE',
      'formatReplayFile',
      'formatReplaySummary',
      'parseTrace',
      'pytorchOfTrace',
      'replayCase',
      'replayTrace',
    ]);
  });

  it('the root entry has neither the readers, the replay, nor the formula internals', () => {
    const internals = [
      'constantFactor',
      'linearFactor',
      'stepFactor',
      'multiStepFactor',
      'exponentialFactor',
      'polynomialFactor',
      'cosineAnnealingValue',
      'cosineAnnealingRecursiveValue',
      'annealCos',
      'annealLinear',
    ];
    for (const name of [...Object.keys(json), ...Object.keys(replay), ...internals]) expect(root).not.toHaveProperty(name);
    expect(root).toHaveProperty('restartPosition');
  });

  it('the entries share the error classes', () => {
    expect(() => json.scheduleFromJSON({ type: 'nope' })).toThrow(root.UnknownScheduleError);
    expect(() => replay.parseTrace({})).toThrow(root.TraceFormatError);
  });
});

describe('error names', () => {
  // A dummy argument that every constructor accepts (a path, a value, a list of known names).
  const args = [['x'], ['x'], ['x'], ['x']] as const;
  const classes = Object.entries(errors as Record<string, unknown>).filter(
    (entry): entry is [string, new (...a: unknown[]) => Error] =>
      typeof entry[1] === 'function' && (entry[1] as { prototype: unknown }).prototype instanceof Error,
  );

  it('covers every error class, and the root entry exports each', () => {
    expect(classes.map(([name]) => name).sort()).toEqual([
      'AnnealError',
      'InvalidParameterError',
      'NonFiniteRateError',
      'NotSerializableError',
      'SchedulerUsageError',
      'StateDictError',
      'TraceFormatError',
      'UnknownScheduleError',
    ]);
    for (const [name, Class] of classes) expect(root).toHaveProperty(name, Class);
  });

  it.each(classes)('new %s(...).name is the class name', (name, Class) => {
    const error = new Class(...args);
    expect(error.name).toBe(name);
    expect(String(error).startsWith(`${name}: `)).toBe(true);
    expect(error).toBeInstanceOf(errors.AnnealError);
  });

  it('each subclass spells its name as a string (a bundler may rename the class itself)', () => {
    const source = readFileSync(new URL('../src/errors.ts', import.meta.url), 'utf8');
    const subclasses = [...source.matchAll(/export class (\w+) extends AnnealError/g)].map((m) => m[1]);
    expect(subclasses.length).toBe(classes.length - 1);
    for (const name of subclasses) expect(source).toContain(`this.name = '${name}';`);
  });
});
