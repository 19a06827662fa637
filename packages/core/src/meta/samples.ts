/**
 * Sample values from the descriptors: a valid spec of every schedule kind, and for each option a second
 * valid value, for the playground, the reference, the fuzz suite and the tests.
 *
 * @packageDocumentation
 */
import type { OptionMeta, ScheduleDescriptor } from '../descriptor.js';

/** Child schedules a combinator's sample wraps: a short ramp, then a cosine. */
const SAMPLE_CHILDREN: readonly Record<string, unknown>[] = [
  { type: 'linear', startFactor: 0.2, endFactor: 1, totalIters: 10 },
  { type: 'cosine', tMax: 40, etaMin: 0.001 },
];

/** The value `meta` gives its option in a sample, or `undefined` when the sample leaves it out. */
export function sampleValue(meta: OptionMeta): unknown {
  if (meta.kind === 'function' || meta.kind === 'inert') return undefined;
  if ((meta.kind === 'number' || meta.kind === 'integer') && meta.absentInSample === true) return undefined;
  return Array.isArray(meta.sample) ? [...(meta.sample as number[])] : meta.sample;
}

/** A valid JSON spec of `descriptor`'s kind from its sample values (combinators wrap sample children). */
export function sampleSpec(descriptor: ScheduleDescriptor): Record<string, unknown> {
  const spec: Record<string, unknown> = { type: descriptor.type };
  for (const [key, meta] of Object.entries(descriptor.options)) {
    const value = sampleValue(meta);
    if (value !== undefined) spec[key] = value;
  }
  if (descriptor.children === 'schedule') spec.schedule = { ...SAMPLE_CHILDREN[1] };
  if (descriptor.children === 'schedules') {
    const count = Array.isArray(spec.milestones) ? spec.milestones.length + 1 : 2;
    spec.schedules = Array.from({ length: count }, (_, i) => ({ ...SAMPLE_CHILDREN[i % SAMPLE_CHILDREN.length] }));
  }
  return spec;
}

/**
 * A valid value of the option other than its sample value, or `undefined` for options that have none to
 * offer (functions, inert ones). Numbers: the end of the range farther from the sample.
 */
export function alternativeValue(meta: OptionMeta): unknown {
  switch (meta.kind) {
    case 'number':
    case 'integer':
      return meta.absentInSample === true ? meta.min : Math.abs(meta.max - meta.sample) >= Math.abs(meta.sample - meta.min) ? meta.max : meta.min;
    case 'boolean':
      return !meta.sample;
    case 'choice':
      return meta.choices.find((c) => c !== meta.sample);
    case 'steps':
      return meta.sample.map((m) => Math.max(0, Math.round(m / 2)));
    case 'numbers':
      return meta.sample.map((v) => (v === meta.max ? meta.min : meta.max));
    default:
      return undefined;
  }
}
