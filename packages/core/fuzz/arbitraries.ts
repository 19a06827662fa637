// Generators of valid and hostile JSON for the fuzz suite.
import fc from 'fast-check';

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const int = (min: number, max: number) => fc.integer({ min, max });

/** A valid leaf schedule in anneal's spelling. */
export const validLeaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant('constant'), factor: num(0, 1) }),
  fc.record({ type: fc.constant('linear'), startFactor: num(0, 1), endFactor: num(0, 1), totalIters: int(1, 1000) }),
  fc.record({ type: fc.constant('step'), stepSize: int(1, 100), gamma: num(0, 1) }),
  fc.record({ type: fc.constant('multiStep'), milestones: fc.array(int(0, 500), { minLength: 1, maxLength: 6 }).map((m) => m.sort((a, b) => a - b)), gamma: num(0, 1) }),
  fc.record({ type: fc.constant('exponential'), gamma: num(0, 1) }),
  fc.record({ type: fc.constant('polynomial'), totalIters: int(1, 1000), power: num(0, 4) }),
  fc.record({ type: fc.constant('cosine'), tMax: num(0.5, 1000), etaMin: num(0, 0.01), clamp: fc.boolean() }),
  fc.record({ type: fc.constant('sgdr'), t0: int(1, 100), tMult: int(1, 4), etaMin: num(0, 0.01), cycleDecay: num(0, 1) }),
  fc.record({ type: fc.constant('oneCycle'), totalSteps: int(2, 1000), pctStart: num(0.05, 0.95), maxLr: num(0.001, 1) }),
  fc.record({ type: fc.constant('cyclic'), baseLr: num(0, 0.01), maxLr: num(0.01, 1), stepSizeUp: int(1, 100), mode: fc.constantFrom('triangular', 'triangular2', 'exp_range'), gamma: num(0.9, 1) }),
  fc.record({ type: fc.constant('inverseSqrt'), warmupSteps: int(0, 100) }),
  fc.record({ type: fc.constant('wsd'), warmupSteps: int(0, 50), stableSteps: int(0, 200), decaySteps: int(0, 100), decayShape: fc.constantFrom('linear', 'cosine', 'sqrt') }),
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
  ),
})).spec;

/** A valid PyTorch-spelled scheduler. */
export const validTorch: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ spec: Record<string, unknown> }>((tie) => ({
  spec: fc.oneof(
    { depthSize: 'small' },
    fc.record({ scheduler: fc.constant('StepLR'), kwargs: fc.record({ step_size: int(1, 50), gamma: num(0, 1) }) }),
    fc.record({ scheduler: fc.constant('MultiStepLR'), kwargs: fc.record({ milestones: fc.array(int(0, 100), { minLength: 1, maxLength: 5 }), gamma: num(0, 1) }) }),
    fc.record({ scheduler: fc.constant('ConstantLR'), kwargs: fc.record({ factor: num(0.01, 1), total_iters: int(0, 50) }) }),
    fc.record({ scheduler: fc.constant('LinearLR'), kwargs: fc.record({ start_factor: num(0.01, 1), end_factor: num(0, 1), total_iters: int(1, 50) }) }),
    fc.record({ scheduler: fc.constant('ExponentialLR'), kwargs: fc.record({ gamma: num(0, 1) }) }),
    fc.record({ scheduler: fc.constant('PolynomialLR'), kwargs: fc.record({ total_iters: int(1, 50), power: num(0, 3) }) }),
    fc.record({ scheduler: fc.constant('CosineAnnealingLR'), kwargs: fc.record({ T_max: int(1, 100), eta_min: num(0, 0.001) }) }),
    fc.record({ scheduler: fc.constant('CosineAnnealingWarmRestarts'), kwargs: fc.record({ T_0: int(1, 50), T_mult: int(1, 3), eta_min: num(0, 0.001) }) }),
    fc.record({ scheduler: fc.constant('OneCycleLR'), kwargs: fc.record({ max_lr: num(0.01, 1), total_steps: int(2, 500), pct_start: num(0.05, 0.95) }) }),
    fc.record({ scheduler: fc.constant('CyclicLR'), kwargs: fc.record({ base_lr: num(0.0001, 0.01), max_lr: num(0.01, 1), step_size_up: int(1, 50) }) }),
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
