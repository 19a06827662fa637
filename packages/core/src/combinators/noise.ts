import { checkedFormulaOf, createSchedule, formulaOf, type Formula, type Schedule } from '../schedule.js';
import { InvalidParameterError } from '../errors.js';
import { integer, nonNegative } from '../internal/validate.js';
import { resolveOptions, type Resolved, type Rules } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import type { ScheduleSpec } from '../serialization/spec.js';

/** Options of {@link noise}. */
export interface NoiseOptions {
  /** First step with noise. Default `0`. */
  start?: number;
  /** Step from which the noise stops (exclusive). Default: none, the noise lasts. */
  end?: number;
  /** Draws are repeated until their magnitude is below `pct` (timm `noise_pct`). Default `0.67`; at least 0.001. */
  pct?: number;
  /** The seed of step `t` is `seed + floor(t)` (timm `noise_seed`). A non-negative integer, default `42`. */
  seed?: number;
}

const atLeastMilli = (name: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0.001) throw new InvalidParameterError(name, value, 'a finite number >= 0.001');
  return value;
};

/** Checks and defaults of {@link NoiseOptions}. */
export const noiseRules = {
  start: { kind: 'default', check: nonNegative, value: 0 },
  end: { kind: 'optional', check: nonNegative },
  pct: { kind: 'default', check: atLeastMilli, value: 0.67 },
  seed: { kind: 'default', check: (name, value) => integer(name, value, 0), value: 42 },
} satisfies Rules<NoiseOptions>;

/** JSON form of {@link noise}. */
export interface NoiseSpec extends Resolved<typeof noiseRules> {
  type: 'noise';
  /** The schedule the noise is applied to. */
  schedule: ScheduleSpec;
}

/** MT19937 seeded with the low 32 bits of `seed`, as PyTorch's CPU generator after `manual_seed(seed)`. */
function mt19937(seed: number): () => number {
  const state = new Uint32Array(624);
  let index = 624;
  state[0] = seed % 4294967296;
  for (let i = 1; i < 624; i++) {
    const p = state[i - 1]! ^ (state[i - 1]! >>> 30);
    state[i] = (Math.imul(1812433253, p) + i) >>> 0;
  }
  return () => {
    if (index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y = (state[i]! & 0x80000000) | (state[(i + 1) % 624]! & 0x7fffffff);
        state[i] = state[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = state[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

/**
 * The noise of one step: PyTorch's `torch.randn(1, generator=g)` after `g.manual_seed(seed)` (a float32
 * standard normal by Box–Muller from MT19937, the sine of each pair kept for the next draw), drawn again until
 * its magnitude is below `pct`, as timm's `_calculate_noise` does.
 */
export function timmNoise(seed: number, pct: number): number {
  const next = mt19937(seed);
  const uniform = () => {
    const hi = next();
    const lo = next();
    return ((hi & 0x1fffff) * 4294967296 + lo) * 2 ** -53; // the low 53 bits of hi·2^32 + lo
  };
  for (;;) {
    const u1 = uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log1p(-u2));
    const theta = 2 * Math.PI * u1;
    const first = Math.fround(r * Math.cos(theta));
    if (Math.abs(first) < pct) return first;
    const second = Math.fround(r * Math.sin(theta));
    if (Math.abs(second) < pct) return second;
  }
}

/**
 * timm's learning-rate noise on any schedule: from `start` to `end`, the rate at step `t` is
 * `s(t) + s(t)·n`, `n` the standard normal drawn with the seed `seed + floor(t)` and redrawn until
 * `|n| < pct` ({@link timmNoise}). Deterministic: the same step gives the same rate, in any order, and the
 * JSON form reproduces it.
 *
 * - Bounds: within `s(t)·(1 ± pct)`.
 */
export function noise(options: NoiseOptions, schedule: Schedule): Schedule {
  const o = resolveOptions(noiseRules, options, { type: 'noise', extra: ['schedule'] });
  const { start, end = Infinity, pct, seed } = o;
  const noisy = (inner: Formula): Formula => (t, baseLr) => {
    const value = inner(t, baseLr);
    return t >= start && t < end ? value + value * timmNoise(seed + Math.floor(t), pct) : value;
  };
  const fast = noisy(formulaOf(schedule));
  const checked = noisy(checkedFormulaOf(schedule));
  return createSchedule({
    type: 'noise',
    spec: () => ({ type: 'noise', ...o, schedule: schedule.toJSON() }),
    lr: fast,
    checked,
    ...(schedule.momentum === undefined ? {} : { momentum: schedule.momentum }),
  });
}

/** {@link noise}'s descriptor. */
export const noiseDescriptor: ScheduleDescriptor<NoiseSpec, NoiseOptions> = {
  type: 'noise',
  label: 'Seeded noise (timm)',
  formula: 's(t)\\,(1 + n_{\\lfloor t \\rfloor}),\\; n \\sim \\mathcal{N}(0, 1),\\ |n| < p',
  rules: noiseRules,
  children: 'schedule',
  create: ({ schedule: _child, ...options }, [child]) => noise(options as never, child!),
  options: {
    start: { kind: 'number', min: 0, max: 100, step: 1, sample: 10 },
    end: { kind: 'number', min: 0, max: 1000, step: 1, sample: 80, absentInSample: true },
    pct: { kind: 'number', min: 0.05, max: 1, step: 0.01, sample: 0.67 },
    seed: { kind: 'integer', min: 0, max: 1000, sample: 42 },
  },
  source: 'timm (Wightman), timm.scheduler.Scheduler noise',
};
