// Generators of valid and hostile JSON for the fuzz suite.
import fc from 'fast-check';

import { SCHEDULE_DESCRIPTORS } from '../src/registry.js';
import type { OptionMeta, ScheduleDescriptor } from '../src/descriptor.js';

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const int = (min: number, max: number) => fc.integer({ min, max });

/** Valid values of one option, from its descriptor metadata; `undefined` for options JSON cannot hold. */
function optionArbitrary(meta: OptionMeta): fc.Arbitrary<unknown> | undefined {
  switch (meta.kind) {
    case 'number':
      return num(meta.min, meta.max);
    case 'integer':
      return int(meta.min, meta.max);
    case 'boolean':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...meta.choices);
    case 'steps':
      return fc.array(int(0, meta.max), { minLength: 1, maxLength: 6 }).map((m) => m.sort((a, b) => a - b));
    case 'numbers':
      return fc.array(num(meta.min, meta.max), { minLength: meta.sample.length, maxLength: meta.sample.length });
    default:
      return undefined;
  }
}

/** Valid options of a descriptor, each present or absent (its default), in anneal's spelling. */
function optionsArbitrary(d: ScheduleDescriptor): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const sized: Array<[string, Extract<OptionMeta, { kind: 'numbers' }>]> = [];
  for (const [key, meta] of Object.entries(d.options)) {
    if (meta.kind === 'numbers' && meta.lengthOf !== undefined) {
      sized.push([key, meta]);
      continue;
    }
    const arb = optionArbitrary(meta);
    if (arb !== undefined) fields[key] = arb;
  }
  const requiredKeys = Object.keys(d.rules).filter((k) => d.rules[k]!.kind === 'required' && k in fields);
  const record = fc.record(fields, { requiredKeys });
  if (sized.length === 0) return record;
  // Lists whose length follows another option's (one value per boundary, say).
  return record.chain((o) => {
    const lists: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, meta] of sized) {
      const other = o[meta.lengthOf!.option];
      const length = (Array.isArray(other) ? other.length : 0) + meta.lengthOf!.offset;
      lists[key] = fc.array(num(meta.min, meta.max), { minLength: length, maxLength: length });
    }
    return fc.record(lists).map((l) => ({ ...o, ...l }));
  });
}

const leaves = SCHEDULE_DESCRIPTORS.filter((d) => d.children === undefined);

/** A valid leaf schedule in anneal's spelling, every kind the registry knows. */
export const validLeaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  ...leaves.map((d) => optionsArbitrary(d).map((o) => ({ type: d.type, ...o }))),
);

/** A valid schedule, combinators nested a few levels. */
export const validSpec: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ spec: Record<string, unknown> }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    validLeaf,
    fc.record({ type: fc.constant('warmup'), steps: int(0, 50), startFactor: num(0, 1), schedule: tie('spec') }),
    fc.array(tie('spec'), { minLength: 1, maxLength: 3 }).chain((schedules) =>
      fc.array(int(0, 300), { minLength: schedules.length - 1, maxLength: schedules.length - 1 }).map((m) => ({
        type: 'sequence',
        schedules,
        milestones: m.sort((a, b) => a - b),
      })),
    ),
    fc.record({ type: fc.constant('chain'), schedules: fc.array(tie('spec'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('cooldown'), start: int(0, 300), steps: int(0, 100), shape: fc.constantFrom('linear', 'cosine', 'sqrt'), minFactor: num(0, 1), schedule: tie('spec') }),
  ),
})).spec;

/** The leaf in PyTorch's spelling: the options PyTorch has, under their PyTorch keywords. */
function torchArbitrary(d: ScheduleDescriptor): fc.Arbitrary<Record<string, unknown>> {
  const keywords = d.torch!.kwargs as Record<string, string>;
  return optionsArbitrary(d).map((o) => {
    const kwargs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) if (keywords[key] !== undefined) kwargs[keywords[key]] = value;
    return { scheduler: d.torch!.class, kwargs };
  });
}

/** A valid PyTorch-spelled scheduler, every class the registry maps (and ReduceLROnPlateau). */
export const validTorch: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ spec: Record<string, unknown> }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small' },
    ...leaves.filter((d) => d.torch !== undefined).map(torchArbitrary),
    fc.record({ scheduler: fc.constant('ReduceLROnPlateau'), kwargs: fc.record({ factor: num(0, 0.99), patience: int(0, 5) }) }),
    fc.array(tie('spec'), { minLength: 1, maxLength: 3 }).chain((schedulers) =>
      fc.array(int(1, 60), { minLength: schedulers.length - 1, maxLength: schedulers.length - 1 }).map((m) => ({
        scheduler: 'SequentialLR',
        kwargs: { schedulers, milestones: m.sort((a, b) => a - b) },
      })),
    ),
    fc.record({ scheduler: fc.constant('ChainedScheduler'), kwargs: fc.record({ schedulers: fc.array(tie('spec'), { minLength: 1, maxLength: 3 }) }) }),
  ),
})).spec;

/** Values nobody should send: every JSON type, non-JSON numbers, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, 5e-324, 2 ** 53, 2 ** 53 + 2, 0.5, 1e-300),
  fc.constantFrom(null, true, false, '', 'cosine', '__proto__', 'constructor', 'prototype', '1e3', 'NaN'),
  fc.constantFrom([], [1, 2], [NaN], [[[]]], {}, { __proto__: { polluted: 1 } }, Object.create(null)),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.double(), { maxLength: 2000 }),
);

/** A hostile key (prototype names among them). */
export const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'scheduler', 'kwargs', 'schedules', 'schedule', 'milestones', 'toString', 'hasOwnProperty'), fc.string({ maxLength: 8 }));

/** Deeply nested valid-looking combinators (deeper than the readers allow). */
export const deepNest = fc.integer({ min: 20, max: 2000 }).map((depth) => {
  let spec: Record<string, unknown> = { type: 'constant' };
  for (let i = 0; i < depth; i++) spec = { type: 'warmup', steps: 1, schedule: spec };
  return spec;
});

/** Replaces the value at a random path of `spec` (objects and arrays) with `value`, or adds a key. */
export function mutate(spec: unknown, pathChoices: number[], value: unknown, key: string | undefined): unknown {
  const copy = structuredClone(spec) as unknown;
  let node = copy as Record<string, unknown> | unknown[];
  for (const choice of pathChoices) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[choice % keys.length]!;
    const child = (node as Record<string, unknown>)[k];
    if (typeof child === 'object' && child !== null && choice % 3 !== 0) {
      node = child as Record<string, unknown>;
      continue;
    }
    if (key !== undefined && choice % 2 === 0 && !Array.isArray(node)) {
      Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
    } else {
      (node as Record<string, unknown>)[k] = value;
    }
    return copy;
  }
  if (key !== undefined && !Array.isArray(node)) Object.defineProperty(node, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A JSON round trip of hostile values keeps what JSON can carry; NaN/Infinity become null, as from a file. */
export const viaJSON = (value: unknown): unknown => {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return value;
  }
};
