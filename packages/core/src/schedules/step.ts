import { createSchedule, type Schedule } from '../schedule.js';
import { finite, positive } from '../internal/validate.js';
import { pickRules, resolveOptions, specOf, type Rules, type SpecOf } from '../internal/options.js';
import type { ScheduleDescriptor } from '../descriptor.js';
import { pyMod } from '../internal/python.js';

/** Options of {@link step}. */
export interface StepOptions {
  /** Period of the decay, in steps. Required, > 0. */
  stepSize: number;
  /** Multiplier applied once per period. Default `0.1`. */
  gamma?: number;
  /**
   * An absolute bound the rate does not pass: for `gamma < 1` it never falls below it, for `gamma >= 1` never
   * rises above it (optax `exponential_decay` with `staircase` and `end_value`). Default: no bound; PyTorch's
   * `StepLR` has no such keyword.
   */
  endLr?: number;
}

/** Checks and defaults of {@link StepOptions} (also `StepLR`'s). */
export const stepScheduleRules = {
  stepSize: { kind: 'required', check: positive },
  gamma: { kind: 'default', check: finite, value: 0.1 },
  endLr: { kind: 'optional', check: finite },
} satisfies Rules<StepOptions>;

/** Checks and defaults of `StepLR`'s options (`stepSize`, `gamma`). */
export const stepRules = /* @__PURE__ */ pickRules(stepScheduleRules, 'stepSize', 'gamma');

/** JSON form of {@link step}. */
export interface StepSpec extends SpecOf<'step', typeof stepScheduleRules> {}

/** `gamma ^ floor(t / stepSize)`: PyTorch `StepLR`'s closed form multiplier. */
export function stepFactor(t: number, stepSize: number, gamma: number): number {
  return gamma ** Math.floor(t / stepSize);
}

/** The recursive multiplier of PyTorch's `StepLR.get_lr` at `lastEpoch`: `gamma` on each multiple of `stepSize`. */
export function stepChainFactor(lastEpoch: number, stepSize: number, gamma: number): number {
  return lastEpoch === 0 || pyMod(lastEpoch, stepSize) !== 0 ? 1 : gamma;
}

/**
 * Step decay: the rate is multiplied by `gamma` every `stepSize` steps (PyTorch `StepLR`).
 *
 * - Endpoints: `lr(0) = baseLr`; `lr(k · stepSize) = baseLr · gamma^k`.
 * - Bounds: for `0 <= gamma <= 1`, within [0, baseLr] and non-increasing.
 */
export function step(options: StepOptions): Schedule {
  const o = resolveOptions(stepScheduleRules, options, { type: 'step' });
  const { stepSize, gamma, endLr } = o;
  return createSchedule({
    type: 'step',
    spec: specOf('step', o),
    lr: (t, baseLr) => {
      const value = baseLr * stepFactor(t, stepSize, gamma);
      return endLr === undefined ? value : gamma < 1 ? Math.max(value, endLr) : Math.min(value, endLr);
    },
  });
}

/** {@link step}'s descriptor. */
export const stepDescriptor: ScheduleDescriptor<StepSpec, StepOptions> = {
  type: 'step',
  label: 'Step decay',
  formula: '\\eta_0 \\cdot \\gamma^{\\lfloor t / s \\rfloor}',
  rules: stepScheduleRules,
  create: (spec) => step(spec as never),
  torch: {
    class: 'StepLR',
    kwargs: { stepSize: 'step_size', gamma: 'gamma' },
    docs: 'https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html',
  },
  options: {
    stepSize: { kind: 'number', min: 1, max: 500, step: 1, sample: 30 },
    gamma: { kind: 'number', min: 0, max: 1, step: 0.05, sample: 0.1 },
    endLr: { kind: 'number', min: 0.005, max: 0.05, step: 0.001, sample: 0.01, absentInSample: true },
  },
};
