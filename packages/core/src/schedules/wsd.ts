import { createSchedule, type Schedule } from '../schedule.js';
import { finite, nonNegative, oneOf, positive } from '../internal/validate.js';
import { resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';

/** Shape of the decay phase of {@link wsd}. */
export type WsdDecayShape = 'linear' | 'cosine' | 'sqrt';

/** Options of {@link wsd}. */
export interface WsdOptions {
  /** Linear warmup length. Default `0`. */
  warmupSteps?: number;
  /** Length of the flat phase at the base rate. Required, >= 0. */
  stableSteps: number;
  /** Length of the final decay. Required, >= 0. */
  decaySteps: number;
  /** Decay shape: `linear`, `cosine` (half cosine) or `sqrt` (1 − sqrt(progress)). Default `'linear'`. */
  decayShape?: WsdDecayShape;
  /** Multiplier of the base rate at the start of warmup. Default `0`. */
  startFactor?: number;
  /** Multiplier of the base rate at the end of the decay and afterwards. Default `0`. */
  minFactor?: number;
  /**
   * Warmup shape from `startFactor` to 1: `linear`, `cosine` (`(1 − cos(π·p))/2`) or `sqrt` (`1 − sqrt(1 − p)`,
   * HF's `1-sqrt`). Default `'linear'`.
   */
  warmupShape?: WsdDecayShape;
  /**
   * Cosine waves of the `cosine` decay over `decaySteps`: the decay curve is `(1 + cos(2π·decayCycles·p))/2`
   * (HF `num_cycles`). Default `0.5`, one half cosine down to `minFactor`; > 0.
   */
  decayCycles?: number;
}

const SHAPES = ['linear', 'cosine', 'sqrt'] as const;

/** Checks and defaults of {@link WsdOptions}. */
export const wsdRules = {
  warmupSteps: { kind: 'default', check: nonNegative, value: 0 },
  stableSteps: { kind: 'required', check: nonNegative },
  decaySteps: { kind: 'required', check: nonNegative },
  decayShape: { kind: 'default', check: (name, value) => oneOf(name, value, SHAPES), value: 'linear' },
  startFactor: { kind: 'default', check: finite, value: 0 },
  minFactor: { kind: 'default', check: finite, value: 0 },
  warmupShape: { kind: 'optional', check: (name, value) => oneOf(name, value, SHAPES) },
  decayCycles: { kind: 'optional', check: positive },
} satisfies Rules<WsdOptions>;

/** JSON form of {@link wsd}. */
export interface WsdSpec extends SpecOf<'wsd', typeof wsdRules> {}

/** The decay multiplier from 1 (progress 0) to 0 (progress 1) for each shape (`cycles` cosine waves for `cosine`). */
export function decayCurve(shape: WsdDecayShape, progress: number, cycles = 0.5): number {
  if (shape === 'linear') return 1 - progress;
  if (shape === 'cosine') return cycles === 0.5 ? (1 + Math.cos(Math.PI * progress)) / 2 : 0.5 * (1 + Math.cos(Math.PI * cycles * 2 * progress));
  return 1 - Math.sqrt(progress);
}

/** The warmup multiplier from 0 (progress 0) to 1 (progress 1) for each shape. */
function warmupCurve(shape: WsdDecayShape, progress: number): number {
  if (shape === 'linear') return progress;
  if (shape === 'cosine') return 0.5 * (1 - Math.cos(Math.PI * progress));
  return 1 - Math.sqrt(1 - progress);
}

/**
 * Warmup-stable-decay ("trapezoidal", Hu et al. 2024; Hägele et al. 2024): a linear warmup to the base
 * rate, a long flat phase, then a short decay to `minFactor · baseLr`. The stable phase can be extended
 * without knowing the run length in advance.
 *
 * - Endpoints: `startFactor·baseLr` at 0, `baseLr` from `warmupSteps` to `warmupSteps + stableSteps`,
 *   `minFactor·baseLr` from the end of the decay on.
 * - Bounds: within [min(startFactor, minFactor)·baseLr, baseLr] for factors in [0, 1].
 */
export function wsd(options: WsdOptions): Schedule {
  const o = resolveOptions(wsdRules, options, { type: 'wsd' });
  const { warmupSteps, stableSteps, decaySteps, decayShape, startFactor, minFactor } = o;
  const warmupShape = o.warmupShape ?? 'linear';
  const decayCycles = o.decayCycles ?? 0.5;
  const decayStart = warmupSteps + stableSteps;
  return createSchedule({
    type: 'wsd',
    spec: specOf('wsd', o),
    lr: (t, baseLr) => {
      if (t < warmupSteps) {
        // t / w first: no underflow
        if (warmupShape === 'linear') return baseLr * (startFactor + (1 - startFactor) * (t / warmupSteps));
        return baseLr * (startFactor + (1 - startFactor) * warmupCurve(warmupShape, t / warmupSteps));
      }
      if (t < decayStart) return baseLr;
      if (t >= decayStart + decaySteps) return baseLr * minFactor;
      const progress = (t - decayStart) / decaySteps;
      return baseLr * (minFactor + (1 - minFactor) * decayCurve(decayShape, progress, decayCycles));
    },
  });
}

/** {@link wsd}'s descriptor. */
export const wsdDescriptor: ScheduleDescriptor<WsdSpec, WsdOptions> = {
  type: 'wsd',
  label: 'Warmup-stable-decay',
  formula: '\\eta_0 \\cdot \\begin{cases} f_s + (1 - f_s)\\,t/w & t < w \\\\ 1 & t < w + s \\\\ f_m + (1 - f_m)\\,d(p) & \\text{decay} \\end{cases}',
  rules: wsdRules,
  create: (spec) => wsd(spec as never),
  options: {
    warmupSteps: { kind: 'number', min: 0, max: 200, step: 1, sample: 10 },
    stableSteps: { kind: 'number', min: 0, max: 1000, step: 1, sample: 60 },
    decaySteps: { kind: 'number', min: 0, max: 500, step: 1, sample: 30 },
    decayShape: { kind: 'choice', choices: SHAPES, sample: 'cosine' },
    startFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
    minFactor: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.05 },
    warmupShape: { kind: 'choice', choices: SHAPES, sample: 'linear' },
    decayCycles: { kind: 'number', min: 0.25, max: 3, step: 0.25, sample: 0.5, when: { decayShape: 'cosine' }, absentInSample: true },
  },
  source: 'Hu et al. 2024, arXiv:2404.06395; Hägele et al. 2024, arXiv:2405.18392',
};
